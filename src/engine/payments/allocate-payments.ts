/**
 * Allocation: each payment line's reference is resolved to a rent account, first exactly, then by
 * the repairs the suspense matcher judges safe to make automatically; every other line goes to
 * suspense with the reason. A wrong automatic allocation harms a tenant (DOMAIN.md section 4), so
 * anything short of the matcher's `auto` decision is left for a person.
 */
import type { Category } from '../categories';
import { sumPence, toPence, type Pence } from '../money';
import type { SuspenseItem, Tenancy } from '../records';
import { DEFAULT_SUSPENSE_MATCH, matchSuspense, repairs, type SuspenseMatchConfig } from '../suspense/match-suspense';
import type { LedgerBatch } from './import-ledger';
import type { PaymentLine } from './read-payment-file';

export interface AllocatedLine {
  readonly line: PaymentLine;
  readonly account: string;
  readonly how: 'exact' | 'repaired';
  readonly reason: string;
  readonly batchRef: string;
}

export interface SuspenseLine {
  readonly line: PaymentLine;
  /** The suspense item's ref: the batch and the file line ("AP20250305-3FA9C1-L12"). */
  readonly itemRef: string;
  readonly reason: string;
  readonly batchRef: string;
}

export interface Allocation {
  readonly channel: Category;
  readonly allocated: readonly AllocatedLine[];
  readonly suspense: readonly SuspenseLine[];
  /** One batch per day, in date order. */
  readonly batches: readonly LedgerBatch[];
}

export interface AllocationConfig {
  /** What happens to a payment whose reference is an account whose tenancy ended before the payment. */
  readonly endedTenancies: 'suspense' | 'post';
  readonly match: SuspenseMatchConfig;
}

export const DEFAULT_ALLOCATION: AllocationConfig = { endedTenancies: 'suspense', match: DEFAULT_SUSPENSE_MATCH };

/** The batch prefix of each channel. */
const BATCH_PREFIX: Readonly<Record<Category, string>> = {
  RENT: 'RN', HB: 'HB', UC: 'UC', DD: 'DD', ALLPAY: 'AP', CASH: 'CO', BANK: 'BK', CARD: 'CD', WRITEOFF: 'WO', REFUND: 'RF', TRANSFER: 'TR', ADJUST: 'AJ',
};

