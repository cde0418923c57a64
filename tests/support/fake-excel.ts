/**
 * A stand-in for the part of the Excel JavaScript API the Excel adapter uses, with office-js's
 * rules: properties are readable only after load + sync, every sync is one round trip (counted),
 * and a round trip whose request or response is over 5 MB fails as Excel on the web does.
 * office-addin-mock's seeds are static object trees; this adapter asks Excel for new ranges by
 * index at run time, so the model here keeps live sheets instead (why office-addin-mock cannot do
 * this: tests/workbook/excel-workbook.test.ts).
 *
 * A string written through `range.values` is parsed as Excel parses what a user types (see
 * `enter`): numbers, percentages, booleans, dates, times and formulas are recognised, in an en-GB
 * locale; only a leading apostrophe keeps the string text.
 */
import { HyperFormula } from 'hyperformula';
import type { RawCell } from '../../src/engine/cells';

type Value = string | number | boolean;

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what}`);
  }
}

export class PayloadError extends Error {
  constructor(readonly code: string) {
    super(`${code}: the request or response of one sync is over 5 MB`);
  }
}

/** A cell's look as Excel keeps it: only what was set. */
export interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  borderTop?: string;
}

/** worksheet.pageLayout, as far as it was set (ExcelApi 1.9). */
export interface PageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
}

interface Sheet {
  name: string;
  position: number;
  cells: Map<string, Value>; // "r,c" 0-based
  formats: Map<string, string>;
  /** Cells holding a formula (Excel returns their computed values). */
  formulas: Map<string, string>;
  /** Cells holding text: what calculation sees as a string, never a number or a formula. */
  texts: Set<string>;
  styled: number;
  tables: { name: string; address: string; style: string }[];
  frozenRows: number;
  frozenCols: number;
  protected: boolean;
  widths: Map<string, number>;
  looks: Map<string, Look>;
  pageLayout: PageLayout;
  deleted: boolean;
  /** Charts added with worksheet.charts.add: type, the source range's address, series by, title, legend and position. */
  charts: FakeChart[];
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legend: string;
  position: { start: string; end: string } | null;
}

/**
 * Excel's rules for a sheet name (worksheets.add and renaming refuse any other): 1 to 31
 * characters, none of : \ / ? * [ ], no apostrophe first or last, and not "History".
 */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return 'must be 1 to 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'must not contain : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'must not begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return 'History is reserved';
  return null;
}

/**
 * Excel's rules for a table name: starts with a letter, "_" or "\\"; then letters, digits, "." and
 * "_"; at most 255 characters; not a cell reference (A1 or R1C1 style) nor "C", "c", "R", "r".
 */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return 'must be 1 to 255 characters';
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return 'must start with a letter or _ and hold only letters, digits, _ and .';
  if (/^[RrCc]$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return 'must not be a cell reference';
  return null;
}

interface NameItem {
  name: string;
  formula: string;
}

const ERROR_LITERALS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The year Excel assumes for a date typed without one ("1/2"); fixed so tests are deterministic. */
const ENTRY_YEAR = 2026;

function serialOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return t / 86_400_000 + 25569;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/** What Excel makes of a string typed into a General cell: a number, a boolean, a date or time serial, an error, a formula, or text. */
export function enter(typed: string): { kind: 'text'; value: string } | { kind: 'value'; value: Value } | { kind: 'formula'; formula: string } {
  if (typed.startsWith("'")) return { kind: 'text', value: typed.slice(1) };
  const t = typed.trim();
  if (t.startsWith('=')) return { kind: 'formula', formula: t };
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  if (ERROR_LITERALS.has(t.toUpperCase())) return { kind: 'value', value: t.toUpperCase() };
  // Numbers: sign, currency, thousands separators, exponent, percent, accounting brackets.
  const bracketed = /^\((.*)\)$/.exec(t);
  const num = /^([+-]?)[£$]?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(e[+-]?\d+)?(%?)$/i.exec(bracketed?.[1] ?? t);
  if (num) {
    const n = Number(`${(num[2] ?? '').replace(/,/g, '')}${num[3] ?? ''}`) / (num[4] ? 100 : 1);
    return { kind: 'value', value: (num[1] === '-') !== Boolean(bracketed) ? -n : n };
  }
  // Dates, day first (en-GB): 1/2, 1/2/26, 01-02-2026, 2026-02-01, 1 Feb, 1-Feb-2026.
  const dm = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t);
  if (dm) {
    const v = serialOf(dm[3] ? fullYear(dm[3]) : ENTRY_YEAR, Number(dm[2]), Number(dm[1]));
    if (v !== null) return { kind: 'value', value: v };
  }
  const iso = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (iso) {
    const v = serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (v !== null) return { kind: 'value', value: v };
  }
  const named = /^(\d{1,2})[ -]([a-z]{3})[a-z]*(?:[ -](\d{2}|\d{4}))?$/i.exec(t);
  if (named && MONTHS.includes((named[2] ?? '').toLowerCase())) {
    const v = serialOf(named[3] ? fullYear(named[3]) : ENTRY_YEAR, MONTHS.indexOf((named[2] ?? '').toLowerCase()) + 1, Number(named[1]));
    if (v !== null) return { kind: 'value', value: v };
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) return { kind: 'value', value: (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400 };
  // A leading + or - starts a formula, as does @ (implicit intersection): "-2+3" is =-2+3.
  if (/^[+\-@]/.test(t)) return { kind: 'formula', formula: `=${t}` };
  return { kind: 'text', value: typed };
}

export class FakeExcel {
  syncs = 0;
  /** Syncs refused for a payload over 5 MB. */
  refusals = 0;
  /** The largest request and response of one sync that went through. */
  largestRequest = 0;
  largestResponse = 0;
  /** Refuse a page zoom, as a platform may refuse an option it does not support (InvalidArgument). */
  refuseZoom = false;
  /** The sheet the user sees. */
  active: string | null = null;
  /** The cell the user sees selected, 0-based, after `select()`. */
  selection: { sheet: string; row: number; column: number } | null = null;
  private sheets: Sheet[] = [];
  readonly names: NameItem[] = [];
  private pending: (() => number)[] = []; // loads: each returns the bytes it delivers
  private requestBytes = 0;

  constructor(seed: readonly { name: string; rows: RawCell[][] }[] = []) {
    for (const s of seed) {
      const sheet = this.addSheet(s.name);
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          sheet.cells.set(`${r},${c}`, typeof v === 'object' ? v.error : v);
          if (typeof v === 'string') sheet.texts.add(`${r},${c}`);
        }),
      );
    }
  }

  /** Excel.run with this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context(this) as unknown as Excel.RequestContext);

  /** What the user does: rename a sheet; Excel updates the names that refer to it. */
  rename(from: string, to: string): void {
    const s = this.find(from);
    if (!s) throw new Error(from);
    const quoted = (n: string) => `'${n.replace(/'/g, "''")}'!`;
    for (const n of this.names) n.formula = n.formula.replace(quoted(from), quoted(to));
    s.name = to;
  }

  /** What the user does: delete a sheet; Excel turns the names that referred to it into #REF!. */
  deleteSheet(name: string): void {
    const s = this.find(name);
    if (!s) throw new Error(name);
    const quoted = `'${name.replace(/'/g, "''")}'!`;
    for (const n of this.names) if (n.formula.includes(quoted)) n.formula = n.formula.replace(quoted, '#REF!');
    s.deleted = true;
    this.live().forEach((x, i) => (x.position = i));
  }

  /** What the user does: add a table of their own (Insert > Table). */
  addUserTable(sheet: string, name: string, address: string): void {
    const s = this.find(sheet);
    if (!s) throw new Error(sheet);
    this.checkNewName(name);
    s.tables.push({ name, address, style: 'TableStyleMedium2' });
  }

  /** Table and workbook names share one namespace in Excel, case-insensitively. */
  private checkNewName(name: string): void {
    const lower = name.toLowerCase();
    const clash = this.names.some((n) => n.name.toLowerCase() === lower) || this.live().some((s) => s.tables.some((t) => t.name.toLowerCase() === lower));
    if (clash) throw new Error(`InvalidArgument: the name '${name}' is already in use`);
  }

  /**
   * Column widths as Excel's Column Width box shows them, from column A to the last column set: the
   * points set through office-js (its unit: OfficeDev/office-js#187) as pixels at 96 dpi, less the
   * 5 pixels of padding, in digits 7 pixels wide (Calibri 11), to 2 decimals (ECMA-376 18.3.1.13).
   * A column never set has Excel's default, 8.43.
   */
  columnWidths(name: string): number[] {
    const s = this.find(name);
    if (!s) throw new Error(name);
    const last = Math.max(-1, ...[...s.widths.keys()].map(Number));
    return Array.from({ length: last + 1 }, (_x, c) => {
      const points = s.widths.get(`${c}`);
      return points === undefined ? 8.43 : Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
    });
  }

  sheetNames(): string[] {
    return this.live().map((s) => s.name);
  }

  sheetState(name: string): Sheet | undefined {
    return this.find(name);
  }

  private live(): Sheet[] {
    return this.sheets.filter((s) => !s.deleted).sort((a, b) => a.position - b.position);
  }

  private find(name: string): Sheet | undefined {
    return this.live().find((s) => s.name === name);
  }

  private addSheet(name: string): Sheet {
    const sheet: Sheet = { name, position: this.live().length, cells: new Map(), formats: new Map(), formulas: new Map(), texts: new Set(), styled: 0, tables: [], frozenRows: 0, frozenCols: 0, protected: false, widths: new Map(), looks: new Map(), pageLayout: {}, deleted: false, charts: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Excel's calculation of a sheet's formulas (same-sheet references), by an independent engine. */
  calculate(sheet: Sheet): Map<string, Value> {
    const grid: (Value | null)[][] = [];
    for (const [k, v] of sheet.cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      // HyperFormula parses strings as typed input too: text goes with its quote prefix.
      (grid[r] ??= [])[c] = sheet.formulas.has(k) ? v : sheet.texts.has(k) ? `'${String(v)}` : v;
    }
    const hf = HyperFormula.buildFromArray(Array.from(grid, (row) => Array.from(row ?? [], (x) => x ?? null)), { licenseKey: 'gpl-v3' });
    const out = new Map<string, Value>();
    for (const k of sheet.formulas.keys()) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      const v = hf.getCellValue({ sheet: 0, row: r, col: c });
      out.set(k, typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : String(v));
    }
    hf.destroy();
    return out;
  }

  private request(bytes: number): void {
    this.requestBytes += bytes;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const request = this.requestBytes;
    this.requestBytes = 0;
    if (request > PAYLOAD_LIMIT) {
      this.pending = [];
      this.refusals++;
      throw new PayloadError('RequestPayloadSizeLimitExceeded');
    }
    this.largestRequest = Math.max(this.largestRequest, request);
    const loads = this.pending;
    this.pending = [];
    // An oversized response delivers nothing: the loads are undone.
    let response = 0;
    for (const load of loads) response += load();
    if (response > PAYLOAD_LIMIT) {
      for (const load of loads) (load as { undo?: () => void }).undo?.();
      this.refusals++;
      throw new PayloadError('ResponsePayloadSizeLimitExceeded');
    }
    this.largestResponse = Math.max(this.largestResponse, response);
  }

  private used(sheet: Sheet): { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null {
    let minR = Infinity;
    let minC = Infinity;
    let maxR = -1;
    let maxC = -1;
    for (const [k, v] of sheet.cells) {
      if (v === '') continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      minR = Math.min(minR, r);
      minC = Math.min(minC, c);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }
    return maxR < 0 ? null : { rowIndex: minR, columnIndex: minC, rowCount: maxR - minR + 1, columnCount: maxC - minC + 1 };
  }

  private context(fake: FakeExcel): unknown {
    const loaded = <T extends object>(target: T, props: Record<string, () => unknown>, onLoad?: (names: string[]) => number, preloaded: readonly string[] = []): T & { load(what?: string): unknown } => {
      const ready = new Set<string>(preloaded);
      const obj = target as T & { load(what?: string): unknown };
      for (const [prop, get] of Object.entries(props)) {
        Object.defineProperty(obj, prop, {
          get: () => {
            if (!ready.has(prop)) throw new NotLoaded(prop);
            return get();
          },
          configurable: true,
        });
      }
      obj.load = (what = Object.keys(props).join(',')) => {
        const names = what.split(',').flatMap((w) => (w.trim().startsWith('items/') ? ['items', w.trim().slice(6)] : [w.trim()]));
        const load = () => {
          for (const n of names) ready.add(n);
          return onLoad ? onLoad(names) : 20 * names.length;
        };
        (load as { undo?: () => void }).undo = () => names.forEach((n) => ready.delete(n));
        fake.pending.push(load);
        return obj;
      };
      return obj;
    };

    const rangeOf = (sheet: Sheet, r0: number, c0: number, rows: number, cols: number, isNull = false): unknown => {
      const setLook = (k: keyof Look, v: unknown): void => {
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < cols; c++) {
            const key = `${r0 + r},${c0 + c}`;
            sheet.looks.set(key, { ...sheet.looks.get(key), [k]: v });
          }
      };
      const format = {
        font: {
          set bold(v: boolean) {
            setLook('bold', v);
          },
          set italic(v: boolean) {
            setLook('italic', v);
          },
          set size(v: number) {
            setLook('size', v);
          },
          set color(v: string) {
            setLook('color', v.toUpperCase());
          },
        },
        fill: {
          set color(v: string) {
            setLook('fill', v.toUpperCase());
          },
        },
        borders: {
          getItem: (edge: string) => ({
            set style(v: string) {
              if (edge === 'EdgeTop') setLook('borderTop', v);
            },
          }),
        },
        set columnWidth(w: number) {
          sheet.widths.set(`${c0}`, w);
          fake.request(20);
        },
      };
      const values = (): Value[][] => {
        const computed = sheet.formulas.size > 0 ? fake.calculate(sheet) : undefined;
        return Array.from({ length: rows }, (_x, r) =>
          Array.from({ length: cols }, (_y, c) => {
            const key = `${r0 + r},${c0 + c}`;
            return sheet.formulas.has(key) && computed ? (computed.get(key) ?? '') : (sheet.cells.get(key) ?? '');
          }),
        );
      };
      const range = loaded(
        {
          sheet,
          format: new Proxy(format, {
            get(t, p) {
              if (p === 'font' || p === 'fill') {
                sheet.styled++;
                fake.request(30);
              }
              return (t as Record<string | symbol, unknown>)[p];
            },
          }),
          /** The cells that exist in the range, constants or formulas, as areas: each row's runs of adjacent cells (Excel may merge more; any cover is a valid RangeAreas). */
          getSpecialCellsOrNullObject: (kind: string) => {
            const byRow = new Map<number, number[]>();
            for (const [key, v] of sheet.cells) {
              if (v === '') continue;
              const [r, c] = key.split(',').map(Number) as [number, number];
              if (r < r0 || r >= r0 + rows || c < c0 || c >= c0 + cols) continue;
              if (sheet.formulas.has(key) !== (kind === 'Formulas')) continue;
              byRow.set(r, [...(byRow.get(r) ?? []), c]);
            }
            const items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[] = [];
            for (const [r, cs] of [...byRow].sort((a, b) => a[0] - b[0])) {
              cs.sort((a, b) => a - b);
              let start = cs[0] as number;
              cs.forEach((c, i) => {
                const next = cs[i + 1];
                if (next !== c + 1) {
                  items.push({ rowIndex: r, columnIndex: start, rowCount: 1, columnCount: c - start + 1 });
                  if (next !== undefined) start = next;
                }
              });
            }
            const cellCount = items.reduce((n, a) => n + a.columnCount, 0);
            const areas = loaded({}, { items: () => items }, () => 40 + 60 * items.length);
            return loaded({ areas }, { isNullObject: () => items.length === 0, cellCount: () => cellCount });
          },
          select: () => {
            fake.active = sheet.name;
            fake.selection = { sheet: sheet.name, row: r0, column: c0 };
            fake.request(20);
          },
          set values(v: Value[][]) {
            fake.request(JSON.stringify(v).length);
            // As Excel does: a string is parsed as typed input; a leading apostrophe keeps it text (and is not stored).
            v.forEach((row, r) =>
              row.forEach((x, c) => {
                const key = `${r0 + r},${c0 + c}`;
                sheet.formulas.delete(key);
                sheet.texts.delete(key);
                const e = typeof x === 'string' ? enter(x) : ({ kind: 'value', value: x } as const);
                if (e.kind === 'formula') {
                  sheet.formulas.set(key, e.formula);
                  sheet.cells.set(key, e.formula);
                } else if (e.kind === 'text') {
                  sheet.cells.set(key, e.value);
                  if (e.value !== '') sheet.texts.add(key);
                } else sheet.cells.set(key, e.value);
              }),
            );
          },
          set numberFormat(v: string[][]) {
            fake.request(JSON.stringify(v).length);
            v.forEach((row, r) => row.forEach((x, c) => sheet.formats.set(`${r0 + r},${c0 + c}`, x)));
          },
        },
        { values, isNullObject: () => isNull, rowIndex: () => r0, columnIndex: () => c0, rowCount: () => rows, columnCount: () => cols },
        (names) => (names.includes('values') ? JSON.stringify(values()).length : 40),
      );
      return range;
    };

    const worksheetOf = (sheet: Sheet, preloaded: readonly string[] = []): unknown =>
      loaded(
        {
          set position(p: number) {
            const others = fake.live().filter((s) => s !== sheet);
            others.splice(p, 0, sheet);
            others.forEach((s, i) => (s.position = i));
            fake.request(20);
          },
          // As Excel does: a name it refuses, or one another sheet has, fails; the names that refer to the sheet follow it.
          set name(n: string) {
            const problem = sheetNameProblem(n);
            if (problem) throw new Error(`InvalidArgument: sheet name '${n}' ${problem}`);
            if (fake.live().some((s) => s !== sheet && s.name.toLowerCase() === n.toLowerCase())) throw new Error(`ItemAlreadyExists: ${n}`);
            fake.rename(sheet.name, n);
            fake.request(20);
          },
          delete: () => {
            sheet.deleted = true;
            fake.live().forEach((s, i) => (s.position = i));
            fake.request(20);
          },
          getUsedRangeOrNullObject: () => {
            const u = fake.used(sheet);
            return u ? rangeOf(sheet, u.rowIndex, u.columnIndex, u.rowCount, u.columnCount) : rangeOf(sheet, 0, 0, 0, 0, true);
          },
          activate: () => {
            fake.active = sheet.name;
            fake.request(20);
          },
          getRangeByIndexes: (r: number, c: number, n: number, m: number) => {
            if (n * m > 5_000_000) throw new Error('a range of more than 5,000,000 cells');
            return rangeOf(sheet, r, c, n, m);
          },
          getRange: (address: string) => {
            const m = /^([A-Z]+)(\d+)?/.exec(address);
            const col = (m?.[1] ?? 'A').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
            // The address kept beside the range, for charts.add to record its source.
            return Object.assign(rangeOf(sheet, Number(m?.[2] ?? 1) - 1, col, 1, 1) as object, { fakeAddress: address });
          },
          charts: {
            add: (type: string, source: { fakeAddress?: string }, seriesBy: string) => {
              if (sheet.protected) throw new Error('InvalidOperation: the sheet is protected');
              const chart: FakeChart = { type, source: source.fakeAddress ?? '?', seriesBy, title: '', legend: '', position: null };
              sheet.charts.push(chart);
              fake.request(60);
              return {
                title: {
                  set text(t: string) {
                    chart.title = t;
                  },
                },
                legend: {
                  set position(p: string) {
                    chart.legend = p;
                  },
                },
                setPosition: (start: string, end: string) => void (chart.position = { start, end }),
              };
            },
          },
          tables: {
            add: (address: string) => {
              // Excel names a new table Table1, Table2 ...; the adapter renames it.
              const t = { name: `Table${fake.live().reduce((n, s) => n + s.tables.length, 0) + 1}`, address, style: '' };
              sheet.tables.push(t);
              fake.request(60);
              return {
                get name() {
                  return t.name;
                },
                set name(n: string) {
                  if (sheet.protected) throw new Error('InvalidOperation: the sheet is protected');
                  const problem = tableNameProblem(n);
                  if (problem) throw new Error(`InvalidArgument: table name '${n}' ${problem}`);
                  if (n.toLowerCase() !== t.name.toLowerCase()) fake.checkNewName(n);
                  t.name = n;
                  fake.request(20);
                },
                set style(v: string) {
                  t.style = v;
                },
              };
            },
          },
          pageLayout: {
            set paperSize(v: string) {
              sheet.pageLayout.paperSize = v;
            },
            set orientation(v: string) {
              sheet.pageLayout.orientation = v;
            },
            set zoom(v: NonNullable<PageLayout['zoom']>) {
              if (fake.refuseZoom) throw new Error('InvalidArgument: zoom');
              sheet.pageLayout.zoom = v;
            },
            setPrintTitleRows: (rows: string) => {
              if (!/^\$\d+:\$\d+$/.test(rows)) throw new Error(`InvalidArgument: print title rows '${rows}'`);
              sheet.pageLayout.printTitleRows = rows;
            },
          },
          freezePanes: {
            freezeRows: (n: number) => void (sheet.frozenRows = n),
            freezeColumns: (n: number) => void (sheet.frozenCols = n),
          },
          protection: { protect: () => void (sheet.protected = true) },
        },
        { name: () => sheet.name, position: () => sheet.position },
        undefined,
        preloaded,
      );

    const worksheets = loaded(
      {
        getItem: (name: string) => {
          const s = fake.find(name);
          if (!s) throw new Error(`ItemNotFound: ${name}`);
          return worksheetOf(s);
        },
        add: (name: string) => {
          const problem = sheetNameProblem(name);
          if (problem) throw new Error(`InvalidArgument: sheet name '${name}' ${problem}`);
          if (fake.live().some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
          fake.request(40);
          return worksheetOf(fake.addSheet(name));
        },
      },
      // Items of a loaded collection come with their scalar properties loaded.
      { items: () => fake.live().map((s) => worksheetOf(s, ['name', 'position'])) },
    );

    const tables = loaded({}, { items: () => fake.live().flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } }))) });

    const names = loaded(
      {
        add: (name: string, range: { sheet: Sheet }) => {
          fake.checkNewName(name);
          fake.names.push({ name, formula: `='${range.sheet.name.replace(/'/g, "''")}'!$A$1` });
          fake.request(60);
        },
        getItem: (name: string) => ({
          delete: () => {
            const i = fake.names.findIndex((n) => n.name === name);
            if (i >= 0) fake.names.splice(i, 1);
          },
        }),
      },
      { items: () => fake.names.map((n) => ({ ...n })) },
    );

    return {
      workbook: { worksheets, names, tables },
      sync: () => fake.sync(),
    };
  }
}

