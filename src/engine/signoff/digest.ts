/**
 * What a sign-off signs: one SHA-256 over a canonical form of the sources' fingerprints, the settings,
 * the reconciling items (with each suggested item's decision), the suspense decisions and the result
 * figures. Change any of them and the digest changes, so a signature recorded with the old digest no
 * longer stands for the figures shown.
 */
import { digestOf } from '../audit/canonical';
import type { LedgerConfig } from '../config';
import type { ReconcileResult } from '../reconcile/types';

export interface SignedContent {
  /** SHA-256 per source sheet name. */
  readonly sources: Readonly<Record<string, string>>;
  /** The settings as plain data (see settingsOf). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly reconcilingItems: readonly Readonly<Record<string, unknown>>[];
  /** A person's suspense decisions, as plain data (item, action, account, who). */
  readonly suspenseDecisions: readonly Readonly<Record<string, unknown>>[];
  readonly figures: Readonly<Record<string, unknown>>;
}

/** The settings as plain data: the code map as sorted pairs, everything else as it is. */
export function settingsOf(config: LedgerConfig): Record<string, unknown> {
  const { codes, reconcilingItems: _items, ...rest } = config;
  return JSON.parse(JSON.stringify({ ...rest, codes: [...codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) })) as Record<string, unknown>;
}

/** The figures a reviewer reads on the Summary, in pence. */
export function figuresOf(r: ReconcileResult): Record<string, unknown> {
  return {
    period: r.period.label,
    hms: { ...r.hms },
    gl: { ...r.gl },
    difference: r.difference,
    components: r.components.map((c) => ({ ...c })),
    suspense: { glBalance: r.suspense.glBalance, itemsTotal: r.suspense.itemsTotal, difference: r.suspense.difference },
    reconcilingTotal: r.reconcilingTotal,
    unexplained: r.unexplained,
    status: r.status,
  };
}

/**
 * The reconciling items as signed: every field, including whether a suggested one was accepted and,
 * once a person decided it, who (so rejecting a suggestion after signing voids the signatures too,
 * though it counts no more than an undecided one). An undecided suggestion carries no `decidedBy`,
 * so the content of a pack written before suggestions were decided keeps its digest.
 */
export function itemsOf(r: ReconcileResult): Record<string, unknown>[] {
  return r.reconcilingItems.map((i) => ({
    ref: i.ref,
    type: i.type,
    date: i.date,
    amount: i.amount,
    explanation: i.explanation,
    owner: i.owner,
    origin: i.origin,
    accepted: i.accepted,
    ...(i.origin === 'suggested' && i.decidedBy ? { decidedBy: i.decidedBy } : {}),
  }));
}

export function signedContent(args: {
  readonly fingerprints: Readonly<Record<string, string>>;
  readonly config: LedgerConfig;
  readonly result: ReconcileResult;
  readonly suspenseDecisions?: readonly Readonly<Record<string, unknown>>[];
}): SignedContent {
  return {
    sources: { ...args.fingerprints },
    settings: settingsOf(args.config),
    reconcilingItems: itemsOf(args.result),
    suspenseDecisions: (args.suspenseDecisions ?? []).map((d) => ({ ...d })),
    figures: figuresOf(args.result),
  };
}

/** SHA-256 (hex) of the signed content's canonical form. */
export function signOffDigest(content: SignedContent): string {
  return digestOf(content);
}
