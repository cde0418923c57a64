/**
 * The budget (`--budget F`, issue 16): a CSV file with the columns Line, Month and Amount, one row per
 * P&L line and month, e.g. `Management fees,2026-04,1500.00`. Line is a P&L line as the report names
 * it (Management fees, Admin fees, Legal costs recovered, Write-offs) or a cost category as the Costs
 * sheet names it, compared without regard to case and spacing. A month outside the report's year is
 * read and left out of it. Every bad cell is a located issue (the file, its row and column).
 */
import { columnLetter } from '../../cells';
import { csvRecords, splitDelimited, splitLines } from '../../csv';
import type { Location } from '../../issues';
import { parsePence, type Pence } from '../../money';
import { parseAmountText } from '../../sources/cell-reader';
import { categoryKey } from './costs';
import type { ReportIssue } from './messages';

export interface BudgetRow {
  /** As typed, trimmed. */
  readonly line: string;
  readonly month: string;
  readonly amount: Pence;
  readonly row: number;
}

const COLUMNS = ['line', 'month', 'amount'] as const;

function at(file: string, row: number, col: number | null, header: string | null): Location {
  return { file, sheet: null, row, col, column: col === null ? null : columnLetter(col), header, a1: null };
}

/** Reads the budget file's text; `file` names it in the issues. */
export function readBudget(file: string, text: string): { rows: BudgetRow[]; issues: ReportIssue[] } {
  const issues: ReportIssue[] = [];
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const header = (splitDelimited(lines[0] ?? '', ',') ?? []).map((h) => h.trim());
  const colOf = new Map(header.map((h, i) => [h.toLowerCase(), i + 1]));
  const missing = COLUMNS.filter((c) => !colOf.has(c));
  if (missing.length > 0) {
    issues.push({ code: 'report.budget-column-missing', severity: 'error', raw: lines[0] ?? null, location: at(file, 1, null, null), detail: { missing: missing.map((m) => m[0]?.toUpperCase() + m.slice(1)).join(', ') } });
    return { rows: [], issues };
  }
  const records = csvRecords(lines.join('\n'));
  const headerOf = (c: (typeof COLUMNS)[number]): string => header[(colOf.get(c) ?? 1) - 1] ?? c;
  const get = (r: Record<string, string>, c: (typeof COLUMNS)[number]): string => (r[headerOf(c)] ?? '').trim();
  const rows: BudgetRow[] = [];
  const seen = new Map<string, number>();
  // csvRecords skips blank lines: count the file's rows as they are numbered in it.
  const rowNumbers = lines.map((l, i) => ({ l, n: i + 1 })).filter((x, i) => i > 0 && x.l.trim() !== '').map((x) => x.n);
  records.forEach((r, i) => {
    const row = rowNumbers[i] ?? i + 2;
    const line = get(r, 'line').replace(/\s+/g, ' ');
    const month = get(r, 'month');
    const amountText = get(r, 'amount');
    let ok = true;
    if (line === '') {
      issues.push({ code: 'ref.blank', severity: 'error', raw: null, location: at(file, row, colOf.get('line') ?? null, headerOf('line')), detail: {} });
      ok = false;
    }
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      issues.push({ code: 'report.budget-month-invalid', severity: 'error', raw: month === '' ? null : month, location: at(file, row, colOf.get('month') ?? null, headerOf('month')), detail: {} });
      ok = false;
    }
    const parsed = parseAmountText(amountText);
    const amount = typeof parsed === 'number' ? parsed : parsePence(amountText);
    if (amount === null) {
      issues.push({ code: 'report.budget-amount-invalid', severity: 'error', raw: amountText === '' ? null : amountText, location: at(file, row, colOf.get('amount') ?? null, headerOf('amount')), detail: {} });
      ok = false;
    }
    if (!ok || amount === null) return;
    const key = `${categoryKey(line)}|${month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ code: 'report.budget-duplicate', severity: 'error', raw: line, location: at(file, row, colOf.get('line') ?? null, headerOf('line')), detail: { line, month, firstRow: String(first) } });
      return;
    }
    seen.set(key, row);
    rows.push({ line, month, amount, row });
  });
  if (records.length === 0) issues.push({ code: 'report.budget-empty', severity: 'error', raw: null, location: at(file, 1, null, null), detail: {} });
  return { rows, issues };
}
