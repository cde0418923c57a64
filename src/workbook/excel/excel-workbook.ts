/**
 * The Excel adapter: the WorkbookPort over office-js. Reads a sheet's used range in row blocks
 * sized to the request payload limit (Excel on the web caps a request and a response at 5 MB, and
 * any platform caps a read at 5,000,000 cells), halving a block on a payload error; writes values
 * first, then number formats, styles, tables, widths, freeze panes, protection, and marks the
 * sheets it wrote with a workbook name that Excel keeps pointing at the sheet through renames.
 * `Excel.run` never leaves this file.
 */
import { isoToSerial, type IsoDate } from '../../engine/dates';
import type { RawCell, SheetData } from '../../engine/cells';
import { penceToPounds } from '../../engine/money';
import type { CellSpec, CellStyle, SheetSpec } from '../../engine/sheet-spec';
import type { ReadProgress, SheetInfo, WorkbookPort } from '../port';
import { keyFromMarker, markerName } from '../markers';

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Bytes of cell data to aim for in one request or response (below the 5 MB cap, for JSON overhead). */
  readonly targetBytes?: number;
  /** Cells in the first block read, before the size of a cell is known. */
  readonly firstBlockCells?: number;
}

const FIVE_MILLION_CELLS = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);
const MONEY_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code) || /payload/i.test(String((e as Error).message ?? ''));
}

