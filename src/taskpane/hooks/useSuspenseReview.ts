/**
 * The suspense review queue of the last run, kept by the worker: each decision is sent there and
 * applied by the engine's review rules (a refusal said in words). Only what the action changed comes
 * back (review-changes) and is applied to the page's copy: the entries are shared, never copied, so
 * a decision, an undo or accept-all costs what it touches, not the queue's size. The caller saves the
 * changes into the session with who and when.
 */
import { startTransition, useRef, useState } from 'react';
import type { ReviewAction, ReviewChanges, ReviewState } from '../../engine/suspense/review-queue';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { Notify, ReviewCommand } from '../pane-state';

/** One step the worker can undo, as the page needs it: which action and how many items it changed. */
export interface UndoStepSize {
  readonly action: ReviewAction['type'];
  readonly size: number;
}

/** The page's copy of the queue: the worker's entries and resolutions, and the steps that can be undone. */
export interface ReviewCopy {
  readonly state: ReviewState;
  readonly undoSteps: readonly UndoStepSize[];
}

/**
 * The resolutions after the changes: a new record (React sees a new state) sharing every
 * entry; the undo steps themselves stay in the worker, the page keeps only each step's action and size
 * (an undo of many decisions asks first).
 */
function patched(copy: ReviewCopy, changes: ReviewChanges): ReviewCopy {
  const resolutions = { ...copy.state.resolutions };
  for (const c of changes.changed) {
    if (c.resolution === null) delete resolutions[c.item];
    else resolutions[c.item] = c.resolution;
  }
  const undoSteps = changes.action === 'undo' ? copy.undoSteps.slice(0, -1) : [...copy.undoSteps, { action: changes.action, size: changes.changed.length }];
  return { state: { ...copy.state, resolutions, undo: [] }, undoSteps };
}

export function useSuspenseReview(request: (body: RequestBody) => Promise<WorkerOutcome>, notify: Notify) {
  const [copy, setCopy] = useState<ReviewCopy | null>(null);
  /** The latest copy, for decisions sent before React re-renders (keys pressed quickly). */
  const latest = useRef<ReviewCopy | null>(null);

  const set = (state: ReviewState | null) => {
    const next = state ? { state, undoSteps: state.undo.map((u) => ({ action: u.action, size: u.before.length })) } : null;
    latest.current = next;
    startTransition(() => setCopy(next));
  };

  /** Sends a decision by the named reviewer; what it changed, or null when nothing changed. */
  async function act(command: ReviewCommand, reviewer: string): Promise<ReviewChanges | null> {
    if (!latest.current) return null;
    const action = (command.type === 'undo' ? command : { ...command, by: reviewer.trim(), at: new Date().toISOString() }) as ReviewAction;
    const outcome = await request({ kind: 'review', action, changesOnly: true });
    if (outcome.kind !== 'review-changes') {
      notify({ intent: 'warning', title: 'Nothing changed', text: outcome.kind === 'failure' ? `${outcome.message}.` : 'Run the reconciliation again, then decide.' });
      return null;
    }
    if (outcome.refused !== null || outcome.changes === null) {
      const why = outcome.refused ?? 'nothing to change';
      notify({ intent: 'warning', title: 'Nothing changed', text: `${why[0]?.toUpperCase()}${why.slice(1)}.` });
      return null;
    }
    const current = latest.current;
    if (!current) return null;
    const next = patched(current, outcome.changes);
    latest.current = next;
    // The queue, its counts and totals are drawn again as a transition: React yields to the page meanwhile.
    startTransition(() => setCopy(next));
    return outcome.changes;
  }

  return { review: copy?.state ?? null, canUndo: (copy?.undoSteps.length ?? 0) > 0, lastUndo: copy?.undoSteps.at(-1) ?? null, set, act };
}
