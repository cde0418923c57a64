/**
 * What the store keeps, as plain data (pence as integers, dates as YYYY-MM-DD, times as ISO
 * strings): month-end sessions, their append-only trail, and named saved settings.
 *
 * Names: "saved settings" are the pane's settings kept under a name to reuse next month; "import
 * profiles" are payment-file layouts (engine/payments/profile.ts). The word "profile" means only the
 * latter. The saved settings' table is still called `profiles` in IndexedDB (renaming a table needs
 * a copy of every row in an upgrader; the rows are the same either way).
 */
import type { SuggestionDecision } from '../engine/reconcile/suggestions';
import type { SessionBase } from '../engine/signoff/resume';
import type { Resolution, ReviewState } from '../engine/suspense/review-queue';

export interface StoredReconcilingItem {
  readonly ref: string;
  readonly type: 'timing' | 'suspense' | 'other';
  /** Whole pence, signed like the difference it explains. */
  readonly amount: number;
  readonly explanation: string;
  readonly owner: string;
  readonly date: string | null;
}

export interface SignOff {
  readonly role: 'preparer' | 'reviewer';
  readonly name: string;
  /** ISO timestamp. */
  readonly at: string;
  /** The digest of what was signed (engine/signoff/bound-signoffs.ts); absent on sign-offs saved before issue 11 (never standing). */
  readonly digest?: string;
  /** The written reason when a NOT BALANCED reconciliation was signed. */
  readonly reason?: string | null;
  /** Set when a later change voided it: what changed, and when. */
  readonly voided?: { readonly at: string; readonly by: string } | null;
}

/** The settings a coordinator reuses month to month (saved under a name) and that a session records. */
export interface Settings {
  /** The config file's JSON: validated by the engine's parseConfig when used. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Sheet role -> sheet name, and role -> field -> header, as chosen in the Sources step. */
  readonly sheets: Readonly<Record<string, string>>;
  readonly columns: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface Session {
  /** `${workbookId}|${period}` */
  readonly id: string;
  readonly workbookId: string;
  /** YYYY-MM */
  readonly period: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Sheet name -> SHA-256 of its normalised cells when the session last ran. */
  readonly fingerprints: Readonly<Record<string, string>>;
  readonly settings: Settings;
  readonly reconcilingItems: readonly StoredReconcilingItem[];
  readonly signOffs: readonly SignOff[];
  /**
   * The suspense review queue (plain JSON: see engine/suspense/review-queue.ts) as version 7 kept it
   * and as session files carry it. Since version 8 the store keeps each decision in its own row
   * (reviewDecisions), so a decision writes one row, not the queue: read them with reviewResolutions.
   */
  readonly suspenseReview?: ReviewState;
  /** People's suspense decisions taken from a workbook's session, carried into the next run's queue. */
  readonly carriedResolutions?: Readonly<Record<string, Resolution>>;
  /**
   * People's decisions on the suggested reconciling items (issue 11): key -> accepted or rejected, by
   * whom. A field of the session record (no index, so no new Dexie version); absent: none decided.
   */
  readonly suggestionDecisions?: readonly SuggestionDecision[];
  /** The workbook copy of the session this working copy was last in step with (engine/signoff/resume.ts). */
  readonly base?: SessionBase;
}

export interface TrailEvent {
  /** Assigned by the store, increasing. */
  readonly seq?: number;
  readonly sessionId: string;
  readonly at: string;
  readonly actor: string;
  readonly event: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Settings saved under a name, applied to any workbook later (the `profiles` table). */
export interface SavedSettings {
  readonly name: string;
  readonly updatedAt: string;
  readonly settings: Settings;
}

/** A payment-file import profile a person made in the pane (the engine's profile JSON, validated on use). */
export interface StoredImportProfile {
  readonly name: string;
  readonly updatedAt: string;
  readonly profile: Readonly<Record<string, unknown>>;
}

/** One suspense item's decision in a session (version 8): the row a decision writes, keyed [sessionId+item]. */
export interface StoredReviewDecision {
  readonly sessionId: string;
  readonly item: string;
  /** Null: decided once, then open again (an undo). */
  readonly resolution: Resolution | null;
}
