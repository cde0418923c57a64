/**
 * A suspense decision as the trail and a voided signature name it (issue 11: events name what they
 * touched): the item, its amount, the account and who decided, read from what changed between the
 * review before and after, so an allocation "to a candidate" still says which account.
 */
import { formatGBP, sumPence, type Pence } from '../money';
import type { Resolution, ReviewChanges, ReviewState } from '../suspense/review-queue';

export interface ReviewChange {
  readonly message: string;
  readonly item?: string;
  readonly account?: string;
  readonly amount?: Pence;
}

/** What changed between two review states, in words, with the item, account and amount when one item changed. */
export function describeReviewChange(before: ReviewState | null, after: ReviewState): ReviewChange {
  const was = before?.resolutions ?? {};
  const now = after.resolutions;
  const items = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((i) => JSON.stringify(was[i] ?? null) !== JSON.stringify(now[i] ?? null));
  return describe(items, now, amountsOf(after, items));
}

/**
 * The same words from one action's changes (what the worker answers), without comparing the whole
 * queue: what it costs grows with the items the action touched, not with the queue.
 */
export function describeReviewChanges(before: ReviewState | null, changes: ReviewChanges): ReviewChange {
  const was = before?.resolutions ?? {};
  const now: Record<string, Resolution> = {};
  const items: string[] = [];
  for (const c of changes.changed) {
    if (JSON.stringify(was[c.item] ?? null) === JSON.stringify(c.resolution)) continue;
    items.push(c.item);
    if (c.resolution !== null) now[c.item] = c.resolution;
  }
  return describe(items, now, before ? amountsOf(before, items) : new Map());
}

function amountsOf(state: ReviewState, items: readonly string[]): ReadonlyMap<string, Pence> {
  const wanted = new Set(items);
  const amounts = new Map<string, Pence>();
  if (wanted.size === 0) return amounts;
  for (const e of state.entries) if (wanted.has(e.item)) amounts.set(e.item, e.amount);
  return amounts;
}

function describe(changed: readonly string[], now: Readonly<Record<string, Resolution>>, amounts: ReadonlyMap<string, Pence>): ReviewChange {
  const items = [...changed].sort();
  if (items.length === 0) return { message: 'suspense review: nothing changed' };
  if (items.length > 1) {
    const total = sumPence(items.map((i) => amounts.get(i) ?? (0 as Pence)));
    const undone = items.every((i) => !now[i]);
    return { message: `${items.length} suspense items ${undone ? 'back to undecided' : 'decided at once'}, ${formatGBP(total)} in all (${items.slice(0, 5).join(', ')}${items.length > 5 ? ', …' : ''})` };
  }
  const item = items[0] as string;
  const r = now[item];
  const amount = amounts.get(item);
  const money = amount !== undefined ? ` (${formatGBP(amount)})` : '';
  if (!r) return { message: `suspense item ${item}${money}: decision undone`, item, ...(amount !== undefined ? { amount } : {}) };
  if (r.kind === 'rejected') return { message: `suspense item ${item}${money} left in suspense by ${r.decidedBy}`, item, ...(amount !== undefined ? { amount } : {}) };
  const who = r.how === 'automatic' ? `accepted by ${r.confirmedBy}` : `by ${r.decidedBy}`;
  return { message: `suspense item ${item}${money} allocated to ${r.account} ${who}`, item, account: r.account, ...(amount !== undefined ? { amount } : {}) };
}
