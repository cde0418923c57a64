/**
 * Bad input is data: every problem found while reading sources becomes an InputIssue with a stable
 * code, the raw value and where it is, so that all of them can be reported in one pass.
 */
import { a1, columnLetter } from './cells';

export type IssueCode =
  | 'workbook.empty'
  | 'role.missing'
  | 'role.ambiguous'
  | 'column.missing'
  | 'cell.error'
  | 'amount.blank'
  | 'amount.not-number'
  | 'amount.too-many-decimals'
  | 'amount.debit-and-credit'
  | 'date.blank'
  | 'date.invalid'
  | 'date.outside-period'
  | 'date.end-before-start'
  | 'ref.blank'
  | 'ref.duplicate'
  | 'code.unknown'
  | 'source.unknown'
  | 'account.not-on-roll'
  | 'row.total-skipped'
  | 'config.invalid'
  | 'amount.double-sign'
  | 'amount.out-of-range'
  | 'column.ambiguous'
  | 'ref.invisible-removed'
  | 'ref.too-long'
  | 'text.mojibake'
  | 'date.two-digit-year'
  | 'sheet.too-large';

export type Severity = 'error' | 'warning' | 'info';

export interface Location {
  readonly file: string;
  readonly sheet: string | null;
  /** 1-based, as Excel shows it (title and header rows counted). */
  readonly row: number | null;
  /** 1-based column index. */
  readonly col: number | null;
  readonly column: string | null; // letter
  readonly header: string | null;
  readonly a1: string | null;
}

export interface InputIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** The cell's text as found, or null for a blank or a missing thing. */
  readonly raw: string | null;
  readonly location: Location;
  /** Values the message needs (expected column names, the other row of a duplicate, ...). */
  readonly detail: Readonly<Record<string, string>>;
}

export function cellLocation(file: string, sheet: string, row: number, col: number, header: string | null): Location {
  return { file, sheet, row, col, column: columnLetter(col), header, a1: a1(sheet, row, col) };
}

export function sheetLocation(file: string, sheet: string | null, row: number | null = null): Location {
  return { file, sheet, row, col: null, column: null, header: null, a1: sheet !== null && row !== null ? a1(sheet, row, 1) : null };
}

export function hasErrors(issues: readonly InputIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
