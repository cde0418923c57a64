/**
 * The suspense review queue of the last run, kept by the worker: each decision is sent there and
 * applied by the engine's review rules (a refusal said in words); the queue that comes back is shown
 * and saved into the session with who and when by the caller.
 */
import { useState } from 'react';
import type { ReviewAction, ReviewState } from '../../engine/suspense/review-queue';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { Notify, ReviewCommand } from '../pane-state';

export function useSuspenseReview(request: (body: RequestBody) => Promise<WorkerOutcome>, notify: Notify) {
  const [review, setReview] = useState<ReviewState | null>(null);

  /** Sends a decision by the named reviewer; the new queue, or null when nothing changed. */
  async function act(command: ReviewCommand, reviewer: string): Promise<ReviewState | null> {
    if (!review) return null;
    const action = (command.type === 'undo' ? command : { ...command, by: reviewer.trim(), at: new Date().toISOString() }) as ReviewAction;
    const outcome = await request({ kind: 'review', action });
    if (outcome.kind !== 'review-state') {
      notify({ intent: 'warning', title: 'Nothing changed', text: outcome.kind === 'failure' ? `${outcome.message}.` : 'Run the reconciliation again, then decide.' });
      return null;
    }
    if (outcome.refused) {
      notify({ intent: 'warning', title: 'Nothing changed', text: `${outcome.refused[0]?.toUpperCase()}${outcome.refused.slice(1)}.` });
      return null;
    }
    setReview(outcome.state);
    return outcome.state;
  }

  return { review, set: setReview, act };
}
