/**
 * The xlsx adapter: the WorkbookPort over exceljs, for files (CLI) and the standalone page. Holds
 * the whole workbook in memory; bytes in, bytes out (no file system here, so it runs in a browser).
 */
import ExcelJS from 'exceljs';
import type { RawCell, SheetData } from '../../engine/cells';
import { isoToSerial } from '../../engine/dates';
import { penceToPounds } from '../../engine/money';
import type { CellSpec, CellStyle, SheetSpec } from '../../engine/sheet-spec';
import type { SheetInfo, WorkbookPort } from '../port';
import { keyFromMarker, MARKER_PREFIX, markerName } from '../markers';

export { markerName };

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel (1900 system) serial. */
const UNIX_EPOCH_SERIAL = 25569;

export const MONEY_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const INTEGER_FORMAT = '0';

/** exceljs keeps the tab order in a property its typings do not declare. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An exceljs cell value as the port's raw cell. Dates become 1900-system serials whatever the file's date system. */
export function toRawCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      if (result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { error: String((result as { error: unknown }).error) };
      return toRawCell((result ?? null) as ExcelJS.CellValue);
    }
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) return toRawCell(t as ExcelJS.CellValue);
    }
  }
  return null;
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(bytes: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    // exceljs's typings want a Node Buffer; in the browser it takes any ArrayBuffer view.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return new XlsxWorkbook(wb);
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }

  /** Marker name -> sheet name, from the workbook's defined names. */
  private markers(): Map<string, string> {
    const out = new Map<string, string>();
    this.workbook.definedNames.forEach((name: string, cell: { sheetName?: string }) => {
      if (name.startsWith(MARKER_PREFIX) && cell.sheetName) out.set(name, cell.sheetName);
    });
    return out;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const keyBySheet = new Map<string, string>();
    for (const [marker, sheet] of this.markers()) keyBySheet.set(sheet, keyFromMarker(marker));
    return this.workbook.worksheets.map((ws) => ({
      name: ws.name,
      rowCount: ws.actualRowCount,
      colCount: ws.actualColumnCount,
      productKey: keyBySheet.get(ws.name) ?? null,
    }));
  }

  async readSheet(name: string): Promise<SheetData> {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet named '${name}'`);
    // getSheetValues: a sparse array of rows, each a sparse array indexed by column (1-based).
    const values = ws.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
    let minRow = Infinity;
    let maxRow = 0;
    let minCol = Infinity;
    let maxCol = 0;
    values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        if (r < minRow) minRow = r;
        if (r > maxRow) maxRow = r;
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      });
    });
    if (maxRow === 0) return { name: ws.name, originRow: 1, originCol: 1, rows: [] };
    const width = maxCol - minCol + 1;
    const rows: RawCell[][] = [];
    for (let r = minRow; r <= maxRow; r++) {
      const src = values[r];
      const out: RawCell[] = new Array<RawCell>(width).fill(null);
      if (src) for (let c = minCol; c <= maxCol; c++) out[c - minCol] = toRawCell(src[c] ?? null);
      rows.push(out);
    }
    return { name: ws.name, originRow: minRow, originCol: minCol, rows };
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    const markers = this.markers();
    for (const spec of specs) {
      const marker = markerName(spec.key);
      const previous = markers.get(marker);
      const old = previous !== undefined ? this.workbook.getWorksheet(previous) : undefined;
      let orderNo: number | undefined;
      if (old) {
        orderNo = (old as Ordered).orderNo;
        this.workbook.definedNames.remove(`${quoteSheet(old.name)}!$A$1`, marker);
        this.workbook.removeWorksheet(old.id);
      }
      const name = this.freeName(spec.name);
      const ws = this.workbook.addWorksheet(name, {
        views: spec.freeze ? [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] : [{}],
      });
      if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
      writeSpec(ws, spec);
      if (spec.protect) {
        await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, autoFilter: true, sort: true, formatColumns: true, formatRows: true });
      }
      this.workbook.definedNames.add(`${quoteSheet(name)}!$A$1`, marker);
    }
  }

  /** The wanted name, or "Name (2)" ... when a sheet (the user's) already has it. */
  private freeName(wanted: string): string {
    const taken = new Set(this.workbook.worksheets.map((w) => w.name.toLowerCase()));
    if (!taken.has(wanted.toLowerCase())) return wanted;
    for (let i = 2; ; i++) {
      const candidate = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
}

const STYLES: Readonly<Record<CellStyle, Partial<ExcelJS.Style>>> = {
  title: { font: { bold: true, size: 14 } },
  heading: { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } },
  label: {},
  total: { font: { bold: true }, border: { top: { style: 'thin' } } },
  'status-ok': { font: { bold: true, color: { argb: 'FF107C10' } } },
  'status-bad': { font: { bold: true, color: { argb: 'FFC50F1F' } } },
  note: { font: { italic: true, color: { argb: 'FF605E5C' } } },
};

function dateValue(iso: string): Date {
  return new Date((isoToSerial(iso as never) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/** The exceljs value for a cell spec. Text is always a plain string: exceljs never turns a string into a formula. */
function cellValue(spec: CellSpec): ExcelJS.CellValue {
  switch (spec.kind) {
    case 'text':
      return spec.value;
    case 'number':
      return spec.value;
    case 'money':
      return penceToPounds(spec.value);
    case 'date':
      return dateValue(spec.value);
    case 'formula': {
      const r = spec.result;
      const result = r.kind === 'money' ? penceToPounds(r.value) : r.value;
      return { formula: spec.formula, result } as ExcelJS.CellFormulaValue;
    }
    default: {
      const never: never = spec;
      return never;
    }
  }
}

function numFmt(spec: CellSpec): string | undefined {
  switch (spec.kind) {
    case 'money':
      return MONEY_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'formula':
      return spec.result.kind === 'money' ? MONEY_FORMAT : spec.result.kind === 'number' ? INTEGER_FORMAT : undefined;
    default:
      return undefined;
  }
}

function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Auditors print: A4, one page wide, wide sheets in landscape, a table's header on every page.
  const width = spec.columnWidths.reduce((a, b) => a + b, 0);
  ws.pageSetup = { paperSize: 9, orientation: width > 100 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const firstTable = spec.tables[0];
  if (firstTable) ws.pageSetup.printTitlesRow = `${firstTable.headerRow + 1}:${firstTable.headerRow + 1}`;
  // Tables first: exceljs writes a table's cells itself, so the spec's values and formats go on top.
  for (const t of spec.tables) {
    const dataRows = Math.max(1, t.rowCount); // Excel needs at least one data row in a table
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 0; r < dataRows; r++) {
      const src = spec.rows[t.headerRow + 1 + r] ?? [];
      rows.push(t.columns.map((_c, i) => {
        const cell = src[t.firstCol + i];
        return cell ? cellValue(cell) : null;
      }));
    }
    ws.addTable({
      name: t.name,
      ref: `${String.fromCharCode(65 + t.firstCol)}${t.headerRow + 1}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: t.columns.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      target.value = cellValue(cell);
      const fmt = numFmt(cell);
      if (fmt) target.numFmt = fmt;
      if (cell.style) Object.assign(target, STYLES[cell.style]);
    });
  });
}
