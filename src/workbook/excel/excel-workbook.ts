/**
 * The Excel adapter: the WorkbookPort over office-js. Reads a sheet's used range in row blocks
 * sized to the request payload limit (Excel on the web caps a request and a response at 5 MB, and
 * any platform caps a read at 5,000,000 cells), halving a block on a payload error; writes values
 * first, then number formats, styles, tables, widths, print setup, freeze panes, protection, and
 * marks the sheets it wrote with a workbook name that Excel keeps pointing at the sheet through
 * renames. Both take an AbortSignal, checked between requests: a stopped read asks for no further
 * block; a write swaps its sheets in only with its last request, and a stop or a failure before
 * that takes them out again, so the workbook is as it was. What each of those is (formats, looks,
 * names, print setup, the marker, serial dates) is decided in ../render.ts, shared with the xlsx
 * adapter; this file only says it in office-js.
 * `Excel.run` never leaves this file. It is over 400 lines for that reason: reading (row blocks, and
 * the sparse read of a range beyond 2M cells) and writing (cells, looks, tables, charts, print
 * setup, the swap and its undoing) share the markers and the request batches, which would
 * otherwise have to be exported.
 */
import type { RawCell, SheetData } from '../../engine/cells';
import { columnLetter } from '../../engine/cells';
import type { CellSpec, CellStyle, SheetSpec } from '../../engine/sheet-spec';
import { stopIfAborted, type ReadOptions, type ReadProgress, type SheetInfo, type WorkbookPort, type WriteOptions } from '../port';
import {
  CELL_LOOKS,
  columnWidthPoints,
  formulaText,
  planSheetNames,
  freeTableName,
  GENERAL_FORMAT,
  isMarkerName,
  keyFromMarker,
  markerName,
  numberFormatOf,
  numberOf,
  printSetupOf,
  PROTECTION,
  sheetOfReference,
  TABLE_STYLE,
  tableBox,
  titleRowsReference,
} from '../render';
import { chartDataAddress, chartPositionCells, EXCEL_CHART_TYPE } from '../render-charts';

/** Excel.run, or a stand-in with the same shape in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Bytes of cell data to aim for in one request or response (below the 5 MB cap, for JSON overhead). */
  readonly targetBytes?: number;
  /** Cells in the first block read, before the size of a cell is known. */
  readonly firstBlockCells?: number;
  /** Office.context.requirements.isSetSupported, or a stand-in in tests; by default the real one when Office is there. */
  readonly isSetSupported?: (set: string, version: string) => boolean;
}

const FIVE_MILLION_CELLS = 5_000_000;
/**
 * A used range of more cells than this is not read as a rectangle: a sheet holding A1 and
 * XFD1048576 has a used range of 17 billion cells and two that exist. It is read from the cells
 * that exist (the constants and formulas, as areas), within the same budget as the xlsx adapter's.
 */
const RECTANGLE_CELLS = 2_000_000;
/** The cells that exist on one sheet that the adapter reads (the xlsx adapter's workbook budget). */
export const MAX_SHEET_CELLS = 5_000_000;

