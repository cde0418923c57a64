/**
 * The suspense review queue of the last run: decisions already made on items still in suspense carry
 * into a new run; each decision is applied by the engine's review rules (a refusal said in words) and
 * saved into the session with who and when.
 */
import { useState } from 'react';
import { applyReview, reviewQueue, type Resolution, type ReviewAction, type ReviewState } from '../../engine/suspense/review-queue';
import type { Notify, ReviewCommand, RunDone } from '../pane-state';

export function useSuspenseReview(notify: Notify) {
  const [review, setReview] = useState<ReviewState | null>(null);

  /** The queue of a finished run, keeping the saved decisions on items still in suspense. */
  function fromRun(done: RunDone, saved: Readonly<Record<string, Resolution>>): void {
    if (!done.suspense) {
      setReview(null);
      return;
    }
    const fresh = reviewQueue(done.suspense.matches, done.suspense.items);
    const kept: Record<string, Resolution> = {};
    for (const e of fresh.entries) {
      const r = saved[e.item];
      if (r) kept[e.item] = r;
    }
    setReview({ ...fresh, resolutions: kept });
  }

  /** Applies a decision by the named reviewer; the new state, or null when nothing changed. */
  function act(command: ReviewCommand, reviewer: string): ReviewState | null {
    if (!review) return null;
    const action = (command.type === 'undo' ? command : { ...command, by: reviewer.trim(), at: new Date().toISOString() }) as ReviewAction;
    const outcome = applyReview(review, action);
    if (outcome.refused) {
      notify({ intent: 'warning', title: 'Nothing changed', text: `${outcome.refused[0]?.toUpperCase()}${outcome.refused.slice(1)}.` });
      return null;
    }
    setReview(outcome.state);
    return outcome.state;
  }

  return { review, fromRun, act };
}
