/**
 * The sample factoring workbook's debt sheets (tools/sample/factoring/debt.ts) as of 31/12/2026,
 * checked against figures worked out by hand below, with the issue's example ladder:
 *   reminder 14 days & £10, final notice 28 days & £10, NoPL 42 days & £250 (applies while a plan is
 *   kept), court action 70 days & £500.
 * Days past due = 31/12/2026 minus the Due Date:
 *   29/04/2026 -> 1 (30 Apr) + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 246
 *   29/07/2026 -> 2 (30, 31 Jul) + 31 + 30 + 31 + 30 + 31 = 155
 *   31/08/2026 -> 30 + 31 + 30 + 31 = 122;  01/09/2026 -> 29 + 31 + 30 + 31 = 121
 *   29/10/2026 -> 2 + 30 + 31 = 63;  10/12/2026 -> 21;  18/12/2026 -> 13;  12/01/2027 -> -12 (not yet due)
 */
import { runFactoringArrears } from '../../src/engine/jobs/factoring-arrears';
import { runFactoringNopl } from '../../src/engine/jobs/factoring-nopl';
import { sampleSheets } from './debt-support';

const { sheets, config, asOf } = sampleSheets();
const zero = { '0-30': '0.00', '31-60': '0.00', '61-90': '0.00', '91-180': '0.00', '180+': '0.00' };

