/**
 * The rent calendar (DOMAIN.md section 2): rent years that start on a Monday (the first Monday of
 * April at most landlords) and run 52 or 53 weeks, rent-free weeks, and the debit of any period.
 */
import { addDays, isoDate, isMonday, toDayNumber, weekday, type IsoDate } from './dates';
import { mulDiv, toPence, type Pence } from './money';

export interface RentCalendarConfig {
  /** The Monday one rent year starts on, e.g. 2026-04-06. */
  readonly rentYearStart: IsoDate;
  /** Mondays of the weeks that are not charged. */
  readonly rentFreeWeeks: readonly IsoDate[];
  /** 'none': the contract's rule (whole weeks by Monday); 'daily': part weeks at the start and end of a tenancy pro rata by days. */
  readonly proRata: 'none' | 'daily';
}

export interface CompiledCalendar {
  readonly config: RentCalendarConfig;
  readonly rentFree: ReadonlySet<string>;
  /** Chargeable Mondays per period ("start..end"), computed once: expectedDebit runs for every account. */
  readonly periodMondays: Map<string, readonly IsoDate[]>;
}

/** Problems with a calendar config, in words; empty when it is usable. */
export function validateCalendarConfig(config: RentCalendarConfig): string[] {
  const problems: string[] = [];
  if (!isMonday(config.rentYearStart)) problems.push(`rentYearStart ${config.rentYearStart} is not a Monday`);
  const seen = new Set<string>();
  for (const w of config.rentFreeWeeks) {
    if (!isMonday(w)) problems.push(`rent-free week ${w} is not a Monday`);
    if (seen.has(w)) problems.push(`rent-free week ${w} is listed twice`);
    seen.add(w);
  }
  return problems;
}

/** Precomputes what the hot functions need (run once per period, used for every account). */
export function compileCalendar(config: RentCalendarConfig): CompiledCalendar {
  return { config, rentFree: new Set(config.rentFreeWeeks), periodMondays: new Map() };
}

export function isRentFreeWeek(monday: IsoDate, calendar: CompiledCalendar): boolean {
  return calendar.rentFree.has(monday);
}

/**
 * The start of the rent year in a calendar year: the first Monday of April when the configured start
 * falls on 1-7 April (6 April 2026 -> 1 April 2024, 7 April 2025), otherwise the Monday on or after
 * the anniversary of the configured start.
 */
function yearStartIn(year: number, anchor: IsoDate): IsoDate {
  const month = Number(anchor.slice(5, 7));
  const day = Number(anchor.slice(8, 10));
  // An anchor from 1 to 7 April is the first Monday of April, the rule most landlords follow.
  const base = month === 4 && day <= 7 ? (isoDate(year, 4, 1) as IsoDate) : addDays(isoDate(year, month, 1) as IsoDate, day - 1);
  return addDays(base, (7 - weekday(base)) % 7);
}

/** The rent year containing a date: its first Monday, last day, number of weeks (52 or 53) and label. */
export function rentYearOf(date: IsoDate, calendar: CompiledCalendar): { start: IsoDate; end: IsoDate; weekCount: number; label: string } {
  const anchor = calendar.config.rentYearStart;
  let year = Number(date.slice(0, 4));
  let start = yearStartIn(year, anchor);
  if (date < start) {
    year -= 1;
    start = yearStartIn(year, anchor);
  }
  const next = yearStartIn(year + 1, anchor);
  const weekCount = (toDayNumber(next) - toDayNumber(start)) / 7;
  return { start, end: addDays(next, -1), weekCount, label: `${year}/${String((year + 1) % 100).padStart(2, '0')}` };
}

/** 1-based week number of a Monday within its rent year. */
export function rentWeekNumber(monday: IsoDate, calendar: CompiledCalendar): number {
  const y = rentYearOf(monday, calendar);
  return Math.floor((toDayNumber(monday) - toDayNumber(y.start)) / 7) + 1;
}

/** Every Monday from start to end inclusive. */
export function mondaysInPeriod(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let m = addDays(start, (7 - weekday(start)) % 7);
  while (m <= end) {
    out.push(m);
    m = addDays(m, 7);
  }
  return out;
}

