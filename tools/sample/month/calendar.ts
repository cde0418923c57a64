/**
 * The calendar of the month: working days (England and Wales bank holidays), Mondays, rent-free
 * weeks. Days are day numbers (days since 1970-01-01) inside the generator.
 */
import { formatUkDate, fromDayNumber, isoDate, monthPeriod, toDayNumber, type IsoDate } from '../../../src/engine/dates';

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;
export const dayOf = (y: number, m: number, d: number): number => toDayNumber(isoDate(y, m, d) as IsoDate);
export const isoOf = (n: number): IsoDate => fromDayNumber(n);
export const ukOf = (n: number): string => formatUkDate(fromDayNumber(n));
export const compactOf = (n: number): string => fromDayNumber(n).replace(/-/g, '');

function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

/** The regular bank holidays of England and Wales as ISO dates (substitute days included; one-off holidays left out). */
export function englandBankHolidays(year: number): IsoDate[] {
  const out: number[] = [];
  const jan1 = dayOf(year, 1, 1);
  out.push(weekdayOf(jan1) === 5 ? jan1 + 2 : weekdayOf(jan1) === 6 ? jan1 + 1 : jan1);
  const easter = easterSunday(year);
  out.push(easter - 2, easter + 1);
  const may1 = dayOf(year, 5, 1);
  out.push(may1 + ((7 - weekdayOf(may1)) % 7));
  const may31 = dayOf(year, 5, 31);
  out.push(may31 - weekdayOf(may31));
  const aug31 = dayOf(year, 8, 31);
  out.push(aug31 - weekdayOf(aug31));
  const xmas = dayOf(year, 12, 25);
  const w = weekdayOf(xmas);
  if (w <= 3) out.push(xmas, xmas + 1);
  else if (w === 4) out.push(xmas, xmas + 3);
  else if (w === 5) out.push(xmas + 2, xmas + 3);
  else out.push(xmas + 1, xmas + 2);
  return out.map(isoOf);
}

export interface Calendar {
  readonly year: number;
  readonly month: number;
  readonly start: number;
  readonly end: number;
  readonly rentYearStart: number;
  readonly mondays: readonly number[];
  /** Mondays of the period that are not rent-free. */
  readonly chargeable: readonly number[];
  readonly rentFree: ReadonlySet<number>;
  readonly rentFreeInPeriod: readonly number[];
  /** Working days of the period. */
  readonly working: readonly number[];
  readonly nextWorking: (n: number) => number;
  readonly addWorking: (n: number, k: number) => number;
}

export function buildCalendar(period: string, rentYearStart: IsoDate, rentFreeWeeks: readonly IsoDate[]): Calendar {
  const p = monthPeriod(period);
  if (!p) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const start = toDayNumber(p.start);
  const end = toDayNumber(p.end);
  const year = Number(period.slice(0, 4));
  const holidays = new Set<number>();
  for (let y = year - 1; y <= year + 1; y++) for (const h of englandBankHolidays(y)) holidays.add(toDayNumber(h));
  const isWorking = (n: number): boolean => weekdayOf(n) < 5 && !holidays.has(n);
  const nextWorking = (n: number): number => {
    let d = n;
    while (!isWorking(d)) d++;
    return d;
  };
  const addWorking = (n: number, k: number): number => {
    let d = n;
    for (let i = 0; i < k; i++) d = nextWorking(d + 1);
    return d;
  };
  const rys = toDayNumber(rentYearStart);
  if (weekdayOf(rys) !== 0) throw new RangeError(`rentYearStart must be a Monday: ${rentYearStart}`);
  const rentFree = new Set<number>();
  for (const w of rentFreeWeeks) {
    const n = toDayNumber(w);
    if (weekdayOf(n) !== 0) throw new RangeError(`a rent-free week must be given by its Monday: ${w}`);
    rentFree.add(n);
  }
  const mondays: number[] = [];
  for (let d = start + ((7 - weekdayOf(start)) % 7); d <= end; d += 7) mondays.push(d);
  const working: number[] = [];
  for (let d = start; d <= end; d++) if (isWorking(d)) working.push(d);
  return {
    year,
    month: Number(period.slice(5, 7)),
    start,
    end,
    rentYearStart: rys,
    mondays,
    chargeable: mondays.filter((m) => !rentFree.has(m)),
    rentFree,
    rentFreeInPeriod: mondays.filter((m) => rentFree.has(m)),
    working,
    nextWorking,
    addWorking,
  };
}