interface Area {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

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
    case 'formula':
      return `=${formulaText(c)}`;
    case 'number':
    case 'money':
    case 'date':
      return numberOf(c);
    default: {
      const never: never = c;
      return never;
    }
  }
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly targetBytes: number;
  private readonly firstBlockCells: number;

  private readonly supports: ((set: string, version: string) => boolean) | undefined;

  constructor(
    private readonly run: ExcelRun,
    options: ExcelWorkbookOptions = {},
  ) {
    this.targetBytes = options.targetBytes ?? 4 * 1024 * 1024;
    this.firstBlockCells = options.firstBlockCells ?? 50_000;
    this.supports = options.isSetSupported;
  }

  /** Sheet name -> product key, from the workbook's names. */
  private async markers(context: Excel.RequestContext): Promise<Map<string, { key: string; name: string }>> {
    return (await this.names(context)).markers;
  }

  /**
   * The workbook's names: the markers by the sheet they point at, the markers whose sheet the user
   * deleted (Excel turns their reference into #REF!), and every name (tables must differ from them).
   */
  private async names(context: Excel.RequestContext): Promise<{ markers: Map<string, { key: string; name: string }>; dangling: string[]; all: string[] }> {
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync();
    const markers = new Map<string, { key: string; name: string }>();
    const dangling: string[] = [];
    for (const n of names.items) {
      if (!isMarkerName(n.name)) continue;
      const sheet = sheetOfReference(String(n.formula));
      if (sheet) markers.set(sheet, { key: keyFromMarker(n.name), name: n.name });
      else dangling.push(n.name);
    }
    return { markers, dangling, all: names.items.map((n) => n.name) };
  }

  /** Print setup (worksheet.pageLayout) needs ExcelApi 1.9; the manifest asks only for 1.7, so older Excel skips it. */
  private canSetPrint(): boolean {
    if (this.supports) return this.supports('ExcelApi', '1.9');
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', '1.9'));
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

  async readSheetTop(name: string, rows: number, options: ReadOptions = {}): Promise<SheetData> {
    stopIfAborted(options.signal);
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

  /** A signal in `options` is checked before every block: once it is aborted no further load is asked of Excel. */
  async readSheet(name: string, onProgress?: (p: ReadProgress) => void, options: ReadOptions = {}): Promise<SheetData> {
    const { signal } = options;
    stopIfAborted(signal);
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return { name, originRow: 1, originCol: 1, rows: [] };
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      if (rowCount * columnCount > RECTANGLE_CELLS) return this.readSparse(context, ws, used, name, onProgress, signal);
      const rows: RawCell[][] = [];
      let bytesPerCell: number | null = null;
      let cap = Number.POSITIVE_INFINITY; // rows per block after a payload error
      let r = 0;
      while (r < rowCount) {
        stopIfAborted(signal);
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

  /**
   * A sheet whose used range is too large to read as a rectangle, read from the cells that exist:
   * the areas of constants and of formulas, their values loaded in batches sized to the payload
   * limit. Rows holding no cell share one frozen empty row (as the xlsx adapter does), so the cost
   * is the cells that exist plus one pointer a row. More cells than MAX_SHEET_CELLS is refused,
   * naming the sheet.
   */
  private async readSparse(context: Excel.RequestContext, ws: Excel.Worksheet, used: Excel.Range, name: string, onProgress?: (p: ReadProgress) => void, signal?: AbortSignal): Promise<SheetData> {
    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    const kinds = ['Constants', 'Formulas'].map((k) => used.getSpecialCellsOrNullObject(k as Excel.SpecialCellType));
    for (const k of kinds) k.load('isNullObject,cellCount');
    await context.sync();
    const present = kinds.filter((k) => !k.isNullObject);
    for (const k of present) k.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    if (present.length > 0) await context.sync();
    const areas: Area[] = present.flatMap((k) => k.areas.items.map((a) => ({ rowIndex: a.rowIndex, columnIndex: a.columnIndex, rowCount: a.rowCount, columnCount: a.columnCount })));
    const cells = kinds.reduce((n, k) => n + (k.isNullObject ? 0 : k.cellCount), 0);
    if (cells > MAX_SHEET_CELLS) {
      throw new Error(`the sheet '${name}' holds ${cells.toLocaleString('en-GB')} cells, more than this tool reads (${MAX_SHEET_CELLS.toLocaleString('en-GB')}); remove the rows or columns the run does not need`);
    }
    // Blocks of at most `per` cells: an area wider than a block is read a few rows at a time.
    const per = Math.max(1, Math.floor(this.targetBytes / 40));
    const blocks: Area[] = [];
    for (const a of areas) {
      const rowsPer = Math.max(1, Math.floor(per / a.columnCount));
      for (let r = 0; r < a.rowCount; r += rowsPer) blocks.push({ ...a, rowIndex: a.rowIndex + r, rowCount: Math.min(rowsPer, a.rowCount - r) });
    }
    const empty = Object.freeze(new Array<RawCell>(columnCount).fill(null)) as RawCell[];
    const rows: RawCell[][] = new Array<RawCell[]>(rowCount).fill(empty);
    let done = 0;
    for (let i = 0; i < blocks.length; ) {
      stopIfAborted(signal);
      const batch: { area: Area; range: Excel.Range }[] = [];
      let size = 0;
      while (i < blocks.length && (batch.length === 0 || size + (blocks[i] as Area).rowCount * (blocks[i] as Area).columnCount <= per)) {
        const a = blocks[i] as Area;
        const range = ws.getRangeByIndexes(a.rowIndex, a.columnIndex, a.rowCount, a.columnCount);
        range.load('values');
        batch.push({ area: a, range });
        size += a.rowCount * a.columnCount;
        i++;
      }
      await context.sync();
      for (const { area, range } of batch) {
        (range.values as unknown[][]).forEach((vals, r) => {
          const at = area.rowIndex + r - rowIndex;
          let row = rows[at] as RawCell[];
          vals.forEach((v, c) => {
            const raw = toRaw(v);
            if (raw === null) return;
            if (row === empty) {
              row = new Array<RawCell>(columnCount).fill(null);
              rows[at] = row;
            }
            row[area.columnIndex + c - columnIndex] = raw;
          });
        });
      }
      done += size;
      onProgress?.({ sheet: name, rowsRead: Math.round((done / Math.max(1, cells)) * rowCount), rowsTotal: rowCount });
    }
    return { name, originRow: rowIndex + 1, originCol: columnIndex + 1, rows };
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

  /**
   * Writes the sheets so that a stop (the signal) or a failure before the end leaves the workbook as
   * it was. The product's sheets being replaced step aside under temporary names; the new sheets are
   * added under their final names, all of them before any cell, so a formula on one finds the
   * others; their cells go in row blocks, the signal checked and progress reported at each request.
   * Only the last request swaps them: the old sheets and their markers go, the new ones are marked,
   * take the old ones' places, their tables the old tables' names, and are protected. Before that
   * request, a stop or a failure deletes the new sheets and gives the old ones back their names.
   * The user's sheets are never touched.
   */
  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    stopIfAborted(signal);
    await this.run(async (context) => {
      const book = context.workbook;
      const sheets = book.worksheets;
      sheets.load('items/name,items/position');
      const tables = book.tables;
      tables.load('items/name,items/worksheet/name');
      const { markers, dangling, all } = await this.names(context); // one sync: the sheets and tables ride along
      const replaced = new Set(specs.map((spec) => markerName(spec.key)));
      const oldMarkers = [...markers].filter(([, m]) => replaced.has(m.name));
      const old = oldMarkers.flatMap(([sheet, m]) => {
        const ws = sheets.items.find((s) => s.name === sheet);
        return ws ? [{ ws, name: sheet, position: ws.position, key: m.key }] : [];
      });
      const replacedSheets = new Set(old.map((o) => o.name));
      // Table names Excel will still hold once the replaced sheets are gone, and every other workbook name.
      const tableNames = new Set([...tables.items.filter((t) => !replacedSheets.has(t.worksheet.name)).map((t) => t.name), ...all.filter((n) => !dangling.includes(n))].map((n) => n.toLowerCase()));
      // Until the swap the replaced sheets' tables are still there: a new table wanting one of their names has another meanwhile.
      const names: TableNaming = {
        final: tableNames,
        replaced: new Set(tables.items.filter((t) => replacedSheets.has(t.worksheet.name)).map((t) => t.name.toLowerCase())),
        busy: new Set([...tables.items.map((t) => t.name), ...all].map((n) => n.toLowerCase())),
      };
      // Every name decided first, so formulas point at the sheets as they will be named.
      const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const plan = planSheetNames(specs, new Set([...taken].filter((n) => ![...replacedSheets].some((r) => r.toLowerCase() === n))));
      const inUse = new Set([...taken, ...plan.names.map((n) => n.toLowerCase())]);
      for (const o of old) o.ws.name = freeName('HL replacing', inUse, ' ');
      // All the new sheets first, so that a formula on one finds the others under their final names.
      const created = plan.specs.map((spec, i) => ({ spec, name: plan.names[i] as string, ws: sheets.add(plan.names[i] as string), marker: markerName(spec.key) }));
      const total = plan.specs.reduce((n, spec) => n + spec.rows.length, 0);
      const flow: WriteFlow = { pendingBytes: 0, queuedRows: 0, sheet: '', send: async () => {} };
      flow.send = async () => {
        stopIfAborted(signal);
        await context.sync();
        flow.pendingBytes = 0;
        onProgress?.({ sheet: flow.sheet, rowsWritten: flow.queuedRows, rowsTotal: total });
      };
      const renames: { table: Excel.Table; name: string }[] = [];
      try {
        onProgress?.({ sheet: plan.names[0] ?? '', rowsWritten: 0, rowsTotal: total });
        for (const { ws, spec, name } of created) {
          stopIfAborted(signal);
          flow.sheet = name;
          renames.push(...(await this.writeCells(ws, spec, names, flow)));
        }
        stopIfAborted(signal);
      } catch (e) {
        await undo(context, created, old);
        throw e;
      }
      // The swap, in the request that carries the last blocks: past this point nothing stops it.
      for (const name of [...dangling, ...oldMarkers.map(([, m]) => m.name)]) book.names.getItem(name).delete();
      for (const o of old) o.ws.delete();
      for (const { table, name } of renames) table.name = name;
      for (const { ws, marker } of created) book.names.add(marker, ws.getRange('A1'));
      // In the replaced sheets' places, left to right (each move leaves the places before it as they are).
      const places = created.flatMap(({ ws, spec }) => old.filter((o) => o.key === spec.key).map((o) => ({ ws, position: o.position })));
      for (const { ws, position } of places.sort((x, y) => x.position - y.position)) ws.position = position;
      // Protection last: a protected sheet refuses new objects and renamed tables.
      for (const { ws, spec } of created) {
        if (spec.protect) ws.protection.protect({ allowAutoFilter: PROTECTION.autoFilter, allowSort: PROTECTION.sort, allowFormatColumns: PROTECTION.formatColumns, allowFormatRows: PROTECTION.formatRows });
      }
      await context.sync();
      onProgress?.({ sheet: flow.sheet, rowsWritten: total, rowsTotal: total });
      if (this.canSetPrint()) await setPrint(context, created);
    });
  }

  /** Values (and formulas) first in row blocks, then formats, styles, tables, widths, panes, protection. */
  private async writeCells(ws: Excel.Worksheet, spec: SheetSpec, names: TableNaming, flow: WriteFlow): Promise<{ table: Excel.Table; name: string }[]> {
    const width = Math.max(1, spec.columnWidths.length, ...spec.rows.map((r) => r.length));
    // Row blocks of values and their formats, each request filled up to the target size.
    let r = 0;
    while (r < spec.rows.length) {
      const values: (string | number | boolean)[][] = [];
      const formats: string[][] = [];
      let bytes = 0;
      while (r + values.length < spec.rows.length) {
        const src = spec.rows[r + values.length] ?? [];
        const row = Array.from({ length: width }, (_x, c) => cellValue(src[c] ?? null) ?? '');
        const fmt = Array.from({ length: width }, (_x, c) => (src[c] ? numberFormatOf(src[c]) : null) ?? GENERAL_FORMAT);
        const size = JSON.stringify(row).length + JSON.stringify(fmt).length;
        if (flow.pendingBytes + bytes + size > this.targetBytes && (values.length > 0 || flow.pendingBytes > 0)) break;
        values.push(row);
        formats.push(fmt);
        bytes += size;
      }
      if (values.length === 0) {
        await flow.send(); // the request is full: send it before this block
        continue;
      }
      const range = ws.getRangeByIndexes(r, 0, values.length, width);
      range.values = values;
      range.numberFormat = formats;
      flow.pendingBytes += bytes;
      flow.queuedRows += values.length;
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
      ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = columnWidthPoints(w);
    });
    const renames: { table: Excel.Table; name: string }[] = [];
    for (const t of spec.tables) {
      const table = ws.tables.add(tableBox(t).address, true);
      const name = freeTableName(t.name, names.final);
      names.busy.add(name.toLowerCase());
      if (names.replaced.has(name.toLowerCase())) {
        const meanwhile = freeName(`${name.slice(0, 240)}_new`, names.busy, '_');
        table.name = meanwhile;
        names.final.add(meanwhile.toLowerCase());
        renames.push({ table, name });
      } else table.name = name;
      table.style = TABLE_STYLE;
    }
    if (spec.freeze) {
      if (spec.freeze.rows > 0) ws.freezePanes.freezeRows(spec.freeze.rows);
      if (spec.freeze.cols > 0) ws.freezePanes.freezeColumns(spec.freeze.cols);
    }
    // Charts before protection: a protected sheet refuses new objects.
    for (const chart of spec.charts ?? []) {
      const drawn = ws.charts.add(EXCEL_CHART_TYPE[chart.type] as Excel.ChartType, ws.getRange(chartDataAddress(chart)), 'Columns');
      drawn.title.text = chart.title;
      drawn.legend.position = 'Bottom';
      const at = chartPositionCells(chart);
      drawn.setPosition(at.start, at.end);
    }
    if (spec.veryHidden) ws.visibility = 'VeryHidden';
    // The caller's next sync sends the last block with the formats and tables; it protects the sheet at the swap.
    return renames;
  }
}

/**
 * Table names during a write: `final`, those the workbook holds once the replaced sheets are gone;
 * `replaced`, the replaced sheets' tables' (still there until the swap); `busy`, every name in use now.
 */
interface TableNaming {
  readonly final: Set<string>;
  readonly replaced: ReadonlySet<string>;
  readonly busy: Set<string>;
}

/** Where a write is: the bytes waiting in the request, the rows queued so far, the sheet being written, and how a full request is sent. */
interface WriteFlow {
  pendingBytes: number;
  queuedRows: number;
  sheet: string;
  send: () => Promise<void>;
}

/** `base` or `base<sep>2`, `base<sep>3`, ... : the first not in `taken` (lower case), which it joins. */
function freeName(base: string, taken: Set<string>, sep: string): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${sep}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A write stopped before its swap, taken back: the new sheets deleted, the replaced ones given back
 * their names. What was queued for the new sheets goes with it and is deleted too.
 * If Excel refuses this as well, the error that stopped the write is the one the caller sees.
 */
async function undo(context: Excel.RequestContext, created: readonly { ws: Excel.Worksheet }[], old: readonly { ws: Excel.Worksheet; name: string }[]): Promise<void> {
  try {
    for (const { ws } of created) ws.delete();
    for (const { ws, name } of old) ws.name = name;
    await context.sync();
  } catch {
    // Nothing more to do from here: the caller reports the first error.
  }
}

/** A cell look (render.ts) on a range: only what differs from a plain cell is set, so a plain run costs nothing. */
function applyStyle(range: Excel.Range, style: CellStyle): void {
  const look = CELL_LOOKS[style];
  if (!look.bold && !look.italic && look.size === null && look.color === null && look.fill === null && !look.borderTop) return;
  const font = range.format.font;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size !== null) font.size = look.size;
  if (look.color !== null) font.color = look.color;
  if (look.fill !== null) range.format.fill.color = look.fill;
  if (look.borderTop) range.format.borders.getItem('EdgeTop').style = 'Continuous';
}

/**
 * Print setup for the sheets just written, in a request of its own after them: a printing nicety
 * Excel refuses (a platform that rejects a zoom option) must not cost the user the sheets, which
 * are already written; printing then falls back to Excel's defaults.
 */
async function setPrint(context: Excel.RequestContext, written: readonly { ws: Excel.Worksheet; spec: SheetSpec }[]): Promise<void> {
  try {
    for (const { ws, spec } of written) {
      const setup = printSetupOf(spec);
      const layout = ws.pageLayout;
      layout.paperSize = setup.paper;
      layout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      // 0 pages tall: as many as the rows need (as fitToHeight="0" in the file format).
      layout.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
      if (setup.titleRows) layout.setPrintTitleRows(titleRowsReference(setup.titleRows));
    }
    await context.sync();
  } catch {
    // The sheets are written; only their print setup is Excel's default.
  }
}
