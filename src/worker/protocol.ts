/**
 * Messages between the task pane and the engine's Web Worker: one discriminated union each way.
 * Everything here is plain data (structured-clone safe): money as integer pence, dates as strings.
 *
 * The worker keeps what the last 'reconcile' read (the sources, the run, the suspense matches, the
 * review queue) and what 'load-roll' read (the rent roll for payment files), and answers every job
 * over them: review actions, account search, ageing, the audit pack, suspense matching, payment
 * files (detect, preview, prepare, post) and cash balancing. Each job's rules are in
 * src/engine/jobs/; the worker only calls them. Config fields are the config file's JSON, validated
 * in the worker by the engine's own parser.
 */
import type { ActionsJob, ActionsJobResult } from '../engine/jobs/actions-worker';
import type { RawCell, SheetData } from '../engine/cells';
import type { InputIssue } from '../engine/issues';
import type { ReconcileResult } from '../engine/reconcile/types';
import type { SourceSummary } from '../engine/audit-pack';
import type { UserReconcilingItem } from '../engine/config';
import type { SuspenseItem } from '../engine/records';
import type { AccountHit } from '../engine/suspense/account-search';
import type { SuspenseMatch } from '../engine/suspense/match-suspense';
import type { FactoringRequest, FactoringResponse } from './factoring-request';
import type { FactoringDebtRequest, FactoringDebtResponse } from './factoring-debt-request';
import type { Resolution, ReviewAction, ReviewChanges, ReviewEntry, ReviewState } from '../engine/suspense/review-queue';
import type { SuspenseAgeing } from '../engine/suspense/suspense-ageing';
import type { SheetSpec } from '../engine/sheet-spec';
import type { PackSignOff } from '../engine/jobs/month-end';
import type { paneSessionSheet } from '../engine/signoff/pane-session';
import type { SuggestionDecision } from '../engine/reconcile/suggestions';
import type { SuggestionChange, SuggestionState } from '../engine/signoff/suggestion-decision';

import type { LedgerMatchesData, PaymentImport, PaymentPreview } from '../engine/jobs/import-payments';
import type { CashBalanceRun } from '../engine/jobs/balance-cash';
import type { Category } from '../engine/categories';
import type { Pence } from '../engine/money';
import type { ImportLedgerEntry } from '../engine/payments/import-ledger';
import type { ImportProfile } from '../engine/payments/profile';
import type { OpenItem } from '../engine/payments/cash-balance';
import type { PaymentIssue } from '../engine/payments/payment-issues';
import type { DdBankCheckRequest, DdCollectRequest, DdRegisterRequest, DdReportRequest, DdResponse } from './dd-protocol';

/** What the pane sends for its session sheet (the run and its result are the worker's). */
export type PaneSessionArgs = Parameters<typeof paneSessionSheet>[2];

