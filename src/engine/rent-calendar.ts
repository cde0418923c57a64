/**
 * The rent calendar (DOMAIN.md section 2): rent years that start on a Monday (the first Monday of
 * April at most landlords) and run 52 or 53 weeks, rent-free weeks, and the debit of any period.
 *
 * The debit check runs for every account on the rent roll (125,000 at a large landlord), so the
 * calendar is compiled once per config and the hot functions take the compiled calendar: rent-free
 * weeks are a Set, and the Mondays of a period are worked out once and reused for every account.
 */
import { addDays, isoDate, isMonday, toDayNumber, weekday, type IsoDate } from './dates';
import { mulDiv, toPence, type Pence } from './money';

export interface RentCalendarConfig {
  /** The Monday one rent year starts on, e.g. 2026-04-06. Every other year follows from it (see {@link rentYearOf}). */
  readonly rentYearStart: IsoDate;
  /** Mondays of the weeks that are not charged (non-charge weeks). */
  readonly rentFreeWeeks: readonly IsoDate[];
  /** 'none': the contract's rule (whole weeks by Monday); 'daily': part weeks at the start and end of a tenancy pro rata by days. */
  readonly proRata: 'none' | 'daily';
}

/** A calendar prepared once for the hot functions. Build it with {@link compileCalendar}. */
export interface CompiledCalendar {
  readonly config: RentCalendarConfig;
  /** The rent-free Mondays. */
  readonly rentFree: ReadonlySet<string>;
  /** Whether part weeks are charged pro rata by days. */
  readonly daily: boolean;
  /** The Mondays of the last period asked about: the same period is asked once per account. */
  readonly lastPeriod: { current: PeriodWeeks | null };
}

/** The chargeable weeks of one period, worked out once and shared by every account. */
interface PeriodWeeks {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly mondays: readonly IsoDate[];
  readonly sundays: readonly IsoDate[];
}

export interface RentYear {
  /** Its first Monday. */
  readonly start: IsoDate;
  /** Its last day: the Sunday before the next rent year starts. */
  readonly end: IsoDate;
  /** 52, or 53 in a long year (2024/25, 2030/31). */
  readonly weekCount: number;
  /** "2026/27": the calendar year its anniversary falls in, then the next year's last two digits. */
  readonly label: string;
}

export interface DebitWeek {
  readonly monday: IsoDate;
  readonly amount: Pence;
  /** Days charged: 7 for a whole week, fewer for a pro-rata part week. */
  readonly days: number;
}

export interface DebitTenancy {
  /** null: the tenancy began before any period of interest. */
  readonly start: IsoDate | null;
  /** null: the tenancy has not ended. */
  readonly end: IsoDate | null;
  readonly weeklyCharge: Pence;
}

export interface DebitPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** Problems with a calendar config, in words; empty when it is usable. */
export function validateCalendarConfig(config: RentCalendarConfig): string[] {
  const problems: string[] = [];
  if (!isRealDate(config.rentYearStart)) problems.push(`rentYearStart ${String(config.rentYearStart)} is not a date (YYYY-MM-DD)`);
  else if (!isMonday(config.rentYearStart)) problems.push(`rentYearStart ${config.rentYearStart} is not a Monday`);
  const seen = new Set<string>();
  for (const w of config.rentFreeWeeks) {
    if (!isRealDate(w)) problems.push(`rent-free week ${String(w)} is not a date (YYYY-MM-DD)`);
    else if (!isMonday(w)) problems.push(`rent-free week ${w} is not a Monday (a rent-free week is given by its Monday)`);
    if (seen.has(w)) problems.push(`rent-free week ${w} is listed twice`);
    seen.add(w);
  }
  // A config read from JSON is not checked by the type system.
  const proRata: unknown = config.proRata;
  if (proRata !== 'none' && proRata !== 'daily') problems.push(`proRata ${String(proRata)} is not 'none' or 'daily'`);
  return problems;
}

/**
 * Prepares a calendar for the hot functions: the rent-free weeks as a Set, and room for the Mondays
 * of the period being checked. Throws when the rent year start is not a Monday (a programmer error:
 * configs are checked with {@link validateCalendarConfig} or the config parser first). A rent-free
 * week listed twice is harmless and accepted.
 */
export function compileCalendar(config: RentCalendarConfig): CompiledCalendar {
  checkAnchor(config.rentYearStart);
  return {
    config,
    rentFree: new Set<string>(config.rentFreeWeeks),
    daily: chargesPartWeeks(config.proRata),
    lastPeriod: { current: null },
  };
}

