/** A small workbook for the account actions tests: a rent roll and its postings, each row chosen to raise one refund risk. */
import ExcelJS from 'exceljs';
import { join } from 'node:path';

export const ROLL = [
  // account, tenant, start, end, weekly, opening, closing
  ['F100', 'Ann Lee', '2018-04-02', '2026-11-29', 95, 0, -512.4],
  ['F000', 'ANN LEE', '2010-04-05', '2018-03-31', 90, 120, 120],
  ['C200', 'Bob Ray', '2020-04-06', null, 100, 0, -80],
  ['C300', 'Cy Dee', '2020-04-06', null, 100, 0, -260],
  ['C400', 'Di Fox', '2020-04-06', null, 100, 0, 1450],
] as const;

export const POSTINGS = [
  ['2026-12-14', 'F100', 'HB', -400, 'HB1'],
  ['2026-12-02', 'C300', 'DD', -260, 'DD1'],
  ['2026-11-02', 'C400', 'RENT', 100, 'R1'],
] as const;

export async function actionsWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const roll = wb.addWorksheet('Rent Roll');
  roll.addRow(['Account Ref', 'Tenant Name', 'Start Date', 'End Date', 'Weekly Charge', 'Opening Balance', 'Closing Balance']);
  const day = (s: string | null): Date | null => (s === null ? null : new Date(`${s}T00:00:00Z`));
  for (const [a, t, s, e, w, o, c] of ROLL) roll.addRow([a, t, day(s), day(e), w, o, c]);
  const tx = wb.addWorksheet('Rent transactions');
  tx.addRow(['Date', 'Account Ref', 'Code', 'Amount', 'Batch Ref', 'Description']);
  for (const [d, a, code, amt, b] of POSTINGS) tx.addRow([day(d), a, code, amt, b, '']);
  const path = join(dir, 'accounts.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}
