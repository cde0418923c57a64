/**
 * Suggested reconciling items are proposals a person decides (issue 11): a timing difference for an
 * unmatched housing-system batch in the last days of the period, and a keying difference for each
 * keying pair. None counts until the preparer accepts it (config.acceptSuggestedTiming, default false,
 * still lets a scheduled run count timing suggestions, as before). A decision is keyed by what the
 * suggestion is about (the batch, or the batch and the GL line), so it survives a re-run.
 */
import type { LedgerConfig } from '../config';
import { addDays, daysBetween, formatUkDate } from '../dates';
import { formatGBP, toPence } from '../money';
import { KEYING_PROPOSAL, type KeyingPair } from './keying';
import type { GlBatchLine, HmsBatch, Period, ReconcileResult, ReconcilingItem } from './types';

/** A person's decision on a suggested item. */
export interface SuggestionDecision {
  readonly key: string;
  readonly accepted: boolean;
  readonly by: string;
  readonly at: string;
}

export function timingKey(b: HmsBatch): string {
  return `timing:${b.category}:${b.date}:${b.batch}`;
}
export function keyingKey(p: KeyingPair): string {
  return `keying:${p.hms.category}:${p.hms.date}:${p.hms.batch}:gl-row-${p.gl.row}`;
}

/** The engine's suggestions, undecided (or counted for timing when the config says so). */
export function suggestItems(unmatched: readonly (HmsBatch | GlBatchLine)[], pairs: readonly KeyingPair[], period: Period, config: LedgerConfig): ReconcilingItem[] {
  const paired = new Set<HmsBatch>(pairs.map((p) => p.hms));
  const from = addDays(period.end, -(config.timingWindowDays - 1));
  const timing = unmatched
    .filter((u): u is HmsBatch => u.side === 'hms' && !paired.has(u) && u.date >= from && u.date <= period.end)
    .map(
      (b, i): ReconcilingItem => ({
        ref: `T${i + 1}`,
        type: 'timing',
        amount: b.amount,
        explanation: `${b.category} batch ${b.batch || '(no ref)'} of ${formatUkDate(b.date)} (${formatGBP(b.amount)}, ${b.postings} postings) is in the housing system but not yet in the GL: expected in the next period's GL`,
        owner: '',
        date: b.date,
        origin: 'suggested',
        accepted: config.acceptSuggestedTiming,
        ageDays: daysBetween(b.date, period.end),
        key: timingKey(b),
        decidedBy: null,
      }),
    );
  const keying = pairs.map(
    (p, i): ReconcilingItem => ({
      ref: `K${i + 1}`,
      type: 'other',
      amount: p.difference,
      explanation: `${KEYING_PROPOSAL}: ${p.hms.category} batch ${p.hms.batch || '(no ref)'} of ${formatUkDate(p.hms.date)} is ${formatGBP(p.hms.amount)} in the housing system and ${formatGBP(p.gl.amount)} in the GL (journal ${p.gl.journal || '(no ref)'}, row ${p.gl.row}); they differ by ${formatGBP(p.difference)}`,
      owner: '',
      date: p.hms.date,
      origin: 'suggested',
      accepted: false,
      ageDays: daysBetween(p.hms.date, period.end),
      key: keyingKey(p),
      decidedBy: null,
    }),
  );
  return [...timing, ...keying];
}

/** Applies people's decisions to the suggested items and recomputes the total, the unexplained and the status. */
export function withSuggestionDecisions(result: ReconcileResult, decisions: readonly SuggestionDecision[]): ReconcileResult {
  if (decisions.length === 0) return result;
  const byKey = new Map(decisions.map((d) => [d.key, d]));
  const reconcilingItems = result.reconcilingItems.map((r) => {
    const d = r.origin === 'suggested' && r.key ? byKey.get(r.key) : undefined;
    return d ? { ...r, accepted: d.accepted, decidedBy: d.by } : r;
  });
  const reconcilingTotal = toPence(reconcilingItems.reduce((s, r) => (r.accepted ? s + r.amount : s), 0));
  const unexplained = toPence(result.difference - reconcilingTotal);
  return { ...result, reconcilingItems, reconcilingTotal, unexplained, status: unexplained === 0 ? 'BALANCED' : 'NOT BALANCED' };
}
