/**
 * The two front ends' paths for the parity test. The CLI path is main() over real files in a temp
 * folder; the pane's path is the worker's handleRequest (in this thread, each message and answer
 * through structuredClone as across a real worker), the jobs, and the xlsx adapter writing the
 * sheet specs the worker returns, as the standalone page does.
 */
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main';
import type { SheetData } from '../../src/engine/cells';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import { LedgerDb } from '../../src/store/db';
import { LedgerStore } from '../../src/store/ledger-store';
import { handleRequest, SheetParts, type WorkerEnv } from '../../src/worker/handle';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(args: readonly string[], now: Date): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), now: () => now });
  return { code, stdout, stderr };
}

/** Body of a request without its id. */
type Body = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The pane's engine: one worker's state across requests, answers as they would arrive on the page. */
export class PaneWorker {
  private readonly env: WorkerEnv = { parts: new SheetParts() };
  private id = 0;

  async ask(body: Body): Promise<Exclude<WorkerResponse, { kind: 'progress' }>> {
    const posted: WorkerResponse[] = [];
    await handleRequest(structuredClone({ ...body, id: ++this.id } as WorkerRequest), (r) => posted.push(structuredClone(r)), this.env);
    const last = posted[posted.length - 1];
    if (!last || last.kind === 'progress') throw new Error('no answer from the worker');
    return last;
  }
}

/** The workbook's sheets as the pane reads them (through the WorkbookPort). */
export async function paneSheets(path: string): Promise<SheetData[]> {
  return readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path)));
}

/** The sheet specs written by the xlsx adapter, as bytes (the standalone page's write). */
export async function written(specs: readonly SheetSpec[], into?: string): Promise<Uint8Array> {
  const wb = into ? await XlsxWorkbook.fromBuffer(readFileSync(into)) : XlsxWorkbook.empty();
  await wb.writeSheets(specs);
  return wb.toBuffer();
}

/** Every cell of the named sheets as written: address, value (formulas with their cached result), number format, style flags. */
export async function cellsOf(bytes: Uint8Array | Buffer, names: readonly string[]): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        cells.push(`${c.address}|${JSON.stringify(c.value instanceof Date ? c.value.toISOString() : c.value)}|${c.numFmt ?? ''}|${c.font?.bold ? 'b' : ''}`);
      }),
    );
    out[name] = cells;
  }
  return out;
}

/** The pane's import ledger: the Dexie store over fake IndexedDB, a fresh database per call. */
export async function paneStore(name: string): Promise<LedgerStore> {
  const db = new LedgerDb(name);
  await db.open();
  return new LedgerStore(db, () => new Date('2027-01-05T09:30:00Z'));
}
