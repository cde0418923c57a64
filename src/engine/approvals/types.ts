/**
 * The shapes of the approval engine (issue 14): an account action requested, approved or rejected,
 * and posted, each step an event on one hash-chained log. Generic over the action's kind: refunds,
 * transfers and write-offs here, factoring bill runs and write-offs later, all use the same events.
 */
import type { Category } from '../categories';
import type { IsoDate } from '../dates';
import type { Pence } from '../money';

/** A posting an action makes once approved: dated the day of the final approval. */
export interface ActionPostingLine {
  readonly account: string;
  /** The landlord code written to the postings (a category unless the kind says otherwise). */
  readonly code: string;
  readonly category: Category;
  /** Positive = charge to the tenant (debit), negative = payment or credit, as in the postings sheet. */
  readonly amount: Pence;
  readonly description: string;
}

/** What a person asks for. Everything here is bound by the digest an approver signs. */
export interface ActionRequestBody {
  /** 'refund', 'transfer', 'writeoff', or a later kind ('factoring-bill-run', ...). */
  readonly kind: string;
  readonly reason: string;
  /** Documents, notes, references a reviewer needs (free text, one item each). */
  readonly evidence: readonly string[];
  /** The amount the limits are judged on (positive pence). */
  readonly amount: Pence;
  readonly accounts: readonly string[];
  /** The postings the action makes once approved; nothing is posted before. */
  readonly postings: readonly ActionPostingLine[];
  /** Kind-specific plain data (a refund's payee, a write-off's reason code and history). */
  readonly details: Readonly<Record<string, unknown>>;
}

interface EventBase {
  readonly id: string;
  readonly by: string;
  /** An ISO instant, passed in by the caller (the engine has no clock). */
  readonly at: string;
}

export type ActionEventBody =
  | (EventBase & { readonly type: 'requested'; readonly request: ActionRequestBody; readonly digest: string })
  | (EventBase & { readonly type: 'amended'; readonly request: ActionRequestBody; readonly digest: string; readonly note: string })
  | (EventBase & { readonly type: 'approved'; readonly digest: string; readonly role: string | null; readonly note: string })
  | (EventBase & { readonly type: 'rejected'; readonly digest: string; readonly note: string })
  | (EventBase & { readonly type: 'posted'; readonly digest: string; readonly date: IsoDate; readonly postings: readonly ActionPostingLine[] });

export type ActionEvent = ActionEventBody & { readonly prev: string; readonly hash: string };

export type ActionStatus = 'awaiting-approval' | 'awaiting-second-approval' | 'approved' | 'rejected';

export interface ActionApproval {
  readonly by: string;
  readonly at: string;
  readonly role: string | null;
  readonly note: string;
}

/** An action as the log now stands. */
export interface ActionState {
  readonly id: string;
  readonly kind: string;
  readonly status: ActionStatus;
  readonly request: ActionRequestBody;
  /** The digest of the request as it now stands; approvals of an earlier digest do not count. */
  readonly digest: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** Approvals of the current digest. */
  readonly approvals: readonly ActionApproval[];
  /** How many approvers the amount needs (1 or 2). */
  readonly approversNeeded: number;
  readonly rejected: { readonly by: string; readonly at: string; readonly note: string } | null;
  readonly posted: { readonly date: IsoDate; readonly at: string } | null;
}

/** Why a step was refused: a stable code and the words a person reads. */
export interface ActionRefusal {
  readonly ok: false;
  readonly code: ApprovalRefusalCode;
  readonly message: string;
}

export type ApprovalRefusalCode =
  | 'action.unknown'
  | 'action.duplicate-id'
  | 'action.invalid'
  | 'action.final'
  | 'approval.same-person'
  | 'approval.already-approved-by'
  | 'approval.not-an-approver'
  | 'approval.over-limit'
  | 'approval.stale'
  | 'approval.no-name'
  | 'log.broken';
