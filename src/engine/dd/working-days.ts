/**
 * Bacs working days: Monday to Friday except the bank holidays given (England and Wales for Bacs
 * processing; the lists are data in assets/dd/, replaceable as GOV.UK announces new years). The
 * Bacs 3-day cycle: the file is sent on day 1, processed on day 2 (the processing day in UHL1), and
 * the payer is debited on day 3, the next working day.
 */
import { addDays, isoDate, weekday, type IsoDate } from '../dates';

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<string>;
  /** The last year the holiday list covers: a date past it cannot be judged. */
  readonly lastYear: number | null;
}

/** Reads a holiday list: one YYYY-MM-DD a line, '#' comments; unreadable lines come back by number. */
export function parseHolidays(text: string): { calendar: WorkingCalendar; badLines: number[] } {
  const holidays = new Set<string>();
  const badLines: number[] = [];
  let lastYear: number | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.replace(/#.*/, '').trim();
    if (l === '') return;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(l);
    const d = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (d === null) {
      badLines.push(i + 1);
      return;
    }
    holidays.add(d);
    const y = Number(d.slice(0, 4));
    lastYear = lastYear === null || y > lastYear ? y : lastYear;
  });
  return { calendar: { holidays, lastYear }, badLines };
}

export function isWorkingDay(cal: WorkingCalendar, d: IsoDate): boolean {
  return weekday(d) < 5 && !cal.holidays.has(d);
}

/** The working day on or after the date (a collection due on a non-working day moves forward). */
export function workingDayOnOrAfter(cal: WorkingCalendar, d: IsoDate): IsoDate {
  let x = d;
  while (!isWorkingDay(cal, x)) x = addDays(x, 1);
  return x;
}

/** The date `n` working days after `d` (n >= 0; 0 gives d itself). */
export function addWorkingDays(cal: WorkingCalendar, d: IsoDate, n: number): IsoDate {
  let x = d;
  for (let i = 0; i < n; i++) x = workingDayOnOrAfter(cal, addDays(x, 1));
  return x;
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let x = addDays(from, 1); x <= to; x = addDays(x, 1)) if (isWorkingDay(cal, x)) n++;
  return n;
}

/** True when the calendar's holiday list reaches the date's year (otherwise the answer is a guess). */
export function covers(cal: WorkingCalendar, d: IsoDate): boolean {
  return cal.lastYear !== null && Number(d.slice(0, 4)) <= cal.lastYear;
}
