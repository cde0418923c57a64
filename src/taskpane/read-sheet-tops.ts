/**
 * The user's sheets as far as recognising them needs: the top rows of each (where the header must
 * be, and a few rows under it for guessing the period), and each sheet's size. The whole sheets are
 * read once, when the person runs.
 */
import type { SheetData } from '../engine/cells';
import { HEADER_SEARCH_ROWS } from '../engine/sources/detect';
import { stopIfAborted, type ReadOptions, type ReadProgress, type WorkbookPort } from '../workbook/port';

/** Rows read from the top of each sheet: the header search and 30 rows under it. */
export const TOP_ROWS = HEADER_SEARCH_ROWS + 30;

export interface SheetTops {
  readonly sheets: readonly SheetData[];
  /** Rows in each sheet's used range (the whole sheet, not only its top). */
  readonly rowCounts: Readonly<Record<string, number>>;
}

/**
 * `fraction` goes from 0 to 1 over the sheets (within a sheet too, when a port without readSheetTop
 * reads it whole). A signal stops it between sheets and blocks, rejecting with its reason.
 */
export async function readSheetTops(port: WorkbookPort, onProgress?: (sheet: string, fraction: number) => void, options: ReadOptions = {}): Promise<SheetTops> {
  stopIfAborted(options.signal);
  const infos = (await port.listSheets()).filter((s) => s.productKey === null);
  const sheets: SheetData[] = [];
  for (const [i, info] of infos.entries()) {
    stopIfAborted(options.signal);
    onProgress?.(info.name, i / infos.length);
    const within = onProgress && ((p: ReadProgress) => onProgress(info.name, (i + p.rowsRead / Math.max(1, p.rowsTotal)) / infos.length));
    sheets.push(port.readSheetTop ? await port.readSheetTop(info.name, TOP_ROWS, options) : topOf(await port.readSheet(info.name, within, options)));
  }
  if (infos.length > 0) onProgress?.(infos[infos.length - 1]?.name ?? '', 1);
  return { sheets, rowCounts: Object.fromEntries(infos.map((i) => [i.name, i.rowCount])) };
}

/** The top of a sheet already read whole (after a run, so recognition follows the sheets as they are now). */
export function topOf(sheet: SheetData): SheetData {
  return sheet.rows.length <= TOP_ROWS ? sheet : { ...sheet, rows: sheet.rows.slice(0, TOP_ROWS) };
}