/** The Mondays of a period that are charged (not rent-free). */
export function chargeableWeeks(start: IsoDate, end: IsoDate, calendar: CompiledCalendar): IsoDate[] {
  return mondaysInPeriod(start, end).filter((m) => !calendar.rentFree.has(m));
}

function chargeableMondays(period: { readonly start: IsoDate; readonly end: IsoDate }, calendar: CompiledCalendar): readonly IsoDate[] {
  const key = `${period.start}..${period.end}`;
  let mondays = calendar.periodMondays.get(key);
  if (!mondays) {
    mondays = chargeableWeeks(period.start, period.end, calendar);
    calendar.periodMondays.set(key, mondays);
  }
  return mondays;
}

export interface DebitWeek {
  readonly monday: IsoDate;
  readonly amount: Pence;
  /** Days charged: 7 for a whole week, fewer for a pro-rata part week. */
  readonly days: number;
}

/**
 * The debit the rules expect for a tenancy over a period: one week's charge for every Monday in the
 * period that lies within the tenancy (start <= Monday, and end blank or >= Monday) and is not
 * rent-free. With proRata 'daily', a week the tenancy starts or ends inside is charged
 * weekly charge / 7 x days, rounded half-up to the penny.
 */
export function expectedDebit(
  tenancy: { readonly start: IsoDate | null; readonly end: IsoDate | null; readonly weeklyCharge: Pence },
  period: { readonly start: IsoDate; readonly end: IsoDate },
  calendar: CompiledCalendar,
): { total: Pence; weeks: DebitWeek[] } {
  const mondays = chargeableMondays(period, calendar);
  const weeks: DebitWeek[] = [];
  let total = 0;
  const { start, end, weeklyCharge } = tenancy;
  if (calendar.config.proRata !== 'daily') {
    // ISO dates compare as strings: no date arithmetic on this path, which runs for every account.
    for (const monday of mondays) {
      if ((start === null || start <= monday) && (end === null || end >= monday)) {
        weeks.push({ monday, amount: weeklyCharge, days: 7 });
        total += weeklyCharge;
      }
    }
    return { total: toPence(total), weeks };
  }
  for (const monday of mondays) {
    const sunday = addDays(monday, 6);
    const from = start === null || start <= monday ? monday : start;
    const to = end === null || end >= sunday ? sunday : end;
    if (from > sunday || to < monday || to < from) continue;
    const days = toDayNumber(to) - toDayNumber(from) + 1;
    const amount = days === 7 ? weeklyCharge : mulDiv(weeklyCharge, days, 7, 'half-up');
    weeks.push({ monday, amount, days });
    total += amount;
  }
  return { total: toPence(total), weeks };
}

/**
 * The debit rule for one period, prepared once and applied to every account: returns the total of
 * expectedDebit without building the week list (the rent roll check runs it 125,000 times).
 */
export function debitRuleFor(period: { readonly start: IsoDate; readonly end: IsoDate }, calendar: CompiledCalendar): (tenancy: { readonly start: IsoDate | null; readonly end: IsoDate | null; readonly weeklyCharge: Pence }) => Pence {
  if (calendar.config.proRata === 'daily') return (t) => expectedDebit(t, period, calendar).total;
  const mondays = chargeableMondays(period, calendar);
  return ({ start, end, weeklyCharge }) => {
    let weeks = 0;
    for (const monday of mondays) if ((start === null || start <= monday) && (end === null || end >= monday)) weeks++;
    return toPence(weeks * weeklyCharge);
  };
}

/** Weekly charge x chargeable weeks in the rent year / 12 (DOMAIN: what monthly payers pay). */
export function monthlyEquivalent(weeklyCharge: Pence, calendar: CompiledCalendar, inRentYearOf: IsoDate): Pence {
  const y = rentYearOf(inRentYearOf, calendar);
  return mulDiv(weeklyCharge, chargeableWeeks(y.start, y.end, calendar).length, 12, 'half-up');
}

