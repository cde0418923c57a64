/**
 * The xlsx adapter: the WorkbookPort over exceljs, for files (CLI) and the standalone page. Holds
 * the whole workbook in memory; bytes in, bytes out. No file system here, so the class runs in a
 * browser too; xlsx-file.ts opens and saves files for Node.
 *
 * Known exceljs limits (checked against 4.4.0), which matter only when a user's workbook is
 * re-saved with the product's sheets added: charts, pivot tables, images in some layouts, form
 * controls and VBA are not carried over; workbook names that are not plain cell ranges (constants,
 * formulas, whole columns) are dropped, and sheet-scoped names become workbook-wide. The CLI
 * therefore writes the audit pack to a new workbook unless asked to copy the inputs.
 */
import ExcelJS from 'exceljs';
import { columnLetter, type RawCell, type SheetData } from '../../engine/cells';
import { isoToSerial, type IsoDate } from '../../engine/dates';
import { penceToPounds } from '../../engine/money';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from '../../engine/sheet-spec';
import type { ReadProgress, SheetInfo, WorkbookPort } from '../port';
import { keyFromMarker, MARKER_PREFIX, markerName } from '../markers';

export { markerName };

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel (1900 system) serial. */
const UNIX_EPOCH_SERIAL = 25569;
/** Progress is reported every this many rows of a large sheet. */
const PROGRESS_EVERY = 10_000;

export const MONEY_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const INTEGER_FORMAT = '0';
export const TABLE_STYLE = 'TableStyleLight9';

/** exceljs keeps the tab order in a property its typings do not declare. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };
/** ...and a sheet's tables in a map its typings do not declare either (getTables() is mistyped). */
type WithTables = ExcelJS.Worksheet & { tables: Record<string, unknown> };

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A JavaScript Date from exceljs as a 1900-system serial. exceljs has already applied the file's
 * date system (1900 or 1904) to make the Date, so the calendar date is right either way; whole
 * days stay integers, times of day become the fraction.
 */
function serialOf(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** A value as exceljs gives it (a cell's value, or a formula's cached result) as the port's raw cell. */
function rawOf(v: unknown): RawCell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : serialOf(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return rawOf((o.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''));
    // A hyperlink: its text (plain, or rich text of its own).
    if ('text' in o) return rawOf(o.text);
  }
  return null;
}

/**
 * One exceljs cell as a raw cell, as Excel's own API would return its value: a formula as its
 * cached result (exceljs's `value` drops a cached 0 or FALSE, so the result is read from `result`),
 * the cells a merge covers as empty (only the top-left one holds the value).
 */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      return rawOf(cell.result);
    default:
      return rawOf(cell.value);
  }
}

