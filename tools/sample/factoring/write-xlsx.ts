/** Writes the sample factoring register as an .xlsx: ISO date text becomes a real Excel date. */
import ExcelJS from 'exceljs';
import type { FactoringSample } from './generate';

export async function writeFactoringXlsx(sample: FactoringSample, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sample.sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) {
      ws.addRow(row.map((c) => (typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(`${c}T00:00:00Z`) : c)));
    }
  }
  await wb.xlsx.writeFile(path);
}
