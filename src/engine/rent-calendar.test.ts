import fc from 'fast-check';
import { addDays, fromDayNumber, isMonday, toDayNumber, weekday, type IsoDate } from './dates';
import { toPence, type Pence } from './money';
import {
  chargeableWeeks,
  compileCalendar,
  debitRuleFor,
  expectedDebit,
  isRentFreeWeek,
  mondaysInPeriod,
  monthlyEquivalent,
  rentWeekNumber,
  rentYearOf,
  validateCalendarConfig,
  type CompiledCalendar,
  type DebitTenancy,
  type RentCalendarConfig,
} from './rent-calendar';

const D = (s: string): IsoDate => s as IsoDate;
const Dn = (s: string | null): IsoDate | null => (s === null ? null : D(s));
const base: RentCalendarConfig = { rentYearStart: D('2026-04-06'), rentFreeWeeks: [], proRata: 'none' };
const cal = compileCalendar(base);
const daily = compileCalendar({ ...base, proRata: 'daily' });
// One council's non-charge weeks for 2024/25 (DOMAIN.md section 2).
const COUNCIL_WEEKS = ['2024-04-01', '2024-12-23', '2024-12-30', '2025-03-31'].map(D);
const council = compileCalendar({ ...base, rentFreeWeeks: COUNCIL_WEEKS });
const councilDaily = compileCalendar({ ...base, rentFreeWeeks: COUNCIL_WEEKS, proRata: 'daily' });
const WEEKLY = toPence(10000);

