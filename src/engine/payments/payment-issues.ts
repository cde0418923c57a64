/**
 * Problems found in a payment file, as data (like InputIssue for workbooks): a stable code, the raw
 * text, and where: the file, the 1-based line as a text editor shows it, and the column (field
 * number, with its header or fixed-width name). All the wording a user reads is here.
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

const WHAT: Readonly<Record<PaymentIssueCode, (d: Readonly<Record<string, string>>) => string>> = {
  'file.empty': () => 'the file is empty',
  'file.no-payments': () => 'the file holds no payment lines',
  'header.missing-column': (d) => `the header row has no column '${d.column ?? ''}' (the profile ${d.profile ?? ''} needs it for ${d.role ?? ''}); headers found: ${d.found ?? ''}`,
  'line.too-few-fields': (d) => `the line has ${d.found ?? '?'} field(s); the profile needs at least ${d.needed ?? '?'} (is the file truncated?)`,
  'line.unclosed-quote': () => 'a quoted field is not closed on this line',
  'line.too-short': (d) => `the line is ${d.found ?? '?'} characters long; the fixed-width layout needs ${d.needed ?? '?'} (is the file truncated?)`,
  'date.blank': () => 'the date is blank',
  'date.invalid': (d) => `not a valid date in the format ${d.format ?? 'dd/mm/yyyy'}`,
  'date.mixed-formats': (d) =>
    `the date is written as ${d.shape ?? '?'} but ${d.firstLine ? `earlier lines use ${d.first ?? '?'} (line ${d.firstLine})` : `the profile expects ${d.first ?? '?'}`}; a file mixing date formats cannot be trusted`,
  'amount.blank': () => 'the amount is blank',
  'amount.not-number': (d) => `the amount is not a number of ${d.unit ?? 'pounds'}`,
  'amount.too-many-decimals': () => 'the amount has more than two decimal places; money must be whole pence',
  'amount.debit-and-credit': () => 'both the debit and the credit are filled on one line',
  'amount.negative': () => 'a payment line has a negative amount; reversals need their own record type',
  'record.unknown-type': (d) => `the record type is not one the profile knows (${d.known ?? ''})`,
  'trailer.missing': () => 'the file has no trailer line, so its count and total cannot be checked (is the file truncated?); enter the settlement (the credit on the bank statement) to check its total against that instead',
  'trailer.not-last': () => 'there are lines after the trailer',
  'trailer.count-mismatch': (d) => `the trailer says ${d.expected ?? '?'} payment line(s) but the file holds ${d.actual ?? '?'}`,
  'trailer.total-mismatch': (d) => `the trailer total is ${d.expected ?? '?'} but the payment lines add up to ${d.actual ?? '?'}`,
  'trailer.not-number': (d) => `the trailer ${d.what ?? 'figure'} is not a number`,
  'balance.break': (d) => `the running balance ${d.actual ?? '?'} does not follow from the line before (expected ${d.expected ?? '?'}): a line is missing or altered`,
  'settlement.required': (d) => `the profile ${d.profile ?? ''} is controlled by the settlement: give the bank statement's credit with --settlement (the lines total ${d.actual ?? '?'})`,
  'settlement.mismatch': (d) => `the payment lines total ${d.actual ?? '?'} (${d.count ?? '?'} lines) but the settlement is ${d.expected ?? '?'}; difference ${d.difference ?? '?'}`,
  'ledger.file-imported': (d) => `this file was already imported on ${d.when ?? '?'} as ${d.name ?? '?'} (same content, SHA-256 ${d.hash ?? ''}); it is refused`,
  'ledger.payment-imported': (d) => `this payment (${d.payment ?? ''}) was already imported from ${d.name ?? '?'} on ${d.when ?? '?'}; the file is refused`,
};

/** "allpay.csv, line 14, column 3 (Amount)". */
export function describePaymentLocation(loc: PaymentLocation): string {
  const parts = [loc.file];
  if (loc.line !== null) parts.push(`line ${loc.line}`);
  if (loc.column !== null) parts.push(`column ${loc.column}${loc.field ? ` (${loc.field})` : ''}`);
  return parts.join(', ');
}

/** The whole message for one issue, for a person. */
export function describePaymentIssue(issue: PaymentIssue): string {
  const found = issue.raw !== null ? `; found '${issue.raw}'` : '';
  return `${describePaymentLocation(issue.location)}: ${WHAT[issue.code](issue.detail)}${found}`;
}

export function paymentIssue(
  code: PaymentIssueCode,
  location: PaymentLocation,
  raw: string | null = null,
  detail: Readonly<Record<string, string>> = {},
  severity: 'error' | 'warning' = 'error',
): PaymentIssue {
  return { code, severity, raw, location, detail };
}
