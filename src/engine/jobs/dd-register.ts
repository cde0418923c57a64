/**
 * The mandate register as the pane keeps it: one row of text per mandate under the register's own
 * columns (MANDATE_COLUMNS), read from a CSV or a sheet by the same header synonyms as dd collect,
 * checked row by row by the same rules (the register's cell rules and DDI reference rules, the
 * modulus check, 10 working days' notice between Lodged On and First Collection), shown with the
 * bank details masked, and changed in status only with who and why (the mandate trail). The rows
 * go back to dd collect and dd report as CSV text with the bank details in clear: that text never
 * leaves the page except inside the Bacs file.
 */
import { csvQuote } from '../csv';
import { formatUkDate, type IsoDate } from '../dates';
import { findColumns } from '../dd/csv-table';
import { MANDATE_COLUMNS, MANDATE_STATUSES, MANDATE_SYNONYMS, readDate, readMandates, type MandateChange, type MandateStatus } from '../dd/mandates';
import { checkBankDetails } from '../dd/modulus';
import { earliestAfterNotice } from '../dd/schedule';
import { parseHolidays } from '../dd/working-days';
import { maskNumber } from '../payments/mask';
import { modulusTables, type ModulusDataText } from './dd-bank-check';
import { registerTable, type DdCollectInput } from './dd-collect';

export type MandateColumn = (typeof MANDATE_COLUMNS)[number];
/** One mandate as the register's cells (text as typed; bank details in clear). */
export type RegisterRow = Readonly<Record<MandateColumn, string>>;

const KEYS: Readonly<Record<MandateColumn, keyof typeof MANDATE_SYNONYMS>> = {
  'Account Ref': 'account',
  'Payer Name': 'payerName',
  'Sort Code': 'sortCode',
  'Account Number': 'bankAccount',
  'DDI Reference': 'reference',
  Amount: 'amount',
  Frequency: 'frequency',
  'Collection Day': 'collectionDay',
  Status: 'status',
  'Lodged On': 'lodgedOn',
  'First Collection': 'firstCollection',
  'Notice Sent': 'noticeSent',
  'Last Collection': 'lastCollection',
};

/** A register row with every cell blank. */
export function blankRow(): RegisterRow {
  return Object.fromEntries(MANDATE_COLUMNS.map((c) => [c, ''])) as RegisterRow;
}

/** The register's rows from CSV text or a sheet; problems when it cannot be read (nothing is read then). */
export function readRegisterRows(register: DdCollectInput['register']): { rows: RegisterRow[]; problems: string[] } {
  const { table, problem } = registerTable(register);
  if (table === null) return { rows: [], problems: [problem ?? 'the register is empty'] };
  const cols = findColumns(table.header, MANDATE_SYNONYMS);
  const missing = MANDATE_COLUMNS.filter((c) => c !== 'Notice Sent' && c !== 'Last Collection' && cols[KEYS[c]] < 0);
  if (missing.length > 0) return { rows: [], problems: [`line ${table.headerLine}: the register has no column ${missing.join(', ')}`] };
  const rows = table.rows.map((r) => Object.fromEntries(MANDATE_COLUMNS.map((c) => [c, (cols[KEYS[c]] >= 0 ? (r.cells[cols[KEYS[c]]] ?? '') : '').trim()])) as RegisterRow);
  return { rows, problems: [] };
}

/** The rows as the register CSV the jobs read (header MANDATE_COLUMNS, line n+1 is row n). */
export function registerCsvText(rows: readonly RegisterRow[]): string {
  return `${[MANDATE_COLUMNS.join(','), ...rows.map((r) => MANDATE_COLUMNS.map((c) => csvQuote((r[c] as string | undefined) ?? '')).join(','))].join('\r\n')}\r\n`;
}

/** What the screen shows of the bank details: the sort code's last pair, the account's last four digits. */
export function maskedBank(row: RegisterRow): { sortCode: string; account: string } {
  const sc = row['Sort Code'].replace(/\D/g, '');
  return { sortCode: sc.length === 6 ? `**-**-${sc.slice(4)}` : maskNumber(row['Sort Code']), account: maskNumber(row['Account Number']) };
}

export interface RowCheck {
  /** The row's index in the register. */
  readonly index: number;
  readonly reference: string;
  /** Every rule the row breaks; empty when dd collect would take it. */
  readonly problems: readonly string[];
}

export interface RegisterCheckInput {
  readonly rows: readonly RegisterRow[];
  readonly modulus: ModulusDataText;
  readonly holidays: string;
}

/** Checks every row: the register's cell and DDI reference rules, the modulus check, notice after lodging. */
export function runDdRegisterCheck(input: RegisterCheckInput): { checks: RowCheck[]; valid: number } {
  const { table } = registerTable({ kind: 'csv', text: registerCsvText(input.rows) });
  const read = table ? readMandates(table) : { mandates: [], held: [], missingColumns: [] };
  const { tables } = modulusTables(input.modulus);
  const { calendar } = parseHolidays(input.holidays);
  const byLine = new Map<number, string[]>();
  for (const h of read.held) byLine.set(h.line, h.reason.split('; '));
  for (const m of read.mandates) {
    const problems: string[] = [];
    const bank = checkBankDetails(tables, m.sortCode, m.bankAccount);
    if (!bank.valid) problems.push(`the bank details fail the modulus check: ${bank.reason}`);
    if (m.lodgedOn !== null && m.firstCollection < earliestAfterNotice(calendar, m.lodgedOn)) {
      problems.push(`First Collection ${formatUkDate(m.firstCollection)} is too soon after lodging on ${formatUkDate(m.lodgedOn)}: the earliest is ${formatUkDate(earliestAfterNotice(calendar, m.lodgedOn))} (10 working days' notice)`);
    }
    byLine.set(m.line, problems);
  }
  const checks = input.rows.map((r, index) => ({ index, reference: r['DDI Reference'].toUpperCase(), problems: byLine.get(index + 2) ?? [] }));
  return { checks, valid: checks.filter((c) => c.problems.length === 0).length };
}

/**
 * A status change by a person: refused without a reason, a name or a real change. Lodging sets
 * Lodged On to the day when it is blank. The change is the trail's entry.
 */
export function changeMandateStatus(
  row: RegisterRow,
  to: MandateStatus,
  who: { readonly by: string; readonly why: string; readonly on: IsoDate },
): { ok: true; row: RegisterRow; change: MandateChange } | { ok: false; refused: string } {
  const fromText = row.Status.toLowerCase();
  const from = (MANDATE_STATUSES as readonly string[]).includes(fromText) ? (fromText as MandateStatus) : null;
  if (!(MANDATE_STATUSES as readonly string[]).includes(to)) return { ok: false, refused: `'${to}' is not a mandate status (${MANDATE_STATUSES.join(', ')})` };
  if (from === to) return { ok: false, refused: `the mandate is ${to} already` };
  if (who.by.trim() === '') return { ok: false, refused: 'say who makes the change' };
  if (who.why.trim() === '') return { ok: false, refused: 'say why the status changes: it goes on the mandate trail' };
  const lodged = to === 'lodged' && readDate(row['Lodged On']) === null ? { 'Lodged On': formatUkDate(who.on) } : {};
  const next: RegisterRow = { ...row, Status: to, ...lodged };
  const change: MandateChange = { reference: row['DDI Reference'].toUpperCase(), account: row['Account Ref'], from: from ?? 'new', to, on: who.on, by: who.by.trim(), why: who.why.trim() };
  return { ok: true, row: next, change };
}
