/**
 * The ladder's rules on hand-made accounts: ageing bounds, a disputed item never moving an account up
 * (a fast-check property), the next action's date, and repayment plans: a kept plan holds back the
 * stages that do not apply while it is kept, and a broken one re-enters the ladder where it left it.
 */
import fc from 'fast-check';
import type { RawCell } from '../../src/engine/cells';
import { DEFAULT_DEBT_PROCEDURE } from '../../src/engine/factoring/debt/debt-config';
import { ageBucket } from '../../src/engine/factoring/debt/ledger';
import { runFactoringArrears } from '../../src/engine/jobs/factoring-arrears';
import { debtWorkbook } from './debt-support';

const config = { pfNumber: 'PF000123', landlordOwnerRef: null, managementFee: 0, adminFee: 0, sampleSize: 1 } as never;
const arrears = (tx: readonly (readonly RawCell[])[], asOf: string, plans?: readonly (readonly RawCell[])[]) => {
  const r = runFactoringArrears({ file: 't.xlsx', sheets: debtWorkbook(tx, plans ? { plans } : {}), asOf, config });
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return r;
};

describe('ageing buckets', () => {
  it.each([
    [-5, '0-30'], [0, '0-30'], [30, '0-30'], [31, '31-60'], [60, '31-60'], [61, '61-90'], [90, '61-90'], [91, '91-180'], [180, '91-180'], [181, '180+'],
  ])('%i days past due is %s', (days, bucket) => {
    expect(ageBucket(days)).toBe(bucket);
  });

  it('ages a bill due exactly 30 days before in 0-30 and one due 31 days before in 31-60', () => {
    const r = arrears([['O1', 'P1', '2026-11-01', '2026-12-01', 'BILL', 10, 'a', 'N'], ['O1', 'P1', '2026-11-01', '2026-11-30', 'BILL', 20, 'b', 'N']], '2026-12-31');
    expect(r.json.accounts[0]?.aged).toMatchObject({ '0-30': '10.00', '31-60': '20.00' });
  });
});

describe('payments to the oldest undisputed debit', () => {
  it('clears by Due Date, then sheet order, and never clears a disputed item', () => {
    const r = arrears(
      [
        ['O1', 'P1', '2026-01-01', '2026-09-01', 'BILL', 100, 'later due, first row', 'N'],
        ['O1', 'P1', '2026-02-01', '2026-03-01', 'BILL', 50, 'disputed, oldest', 'Y'],
        ['O1', 'P1', '2026-03-01', '2026-04-01', 'BILL', 70, 'oldest undisputed', 'N'],
        ['O1', 'P1', '2026-05-01', '', 'PAYMENT', -90, 'pay', 'N'],
      ],
      '2026-12-31',
    );
    // £90 clears the £70 due 01/04 and £20 of the £100 due 01/09; the disputed £50 stays.
    const a = r.accounts[0];
    expect(a?.debt.open.map((o) => [o.tx.reference, o.unpaid])).toEqual([['later due, first row', 8000]]);
    expect(r.json.accounts[0]).toMatchObject({ balance: '130.00', disputed: '50.00', aged: { '91-180': '80.00' } });
  });
});

