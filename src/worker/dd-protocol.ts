/**
 * The Direct Debit requests of the worker protocol (issue 13): the same jobs as `housing-ledger
 * bank-check`, `dd collect` and `dd report`, over plain data. The page sends the register as CSV
 * text (bank details in clear: only the Bacs file carries them out), the shipped modulus data and
 * bank-holiday text, and for a report the import ledger's entries; the answers are the jobs' own
 * results. With `withRoll`, the rent roll the worker holds from the last run (or 'load-roll') is the
 * job's rent roll, as `--accounts` is the CLI's.
 */
import type { BankCheckRequest, BankCheckResult, ModulusDataText } from '../engine/jobs/dd-bank-check';
import type { DdCollectInput, DdCollectResult } from '../engine/jobs/dd-collect';
import type { RegisterRow, RowCheck } from '../engine/jobs/dd-register';
import type { DdReportResult } from '../engine/jobs/dd-report';
import type { ImportLedgerEntry } from '../engine/payments/import-ledger';

export interface DdBankCheckRequest {
  readonly kind: 'dd-bank-check';
  readonly id: number;
  readonly check: BankCheckRequest;
  readonly modulus: ModulusDataText;
}

export interface DdCollectRequest {
  readonly kind: 'dd-collect';
  readonly id: number;
  readonly input: Omit<DdCollectInput, 'rentRoll'>;
  readonly withRoll: boolean;
  /** The config file's JSON: its rentYearStart and rentFreeWeeks give the rent calendar, as `dd collect --config` does. */
  readonly config?: unknown;
}

export interface DdReportRequest {
  readonly kind: 'dd-report';
  readonly id: number;
  readonly reportText: string;
  readonly fileName: string;
  readonly register: DdCollectInput['register'];
  /** The import ledger's entries (the pane's IndexedDB `imports`, the CLI's --ledger). */
  readonly ledger: readonly ImportLedgerEntry[];
  readonly importedAt: string;
  readonly by: string;
  readonly withRoll: boolean;
}

/** Reads a register (CSV or sheet) into rows, or takes the rows given, and checks every row. */
export interface DdRegisterRequest {
  readonly kind: 'dd-register';
  readonly id: number;
  readonly source: DdCollectInput['register'] | null;
  readonly rows: readonly RegisterRow[] | null;
  readonly modulus: ModulusDataText;
  readonly holidays: string;
}

export type DdResponse =
  | { readonly kind: 'dd-register-checked'; readonly id: number; readonly rows: readonly RegisterRow[]; readonly problems: readonly string[]; readonly checks: readonly RowCheck[]; readonly valid: number }
  | { readonly kind: 'dd-bank-checked'; readonly id: number; readonly result: BankCheckResult }
  | { readonly kind: 'dd-collected'; readonly id: number; readonly result: DdCollectResult }
  | { readonly kind: 'dd-reported'; readonly id: number; readonly result: DdReportResult };
