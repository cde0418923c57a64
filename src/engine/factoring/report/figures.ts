/**
 * The P&L and the KPIs of the factoring service as numbers (issue 16, item 5), before any sheet:
 * the detail lines every figure is summed from, the P&L lines by month and year to date against
 * budget, and each KPI. docs/factoring-report.md defines each figure in words; the sheets
 * (./sheets.ts) write the same figures as formulas over the detail sheets, and a recalculation must
 * give these numbers.
 *
 * The year runs from 1 April to 31 March, as a Scottish housing association's financial year does.
 */
import { addDays, daysBetween, isoDate, monthPeriod, type IsoDate } from '../../dates';
import { mulDiv, sumPence, toPence, ZERO, type Pence } from '../../money';
import type { BillRun } from '../bill-run';
import type { BudgetRow } from './budget';
import { categoryKey, type CostRow } from './costs';

export type Group = 'Own income' | 'Recharges' | 'Costs' | 'Write-offs';

/** One amount the P&L sums: positive as its group counts it (income, cost or write-off). */
export interface DetailLine {
  /** YYYY-MM: the month it falls in. */
  readonly month: string;
  readonly group: Group;
  readonly line: string;
  readonly source: string;
  readonly reference: string;
  readonly amount: Pence;
}

export const LINE = {
  management: 'Management fees',
  admin: 'Admin fees',
  legal: 'Legal costs recovered',
  repairs: 'Repairs and services',
  insurance: 'Insurance',
  writeOffs: 'Write-offs',
} as const;

/** The first month of the financial year holding `month`: April. */
export const YEAR_START_MONTH = 4;

/** The months of the year to date, April first, ending with `month` (YYYY-MM). */
export function yearToDate(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const startYear = m >= YEAR_START_MONTH ? y : y - 1;
  const out: string[] = [];
  for (let yy = startYear, mm = YEAR_START_MONTH; ; ) {
    const label = `${yy}-${String(mm).padStart(2, '0')}`;
    out.push(label);
    if (label === month) return out;
    mm++;
    if (mm > 12) {
      mm = 1;
      yy++;
    }
  }
}

/** First and last day of the year to date. */
export function yearRange(month: string): { start: IsoDate; end: IsoDate } {
  const months = yearToDate(month);
  const first = monthPeriod(months[0] as string);
  const last = monthPeriod(month);
  if (!first || !last) throw new Error(`not a month: ${month}`);
  return { start: first.start, end: last.end };
}

/** Owner transactions as the contract has them (issue 16): amounts signed as the owner's debt. */
export type TransactionType = 'BILL' | 'PAYMENT' | 'ADJUSTMENT' | 'WRITEOFF' | 'FEE';

export interface ReportTransaction {
  readonly owner: string;
  readonly property: string;
  readonly date: IsoDate;
  readonly dueDate: IsoDate;
  readonly type: TransactionType;
  readonly amount: Pence;
  readonly reference: string;
  readonly disputed: boolean;
}

/** A quarter's bill run is recognised in its last month, when its postings are dated (outputs.ts). */
export function billRunLines(run: BillRun): DetailLine[] {
  const month = run.quarter.end.slice(0, 7);
  const source = `bill run ${run.quarter.label}`;
  const t = run.totals;
  const line = (group: Group, name: string, amount: Pence): DetailLine => ({ month, group, line: name, source, reference: run.quarter.label, amount });
  return [line('Own income', LINE.management, t.fees), line('Own income', LINE.admin, t.adminFees), line('Recharges', LINE.repairs, t.costs), line('Recharges', LINE.insurance, t.insurance)];
}

/** FEE transactions are the debt procedure's costs charged to owners; WRITEOFF transactions are write-offs (shown positive). */
export function transactionLines(transactions: readonly ReportTransaction[], months: ReadonlySet<string>): DetailLine[] {
  const out: DetailLine[] = [];
  for (const t of transactions) {
    const month = t.date.slice(0, 7);
    if (!months.has(month)) continue;
    const ref = `${t.owner} ${t.property}${t.reference ? ` ${t.reference}` : ''}`;
    if (t.type === 'FEE') out.push({ month, group: 'Own income', line: LINE.legal, source: 'owner transactions', reference: ref, amount: t.amount });
    else if (t.type === 'WRITEOFF') out.push({ month, group: 'Write-offs', line: LINE.writeOffs, source: 'owner transactions', reference: ref, amount: toPence(-t.amount) });
  }
  return out;
}

export function costLines(costs: readonly CostRow[], months: ReadonlySet<string>): DetailLine[] {
  return costs
    .filter((c) => months.has(c.date.slice(0, 7)))
    .map((c) => ({ month: c.date.slice(0, 7), group: 'Costs' as const, line: c.category, source: `${c.sheet} row ${c.row}`, reference: c.description, amount: c.amount }));
}