/** Whether the week beginning on this Monday is a rent-free (non-charge) week: one Set lookup. */
export function isRentFreeWeek(monday: IsoDate, calendar: CompiledCalendar): boolean {
  return calendar.rentFree.has(monday);
}

/**
 * The rent year containing a date: its first Monday, last day, number of weeks and label.
 *
 * The rule for years other than the configured one (DOMAIN.md section 2):
 * - when the configured start falls on 1-7 April it is the first Monday of April, and every rent
 *   year starts on the first Monday on or after 1 April (6 April 2026, 7 April 2025, 1 April 2024);
 *   this is also the rule of landlords who "count the Mondays between 1 April and 31 March";
 * - otherwise every rent year starts on the first Monday on or after the anniversary (same month
 *   and day) of the configured start; a 29 February anniversary is 1 March in other years.
 * Either way a year runs to the day before the next one starts, so it has 52 or 53 Mondays.
 * The label names the calendar year of the anniversary: "2026/27".
 */
export function rentYearOf(date: IsoDate, calendar: RentCalendarConfig | CompiledCalendar): RentYear {
  const anchor = anchorOf(calendar);
  checkAnchor(anchor);
  // The year's start is on or after the anniversary in the same calendar year, so the date's own
  // calendar year or the one before (two before for a late-December anchor) holds its start.
  let year = Number(date.slice(0, 4));
  let start = yearStartIn(year, anchor);
  while (start > date) {
    year -= 1;
    start = yearStartIn(year, anchor);
  }
  const next = yearStartIn(year + 1, anchor);
  return {
    start,
    end: addDays(next, -1),
    weekCount: (toDayNumber(next) - toDayNumber(start)) / 7,
    label: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
  };
}

/** The 1-based number, within its rent year, of the week beginning on this Monday (any other day: of the week containing it). */
export function rentWeekNumber(monday: IsoDate, calendar: RentCalendarConfig | CompiledCalendar): number {
  const year = rentYearOf(monday, calendar);
  return Math.floor((toDayNumber(monday) - toDayNumber(year.start)) / 7) + 1;
}

/** Every Monday from start to end inclusive (rent is charged weekly in advance on Monday); empty when end is before start. */
export function mondaysInPeriod(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = addDays(start, (7 - weekday(start)) % 7); m <= end; m = addDays(m, 7)) out.push(m);
  return out;
}

/** The Mondays from start to end inclusive whose weeks are charged: not rent-free. */
export function chargeableWeeks(start: IsoDate, end: IsoDate, calendar: CompiledCalendar): IsoDate[] {
  return mondaysInPeriod(start, end).filter((m) => !calendar.rentFree.has(m));
}

/**
 * The debit the rules expect for a tenancy over a period (DOMAIN.md section 2, the contract's debit
 * rule): one week's charge for every Monday in the period that lies within the tenancy (start <=
 * Monday, and end blank or >= Monday) and is not a rent-free week.
 *
 * With proRata 'daily', a chargeable week whose Monday is in the period but which the tenancy
 * starts after its Monday, or ends before its Sunday, is charged weekly charge x days / 7 for the
 * days of the week within the tenancy (start to Sunday, Monday to end, or start to end), rounded
 * half-up to the penny. Such a week belongs to the period holding its Monday, as a whole week does,
 * so consecutive periods never charge a week twice.
 */
export function expectedDebit(tenancy: DebitTenancy, period: DebitPeriod, calendar: CompiledCalendar): { total: Pence; weeks: DebitWeek[] } {
  const { mondays, sundays } = weeksOf(period, calendar);
  const { start, end, weeklyCharge } = tenancy;
  const weeks: DebitWeek[] = [];
  let total = 0;
  for (let i = 0; i < mondays.length; i++) {
    const monday = mondays[i] as IsoDate;
    const days = calendar.daily ? daysCharged(monday, sundays[i] as IsoDate, start, end) : wholeWeekDays(monday, start, end);
    if (days === 0) continue;
    const amount = days === 7 ? weeklyCharge : mulDiv(weeklyCharge, days, 7, 'half-up');
    weeks.push({ monday, amount, days });
    total += amount;
  }
  return { total: toPence(total), weeks };
}

/**
 * The debit rule of one period, prepared once and applied to every account: the total of
 * {@link expectedDebit} without the list of weeks (the rent roll check runs it for every account).
 */
