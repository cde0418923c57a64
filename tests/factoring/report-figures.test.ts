/**
 * The P&L and KPI figures of `factoring report` (issue 16, item 5), each worked by hand on a small
 * input: the year to date, bills on time, percentages as Excel's ROUND gives them, every KPI, the
 * P&L's lines against budget, and the Costs sheet and budget file read with located issues.
 */
import type { SheetData } from '../../src/engine/cells';
import type { IsoDate } from '../../src/engine/dates';
import type { Pence } from '../../src/engine/money';
import { readBudget } from '../../src/engine/factoring/report/budget';
import { readCosts } from '../../src/engine/factoring/report/costs';
import {
  billOnTime,
  buildPnl,
  computeKpis,
  percent,
  yearToDate,
  type DebtAccount,
  type DetailLine,
  type NoticeLine,
  type ReportTransaction,
} from '../../src/engine/factoring/report/figures';

const p = (pounds: number): Pence => Math.round(pounds * 100) as Pence;
const d = (s: string): IsoDate => s as IsoDate;

describe('the year to date', () => {
  it.each([
    ['2026-12', '2026-04', 9],
    ['2026-04', '2026-04', 1],
    ['2027-03', '2026-04', 12],
    ['2027-01', '2026-04', 10],
  ])('%s runs from %s (%i months): the year starts in April', (month, first, n) => {
    const months = yearToDate(month);
    expect(months[0]).toBe(first);
    expect(months).toHaveLength(n);
    expect(months.at(-1)).toBe(month);
  });
});

describe('bills on time', () => {
  it.each([
    ['2026-10-30', true, '30 days after 30/09'],
    ['2026-10-31', false, '31 days after 30/09'],
    ['2026-01-30', true, '30 days after 31/12/2025'],
    ['2026-04-01', true, 'the day after 31/03'],
    ['2026-08-03', false, '34 days after 30/06'],
  ])('a bill dated %s is on time: %s (%s)', (date, onTime) => {
    expect(billOnTime(d(date))).toBe(onTime);
  });
});

