/**
 * When a mandate collects: monthly mandates on their Collection Day each month (the First
 * Collection itself may fall on another day), the others every 7, 14 or 28 days from First
 * Collection; a due date on a non-working day moves to the next working day. The 10-working-day
 * advance notice: from the day the mandate is lodged to its first collection, and from the day a
 * notice of change goes out to the first collection it changes.
 */
import { addDays, daysBetween, type IsoDate } from '../dates';
import { CYCLE_DAYS, type Mandate } from './mandates';
import { addWorkingDays, workingDayOnOrAfter, type WorkingCalendar } from './working-days';

/** Working days of advance notice the Direct Debit Guarantee requires. */
export const NOTICE_WORKING_DAYS = 10;

/** True when the mandate has a nominal due date on this day (before moving off non-working days). */
export function isNominalDue(m: Mandate, d: IsoDate): boolean {
  if (d === m.firstCollection) return true;
  if (d < m.firstCollection) return false;
  if (m.frequency === 'monthly') return Number(d.slice(8, 10)) === m.collectionDay && d.slice(0, 7) > m.firstCollection.slice(0, 7);
  return daysBetween(m.firstCollection, d) % CYCLE_DAYS[m.frequency] === 0;
}

/** The nominal due date that lands on this collection day, if any (looking back over a run of non-working days). */
export function dueOn(m: Mandate, cal: WorkingCalendar, collectionDate: IsoDate): IsoDate | null {
  for (let back = 0; back <= 10; back++) {
    const d = addDays(collectionDate, -back);
    if (back > 0 && workingDayOnOrAfter(cal, d) !== collectionDate) break;
    if (isNominalDue(m, d)) return d;
  }
  return null;
}

/** The first collection day on or after the date (searching a year ahead); null when there is none. */
export function nextCollection(m: Mandate, cal: WorkingCalendar, from: IsoDate): IsoDate | null {
  for (let i = 0; i < 370; i++) {
    const d = addDays(from, i);
    if (isNominalDue(m, d)) {
      const c = workingDayOnOrAfter(cal, d);
      if (c >= from) return c;
    }
  }
  return null;
}

/** The earliest collection day a notice sent on `sent` allows. */
export function earliestAfterNotice(cal: WorkingCalendar, sent: IsoDate): IsoDate {
  return addWorkingDays(cal, sent, NOTICE_WORKING_DAYS);
}

/** The nominal due date after `d` (within 40 days, enough for every frequency); null when there is none. */
export function nextNominalAfter(m: Mandate, d: IsoDate): IsoDate | null {
  for (let i = 1; i <= 40; i++) {
    const x = addDays(d, i);
    if (isNominalDue(m, x)) return x;
  }
  return null;
}

/** The nominal due date before `d` (within 40 days); null when there is none (the first collection). */
export function previousNominalBefore(m: Mandate, d: IsoDate): IsoDate | null {
  for (let i = 1; i <= 40; i++) {
    const x = addDays(d, -i);
    if (x < m.firstCollection) return null;
    if (isNominalDue(m, x)) return x;
  }
  return null;
}
