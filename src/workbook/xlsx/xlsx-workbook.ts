/**
 * The xlsx adapter: the WorkbookPort over exceljs, for files (CLI) and the standalone page. Holds
 * the whole workbook in memory; bytes in, bytes out. No file system here, so the class runs in a
 * browser too; xlsx-file.ts opens and saves files for Node. How a SheetSpec becomes cells (formats,
 * looks, sheet and table names, print setup, the marker, serial dates) is decided in ../render.ts,
 * shared with the Excel adapter; this file only says it in exceljs.
 *
 * Known exceljs limits (checked against 4.4.0), which matter only when a user's workbook is
 * re-saved with the product's sheets added: charts, pivot tables, images in some layouts, form
 * controls and VBA are not carried over; workbook names that are not plain cell ranges (constants,
 * formulas, whole columns) are dropped, and sheet-scoped names become workbook-wide. The CLI
 * therefore writes the audit pack to a new workbook unless asked to copy the inputs.
 */
import ExcelJS from 'exceljs';
import type { RawCell, SheetData } from '../../engine/cells';
import type { SheetSpec } from '../../engine/sheet-spec';
import { stopIfAborted, type ReadOptions, type ReadProgress, type SheetInfo, type WorkbookPort, type WriteOptions } from '../port';
import { isMarkerName, keyFromMarker, markerName, markerReference, planSheetNames, PROTECTION, serialOfDate } from '../render';
import { chartSeries } from '../render-charts';
import { writeSpec } from './xlsx-write-spec';
import { zipWorkbook, type ZipOptions } from './xlsx-zip';
import { nextTask } from '../../next-task';

/** Rows are padded to the used range's width only while that costs at most this many cells. */
const PAD_CELLS = 20_000_000;

/** Progress is reported every this many rows of a large sheet. */
const PROGRESS_EVERY = 10_000;

/** exceljs keeps the tab order in a property its typings do not declare. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };
/** ...and a sheet's tables in a map its typings do not declare either (getTables() is mistyped). */
type WithTables = ExcelJS.Worksheet & { tables: Record<string, unknown> };

