/**
 * A person's decision on a suggested reconciling item (issue 11, item 5): accept it (then it counts),
 * reject it, or take the decision back (undecided again, counting nothing). The pane and any other
 * front end send the decisions they hold and the one change; the engine answers with the decisions
 * after it, the reconciliation recomputed with them (withSuggestionDecisions), and the change in the
 * words the trail and a voided signature give: the item, the amount, from and to.
 */
import { formatGBP, type Pence } from '../money';
import { KEYING_PROPOSAL } from '../reconcile/keying';
import { withSuggestionDecisions, type SuggestionDecision } from '../reconcile/suggestions';
import type { ReconcileResult, ReconcilingItem } from '../reconcile/types';

export type SuggestionState = 'undecided' | 'accepted' | 'rejected';

export interface SuggestionChange {
  /** The sentence the trail shows, and the change a voided signature names. */
  readonly message: string;
  /** The item's ref on this run (T1, K1) and its key (what it is about, stable across runs). */
  readonly item: string;
  readonly key: string;
  readonly amount: Pence;
  readonly from: SuggestionState;
  readonly to: SuggestionState;
}

export type SuggestionDecided =
  | { readonly ok: true; readonly decisions: SuggestionDecision[]; readonly result: ReconcileResult; readonly change: SuggestionChange }
  | { readonly ok: false; readonly message: string };

/** What a suggested item's decision is now. */
export function suggestionState(item: Pick<ReconcilingItem, 'accepted' | 'decidedBy'>): SuggestionState {
  if (!item.decidedBy) return 'undecided';
  return item.accepted ? 'accepted' : 'rejected';
}

/** What kind of suggestion it is, in words: a keying difference or a timing difference. */
export function suggestionKind(item: Pick<ReconcilingItem, 'key' | 'type'>): string {
  return item.key?.startsWith('keying:') ? KEYING_PROPOSAL : item.type === 'timing' ? 'timing: not yet in the GL' : item.type;
}

/**
 * Decides one suggested item of a run's result (`base`: as the run made it, no decision applied), given
 * the decisions already held; the result is recomputed from `base`. `to` 'undecided' takes it back.
 */
export function decideSuggestion(
  base: ReconcileResult,
  held: readonly SuggestionDecision[],
  change: { readonly key: string; readonly to: SuggestionState; readonly by: string; readonly at: string },
): SuggestionDecided {
  const before = withSuggestionDecisions(base, held);
  const item = before.reconcilingItems.find((r) => r.origin === 'suggested' && r.key === change.key);
  if (!item) return { ok: false, message: `no suggested reconciling item ${change.key} in this run: run again` };
  const by = change.by.trim();
  if (change.to !== 'undecided' && by === '') return { ok: false, message: 'say who decides (your name in Settings) before accepting or rejecting a suggestion' };
  const from = suggestionState(item);
  const rest = held.filter((d) => d.key !== change.key);
  const decisions = change.to === 'undecided' ? rest : [...rest, { key: change.key, accepted: change.to === 'accepted', by, at: change.at }];
  // Undecided is the run's own state (nothing suggested counts unless the config says so): no decision.
  const result = withSuggestionDecisions(base, decisions);
  const words = (s: SuggestionState) => (s === 'accepted' ? 'accepted (counts)' : s === 'rejected' ? 'rejected (does not count)' : 'undecided');
  const message =
    `suggested item ${item.ref} (${suggestionKind(item)}, ${formatGBP(item.amount)}) ${from === change.to ? 'left' : 'changed'} from ${words(from)} to ${words(change.to)}` +
    (change.to === 'undecided' ? `, decision taken back by ${by || 'someone'}` : ` by ${by}`);
  return { ok: true, decisions, result, change: { message, item: item.ref, key: change.key, amount: item.amount, from, to: change.to } };
}