export interface PnlLine {
  readonly group: Group;
  readonly line: string;
  readonly month: Pence;
  readonly yearToDate: Pence;
  /** Null when no budget was given. */
  readonly budget: Pence | null;
}

export interface Pnl {
  readonly month: string;
  readonly months: readonly string[];
  readonly lines: readonly PnlLine[];
  readonly totals: { readonly ownIncome: Pence; readonly recharges: Pence; readonly costs: Pence; readonly writeOffs: Pence; readonly net: Pence };
  readonly budgetTotals: { readonly ownIncome: Pence; readonly costs: Pence; readonly writeOffs: Pence; readonly net: Pence } | null;
  /** Own income, costs and write-offs of each month of the year to date. */
  readonly byMonth: readonly { readonly month: string; readonly ownIncome: Pence; readonly costs: Pence; readonly writeOffs: Pence }[];
}

const sumOf = (lines: readonly DetailLine[], keep: (l: DetailLine) => boolean): Pence => sumPence(lines.filter(keep).map((l) => l.amount));

/** The P&L lines in report order: own income, recharges, each cost category (A to Z), write-offs. */
export function buildPnl(month: string, detail: readonly DetailLine[], budget: readonly BudgetRow[] | null): Pnl {
  const months = yearToDate(month);
  const inYear = new Set(months);
  const categories = new Map<string, string>();
  for (const l of detail) if (l.group === 'Costs' && !categories.has(categoryKey(l.line))) categories.set(categoryKey(l.line), l.line);
  const fixed = new Set([LINE.management, LINE.admin, LINE.legal, LINE.writeOffs].map(categoryKey));
  // A budget line that is no income line nor write-offs is a cost category, shown even with no costs yet.
  for (const b of budget ?? []) if (!fixed.has(categoryKey(b.line)) && !categories.has(categoryKey(b.line))) categories.set(categoryKey(b.line), b.line);
  const rows: { group: Group; line: string }[] = [
    { group: 'Own income', line: LINE.management },
    { group: 'Own income', line: LINE.admin },
    { group: 'Own income', line: LINE.legal },
    { group: 'Recharges', line: LINE.repairs },
    { group: 'Recharges', line: LINE.insurance },
    ...[...categories.values()].sort((a, b) => (categoryKey(a) < categoryKey(b) ? -1 : categoryKey(a) > categoryKey(b) ? 1 : 0)).map((line) => ({ group: 'Costs' as Group, line })),
    { group: 'Write-offs', line: LINE.writeOffs },
  ];
  const budgetOf = (line: string): Pence | null =>
    budget === null ? null : sumPence(budget.filter((b) => categoryKey(b.line) === categoryKey(line) && inYear.has(b.month)).map((b) => b.amount));
  const lines: PnlLine[] = rows.map(({ group, line }) => {
    const mine = (l: DetailLine): boolean => l.group === group && categoryKey(l.line) === categoryKey(line);
    return { group, line, month: sumOf(detail, (l) => mine(l) && l.month === month), yearToDate: sumOf(detail, mine), budget: group === 'Recharges' ? null : budgetOf(line) };
  });
  const total = (g: Group, pick: (l: PnlLine) => Pence | null): Pence => sumPence(lines.filter((l) => l.group === g).map((l) => pick(l) ?? ZERO));
  const ownIncome = total('Own income', (l) => l.yearToDate);
  const costs = total('Costs', (l) => l.yearToDate);
  const writeOffs = total('Write-offs', (l) => l.yearToDate);
  const bOwn = total('Own income', (l) => l.budget);
  const bCosts = total('Costs', (l) => l.budget);
  const bWrite = total('Write-offs', (l) => l.budget);
  return {
    month,
    months,
    lines,
    totals: { ownIncome, recharges: total('Recharges', (l) => l.yearToDate), costs, writeOffs, net: toPence(ownIncome - costs - writeOffs) },
    budgetTotals: budget === null ? null : { ownIncome: bOwn, costs: bCosts, writeOffs: bWrite, net: toPence(bOwn - bCosts - bWrite) },
    byMonth: months.map((m) => ({
      month: m,
      ownIncome: sumOf(detail, (l) => l.group === 'Own income' && l.month === m),
      costs: sumOf(detail, (l) => l.group === 'Costs' && l.month === m),
      writeOffs: sumOf(detail, (l) => l.group === 'Write-offs' && l.month === m),
    })),
  };
}

// ---- KPIs -----------------------------------------------------------------------------------

/** Days after a quarter's end within which its bills count as issued on time. */
export const BILL_DAYS = 30;

/** The last quarter end (31 March, 30 June, 30 September, 31 December) on or before the day. */
export function quarterEndOnOrBefore(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  const ends = [isoDate(y - 1, 12, 31), isoDate(y, 3, 31), isoDate(y, 6, 30), isoDate(y, 9, 30), isoDate(y, 12, 31)] as IsoDate[];
  return ends.filter((e) => e <= d).pop() as IsoDate;
}

