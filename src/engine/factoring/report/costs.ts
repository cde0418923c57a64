/**
 * The Costs sheet (issue 16's smallest input for the P&L): what running the factoring service cost,
 * which the register does not hold. Columns Date, Category, Amount, and optionally Description and
 * Supplier; found by its headers like the register's sheets (a title row above them is fine). Each
 * row is one cost, positive; a credit (a refund from a supplier) is negative.
 */
import type { SheetData } from '../../cells';
import type { IsoDate } from '../../dates';
import type { Pence } from '../../money';
import { CellReader } from '../../sources/cell-reader';
import { findHeader } from '../../sources/detect';
import type { FieldDef } from '../../sources/fields';
import type { ReportIssue } from './messages';

export interface CostRow {
  readonly date: IsoDate;
  readonly category: string;
  readonly description: string;
  readonly amount: Pence;
  readonly sheet: string;
  readonly row: number;
}

const f = (field: string, label: string, required: boolean, ...synonyms: string[]): FieldDef => ({ field, label, required, synonyms: [label, ...synonyms] });

export const COSTS_FIELDS: readonly FieldDef[] = [
  f('date', 'Date', true, 'Cost Date', 'Date Paid', 'Paid On', 'Invoice Date'),
  f('category', 'Category', true, 'Cost Category', 'Expense Type', 'Nominal', 'Cost Type'),
  f('amount', 'Amount', true, 'Cost', 'Net', 'Gross', 'Amount Paid'),
  f('description', 'Description', false, 'Details', 'Narrative'),
  f('supplier', 'Supplier', false, 'Payee', 'Contractor'),
];

/** Category names are compared trimmed and in upper case, and shown as first typed. */
export const categoryKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase();

/**
 * The costs, or none when no sheet has the Costs columns (a workbook without one reports no costs,
 * and says so). A sheet named Costs is preferred when two match.
 */
export function readCosts(file: string, sheets: readonly SheetData[]): { costs: CostRow[]; sheet: string | null; issues: ReportIssue[] } {
  let best: { data: SheetData; match: NonNullable<ReturnType<typeof findHeader>> } | null = null;
  for (const data of sheets) {
    const match = findHeader(data, COSTS_FIELDS);
    if (!match?.complete) continue;
    const named = data.name.trim().toLowerCase() === 'costs';
    if (best === null || named) best = { data, match };
    if (named) break;
  }
  if (!best) return { costs: [], sheet: null, issues: [] };
  const { data, match } = best;
  const reader = new CellReader(file, data.name);
  const col = (field: string) => match.columns.get(field) ?? { col: 1, header: '' };
  const idx = (field: string): number => {
    const m = match.columns.get(field);
    return m ? m.col - data.originCol : -1;
  };
  const indexes = [...match.columns.values()].map((m) => m.col - data.originCol);
  const costs: CostRow[] = [];
  const shown = new Map<string, string>();
  for (let r = match.headerRow - data.originRow + 1; r < data.rows.length; r++) {
    const cells = data.rows[r] ?? [];
    const row = data.originRow + r;
    if (reader.isSkippable(cells, indexes, idx('category'), row, col('category'))) continue;
    const cell = (field: string) => (idx(field) >= 0 ? cells[idx(field)] : undefined);
    const date = reader.date(cell('date'), row, col('date'), true, true);
    const category = reader.ref(cell('category'), row, col('category'));
    const amount = reader.amount(cell('amount'), row, col('amount'));
    if (!date || category === null || amount === undefined) continue;
    // One spelling per category: the first one typed.
    const key = categoryKey(category);
    if (!shown.has(key)) shown.set(key, category.trim().replace(/\s+/g, ' '));
    costs.push({ date, category: shown.get(key) as string, description: reader.text(cell('description')), amount, sheet: data.name, row });
  }
  return { costs, sheet: data.name, issues: reader.issues };
}
