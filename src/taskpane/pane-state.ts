/**
 * The pane's shared state types: the steps, a run's progress and outcome, and the messages shown
 * above the steps. Kept apart from the components and hooks so that each imports them without
 * importing one another.
 */
import type { SourceSummary } from '../engine/audit-pack';
import type { InputIssue } from '../engine/issues';
import type { ReconcileResult } from '../engine/reconcile/types';
import type { ReviewAction, ReviewState } from '../engine/suspense/review-queue';
import type { Stage } from '../worker/protocol';

export type StepId = 'sources' | 'settings' | 'run' | 'review' | 'suspense' | 'signoff';

export const STEPS: readonly { readonly id: StepId; readonly label: string }[] = [
  { id: 'sources', label: '1 Sources' },
  { id: 'settings', label: '2 Settings' },
  { id: 'run', label: '3 Run' },
  { id: 'review', label: '4 Review' },
  { id: 'suspense', label: '5 Suspense' },
  { id: 'signoff', label: '6 Sign-off' },
];

/** A finished run: what the Review, Suspense and Sign-off steps show. */
export interface RunDone {
  readonly state: 'done';
  readonly result: ReconcileResult;
  readonly issues: readonly InputIssue[];
  readonly sources: readonly SourceSummary[];
  readonly ms: number;
  readonly at: string;
  /** The suspense review queue of this run, with the saved decisions carried in (the worker's carryReview); null without suspense. */
  readonly review: ReviewState | null;
}

export type RunState =
  | { readonly state: 'idle' }
  | { readonly state: 'reading'; readonly sheet: string; readonly fraction: number }
  | { readonly state: 'running'; readonly stage: Stage; readonly startedAt: number }
  | RunDone
  | { readonly state: 'input-error'; readonly issues: readonly InputIssue[]; readonly problems: readonly string[] }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'cancelled' };

export interface Notice {
  readonly intent: 'info' | 'success' | 'warning' | 'error';
  readonly title: string;
  readonly text: string;
}

export type Notify = (notice: Notice) => void;

/** The title of the warning that stays until dismissed. */
export const STORAGE_WARNING = 'Sessions will not be saved';

/** A review decision without who and when: the pane adds them. */
export type ReviewCommand = ReviewAction extends infer A ? (A extends { by: string } ? Omit<A, 'by' | 'at'> : A) : never;
