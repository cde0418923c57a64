/**
 * Re-performs an audit workbook the way an auditor would: every formula evaluated by an independent
 * formula engine (HyperFormula) over the values as stored in the file, then compared with the value
 * cached in the file by Housing Ledger.
 */
import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';

export interface Recalculated {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly cached: unknown;
  readonly recomputed: unknown;
}

const MS_PER_DAY = 86_400_000;

function content(v: ExcelJS.CellValue): RawCellContent {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + 25569;
  if (typeof v === 'string') return v.startsWith('=') || v.startsWith("'") ? `'${v}` : v; // text stays text
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('formula' in v && typeof v.formula === 'string') return `=${v.formula}`;
    if ('sharedFormula' in v) throw new Error('shared formulas are not expected in an audit workbook');
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
  }
  return null;
}

export interface Recalc {
  readonly formulas: readonly Recalculated[];
  /** The recomputed value of a cell, e.g. value('HL Summary', 'B12'). */
  value(sheet: string, a1: string): unknown;
  /** The text or number stored in a non-formula cell, as HyperFormula reads it. */
  readonly hf: HyperFormula;
}

export async function recalcWorkbook(bytes: Uint8Array | Buffer): Promise<Recalc> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets: Record<string, RawCellContent[][]> = {};
  const cached: { sheet: string; address: string; formula: string; cached: unknown; row: number; col: number }[] = [];
  for (const ws of wb.worksheets) {
    const rows: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: RawCellContent[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out[c - 1] = content(cell.value);
        const v = cell.value;
        // exceljs reads a stored <v>0</v> back as no result at all: a zero is the only value it loses.
        if (v && typeof v === 'object' && 'formula' in v) cached.push({ sheet: ws.name, address: cell.address, formula: v.formula, cached: v.result ?? 0, row: r - 1, col: c - 1 });
      });
      rows[r - 1] = Array.from(out, (x) => x ?? null);
    });
    sheets[ws.name] = Array.from(rows, (x) => x ?? []);
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  const value = (sheet: string, a1: string): unknown => {
    const addr = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet) as number);
    if (!addr) throw new Error(`bad address ${sheet}!${a1}`);
    return hf.getCellValue(addr);
  };
  const formulas = cached.map((f) => ({
    sheet: f.sheet,
    address: f.address,
    formula: f.formula,
    cached: f.cached,
    recomputed: hf.getCellValue({ sheet: hf.getSheetId(f.sheet) as number, row: f.row, col: f.col }),
  }));
  return { formulas, value, hf };
}
