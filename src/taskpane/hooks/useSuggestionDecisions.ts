/**
 * People's decisions on the suggested reconciling items (issue 11, item 5): each Accept, Reject or
 * Undo goes to the worker, whose engine answers with the decisions after it, the run's result
 * recomputed with them and the change in the trail's words; the pane shows that result, saves the
 * decisions in the session (a reload keeps them) with a trail event naming the item, amount, from and
 * to, and names the change for a signature it voids (the decision is part of the signed digest).
 */
import { useState, type MutableRefObject } from 'react';
import type { SuggestionDecision } from '../../engine/reconcile/suggestions';
import type { ReconcileResult } from '../../engine/reconcile/types';
import type { SuggestionState } from '../../engine/signoff/suggestion-decision';
import type { Session } from '../../store/schema';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { Notify } from '../pane-state';
import type { SessionApi } from './useSession';

export function useSuggestionDecisions(args: {
  readonly request: (body: RequestBody) => Promise<WorkerOutcome>;
  readonly replaceResult: (result: ReconcileResult) => void;
  readonly sessions: SessionApi;
  readonly ensureSession: () => Promise<Session | null>;
  readonly period: string;
  readonly actor: string;
  /** The change a voided signature names (useBoundSignOffs). */
  readonly lastChange: MutableRefObject<string | null>;
  readonly notify: Notify;
  readonly announce: (text: string) => void;
}) {
  const { request, replaceResult, sessions, ensureSession, period, actor, lastChange, notify, announce } = args;
  // Held here only when storage is unavailable (the pane still works, and says it does not save).
  const [unsaved, setUnsaved] = useState<readonly SuggestionDecision[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const { session } = sessions;
  const decisions: readonly SuggestionDecision[] = sessions.store ? (session?.period === period ? (session.suggestionDecisions ?? []) : []) : unsaved;

  async function decide(key: string, to: SuggestionState): Promise<void> {
    if (pending) return;
    setPending(key);
    try {
      const s = sessions.store ? await ensureSession() : null;
      const held = s ? (s.suggestionDecisions ?? []) : unsaved;
      const out = await request({ kind: 'decide-suggestion', decisions: held, key, to, by: actor, at: new Date().toISOString() });
      if (out.kind !== 'suggestion-decided') {
        notify({ intent: 'error', title: 'The decision was not recorded', text: out.kind === 'failure' ? out.message : 'The engine did not answer: run again.' });
        return;
      }
      const { change } = out;
      lastChange.current = change.message;
      if (s) {
        const saved = await sessions.save('the decision', (st) =>
          st.saveSuggestionDecisions(s.id, actor, out.decisions, `suggestion.${change.to}`, { message: change.message, item: change.item, key: change.key, amount: change.amount, from: change.from, to: change.to }),
        );
        if (!saved) return;
      } else setUnsaved(out.decisions);
      replaceResult(out.result);
      announce(`${change.item} ${change.to === 'undecided' ? 'back to undecided' : change.to}: unexplained ${out.result.unexplained === 0 ? 'nothing' : 'updated'}`);
    } finally {
      setPending(null);
    }
  }

  return { decisions, decide, pending };
}
