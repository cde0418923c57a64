/**
 * How a ChartSpec becomes a native chart, decided once for both adapters (as render.ts decides cells):
 * each series' name, categories and values as absolute references on the chart's sheet, with the
 * values the engine computed for them (a chart part caches them, so a reader shows the chart before
 * it recalculates), the range office-js's charts.add takes, and where the chart is anchored. Pure: the
 * xlsx adapter writes chart parts from this (xlsx/charts.ts), the Excel adapter calls charts.add.
 */
import { columnLetter } from '../engine/cells';
import { penceToPounds } from '../engine/money';
import type { CellSpec, ChartSpec, ChartType, SheetSpec } from '../engine/sheet-spec';
import { quoteSheetName } from './render';

export interface ChartSeries {
  /** 'HL Factoring P&L'!$B$20 and the text it holds. */
  readonly name: { readonly ref: string; readonly text: string };
  /** 'HL Factoring P&L'!$A$21:$A$29 and the category labels. */
  readonly categories: { readonly ref: string; readonly texts: readonly string[] };
  /** 'HL Factoring P&L'!$B$21:$B$29 and the numbers (null for a blank cell). */
  readonly values: { readonly ref: string; readonly numbers: readonly (number | null)[] };
}

/** The text a cell shows as a label (a formula's cached result for a formula). */
function labelOf(cell: CellSpec | null | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return String(cell.value);
    case 'money':
      return penceToPounds(cell.value).toFixed(2);
    case 'date':
      return cell.value;
    case 'formula':
      return cell.result.kind === 'money' ? penceToPounds(cell.result.value).toFixed(2) : String(cell.result.value);
    default: {
      const never: never = cell;
      return never;
    }
  }
}

/** The number a chart plots for a cell (money in pounds); null when it holds none. */
function valueOf(cell: CellSpec | null | undefined): number | null {
  if (!cell) return null;
  switch (cell.kind) {
    case 'number':
      return cell.value;
    case 'money':
      return penceToPounds(cell.value);
    case 'formula':
      if (cell.result.kind === 'money') return penceToPounds(cell.result.value);
      return cell.result.kind === 'number' ? cell.result.value : null;
    case 'text':
    case 'date':
      return null;
    default: {
      const never: never = cell;
      return never;
    }
  }
}

const abs = (row0: number, col0: number): string => `$${columnLetter(col0 + 1)}$${row0 + 1}`;

/** The series of a chart, one per column after the first, on the sheet as it is finally named. */
export function chartSeries(spec: SheetSpec, sheetName: string, chart: ChartSpec): ChartSeries[] {
  const { top, left, bottom, right } = chart.data;
  const sheet = quoteSheetName(sheetName);
  const cell = (r: number, c: number): CellSpec | null | undefined => spec.rows[r]?.[c];
  const rows: number[] = [];
  for (let r = top + 1; r <= bottom; r++) rows.push(r);
  const categories = { ref: `${sheet}!${abs(top + 1, left)}:${abs(bottom, left)}`, texts: rows.map((r) => labelOf(cell(r, left))) };
  const out: ChartSeries[] = [];
  for (let c = left + 1; c <= right; c++) {
    out.push({
      name: { ref: `${sheet}!${abs(top, c)}`, text: labelOf(cell(top, c)) },
      categories,
      values: { ref: `${sheet}!${abs(top + 1, c)}:${abs(bottom, c)}`, numbers: rows.map((r) => valueOf(cell(r, c))) },
    });
  }
  return out;
}

/** The chart's data as office-js's getRange takes it: "A20:D29". */
export function chartDataAddress(chart: ChartSpec): string {
  const { top, left, bottom, right } = chart.data;
  return `${columnLetter(left + 1)}${top + 1}:${columnLetter(right + 1)}${bottom + 1}`;
}

/** The cells the chart covers, 0-based, its bottom-right corner exclusive (as a drawing anchor counts). */
export function chartAnchor(chart: ChartSpec): { readonly from: { row: number; col: number }; readonly to: { row: number; col: number } } {
  return { from: { row: chart.at.row, col: chart.at.col }, to: { row: chart.at.row + chart.at.rows, col: chart.at.col + chart.at.cols } };
}

/** The top-left and bottom-right cells for office-js's setPosition: "F3", "M18". */
export function chartPositionCells(chart: ChartSpec): { readonly start: string; readonly end: string } {
  const { from, to } = chartAnchor(chart);
  return { start: `${columnLetter(from.col + 1)}${from.row + 1}`, end: `${columnLetter(to.col)}${to.row}` };
}

/** Excel's name for each chart type (office-js's ChartType values). */
export const EXCEL_CHART_TYPE: Readonly<Record<ChartType, string>> = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  line: 'Line',
  pie: 'Pie',
};
