/**
 * The user's sheets as far as recognising them needs: the top rows of each (where the header must
 * be, and a few rows under it for guessing the period), and each sheet's size. The whole sheets are
 * read once, when the person runs.
 */
import type { SheetData } from '../engine/cells';
import { HEADER_SEARCH_ROWS } from '../engine/sources/detect';
import type { WorkbookPort } from '../workbook/port';

/** Rows read from the top of each sheet: the header search and 30 rows under it. */
export const TOP_ROWS = HEADER_SEARCH_ROWS + 30;

export interface SheetTops {
  readonly sheets: readonly SheetData[];
  /** Rows in each sheet's used range (the whole sheet, not only its top). */
  readonly rowCounts: Readonly<Record<string, number>>;
}

export async function readSheetTops(port: WorkbookPort, onProgress?: (sheet: string, fraction: number) => void): Promise<SheetTops> {
  const infos = (await port.listSheets()).filter((s) => s.productKey === null);
  const sheets: SheetData[] = [];
  for (const [i, info] of infos.entries()) {
    onProgress?.(info.name, i / infos.length);
    sheets.push(port.readSheetTop ? await port.readSheetTop(info.name, TOP_ROWS) : topOf(await port.readSheet(info.name)));
  }
  return { sheets, rowCounts: Object.fromEntries(infos.map((i) => [i.name, i.rowCount])) };
}

/** The top of a sheet already read whole (after a run, so recognition follows the sheets as they are now). */
export function topOf(sheet: SheetData): SheetData {
  return sheet.rows.length <= TOP_ROWS ? sheet : { ...sheet, rows: sheet.rows.slice(0, TOP_ROWS) };
}