describe('percentages', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half away from zero, as Excel's ROUND does
    [5, 0, 0],
  ])('%i of %i is %d%%', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

const tx = (owner: string, date: string, type: ReportTransaction['type'], pounds: number): ReportTransaction => ({
  owner,
  property: `${owner}-P`,
  date: d(date),
  dueDate: d(date),
  type,
  amount: p(pounds),
  reference: '',
  disputed: false,
});

const zeroAged = { '0-30': p(0), '31-60': p(0), '61-90': p(0), '91-180': p(0), '180+': p(0) };

describe('the KPIs, by hand', () => {
  // Billed 100 + 200 + FEE 25 = 325; collected 150 + 10; arrears: A owes 175, B is 10 in credit.
  const yearTransactions = [tx('A', '2026-04-01', 'BILL', 100), tx('A', '2026-08-15', 'BILL', 200), tx('A', '2026-09-01', 'FEE', 25), tx('A', '2026-09-10', 'PAYMENT', -150), tx('B', '2026-05-01', 'PAYMENT', -10)];
  const accounts: DebtAccount[] = [
    { owner: 'A', property: 'A-P', balance: p(175), aged: { ...zeroAged, '91-180': p(175) }, disputed: p(0), stage: 'Final notice', nextAction: null, nextActionOn: null, lastBill: d('2026-08-15') },
    { owner: 'B', property: 'B-P', balance: p(-10), aged: zeroAged, disputed: p(40), stage: null, nextAction: null, nextActionOn: null, lastBill: d('2025-12-01') },
  ];
  const notice = (status: NoticeLine['status'], alert: NoticeLine['alert'], toDischarge = false): NoticeLine => ({ notice: 'N', property: 'P', owner: 'O', registeredOn: null, lastValidDay: null, status, alert, renewedBy: null, toDischarge });
  const notices = [notice('live', null), notice('live', 30), notice('live', 90, true), notice('lapsed', null), notice('renewed', null), notice('missing', null)];
  const detail: DetailLine[] = [
    { month: '2026-06', group: 'Own income', line: 'Management fees', source: '', reference: '', amount: p(1000) },
    { month: '2026-09', group: 'Own income', line: 'Legal costs recovered', source: '', reference: '', amount: p(25) },
    { month: '2026-09', group: 'Costs', line: 'Staff', source: '', reference: '', amount: p(500) },
  ];
  const pnl = buildPnl('2026-12', detail, null);
  const k = computeKpis({ asOf: d('2026-12-31'), yearTransactions, accounts, notices, units: 4, pnl });

  it("collection rate: 160 collected (A's 150, B's 10) of 325 billed is 49.2%", () => {
    expect(k.billedInYear).toBe(p(325));
    expect(k.collectedInYear).toBe(p(160));
    expect(k.collectionRate).toBe(49.2);
  });
  it('arrears as % of billed: the 175 owed (the credit is not arrears) of 325 is 53.8%', () => {
    expect(k.arrears).toBe(p(175));
    expect(k.arrearsPercent).toBe(53.8);
  });
  it('aged debt sums the accounts by bucket, disputed apart', () => {
    expect(k.aged['91-180']).toBe(p(175));
    expect(k.aged['0-30']).toBe(p(0));
    expect(k.disputed).toBe(p(40));
  });
  it('NoPL health: live, expiring (a live notice with an alert), missing, lapsed, to discharge', () => {
    expect(k.notices).toEqual({ live: 3, expiring: 2, missing: 1, lapsed: 1, toDischarge: 1 });
  });
  it('bills on time: 1 of 2 (15/08 is 46 days after 30/06)', () => {
    expect(k.billsOnTime).toBe(50);
  });
  it('statements: A billed within 12 months, B last on 01/12/2025: 50%', () => {
    expect(k.statementsOnTime).toBe(50);
  });
  it('fee per unit: £1,000 management fees over 4 units is £250.00', () => {
    expect(k.feePerUnit).toBe(p(250));
  });
  it('cost recovery: own income £1,025 over costs £500 is 205%', () => {
    expect(k.costRecovery).toBe(205);
  });
});

describe('the P&L against budget', () => {
  const detail: DetailLine[] = [
    { month: '2026-06', group: 'Own income', line: 'Management fees', source: '', reference: '', amount: p(300) },
    { month: '2026-12', group: 'Own income', line: 'Management fees', source: '', reference: '', amount: p(310) },
    { month: '2026-12', group: 'Recharges', line: 'Insurance', source: '', reference: '', amount: p(900) },
    { month: '2026-11', group: 'Costs', line: 'Staff', source: '', reference: '', amount: p(250) },
    { month: '2026-12', group: 'Costs', line: 'staff', source: '', reference: '', amount: p(250) },
    { month: '2026-12', group: 'Write-offs', line: 'Write-offs', source: '', reference: '', amount: p(40) },
  ];
  const budget = [
    { line: 'Management fees', month: '2026-06', amount: p(300), row: 2 },
    { line: 'management  fees', month: '2027-03', amount: p(300), row: 3 }, // after December: not in the year to date
    { line: 'Audit', month: '2026-12', amount: p(100), row: 4 },
    { line: 'STAFF', month: '2026-12', amount: p(450), row: 5 },
  ];
  const pnl = buildPnl('2026-12', detail, budget);
  const line = (name: string) => pnl.lines.find((l) => l.line.toUpperCase() === name.toUpperCase());

  it('sums each line for the month and the year to date, categories compared without case', () => {
    expect(line('Management fees')).toMatchObject({ month: p(310), yearToDate: p(610), budget: p(300) });
    expect(line('Staff')).toMatchObject({ month: p(250), yearToDate: p(500), budget: p(450) });
  });
  it('keeps recharges out of own income and shows a budgeted category with no costs yet', () => {
    expect(pnl.totals.ownIncome).toBe(p(610));
    expect(pnl.totals.recharges).toBe(p(900));
    expect(line('Audit')).toMatchObject({ group: 'Costs', yearToDate: p(0), budget: p(100) });
    expect(pnl.totals.costs).toBe(p(500));
    expect(pnl.totals.net).toBe(p(610 - 500 - 40));
    expect(pnl.budgetTotals).toEqual({ ownIncome: p(300), costs: p(550), writeOffs: p(0), net: p(-250) });
  });
  it('gives each month of the year its own income, costs and write-offs', () => {
    expect(pnl.byMonth.map((m) => m.month)).toEqual(yearToDate('2026-12'));
    expect(pnl.byMonth.find((m) => m.month === '2026-12')).toEqual({ month: '2026-12', ownIncome: p(310), costs: p(250), writeOffs: p(40) });
  });
});

describe('the budget file', () => {
  it('reads Line, Month and Amount', () => {
    const r = readBudget('budget.csv', 'Line,Month,Amount\r\nManagement fees,2026-06,"1,500.00"\r\nStaff,2026-07,250\r\n');
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { line: 'Management fees', month: '2026-06', amount: p(1500), row: 2 },
      { line: 'Staff', month: '2026-07', amount: p(250), row: 3 },
    ]);
  });
  it.each([
    ['Line,Month\nStaff,2026-07\n', 'report.budget-column-missing', 1, null],
    ['Line,Month,Amount\nStaff,July,250\n', 'report.budget-month-invalid', 2, 'B'],
    ['Line,Month,Amount\nStaff,2026-07,12.345\n', 'report.budget-amount-invalid', 2, 'C'],
    ['Line,Month,Amount\n\nStaff,2026-07,1\nstaff,2026-07,2\n', 'report.budget-duplicate', 4, 'A'],
    ['Line,Month,Amount\n,2026-07,1\n', 'ref.blank', 2, 'A'],
  ])('names the row and column of a problem: %j', (text, code, row, column) => {
    const r = readBudget('budget.csv', text);
    expect(r.issues[0]).toMatchObject({ code, severity: 'error', location: { file: 'budget.csv', row, column } });
  });
});

