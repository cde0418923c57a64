/**
 * Job: carrying suspense review decisions into a new run (the pane's Run step, through the worker).
 * A decision already made on an item still in suspense carries over; decisions on items no longer
 * in suspense are dropped; the undo history starts afresh (it belonged to the earlier run's queue).
 */
import type { SuspenseItem } from '../records';
import type { SuspenseMatch } from '../suspense/match-suspense';
import { reviewQueue, type Resolution, type ReviewState } from '../suspense/review-queue';

export function carryReview(matches: readonly SuspenseMatch[], items: readonly SuspenseItem[], saved: ReviewState | Readonly<Record<string, Resolution>> | null): ReviewState {
  const fresh = reviewQueue(matches, items);
  const resolutions: Readonly<Record<string, Resolution>> = saved === null ? {} : isState(saved) ? saved.resolutions : saved;
  const kept: Record<string, Resolution> = {};
  for (const e of fresh.entries) {
    const r = resolutions[e.item];
    if (r) kept[e.item] = r;
  }
  return { ...fresh, resolutions: kept };
}

function isState(s: ReviewState | Readonly<Record<string, Resolution>>): s is ReviewState {
  return (s as ReviewState).version === 1 && Array.isArray((s as ReviewState).entries);
}
