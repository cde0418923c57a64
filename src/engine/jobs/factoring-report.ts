/**
 * The factoring service's monthly P&L and KPI pack (issue 16, item 5), as one job for the CLI
 * (`factoring report`) and the pane (Factoring debt, "Write report"). It takes the factoring
 * workbook (the register, Owner Transactions, the NoPL register and an optional Costs sheet), the
 * month, the config and an optional budget file, and returns the figures, the sheets with their
 * native charts, and the `--json` object. The definitions of the figures are in
 * docs/factoring-report.md and ../factoring/report/figures.ts; no rule lives in a front end.
 *
 * Sources: own income and recharges from the bill run of each quarter ending in the year to date
 * (the register run as `factoring bill` runs it, recognised in the quarter's last month, when its
 * postings are dated); legal costs recovered and write-offs from Owner Transactions (FEE, WRITEOFF);
 * costs from the Costs sheet; arrears, ageing and stages from the arrears job as of the month's last
 * day; notices from the NoPL job on the same day.
 */
import type { SheetData } from '../cells';
import { monthPeriod, type IsoDate } from '../dates';
import { sheetLocation } from '../issues';
import { formatPence, type Pence } from '../money';
import type { SheetSpec } from '../sheet-spec';
import { runQuarter } from '../factoring/bill-run';
import type { FactoringConfig } from '../factoring/factoring-config';
import { parseQuarter } from '../factoring/quarter';
import { readBudget } from '../factoring/report/budget';
import { readCosts } from '../factoring/report/costs';
import { billRunLines, BUCKETS, buildPnl, computeKpis, costLines, transactionLines, yearRange, yearToDate, type DebtAccount, type DetailLine, type Kpis, type NoticeLine, type Pnl } from '../factoring/report/figures';
import { reportIssueJson, type ReportIssue } from '../factoring/report/messages';
import { debtSheet, detailSheet, kpiSheet, noticesSheet, pnlSheet, transactionsSheet } from '../factoring/report/sheets';
import { checkFactoringRegister } from './factoring-register';
import { runFactoringArrears } from './factoring-arrears';
import { runFactoringNopl } from './factoring-nopl';

export interface FactoringReportInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** --month as typed: YYYY-MM. */
  readonly month: string;
  /** The config's `factoring` object (fees, the landlord's Owner Ref, the debt procedure). */
  readonly config: FactoringConfig | undefined;
  /** The --budget file's name and text, or null. */
  readonly budget: { readonly name: string; readonly text: string } | null;
}

export interface FactoringReport {
  /** False when the input has errors: no sheets. */
  readonly ok: boolean;
  readonly month: string;
  readonly asOf: IsoDate | null;
  readonly issues: readonly ReportIssue[];
  readonly pnl: Pnl | null;
  readonly kpis: Kpis | null;
  /** The P&L and KPI sheets first (with their charts), then the detail sheets they read. */
  readonly sheets: readonly SheetSpec[];
  readonly json: Record<string, unknown>;
}

const failed = (issues: readonly ReportIssue[]): boolean => issues.some((i) => i.severity === 'error');