describe('the Costs sheet', () => {
  const sheet = (name: string, rows: SheetData['rows']): SheetData => ({ name, originRow: 1, originCol: 1, rows });
  it('is found by its headers under a title row, and a bad amount is a located issue', () => {
    const r = readCosts('f.xlsx', [
      sheet('Owner Transactions', [['Owner Ref', 'Property Ref', 'Date', 'Due Date', 'Type', 'Amount', 'Reference', 'Disputed']]),
      sheet('Running costs', [['Costs 2026/27'], ['Date', 'Category', 'Description', 'Amount'], ['03/05/2026', 'Staff', 'May', 250], ['04/05/2026', ' staff ', 'extra', 'ten pounds']]),
    ]);
    expect(r.sheet).toBe('Running costs');
    expect(r.costs).toEqual([{ date: '2026-05-03', category: 'Staff', description: 'May', amount: p(250), sheet: 'Running costs', row: 3 }]);
    expect(r.issues[0]).toMatchObject({ code: 'amount.not-number', location: { sheet: 'Running costs', a1: "'Running costs'!D4" } });
  });
  it('is optional: a workbook without one has no costs, and Owner Transactions is not taken for it', () => {
    const r = readCosts('f.xlsx', [sheet('Owner Transactions', [['Owner Ref', 'Property Ref', 'Date', 'Due Date', 'Type', 'Amount', 'Reference', 'Disputed'], ['OW1', 'P1', '01/05/2026', null, 'BILL', 10, '', 'N']])]);
    expect(r).toEqual({ costs: [], sheet: null, issues: [] });
  });
});
