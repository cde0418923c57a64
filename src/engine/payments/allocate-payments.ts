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
import { ALLOCATION_REASON } from './messages';

export interface AllocatedLine {
  readonly line: PaymentLine;
  readonly account: string;
  readonly how: 'exact' | 'repaired';
  /** Why this account: for an exact reference the fixed EXACT text, for a repair the matcher's reasons. */
  readonly reason: string;
  readonly batchRef: string;
}

/** The reason of every exact allocation (one string shared by 50,000 lines, not 50,000 strings). */
export const EXACT = ALLOCATION_REASON.exact;

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

/** Upper case without spaces or hyphens; most references are plain digits and are returned as they are. */
function norm(ref: string): string {
  return /^[0-9A-Z]*$/.test(ref) ? ref : ref.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * The rent roll indexed for allocation: one map of account refs. Repairs look property refs and
 * postcodes up in one pass over the roll, only for the lines that need them.
 */
export class RollIndex {
  readonly byAccount = new Map<string, Tenancy>();
  /** Lengths of the account refs, for the references typed without their leading zeros. */
  private readonly lengths = new Set<number>();

  constructor(readonly roll: readonly Tenancy[]) {
    for (const t of roll) {
      const k = norm(t.account);
      this.byAccount.set(k, t);
      this.lengths.add(k.length);
    }
  }

  /**
   * For each line, every tenancy the suspense matcher could score high enough to allocate, or to
   * stop an allocation as a close runner-up: by the reference (exact, without leading zeros, one
   * keying slip away, as a property ref), by a reference or property ref inside the text, and by a
   * postcode in the text. Name-only evidence never allocates, and scores too low to block one.
   * Property refs and postcodes are looked up in one pass over the roll for all the lines at once.
   */
  candidatesFor(lines: readonly PaymentLine[]): Tenancy[][] {
    const wantedProperty = new Map<string, number[]>();
    const wantedPostcode = new Map<string, number[]>();
    const want = (m: Map<string, number[]>, k: string, i: number) => {
      const l = m.get(k);
      if (l) l.push(i);
      else m.set(k, [i]);
    };
    const out = lines.map((line, i) => {
      const found = new Set<Tenancy>();
      const ref = norm(line.reference);
      if (ref) {
        const t = this.byAccount.get(ref);
        if (t) found.add(t);
        const bare = ref.replace(/^0+/, '');
        for (const len of this.lengths) {
          if (len <= bare.length) continue;
          const padded = this.byAccount.get(bare.padStart(len, '0'));
          if (padded) found.add(padded);
        }
        want(wantedProperty, ref, i);
        if (/^\d{4,}$/.test(ref)) for (const [r] of repairs(ref)) {
          const c = this.byAccount.get(r);
          if (c) found.add(c);
        }
      }
      const text = `${line.reference} ${line.narrative}`.toUpperCase();
      for (const token of text.match(/[A-Z]*\d[\dA-Z]*/g) ?? []) {
        const t = this.byAccount.get(token);
        if (t) found.add(t);
        want(wantedProperty, token, i);
      }
      for (const m of text.matchAll(/\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/g)) want(wantedPostcode, `${m[1]}${m[2]}`, i);
      return found;
    });
    if (wantedProperty.size > 0 || wantedPostcode.size > 0) {
      for (const t of this.roll) {
        const p = t.property ? wantedProperty.get(norm(t.property)) : undefined;
        if (p) for (const i of p) out[i]?.add(t);
        const pc = wantedPostcode.size > 0 && t.postcode ? wantedPostcode.get(t.postcode.toUpperCase().replace(/\s+/g, '')) : undefined;
        if (pc) for (const i of pc) out[i]?.add(t);
      }
    }
    return out.map((s) => [...s]);
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
      if (config.endedTenancies === 'suspense' && ended(t, line.date)) toSuspense(line, ALLOCATION_REASON.endedTenancy(line.reference, t.account, String(t.end)));
      else allocated.push({ line, account: t.account, how: 'exact', reason: EXACT, batchRef: batchRef(line.date) });
    } else unresolved.push(line);
  }
  // The suspense matcher decides on every line without an exact reference, over the tenancies that could matter.
  const pool = new Set<Tenancy>();
  const withEvidence: PaymentLine[] = [];
  const candidates = index.candidatesFor(unresolved);
  unresolved.forEach((line, i) => {
    const cands = candidates[i] ?? [];
    if (cands.length === 0) return;
    cands.forEach((c) => pool.add(c));
    withEvidence.push(line);
  });
  const items: SuspenseItem[] = withEvidence.map((l) => ({ item: String(l.line), date: l.date, amount: l.amount, reference: l.reference, payer: l.payer, narrative: l.narrative, channel, row: l.line }));
  const decided = new Map(matchSuspense(items, [...pool].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0)), config.match).map((m) => [m.item, m]));
  for (const line of unresolved) {
    const m = decided.get(String(line.line));
    const best = m?.candidates[0];
    const t = m?.account ? index.byAccount.get(norm(m.account)) : undefined;
    if (m && m.decision === 'auto' && t && !(config.endedTenancies === 'suspense' && ended(t, line.date))) {
      allocated.push({ line, account: t.account, how: 'repaired', reason: best?.reasons.join('; ') ?? '', batchRef: batchRef(line.date) });
    } else if (m && best) {
      toSuspense(line, ALLOCATION_REASON.forReview(best.account, best.score.toFixed(2), best.reasons.join('; ')));
    } else if (line.reference === '') toSuspense(line, line.narrative === '' ? ALLOCATION_REASON.noReference : ALLOCATION_REASON.noReferenceInNarrative(line.narrative));
    else toSuspense(line, ALLOCATION_REASON.matchesNoAccount(line.reference));
  }
  allocated.sort((a, b) => a.line.line - b.line.line);
  suspense.sort((a, b) => a.line.line - b.line.line);
  const sums = new Map<string, { count: number; allocated: number; suspense: number }>();
  const sumOf = (ref: string) => {
    let e = sums.get(ref);
    if (!e) sums.set(ref, (e = { count: 0, allocated: 0, suspense: 0 }));
    return e;
  };
  for (const a of allocated) {
    const e = sumOf(a.batchRef);
    e.count++;
    e.allocated += a.line.amount;
  }
  for (const x of suspense) {
    const e = sumOf(x.batchRef);
    e.count++;
    e.suspense += x.line.amount;
  }
  const batches = [...batchOf.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, ref]): LedgerBatch => {
      const e = sumOf(ref);
      return { batchRef: ref, date: date as LedgerBatch['date'], channel, count: e.count, total: toPence(e.allocated + e.suspense), allocated: toPence(e.allocated), suspense: toPence(e.suspense) };
    });
  return { channel, allocated, suspense, batches };
}

export function allocationTotal(a: Allocation): Pence {
  return sumPence(a.batches.map((b) => b.total));
}
