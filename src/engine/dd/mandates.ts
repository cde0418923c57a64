/**
 * The mandate register (Direct Debit Instructions), read from a CSV or a sheet with the columns
 * Account Ref, Payer Name, Sort Code, Account Number, DDI Reference, Amount, Frequency, Collection
 * Day, Status, Lodged On, First Collection (header synonyms accepted; an optional Notice Sent column
 * gives the day the latest advance notice of a change went out, an optional Last Collection the day
 * of the final collection, coded 19, after which the mandate collects nothing). A mandate that breaks a rule is
 * held back with its reason and the rest of the register is still read. Bank details never leave in
 * clear: the register written back masks them (maskNumber), only the Bacs file carries them.
 */
import { serialToIso, parseDayFirst, formatUkDate, type IsoDate } from '../dates';
import { formatPence, parsePence, type Pence } from '../money';
import { maskNumber } from '../payments/mask';
import { csvText } from '../suspense/clearance-journal';
import { findColumns, type TextTable } from './csv-table';
import { checkDdiReference } from './ddi-reference';
import { normaliseAccount, normaliseSortCode } from './modulus';

export const FREQUENCIES = ['weekly', 'fortnightly', '4-weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const MANDATE_STATUSES = ['new', 'lodged', 'live', 'amended', 'cancelled'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/** Days between collections for the cycles that run from First Collection; monthly runs by Collection Day. */
export const CYCLE_DAYS: Readonly<Record<Exclude<Frequency, 'monthly'>, number>> = { weekly: 7, fortnightly: 14, '4-weekly': 28 };

export interface Mandate {
  /** The register's line (CSV) or row (sheet), 1-based. */
  readonly line: number;
  readonly account: string;
  readonly payerName: string;
  readonly sortCode: string;
  readonly bankAccount: string;
  readonly reference: string;
  readonly amount: Pence;
  readonly frequency: Frequency;
  /** 1-28 for monthly mandates, null for the others. */
  readonly collectionDay: number | null;
  readonly status: MandateStatus;
  readonly lodgedOn: IsoDate | null;
  readonly firstCollection: IsoDate;
  readonly noticeSent: IsoDate | null;
  /** The final collection's due date (coded 19); nothing is collected after it. Null: open-ended. */
  readonly lastCollection: IsoDate | null;
}

export interface HeldMandate {
  readonly line: number;
  readonly account: string;
  readonly reference: string;
  readonly reason: string;
}

export const MANDATE_COLUMNS = ['Account Ref', 'Payer Name', 'Sort Code', 'Account Number', 'DDI Reference', 'Amount', 'Frequency', 'Collection Day', 'Status', 'Lodged On', 'First Collection', 'Notice Sent', 'Last Collection'] as const;

export const MANDATE_SYNONYMS = {
  account: ['Account Ref', 'Account Reference', 'Tenancy Ref', 'Tenancy Reference', 'Rent Account', 'Payment Reference'],
  payerName: ['Payer Name', 'Payer', 'Account Holder', 'Account Name', 'Name'],
  sortCode: ['Sort Code', 'Sortcode', 'sort_code', 'Bank Sort Code'],
  bankAccount: ['Account Number', 'Account No', 'Bank Account', 'Bank Account Number', 'account_number'],
  reference: ['DDI Reference', 'DD Reference', 'Mandate Reference', 'DDI Ref', 'Reference'],
  amount: ['Amount', 'DD Amount', 'Collection Amount'],
  frequency: ['Frequency', 'Freq', 'Collection Frequency'],
  collectionDay: ['Collection Day', 'Day', 'Payment Day', 'Day of Month'],
  status: ['Status', 'Mandate Status'],
  lodgedOn: ['Lodged On', 'Lodged', 'Date Lodged', 'Lodgement Date'],
  firstCollection: ['First Collection', 'First Collection Date', 'Start Date'],
  noticeSent: ['Notice Sent', 'Notice Sent On', 'Notice Date'],
  lastCollection: ['Last Collection', 'Final Collection', 'Last Collection Date', 'Final Collection Date'],
} as const;

const REQUIRED: readonly (keyof typeof MANDATE_SYNONYMS)[] = ['account', 'payerName', 'sortCode', 'bankAccount', 'reference', 'amount', 'frequency', 'collectionDay', 'status', 'lodgedOn', 'firstCollection'];
const LABEL: Readonly<Record<keyof typeof MANDATE_SYNONYMS, string>> = {
  account: 'Account Ref',
  payerName: 'Payer Name',
  sortCode: 'Sort Code',
  bankAccount: 'Account Number',
  reference: 'DDI Reference',
  amount: 'Amount',
  frequency: 'Frequency',
  collectionDay: 'Collection Day',
  status: 'Status',
  lodgedOn: 'Lodged On',
  firstCollection: 'First Collection',
  noticeSent: 'Notice Sent',
  lastCollection: 'Last Collection',
};

/** A date cell: dd/mm/yyyy, ISO, or an Excel serial number from a sheet. */
export function readDate(text: string): IsoDate | null {
  if (/^\d{5}(\.0+)?$/.test(text)) return serialToIso(Number(text));
  return parseDayFirst(text);
}

function readFrequency(text: string): Frequency | null {
  const t = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (t === 'weekly' || t === 'week' || t === '1weekly') return 'weekly';
  if (t === 'fortnightly' || t === '2weekly' || t === 'twoweekly') return 'fortnightly';
  if (t === '4weekly' || t === 'fourweekly' || t === '4weeks') return '4-weekly';
  if (t === 'monthly' || t === 'calendarmonthly' || t === 'month') return 'monthly';
  return null;
}

/**
 * Reads the register. A missing column is a problem with the whole file (nothing is read); a bad
 * cell holds back that mandate with the reason, naming the column.
 */
export function readMandates(table: TextTable): { mandates: Mandate[]; held: HeldMandate[]; missingColumns: string[] } {
  const cols = findColumns(table.header, MANDATE_SYNONYMS);
  const missingColumns = REQUIRED.filter((k) => cols[k] < 0).map((k) => LABEL[k]);
  if (missingColumns.length > 0) return { mandates: [], held: [], missingColumns };
  const mandates: Mandate[] = [];
  const held: HeldMandate[] = [];
  const seenRefs = new Map<string, number>();
  for (const row of table.rows) {
    const get = (k: keyof typeof MANDATE_SYNONYMS): string => (cols[k] >= 0 ? (row.cells[cols[k]] ?? '') : '');
    const account = get('account');
    const reference = get('reference').toUpperCase();
    const problems: string[] = [];
    if (account === '') problems.push('Account Ref is blank');
    const payerName = get('payerName');
    if (payerName === '') problems.push('Payer Name is blank');
    const sortCode = normaliseSortCode(get('sortCode'));
    if (sortCode === null) problems.push('Sort Code must be 6 digits');
    const bankAccount = normaliseAccount(get('bankAccount'));
    if (bankAccount === null) problems.push('Account Number must be 6 to 8 digits');
    const refProblem = checkDdiReference(reference);
    if (refProblem !== null) problems.push(`DDI Reference '${reference}' ${refProblem}`);
    const prev = seenRefs.get(reference);
    if (reference !== '' && prev !== undefined) problems.push(`DDI Reference '${reference}' is already used on line ${prev}`);
    else if (reference !== '') seenRefs.set(reference, row.line);
    const amount = parsePence(get('amount').replace(/^£/, '').replace(/,/g, ''));
    if (amount === null || amount <= 0) problems.push(`Amount '${get('amount')}' must be a positive amount with at most two decimals`);
    const frequency = readFrequency(get('frequency'));
    if (frequency === null) problems.push(`Frequency '${get('frequency')}' must be weekly, fortnightly, 4-weekly or monthly`);
    const dayText = get('collectionDay');
    let collectionDay: number | null = null;
    if (frequency === 'monthly') {
      collectionDay = /^\d{1,2}$/.test(dayText) ? Number(dayText) : null;
      if (collectionDay === null || collectionDay < 1 || collectionDay > 28) problems.push(`Collection Day '${dayText}' must be a day of the month from 1 to 28 for a monthly mandate`);
    } else if (frequency !== null && dayText !== '') problems.push(`Collection Day must be blank for a ${frequency} mandate (its cycle runs from First Collection)`);
    const statusText = get('status').toLowerCase();
    const status = (MANDATE_STATUSES as readonly string[]).includes(statusText) ? (statusText as MandateStatus) : null;
    if (status === null) problems.push(`Status '${get('status')}' must be one of ${MANDATE_STATUSES.join(', ')}`);
    const lodgedText = get('lodgedOn');
    const lodgedOn = lodgedText === '' ? null : readDate(lodgedText);
    if (lodgedText !== '' && lodgedOn === null) problems.push(`Lodged On '${lodgedText}' is not a date`);
    if (lodgedOn === null && status !== null && status !== 'new' && status !== 'cancelled') problems.push(`Lodged On is needed for a ${status} mandate`);
    const firstCollection = readDate(get('firstCollection'));
    if (firstCollection === null) problems.push(`First Collection '${get('firstCollection')}' is not a date`);
    const noticeText = get('noticeSent');
    const noticeSent = noticeText === '' ? null : readDate(noticeText);
    if (noticeText !== '' && noticeSent === null) problems.push(`Notice Sent '${noticeText}' is not a date`);
    const lastText = get('lastCollection');
    const lastCollection = lastText === '' ? null : readDate(lastText);
    if (lastText !== '' && lastCollection === null) problems.push(`Last Collection '${lastText}' is not a date`);
    else if (lastCollection !== null && firstCollection !== null && lastCollection < firstCollection) problems.push(`Last Collection ${formatUkDate(lastCollection)} is before First Collection ${formatUkDate(firstCollection)}`);
    if (problems.length > 0 || sortCode === null || bankAccount === null || amount === null || frequency === null || status === null || firstCollection === null) {
      held.push({ line: row.line, account, reference, reason: problems.join('; ') });
      continue;
    }
    mandates.push({ line: row.line, account, payerName, sortCode, bankAccount, reference, amount, frequency, collectionDay, status, lodgedOn, firstCollection, noticeSent, lastCollection });
  }
  return { mandates, held, missingColumns };
}

/** One mandate's change: the status trail (who, why, when). */
export interface MandateChange {
  readonly reference: string;
  readonly account: string;
  readonly from: MandateStatus;
  readonly to: MandateStatus;
  readonly on: IsoDate;
  readonly by: string;
  readonly why: string;
}

/** mandates.csv: Last Collection came later than the change columns and is written after them, so the earlier columns keep their places. */
export const REGISTER_OUT_COLUMNS = [...MANDATE_COLUMNS.filter((c) => c !== 'Last Collection'), 'Changed On', 'Changed By', 'Change Reason', 'Last Collection'] as const;

/** The register written back (CSV), bank details masked, with each mandate's latest change. */
export function mandatesCsv(mandates: readonly Mandate[], changes: readonly MandateChange[]): string {
  const last = new Map<string, MandateChange>();
  for (const c of changes) last.set(c.reference, c);
  const rows = mandates.map((m) => {
    const c = last.get(m.reference);
    return [
      csvText(m.account),
      csvText(m.payerName),
      `**-**-${m.sortCode.slice(4)}`,
      maskNumber(m.bankAccount),
      csvText(m.reference),
      formatPence(m.amount),
      m.frequency,
      m.collectionDay === null ? '' : String(m.collectionDay),
      m.status,
      m.lodgedOn ? formatUkDate(m.lodgedOn) : '',
      formatUkDate(m.firstCollection),
      m.noticeSent ? formatUkDate(m.noticeSent) : '',
      c ? formatUkDate(c.on) : '',
      c ? csvText(c.by) : '',
      c ? csvText(c.why) : '',
      m.lastCollection ? formatUkDate(m.lastCollection) : '',
    ].join(',');
  });
  return `${[REGISTER_OUT_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
