/**
 * A SheetSpec as exceljs cells (the xlsx adapter's writing, ./xlsx-workbook.ts): values, number
 * formats, looks, tables, column widths and print setup, as ../render.ts decides them.
 */
import type ExcelJS from 'exceljs';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from '../../engine/sheet-spec';
import { CELL_LOOKS, dateOfIso, formulaResultOf, formulaText, freeTableName, numberFormatOf, numberOf, printSetupOf, TABLE_STYLE, tableBox, type CellLook } from '../render';

/** Rows written between two pauses: a block takes the worker tens of milliseconds, so a stop is taken soon. */
export const BLOCK_ROWS = 2_000;

/** A cell look (render.ts) as exceljs's style: colours as ARGB, the top border thin. */
function styleOf(look: CellLook): Partial<ExcelJS.Style> {
  const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
  const font: Partial<ExcelJS.Font> = {};
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size !== null) font.size = look.size;
  if (look.color !== null) font.color = { argb: argb(look.color) };
  const style: Partial<ExcelJS.Style> = {};
  if (Object.keys(font).length > 0) style.font = font;
  if (look.fill !== null) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(look.fill) } };
  if (look.borderTop) style.border = { top: { style: 'thin' } };
  return style;
}

const STYLES: Readonly<Record<CellStyle, Partial<ExcelJS.Style>>> = Object.fromEntries(Object.entries(CELL_LOOKS).map(([k, look]) => [k, styleOf(look)])) as Record<CellStyle, Partial<ExcelJS.Style>>;

/**
 * The exceljs value for a cell spec. Text is always a plain string: exceljs stores a string as a
 * shared string and never as a formula, whatever it starts with ("=", "+", "-", "@"); only a
 * { formula } object becomes a formula. A date goes in as a Date, which exceljs converts to the
 * workbook's date system (1900 or 1904).
 */
function cellValue(spec: CellSpec): ExcelJS.CellValue {
  switch (spec.kind) {
    case 'text':
      return spec.value;
    case 'date':
      return dateOfIso(spec.value);
    case 'number':
    case 'money':
      return numberOf(spec);
    case 'formula':
      // The cached result goes in as written, 0 included: the cell is created from this object.
      return { formula: formulaText(spec), result: formulaResultOf(spec) } as ExcelJS.CellFormulaValue;
    default: {
      const never: never = spec;
      return never;
    }
  }
}

/** exceljs writes a table's header and rows into the cells itself; the spec's cells go on top afterwards. */
function addTable(ws: ExcelJS.Worksheet, spec: SheetSpec, t: TableSpec, taken: Set<string>): void {
  const box = tableBox(t);
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = box.top; r < box.bottom; r++) {
    const src = spec.rows[r] ?? [];
    rows.push(t.columns.map((_c, i) => {
      const cell = src[t.firstCol + i];
      return cell ? cellValue(cell) : null;
    }));
  }
  ws.addTable({
    name: freeTableName(t.name, taken),
    ref: box.address.split(':')[0] ?? 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: t.columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/**
 * Writes a spec's cells into a worksheet, its rows in blocks (of BLOCK_ROWS unless told); after each block `done`
 * is told the rows just written and awaited (the caller yields the thread and checks its stop
 * there). The cells are the same whatever the block size.
 */
export async function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec, tableNames: Set<string>, done: (rows: number) => Promise<void> = async () => undefined, blockRows = BLOCK_ROWS): Promise<void> {
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const print = printSetupOf(spec);
  ws.pageSetup = { paperSize: PAPER_A4, orientation: print.orientation, fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: print.fitToHeight };
  if (print.titleRows) ws.pageSetup.printTitlesRow = `${print.titleRows.first}:${print.titleRows.last}`;
  for (const t of spec.tables) addTable(ws, spec, t, tableNames);
  for (let from = 0; from < spec.rows.length; from += blockRows) {
    const to = Math.min(spec.rows.length, from + blockRows);
    for (let r = from; r < to; r++) {
      (spec.rows[r] ?? []).forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cellValue(cell);
        const fmt = numberFormatOf(cell);
        if (fmt) target.numFmt = fmt;
        if (cell.style) Object.assign(target, STYLES[cell.style]);
      });
    }
    await done(to - from);
  }
  // Excel repairs a file whose table header cells differ from the table's column names.
  for (const t of spec.tables) {
    t.columns.forEach((name, i) => {
      const cell = ws.getCell(t.headerRow + 1, t.firstCol + i + 1);
      if (cell.value !== name) cell.value = name;
    });
  }
}

/** The paper size code for A4 in the file format (ECMA-376 paperSize). */
const PAPER_A4 = 9;
