/** Writes a generated month to an .xlsx as a person's export would look: real dates, text refs, money to two decimals. */
import ExcelJS from 'exceljs';
import type { GeneratedMonth } from './generate';

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;

/** Streams the workbook to a file, so 30,000+ accounts (and a million postings) fit in memory. */
export async function writeGeneratedXlsx(month: GeneratedMonth, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const sheet of month.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const dates = new Set(sheet.dateColumns);
    const money = new Set(sheet.moneyColumns);
    // The header is the first row with more than one cell (title rows have one).
    const headerIndex = sheet.rows.findIndex((r) => r.length > 1);
    sheet.rows.forEach((cells, r) => {
      const values = cells.map((c, i) => {
        if (r > headerIndex && dates.has(i) && typeof c === 'number') return new Date((c - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
        if (c !== null && typeof c === 'object') return { error: c.error } as ExcelJS.CellErrorValue;
        return c;
      });
      const row = ws.addRow(values);
      if (r > headerIndex) {
        for (const i of dates) if (typeof cells[i] === 'number') row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        for (const i of money) if (typeof cells[i] === 'number') row.getCell(i + 1).numFmt = '#,##0.00';
      } else if (r === headerIndex) row.font = { bold: true };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}
