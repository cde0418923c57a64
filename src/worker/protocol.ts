/**
 * Messages between the task pane and the engine's Web Worker: one discriminated union each way.
 * Everything here is plain data (structured-clone safe): money as integer pence, dates as strings.
 */
import type { RawCell, SheetData } from '../engine/cells';
import type { InputIssue } from '../engine/issues';
import type { ReconcileResult } from '../engine/reconcile/types';
import type { SourceSummary } from '../engine/audit-pack';
import type { UserReconcilingItem } from '../engine/config';
import type { SuspenseItem } from '../engine/records';
import type { AccountHit } from '../engine/suspense/account-search';
import type { SuspenseMatch } from '../engine/suspense/match-suspense';
import type { FactoringRequest, FactoringResponse } from './factoring-request';

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
      /** Also rank candidate accounts for each suspense item (the review queue's input). */
      readonly matchSuspense?: boolean;
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
  | FactoringRequest;

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
      /** Milliseconds inside the worker: reading and reconciling, and fingerprinting the sources. */
      readonly timings: { readonly engineMs: number; readonly fingerprintMs: number };
      /** The suspense items and the matcher's ranking, when asked for and there is a suspense sheet. */
      readonly suspense?: { readonly items: readonly SuspenseItem[]; readonly matches: readonly SuspenseMatch[] };
    }
  | { readonly kind: 'accounts'; readonly id: number; readonly hits: readonly AccountHit[] }
  | { readonly kind: 'input-error'; readonly id: number; readonly issues: readonly InputIssue[]; readonly problems: readonly string[] }
  | { readonly kind: 'fingerprints'; readonly id: number; readonly fingerprints: Readonly<Record<string, string>> }
  | { readonly kind: 'failure'; readonly id: number; readonly message: string }
  | FactoringResponse;
