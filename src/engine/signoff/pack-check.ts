/**
 * Verifying an audit pack from the workbook alone (issue 11): the session carries an image of every
 * cell the pack wrote (a short SHA-256 per cell, as a reader reads it back, money to the penny), so a
 * changed detail amount, Summary value or reconciling item is found at its sheet and cell; every
 * Summary figure is recomputed from the detail sheets (reperform.ts), so a changed detail amount is
 * also found at each Summary figure it no longer adds up to; the trail
 * chain is re-computed; each sign-off's digest is checked against the content now; and, given the
 * sources, each input sheet's SHA-256 against the Sources sheet.
 */
import { digestOf } from '../audit/canonical';
import { verifyChain } from '../audit/chain';
import { columnLetter, isCellError, type RawCell, type SheetData } from '../cells';
import { fingerprintSheet } from '../fingerprint';
import { reperformPack } from './reperform';
import { SESSION_SHEET, type WorkbookSession } from './session-sheet';
import type { SignRole } from './signoff';

/** Sheet name -> rows of short cell hashes ('' for an empty cell). */
export type PackImage = Readonly<Record<string, readonly (readonly string[])[]>>;

/** A cell's value in the form compared: numbers to the penny (spreadsheets may store 0.1 + 0.2), text as is. */
function norm(c: RawCell | undefined): string | null {
  if (c === null || c === undefined || c === '') return null;
  if (isCellError(c)) return `#${c.error}`;
  if (typeof c === 'number') return `n${Math.round(c * 100)}`;
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return `s${c}`;
}

/** The image of the pack's sheets as read back (row 1, column 1 first). */
export function packImage(sheets: readonly SheetData[]): PackImage {
  const out: Record<string, string[][]> = {};
  for (const s of sheets) {
    if (s.name === SESSION_SHEET.name) continue;
    const rows: string[][] = [];
    s.rows.forEach((row, ri) => {
      const r = s.originRow + ri - 1;
      rows[r] ??= [];
      row.forEach((c, ci) => {
        const v = norm(c);
        if (v !== null) (rows[r] as string[])[s.originCol + ci - 1] = digestOf(v).slice(0, 10);
      });
    });
    out[s.name] = Array.from(rows, (r) => Array.from(r ?? [], (x) => x ?? ''));
  }
  return out;
}

export interface Finding {
  readonly code: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

export interface PackVerification {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  readonly signOffs: readonly { readonly role: SignRole; readonly name: string; readonly valid: boolean }[];
  readonly trail: { readonly events: number; readonly intact: boolean };
  /** How many Summary figures were recomputed from the detail sheets (reperform.ts). */
  readonly figures: number;
}

/** Compares the pack now against the image the session holds, cell by cell. */
export function imageFindings(written: PackImage, now: PackImage): Finding[] {
  const out: Finding[] = [];
  for (const [sheet, rows] of Object.entries(written)) {
    const cur = now[sheet];
    if (!cur) {
      out.push({ code: 'sheet.missing', sheet, cell: 'A1', message: `${sheet} was removed from the pack` });
      continue;
    }
    const height = Math.max(rows.length, cur.length);
    for (let r = 0; r < height; r++) {
      const a = rows[r] ?? [];
      const b = cur[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        if ((a[c] ?? '') === (b[c] ?? '')) continue;
        const cell = `${columnLetter(c + 1)}${r + 1}`;
        out.push({ code: codeFor(sheet), sheet, cell, message: `${sheet}!${cell} differs from the value written${sheet === 'HL Summary' ? ' (a Summary figure)' : ''}` });
      }
    }
  }
  return out;
}

function codeFor(sheet: string): string {
  if (sheet === 'HL Summary') return 'summary.changed';
  if (sheet === 'HL Reconciling items') return 'item.changed';
  return 'detail.changed';
}

/** Re-performs the pack: image, Summary figures, trail, sign-offs, and the sources when given (sheet name -> data). */
export function verifyPack(session: WorkbookSession, image: PackImage, packSheets: readonly SheetData[], sources?: readonly SheetData[]): PackVerification {
  const findings: Finding[] = [];
  const written = session.image;
  if (written) findings.push(...imageFindings(written, image));
  else findings.push({ code: 'session.no-image', sheet: SESSION_SHEET.name, cell: 'A3', message: 'the session holds no image of the pack: its cells cannot be checked' });
  // Every Summary figure recomputed from the detail sheets as they are now.
  const reperformed = reperformPack(packSheets.filter((s) => s.name !== SESSION_SHEET.name));
  findings.push(...reperformed.findings);

  const chain = verifyChain(session.trail);
  if (!chain.intact) {
    findings.push({ code: 'trail.broken', sheet: SESSION_SHEET.name, cell: 'A3', message: `the trail's chain breaks at event ${chain.brokenAt + 1} of ${chain.events} (${chain.why === 'prev' ? 'an event before it was removed or reordered' : 'the event was edited'})` });
  }
  if (sources) {
    const src = packSheets.find((s) => s.name === 'HL Sources');
    for (const [name, sha] of Object.entries(session.content.sources)) {
      const sheet = sources.find((s) => s.name === name);
      let rowIdx = -1;
      src?.rows.forEach((r, i) => {
        if (rowIdx < 0 && r[2] === name) rowIdx = i;
      });
      const cell = rowIdx >= 0 && src ? `G${src.originRow + rowIdx}` : 'G2';
      if (!sheet) findings.push({ code: 'source.missing', sheet: 'HL Sources', cell, message: `the sources workbook has no sheet ${name}` });
      else if (fingerprintSheet(sheet) !== sha) findings.push({ code: 'source.changed', sheet: 'HL Sources', cell, message: `${name} differs from the SHA-256 recorded when the pack was written` });
    }
  }

  const digest = digestOf(session.content);
  const changed = findings.length > 0;
  const signOffs = session.signOffs.map((s) => ({ role: s.role, name: s.name, valid: s.voided === null && s.digest === digest && !changed }));
  for (const s of session.signOffs) {
    if (s.voided === null && s.digest !== digest) findings.push({ code: 'signoff.digest', sheet: SESSION_SHEET.name, cell: 'A3', message: `the ${s.role}'s sign-off (${s.name}) was given for other content` });
  }
  return { ok: findings.length === 0, findings, signOffs, trail: { events: chain.events, intact: chain.intact }, figures: reperformed.figures };
}