describe('a disputed item never moves an account up the ladder', () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => {
    const d = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const debit = fc.record({ date: day, dueIn: fc.integer({ min: 0, max: 60 }), pence: fc.integer({ min: 1, max: 200_000 }) });
  it('adding a disputed debit of any size and age leaves the stage and next action as they were', () => {
    fc.assert(
      fc.property(fc.array(debit, { maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 3 }), debit, (bills, payments, extra) => {
        const rows: RawCell[][] = bills.map((b, i) => ['O1', 'P1', b.date, b.date, 'BILL', b.pence / 100, `b${i}`, 'N']);
        payments.forEach((p, i) => rows.push(['O1', 'P1', '2026-06-01', '', 'PAYMENT', -p / 100, `p${i}`, 'N']));
        const base = runFactoringArrears({ file: 't.xlsx', sheets: debtWorkbook([...rows, ['O1', 'P1', '2026-01-01', '', 'BILL', 0.01, 'keeps the account', 'N']]), asOf: '2027-03-01', config });
        const withDispute = runFactoringArrears({ file: 't.xlsx', sheets: debtWorkbook([...rows, ['O1', 'P1', '2026-01-01', '', 'BILL', 0.01, 'keeps the account', 'N'], ['O1', 'P1', extra.date, extra.date, 'BILL', extra.pence / 100, 'disputed', 'Y']]), asOf: '2027-03-01', config });
        const stageIndex = (s: string | null | undefined) => DEFAULT_DEBT_PROCEDURE.stages.findIndex((x) => x.name === s);
        const before = base.allAccounts[0];
        const after = withDispute.allAccounts[0];
        expect(stageIndex(after?.stage)).toBeLessThanOrEqual(stageIndex(before?.stage));
        expect([after?.stage, after?.nextAction, after?.nextActionOn, after?.aged]).toEqual([before?.stage, before?.nextAction, before?.nextActionOn, before?.aged]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the next action', () => {
  it('is the next stage up on the day its day trigger holds, only when its balance trigger holds now', () => {
    // £30 due 01/12: 30 days on 31/12: final notice (28). NoPL needs £250: no next action.
    const small = arrears([['O1', 'P1', '2026-11-01', '2026-12-01', 'BILL', 30, 'a', 'N']], '2026-12-31');
    expect(small.json.accounts[0]).toMatchObject({ stage: 'final notice', nextAction: null, nextActionOn: null });
    // £300 due 01/12: NoPL's balance holds; its day trigger holds 42 days after 01/12: 12/01/2027.
    const big = arrears([['O1', 'P1', '2026-11-01', '2026-12-01', 'BILL', 300, 'a', 'N']], '2026-12-31');
    expect(big.json.accounts[0]).toMatchObject({ stage: 'final notice', nextAction: 'NoPL', nextActionOn: '2027-01-12' });
  });
});

describe('repayment plans', () => {
  // £400 due 31/08/2026; a £100 monthly plan from 01/10/2026. On 01/10 the account was at final
  // notice (31 days, £400 overdue).
  const bill = ['O1', 'P1', '2026-08-03', '2026-08-31', 'BILL', 400, 'bill', 'N'];
  const plan = [['O1', 'P1', '2026-10-01', 100, 'MONTHLY', '', 'Fiona Reid']];
  const paid = (...dates: string[]) => dates.map((d, i) => ['O1', 'P1', d, '', 'PAYMENT', -100, `plan ${i + 1}`, 'N']);

  it('a kept plan holds back the stages that do not apply while it is kept', () => {
    const r = arrears([bill, ...paid('2026-10-01', '2026-11-01', '2026-12-01')], '2026-12-31', plan);
    // £100 left, 122 days: without the plan, final notice (28 days, £10); with it kept, none of
    // reminder or final notice applies, and NoPL needs £250.
    expect(r.accounts[0]?.plan?.status).toBe('kept');
    expect(r.json.accounts[0]).toMatchObject({ balance: '100.00', stage: null, nextAction: null });
    const without = arrears([bill, ...paid('2026-10-01', '2026-11-01', '2026-12-01')], '2026-12-31');
    expect(without.json.accounts[0]).toMatchObject({ stage: 'final notice' });
  });

  it('an instalment paid within the grace days keeps the plan; one later breaks it the day after the grace', () => {
    const inGrace = arrears([bill, ...paid('2026-10-01', '2026-11-08', '2026-12-01')], '2026-12-31', plan);
    expect(inGrace.accounts[0]?.plan).toMatchObject({ status: 'kept' });
    const late = arrears([bill, ...paid('2026-10-01', '2026-11-09', '2026-12-01')], '2026-12-31', plan);
    expect(late.accounts[0]?.plan).toMatchObject({ status: 'broken', brokenOn: '2026-11-09' });
  });

  it('a broken plan re-escalates: back at the stage it left, then up the ladder as the days run again', () => {
    // December missed: broken on 09/12 (01/12 + 7 days' grace + 1). £200 left.
    const kept = arrears([bill, ...paid('2026-10-01', '2026-11-01', '2026-12-01')], '2026-12-31', plan);
    const broken = arrears([bill, ...paid('2026-10-01', '2026-11-01')], '2026-12-31', plan);
    expect(kept.json.accounts[0]?.stage).toBeNull();
    expect(broken.accounts[0]?.plan).toMatchObject({ status: 'broken', brokenOn: '2026-12-09' });
    expect(broken.json.accounts[0]).toMatchObject({ balance: '200.00', stage: 'final notice' });
    // A bigger debt: £1,000 with the same plan, broken the same way, £800 left. Paused 01/10 to
    // 09/12 = 69 days, so on 31/12 it counts 122 - 69 = 53 days: NoPL (42, £250); court action (70,
    // £500) on 31/08 + 69 + 70 = 17/01/2027.
    const big = arrears([['O1', 'P1', '2026-08-03', '2026-08-31', 'BILL', 1000, 'bill', 'N'], ...paid('2026-10-01', '2026-11-01')], '2026-12-31', plan);
    expect(big.json.accounts[0]).toMatchObject({ balance: '800.00', stage: 'NoPL', nextAction: 'court action', nextActionOn: '2027-01-17' });
    // On 17/01/2027 it reaches court action.
    const later = arrears([['O1', 'P1', '2026-08-03', '2026-08-31', 'BILL', 1000, 'bill', 'N'], ...paid('2026-10-01', '2026-11-01')], '2027-01-17', plan);
    expect(later.json.accounts[0]).toMatchObject({ stage: 'court action' });
  });
});

describe('a plan on a cleared account', () => {
  it('puts the account on no stage even when the plan was broken on the way', () => {
    const plan = [['O1', 'P1', '2026-10-01', 100, 'MONTHLY', '', 'Fiona Reid']];
    const r = arrears(
      [['O1', 'P1', '2026-08-03', '2026-08-31', 'BILL', 400, 'bill', 'N'], ['O1', 'P1', '2026-08-03', '2026-08-31', 'BILL', 20, 'disputed', 'Y'], ['O1', 'P1', '2026-10-01', '', 'PAYMENT', -100, 'p1', 'N'], ['O1', 'P1', '2026-12-20', '', 'PAYMENT', -300, 'the rest', 'N']],
      '2026-12-31',
      plan,
    );
    // November was missed (broken on 09/11), then the rest was paid on 20/12: only the disputed £20 is left.
    expect(r.accounts[0]?.plan).toMatchObject({ status: 'cleared', brokenOn: '2026-11-09' });
    expect(r.json.accounts[0]).toMatchObject({ balance: '20.00', disputed: '20.00', stage: null, nextAction: null });
  });
});

describe('bad input is located', () => {
  it('names the cell of a bad type, a wrong sign, a bad Disputed flag and a bad date', () => {
    const r = runFactoringArrears({
      file: 't.xlsx',
      sheets: debtWorkbook([
        ['O1', 'P1', '2026-01-01', '', 'INVOICE', 10, 'a', 'N'],
        ['O1', 'P1', '2026-01-01', '', 'PAYMENT', 10, 'b', 'N'],
        ['O1', 'P1', '2026-01-01', '', 'BILL', 10, 'c', 'maybe'],
        ['O1', 'P1', '31/02/2026', '', 'BILL', 10, 'd', 'N'],
      ]),
      asOf: '2026-12-31',
      config,
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.location.a1])).toEqual([
      ['debt.type-invalid', "'Owner Transactions'!E2"],
      ['debt.sign-invalid', "'Owner Transactions'!F3"],
      ['factoring.yes-no-invalid', "'Owner Transactions'!H4"],
      ['date.invalid', "'Owner Transactions'!C5"],
    ]);
  });
});
