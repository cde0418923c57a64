/**
 * .xlsx files on disk for Node (the CLI, scripts, tests). Kept apart from XlsxWorkbook so the
 * adapter itself carries no file-system code into the browser page.
 */
import { readFile } from 'node:fs/promises';
import { writeFileSafely } from '../../cli/safe-write';
import { XlsxWorkbook } from './xlsx-workbook';

export async function openXlsxFile(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await readFile(path));
}

/**
 * Saves the workbook to `path` through the CLI's safe write (a temporary file in the same folder,
 * flushed, renamed over the destination, the folder flushed): a failed write leaves the previous
 * file as it was and no half-written workbook behind.
 */
export async function saveXlsxFile(workbook: XlsxWorkbook, path: string): Promise<void> {
  writeFileSafely(path, await workbook.toBuffer());
}
