/**
 * Re-performs a workbook the way an auditor would: every formula evaluated by an independent
 * formula engine (HyperFormula) over the values as stored in the file, then compared with the value
 * cached in the file. Only real formula cells become formulas: text that looks like one ("=1+1",
 * "-1", "00123") is handed over as text, as Excel holds it.
 */
import ExcelJS from 'exceljs';
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { RawCell } from '../../src/engine/cells';

export interface Recalculated {
  readonly sheet: string;
  readonly address: string;
  /** Without the leading "=". */
  readonly formula: string;
  /** The result stored in the file (null when the file holds none). */
  readonly cached: RawCell;
  /** HyperFormula's result, in the same shape. */
  readonly recomputed: RawCell;
}

export interface Recalc {
  readonly formulas: readonly Recalculated[];
  /** The recomputed value of any cell, e.g. value('HL Summary', 'B12'). */
  value(sheet: string, a1: string): RawCell;
  /** Formulas whose recomputed value differs from the cached one: numbers to the penny, anything else exactly. */
  mismatches(): Recalculated[];
  /** The sheets in workbook order. */
  readonly sheetNames: readonly string[];
  /** A sheet's recomputed values, row by row from A1. */
  sheet(name: string): RawCell[][];
  readonly hf: HyperFormula;
}

const MS_PER_DAY = 86_400_000;

/** Excel's conventions: the 1900 leap-year bug kept (DATE(2026,12,7) = 46363), an empty reference reads as 0. */
const EXCEL_LIKE = {
  licenseKey: 'gpl-v3',
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  evaluateNullToZero: true,
} as const;

function plain(v: ExcelJS.CellValue | undefined): RawCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + 25569;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return plain(v.text as ExcelJS.CellValue);
  }
  return null;
}

/** What HyperFormula is given for a stored cell. */
function content(cell: ExcelJS.Cell): RawCellContent {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      // cell.formula translates a shared formula's follower to its own position.
      return `=${cell.formula}`;
    default: {
      const v = plain(cell.value);
      if (typeof v === 'string') return `'${v}`; // HyperFormula's text prefix: never a formula, number or date
      if (v !== null && typeof v === 'object') return v.error; // an error literal, e.g. #N/A
      return v;
    }
  }
}

function fromHf(v: unknown): RawCell {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

function agree(a: RawCell, b: RawCell): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function recalcWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<Recalc> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets: Record<string, RawCellContent[][]> = {};
  const found: { sheet: string; address: string; formula: string; cached: RawCell; row: number; col: number }[] = [];
  for (const ws of wb.worksheets) {
    const rows: RawCellContent[][] = [];
    ws.eachRow((row, r) => {
      const out: RawCellContent[] = [];
      row.eachCell((cell, c) => {
        out[c - 1] = content(cell);
        // cell.result, not cell.value.result: exceljs's value drops a cached 0 or FALSE.
        if (cell.type === ExcelJS.ValueType.Formula) found.push({ sheet: ws.name, address: cell.address, formula: cell.formula, cached: plain(cell.result), row: r - 1, col: c - 1 });
      });
      rows[r - 1] = Array.from(out, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  }
  const hf = HyperFormula.buildFromSheets(sheets, EXCEL_LIKE);
  const sheetId = (name: string): number => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named '${name}'`);
    return id;
  };
  const formulas = found.map((f) => ({
    sheet: f.sheet,
    address: f.address,
    formula: f.formula,
    cached: f.cached,
    recomputed: fromHf(hf.getCellValue({ sheet: sheetId(f.sheet), row: f.row, col: f.col })),
  }));
  return {
    formulas,
    hf,
    value: (sheet, a1) => recomputedValue(hf, sheet, a1),
    mismatches: () => formulas.filter((f) => !agree(f.cached, f.recomputed)),
    sheetNames: wb.worksheets.map((w) => w.name),
    sheet: (name) => hf.getSheetValues(sheetId(name)).map((row) => row.map((v) => fromHf(v))),
  };
}

/** The recomputed value of a cell given by its sheet and A1 address ("B12"). */
export function recomputedValue(hf: HyperFormula, sheet: string, a1: string): RawCell {
  const id = hf.getSheetId(sheet);
  const addr = id === undefined ? undefined : hf.simpleCellAddressFromString(a1, id);
  if (!addr) throw new Error(`bad address '${sheet}'!${a1}`);
  return fromHf(hf.getCellValue(addr));
}