export function debitRuleFor(period: DebitPeriod, calendar: CompiledCalendar): (tenancy: DebitTenancy) => Pence {
  const { mondays, sundays } = weeksOf(period, calendar);
  if (!calendar.daily) {
    return ({ start, end, weeklyCharge }) => {
      let weeks = 0;
      for (const monday of mondays) if ((start === null || start <= monday) && (end === null || end >= monday)) weeks++;
      return toPence(weeks * weeklyCharge);
    };
  }
  return ({ start, end, weeklyCharge }) => {
    let total = 0;
    for (let i = 0; i < mondays.length; i++) {
      const days = daysCharged(mondays[i] as IsoDate, sundays[i] as IsoDate, start, end);
      if (days !== 0) total += days === 7 ? weeklyCharge : mulDiv(weeklyCharge, days, 7, 'half-up');
    }
    return toPence(total);
  };
}

/**
 * What a monthly payer pays (DOMAIN.md section 2): weekly charge x chargeable weeks in the rent year
 * / 12, rounded half-up to the penny. The rent year is the one containing `rentYearStart` (its first
 * Monday, or any date in it).
 */
export function monthlyEquivalent(weeklyCharge: Pence, calendar: CompiledCalendar, rentYearStart: IsoDate): Pence {
  const year = rentYearOf(rentYearStart, calendar);
  return mulDiv(weeklyCharge, chargeableWeeks(year.start, year.end, calendar).length, 12, 'half-up');
}

/** The contract's rule: the whole week when its Monday lies within the tenancy. ISO dates compare as strings. */
function wholeWeekDays(monday: IsoDate, start: IsoDate | null, end: IsoDate | null): number {
  return (start === null || start <= monday) && (end === null || end >= monday) ? 7 : 0;
}

/** Pro rata by days: the days of the week Monday..Sunday that lie within the tenancy. */
function daysCharged(monday: IsoDate, sunday: IsoDate, start: IsoDate | null, end: IsoDate | null): number {
  const from = start !== null && start > monday ? start : monday;
  const to = end !== null && end < sunday ? end : sunday;
  if (from > to) return 0; // starts after this week, ended before it, or ends before it starts
  if (from === monday && to === sunday) return 7; // no date arithmetic for the usual whole week
  return toDayNumber(to) - toDayNumber(from) + 1;
}

/** The chargeable Mondays (and their Sundays) of a period, reused while the same period is asked about. */
function weeksOf(period: DebitPeriod, calendar: CompiledCalendar): PeriodWeeks {
  const last = calendar.lastPeriod.current;
  if (last !== null && last.start === period.start && last.end === period.end) return last;
  const mondays = chargeableWeeks(period.start, period.end, calendar);
  const weeks: PeriodWeeks = { start: period.start, end: period.end, mondays, sundays: mondays.map((m) => addDays(m, 6)) };
  calendar.lastPeriod.current = weeks;
  return weeks;
}

function chargesPartWeeks(proRata: RentCalendarConfig['proRata']): boolean {
  switch (proRata) {
    case 'none':
      return false;
    case 'daily':
      return true;
    default: {
      const unknown: never = proRata;
      throw new RangeError(`proRata must be 'none' or 'daily': ${String(unknown)}`);
    }
  }
}

function anchorOf(calendar: RentCalendarConfig | CompiledCalendar): IsoDate {
  return 'config' in calendar ? calendar.config.rentYearStart : calendar.rentYearStart;
}

function checkAnchor(anchor: IsoDate): void {
  if (!isRealDate(anchor) || !isMonday(anchor)) throw new RangeError(`rentYearStart must be a Monday: ${String(anchor)}`);
}

/** The start of the rent year whose anniversary falls in a calendar year (the rule is on {@link rentYearOf}). */
function yearStartIn(year: number, anchor: IsoDate): IsoDate {
  const month = Number(anchor.slice(5, 7));
  const day = Number(anchor.slice(8, 10));
  // An anchor from 1 to 7 April is the first Monday of April, the rule most landlords follow.
  // Counting on from the 1st turns 29 February into 1 March in other years.
  const base = month === 4 && day <= 7 ? (isoDate(year, 4, 1) as IsoDate) : addDays(isoDate(year, month, 1) as IsoDate, day - 1);
  return addDays(base, (7 - weekday(base)) % 7);
}

function isRealDate(d: unknown): d is IsoDate {
  if (typeof d !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === d;
}
