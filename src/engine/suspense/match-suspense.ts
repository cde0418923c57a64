/**
 * Suspense matching, first cut: finds the account a suspense item belongs to from evidence that is
 * safe to act on (the account reference itself, typed or inside text; the property reference), and
 * explains every candidate in words. A wrong automatic allocation moves one tenant's money onto
 * another's account (DOMAIN.md section 4), so `auto` needs one strong candidate clearly ahead.
 */
import type { Tenancy, SuspenseItem } from '../records';

export interface SuspenseCandidate {
  readonly account: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

export type SuspenseDecision = 'auto' | 'review' | 'none';

export interface SuspenseMatch {
  readonly item: string;
  readonly decision: SuspenseDecision;
  readonly account: string | null;
  readonly score: number;
  readonly candidates: readonly SuspenseCandidate[];
}

export interface SuspenseMatchConfig {
  /** Best score needed for an automatic allocation. */
  readonly autoThreshold: number;
  /** How far ahead of the runner-up the best must be for an automatic allocation. */
  readonly autoMargin: number;
  /** Lowest score worth showing a person. */
  readonly reviewThreshold: number;
  readonly autoEnabled: boolean;
}

export const DEFAULT_SUSPENSE_MATCH: SuspenseMatchConfig = { autoThreshold: 0.9, autoMargin: 0.15, reviewThreshold: 0.5, autoEnabled: true };

interface Index {
  readonly byAccount: ReadonlyMap<string, Tenancy>;
  /** Account refs with leading zeros removed (a spreadsheet strips them). */
  readonly byStripped: ReadonlyMap<string, readonly Tenancy[]>;
  readonly byProperty: ReadonlyMap<string, readonly Tenancy[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function norm(ref: string): string {
  return ref.toUpperCase().replace(/[\s-]/g, '');
}

function buildIndex(roll: readonly Tenancy[]): Index {
  const byAccount = new Map<string, Tenancy>();
  const byStripped = new Map<string, Tenancy[]>();
  const byProperty = new Map<string, Tenancy[]>();
  for (const t of roll) {
    byAccount.set(norm(t.account), t);
    push(byStripped, norm(t.account).replace(/^0+/, ''), t);
    if (t.property) push(byProperty, norm(t.property), t);
  }
  return { byAccount, byStripped, byProperty };
}

function surname(name: string): string {
  const words = name.toUpperCase().replace(/[^A-Z\s&]/g, ' ').split(/\s+/).filter((w) => w.length > 1 && !['MR', 'MRS', 'MS', 'MISS', 'DR'].includes(w));
  return words[words.length - 1] ?? '';
}

function tenantSurnames(tenant: string): Set<string> {
  return new Set(tenant.split(/&|\band\b/i).map(surname).filter((s) => s !== ''));
}

/** Ranks candidate accounts for one item; best first, ties broken by account ref. */
export function candidatesFor(item: SuspenseItem, index: Index): SuspenseCandidate[] {
  const found = new Map<string, { score: number; reasons: string[] }>();
  const add = (t: Tenancy, score: number, reason: string): void => {
    const c = found.get(t.account);
    if (!c) found.set(t.account, { score, reasons: [reason] });
    else if (score > c.score) {
      c.score = score;
      c.reasons.unshift(reason);
    } else c.reasons.push(reason);
  };
  const ref = norm(item.reference);
  if (ref) {
    const exact = index.byAccount.get(ref);
    if (exact) add(exact, 0.97, `reference ${item.reference.trim()} is account ${exact.account}`);
    else {
      for (const t of index.byStripped.get(ref.replace(/^0+/, '')) ?? []) add(t, 0.92, `reference ${item.reference.trim()} is account ${t.account} without its leading zeros`);
    }
    for (const t of index.byProperty.get(ref) ?? []) add(t, t.end === null ? 0.8 : 0.6, `reference ${item.reference.trim()} is the property ref ${t.property} of account ${t.account}${t.end === null ? '' : ' (tenancy ended)'}`);
  }
  // A reference inside text: "RENT 10234567 FLAT 2".
  const text = `${item.reference} ${item.narrative}`;
  for (const token of text.toUpperCase().match(/[A-Z]*\d[\dA-Z]*/g) ?? []) {
    if (token === ref) continue;
    const t = index.byAccount.get(token);
    if (t) add(t, 0.9, `account ${t.account} appears in the text "${text.trim()}"`);
    const p = index.byProperty.get(token);
    for (const pt of p ?? []) add(pt, pt.end === null ? 0.75 : 0.55, `property ref ${pt.property} of account ${pt.account} appears in the text`);
  }
  // The payer's surname against the tenants': supporting evidence only.
  const payer = surname(item.payer);
  const out: SuspenseCandidate[] = [];
  for (const [account, c] of found) {
    const t = index.byAccount.get(norm(account));
    let score = c.score;
    const reasons = [...c.reasons];
    if (t && payer) {
      if (tenantSurnames(t.tenant).has(payer)) {
        score = Math.min(1, score + 0.03);
        reasons.push(`payer ${item.payer} shares the surname of tenant ${t.tenant}`);
      } else {
        score = Math.max(0, score - 0.05);
        reasons.push(`payer ${item.payer} does not share a surname with tenant ${t.tenant}`);
      }
    }
    if (t && t.weeklyCharge > 0 && item.amount % t.weeklyCharge === 0) reasons.push(`amount is ${item.amount / t.weeklyCharge} x the weekly charge`);
    out.push({ account, score: Math.round(score * 1000) / 1000, reasons });
  }
  return out.sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/** Decides for every item: auto (strong and clearly ahead), review (plausible), none. */
export function matchSuspense(items: readonly SuspenseItem[], roll: readonly Tenancy[], config: SuspenseMatchConfig = DEFAULT_SUSPENSE_MATCH): SuspenseMatch[] {
  const index = buildIndex(roll);
  return items.map((item) => {
    const candidates = candidatesFor(item, index).filter((c) => c.score >= config.reviewThreshold);
    const [best, second] = candidates;
    const clear = best !== undefined && best.score >= config.autoThreshold && (second === undefined || best.score - second.score >= config.autoMargin);
    const decision: SuspenseDecision = best === undefined ? 'none' : clear && config.autoEnabled ? 'auto' : 'review';
    return { item: item.item, decision, account: decision === 'auto' && best ? best.account : null, score: best?.score ?? 0, candidates };
  });
}