interface UsedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rectangle from the first to the last cell holding a value (styles alone do not count, as in Excel's getUsedRange(true)). */
function usedRange(ws: ExcelJS.Worksheet): UsedRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (rawCell(cell) === null) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  return bottom === 0 ? null : { top, left, bottom, right };
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(bytes: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    // exceljs's typings want a Node Buffer; in the browser it takes any ArrayBuffer or view.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return new XlsxWorkbook(wb);
  }

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  }

  /**
   * Marker name -> the sheet it points at, from the workbook's names. A name whose sheet is gone
   * (the user deleted it: Excel turns the reference into #REF!) maps to null.
   */
  private markers(): Map<string, ExcelJS.Worksheet | null> {
    const out = new Map<string, ExcelJS.Worksheet | null>();
    this.workbook.definedNames.forEach((name: string, cell: unknown) => {
      if (!name.startsWith(MARKER_PREFIX) || out.get(name)) return;
      // exceljs keeps a quoted sheet name's doubled quotes ('Dec''s summary').
      const sheetName = (cell as { sheetName?: string }).sheetName?.replace(/''/g, "'");
      out.set(name, (sheetName !== undefined && this.sheet(sheetName)) || null);
    });
    return out;
  }

  private removeName(name: string): void {
    const names = this.workbook.definedNames;
    names.model = names.model.filter((n) => n.name !== name);
  }

  /** A sheet by name; Excel's sheet names are case-insensitive. */
  private sheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.workbook.getWorksheet(name) ?? this.workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const keyBySheet = new Map<ExcelJS.Worksheet, string>();
    for (const [marker, ws] of this.markers()) if (ws) keyBySheet.set(ws, keyFromMarker(marker));
    return this.workbook.worksheets.map((ws) => {
      const used = usedRange(ws);
      return {
        name: ws.name,
        rowCount: used ? used.bottom - used.top + 1 : 0,
        colCount: used ? used.right - used.left + 1 : 0,
        productKey: keyBySheet.get(ws) ?? null,
      };
    });
  }

  async readSheetTop(name: string, rows: number): Promise<SheetData> {
    return this.read(name, Math.max(0, rows));
  }

  async readSheet(name: string, onProgress?: (p: ReadProgress) => void): Promise<SheetData> {
    return this.read(name, Number.POSITIVE_INFINITY, onProgress);
  }

  private read(name: string, maxRows: number, onProgress?: (p: ReadProgress) => void): SheetData {
    const ws = this.sheet(name);
    if (!ws) throw new Error(`no sheet named '${name}'`);
    const used = usedRange(ws);
    if (!used) return { name: ws.name, originRow: 1, originCol: 1, rows: [] };
    const width = used.right - used.left + 1;
    const total = Math.min(used.bottom - used.top + 1, maxRows);
    const bottom = used.top + total - 1;
    const rows: RawCell[][] = Array.from({ length: total }, () => new Array<RawCell>(width).fill(null));
    let done = 0;
    ws.eachRow((row, r) => {
      if (r < used.top || r > bottom) return;
      const out = rows[r - used.top] as RawCell[];
      row.eachCell((cell, c) => {
        if (c >= used.left && c <= used.right) out[c - used.left] = rawCell(cell);
      });
      if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress({ sheet: ws.name, rowsRead: r - used.top + 1, rowsTotal: total });
    });
    onProgress?.({ sheet: ws.name, rowsRead: total, rowsTotal: total });
    return { name: ws.name, originRow: used.top, originCol: used.left, rows };
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    // Names of sheets the user deleted point nowhere (#REF!): ours, and dropped so Excel need not repair them.
    for (const [marker, ws] of this.markers()) if (!ws) this.removeName(marker);
    for (const spec of specs) {
      const marker = markerName(spec.key);
      const old = this.markers().get(marker);
      let orderNo: number | undefined;
      if (old) {
        orderNo = (old as Ordered).orderNo;
        this.workbook.removeWorksheet(old.id);
      }
      this.removeName(marker);
      const name = this.freeName(sheetName(spec.name));
      const ws = this.workbook.addWorksheet(name, spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0) ? { views: [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] } : {});
      // The replacement takes the old sheet's place in the tab order.
      if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
      writeSpec(ws, spec, this.tableNames());
      if (spec.protect) {
        // No password: a guard against accidental edits; filtering, sorting and widening columns stay allowed.
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

  /** Table names in use anywhere in the workbook, and workbook names (Excel wants them all distinct), lower-cased. */
  private tableNames(): Set<string> {
    const taken = new Set<string>();
    for (const ws of this.workbook.worksheets) for (const t of Object.keys((ws as WithTables).tables ?? {})) taken.add(t.toLowerCase());
    for (const n of this.workbook.definedNames.model) taken.add(n.name.toLowerCase());
    return taken;
  }
}

/** A name Excel accepts for a sheet: at most 31 characters, none of : \ / ? * [ ], no quote at either end. */
function sheetName(wanted: string): string {
  const s = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return s === '' || s.toLowerCase() === 'history' ? `${s || 'Sheet'} (HL)` : s;
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

/** Midnight UTC of the date, as exceljs wants it; exceljs converts it to the workbook's date system (1900 or 1904). */
function dateValue(iso: IsoDate): Date {
  // Through the serial, so the days before 1 March 1900 (Excel's phantom 29 Feb 1900) agree with exceljs.
  return new Date((isoToSerial(iso) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/**
 * The exceljs value for a cell spec. Text is always a plain string: exceljs stores a string as a
 * shared string and never as a formula, whatever it starts with ("=", "+", "-", "@"); only a
 * { formula } object becomes a formula.
 */
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
      // The cached result goes in as written, 0 included: the cell is created from this object.
      return { formula: spec.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
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
      if (spec.result.kind === 'money') return MONEY_FORMAT;
      return spec.result.kind === 'number' && Number.isInteger(spec.result.value) ? INTEGER_FORMAT : undefined;
    case 'text':
    case 'number':
      return undefined;
    default: {
      const never: never = spec;
      return never;
    }
  }
}

/** The table's name, or Name_2 ... when a table or workbook name elsewhere (the user's) has it. */
function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A table covers its header and exactly rowCount rows. Excel cannot open a table without a data
 * row, so an empty one (rowCount 0) gets a single blank row under its header: the filter buttons
 * stay, and the sheet shows an empty list rather than no table at all.
 */
function addTable(ws: ExcelJS.Worksheet, spec: SheetSpec, t: TableSpec, taken: Set<string>): void {
  const dataRows = Math.max(1, t.rowCount);
  // exceljs writes the table's header and rows into the cells itself; the spec's cells go on top afterwards.
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 0; r < dataRows; r++) {
    const src = spec.rows[t.headerRow + 1 + r] ?? [];
    rows.push(t.columns.map((_c, i) => {
      const cell = src[t.firstCol + i];
      return cell ? cellValue(cell) : null;
    }));
  }
  ws.addTable({
    name: freeTableName(t.name, taken),
    ref: `${columnLetter(t.firstCol + 1)}${t.headerRow + 1}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: t.columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec, tableNames: Set<string>): void {
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Auditors print: A4, one page wide, wide sheets in landscape, a table's header on every page.
  const width = spec.columnWidths.reduce((a, b) => a + b, 0);
  ws.pageSetup = { paperSize: 9, orientation: width > 100 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const firstTable = spec.tables[0];
  if (firstTable) ws.pageSetup.printTitlesRow = `${firstTable.headerRow + 1}:${firstTable.headerRow + 1}`;
  for (const t of spec.tables) addTable(ws, spec, t, tableNames);
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
  // Excel repairs a file whose table header cells differ from the table's column names.
  for (const t of spec.tables) {
    t.columns.forEach((name, i) => {
      const cell = ws.getCell(t.headerRow + 1, t.firstCol + i + 1);
      if (cell.value !== name) cell.value = name;
    });
  }
}
