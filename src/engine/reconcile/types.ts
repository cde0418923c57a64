/** The reconciliation's result: the contract's figures plus what the audit pack and the pane need. */
import type { Category } from '../categories';
import type { UserReconcilingItem } from '../config';
import type { IsoDate } from '../dates';
import type { InputIssue } from '../issues';
import type { Pence } from '../money';
import type { KeyingPair } from './keying';

export interface Period {
  /** "YYYY-MM" */
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export interface HmsBatch {
  readonly side: 'hms';
  readonly category: Category;
  readonly date: IsoDate;
  readonly batch: string;
  readonly amount: Pence;
  readonly postings: number;
  /** Sheet row of the batch's first posting, for "show in sheet". */
  readonly firstRow: number;
}

export interface GlBatchLine {
  readonly side: 'gl';
  readonly category: Category;
  readonly date: IsoDate;
  readonly journal: string;
  readonly description: string;
  /** Debit - Credit: signed like the housing system's amounts. */
  readonly amount: Pence;
  readonly row: number;
}

export interface BatchMatch {
  readonly hms: HmsBatch;
  readonly gl: GlBatchLine;
  /** Days from the housing-system date to the GL date (0..window). */
  readonly lagDays: number;
}

export type AccountExceptionKind = 'balance' | 'missing-debit' | 'extra-debit' | 'debit-after-end' | 'debit-in-rent-free-week';

export interface AccountException {
  readonly account: string;
  readonly kind: AccountExceptionKind;
  readonly expected: Pence;
  readonly actual: Pence;
  /** Rent-roll row, or the first posting's row when the account is not on the roll. */
  readonly row: number | null;
  readonly sheetRole: 'rentRoll' | 'transactions';
  readonly note: string;
}

export interface ComponentRow {
  readonly category: Category;
  readonly hms: Pence;
  readonly gl: Pence;
  readonly difference: Pence;
}

/** A reconciling item as the reconciliation counts it: a person's, or one the engine suggests. */
export interface ReconcilingItem extends UserReconcilingItem {
  /** 'suggested' by the engine (timing), or added by a 'user'. */
  readonly origin: 'suggested' | 'user';
  /** Whether it counts against the difference. */
  readonly accepted: boolean;
  /** Days from its date to the period end, when dated. */
  readonly ageDays: number | null;
  /** A suggested item's key: what it is about (the batch, or the batch and the GL line); decisions use it. */
  readonly key?: string;
  /** Who accepted or rejected a suggested item; null while undecided. */
  readonly decidedBy?: string | null;
}

export interface SuspenseAgeing {
  readonly item: string;
  readonly date: IsoDate;
  readonly amount: Pence;
  readonly reference: string;
  readonly payer: string;
  readonly ageDays: number;
  readonly overLimit: boolean;
  readonly row: number;
}

export interface ReconcileResult {
  readonly period: Period;
  readonly basis: 'system';
  readonly hms: { readonly opening: Pence; readonly transactions: Pence; readonly calculatedClosing: Pence; readonly reportedClosing: Pence };
  readonly gl: { readonly opening: Pence; readonly movement: Pence; readonly closing: Pence };
  /** hms.reportedClosing - gl.closing */
  readonly difference: Pence;
  readonly components: readonly ComponentRow[];
  readonly matchedBatches: readonly BatchMatch[];
  readonly unmatchedBatches: readonly (HmsBatch | GlBatchLine)[];
  /** Unmatched batches on both sides that are one batch keyed differently (both stay in unmatchedBatches). */
  readonly keyingPairs: readonly KeyingPair[];
  readonly accountExceptions: readonly AccountException[];
  readonly suspense: {
    readonly glBalance: Pence;
    readonly itemsTotal: Pence;
    readonly difference: Pence;
    readonly ageLimitDays: number;
    readonly items: readonly SuspenseAgeing[];
  };
  readonly reconcilingItems: readonly ReconcilingItem[];
  /** Sum of the accepted reconciling items. */
  readonly reconcilingTotal: Pence;
  /** difference - reconcilingTotal: must be 0.00. */
  readonly unexplained: Pence;
  readonly status: 'BALANCED' | 'NOT BALANCED';
  readonly counts: { readonly accounts: number; readonly postings: number; readonly glLines: number; readonly controlLines: number; readonly suspenseLines: number; readonly suspenseItems: number; readonly hmsBatches: number };
  /** Warnings found while reconciling (postings for accounts not on the roll). */
  readonly issues: readonly InputIssue[];
}
