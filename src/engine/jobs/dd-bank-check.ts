/**
 * The bank-check job: sort code and account number pairs checked by the Pay.UK modulus rules, one
 * pair or a CSV of pairs (header sort_code,account_number). A malformed pair is a result with
 * valid false and its reason; only a file that cannot be read as a table is an error.
 */
import { csvTable, findColumns } from '../dd/csv-table';
import { checkBankDetails, type BankCheck } from '../dd/modulus';
import { parseModulusTables, type DataIssue, type ModulusTables } from '../dd/modulus-data';

export interface ModulusDataText {
  readonly valacdos: string;
  readonly scsubtab: string;
}

export type BankCheckRequest = { readonly kind: 'pair'; readonly sortCode: string; readonly account: string } | { readonly kind: 'csv'; readonly text: string };

export interface BankCheckResult {
  /** Set when the CSV cannot be read as a table of pairs: nothing was checked. */
  readonly fileProblem: string | null;
  readonly results: readonly BankCheck[];
  /** Lines of the modulus data files that could not be read (skipped). */
  readonly dataIssues: readonly DataIssue[];
  /** `{"results":[{"sortCode","account","valid","reason"}]}`. */
  readonly json: { readonly results: readonly BankCheck[] };
  /** One line per pair, for a person. */
  readonly text: string;
  /** 0 every pair valid, 1 any pair invalid or malformed, 2 the file could not be read. */
  readonly exitCode: 0 | 1 | 2;
}

const PAIR_COLUMNS = { sortCode: ['sort_code', 'Sort Code', 'Sortcode'], account: ['account_number', 'Account Number', 'Account No', 'Account'] } as const;

/** Reads the data text once; the pane keeps the tables, the CLI builds them per run. */
export function modulusTables(data: ModulusDataText): { tables: ModulusTables; issues: DataIssue[] } {
  return parseModulusTables(data.valacdos, data.scsubtab);
}

/** Checks a pair or a CSV of pairs against the modulus data given. */
export function runBankCheck(request: BankCheckRequest, data: ModulusDataText): BankCheckResult {
  const { tables, issues } = modulusTables(data);
  const done = (results: BankCheck[], fileProblem: string | null): BankCheckResult => ({
    fileProblem,
    results,
    dataIssues: issues,
    json: { results },
    text: results.map((r) => `${r.sortCode} ${r.account} ${r.valid ? 'valid' : 'INVALID'}: ${r.reason}`).join('\n'),
    exitCode: fileProblem !== null ? 2 : results.every((r) => r.valid) ? 0 : 1,
  });
  if (request.kind === 'pair') return done([checkBankDetails(tables, request.sortCode, request.account)], null);
  const { table, badLine } = csvTable(request.text);
  if (badLine !== null) return done([], `line ${badLine}: a quoted field is not closed`);
  if (table === null) return done([], 'the file is empty: expected a header sort_code,account_number');
  const cols = findColumns(table.header, PAIR_COLUMNS);
  if (cols.sortCode < 0 || cols.account < 0) return done([], `line ${table.headerLine}: expected a header with sort_code and account_number, found ${table.header.join(',')}`);
  const results = table.rows.map((r) => {
    const sortCode = r.cells[cols.sortCode];
    const account = r.cells[cols.account];
    if (sortCode === undefined || account === undefined) return { sortCode: sortCode ?? '', account: account ?? '', valid: false, reason: `line ${r.line}: the line has too few fields` };
    return checkBankDetails(tables, sortCode, account);
  });
  return done(results, null);
}
