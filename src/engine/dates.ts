/**
 * Calendar dates as ISO strings (YYYY-MM-DD): plain data for JSON, IndexedDB and Map keys.
 * UK convention: text dates are day-first (03/04/2026 is 3 April 2026).
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const MS_PER_DAY = 86_400_000;
/** Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the fictitious 29 Feb 1900. */
const EXCEL_EPOCH_DAYS = Date.UTC(1899, 11, 30) / MS_PER_DAY;

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) as IsoDate;
}

export function addDays(d: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Monday ... 6 = Sunday (rent weeks start on Monday). */
export function weekday(d: IsoDate): number {
  return (((toDayNumber(d) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isMonday(d: IsoDate): boolean {
  return weekday(d) === 0;
}

/** The Monday on or before the date. */
export function mondayOnOrBefore(d: IsoDate): IsoDate {
  return addDays(d, -weekday(d));
}

export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // 29 Feb 1900 never existed
  const days = whole < 60 ? whole + 1 : whole; // before the phantom leap day everything is one day early
  return fromDayNumber(EXCEL_EPOCH_DAYS + days);
}

export function isoToSerial(d: IsoDate): number {
  const n = toDayNumber(d) - EXCEL_EPOCH_DAYS;
  return n <= 60 ? n - 1 : n;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** A time after the date: hours 0-23, minutes and seconds 0-59 (checked, not just shaped). */
const TIME = /[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z)?$/i;

/**
 * Parses a text date the way a UK user typed it: dd/mm/yyyy (also - or . separated), 3 Apr 2026 /
 * 03-Apr-26 / 3 April 2026, or ISO yyyy-mm-dd. A valid time after the date is ignored; an
 * impossible one (99:99) refuses the date. Month names must be real (`1 Junk 2026` is refused). A
 * two-digit year is read by Excel's window: 00-29 are 20yy, 30-99 are 19yy (hasTwoDigitYear tells
 * the caller, which warns or refuses). Returns null for anything else, including impossible dates
 * such as 31/13/2026.
 */
export function parseDayFirst(text: string): IsoDate | null {
  let s = text.trim();
  const time = TIME.exec(s);
  if (time) {
    if (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? '0') > 59) return null;
    s = s.slice(0, time.index).trim();
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) return isoDate(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-,]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month === undefined) return null;
    return isoDate(fullYear(m[3] ?? ''), month, Number(m[1]));
  }
  return null;
}

/** True when a text date (one parseDayFirst reads) writes its year with two digits. */
export function hasTwoDigitYear(text: string): boolean {
  return /(^|[^\d])\d{1,2}[/.\s,-]+(\d{1,2}|[A-Za-z]{3,9})[/.\s,-]+\d{2}(?!\d)/.test(text.trim());
}

/** Excel's window for two-digit years: 00-29 -> 2000-2029, 30-99 -> 1930-1999. */
function fullYear(y: string): number {
  if (y.length !== 2) return Number(y);
  const n = Number(y);
  return n < 30 ? 2000 + n : 1900 + n;
}

/** dd/mm/yyyy for people. */
export function formatUkDate(d: IsoDate): string {
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** First and last day of a YYYY-MM period; null when the text is not a month. */
export function monthPeriod(text: string): { start: IsoDate; end: IsoDate } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const start = isoDate(Number(m[1]), Number(m[2]), 1);
  if (!start) return null;
  const nextMonth = Number(m[2]) === 12 ? isoDate(Number(m[1]) + 1, 1, 1) : isoDate(Number(m[1]), Number(m[2]) + 1, 1);
  if (!nextMonth) return null;
  return { start, end: addDays(nextMonth, -1) };
}
