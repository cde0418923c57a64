/**
 * NoPL expiry: the last valid day is the day before the third anniversary of registration (TC(S)A
 * 2003 s.10A(3), T(S)A 2004 s.13(3): "3 years beginning with the date of its registration"), across
 * month and year ends, and for a registration on 29 February (anniversary 1 March in a common year,
 * so valid to 28 February; docs/factoring-debt.md gives the source). Alerts at 90, 60 and 30 days;
 * renewals in time and too late; prescription across the leap day.
 */
import type { IsoDate } from '../../src/engine/dates';
import { anniversary } from '../../src/engine/factoring/debt/anniversary';
import { noplAlert, noplLastValidDay } from '../../src/engine/factoring/debt/nopl';
import { runFactoringNopl } from '../../src/engine/jobs/factoring-nopl';
import { debtWorkbook } from './debt-support';

const config = { pfNumber: 'PF000123', landlordOwnerRef: null, managementFee: 0, adminFee: 0, sampleSize: 1 } as never;

describe('the last valid day of a notice', () => {
  it.each([
    ['2024-03-15', '2027-03-14'], // the issue's example
    ['2024-01-31', '2027-01-30'], // month end
    ['2024-03-01', '2027-02-28'], // the day before 1 March 2027 is 28 February (2027 is a common year)
    ['2025-03-01', '2028-02-29'], // ... and 29 February when the third anniversary falls in a leap year
    ['2023-12-31', '2026-12-30'], // year end
    ['2024-01-01', '2026-12-31'], // a period beginning on 1 January ends on 31 December
    ['2024-02-29', '2027-02-28'], // the leap day: anniversary 1 March 2027, so valid to 28 February 2027
    ['2024-02-28', '2027-02-27'], // the day before the leap day keeps its own anniversary
    ['2023-02-28', '2026-02-27'],
    ['2028-02-29', '2031-02-28'],
    ['2020-02-29', '2023-02-28'],
  ])('registered %s: valid to %s', (registered, last) => {
    expect(noplLastValidDay(registered as IsoDate)).toBe(last);
  });

  it('keeps a leap-day notice for three full years of days (1,096: 366 + 365 + 365)', () => {
    const days = (Date.parse('2027-02-28') - Date.parse('2024-02-29')) / 86_400_000 + 1;
    expect(days).toBe(1096);
    expect(noplLastValidDay('2024-02-29' as IsoDate)).toBe('2027-02-28');
  });

  it('takes 1 March as the anniversary of 29 February in a common year, for prescription too', () => {
    expect(anniversary('2024-02-29' as IsoDate, 5)).toBe('2029-03-01');
    expect(anniversary('2024-02-29' as IsoDate, 4)).toBe('2028-02-29');
  });
});

describe('alerts', () => {
  it.each([
    [0, 30], [30, 30], [31, 60], [60, 60], [61, 90], [90, 90], [91, null],
  ])('%i days left: alert %s', (days, alert) => {
    expect(noplAlert(days)).toBe(alert);
  });

  it('counts the days across a month end: registered 29/02/2024, valid to 28/02/2027', () => {
    const at = (asOf: string) => runFactoringNopl({ file: 't.xlsx', sheets: debtWorkbook([], { nopl: [['N1', 'P1', 'O1', '29/02/2024', 100, '', '']] }), asOf, config }).json.notices[0];
    expect(at('2026-11-30')).toMatchObject({ lastValidDay: '2027-02-28', status: 'live', alert: 90 }); // 31 + 31 + 28 = 90
    expect(at('2026-11-29')).toMatchObject({ alert: null }); // 91 days
    expect(at('2026-12-30')).toMatchObject({ alert: 60 }); // 1 + 31 + 28 = 60
    expect(at('2027-01-29')).toMatchObject({ alert: 30 }); // 2 + 28 = 30
    expect(at('2027-02-28')).toMatchObject({ status: 'live', alert: 30 }); // its last valid day
    expect(at('2027-03-01')).toMatchObject({ status: 'lapsed', alert: null });
  });
});

describe('renewals, discharges and missing notices', () => {
  it('a renewal registered by the last valid day renews; one after it is a new notice and is flagged', () => {
    const r = runFactoringNopl({
      file: 't.xlsx',
      sheets: debtWorkbook([], {
        nopl: [
          ['N1', 'P1', 'O1', '2023-01-31', 100, '', ''],
          ['N2', 'P1', 'O1', '2026-01-30', 100, '', 'N1'], // N1's last valid day
          ['N3', 'P2', 'O2', '2023-01-31', 100, '', ''],
          ['N4', 'P2', 'O2', '2026-01-31', 100, '', 'N3'], // a day late
        ],
      }),
      asOf: '2026-06-30',
      config,
    });
    expect(r.json.notices.map((n) => [n.notice, n.status, n.renewedBy])).toEqual([
      ['N1', 'renewed', 'N2'],
      ['N2', 'live', null],
      ['N3', 'lapsed', null],
      ['N4', 'live', null],
    ]);
    expect(r.issues.map((i) => [i.code, i.location.a1])).toEqual([['debt.renewal-late', "'NoPL'!G5"]]);
  });

  it('a notice discharged on or before the day is discharged; one registered after the day is left out', () => {
    const r = runFactoringNopl({
      file: 't.xlsx',
      sheets: debtWorkbook([], { nopl: [['N1', 'P1', 'O1', '2025-01-10', 100, '2026-06-30', ''], ['N2', 'P1', 'O1', '2026-07-01', 100, '', '']] }),
      asOf: '2026-06-30',
      config,
    });
    expect(r.json.notices).toEqual([{ notice: 'N1', property: 'P1', owner: 'O1', registeredOn: '2025-01-10', lastValidDay: '2028-01-09', status: 'discharged', alert: null, renewedBy: null }]);
  });

  it('an account past the NoPL triggers is missing only while no live notice is on its property', () => {
    const tx = [['O1', 'P1', '2026-01-01', '2026-02-01', 'BILL', 300, 'a', 'N']];
    const run = (nopl: (string | number)[][]) => runFactoringNopl({ file: 't.xlsx', sheets: debtWorkbook(tx, { nopl }), asOf: '2026-06-30', config }).json;
    expect(run([]).missing).toEqual([{ property: 'P1', owner: 'O1', balance: '300.00' }]);
    expect(run([['N1', 'P1', 'O1', '2025-01-10', 300, '', '']]).missing).toEqual([]);
    expect(run([['N1', 'P1', 'O1', '2023-01-10', 300, '', '']]).missing).toHaveLength(1); // lapsed 09/01/2026
  });
});
