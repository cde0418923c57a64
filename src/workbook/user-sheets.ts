/** The user's sheets of a workbook, through any port: the product's own sheets from an earlier run are left out. */
import type { SheetData } from '../engine/cells';
import { stopIfAborted, type ReadOptions, type WorkbookPort } from './port';

/**
 * `fraction` runs from 0 to 1 over all the sheets read, never backwards. A signal stops the read
 * between sheets (and, in an adapter that honours it, between blocks): the promise rejects with
 * the signal's reason and nothing read is returned.
 */
export async function readUserSheets(port: WorkbookPort, onProgress?: (sheet: string, fraction: number) => void, options: ReadOptions = {}): Promise<SheetData[]> {
  const { signal } = options;
  stopIfAborted(signal);
  const infos = (await port.listSheets()).filter((s) => s.productKey === null);
  const out: SheetData[] = [];
  let shown = 0;
  const report = (sheet: string, fraction: number) => {
    shown = Math.max(shown, Math.min(1, fraction));
    onProgress?.(sheet, shown);
  };
  for (const [i, info] of infos.entries()) {
    stopIfAborted(signal);
    report(info.name, i / infos.length);
    out.push(await port.readSheet(info.name, onProgress && ((p) => report(p.sheet, (i + p.rowsRead / Math.max(1, p.rowsTotal)) / infos.length)), options));
  }
  stopIfAborted(signal);
  if (infos.length > 0) report(infos[infos.length - 1]?.name ?? '', 1);
  return out;
}
