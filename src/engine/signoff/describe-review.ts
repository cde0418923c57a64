/**
 * A suspense decision as the trail and a voided signature name it (issue 11: events name what they
 * touched): the item, its amount, the account and who decided, read from what changed between the
 * review before and after, so an allocation "to a candidate" still says which account.
 */
import { formatGBP, sumPence, type Pence } from '../money';
import type { ReviewState } from '../suspense/review-queue';

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
  const items = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((i) => JSON.stringify(was[i] ?? null) !== JSON.stringify(now[i] ?? null)).sort();
  const amountOf = (item: string): Pence | undefined => after.entries.find((e) => e.item === item)?.amount;
  if (items.length === 0) return { message: 'suspense review: nothing changed' };
  if (items.length > 1) {
    const total = sumPence(items.map((i) => amountOf(i) ?? (0 as Pence)));
    const undone = items.every((i) => !now[i]);
    return { message: `${items.length} suspense items ${undone ? 'back to undecided' : 'decided at once'}, ${formatGBP(total)} in all (${items.slice(0, 5).join(', ')}${items.length > 5 ? ', …' : ''})` };
  }
  const item = items[0] as string;
  const r = now[item];
  const amount = amountOf(item);
  const money = amount !== undefined ? ` (${formatGBP(amount)})` : '';
  if (!r) return { message: `suspense item ${item}${money}: decision undone`, item, ...(amount !== undefined ? { amount } : {}) };
  if (r.kind === 'rejected') return { message: `suspense item ${item}${money} left in suspense by ${r.decidedBy}`, item, ...(amount !== undefined ? { amount } : {}) };
  const who = r.how === 'automatic' ? `accepted by ${r.confirmedBy}` : `by ${r.decidedBy}`;
  return { message: `suspense item ${item}${money} allocated to ${r.account} ${who}`, item, account: r.account, ...(amount !== undefined ? { amount } : {}) };
}
