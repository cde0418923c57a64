/**
 * .xlsx files on disk for Node (the CLI, scripts, tests). Kept apart from XlsxWorkbook so the
 * adapter itself carries no file-system code into the browser page.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { XlsxWorkbook } from './xlsx-workbook';

export async function openXlsxFile(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await readFile(path));
}

/**
 * Saves the workbook to `path`: the bytes go to a temporary file in the same folder, are flushed to
 * disk, and only then renamed over the destination (a rename within one file system is atomic), so
 * a failed write leaves the previous file as it was and no half-written workbook behind.
 */
export async function saveXlsxFile(workbook: XlsxWorkbook, path: string): Promise<void> {
  const bytes = await workbook.toBuffer();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const file = await open(tmp, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