/** An office-js cell value as the port's raw cell: errors arrive as their text, empty cells as "". */
function toRaw(v: unknown): RawCell {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string') return EXCEL_ERRORS.has(v) ? { error: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

/**
 * Every text cell goes with a leading apostrophe. Excel parses a string written through
 * `range.values` as if the user had typed it: "00123" -> 123, "1/2" -> a date, "TRUE" -> a
 * boolean, "12%" -> 0.12, "1e5" -> 100000, "=1+1" and "-2+3" -> formulas, and how it parses
 * depends on the user's locale, so no test of the text can tell which strings are safe. The
 * apostrophe (Excel's quote prefix, as typed) keeps any string text; Excel stores the text without
 * it and `values` reads it back without it. A number format of "@" would also keep the text, but
 * it stays on the cell and turns whatever the user later types there (a formula too) into text.
 */
function textValue(s: string): string {
  return s === '' ? '' : `'${s}`;
}

function cellValue(c: CellSpec | null): string | number | boolean | null {
  if (!c) return null;
  switch (c.kind) {
    case 'text':
      return textValue(c.value);
    case 'number':
      return c.value;
    case 'money':
      return penceToPounds(c.value);
    case 'date':
      return isoToSerial(c.value as IsoDate);
    case 'formula':
      return `=${c.formula}`;
    default: {
      const never: never = c;
      return never;
    }
  }
}

function numberFormat(c: CellSpec | null): string | null {
  if (!c) return null;
  if (c.kind === 'money' || (c.kind === 'formula' && c.result.kind === 'money')) return MONEY_FORMAT;
  if (c.kind === 'date') return 'dd/mm/yyyy';
  if (c.kind === 'formula' && c.result.kind === 'number') return '0';
  return null;
}

function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The sheet a workbook name refers to: "='HL Summary'!$A$1" -> "HL Summary". */
export function sheetOfNameFormula(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'"]+))!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly targetBytes: number;
  private readonly firstBlockCells: number;

  constructor(
    private readonly run: ExcelRun,
    options: ExcelWorkbookOptions = {},
  ) {
    this.targetBytes = options.targetBytes ?? 4 * 1024 * 1024;
    this.firstBlockCells = options.firstBlockCells ?? 50_000;
  }

  /** Sheet name -> product key, from the workbook's names. */
  private async markers(context: Excel.RequestContext): Promise<Map<string, { key: string; name: string }>> {
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync();
    const out = new Map<string, { key: string; name: string }>();
    for (const n of names.items) {
      if (!n.name.startsWith('_HL_')) continue;
      const sheet = sheetOfNameFormula(String(n.formula));
      if (sheet) out.set(sheet, { key: keyFromMarker(n.name), name: n.name });
    }
    return out;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const markers = await this.markers(context); // one sync: the sheets load rides along
      const used = sheets.items.map((ws) => {
        const r = ws.getUsedRangeOrNullObject(true);
        r.load('isNullObject,rowCount,columnCount');
        return r;
      });
      await context.sync();
      return sheets.items.map((ws, i) => {
        const r = used[i] as Excel.Range;
        return { name: ws.name, rowCount: r.isNullObject ? 0 : r.rowCount, colCount: r.isNullObject ? 0 : r.columnCount, productKey: markers.get(ws.name)?.key ?? null };
      });
    });
  }

  async readSheetTop(name: string, rows: number): Promise<SheetData> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      const n = used.isNullObject ? 0 : Math.min(used.rowCount, Math.max(0, rows));
      if (used.isNullObject || n === 0) return { name, originRow: 1, originCol: 1, rows: [] };
      const block = ws.getRangeByIndexes(used.rowIndex, used.columnIndex, n, used.columnCount);
      block.load('values');
      await context.sync();
      return { name, originRow: used.rowIndex + 1, originCol: used.columnIndex + 1, rows: (block.values as unknown[][]).map((row) => row.map(toRaw)) };
    });
  }

  async readSheet(name: string, onProgress?: (p: ReadProgress) => void): Promise<SheetData> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return { name, originRow: 1, originCol: 1, rows: [] };
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      const rows: RawCell[][] = [];
      let bytesPerCell: number | null = null;
      let cap = Number.POSITIVE_INFINITY; // rows per block after a payload error
      let r = 0;
      while (r < rowCount) {
        const cells = bytesPerCell === null ? this.firstBlockCells : Math.floor(this.targetBytes / bytesPerCell);
        const n = Math.max(1, Math.min(rowCount - r, Math.floor(Math.min(cells, FIVE_MILLION_CELLS) / columnCount), cap));
        const block = ws.getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount);
        block.load('values');
        try {
          await context.sync();
        } catch (e) {
          if (!isPayloadError(e) || n === 1) throw e;
          cap = Math.max(1, Math.floor(n / 2));
          continue;
        }
        const values = block.values as unknown[][];
        bytesPerCell = Math.max(1, JSON.stringify(values).length / (n * columnCount));
        for (const row of values) rows.push(row.map(toRaw));
        r += n;
        onProgress?.({ sheet: name, rowsRead: r, rowsTotal: rowCount });
      }
      return { name, originRow: rowIndex + 1, originCol: columnIndex + 1, rows };
    });
  }

  async selectCell(sheet: string, row: number, column: number): Promise<void> {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1 || row > MAX_ROWS || column > MAX_COLUMNS) {
      throw new Error(`no cell at row ${row}, column ${column}`);
    }
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
      await context.sync();
    });
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    await this.run(async (context) => {
      const book = context.workbook;
      const sheets = book.worksheets;
      sheets.load('items/name,items/position');
      const markers = await this.markers(context);
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      for (const spec of specs) {
        const marker = markerName(spec.key);
        let position: number | undefined;
        for (const [sheetName, m] of markers) {
          if (m.name !== marker) continue;
          const old = sheets.items.find((s) => s.name === sheetName);
          if (old) {
            position = old.position;
            old.delete();
            taken.delete(sheetName.toLowerCase());
          }
          book.names.getItem(marker).delete();
        }
        const name = freeName(spec.name, taken);
        taken.add(name.toLowerCase());
        const ws = sheets.add(name);
        if (position !== undefined) ws.position = position;
        await this.writeCells(context, ws, spec);
        book.names.add(marker, ws.getRange('A1'));
      }
      await context.sync();
    });
  }

  /** Values (and formulas) first in row blocks, then formats, styles, tables, widths, panes, protection. */
  private async writeCells(context: Excel.RequestContext, ws: Excel.Worksheet, spec: SheetSpec): Promise<void> {
    const width = Math.max(1, spec.columnWidths.length, ...spec.rows.map((r) => r.length));
    // Row blocks of values and their formats, each request filled up to the target size.
    let pendingBytes = 0;
    let r = 0;
    while (r < spec.rows.length) {
      const values: (string | number | boolean)[][] = [];
      const formats: string[][] = [];
      let bytes = 0;
      while (r + values.length < spec.rows.length) {
        const src = spec.rows[r + values.length] ?? [];
        const row = Array.from({ length: width }, (_x, c) => cellValue(src[c] ?? null) ?? '');
        const fmt = Array.from({ length: width }, (_x, c) => numberFormat(src[c] ?? null) ?? 'General');
        const size = JSON.stringify(row).length + JSON.stringify(fmt).length;
        if (pendingBytes + bytes + size > this.targetBytes && (values.length > 0 || pendingBytes > 0)) break;
        values.push(row);
        formats.push(fmt);
        bytes += size;
      }
      if (values.length === 0) {
        await context.sync(); // the request is full: send it before this block
        pendingBytes = 0;
        continue;
      }
      const range = ws.getRangeByIndexes(r, 0, values.length, width);
      range.values = values;
      range.numberFormat = formats;
      pendingBytes += bytes;
      r += values.length;
    }
    // Styles by runs of one style along a row: few ranges, never one per cell of a table.
    spec.rows.forEach((row, ri) => {
      let c = 0;
      while (c < row.length) {
        const style = row[c]?.style;
        let end = c + 1;
        while (end < row.length && row[end]?.style === style) end++;
        if (style) applyStyle(ws.getRangeByIndexes(ri, c, 1, end - c), style);
        c = end;
      }
    });
    spec.columnWidths.forEach((w, i) => {
      ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = Math.round(w * 7);
    });
    for (const t of spec.tables) {
      const last = t.headerRow + Math.max(1, t.rowCount) + 1;
      const address = `${columnLetter(t.firstCol + 1)}${t.headerRow + 1}:${columnLetter(t.firstCol + t.columns.length)}${last}`;
      const table = ws.tables.add(address, true);
      table.name = t.name;
      table.style = 'TableStyleLight9';
    }
    if (spec.freeze) {
      if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
      if (spec.freeze.cols > 0) ws.freezePanes.freezeColumns(spec.freeze.cols);
    }
    if (spec.protect) ws.protection.protect({ allowAutoFilter: true, allowSort: true, allowFormatColumns: true, allowFormatRows: true });
    // The caller's next sync sends the last block with the formats, tables and protection.
  }
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  switch (style) {
    case 'title':
      font.bold = true;
      font.size = 14;
      break;
    case 'heading':
      font.bold = true;
      range.format.fill.color = '#E7E6E6';
      break;
    case 'total':
      font.bold = true;
      range.format.borders.getItem('EdgeTop').style = 'Continuous';
      break;
    case 'status-ok':
      font.bold = true;
      font.color = '#107C10';
      break;
    case 'status-bad':
      font.bold = true;
      font.color = '#C50F1F';
      break;
    case 'note':
      font.italic = true;
      font.color = '#605E5C';
      break;
    case 'label':
      break;
    default: {
      const never: never = style;
      return never;
    }
  }
}

function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
