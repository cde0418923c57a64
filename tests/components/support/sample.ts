/** The shipped sample workbook (assets/sample-workbook.xlsx) as plain rows, and its payment files. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RawCell } from '../../../src/engine/cells';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/xlsx-workbook';

const ROOT = resolve(__dirname, '..', '..', '..');

export async function sampleSheets(): Promise<{ name: string; rows: RawCell[][] }[]> {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(join(ROOT, 'assets', 'sample-workbook.xlsx')));
  const out: { name: string; rows: RawCell[][] }[] = [];
  for (const info of await wb.listSheets()) {
    const data = await wb.readSheet(info.name);
    // The sample's sheets start at A1; the memory workbook keeps that origin.
    if (data.originRow !== 1 || data.originCol !== 1) throw new Error(`${info.name} does not start at A1`);
    out.push({ name: data.name, rows: data.rows.map((r) => [...r]) });
  }
  return out;
}

export function paymentFile(name: string): File {
  return new File([readFileSync(join(ROOT, 'assets', 'payments', name), 'utf8')], name, { type: 'text/csv' });
}
