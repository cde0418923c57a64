/**
 * The Bacs Standard 18 file a service user submits: labels VOL1, HDR1, HDR2, UHL1 (80 characters),
 * the detail records (100 characters: payer's sort code and account, transaction code, originator's
 * sort code and account, amount in pence, service user name, reference, payer's name), a contra
 * (99) crediting the originator with the day's debits, then EOF1, EOF2 and UTL1 with the value and
 * count totals. Lines end CRLF. The layout positions here are shared with the checker.
 */
import type { IsoDate } from '../dates';
import type { Pence } from '../money';
import { alpha, bacsDate, numeric, toBacsText } from './bacs-text';

/** 0N new instruction, 0C cancel, 0S convert (AUDDIS); 01 first, 17 regular, 18 re-presented, 19 final collection; 99 contra. */
export const TRANSACTION_CODES = ['0N', '0C', '0S', '01', '17', '18', '19', '99'] as const;
export type TransactionCode = (typeof TRANSACTION_CODES)[number];
export const DDI_CODES: readonly TransactionCode[] = ['0N', '0C', '0S'];
export const DEBIT_CODES: readonly TransactionCode[] = ['01', '17', '18', '19'];

export const LABEL_LENGTH = 80;
export const DETAIL_LENGTH = 100;

/** 1-based positions of the detail record's fields: [start, length]. */
export const DETAIL = {
  destSortCode: [1, 6],
  destAccount: [7, 8],
  accountType: [15, 1],
  code: [16, 2],
  origSortCode: [18, 6],
  origAccount: [24, 8],
  free: [32, 4],
  amount: [36, 11],
  userName: [47, 18],
  reference: [65, 18],
  payerName: [83, 18],
} as const satisfies Record<string, readonly [number, number]>;

/** UTL1: debit value, credit value, debit count, credit count, DDI count. */
export const UTL1 = { debitValue: [5, 13], creditValue: [18, 13], debitCount: [31, 7], creditCount: [38, 7], ddiCount: [53, 7] } as const;
export const UHL1 = { processingDay: [5, 6], workCode: [29, 9], fileNumber: [38, 3] } as const;
export const HDR1 = { fileId: [5, 17], sun: [6, 6], created: [42, 6], expires: [48, 6] } as const;
export const VOL1 = { serial: [5, 6], sun: [42, 6] } as const;

export interface Std18Record {
  readonly sortCode: string;
  readonly account: string;
  readonly code: Exclude<TransactionCode, '99'>;
  /** Pence; 0 for the DDI codes 0N, 0C, 0S. */
  readonly amount: Pence;
  /** The DDI reference, as the payer's bank will show it. */
  readonly reference: string;
  readonly payerName: string;
}

export interface Std18File {
  /** The service user number (6 digits). */
  readonly sun: string;
  readonly serviceUserName: string;
  readonly originator: { readonly sortCode: string; readonly account: string; readonly name: string };
  /** UHL1's processing day: day 2 of the Bacs cycle. */
  readonly processingDay: IsoDate;
  /** HDR1's creation date: the day the file is made (the run's day, given by the caller). */
  readonly created: IsoDate;
  /** The day's file number, 1-999. */
  readonly fileNumber: number;
  readonly records: readonly Std18Record[];
}

function detail(sortCode: string, account: string, code: TransactionCode, f: Std18File, amount: number, userName: string, reference: string, payerName: string): string {
  return [
    sortCode,
    account,
    '0',
    code,
    f.originator.sortCode,
    f.originator.account,
    '    ',
    numeric(amount, 11),
    alpha(toBacsText(userName), 18),
    alpha(toBacsText(reference), 18),
    alpha(toBacsText(payerName), 18),
  ].join('');
}

/** The file's text. The records must already be valid (the collection job holds back any that are not). */
export function writeStandard18(f: Std18File): string {
  if (!/^\d{6}$/.test(f.sun)) throw new Error('the service user number must be 6 digits');
  const serial = `${bacsDate(f.processingDay).slice(1)}${f.fileNumber % 10}`;
  const fileId = `A${f.sun}S  1${f.sun}`;
  const hdrBody = `${fileId}${serial}00010001      ${bacsDate(f.created)}${bacsDate(f.processingDay)}0000000${' '.repeat(13)}${' '.repeat(7)}`;
  const hdr2Body = `F0200000100${' '.repeat(35)}00${' '.repeat(28)}`;
  const lines: string[] = [
    `VOL1${serial}0${' '.repeat(26)}    ${f.sun}    ${' '.repeat(28)}1`,
    `HDR1${hdrBody}`,
    `HDR2${hdr2Body}`,
    `UHL1${bacsDate(f.processingDay)}999999    000000001 DAILY  ${numeric(f.fileNumber, 3)}${' '.repeat(7)}${' '.repeat(7)}${' '.repeat(26)}`,
  ];
  let debitValue = 0;
  let debitCount = 0;
  let ddiCount = 0;
  for (const r of f.records) {
    lines.push(detail(r.sortCode, r.account, r.code, f, r.amount, f.serviceUserName, r.reference, r.payerName));
    if (DEBIT_CODES.includes(r.code)) {
      debitValue += r.amount;
      debitCount++;
    } else ddiCount++;
  }
  const creditCount = debitCount > 0 ? 1 : 0;
  if (debitCount > 0) lines.push(detail(f.originator.sortCode, f.originator.account, '99', f, debitValue, 'DD COLLECTIONS', 'CONTRA', f.originator.name));
  lines.push(`EOF1${hdrBody}`, `EOF2${hdr2Body}`);
  lines.push(`UTL1${numeric(debitValue, 13)}${numeric(debitValue, 13)}${numeric(debitCount, 7)}${numeric(creditCount, 7)}${' '.repeat(8)}${numeric(ddiCount, 7)}${' '.repeat(21)}`);
  for (const l of lines) if (l.length !== (l.startsWith('VOL1') || /^(HDR|EOF|UHL|UTL)/.test(l) ? LABEL_LENGTH : DETAIL_LENGTH)) throw new Error(`internal: a Standard 18 record of ${l.length} characters`);
  return `${lines.join('\r\n')}\r\n`;
}
