/**
 * The session travels inside the workbook (issue 11): the settings, reconciling items, decisions,
 * sign-offs and trail, as canonical JSON chunked into the cells of one very hidden, protected sheet.
 * Excel keeps at most 32,767 characters in a cell; a chunk is 30,000, so a session of any size fits
 * (one row per chunk, column A). Row 1 says what the sheet is; row 2 holds the format, the number of
 * chunks and the SHA-256 of the JSON, so a truncated or edited copy is recognised, never half-read.
 */
import { canonicalJson, digestOf } from '../audit/canonical';
import type { SheetData } from '../cells';
import type { UserReconcilingItem } from '../config';
import type { SuggestionDecision } from '../reconcile/suggestions';
import type { SheetSpec } from '../sheet-spec';
import type { Resolution } from '../suspense/review-queue';
import type { SignedContent } from './digest';
import type { SignOff, TrailEvent } from './signoff';

export const SESSION_SHEET = { key: 'audit.session', name: 'HL Session' } as const;
export const SESSION_FORMAT = 'housing-ledger.session/1';
export const CHUNK_CHARS = 30_000;

export interface WorkbookSession {
  readonly format: typeof SESSION_FORMAT;
  /** ISO instant the session was written: the newer of this and the working copy wins. */
  readonly savedAt: string;
  readonly period: string;
  /** The source workbook's name. */
  readonly file: string;
  readonly userItems: readonly UserReconcilingItem[];
  readonly suggestionDecisions: readonly SuggestionDecision[];
  /** What the figures in the pack are: the content a sign-off's digest is computed over. */
  readonly content: SignedContent;
  readonly signOffs: readonly SignOff[];
  readonly trail: readonly TrailEvent[];
  /** The config file's JSON as given (the pane's settings or the CLI's --config), to resume with; absent in older packs. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** People's suspense decisions (item -> resolution), so a reviewer elsewhere sees them; absent when none. */
  readonly resolutions?: Readonly<Record<string, Resolution>>;
  /** A short hash of every cell of the pack's other HL sheets as written (pack-check.ts). */
  readonly image?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/** The very hidden sheet that carries the session. */
export function sessionSheet(session: WorkbookSession): SheetSpec & { readonly veryHidden: true } {
  const json = canonicalJson(session);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(json.slice(i, i + CHUNK_CHARS));
  const text = (value: string) => ({ kind: 'text' as const, value });
  return {
    key: SESSION_SHEET.key,
    name: SESSION_SHEET.name,
    rows: [
      [text('Housing Ledger session: the settings, items, decisions, sign-offs and trail of this pack. Do not edit: verify checks it.')],
      [text(SESSION_FORMAT), { kind: 'number', value: chunks.length }, text(digestOf(session))],
      ...chunks.map((c) => [text(c)]),
    ],
    columnWidths: [40, 10, 70],
    tables: [],
    freeze: null,
    protect: true,
    veryHidden: true,
  };
}

export type SessionRead =
  | { readonly ok: true; readonly session: WorkbookSession }
  | { readonly ok: false; readonly reason: 'absent' | 'damaged'; readonly message: string };

/** The session in the workbook's sheets, if one is there and whole. */
export function readSessionSheet(sheets: readonly SheetData[]): SessionRead {
  const sheet = sheets.find((s) => s.name === SESSION_SHEET.name);
  if (!sheet) return { ok: false, reason: 'absent', message: `no ${SESSION_SHEET.name} sheet: this workbook carries no session` };
  const cell = (r: number, c: number): unknown => sheet.rows[r - sheet.originRow]?.[c - sheet.originCol];
  const damaged = (why: string): SessionRead => ({ ok: false, reason: 'damaged', message: `${SESSION_SHEET.name}: ${why}` });
  if (cell(2, 1) !== SESSION_FORMAT) return damaged(`A2 should say ${SESSION_FORMAT}`);
  const n = cell(2, 2);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return damaged('B2 should hold the number of chunks');
  let json = '';
  for (let i = 0; i < n; i++) {
    const c = cell(3 + i, 1);
    if (typeof c !== 'string') return damaged(`A${3 + i} is missing (chunk ${i + 1} of ${n})`);
    json += c;
  }
  let session: WorkbookSession;
  try {
    session = JSON.parse(json) as WorkbookSession;
  } catch {
    return damaged('the chunks are not JSON');
  }
  if (session.format !== SESSION_FORMAT) return damaged('not a session');
  if (digestOf(session) !== cell(2, 3)) return damaged('C2: the session does not match its SHA-256 (edited?)');
  return { ok: true, session };
}

/** Which copy to resume: the newer; a conflict when both changed since the same trail head (never merged). */
export function chooseSession(
  working: WorkbookSession | null,
  inWorkbook: WorkbookSession | null,
): { readonly use: 'working' | 'workbook' | 'none'; readonly conflict: boolean } {
  if (!working && !inWorkbook) return { use: 'none', conflict: false };
  if (!inWorkbook) return { use: 'working', conflict: false };
  if (!working) return { use: 'workbook', conflict: false };
  const prefix = (a: readonly TrailEvent[], b: readonly TrailEvent[]) => a.every((e, i) => b[i]?.hash === e.hash);
  const conflict = !prefix(working.trail, inWorkbook.trail) && !prefix(inWorkbook.trail, working.trail);
  return { use: inWorkbook.savedAt > working.savedAt ? 'workbook' : 'working', conflict };
}
