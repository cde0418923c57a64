/** Batches: the postings of one category, one date and one Batch Ref. */
import { compactOf } from './calendar';
import { BATCH_WINDOW } from './conventions';
import { BATCH_CAP, BATCH_PREFIX, type Batch, F_ADJUSTABLE, type Order, type PostingStore, type SuspenseItemModel } from './model';
import type { Rng } from './rng';

export function makeBatches(p: PostingStore, accounts: number, rng: Rng): { batches: Batch[]; order: Order } {
  // Counting sort by account (stable): each batch lists its postings in account order.
  const counts = new Int32Array(accounts + 1);
  for (let i = 0; i < p.n; i++) counts[p.acc[i]! + 1]!++;
  for (let k = 1; k <= accounts; k++) counts[k] = counts[k]! + counts[k - 1]!;
  const byAccount = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) byAccount[counts[p.acc[i]!]!++] = i;

  const keyOf = (i: number): number => p.day[i]! * 16 + p.cat[i]!;
  const sizes = new Map<number, number>();
  for (let i = 0; i < p.n; i++) if (p.live(i)) sizes.set(keyOf(i), (sizes.get(keyOf(i)) ?? 0) + 1);
  const batches: Batch[] = [];
  const groups = new Map<number, { first: number; nb: number; used: number }>();
  for (const key of [...sizes.keys()].sort((x, y) => x - y)) {
    const size = sizes.get(key) as number;
    const cat = key % 16;
    const day = (key - cat) / 16;
    const cap = BATCH_CAP[cat] ?? Infinity;
    let nb = Math.max(1, Math.ceil(size / cap));
    // Now and then a second batch the same day: a second till, a second file.
    if (cap !== Infinity && size > nb && rng.chance(0.15)) nb++;
    groups.set(key, { first: batches.length, nb, used: 0 });
    for (let s = 0; s < nb; s++) {
      const ref = `${BATCH_PREFIX[cat]}${compactOf(day)}${nb > 1 ? `-${s + 1}` : ''}`;
      batches.push({ cat, day, ref, amount: 0, count: 0, first: 0, fate: 'posted', glDay: day, keyed: 0 });
    }
  }
  const batchOf = new Int32Array(p.n).fill(-1);
  for (let j = 0; j < byAccount.length; j++) {
    const i = byAccount[j]!;
    if (!p.live(i)) continue;
    const g = groups.get(keyOf(i)) as { first: number; nb: number; used: number };
    // The first postings seed every batch of the day; the rest land at random.
    const s = g.used < g.nb ? g.used++ : g.nb === 1 ? 0 : rng.int(0, g.nb - 1);
    const b = batches[g.first + s] as Batch;
    batchOf[i] = g.first + s;
    b.amount += p.amt[i]!;
    b.count++;
  }
  let offset = 0;
  for (const b of batches) {
    b.first = offset;
    offset += b.count;
  }
  const next = new Int32Array(batches.length);
  batches.forEach((b, k) => (next[k] = b.first));
  const perm = new Int32Array(offset);
  const rank = new Int32Array(p.n).fill(-1);
  for (let j = 0; j < byAccount.length; j++) {
    const i = byAccount[j]!;
    const b = batchOf[i]!;
    if (b < 0) continue;
    const r = next[b]!++;
    perm[r] = i;
    rank[i] = r;
  }
  return { batches, order: { perm, rank, batchOf } };
}

/**
 * Batch matching pairs a batch with a GL line of the same category and amount within 5 days. Two
 * batches of one category with equal totals within 5 days of each other would make it ambiguous,
 * so the later one moves by a penny (one receipt a penny bigger). Debit runs are 7 days apart.
 */
export function keepBatchTotalsDistinct(batches: Batch[], p: PostingStore, order: Order, suspense: SuspenseItemModel[]): void {
  const seen = new Map<string, number[]>();
  const clash = (b: Batch): boolean => b.amount === 0 || (seen.get(`${b.cat}:${b.amount}`) ?? []).some((d) => Math.abs(d - b.day) <= BATCH_WINDOW);
  batches.forEach((b, index) => {
    for (let guard = 0; clash(b); guard++) {
      if (guard > 50) throw new Error(`cannot make the total of batch ${b.ref} distinct`);
      let moved = false;
      for (let r = b.first; r < b.first + b.count && !moved; r++) {
        const i = order.perm[r]!;
        if (p.flags[i]! & F_ADJUSTABLE) {
          const step = p.amt[i]! < 0 ? -1 : 1;
          p.amt[i] = p.amt[i]! + step;
          b.amount += step;
          moved = true;
        }
      }
      if (!moved) {
        // Suspense allocations only: the item itself was a penny more.
        const item = suspense.find((s) => s.clearancePosting >= 0 && order.batchOf[s.clearancePosting] === index);
        if (!item) throw new Error(`batch ${b.ref} has no posting that may move`);
        item.amount += 1;
        p.amt[item.clearancePosting] = p.amt[item.clearancePosting]! - 1;
        b.amount -= 1;
      }
    }
    const key = `${b.cat}:${b.amount}`;
    const list = seen.get(key);
    if (list) list.push(b.day);
    else seen.set(key, [b.day]);
  });
}