describe('the sample arrears as of 31/12/2026, by hand', () => {
  const run = runFactoringArrears({ file: 'sample-factoring.xlsx', sheets, asOf, config });
  const account = (property: string, owner: string) => run.json.accounts.find((a) => a.property === property && a.owner === owner);

  it('reads the sheets without a problem and lists every account whose balance is not zero', () => {
    expect(run.issues).toEqual([]);
    expect(run.asOf).toBe('2026-12-31');
    // HC1-1 billed £150.00 and paid £150.00: balance zero, so not listed.
    expect(run.json.accounts.map((a) => `${a.owner}/${a.property}`)).toEqual([
      'OW0002/HC1-2', 'OW0003/HC1-3', 'OW0004/HC1-4', 'OW0005/HC1-5', 'OW0006/KS2-1', 'OW0007/KS2-2', 'OW0008/KS2-3', 'OW0009/WR3-1', 'OW0010/WR3-2', 'OW0011/HC1-2',
    ]);
  });

  it.each([
    // HC1-2 seller: £310.50 due 18/12, 13 days: under the reminder's 14 days; the reminder's day
    // trigger holds on 18/12 + 14 = 01/01/2027 and £310.50 >= £10 now, so that is the next action.
    ['HC1-2', 'OW0002', '310.50', { '0-30': '310.50' }, null, 'reminder', '2027-01-01', '0.00'],
    // HC1-3: £85.40 due 10/12 less a £5.40 credit (oldest first) = £80.00, 21 days: reminder
    // (21 >= 14, 80 >= 10); final notice at 28 days: 10/12 + 28 = 07/01/2027. A £80.00 payment
    // dated 05/01/2027, after the as-of date, is not counted.
    ['HC1-3', 'OW0003', '80.00', { '0-30': '80.00' }, 'reminder', 'final notice', '2027-01-07', '0.00'],
    // HC1-4: £420.00 disputed (never aged, never a trigger) + £60.00 due 29/10 (63 days, 61-90).
    // Triggers on the £60.00 only: final notice (63 >= 28); NoPL needs £250: no next action.
    ['HC1-4', 'OW0004', '480.00', { '61-90': '60.00' }, 'final notice', null, null, '420.00'],
    // HC1-5: £310 - £50 paid (to the oldest) = £260 due 29/07 (155 days, 91-180) + £95 due 29/10
    // (63, 61-90) = £355: NoPL (155 >= 42, 355 >= 250); court action needs £500: none next.
    ['HC1-5', 'OW0005', '355.00', { '61-90': '95.00', '91-180': '260.00' }, 'NoPL', null, null, '0.00'],
    // KS2-1: £540 (246 days, 180+) + £120 (155, 91-180) = £660: court action, the top of the ladder.
    ['KS2-1', 'OW0006', '660.00', { '91-180': '120.00', '180+': '540.00' }, 'court action', null, null, '0.00'],
    // KS2-2: £900 less 4 plan payments of £100 = £500 (246 days). The plan (£100 monthly from
    // 01/09) is kept, so only NoPL (which applies while a plan is kept) can hold: 246 >= 42,
    // 500 >= 250. Court action does not apply while the plan is kept: no next action.
    ['KS2-2', 'OW0007', '500.00', { '180+': '500.00' }, 'NoPL', null, null, '0.00'],
    // KS2-3: £400 due 31/08 less £200 = £200 (122 days). The plan (£100 monthly from 01/10) missed
    // December: instalment 3 due 01/12, 7 days' grace to 08/12, paid £200 < £300: broken on 09/12.
    // On 01/10 the account stood at final notice (31 days, £400). Back there; the 69 days under the
    // plan (01/10 to 09/12) do not count: 122 - 69 = 53 days, but £200 < £250, so not NoPL.
    ['KS2-3', 'OW0008', '200.00', { '91-180': '200.00' }, 'final notice', null, null, '0.00'],
    // WR3-1: £75.00 billed, £100.00 paid: £25.00 in credit; nothing aged, no stage.
    ['WR3-1', 'OW0009', '-25.00', {}, null, null, null, '0.00'],
    // WR3-2: £260 due 29/07 (155) + £25 fee due 01/09 (blank Due Date = its Date; 121 days) = £285,
    // all 91-180: NoPL (155 >= 42, 285 >= 250), court needs £500.
    ['WR3-2', 'OW0010', '285.00', { '91-180': '285.00' }, 'NoPL', null, null, '0.00'],
    // HC1-2 buyer: £40.00 due 12/01/2027, not yet due: 0-30; nothing overdue, so no stage, and the
    // reminder's balance trigger (£10 overdue) does not hold now: no next action.
    ['HC1-2', 'OW0011', '40.00', { '0-30': '40.00' }, null, null, null, '0.00'],
  ])('%s %s: balance %s, aged %j, stage %s, next %s on %s, disputed %s', (property, owner, balance, aged, stage, nextAction, nextActionOn, disputed) => {
    expect(account(property, owner)).toEqual({ owner, property, balance, aged: { ...zero, ...aged }, stage, nextAction, nextActionOn, disputed });
  });

  it('reads a day-first --as-of and writes it back as YYYY-MM-DD', () => {
    const dayFirst = runFactoringArrears({ file: 'sample-factoring.xlsx', sheets, asOf: '31/12/2026', config });
    expect(dayFirst.json).toEqual(run.json);
  });

  it('gives the plans their status', () => {
    const kept = run.accounts.find((a) => a.property === 'KS2-2');
    const broken = run.accounts.find((a) => a.property === 'KS2-3');
    expect(kept?.plan).toMatchObject({ status: 'kept', instalmentsDue: 4, due: 40000, paid: 40000 });
    expect(broken?.plan).toMatchObject({ status: 'broken', brokenOn: '2026-12-09', instalmentsDue: 3, due: 30000, paid: 20000 });
    expect(broken?.stageAtPlanStart).toBe('final notice');
    expect(broken?.pausedDays).toBe(69);
  });

  it('writes a letter for every account whose stage sends one, with the debt-advice text', () => {
    expect(run.letters.map((l) => `${l.property} ${l.letter}`)).toEqual([
      'HC1-3 reminder', 'HC1-4 final-notice', 'HC1-5 nopl-intimation', 'KS2-1 court-warning', 'KS2-2 nopl-intimation', 'KS2-3 final-notice', 'WR3-2 nopl-intimation',
    ]);
    const lines = run.lettersCsv.split('\r\n');
    expect(lines[0]).toMatch(/^Owner Ref,Owner Name,Correspondence Address,.*,Debt Advice$/);
    const hc13 = lines.find((l) => l.startsWith('OW0003,')) ?? '';
    expect(hc13).toContain(',reminder,reminder,80.00,80.00,0.00,10/12/2026,21,final notice,07/01/2027,31/12/2026,PF000123,');
    expect(hc13).toContain('Citizens Advice Scotland');
  });
});

