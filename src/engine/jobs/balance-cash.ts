/**
 * Job: cash balancing (CLI `balance-cash`; the pane through the worker): the receipts the import
 * ledger posted per channel per day against a bank statement's credits, as of a day. Every rule the
 * CLI held is decided here:
 * - The statement is read with its profile's skip rules cleared: every credit counts here,
 *   settlements included (the skip rules are for importing payments).
 * - A settlement-controlled profile is controlled by its running balance instead (a statement has
 *   no settlement to enter).
 * - After a balancing carried forward (open items as of a day), this one covers what came after it:
 *   credits dated after that day, receipts from the day after; a carried day on or after the as-of
 *   day is refused.
 * - The receipts start (`from`) defaults to the day after the carried balancing, else the first
 *   credit's day less the longest settlement lag, else the as-of day less that lag.
 * - The channels are the ones given, else config.cashBalance.channels (empty: every channel).
 * - Statement profile: DEFAULT_STATEMENT_PROFILE unless the caller picks one.
 */
import type { Category } from '../categories';
import type { LedgerConfig } from '../config';
import { addDays, formatUkDate, type IsoDate } from '../dates';
import { formatPence } from '../money';
import { balanceCash, CASH_COLUMNS, cashBalanceSheet, openItemsToJson, receiptDays, type BankCredit, type CashBalance, type CashBalanceConfig, type OpenItem } from '../payments/cash-balance';
import type { ImportLedgerEntry } from '../payments/import-ledger';
import { describePaymentIssue, type PaymentIssue } from '../payments/payment-issues';
import type { ImportProfile } from '../payments/profile';
import { checkControls, hasPaymentErrors, readPaymentFile } from '../payments/read-payment-file';
import type { SheetSpec } from '../sheet-spec';
import { csvText } from '../suspense/clearance-journal';
import { firstProblems, type JobRefusal } from './common';

/** The statement profile when none is named (the shipped Lloyds / Barclays export). */
export const DEFAULT_STATEMENT_PROFILE = 'lloyds';

export interface CashBalanceInput {
  readonly statement: { readonly text: string; readonly file: string };
  readonly profile: ImportProfile;
  /** The import ledger's entries (their batches are the receipts posted). */
  readonly ledger: readonly ImportLedgerEntry[];
  readonly asOf: IsoDate;
  /** The first receipts day; null: see the rules above. */
  readonly from: IsoDate | null;
  /** The open items of the last balancing, carried forward. */
  readonly carried: { readonly asOf: IsoDate; readonly items: readonly OpenItem[] } | null;
  /** The channels to balance; null: the config's. */
  readonly channels: readonly Category[] | null;
  readonly config: LedgerConfig;
}

export interface CashBalanceReady {
  readonly ok: true;
  readonly asOf: IsoDate;
  readonly from: IsoDate;
  readonly statement: string;
  readonly result: CashBalance;
  /** The days that did not agree (and were not cleared). */
  readonly differences: CashBalance['rows'];
  readonly csv: string;
  readonly sheet: SheetSpec;
  /** The open-items file to carry forward (JSON object). */
  readonly openItems: unknown;
}

export type CashBalanceRun = CashBalanceReady | JobRefusal<PaymentIssue>;

export function runCashBalance(input: CashBalanceInput): CashBalanceRun {
  const { asOf, carried } = input;
  if (carried && carried.asOf >= asOf) {
    const why = `the carried items are as of ${carried.asOf}; balance a later day`;
    return { ok: false, summary: why, problems: [], issues: [] };
  }
  const config: CashBalanceConfig = { ...input.config.cashBalance, channels: input.channels ? [...input.channels] : input.config.cashBalance.channels };
  const profile: ImportProfile = { ...input.profile, skip: [] };
  const file = input.statement.file;
  const read = readPaymentFile(input.statement.text, profile, file);
  const issues = [...read.issues, ...(hasPaymentErrors(read.issues) ? [] : checkControls(read, { ...profile, control: profile.control === 'settlement' ? 'balance' : profile.control }, null))];
  if (hasPaymentErrors(issues)) {
    const errors = issues.filter((i) => i.severity === 'error');
    return { ok: false, summary: 'the statement is refused', problems: firstProblems(errors.map(describePaymentIssue)), issues };
  }
  const lastAsOf = carried?.asOf ?? null;
  const credits: BankCredit[] = read.lines
    .filter((l) => lastAsOf === null || l.date > lastAsOf)
    .map((l) => ({ date: l.date, amount: l.amount, text: l.narrative, source: `${file} line ${l.line}` }));
  const maxLag = Math.max(0, ...config.settlements.map((s) => s.lagDays));
  const firstCredit = credits.reduce<IsoDate | null>((m, c) => (m === null || c.date < m ? c.date : m), null);
  const from = input.from ?? (lastAsOf !== null ? addDays(lastAsOf, 1) : addDays(firstCredit ?? asOf, -maxLag));
  const batches = input.ledger.flatMap((e) => e.batches).filter((b) => b.date >= from && b.date <= asOf);
  const result = balanceCash(receiptDays(batches), credits.filter((c) => c.date <= asOf), carried?.items ?? [], asOf, config);
  return {
    ok: true,
    asOf,
    from,
    statement: file,
    result,
    differences: result.rows.filter((r) => r.status !== 'agreed' && r.status !== 'cleared'),
    csv: cashBalanceCsv(result),
    sheet: cashBalanceSheet(result),
    openItems: openItemsToJson(result),
  };
}

/** The balancing as CSV: the sheet's columns, dates dd/mm/yyyy, money as decimal strings, text defused. */
export function cashBalanceCsv(result: CashBalance): string {
  const lines = result.rows.map((r) =>
    [r.channel, formatUkDate(r.date), csvText(r.batchRefs.join(' ')), formatPence(r.receipts), formatPence(r.credited), formatPence(r.difference), r.status, r.creditDate ? formatUkDate(r.creditDate) : '', csvText(r.creditText), String(r.ageDays), r.broughtForward ? 'yes' : ''].join(','),
  );
  return `${[CASH_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The `balance-cash --json` object (README.md); the paths are where the front end wrote the outputs. */
export function cashBalanceJson(run: CashBalanceReady, outputs: { readonly csv: string; readonly xlsx: string; readonly openItems: string }): Record<string, unknown> {
  const { result } = run;
  return {
    asOf: run.asOf,
    from: run.from,
    statement: run.statement,
    totals: { receipts: formatPence(result.totals.receipts), credited: formatPence(result.totals.credited), difference: formatPence(result.totals.difference) },
    rows: result.rows.map((r) => ({ ...r, receipts: formatPence(r.receipts), credited: formatPence(r.credited), difference: formatPence(r.difference) })),
    open: result.open.map((o) => ({ ...o, amount: formatPence(o.amount) })),
    outputs,
  };
}
