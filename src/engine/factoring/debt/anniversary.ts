/**
 * Anniversaries in Scots law, for NoPL expiry and prescription. A notice of potential liability
 * "expires at the end of the period of 3 years beginning with the date of its registration" (Title
 * Conditions (Scotland) Act 2003 s.10A(3); Tenements (Scotland) Act 2004 s.13(3)): "beginning with"
 * counts the registration day itself, so the last valid day is the day before the third anniversary
 * (15/03/2024 -> 14/03/2027). A 29 February has no anniversary in a common year; the anniversary is
 * then taken to be 1 March (the rule Scots law writes for 29 February birthdays, Age of Legal
 * Capacity (Scotland) Act 1991 s.6(2)), so a notice registered on 29/02/2024 is valid to 28/02/2027.
 * That is the same day the general rule for periods gives ("the day before the corresponding date,
 * or if there is no such date, the last day of that month": e.g. rule 1.4 of S.I. 2018/1082), and
 * it keeps the period at exactly three years of days (1,096). docs/factoring-debt.md says more.
 */
import { addDays, isoDate, type IsoDate } from '../../dates';

/** The same day `years` later; a 29 February falls on 1 March in a common year. */
export function anniversary(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return isoDate(y, m, d) ?? (isoDate(y, 3, 1) as IsoDate);
}

/** The last day of the period of `years` years beginning with `date` (the day before the anniversary). */
export function lastDayOfYearsBeginningWith(date: IsoDate, years: number): IsoDate {
  return addDays(anniversary(date, years), -1);
}

/** `date` plus whole calendar months; a day the month lacks becomes its last day (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Number(date.slice(8, 10));
  for (let day = d; day >= 28; day--) {
    const x = isoDate(y, m, day);
    if (x) return x;
  }
  return isoDate(y, m, d) as IsoDate;
}
