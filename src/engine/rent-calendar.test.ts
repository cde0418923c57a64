import fc from 'fast-check';
import { addDays, type IsoDate } from './dates';
import { toPence } from './money';
import {
  chargeableWeeks,
  compileCalendar,
  expectedDebit,
  monthlyEquivalent,
  rentWeekNumber,
  rentYearOf,
  validateCalendarConfig,
  type RentCalendarConfig,
} from './rent-calendar';

const D = (s: string): IsoDate => s as IsoDate;
const base: RentCalendarConfig = { rentYearStart: D('2026-04-06'), rentFreeWeeks: [], proRata: 'none' };
const cal = compileCalendar(base);
// One council's non-charge weeks for 2024/25 (DOMAIN.md section 2).
const council = compileCalendar({ ...base, rentFreeWeeks: ['2024-04-01', '2024-12-23', '2024-12-30', '2025-03-31'].map(D) });

describe('rent years', () => {
  it.each([
    ['2024-06-01', '2024-04-01', '2025-04-06', 53, '2024/25'],
    ['2025-06-01', '2025-04-07', '2026-04-05', 52, '2025/26'],
    ['2026-12-25', '2026-04-06', '2027-04-04', 52, '2026/27'],
    ['2027-03-31', '2026-04-06', '2027-04-04', 52, '2026/27'],
    ['2030-05-01', '2030-04-01', '2031-04-06', 53, '2030/31'],
    ['2026-04-05', '2025-04-07', '2026-04-05', 52, '2025/26'],
  ])('%s is in the rent year %s to %s (%i weeks, %s)', (date, start, end, weeks, label) => {
    expect(rentYearOf(D(date), cal)).toEqual({ start, end, weekCount: weeks, label });
  });

  it('numbers weeks from 1 within the rent year', () => {
    expect(rentWeekNumber(D('2026-04-06'), cal)).toBe(1);
    expect(rentWeekNumber(D('2027-03-29'), cal)).toBe(52);
    expect(rentWeekNumber(D('2025-03-31'), cal)).toBe(53);
  });

  it('a 53-week year with four rent-free weeks charges 49 weeks', () => {
    const y = rentYearOf(D('2024-06-01'), council);
    expect(chargeableWeeks(y.start, y.end, council)).toHaveLength(49);
  });

  it('checks the config', () => {
    expect(validateCalendarConfig(base)).toEqual([]);
    expect(validateCalendarConfig({ ...base, rentYearStart: D('2026-04-07'), rentFreeWeeks: [D('2026-12-22'), D('2026-12-28'), D('2026-12-28')] })).toEqual([
      'rentYearStart 2026-04-07 is not a Monday',
      'rent-free week 2026-12-22 is not a Monday',
      'rent-free week 2026-12-28 is listed twice',
    ]);
  });

  it('monthly payers pay weekly charge x chargeable weeks / 12', () => {
    expect(monthlyEquivalent(toPence(10000), cal, D('2026-12-01'))).toBe(43333); // 52 weeks
    expect(monthlyEquivalent(toPence(10000), council, D('2024-12-01'))).toBe(40833); // 49 weeks
  });
});

describe('the debit of a period', () => {
  const dec = { start: D('2026-12-01'), end: D('2026-12-31') };
  const xmas = compileCalendar({ ...base, rentFreeWeeks: [D('2026-12-21'), D('2026-12-28')] });
  const weekly = toPence(10000);

  it.each([
    ['a whole month', null, null, 4],
    ['starting on a Monday: charged that week', '2026-12-14', null, 3],
    ['starting on a Tuesday: not charged that week', '2026-12-15', null, 2],
    ['ending on a Monday: charged that week', null, '2026-12-14', 2],
    ['ending on the Sunday before: not charged', null, '2026-12-13', 1],
    ['ended before the period', null, '2026-11-30', 0],
    ['starting after the period', '2027-01-04', null, 0],
  ])('%s', (_name, start, end, weeks) => {
    const r = expectedDebit({ start: start as IsoDate | null, end: end as IsoDate | null, weeklyCharge: weekly }, dec, cal);
    expect(r.weeks).toHaveLength(weeks);
    expect(r.total).toBe(weeks * 10000);
  });

  it('rent-free weeks are not charged', () => {
    expect(expectedDebit({ start: null, end: null, weeklyCharge: weekly }, dec, xmas).weeks.map((w) => w.monday)).toEqual(['2026-12-07', '2026-12-14']);
  });

  it('pro rata by days for part weeks, rounded half-up', () => {
    const daily = compileCalendar({ ...base, proRata: 'daily' });
    // starts Friday 11th: Fri-Sun = 3 days of 100.00 = 42.86
    const start = expectedDebit({ start: D('2026-12-11'), end: null, weeklyCharge: weekly }, dec, daily);
    expect(start.weeks[0]).toEqual({ monday: '2026-12-07', amount: 4286, days: 3 });
    // ends Wednesday 16th: Mon-Wed = 3 days
    const end = expectedDebit({ start: null, end: D('2026-12-16'), weeklyCharge: weekly }, dec, daily);
    expect(end.weeks.map((w) => w.days)).toEqual([7, 3]);
    // starts and ends in the same week: Tue 8th to Thu 10th = 3 days
    const both = expectedDebit({ start: D('2026-12-08'), end: D('2026-12-10'), weeklyCharge: weekly }, dec, daily);
    expect(both).toEqual({ total: 4286, weeks: [{ monday: '2026-12-07', amount: 4286, days: 3 }] });
  });

  it('property: the total is the sum of weeks; whole weeks x charge; a split period gives the same total', () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addDays(D('2026-11-01'), n));
    fc.assert(
      fc.property(day, fc.option(day), fc.option(day), fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 1, max: 60 }), (from, s, e, charge, split) => {
        const to = addDays(from, 60);
        const cut = addDays(from, split - 1);
        const t = { start: s, end: e, weeklyCharge: toPence(charge) };
        const whole = expectedDebit(t, { start: from, end: to }, xmas);
        const a = expectedDebit(t, { start: from, end: cut }, xmas);
        const b = expectedDebit(t, { start: addDays(cut, 1), end: to }, xmas);
        return (
          whole.total === whole.weeks.reduce((x, w) => x + w.amount, 0) &&
          whole.total === charge * whole.weeks.length &&
          a.total + b.total === whole.total
        );
      }),
    );
  });
});
