/** Files in and out for the CLI: the xlsx adapter over bytes, with located, human errors. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { checkInputSize, type InputKind } from '../engine/input-limits';
import { notXlsxMessage } from '../workbook/xlsx/not-xlsx';
import { checkXlsxShape } from '../workbook/xlsx/xlsx-shape';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { CliInputError } from './errors';
import { writeAll, writeFileSafely, type FileToWrite } from './safe-write';

export { writeAll, type FileToWrite };

export async function openWorkbook(path: string): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  checkFileSize(path, 'workbook');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliInputError(`${path}: cannot be read (${(e as Error).message})`);
  }
  // A password-protected workbook (an encrypted OLE file) or an old .xls, named as such.
  const not = notXlsxMessage(bytes);
  if (not) throw new CliInputError(`${path} ${not}; nothing was read or written`);
  // Out-of-memory-prone shapes (millions of cells or shared strings) refused before exceljs loads them.
  const shape = await checkXlsxShape(bytes);
  if (shape) {
    throw new CliInputError(`${path}${shape.sheet !== null ? `, sheet '${shape.sheet}'` : ''}: the workbook is larger than this tool reads (${shape.found}; the limit is ${shape.limit}); remove the sheets or rows the run does not need`);
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

/**
 * Refuses a file over its kind's size budget (engine/input-limits.ts) before it is read, located by
 * its path; exit 2, never an out-of-memory crash. HL_TEST_INPUT_LIMIT (bytes) lowers every budget
 * so tests need not write 100 MB files.
 */
export function checkFileSize(path: string, kind: InputKind): void {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    return; // the read that follows reports a missing or unreadable file
  }
  const testLimit = Number(process.env.HL_TEST_INPUT_LIMIT);
  const problem = Number.isFinite(testLimit) && testLimit > 0 ? checkInputSize(kind, bytes, testLimit) : checkInputSize(kind, bytes);
  if (problem) throw new CliInputError(`${path}: ${problem}`);
}

/** A file's bytes, within its size budget. */
export function readInputBytes(path: string, kind: InputKind): Buffer {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  checkFileSize(path, kind);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliInputError(`${path}: cannot be read (${(e as Error).message})`);
  }
}

export function readJsonFile(path: string, kind: InputKind = 'config'): unknown {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  checkFileSize(path, kind);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}
