/**
 * Every sentence the payments side says to a person, in one place (STYLE.md: "all user-facing
 * wording lives in one messages module"): the payment-file issues with their locations, why a line
 * was allocated or left in suspense, the notes on cash balancing's open items, and the names of the
 * profile's fields as the issues call them. Callers pass the values; the words are here. The texts
 * are part of the outputs (the suspense CSV's Reason column, the cash sheet's notes): change one
 * only on purpose.
 */
import type { PaymentIssue, PaymentIssueCode, PaymentLocation } from './payment-issues';

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

/** Why a payment line was allocated, or left in suspense for a person (allocate-payments.ts). */
export const ALLOCATION_REASON = {
  /** The reason of every exact allocation (one string shared by 50,000 lines, not 50,000 strings). */
  exact: 'the reference is the account ref',
  endedTenancy: (reference: string, account: string, end: string) => `reference ${reference} is account ${account}, whose tenancy ended on ${end}: a person must decide where it goes`,
  forReview: (account: string, score: string, reasons: string) => `not safe to allocate automatically; for review: ${account} (score ${score}): ${reasons}`,
  noReference: 'no reference',
  noReferenceInNarrative: (narrative: string) => `no account reference in the narrative "${narrative}"`,
  matchesNoAccount: (reference: string) => `reference ${reference} matches no account`,
} as const;

/** The note on an open item of cash balancing (cash-balance.ts). */
export const CASH_NOTE = {
  settledShort: (difference: string, credit: string, date: string) => `settled short by ${difference} (${credit} on ${date})`,
  overSettled: (difference: string, date: string, credit: string) => `over-settlement of ${difference} on ${date} (${credit})`,
  notYetDue: 'settlement not yet due',
  noCredit: 'no settlement credit on the statement',
  notCredited: 'receipts posted but not credited on the statement',
  notPosted: 'credits on the statement not posted to accounts',
} as const;

/** What each of a profile's fields is called in a header.missing-column issue (read-payment-file.ts). */
export const FIELD_ROLE = {
  date: 'the date',
  amount: 'the amount',
  debit: 'the debit',
  credit: 'the credit',
  reference: 'the reference',
  payer: 'the payer',
  narrative: 'the narrative',
  card: 'the card number',
  transactionId: 'the transaction id',
  recordType: 'the record type',
  trailerMarker: 'the trailer marker',
  trailerCount: 'the trailer count',
  trailerTotal: 'the trailer total',
  balance: 'the balance',
  skipRule: 'a skip rule',
} as const;