describe('rent years', () => {
  it.each([
    // date, first Monday, last day, weeks, label
    ['2024-04-01', '2024-04-01', '2025-04-06', 53, '2024/25'],
    ['2024-06-01', '2024-04-01', '2025-04-06', 53, '2024/25'],
    ['2025-04-06', '2024-04-01', '2025-04-06', 53, '2024/25'],
    ['2025-04-07', '2025-04-07', '2026-04-05', 52, '2025/26'],
    ['2026-04-05', '2025-04-07', '2026-04-05', 52, '2025/26'],
    ['2026-04-06', '2026-04-06', '2027-04-04', 52, '2026/27'],
    ['2026-12-25', '2026-04-06', '2027-04-04', 52, '2026/27'],
    ['2027-03-31', '2026-04-06', '2027-04-04', 52, '2026/27'],
    ['2027-04-05', '2027-04-05', '2028-04-02', 52, '2027/28'],
    ['2030-05-01', '2030-04-01', '2031-04-06', 53, '2030/31'],
    ['2031-04-06', '2030-04-01', '2031-04-06', 53, '2030/31'],
    ['2000-01-01', '1999-04-05', '2000-04-02', 52, '1999/00'],
  ])('%s is in the rent year %s to %s (%i weeks, %s)', (date, start, end, weekCount, label) => {
    expect(rentYearOf(D(date), cal)).toEqual({ start, end, weekCount, label });
  });

  it('accepts the plain config as well as the compiled calendar', () => {
    expect(rentYearOf(D('2026-12-25'), base)).toEqual(rentYearOf(D('2026-12-25'), cal));
  });

  it('any first Monday of April as the anchor gives the same years: 1 April 2024 or 6 April 2026', () => {
    const other = { ...base, rentYearStart: D('2024-04-01') };
    for (const date of ['2019-05-01', '2024-04-01', '2025-04-06', '2026-04-05', '2030-12-31', '2041-03-31'].map(D)) {
      expect(rentYearOf(date, other)).toEqual(rentYearOf(date, base));
    }
  });

  it('53-week years from 2018 to 2040 are the ones starting on 1 April, or on 2 April with a 29 February ahead', () => {
    const long: string[] = [];
    for (let y = 2018; y <= 2040; y++) {
      const year = rentYearOf(D(`${y}-06-01`), cal);
      if (year.weekCount === 53) long.push(year.label);
    }
    expect(long).toEqual(['2019/20', '2024/25', '2030/31', '2035/36']);
  });

  it.each([
    // another anchor: years start on the Monday on or after its anniversary
    ['2026-04-13', '2027-06-01', '2027-04-19', '2028-04-16', 52, '2027/28'],
    ['2026-04-13', '2028-04-16', '2027-04-19', '2028-04-16', 52, '2027/28'],
    ['2026-10-05', '2027-10-04', '2026-10-05', '2027-10-10', 53, '2026/27'],
    // late December: a start can fall in the next calendar year
    ['2029-12-31', '2031-01-03', '2029-12-31', '2031-01-05', 53, '2029/30'],
    ['2029-12-31', '2031-01-06', '2031-01-06', '2032-01-04', 52, '2030/31'],
    // 29 February is 1 March in other years
    ['2016-02-29', '2017-03-05', '2016-02-29', '2017-03-05', 53, '2016/17'],
    ['2016-02-29', '2017-03-06', '2017-03-06', '2018-03-04', 52, '2017/18'],
  ])('anchor %s: %s is in the rent year %s to %s (%i weeks, %s)', (anchor, date, start, end, weekCount, label) => {
    expect(rentYearOf(D(date), { ...base, rentYearStart: D(anchor) })).toEqual({ start, end, weekCount, label });
  });

  it('property: rent years tile the calendar in whole weeks of 52 or 53, each starting on a Monday; the anchor starts its own', () => {
    const day = fc.integer({ min: toDayNumber(D('1995-01-01')), max: toDayNumber(D('2095-12-31')) }).map(fromDayNumber);
    const mondayAnchor = fc.integer({ min: 0, max: 5000 }).map((n) => addDays(D('1996-01-01'), 7 * n));
    fc.assert(
      fc.property(day, mondayAnchor, (date, anchor) => {
        const config = { ...base, rentYearStart: anchor };
        const y = rentYearOf(date, config);
        const next = rentYearOf(addDays(y.end, 1), config);
        const week = rentWeekNumber(date, config);
        return (
          rentYearOf(anchor, config).start === anchor &&
          isMonday(y.start) &&
          y.start <= date &&
          date <= y.end &&
          (y.weekCount === 52 || y.weekCount === 53) &&
          toDayNumber(y.end) - toDayNumber(y.start) + 1 === 7 * y.weekCount &&
          next.start === addDays(y.end, 1) &&
          week >= 1 &&
          week <= y.weekCount
        );
      }),
    );
  });

  it('property: with an April anchor every year starts on the first Monday of April', () => {
    const day = fc.integer({ min: toDayNumber(D('1995-01-01')), max: toDayNumber(D('2095-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(day, (date) => {
        const { start } = rentYearOf(date, cal);
        return start.slice(5, 7) === '04' && Number(start.slice(8, 10)) <= 7;
      }),
    );
  });
});

describe('week numbers', () => {
  it.each([
    ['2026-04-06', 1],
    ['2026-04-13', 2],
    ['2027-03-29', 52],
    ['2024-04-01', 1],
    ['2024-12-23', 39],
    ['2024-12-30', 40],
    ['2025-03-31', 53],
    ['2030-04-01', 1],
    ['2031-03-31', 53],
    // another day: the week containing it
    ['2025-04-06', 53],
    ['2026-04-08', 1],
  ])('%s is week %i of its rent year', (monday, n) => {
    expect(rentWeekNumber(D(monday), cal)).toBe(n);
  });
});

describe('Mondays and rent-free weeks', () => {
  it.each([
    ['a month', '2026-12-01', '2026-12-31', ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']],
    ['Monday to Monday: both ends count', '2026-12-07', '2026-12-14', ['2026-12-07', '2026-12-14']],
    ['Tuesday to Sunday: none', '2026-12-08', '2026-12-13', []],
    ['one Monday', '2026-12-07', '2026-12-07', ['2026-12-07']],
    ['across the new year', '2026-12-28', '2027-01-10', ['2026-12-28', '2027-01-04']],
    ['end before start', '2026-12-14', '2026-12-07', []],
  ])('%s', (_name, start, end, mondays) => {
    expect(mondaysInPeriod(D(start), D(end))).toEqual(mondays);
  });

  it.each([
    ['2024-04-01', true],
    ['2024-04-08', false],
    ['2024-12-23', true],
    ['2024-12-30', true],
    ['2025-01-06', false],
    ['2025-03-31', true],
    ['2026-03-30', false],
  ])('at the council, w/c %s rent-free: %s', (monday, free) => {
    expect(isRentFreeWeek(D(monday), council)).toBe(free);
  });

  it.each([
    ['April 2024', '2024-04-01', '2024-04-30', ['2024-04-08', '2024-04-15', '2024-04-22', '2024-04-29']],
    ['December 2024', '2024-12-01', '2024-12-31', ['2024-12-02', '2024-12-09', '2024-12-16']],
    ['March 2025', '2025-03-01', '2025-03-31', ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']],
  ])('%s: the council charges only the weeks that are not rent-free', (_name, start, end, weeks) => {
    expect(chargeableWeeks(D(start), D(end), council)).toEqual(weeks);
  });

  it('a 53-week year with four rent-free weeks charges 49 weeks; a 52-week year without charges 52', () => {
    const y2024 = rentYearOf(D('2024-06-01'), council);
    expect(chargeableWeeks(y2024.start, y2024.end, council)).toHaveLength(49);
    const y2026 = rentYearOf(D('2026-06-01'), council);
    expect(chargeableWeeks(y2026.start, y2026.end, council)).toHaveLength(52);
  });

  it.each([
    ['52 weeks', cal, '2026-04-06', 10000, 43333], // 5,200.00 / 12 = 433.333
    ['53 weeks, rounded half-up', cal, '2024-04-01', 10000, 44167], // 5,300.00 / 12 = 441.667
    ['49 chargeable weeks of 53', council, '2024-04-01', 10000, 40833],
    ['any date in the rent year', council, '2025-02-14', 10000, 40833],
    ['exact', cal, '2026-04-06', 12000, 52000],
  ])('monthly payers pay weekly charge x chargeable weeks / 12: %s', (_name, calendar, yearStart, weekly, monthly) => {
    expect(monthlyEquivalent(toPence(weekly), calendar, D(yearStart))).toBe(monthly);
  });
});

describe('the debit of a period', () => {
  const dec = { start: D('2026-12-01'), end: D('2026-12-31') };
  type Week = [monday: string, days: number, amount: number];
  const whole = (...mondays: string[]): Week[] => mondays.map((m) => [m, 7, 10000]);

  it.each<[string, string | null, string | null, Week[], Week[]]>([
    // name, start, end, weeks under 'none' (the contract), weeks under 'daily'
    ['a whole month', null, null, whole('2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'), whole('2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28')],
    ['starting on a Monday: charged that week', '2026-12-14', null, whole('2026-12-14', '2026-12-21', '2026-12-28'), whole('2026-12-14', '2026-12-21', '2026-12-28')],
    [
      'starting on a Tuesday: not charged that week (pro rata: 6 days)',
      '2026-12-15',
      null,
      whole('2026-12-21', '2026-12-28'),
      [['2026-12-14', 6, 8571], ...whole('2026-12-21', '2026-12-28')],
    ],
    [
      'starting on a Sunday (pro rata: 1 day)',
      '2026-12-13',
      null,
      whole('2026-12-14', '2026-12-21', '2026-12-28'),
      [['2026-12-07', 1, 1429], ...whole('2026-12-14', '2026-12-21', '2026-12-28')],
    ],
    ['ending on a Monday: charged that week (pro rata: 1 day)', null, '2026-12-14', whole('2026-12-07', '2026-12-14'), [...whole('2026-12-07'), ['2026-12-14', 1, 1429]]],
    ['ending on the Sunday before: not charged', null, '2026-12-13', whole('2026-12-07'), whole('2026-12-07')],
    ['ending on a Saturday (pro rata: 6 days)', null, '2026-12-12', whole('2026-12-07'), [['2026-12-07', 6, 8571]]],
    ['ended before the period', null, '2026-11-30', [], []],
    ['starting after the period', '2027-01-04', null, [], []],
    ['starting and ending in one week, Tuesday to Thursday', '2026-12-08', '2026-12-10', [], [['2026-12-07', 3, 4286]]],
    ['starting and ending on one Monday', '2026-12-14', '2026-12-14', whole('2026-12-14'), [['2026-12-14', 1, 1429]]],
    ['a part week before the period belongs to the period of its Monday', '2026-11-25', null, whole('2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'), whole('2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28')],
    ['a part week after the period is charged with the Monday in the period', '2027-01-01', null, [], [['2026-12-28', 3, 4286]]],
    ['ending before it starts (bad data) charges nothing', '2026-12-20', '2026-12-10', [], []],
  ])('%s', (_name, start, end, none, pro) => {
    const tenancy = { start: Dn(start), end: Dn(end), weeklyCharge: WEEKLY };
    for (const [calendar, expected] of [[cal, none], [daily, pro]] as const) {
      const r = expectedDebit(tenancy, dec, calendar);
      expect(r.weeks.map((w) => [w.monday, w.days, w.amount])).toEqual(expected);
      expect(r.total).toBe(expected.reduce((s, w) => s + w[2], 0));
    }
  });

  it.each([
    // weekly charge, days, amount: weekly x days / 7 rounded half-up to the penny
    [10000, 3, 4286], // 42.857
    [10000, 1, 1429], // 14.286
    [10000, 4, 5714], // 57.143
    [10000, 5, 7143], // 71.429
    [10000, 6, 8571], // 85.714
    [12345, 2, 3527], // 35.271
    [9999, 5, 7142], // 71.421
    [100, 1, 14], // 0.143
    [0, 3, 0],
  ])('pro rata: %i pence a week for %i day(s) is %i pence', (weekly, days, amount) => {
    const week = { start: D('2026-12-07'), end: D('2026-12-13') };
    const r = expectedDebit({ start: null, end: addDays(D('2026-12-07'), days - 1), weeklyCharge: toPence(weekly) }, week, daily);
    expect(r).toEqual({ total: amount, weeks: [{ monday: '2026-12-07', amount, days }] });
  });

  it.each<[string, string | null, string | null, string[]]>([
    ['the whole of December 2024', null, null, ['2024-12-02', '2024-12-09', '2024-12-16']],
    ['ending in a rent-free week', null, '2024-12-24', ['2024-12-02', '2024-12-09', '2024-12-16']],
    ['starting in a rent-free week', '2024-12-23', null, []],
  ])('rent-free weeks are not charged, pro rata or not: %s', (_name, start, end, mondays) => {
    const tenancy = { start: Dn(start), end: Dn(end), weeklyCharge: WEEKLY };
    for (const calendar of [council, councilDaily]) {
      expect(expectedDebit(tenancy, { start: D('2024-12-01'), end: D('2024-12-31') }, calendar).weeks.map((w) => w.monday)).toEqual(mondays);
    }
  });

  it('a part week that is rent-free is not charged either', () => {
    // Starts Tuesday 24 December 2024: the weeks of 23 and 30 December are rent-free, so January pays from 6 January.
    const r = expectedDebit({ start: D('2024-12-24'), end: null, weeklyCharge: WEEKLY }, { start: D('2024-12-01'), end: D('2025-01-12') }, councilDaily);
    expect(r.weeks).toEqual([{ monday: '2025-01-06', amount: 10000, days: 7 }]);
  });

  it('answers the same when another period is asked about in between', () => {
    const tenancy = { start: null, end: null, weeklyCharge: WEEKLY };
    const first = expectedDebit(tenancy, dec, cal);
    expectedDebit(tenancy, { start: D('2027-01-01'), end: D('2027-01-31') }, cal);
    expect(expectedDebit(tenancy, dec, cal)).toEqual(first);
  });
});

describe('properties of the debit', () => {
  // Rent-free weeks over Christmas and the start of April, as many landlords have.
  const rentFree = ['2026-12-21', '2026-12-28', '2027-04-05'].map(D);
  const calendars: Record<'none' | 'daily', CompiledCalendar> = {
    none: compileCalendar({ ...base, rentFreeWeeks: rentFree }),
    daily: compileCalendar({ ...base, rentFreeWeeks: rentFree, proRata: 'daily' }),
  };
  const origin = toDayNumber(D('2026-10-01'));
  const day = fc.integer({ min: 0, max: 240 }).map((n) => fromDayNumber(origin + n));
  const tenancy: fc.Arbitrary<DebitTenancy> = fc.record({
    start: fc.option(day),
    end: fc.option(day),
    weeklyCharge: fc.integer({ min: 0, max: 100_000 }).map((n): Pence => toPence(n)),
  });
  const period = fc.tuple(day, fc.integer({ min: 0, max: 70 })).map(([start, length]) => ({ start, end: addDays(start, length) }));

  /** The contract's rule walked day by day, independent of the implementation. */
  function qualifyingMondays(t: DebitTenancy, p: { start: IsoDate; end: IsoDate }): number {
    let n = 0;
    for (let d = p.start; d <= p.end; d = addDays(d, 1)) {
      if (weekday(d) === 0 && !rentFree.includes(d) && (t.start === null || t.start <= d) && (t.end === null || t.end >= d)) n++;
    }
    return n;
  }

  it.each(['none', 'daily'] as const)('%s: the total is the sum of the weeks; each week is a chargeable Monday of the period, charged at most a week', (mode) => {
    fc.assert(
      fc.property(tenancy, period, (t, p) => {
        const r = expectedDebit(t, p, calendars[mode]);
        const mondays = r.weeks.map((w) => w.monday);
        return (
          r.total === r.weeks.reduce((s, w) => s + w.amount, 0) &&
          mondays.every((m, i) => isMonday(m) && m >= p.start && m <= p.end && !rentFree.includes(m) && (i === 0 || (mondays[i - 1] as IsoDate) < m)) &&
          r.weeks.every((w) => w.days >= 1 && w.days <= 7 && w.amount >= 0 && w.amount <= t.weeklyCharge)
        );
      }),
    );
  });

  it("none: the total is the weekly charge x the Mondays that qualify under the contract's rule", () => {
    fc.assert(
      fc.property(tenancy, period, (t, p) => {
        const r = expectedDebit(t, p, calendars.none);
        const n = qualifyingMondays(t, p);
        return r.weeks.length === n && r.total === t.weeklyCharge * n && r.weeks.every((w) => w.days === 7 && w.amount === t.weeklyCharge);
      }),
    );
  });

  it.each(['none', 'daily'] as const)('%s: splitting a period in two gives the same total as the whole', (mode) => {
    fc.assert(
      fc.property(tenancy, period, fc.nat(), (t, p, at) => {
        const length = daysIn(p);
        fc.pre(length >= 2);
        const cut = addDays(p.start, at % (length - 1)); // the first part ends on cut, the second starts the day after
        const a = expectedDebit(t, { start: p.start, end: cut }, calendars[mode]);
        const b = expectedDebit(t, { start: addDays(cut, 1), end: p.end }, calendars[mode]);
        return a.total + b.total === expectedDebit(t, p, calendars[mode]).total;
      }),
    );
  });

  it.each(['none', 'daily'] as const)('%s: the prepared debit rule gives the same total as expectedDebit', (mode) => {
    fc.assert(
      fc.property(period, fc.array(tenancy, { maxLength: 20 }), (p, ts) => {
        const rule = debitRuleFor(p, calendars[mode]);
        return ts.every((t) => rule(t) === expectedDebit(t, p, calendars[mode]).total);
      }),
    );
  });

  it('daily and none agree for a tenancy that starts on a Monday and ends on a Sunday', () => {
    const monday = fc.integer({ min: 0, max: 34 }).map((n) => fromDayNumber(toDayNumber(D('2026-10-05')) + 7 * n));
    fc.assert(
      fc.property(fc.option(monday), fc.option(monday.map((m) => addDays(m, 6))), fc.integer({ min: 0, max: 100_000 }), period, (start, end, charge, p) => {
        const t = { start, end, weeklyCharge: toPence(charge) };
        return expectedDebit(t, p, calendars.daily).total === expectedDebit(t, p, calendars.none).total;
      }),
    );
  });

  function daysIn(p: { start: IsoDate; end: IsoDate }): number {
    return toDayNumber(p.end) - toDayNumber(p.start) + 1;
  }
});

describe('the calendar config', () => {
  it.each<[string, Partial<Record<keyof RentCalendarConfig, unknown>>, string[]]>([
    ['a good config', {}, []],
    ['rentYearStart not a Monday', { rentYearStart: '2026-04-07' }, ['rentYearStart 2026-04-07 is not a Monday']],
    ['rentYearStart not a date', { rentYearStart: '2026-02-30' }, ['rentYearStart 2026-02-30 is not a date (YYYY-MM-DD)']],
    ['a rent-free week not a Monday', { rentFreeWeeks: ['2026-12-22'] }, ['rent-free week 2026-12-22 is not a Monday (a rent-free week is given by its Monday)']],
    ['a rent-free week not a date', { rentFreeWeeks: ['22/12/2026'] }, ['rent-free week 22/12/2026 is not a date (YYYY-MM-DD)']],
    ['a rent-free week listed twice', { rentFreeWeeks: ['2026-12-21', '2026-12-28', '2026-12-21'] }, ['rent-free week 2026-12-21 is listed twice']],
    ['an unknown pro-rata rule', { proRata: 'weekly' }, ["proRata weekly is not 'none' or 'daily'"]],
    [
      'every problem, not just the first',
      { rentYearStart: '2026-04-07', rentFreeWeeks: ['2026-12-22', '2026-12-28', '2026-12-28'] },
      ['rentYearStart 2026-04-07 is not a Monday', 'rent-free week 2026-12-22 is not a Monday (a rent-free week is given by its Monday)', 'rent-free week 2026-12-28 is listed twice'],
    ],
  ])('%s', (_name, change, problems) => {
    expect(validateCalendarConfig({ ...base, ...change } as RentCalendarConfig)).toEqual(problems);
  });

  it('compiling refuses a rent year start that is not a Monday, and accepts a rent-free week listed twice', () => {
    expect(() => compileCalendar({ ...base, rentYearStart: D('2026-04-07') })).toThrow(/Monday/);
    const twice = compileCalendar({ ...base, rentFreeWeeks: [D('2026-12-21'), D('2026-12-21')] });
    expect(chargeableWeeks(D('2026-12-01'), D('2026-12-31'), twice)).toEqual(['2026-12-07', '2026-12-14', '2026-12-28']);
  });
});
