/** Files in and out for the CLI: the xlsx adapter over bytes, with located, human errors. */
import { existsSync, readFileSync } from 'node:fs';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { CliInputError } from './errors';
import { writeAll, writeFileSafely, type FileToWrite } from './safe-write';

export { writeAll, type FileToWrite };

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliInputError(`${path}: cannot be read (${(e as Error).message})`);
  }
  try {
    return await XlsxWorkbook.fromBuffer(bytes);
  } catch (e) {
    throw new CliInputError(`${path}: not an Excel .xlsx workbook (${(e as Error).message})`);
  }
}

/** Saves the workbook through safe-write: a failed write never leaves half a file, and a finished one is on disk. */
export async function saveWorkbook(wb: XlsxWorkbook, path: string): Promise<void> {
  writeFileSafely(path, await wb.toBuffer());
}

/** A UTF-8 text file (a CSV), written through safe-write. */
export function writeTextFile(path: string, text: string): void {
  writeFileSafely(path, text);
}

export function readJsonFile(path: string): unknown {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}