export type WorkerRequest =
  | {
      readonly kind: 'reconcile';
      readonly id: number;
      readonly file: string;
      readonly sheets: readonly SheetData[];
      readonly period: string;
      /** The config file's JSON (validated in the worker by the engine's own parser). */
      readonly config: unknown;
      /** The reconciling items people added (pence as integers); the config's when absent. */
      readonly userItems?: readonly UserReconcilingItem[];
      /** The sheets came before this request as 'sheet-part' messages of the same id. */
      readonly partsSent?: boolean;
      /**
       * The sheets come over this port (transferred with the request) as SheetStreamMessage blocks,
       * straight from the workbook's own worker: the page never holds them. `sheets` is then empty.
       */
      readonly sheetsFrom?: MessagePort;
      /**
       * The suspense items and their ranking stay in the worker (the answer has no `suspense`): the
       * review queue (`review`) holds what the pane shows, and a month's matches are large to clone.
       */
      readonly keepMatches?: boolean;
      /**
       * The review queue's entries come ahead of the result in 'review-part' messages of this many
       * entries (the result's `review` then has none, and `reviewInParts` set): a large month's queue
       * is several megabytes, and one message that size holds the page's thread while it is taken in.
       */
      readonly reviewInParts?: number;
      /** Also rank candidate accounts for each suspense item (the review queue's input). */
      readonly matchSuspense?: boolean;
      /**
       * The saved review (state or its resolutions) to carry into this run: the result then holds
       * `review`, the new queue with the decisions on items still in suspense (carryReview).
       */
      readonly carryReview?: ReviewState | Readonly<Record<string, Resolution>> | null;
      /** People's decisions on the suggested reconciling items (issue 11): the result comes with them applied. */
      readonly suggestionDecisions?: readonly SuggestionDecision[];
    }
  | {
      /**
       * A person accepts, rejects or takes back (to 'undecided') a suggested reconciling item of the
       * last run (issue 11): answered with 'suggestion-decided', the decisions after it and the run's
       * result recomputed with them by the engine, and the change in the trail's words.
       */
      readonly kind: 'decide-suggestion';
      readonly id: number;
      /** The decisions held before this one. */
      readonly decisions: readonly SuggestionDecision[];
      readonly key: string;
      readonly to: SuggestionState;
      readonly by: string;
      /** ISO instant of the decision. */
      readonly at: string;
    }
  | {
      /** A review action on the kept queue (accept, reject, pick, accept all automatic, undo). */
      readonly kind: 'review';
      readonly id: number;
      readonly action: ReviewAction;
      /**
       * Answer with 'review-changes' (only the items the action touched) instead of the whole queue:
       * the page applies them to its copy, so a decision costs the same in a queue of any size.
       */
      readonly changesOnly?: boolean;
    }
  | {
      /** Replaces the kept review queue (e.g. a session imported); answered with 'review-state'. */
      readonly kind: 'set-review';
      readonly id: number;
      readonly state: ReviewState;
    }
  | {
      /** The last run's suspense ageing: as of the period end (the pack's), or as of the day given. */
      readonly kind: 'ageing';
      readonly id: number;
      readonly asOf?: string;
    }
  | {
      /** The audit pack of the last run: the audit sheets, the clearance journal of the kept review, the ageing. */
      readonly kind: 'build-pack';
      readonly id: number;
      readonly productVersion: string;
      /** The run's stamp (ISO instant). */
      readonly runAt: string;
      readonly preparer: PackSignOff | null;
      readonly reviewer: PackSignOff | null;
      /** The reconciling items people hold now; the run's when absent. */
      readonly userItems?: readonly UserReconcilingItem[];
      /** The session about to be written beside the pack (as 'pack-session' will get it): the Summary shows its trail's head. */
      readonly session?: Omit<PaneSessionArgs, 'packSheets'>;
      /** People's decisions on the suggested reconciling items (issue 11); none: nothing suggested counts. */
      readonly suggestionDecisions?: readonly SuggestionDecision[];
      /**
       * The sheets' rows beyond the first this many of each come ahead of the pack in 'pack-rows'
       * messages of this many rows (the pack then has `sheetsInParts`): no one message holds the
       * page's thread while it is taken in.
       */
      readonly packInParts?: number;
    }
  | {
      /**
       * The `HL Session` sheet for the pack just written (issue 11): the pack's sheets as read back
       * (for verify's image), the config, people's decisions, the sign-offs and the trail.
       */
      readonly kind: 'pack-session';
      readonly id: number;
      readonly args: PaneSessionArgs;
      /** The pack's sheets come over this port from the workbook's own worker (args.packSheets is then empty). */
      readonly sheetsFrom?: MessagePort;
    }
  | {
      /** match-suspense over the last run's sources: ageing as of `asOf`, else the day of `now`. */
      readonly kind: 'match-suspense';
      readonly id: number;
      readonly config: unknown;
      readonly asOf: string | null;
      readonly now: string;
    }
  | {
      /** Reads and keeps the rent roll that payment files are allocated to (the sheets need only hold the roll). */
      readonly kind: 'load-roll';
      readonly id: number;
      readonly file: string;
      readonly sheets: readonly SheetData[];
      readonly config: unknown;
    }
  | {
      /** Which of the profiles reads the file (null: none cleanly). */
      readonly kind: 'detect-profile';
      readonly id: number;
      readonly text: string;
      readonly fileName: string;
      readonly profiles: readonly ImportProfile[];
    }
  | {
      readonly kind: 'preview-payments';
      readonly id: number;
      readonly text: string;
      readonly fileName: string;
      readonly profile: ImportProfile;
      readonly settlement: Pence | null;
      readonly maxLines: number;
    }
  | {
      /** Step one of posting: read and control the file; the answer's hash and keys are what to ask the import ledger. */
      readonly kind: 'prepare-payments';
      readonly id: number;
      readonly text: string;
      readonly fileName: string;
      readonly profile: ImportProfile;
      readonly settlement: Pence | null;
    }
  | {
      /** Step two: what the import ledger holds of the prepared file; answered with every output, or the refusal. */
      readonly kind: 'post-payments';
      readonly id: number;
      readonly ledger: LedgerMatchesData;
      readonly importedAt: string;
      readonly config: unknown;
    }
  | {
      readonly kind: 'balance-cash';
      readonly id: number;
      readonly statement: { readonly text: string; readonly file: string };
      /** The statement's profile; the job's default statement profile when null. */
      readonly profile: ImportProfile | null;
      readonly ledger: readonly ImportLedgerEntry[];
      readonly asOf: string;
      readonly from: string | null;
      readonly carried: { readonly asOf: string; readonly items: readonly OpenItem[] } | null;
      readonly channels: readonly Category[] | null;
      readonly config: unknown;
    }
  | {
      /** Any account on the rent roll of the last run, by ref, name or postcode (the review queue's search). */
      readonly kind: 'search-accounts';
      readonly id: number;
      readonly query: string;
    }
  | {
      /**
       * A block of a sheet's rows. Large workbooks go over in blocks, the page yielding between them,
       * so cloning a million rows never holds the page's thread for more than a moment.
       */
      readonly kind: 'sheet-part';
      readonly id: number;
      readonly name: string;
      readonly originRow: number;
      readonly originCol: number;
      readonly rows: readonly (readonly RawCell[])[];
    }
  | {
      /** SHA-256 of each sheet's normalised values: has a source changed since the session last ran? */
      readonly kind: 'fingerprint';
      readonly id: number;
      readonly sheets: readonly SheetData[];
    }
  | {
      /** An account actions job (issue 14): refund candidates, request, approve/reject, list, export. */
      readonly kind: 'account-actions';
      readonly id: number;
      readonly job: ActionsJob;
      readonly config: unknown;
    }
  | FactoringRequest
  | FactoringDebtRequest
  | DdBankCheckRequest
  | DdCollectRequest
  | DdReportRequest
  | DdRegisterRequest;

