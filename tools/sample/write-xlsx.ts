/**
 * Writes a generated month to an .xlsx as a housing system's export would look: real Excel dates
 * shown dd/mm/yyyy, account references as text (leading zeros kept), money to two decimals.
 * Streams rows to the file, so 30,000+ accounts (hundreds of thousands of postings) fit in memory.
 * Node only (it writes a file).
 */
import ExcelJS from 'exceljs';
import type { RawCell } from '../../src/engine/cells';
import type { GeneratedMonth, GeneratedSheet } from './generate';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel (1900 system) serial. */
const UNIX_EPOCH_SERIAL = 25569;

export const SAMPLE_DATE_FORMAT = 'dd/mm/yyyy';
export const SAMPLE_MONEY_FORMAT = '#,##0.00';

/** An Excel serial as the JS Date exceljs writes back as that serial (UTC midnight, no time zone drift). */
function serialToDate(serial: number): Date {
  return new Date((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

function cellValue(c: RawCell | undefined, isDate: boolean): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  if (typeof c === 'object') return { error: c.error } as ExcelJS.CellErrorValue;
  if (isDate && typeof c === 'number') return serialToDate(c);
  return c;
}

function columnWidths(sheet: GeneratedSheet): number[] {
  const header = sheet.rows[sheet.headerRow - 1] ?? [];
  const widths = header.map((h) => Math.max(8, String(h ?? '').length + 2));
  const dates = new Set(sheet.dateColumns);
  const money = new Set(sheet.moneyColumns);
  // A sample of the data is enough to size the columns.
  for (const row of sheet.rows.slice(sheet.headerRow, sheet.headerRow + 300)) {
    row.forEach((c, i) => {
      const len = dates.has(i) ? 10 : money.has(i) ? 12 : c === null ? 0 : typeof c === 'object' ? c.error.length : String(c).length;
      widths[i] = Math.min(60, Math.max(widths[i] ?? 8, len + 2));
    });
  }
  return widths;
}

/** Writes the sheets of a month (possibly damaged by a test) to an .xlsx file. */
export async function writeGeneratedXlsx(month: Pick<GeneratedMonth, 'sheets' | 'period'>, filename: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: true });
  wb.creator = 'Housing Ledger sample generator';
  // A fixed time stamp (the first day after the period), so the same month writes the same cells.
  const stamp = new Date(`${month.period}-01T00:00:00Z`);
  stamp.setUTCMonth(stamp.getUTCMonth() + 1);
  wb.created = stamp;
  wb.modified = stamp;
  for (const sheet of month.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const dates = new Set(sheet.dateColumns);
    const money = new Set(sheet.moneyColumns);
    if (sheet.headerRow > 0) {
      ws.columns = columnWidths(sheet).map((width, i) => ({
        width,
        style: dates.has(i) ? { numFmt: SAMPLE_DATE_FORMAT } : money.has(i) ? { numFmt: SAMPLE_MONEY_FORMAT } : {},
      }));
    }
    for (let r = 0; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] as RawCell[];
      const isData = sheet.headerRow > 0 && r >= sheet.headerRow;
      const values: ExcelJS.CellValue[] = new Array<ExcelJS.CellValue>(cells.length);
      for (let i = 0; i < cells.length; i++) values[i] = cellValue(cells[i], isData && dates.has(i));
      const row = ws.addRow(values);
      if (r === sheet.headerRow - 1) row.font = { bold: true };
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
