/**
 * The audit pack as data: what to write, cell by cell, independent of who writes it (exceljs for
 * files, office-js in Excel). Adapters must write text cells as text, never as formulas.
 */
import type { Pence } from './money';
import type { IsoDate } from './dates';

export type CellStyle = 'title' | 'heading' | 'label' | 'total' | 'status-ok' | 'status-bad' | 'note';

export type NumberFormatKind = 'money' | 'integer' | 'date' | 'text';

export type CellSpec =
  | { readonly kind: 'text'; readonly value: string; readonly style?: CellStyle }
  | { readonly kind: 'number'; readonly value: number; readonly style?: CellStyle }
  | { readonly kind: 'money'; readonly value: Pence; readonly style?: CellStyle }
  | { readonly kind: 'date'; readonly value: IsoDate; readonly style?: CellStyle }
  | {
      readonly kind: 'formula';
      /** Without the leading "=", A1 references only (no structured references), so any spreadsheet can re-perform it. */
      readonly formula: string;
      /** The engine's own figure: written as the cached value, and what an auditor's recalculation must give. */
      readonly result: { readonly kind: 'money'; readonly value: Pence } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'text'; readonly value: string };
      readonly style?: CellStyle;
    };

export interface TableSpec {
  /** Excel table name: letters, digits and underscores. */
  readonly name: string;
  /** 0-based row index of the header row within the sheet's rows. */
  readonly headerRow: number;
  /** 0-based index of the first column. */
  readonly firstCol: number;
  readonly columns: readonly string[];
  /** Number of data rows under the header (may be 0). */
  readonly rowCount: number;
}

/** The kinds of native chart both adapters draw (Excel's own chart objects, so they follow the data). */
export type ChartType = 'column' | 'bar' | 'line' | 'pie';

/** A block of cells on the chart's own sheet, 0-based as `rows` is, both ends included. */
export interface CellBlock {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A native chart over cells of its own sheet: `data` has a header row of series names over a first
 * column of categories (series by columns, as Excel's charts.add reads a range). The cells are
 * usually formulas over detail sheets, so the chart follows the detail when it changes.
 */
export interface ChartSpec {
  readonly type: ChartType;
  readonly title: string;
  readonly data: CellBlock;
  /** Where the chart sits: its top-left cell (0-based) and its size in columns and rows. */
  readonly at: { readonly row: number; readonly col: number; readonly cols: number; readonly rows: number };
}

export interface SheetSpec {
  /** Stable identity of a product-written sheet, e.g. "audit.summary"; adapters mark the sheet with it. */
  readonly key: string;
  readonly name: string;
  /** rows[r][c] is written at Excel row r+1, column c+1. */
  readonly rows: readonly (readonly (CellSpec | null)[])[];
  /** Column widths in characters. */
  readonly columnWidths: readonly number[];
  readonly tables: readonly TableSpec[];
  readonly freeze: { readonly rows: number; readonly cols: number } | null;
  /** Protected against accidental edits, without a password. */
  readonly protect: boolean;
  /** Very hidden (not listed under Unhide): the session sheet only. Absent: visible. */
  readonly veryHidden?: boolean;
  /** Native charts drawn over this sheet's cells. Absent: none. */
  readonly charts?: readonly ChartSpec[];
}
