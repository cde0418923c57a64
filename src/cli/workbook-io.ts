/** Files in and out for the CLI: the xlsx adapter over bytes, with located, human errors. */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { CliInputError } from './errors';

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

/** Writes the workbook beside its destination first, then renames: a failed write never leaves half a file. */
export async function saveWorkbook(wb: XlsxWorkbook, path: string): Promise<void> {
  const bytes = await wb.toBuffer();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new CliInputError(`${path}: cannot be written (${(e as Error).message})`);
  }
}

/** A text file written beside its destination first, then renamed into place. */
export function writeTextFile(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new CliInputError(`${path}: cannot be written (${(e as Error).message})`);
  }
}

export function readJsonFile(path: string): unknown {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}
