/** The user's sheets of a workbook, through any port: the product's own sheets from an earlier run are left out. */
import type { SheetData } from '../engine/cells';
import type { WorkbookPort } from './port';

/** `fraction` runs from 0 to 1 over all the sheets read. */
export async function readUserSheets(port: WorkbookPort, onProgress?: (sheet: string, fraction: number) => void): Promise<SheetData[]> {
  const infos = (await port.listSheets()).filter((s) => s.productKey === null);
  const out: SheetData[] = [];
  for (const [i, info] of infos.entries()) {
    onProgress?.(info.name, i / infos.length);
    out.push(await port.readSheet(info.name, onProgress && ((p) => onProgress(p.sheet, (i + p.rowsRead / Math.max(1, p.rowsTotal)) / infos.length))));
  }
  return out;
}