export type Stage = 'sending' | 'validating' | 'reading' | 'reconciling' | 'fingerprinting';

export type ReconcileRequest = Extract<WorkerRequest, { kind: 'reconcile' }>;

export type WorkerResponse =
  | { readonly kind: 'progress'; readonly id: number; readonly stage: Stage }
  | {
      readonly kind: 'result';
      readonly id: number;
      readonly result: ReconcileResult;
      readonly issues: readonly InputIssue[];
      readonly sources: readonly SourceSummary[];
      /**
       * Milliseconds inside the worker: reading and reconciling, and fingerprinting the sources (0 when
       * `fingerprintsFollow`: then the time is in 'source-fingerprints').
       */
      readonly timings: { readonly engineMs: number; readonly fingerprintMs: number };
      /**
       * The result came first: each source's sha256 here is empty, and a 'source-fingerprints' message
       * of the same id follows with them. The pack and the session need them; showing the result does not.
       */
      readonly fingerprintsFollow?: boolean;
      /** The suspense items and the matcher's ranking, when asked for and there is a suspense sheet. */
      readonly suspense?: { readonly items: readonly SuspenseItem[]; readonly matches: readonly SuspenseMatch[] };
      /** The review queue of this run with the carried decisions, when carryReview was given and there are matches. */
      readonly review?: ReviewState;
      /** `review` came without its entries: they came before it in 'review-part' messages (the client puts them back). */
      readonly reviewInParts?: boolean;
    }
  | { readonly kind: 'review-state'; readonly id: number; readonly state: ReviewState; readonly refused: string | null }
  /** The answer to a 'review' with changesOnly: what the action changed (null when refused, with why). */
  | { readonly kind: 'review-changes'; readonly id: number; readonly changes: ReviewChanges | null; readonly refused: string | null }
  | { readonly kind: 'ageing'; readonly id: number; readonly ageing: SuspenseAgeing }
  /** The answer to 'decide-suggestion': the run's result with the decisions (people's items not applied), or why not. */
  | { readonly kind: 'suggestion-decided'; readonly id: number; readonly decisions: readonly SuggestionDecision[]; readonly result: ReconcileResult; readonly change: SuggestionChange }
  | { readonly kind: 'pack'; readonly id: number; readonly result: ReconcileResult; readonly sheets: readonly SheetSpec[]; readonly sheetsInParts?: boolean }
  /** Rows of the pack's sheet `sheet` (its index), in order, ahead of a 'pack' asked for in parts (build-pack's packInParts). */
  | { readonly kind: 'pack-rows'; readonly id: number; readonly sheet: number; readonly rows: SheetSpec['rows'] }
  | { readonly kind: 'pack-session'; readonly id: number; readonly sheet: SheetSpec; readonly identity: string; readonly savedAt: string }
  | {
      readonly kind: 'suspense-matched';
      readonly id: number;
      readonly sheets: readonly SheetSpec[];
      readonly journalCsv: string;
      readonly ageingCsv: string;
      readonly json: Readonly<Record<string, unknown>>;
      readonly counts: { readonly auto: number; readonly review: number; readonly none: number };
    }
  | { readonly kind: 'roll'; readonly id: number; readonly accounts: number }
  | { readonly kind: 'profile-detected'; readonly id: number; readonly name: string | null }
  | { readonly kind: 'payments-preview'; readonly id: number; readonly preview: PaymentPreview }
  | { readonly kind: 'payments-prepared'; readonly id: number; readonly hash: string; readonly keys: readonly string[]; readonly issues: readonly PaymentIssue[] }
  | { readonly kind: 'payments-posted'; readonly id: number; readonly outcome: PaymentImport }
  | { readonly kind: 'cash-balance'; readonly id: number; readonly run: CashBalanceRun }
  | { readonly kind: 'accounts'; readonly id: number; readonly hits: readonly AccountHit[] }
  | { readonly kind: 'input-error'; readonly id: number; readonly issues: readonly InputIssue[]; readonly problems: readonly string[] }
  | { readonly kind: 'fingerprints'; readonly id: number; readonly fingerprints: Readonly<Record<string, string>> }
  | { readonly kind: 'account-actions'; readonly id: number; readonly result: ActionsJobResult }
  /** After a 'result' with fingerprintsFollow: the same sources with their sha256 filled in. */
  | { readonly kind: 'source-fingerprints'; readonly id: number; readonly sources: readonly SourceSummary[]; readonly fingerprintMs: number }
  /** A block of the review queue's entries, ahead of the result of reconciliation `id` (reviewInParts). */
  | { readonly kind: 'review-part'; readonly id: number; readonly entries: readonly ReviewEntry[] }
  | { readonly kind: 'failure'; readonly id: number; readonly message: string }
  | FactoringResponse
  | FactoringDebtResponse
  | DdResponse;
