/**
 * Problems found in a payment file, as data (like InputIssue for workbooks): a stable code, the raw
 * text, and where: the file, the 1-based line as a text editor shows it, and the column (field
 * number, with its header or fixed-width name). The wording a user reads is in ./messages.ts.
 */

export type PaymentIssueCode =
  | 'file.empty'
  | 'file.no-payments'
  | 'header.missing-column'
  | 'line.too-few-fields'
  | 'line.unclosed-quote'
  | 'line.too-short'
  | 'date.blank'
  | 'date.invalid'
  | 'date.mixed-formats'
  | 'amount.blank'
  | 'amount.not-number'
  | 'amount.too-many-decimals'
  | 'amount.debit-and-credit'
  | 'amount.negative'
  | 'record.unknown-type'
  | 'trailer.missing'
  | 'trailer.not-last'
  | 'trailer.count-mismatch'
  | 'trailer.total-mismatch'
  | 'trailer.not-number'
  | 'balance.break'
  | 'settlement.required'
  | 'settlement.mismatch'
  | 'ledger.file-imported'
  | 'ledger.payment-imported';

export interface PaymentLocation {
  readonly file: string;
  /** 1-based line of the text file; null for the file as a whole. */
  readonly line: number | null;
  /** 1-based field (delimited) or first character (fixed width). */
  readonly column: number | null;
  /** The header text or fixed-width column name, when known. */
  readonly field: string | null;
}

export interface PaymentIssue {
  readonly code: PaymentIssueCode;
  readonly severity: 'error' | 'warning';
  readonly raw: string | null;
  readonly location: PaymentLocation;
  readonly detail: Readonly<Record<string, string>>;
}

/** The wording of each issue, with its location in words, lives in ./messages.ts (re-exported here for callers). */
export { describePaymentIssue, describePaymentLocation } from './messages';

export function paymentIssue(
  code: PaymentIssueCode,
  location: PaymentLocation,
  raw: string | null = null,
  detail: Readonly<Record<string, string>> = {},
  severity: 'error' | 'warning' = 'error',
): PaymentIssue {
  return { code, severity, raw, location, detail };
}
