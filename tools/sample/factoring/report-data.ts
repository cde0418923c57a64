/**
 * The sample's inputs for the monthly P&L and KPI pack (issue 16, item 5), fixed so a test can check
 * the figures by hand: a Costs sheet (what running the factoring service cost, April to December
 * 2026, with a supplier's credit) and a budget for the financial year April 2026 to March 2027, as
 * the CSV `factoring report --budget` reads.
 */
import type { Cell } from './generate';

/** The month the sample's report is run for (the debt sheets are as of its last day). */
export const REPORT_MONTH = '2026-12';

const MONTHS = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];

export function reportSheets(): Readonly<Record<string, readonly (readonly Cell[])[]>> {
  const costs: Cell[][] = [];
  for (const m of MONTHS) costs.push([`${m}-28`, 'Staff', 'Factoring officer, share of salary', 250, 'Payroll']);
  for (const m of ['2026-04', '2026-07', '2026-10']) costs.push([`${m}-05`, 'Office and IT', 'Factoring system licence, quarter', 90, 'LedgerSoft Ltd']);
  costs.push(['2026-11-12', 'Legal', 'Sheriff officer, service of demand (KS2-1)', 120, 'Caledonian Sheriff Officers']);
  costs.push(['2026-12-02', 'Office and IT', 'Credit for a licence overcharge', -15, 'LedgerSoft Ltd']);
  return { Costs: [['Factoring service costs, 2026/27'], ['Date', 'Category', 'Description', 'Amount', 'Supplier'], ...costs] };
}

/** The budget for the year, as `--budget` reads it: Line, Month, Amount. */
export function reportBudgetCsv(): string {
  const rows = ['Line,Month,Amount'];
  const year = [...MONTHS, '2027-01', '2027-02', '2027-03'];
  for (const m of year) {
    if (['06', '09', '12', '03'].includes(m.slice(5))) rows.push(`Management fees,${m},300.00`);
    rows.push(`Legal costs recovered,${m},5.00`, `Staff,${m},250.00`, `Office and IT,${m},30.00`, `Write-offs,${m},10.00`);
  }
  rows.push('Legal,2026-11,100.00');
  return `${rows.join('\r\n')}\r\n`;
}