/** A value as exceljs gives it (a cell's value, or a formula's cached result) as the port's raw cell. */
function rawOf(v: unknown): RawCell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : serialOfDate(v);
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
  /** The product sheets with native charts, which exceljs cannot write: added to the saved bytes (./charts.ts). */
  private readonly charted = new Map<ExcelJS.Worksheet, SheetSpec>();

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

  /** The workbook as .xlsx bytes, zipped in steps a signal stops (./xlsx-zip.ts). */
  async toBuffer(options: ZipOptions = {}): Promise<Uint8Array> {
    const sheets = this.workbook.worksheets.flatMap((ws) => {
      const spec = this.charted.get(ws);
      return spec ? [{ sheet: ws.name, charts: (spec.charts ?? []).map((chart) => ({ chart, series: chartSeries(spec, ws.name, chart) })) }] : [];
    });
    return zipWorkbook(this.workbook, sheets, options);
  }

  /**
   * Marker name -> the sheet it points at, from the workbook's names. A name whose sheet is gone
   * (the user deleted it: Excel turns the reference into #REF!) maps to null.
   */
  private markers(): Map<string, ExcelJS.Worksheet | null> {
    const out = new Map<string, ExcelJS.Worksheet | null>();
    this.workbook.definedNames.forEach((name: string, cell: unknown) => {
      if (!isMarkerName(name) || out.get(name)) return;
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

  /** The read runs on this thread without a pause, so a signal is checked once, before it starts. */
  async readSheet(name: string, onProgress?: (p: ReadProgress) => void, options: ReadOptions = {}): Promise<SheetData> {
    stopIfAborted(options.signal);
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
    // Only the cells that exist are materialised: a row with none is one shared (frozen) empty row,
    // so a sheet with cells at A1 and XFD1048576 costs two rows of cells and a million pointers,
    // not the 17-billion-cell rectangle between them.
    const empty = Object.freeze(new Array<RawCell>(width).fill(null)) as RawCell[];
    const rows: RawCell[][] = new Array<RawCell[]>(total).fill(empty);
    const nonEmpty: number[] = [];
    let done = 0;
    ws.eachRow((row, r) => {
      if (r < used.top || r > bottom) return;
      let out: RawCell[] | null = null;
      row.eachCell((cell, c) => {
        if (c < used.left || c > used.right) return;
        const v = rawCell(cell);
        if (v === null) return;
        if (out === null) out = [];
        while (out.length < c - used.left) out.push(null);
        out[c - used.left] = v;
      });
      if (out !== null) {
        rows[r - used.top] = out;
        nonEmpty.push(r - used.top);
      }
      if (onProgress && ++done % PROGRESS_EVERY === 0) onProgress({ sheet: ws.name, rowsRead: r - used.top + 1, rowsTotal: total });
    });
    // Rows padded to the used range's width, as Excel's API returns them, while that stays a sane
    // number of cells; past it the rows keep only their own cells (readers treat a missing cell as blank).
    if (nonEmpty.length * width <= PAD_CELLS) {
      for (const i of nonEmpty) {
        const row = rows[i] as RawCell[];
        while (row.length < width) row.push(null);
      }
    }
    onProgress?.({ sheet: ws.name, rowsRead: total, rowsTotal: total });
    return { name: ws.name, originRow: used.top, originCol: used.left, rows };
  }

  /**
   * Writes in two phases. First each new sheet is written, in blocks of rows (BLOCK_ROWS) with a
   * pause, a check of the signal and progress after each, under a name of its own beside the sheets
   * it replaces; a stop or failure then removes the new sheets and leaves the workbook as it was.
   * Then, without a pause (past the point of return), the replaced sheets go, and the new ones take
   * their names, places in the tab order and markers.
   */
  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    stopIfAborted(signal);
    const rowsTotal = specs.reduce((n, spec) => n + spec.rows.length, 0);
    let rowsWritten = 0;
    // Names of sheets the user deleted point nowhere (#REF!): ours, and dropped so Excel need not repair them.
    for (const [marker, ws] of this.markers()) if (!ws) this.removeName(marker);
    // Every name decided first, so formulas point at the sheets as they will be named.
    const markers = this.markers();
    const replaced = new Set(specs.map((spec) => markers.get(markerName(spec.key))).filter((ws): ws is ExcelJS.Worksheet => !!ws));
    const plan = planSheetNames(specs, new Set(this.workbook.worksheets.filter((w) => !replaced.has(w)).map((w) => w.name.toLowerCase())));
    const made: ExcelJS.Worksheet[] = [];
    try {
      for (const [i, spec] of plan.specs.entries()) {
        const name = plan.names[i] as string;
        const ws = this.workbook.addWorksheet(this.writingName(i), spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0) ? { views: [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] } : {});
        made.push(ws);
        await writeSpec(ws, spec, this.tableNames(replaced), async (rows) => {
          rowsWritten += rows;
          onProgress?.({ sheet: name, rowsWritten, rowsTotal });
          await nextTask();
          stopIfAborted(signal);
        });
        if (spec.rows.length === 0) onProgress?.({ sheet: name, rowsWritten, rowsTotal });
        if (spec.veryHidden) ws.state = 'veryHidden';
        if (spec.protect) {
          // No password: a guard against accidental edits; filtering, sorting and widening columns stay allowed.
          await ws.protect('', { selectLockedCells: PROTECTION.selectCells, selectUnlockedCells: PROTECTION.selectCells, autoFilter: PROTECTION.autoFilter, sort: PROTECTION.sort, formatColumns: PROTECTION.formatColumns, formatRows: PROTECTION.formatRows });
        }
      }
      stopIfAborted(signal);
    } catch (e) {
      for (const ws of made) this.workbook.removeWorksheet(ws.id);
      throw e;
    }
    for (const [i, spec] of plan.specs.entries()) {
      const ws = made[i] as ExcelJS.Worksheet;
      const marker = markerName(spec.key);
      const old = this.markers().get(marker);
      if (old) {
        // The replacement takes the old sheet's place in the tab order.
        (ws as Ordered).orderNo = (old as Ordered).orderNo;
        this.charted.delete(old);
        this.workbook.removeWorksheet(old.id);
      }
      this.removeName(marker);
      const name = plan.names[i] as string;
      ws.name = name;
      if (spec.charts && spec.charts.length > 0) this.charted.set(ws, spec);
      this.workbook.definedNames.add(markerReference(name), marker);
    }
  }

  /** A name no sheet has, for a sheet while it is written (phase one of writeSheets). */
  private writingName(i: number): string {
    let name = `HL writing ${i + 1}`;
    while (this.sheet(name)) name += '~';
    return name;
  }

  /** Table names in use in the workbook but on sheets about to be replaced, and workbook names (Excel wants them all distinct), lower-cased. */
  private tableNames(replaced: ReadonlySet<ExcelJS.Worksheet>): Set<string> {
    const taken = new Set<string>();
    for (const ws of this.workbook.worksheets) if (!replaced.has(ws)) for (const t of Object.keys((ws as WithTables).tables ?? {})) taken.add(t.toLowerCase());
    for (const n of this.workbook.definedNames.model) taken.add(n.name.toLowerCase());
    return taken;
  }
}