/** The P&L and KPI pack for a month. */
export function factoringReport(input: FactoringReportInput): FactoringReport {
  const issues: ReportIssue[] = [];
  const period = /^\d{4}-\d{2}$/.test(input.month.trim()) ? monthPeriod(input.month.trim()) : null;
  if (!period) issues.push({ code: 'report.month-invalid', severity: 'error', raw: input.month, location: sheetLocation('--month', null), detail: {} });
  if (!input.config) issues.push({ code: 'report.no-factoring-config', severity: 'warning', raw: null, location: sheetLocation('config', null), detail: {} });
  const budget = input.budget ? readBudget(input.budget.name, input.budget.text) : null;
  issues.push(...(budget?.issues ?? []));
  const base = checkFactoringRegister({ file: input.file, sheets: input.sheets, quarter: null });
  issues.push(...base.issues);
  const costs = readCosts(input.file, input.sheets);
  issues.push(...costs.issues);
  if (!period || failed(issues)) return refusal(input.month, issues);

  const month = input.month.trim();
  const asOf = period.end;
  const months = yearToDate(month);
  const inYear = new Set(months);
  const config = input.config;
  const arrears = runFactoringArrears({ file: input.file, sheets: input.sheets, asOf, config });
  const nopl = runFactoringNopl({ file: input.file, sheets: input.sheets, asOf, config });
  issues.push(...arrears.issues, ...nopl.issues.filter((i) => !arrears.issues.some((a) => a.code === i.code && a.location.a1 === i.location.a1)));
  // The bill run of every quarter that ends in the year to date, as `factoring bill` runs it.
  const detail: DetailLine[] = [];
  if (config) {
    for (const m of months.filter((x) => ['03', '06', '09', '12'].includes(x.slice(5, 7)))) {
      const q = parseQuarter(`${m.slice(0, 4)}-Q${Number(m.slice(5, 7)) / 3}`);
      if (!q) continue;
      const check = checkFactoringRegister({ file: input.file, sheets: input.sheets, quarter: q.label });
      const errors = check.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        issues.push(...errors);
        continue;
      }
      detail.push(...billRunLines(runQuarter(check.register, check.shares, q, config)));
    }
  }
  if (failed(issues) || !arrears.book) return refusal(month, issues);
  const { start } = yearRange(month);
  const yearTx = arrears.book.transactions.filter((t) => t.date >= start && t.date <= asOf);
  detail.push(...transactionLines(yearTx, inYear), ...costLines(costs.costs, inYear));
  const pnl = buildPnl(month, detail, budget ? budget.rows : null);

  const accounts: DebtAccount[] = arrears.allAccounts.map((a) => ({
    owner: a.owner,
    property: a.property,
    balance: a.balance,
    aged: a.aged,
    disputed: a.disputed,
    stage: a.stage,
    nextAction: a.nextAction,
    nextActionOn: a.nextActionOn,
    lastBill: a.debt.transactions.filter((t) => t.type === 'BILL').reduce<IsoDate | null>((last, t) => (last === null || t.date > last ? t.date : last), null),
  }));
  const discharge = new Set(nopl.toDischarge.map((d) => d.notice));
  const notices: NoticeLine[] = [
    ...nopl.notices.map((s) => ({ notice: s.notice.ref, property: s.notice.property, owner: s.notice.owner, registeredOn: s.notice.registeredOn, lastValidDay: s.lastValidDay, status: s.status, alert: s.alert, renewedBy: s.renewedBy, toDischarge: discharge.has(s.notice.ref) })),
    ...nopl.missing.map((m) => ({ notice: '', property: m.property, owner: m.owner, registeredOn: null, lastValidDay: null, status: 'missing' as const, alert: null, renewedBy: null, toDischarge: false })),
  ];
  const kpis = computeKpis({ asOf, yearTransactions: yearTx, accounts, notices, units: unitsFactored(base.register, asOf, config?.landlordOwnerRef ?? null), pnl });
  const pnlOut = pnlSheet(pnl, detail.length, input.budget?.name ?? null);
  const sheets = [
    pnlOut.sheet,
    kpiSheet(kpis, asOf, { transactions: yearTx.length, accounts: accounts.length, notices: notices.length }, pnlOut.cells),
    detailSheet(pnl, detail),
    transactionsSheet(yearTx),
    debtSheet(accounts, asOf),
    noticesSheet(notices),
  ];
  return { ok: true, month, asOf, issues, pnl, kpis, sheets, json: reportJson(month, asOf, pnl, kpis, issues) };
}

/** Properties owned on the day by someone other than the landlord: the units the fee is earned on. */
function unitsFactored(register: { readonly ownership: readonly { property: string; owner: string; from: IsoDate; to: IsoDate | null }[] }, asOf: IsoDate, landlord: string | null): number {
  const owned = new Set<string>();
  for (const o of register.ownership) if (o.from <= asOf && (o.to === null || o.to >= asOf) && o.owner !== landlord) owned.add(o.property);
  return owned.size;
}

function refusal(month: string, issues: readonly ReportIssue[]): FactoringReport {
  return { ok: false, month, asOf: null, issues, pnl: null, kpis: null, sheets: [], json: { month, ok: false, issues: issues.map(reportIssueJson) } };
}

function reportJson(month: string, asOf: IsoDate, pnl: Pnl, k: Kpis, issues: readonly ReportIssue[]): Record<string, unknown> {
  const p = (x: Pence | null): string | null => (x === null ? null : formatPence(x));
  return {
    month,
    asOf,
    ok: true,
    yearFrom: pnl.months[0],
    pnl: {
      lines: pnl.lines.map((l) => ({ group: l.group, line: l.line, month: p(l.month), yearToDate: p(l.yearToDate), budget: p(l.budget) })),
      totals: { ownIncome: p(pnl.totals.ownIncome), recharges: p(pnl.totals.recharges), costs: p(pnl.totals.costs), writeOffs: p(pnl.totals.writeOffs), net: p(pnl.totals.net) },
      budget: pnl.budgetTotals ? { ownIncome: p(pnl.budgetTotals.ownIncome), costs: p(pnl.budgetTotals.costs), writeOffs: p(pnl.budgetTotals.writeOffs), net: p(pnl.budgetTotals.net) } : null,
    },
    kpis: {
      collectionRate: k.collectionRate,
      arrearsPercentOfBilled: k.arrearsPercent,
      billedInYear: p(k.billedInYear),
      collectedInYear: p(k.collectedInYear),
      arrears: p(k.arrears),
      aged: Object.fromEntries(BUCKETS.map((b) => [b, p(k.aged[b])])),
      disputed: p(k.disputed),
      notices: k.notices,
      billsOnTime: k.billsOnTime,
      statementsOnTime: k.statementsOnTime,
      units: k.units,
      feePerUnit: p(k.feePerUnit),
      costRecovery: k.costRecovery,
    },
    issues: issues.map(reportIssueJson),
  };
}
