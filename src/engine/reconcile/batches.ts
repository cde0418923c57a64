/**
 * Batch matching (DOMAIN.md section 5): the housing system's postings gathered into batches (one
 * category, one date, one Batch Ref) and each batch matched to a GL control-account line.
 */
import { compareCategory, type Category } from '../categories';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { toPence } from '../money';
import type { GlLine, Posting } from '../records';
import type { BatchMatch, GlBatchLine, HmsBatch } from './types';

/**
 * Groups postings into batches: one category, one date, one Batch Ref. Indexed by Batch Ref first:
 * a ref almost always belongs to one date and category, so the inner list has one entry.
 */
export class BatchCollector {
  private readonly byRef = new Map<string, { category: Category; date: IsoDate; batch: string; amount: number; postings: number; firstRow: number }[]>();

  /** Exports list a batch's postings together: the last batch seen saves most look-ups. */
  private last: { category: Category; date: IsoDate; batch: string; amount: number; postings: number; firstRow: number } | undefined;

  add(p: Posting): void {
    const last = this.last;
    if (last !== undefined && last.batch === p.batch && last.date === p.date && last.category === p.category) {
      last.amount += p.amount;
      last.postings++;
      if (p.row < last.firstRow) last.firstRow = p.row;
      return;
    }
    let list = this.byRef.get(p.batch);
    if (!list) {
      list = [];
      this.byRef.set(p.batch, list);
    }
    for (const b of list) {
      if (b.date === p.date && b.category === p.category) {
        b.amount += p.amount;
        b.postings++;
        if (p.row < b.firstRow) b.firstRow = p.row;
        this.last = b;
        return;
      }
    }
    const b = { category: p.category, date: p.date, batch: p.batch, amount: p.amount, postings: 1, firstRow: p.row };
    list.push(b);
    this.last = b;
  }

  /** In date, category and ref order, so matching never depends on input order. */
  sorted(): HmsBatch[] {
    const out: HmsBatch[] = [];
    for (const list of this.byRef.values()) for (const b of list) out.push({ side: 'hms', ...b, amount: toPence(b.amount) });
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareCategory(a.category, b.category) || (a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0)));
  }
}

/** The housing system's batches of a list of postings. */
export function hmsBatches(postings: readonly Posting[]): HmsBatch[] {
  const c = new BatchCollector();
  for (const p of postings) c.add(p);
  return c.sorted();
}

/**
 * A batch matches a GL control-account line of the same category and the same amount to the penny,
 * dated the same day or up to `windowDays` later. Batches are taken in date order and each claims
 * the earliest unclaimed line that fits (then the lowest row), so input order never changes the answer.
 */
export function matchBatches(batches: readonly HmsBatch[], control: readonly GlLine[], windowDays: number): { matched: BatchMatch[]; unmatched: (HmsBatch | GlBatchLine)[] } {
  const lines: GlBatchLine[] = control
    .filter((l): l is GlLine & { category: Category } => l.category !== 'OPENING')
    .map((l) => ({ side: 'gl', category: l.category, date: l.date, journal: l.journal, description: l.description, amount: toPence(l.debit - l.credit), row: l.row }));
  const byKey = new Map<string, GlBatchLine[]>();
  for (const l of lines) {
    const key = `${l.category}\u0000${l.amount}`;
    const list = byKey.get(key);
    if (list) list.push(l);
    else byKey.set(key, [l]);
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  const claimed = new Set<GlBatchLine>();
  const matched: BatchMatch[] = [];
  const unmatched: (HmsBatch | GlBatchLine)[] = [];
  for (const b of batches) {
    const last = addDays(b.date, windowDays);
    const line = byKey.get(`${b.category}\u0000${b.amount}`)?.find((l) => !claimed.has(l) && l.date >= b.date && l.date <= last);
    if (line) {
      claimed.add(line);
      matched.push({ hms: b, gl: line, lagDays: daysBetween(b.date, line.date) });
    } else unmatched.push(b);
  }
  for (const l of [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row))) if (!claimed.has(l)) unmatched.push(l);
  return { matched, unmatched };
}