/** A bill is on time when dated no more than BILL_DAYS days after the last quarter end. */
export function billOnTime(date: IsoDate): boolean {
  return daysBetween(quarterEndOnOrBefore(date), date) <= BILL_DAYS;
}

/** A percentage to one decimal place, half away from zero (Excel's ROUND); 0 when the base is 0. */
export function percent(part: number, whole: number): number {
  if (whole === 0) return 0;
  return mulDiv(toPence(part), 1000, whole) / 10;
}

export type Bucket = '0-30' | '31-60' | '61-90' | '91-180' | '180+';
export const BUCKETS: readonly Bucket[] = ['0-30', '31-60', '61-90', '91-180', '180+'];

/** An owner account as of the month's end (the arrears job's figures). */
export interface DebtAccount {
  readonly owner: string;
  readonly property: string;
  readonly balance: Pence;
  readonly aged: Readonly<Record<Bucket, Pence>>;
  readonly disputed: Pence;
  readonly stage: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  /** The last BILL on the account on or before the month's end, or null. */
  readonly lastBill: IsoDate | null;
}

/** A notice as of the month's end (the NoPL job's figures), or an account with none that needs one. */
export interface NoticeLine {
  readonly notice: string;
  readonly property: string;
  readonly owner: string;
  readonly registeredOn: IsoDate | null;
  readonly lastValidDay: IsoDate | null;
  readonly status: 'live' | 'lapsed' | 'discharged' | 'renewed' | 'missing';
  readonly alert: 90 | 60 | 30 | null;
  readonly renewedBy: string | null;
  readonly toDischarge: boolean;
}

export interface Kpis {
  readonly collectionRate: number;
  readonly arrearsPercent: number;
  readonly billedInYear: Pence;
  readonly collectedInYear: Pence;
  readonly arrears: Pence;
  readonly aged: Readonly<Record<Bucket, Pence>>;
  readonly disputed: Pence;
  readonly notices: { readonly live: number; readonly expiring: number; readonly missing: number; readonly lapsed: number; readonly toDischarge: number };
  readonly billsOnTime: number;
  readonly statementsOnTime: number;
  readonly units: number;
  readonly feePerUnit: Pence;
  readonly costRecovery: number;
}

/** A statement (a bill doubles as one) is on time when the account had one in the 12 months to the day. */
export function statementInYear(lastBill: IsoDate | null, asOf: IsoDate): boolean {
  return lastBill !== null && lastBill > addDays(asOf, -365);
}

export function computeKpis(input: {
  readonly asOf: IsoDate;
  /** The year's transactions (dated in the year to date). */
  readonly yearTransactions: readonly ReportTransaction[];
  readonly accounts: readonly DebtAccount[];
  readonly notices: readonly NoticeLine[];
  readonly units: number;
  readonly pnl: Pnl;
}): Kpis {
  const { yearTransactions: tx, accounts, notices, pnl } = input;
  const of = (type: TransactionType): Pence => sumPence(tx.filter((t) => t.type === type).map((t) => t.amount));
  const billed = toPence(of('BILL') + of('FEE'));
  const collected = toPence(-of('PAYMENT'));
  const arrears = sumPence(accounts.filter((a) => a.balance > 0).map((a) => a.balance));
  const aged = Object.fromEntries(BUCKETS.map((b) => [b, sumPence(accounts.map((a) => a.aged[b]))])) as Record<Bucket, Pence>;
  const bills = tx.filter((t) => t.type === 'BILL');
  const management = pnl.lines.find((l) => l.line === LINE.management)?.yearToDate ?? ZERO;
  return {
    collectionRate: percent(collected, billed),
    arrearsPercent: percent(arrears, billed),
    billedInYear: billed,
    collectedInYear: collected,
    arrears,
    aged,
    disputed: sumPence(accounts.map((a) => a.disputed)),
    notices: {
      live: notices.filter((n) => n.status === 'live').length,
      expiring: notices.filter((n) => n.status === 'live' && n.alert !== null).length,
      missing: notices.filter((n) => n.status === 'missing').length,
      lapsed: notices.filter((n) => n.status === 'lapsed').length,
      toDischarge: notices.filter((n) => n.toDischarge).length,
    },
    billsOnTime: percent(bills.filter((b) => billOnTime(b.date)).length, bills.length),
    statementsOnTime: percent(accounts.filter((a) => statementInYear(a.lastBill, input.asOf)).length, accounts.length),
    units: input.units,
    feePerUnit: input.units === 0 ? ZERO : mulDiv(management, 1, input.units),
    costRecovery: percent(pnl.totals.ownIncome, pnl.totals.costs),
  };
}
