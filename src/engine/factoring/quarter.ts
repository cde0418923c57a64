/** Calendar quarters (issue 15): Q1 January-March, Q2 April-June, Q3 July-September, Q4 October-December. */
import { addDays, daysBetween, isoDate, type IsoDate } from '../dates';

export interface Quarter {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Days in the quarter, both ends counted. */
  readonly days: number;
  /** 365 or 366: the fee's denominator. */
  readonly yearDays: number;
}

export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const start = isoDate(year, q * 3 - 2, 1) as IsoDate;
  if (year < 1900 || year > 9998) return null;
  const last = addDays((q === 4 ? isoDate(year + 1, 1, 1) : isoDate(year, q * 3 + 1, 1)) as IsoDate, -1);
  const leap = isoDate(year, 2, 29) !== null;
  return { label: `${year}-Q${q}`, start, end: last, days: inclusiveDays(start, last), yearDays: leap ? 366 : 365 };
}

/** Days from a to b, both counted (0 when b is before a). */
export function inclusiveDays(a: IsoDate, b: IsoDate): number {
  return Math.max(0, daysBetween(a, b) + 1);
}

/** The overlap of two inclusive date ranges (null end: open), or null when they do not meet. */
export function overlap(aFrom: IsoDate, aTo: IsoDate | null, bFrom: IsoDate, bTo: IsoDate): { from: IsoDate; to: IsoDate } | null {
  const from = aFrom > bFrom ? aFrom : bFrom;
  const to = aTo === null || aTo > bTo ? bTo : aTo;
  return from <= to ? { from, to } : null;
}
