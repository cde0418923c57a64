/**
 * The values of a payment file's fields as its profile says they are written: a date in the
 * profile's one format (a file mixing formats cannot be trusted, so nothing is guessed) and an
 * amount in pounds or whole pence, never rounded (a third decimal is an issue, STYLE.md).
 */
import { isoDate, type IsoDate } from '../dates';
import { parsePence, toPence, type Pence } from '../money';
import type { PaymentIssueCode } from './payment-issues';
import type { DateFormat } from './profile';

/** The shape of a date as written: digits runs as n, letter runs as a ("n/n/n", "n-a-n"). */
export function dateShape(text: string): string {
  return text.replace(/[A-Za-z]+/g, 'a').replace(/\d+/g, 'n');
}

const STRICT_DATE: Readonly<Record<Exclude<DateFormat, 'day-first'>, RegExp>> = {
  'dd/mm/yyyy': /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
  'dd/mm/yy': /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/,
  'dd-mmm-yyyy': /^(\d{1,2})[- ]([A-Za-z]{3,4})[- ](\d{4})$/,
  ddmmyyyy: /^(\d{2})(\d{2})(\d{4})$/,
  yyyymmdd: /^(\d{4})(\d{2})(\d{2})$/,
  'yyyy-mm-dd': /^(\d{4})-(\d{2})-(\d{2})$/,
};

const MONTHS: Readonly<Record<string, number>> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, SEPT: 9, OCT: 10, NOV: 11, DEC: 12 };

export function strictDate(text: string, format: Exclude<DateFormat, 'day-first'>): IsoDate | null {
  const m = STRICT_DATE[format].exec(text);
  if (!m) return null;
  const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
  switch (format) {
    case 'dd/mm/yyyy':
    case 'ddmmyyyy':
      return isoDate(Number(c), Number(b), Number(a));
    case 'dd/mm/yy':
      return isoDate(2000 + Number(c), Number(b), Number(a));
    case 'dd-mmm-yyyy': {
      const month = MONTHS[b.toUpperCase()];
      return month === undefined ? null : isoDate(Number(c), month, Number(a));
    }
    case 'yyyymmdd':
    case 'yyyy-mm-dd':
      return isoDate(Number(a), Number(b), Number(c));
    default: {
      const never: never = format;
      throw new Error(`unknown date format ${String(never)}`);
    }
  }
}

const BANK_MONTH_NAME = /^(\d{1,2})([- ])([A-Za-z]{3,9})\2(\d{4}|\d{2})$/;
const BANK_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FULL_MONTHS: Readonly<Record<string, number>> = { JANUARY: 1, FEBRUARY: 2, MARCH: 3, APRIL: 4, JUNE: 6, JULY: 7, AUGUST: 8, SEPTEMBER: 9, OCTOBER: 10, NOVEMBER: 11, DECEMBER: 12 };

/**
 * The date forms banks write that cannot be misread whatever the profile's numeric form: a day,
 * a real month name and a year (`08 Dec 2026`, `08-Dec-26`, `8 December 2026`) or ISO
 * `2026-12-08`. Month names must be real (`1 Junk 2026` is null); a two-digit year is 20yy
 * (payment files hold this year's payments; `twoDigitYear` says so, and the reader notes it).
 * A numeric form in another order (12/08/2026) is never accepted here: that is the ambiguity.
 */
export function bankDate(text: string): { date: IsoDate; twoDigitYear: boolean } | null {
  const iso = BANK_ISO.exec(text);
  if (iso) {
    const d = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d === null ? null : { date: d, twoDigitYear: false };
  }
  const m = BANK_MONTH_NAME.exec(text);
  if (!m) return null;
  const name = (m[3] ?? '').toUpperCase();
  const month = MONTHS[name] ?? FULL_MONTHS[name];
  if (month === undefined) return null;
  const y = m[4] ?? '';
  const d = isoDate(y.length === 2 ? 2000 + Number(y) : Number(y), month, Number(m[1]));
  return d === null ? null : { date: d, twoDigitYear: y.length === 2 };
}

const PLAIN_POUNDS = /^\s*(\d{1,12})\.(\d\d)\s*$/;

export type AmountRead = { ok: true; pence: Pence } | { ok: false; code: PaymentIssueCode } | { ok: 'blank' };

/** An amount in pounds ("1,234.50", "£20", "-3.10") or whole pence ("123450"); never rounded. */
export function readAmount(text: string, unit: 'pounds' | 'pence'): AmountRead {
  // The common cases first, without building strings: "", "  200.92".
  if (text === '') return { ok: 'blank' };
  if (unit === 'pounds') {
    const plain = PLAIN_POUNDS.exec(text);
    if (plain) return { ok: true, pence: toPence(Number(plain[1]) * 100 + Number(plain[2])) };
  }
  const t = text.trim().replace(/^£|(?<=^[+-])£/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (t === '') return { ok: 'blank' };
  if (unit === 'pence') {
    if (!/^[+-]?\d+$/.test(t)) return { ok: false, code: 'amount.not-number' };
    const n = Number(t);
    return Number.isSafeInteger(n) ? { ok: true, pence: toPence(n) } : { ok: false, code: 'amount.not-number' };
  }
  if (/^[+-]?\d*\.\d{3,}$/.test(t)) return { ok: false, code: 'amount.too-many-decimals' };
  const p = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? parsePence(t.startsWith('.') ? `0${t}` : t.replace(/^([+-])\./, '$10.')) : null;
  return p === null ? { ok: false, code: 'amount.not-number' } : { ok: true, pence: p };
}