function norm(ref: string): string {
  return ref.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * The rent roll indexed for allocation. Exact references need one map; the repair indexes (leading
 * zeros, property refs, postcodes) are built on first use, since most files need none of them.
 */
export class RollIndex {
  readonly byAccount = new Map<string, Tenancy>();
  private extra: { stripped: Map<string, Tenancy[]>; property: Map<string, Tenancy[]>; postcode: Map<string, Tenancy[]> } | null = null;

  constructor(readonly roll: readonly Tenancy[]) {
    for (const t of roll) this.byAccount.set(norm(t.account), t);
  }

  /**
   * Every tenancy the suspense matcher could score high enough to allocate, or to stop an
   * allocation as a close runner-up: by the reference (exact, without leading zeros, one keying
   * slip away, as a property ref), by a reference or property ref inside the text, and by a
   * postcode in the text. Name-only evidence never allocates, and scores too low to block one.
   */
  candidatesFor(line: PaymentLine): Tenancy[] {
    if (!this.extra) {
      const stripped = new Map<string, Tenancy[]>();
      const property = new Map<string, Tenancy[]>();
      const postcode = new Map<string, Tenancy[]>();
      const push = (m: Map<string, Tenancy[]>, k: string, t: Tenancy) => {
        const l = m.get(k);
        if (l) l.push(t);
        else m.set(k, [t]);
      };
      for (const t of this.roll) {
        push(stripped, norm(t.account).replace(/^0+/, ''), t);
        if (t.property) push(property, norm(t.property), t);
        if (t.postcode) push(postcode, t.postcode.toUpperCase().replace(/\s+/g, ''), t);
      }
      this.extra = { stripped, property, postcode };
    }
    const { stripped, property, postcode } = this.extra;
    const out = new Set<Tenancy>();
    const add = (ts: readonly Tenancy[] | undefined) => ts?.forEach((t) => out.add(t));
    const ref = norm(line.reference);
    if (ref) {
      const t = this.byAccount.get(ref);
      if (t) out.add(t);
      add(stripped.get(ref.replace(/^0+/, '')));
      add(property.get(ref));
      if (/^\d{4,}$/.test(ref)) for (const [r] of repairs(ref)) {
        const c = this.byAccount.get(r);
        if (c) out.add(c);
      }
    }
    const text = `${line.reference} ${line.narrative}`.toUpperCase();
    for (const token of text.match(/[A-Z]*\d[\dA-Z]*/g) ?? []) {
      const t = this.byAccount.get(token);
      if (t) out.add(t);
      add(property.get(token));
    }
    for (const m of text.matchAll(/\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/g)) add(postcode.get(`${m[1]}${m[2]}`));
    return [...out];
  }
}

/** ISO dates compare as text. */
function ended(t: Tenancy, date: string): boolean {
  return t.end !== null && t.end < date;
}

/** "AP20250305-3FA9C1": channel, day, and the first digits of the file's hash (one file, one day). */
export function batchRefFor(channel: Category, date: string, hash: string): string {
  return `${BATCH_PREFIX[channel]}${date.replace(/-/g, '')}-${hash.slice(0, 6).toUpperCase()}`;
}

/** Allocates a file's payment lines to rent accounts; every line ends up allocated or in suspense, once. */
export function allocatePayments(lines: readonly PaymentLine[], channel: Category, fileHash: string, index: RollIndex, config: AllocationConfig = DEFAULT_ALLOCATION): Allocation {
  const batchOf = new Map<string, string>();
  const batchRef = (date: string): string => {
    let b = batchOf.get(date);
    if (b === undefined) {
      b = batchRefFor(channel, date, fileHash);
      batchOf.set(date, b);
    }
    return b;
  };
  const allocated: AllocatedLine[] = [];
  const suspense: SuspenseLine[] = [];
  const toSuspense = (line: PaymentLine, reason: string): void => {
    const b = batchRef(line.date);
    suspense.push({ line, itemRef: `${b}-L${line.line}`, reason, batchRef: b });
  };
  const unresolved: PaymentLine[] = [];
  for (const line of lines) {
    const t = index.byAccount.get(norm(line.reference));
    if (t) {
      if (config.endedTenancies === 'suspense' && ended(t, line.date)) toSuspense(line, `reference ${line.reference} is account ${t.account}, whose tenancy ended on ${t.end}: a person must decide where it goes`);
      else allocated.push({ line, account: t.account, how: 'exact', reason: `reference ${line.reference} is account ${t.account}`, batchRef: batchRef(line.date) });
    } else unresolved.push(line);
  }
  // The suspense matcher decides on every line without an exact reference, over the tenancies that could matter.
  const pool = new Set<Tenancy>();
  const withEvidence: PaymentLine[] = [];
  for (const line of unresolved) {
    const cands = index.candidatesFor(line);
    if (cands.length === 0) continue;
    cands.forEach((c) => pool.add(c));
    withEvidence.push(line);
  }
  const items: SuspenseItem[] = withEvidence.map((l) => ({ item: String(l.line), date: l.date, amount: l.amount, reference: l.reference, payer: l.payer, narrative: l.narrative, channel, row: l.line }));
  const decided = new Map(matchSuspense(items, [...pool].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0)), config.match).map((m) => [m.item, m]));
  for (const line of unresolved) {
    const m = decided.get(String(line.line));
    const best = m?.candidates[0];
    const t = m?.account ? index.byAccount.get(norm(m.account)) : undefined;
    if (m && m.decision === 'auto' && t && !(config.endedTenancies === 'suspense' && ended(t, line.date))) {
      allocated.push({ line, account: t.account, how: 'repaired', reason: best?.reasons.join('; ') ?? '', batchRef: batchRef(line.date) });
    } else if (m && best) {
      toSuspense(line, `not safe to allocate automatically; for review: ${best.account} (score ${best.score.toFixed(2)}): ${best.reasons.join('; ')}`);
    } else if (line.reference === '') toSuspense(line, 'no reference');
    else toSuspense(line, `reference ${line.reference} matches no account`);
  }
  allocated.sort((a, b) => a.line.line - b.line.line);
  suspense.sort((a, b) => a.line.line - b.line.line);
  const batches = [...batchOf.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, ref]): LedgerBatch => {
      const inA = allocated.filter((a) => a.batchRef === ref).map((a) => a.line.amount);
      const inS = suspense.filter((s) => s.batchRef === ref).map((s) => s.line.amount);
      const a = sumPence(inA);
      const s = sumPence(inS);
      return { batchRef: ref, date: date as LedgerBatch['date'], channel, count: inA.length + inS.length, total: toPence(a + s), allocated: a, suspense: s };
    });
  return { channel, allocated, suspense, batches };
}

export function allocationTotal(a: Allocation): Pence {
  return sumPence(a.batches.map((b) => b.total));
}
