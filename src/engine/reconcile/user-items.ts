/**
 * The reconciling items a person adds or edits during review, applied to a result without running
 * the reconciliation again: the engine's suggested items stay, the person's replace the old ones,
 * and the total, the unexplained difference and the status are recomputed (exactly, in pence).
 */
import type { UserReconcilingItem } from '../config';
import { daysBetween } from '../dates';
import { toPence } from '../money';
import type { ReconcileResult, ReconcilingItem } from './types';

export function withUserItems(result: ReconcileResult, items: readonly UserReconcilingItem[]): ReconcileResult {
  const reconcilingItems: ReconcilingItem[] = [
    ...result.reconcilingItems.filter((r) => r.origin === 'suggested'),
    ...items.map((u): ReconcilingItem => ({ ...u, origin: 'user', accepted: true, ageDays: u.date ? daysBetween(u.date, result.period.end) : null })),
  ];
  const reconcilingTotal = toPence(reconcilingItems.reduce((s, r) => (r.accepted ? s + r.amount : s), 0));
  const unexplained = toPence(result.difference - reconcilingTotal);
  return { ...result, reconcilingItems, reconcilingTotal, unexplained, status: unexplained === 0 ? 'BALANCED' : 'NOT BALANCED' };
}