describe('the sample NoPL register as of 31/12/2026, by hand', () => {
  const run = runFactoringNopl({ file: 'sample-factoring.xlsx', sheets, asOf, config });

  it.each([
    // Last valid day = the day before the third anniversary of registration.
    ['N-0001', '2025-03-10', '2028-03-09', 'live', null, null], // 3+ years away
    ['N-0002', '2024-01-20', '2027-01-19', 'live', 30, null], // 19 days away: <= 30
    ['N-0003', '2024-03-15', '2027-03-14', 'live', 90, null], // 31 + 28 + 14 = 73 days: <= 90
    ['N-0004', '2023-11-01', '2026-10-31', 'lapsed', null, null], // passed on 31/10/2026
    ['N-0005', '2021-06-10', '2024-06-09', 'renewed', null, 'N-0006'], // N-0006 registered 20/05/2024, in time
    ['N-0006', '2024-05-20', '2027-05-19', 'live', null, null], // 31 + 28 + 31 + 30 + 19 = 139 days
    ['N-0007', '2022-02-01', '2025-01-31', 'discharged', null, null], // discharged 10/05/2023
    ['N-0008', '2024-02-29', '2027-02-28', 'live', 60, null], // leap day: 28/02/2027; 31 + 28 = 59 days
  ])('%s registered %s: valid to %s, %s, alert %s, renewed by %s', (notice, registeredOn, lastValidDay, status, alert, renewedBy) => {
    expect(run.json.notices.find((n) => n.notice === notice)).toMatchObject({ registeredOn, lastValidDay, status, alert, renewedBy });
  });

  it('lists the account at NoPL with no live notice, and the live notices on clear accounts', () => {
    // HC1-5 is at NoPL (155 days, £355) with no notice. KS2-1, KS2-2 and WR3-2 are past NoPL's
    // triggers but hold live notices; KS2-3 owes £200, under £250.
    expect(run.json.missing).toEqual([{ property: 'HC1-5', owner: 'OW0005', balance: '355.00' }]);
    // HC1-1's balance is zero and WR3-1's is £25.00 in credit.
    expect(run.json.toDischarge).toEqual([
      { notice: 'N-0001', property: 'HC1-1', owner: 'OW0001' },
      { notice: 'N-0008', property: 'WR3-1', owner: 'OW0009' },
    ]);
  });

  it('dates prescription five years on, restarted by a payment or a written acknowledgement', () => {
    const p = (property: string, due: string) => run.prescriptions.find((x) => x.property === property && x.dueDate === due);
    // KS2-1's Q1 bill (due 29/04/2026) was acknowledged in writing on 15/06/2026.
    expect(p('KS2-1', '2026-04-29')).toMatchObject({ runsFrom: '2026-06-15', restartedBy: 'acknowledgement', prescribesOn: '2031-06-15' });
    // Its Q2 bill fell due after the acknowledgement: five years from its Due Date.
    expect(p('KS2-1', '2026-07-29')).toMatchObject({ restartedBy: null, prescribesOn: '2031-07-29' });
    // HC1-5 paid £50 on 15/09/2026, after the Q2 bill fell due.
    expect(p('HC1-5', '2026-07-29')).toMatchObject({ restartedBy: 'payment', prescribesOn: '2031-09-15' });
    // The disputed bill prescribes like any other.
    expect(p('HC1-4', '2026-07-29')).toMatchObject({ disputed: true, unpaid: 42000, prescribesOn: '2031-07-29' });
  });
});
