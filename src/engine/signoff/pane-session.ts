/**
 * The session the pane writes into the workbook with the audit pack (issue 11), and the other way:
 * a workbook's session as the pane's working copy. The pane's store keeps its trail as plain events;
 * here they become the hash-chained trail the sheet carries (events that came from a workbook keep
 * their own links, so a chain that travelled stays the same chain).
 */
import { appendEvent, chainHead, type ChainedEvent } from '../audit/chain';
import type { SheetData } from '../cells';
import type { UserReconcilingItem } from '../config';
import type { MonthEndReady } from '../jobs/month-end';
import type { Pence } from '../money';
import type { SuggestionDecision } from '../reconcile/suggestions';
import type { ReconcileResult } from '../reconcile/types';
import type { Resolution } from '../suspense/review-queue';
import { suspenseDecisionsOf, type StoredSignOff } from './bound-signoffs';
import { packImage } from './pack-check';
import { packSession } from './pack-session';
import { sessionSheet, SESSION_SHEET, type WorkbookSession } from './session-sheet';
import type { SignOff, TrailBody, TrailEvent } from './signoff';

/** A trail event as the pane's store keeps it. */
export interface PlainTrailEvent {
  readonly at: string;
  readonly actor: string;
  readonly event: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

const isChained = (v: unknown): v is TrailEvent => typeof v === 'object' && v !== null && typeof (v as TrailEvent).hash === 'string' && typeof (v as TrailEvent).prev === 'string';

/** The store's events as a hash-chained trail: an event from a workbook is kept as it was when it still links. */
export function chainTrail(events: readonly PlainTrailEvent[]): TrailEvent[] {
  const out: TrailEvent[] = [];
  for (const e of events) {
    const kept = e.detail['chained'];
    const head = out.length ? (out[out.length - 1] as TrailEvent).hash : null;
    if (isChained(kept) && (head === null ? out.length === 0 : kept.prev === head)) {
      out.push(kept);
      continue;
    }
    const d = e.detail;
    const text = (k: string): string | undefined => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
    const body: TrailBody = {
      at: e.at,
      who: e.actor,
      action: e.event,
      message: text('message') ?? e.event,
      ...(text('item') ? { item: text('item') as string } : {}),
      ...(text('account') ? { account: text('account') as string } : {}),
      ...(typeof d['amount'] === 'number' && Number.isSafeInteger(d['amount']) ? { amount: d['amount'] as Pence } : {}),
      ...(text('from') !== undefined ? { from: text('from') as string } : {}),
      ...(text('to') !== undefined ? { to: text('to') as string } : {}),
    };
    out.push(appendEvent<TrailBody>(out as ChainedEvent[], body));
  }
  return out;
}

/** A stored sign-off in the session's form (one saved before digests were bound is void). */
function asSessionSignOff(s: StoredSignOff): SignOff {
  return { role: s.role, name: s.name, at: s.at, digest: s.digest ?? '', reason: s.reason ?? null, voided: s.voided ?? (s.digest ? null : { at: s.at, by: 'signed before sign-offs were bound to the figures' }) };
}

/**
 * The `HL Session` sheet for a pack the pane just wrote: the pack's sheets as read back give the
 * image verify checks; the session records the config, the items, people's suspense decisions, the
 * sign-offs and the trail (with the pack written on its end).
 */
export function paneSessionSheet(
  run: MonthEndReady,
  result: ReconcileResult,
  args: {
    readonly savedAt: string;
    readonly who: string;
    readonly config: Readonly<Record<string, unknown>>;
    readonly userItems: readonly UserReconcilingItem[];
    readonly resolutions: Readonly<Record<string, Resolution>> | null;
    /** People's decisions on the suggested reconciling items (absent: none decided). */
    readonly suggestionDecisions?: readonly SuggestionDecision[];
    readonly signOffs: readonly StoredSignOff[];
    readonly trail: readonly PlainTrailEvent[];
    readonly packSheets: readonly SheetData[];
  },
): { session: WorkbookSession; sheet: ReturnType<typeof sessionSheet> } {
  // Plain data as JSON has it: what crossed a realm boundary (a worker's clone) is made this realm's own.
  const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  args = { ...args, config: plain(args.config), resolutions: plain(args.resolutions), signOffs: plain(args.signOffs), trail: plain(args.trail), userItems: plain(args.userItems) };
  const session: WorkbookSession = {
    ...packSession(run, result, {
      savedAt: args.savedAt,
      who: args.who,
      userItems: args.userItems,
      suggestionDecisions: plain(args.suggestionDecisions ?? []),
      suspenseDecisions: suspenseDecisionsOf(args.resolutions),
      prior: { signOffs: args.signOffs.map(asSessionSignOff), trail: chainTrail(args.trail) },
      image: packImage(args.packSheets.filter((s) => s.name !== SESSION_SHEET.name)),
      config: args.config,
    }),
    ...(args.resolutions && Object.keys(args.resolutions).length ? { resolutions: args.resolutions } : {}),
  };
  return { session, sheet: sessionSheet(session) };
}

/**
 * The trail's head once this pack is written (for the Summary), before the pack's cells exist: the
 * pack-written event does not depend on them, so paneSessionSheet with the same arguments ends the
 * trail on the same hash.
 */
export function paneTrailHead(run: MonthEndReady, result: ReconcileResult, args: Omit<Parameters<typeof paneSessionSheet>[2], 'packSheets'>): string {
  const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const trail = packSession(run, result, {
    savedAt: args.savedAt,
    who: args.who,
    suspenseDecisions: suspenseDecisionsOf(plain(args.resolutions)),
    prior: { signOffs: plain(args.signOffs).map(asSessionSignOff), trail: chainTrail(plain(args.trail)) },
  }).trail;
  return chainHead(trail);
}

/** What the pane's working copy takes from a workbook's session. */
export interface ResumedSession {
  readonly period: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly items: readonly UserReconcilingItem[];
  readonly resolutions: Readonly<Record<string, Resolution>>;
  /** People's decisions on the suggested reconciling items (absent: none). */
  readonly suggestionDecisions?: readonly SuggestionDecision[];
  readonly fingerprints: Readonly<Record<string, string>>;
  readonly signOffs: readonly StoredSignOff[];
  /** The trail as the store keeps it, each event carrying its chained original. */
  readonly trail: readonly PlainTrailEvent[];
}

/** A workbook's session as a working copy (config: the one it carries; else the settings it signed, codes as a map). */
export function resumedFrom(ws: WorkbookSession): ResumedSession {
  const { codes, ...rest } = ws.content.settings as Record<string, unknown> & { codes?: [string, string][] };
  const { reconcilingItems: _items, ...config } = (ws.config ?? { ...rest, codes: Object.fromEntries(codes ?? []) }) as Record<string, unknown>;
  return {
    period: ws.period,
    config,
    items: ws.userItems,
    resolutions: ws.resolutions ?? {},
    suggestionDecisions: ws.suggestionDecisions ?? [],
    fingerprints: ws.content.sources,
    signOffs: ws.signOffs.map((s) => ({ role: s.role, name: s.name, at: s.at, digest: s.digest, reason: s.reason, voided: s.voided })),
    trail: ws.trail.map((e) => ({ at: e.at, actor: e.who, event: e.action, detail: { message: e.message, chained: e } })),
  };
}
