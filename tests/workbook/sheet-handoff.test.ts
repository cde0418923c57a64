/**
 * The standalone page's sheets handed from the workbook worker straight to the engine worker over a
 * MessageChannel (the page never holds their cells), with both workers' handlers run in-process
 * behind fakes that structured-clone and transfer as postMessage does: the run reconciles the same
 * month, with the same fingerprints, as when the page reads the sheets and posts them itself; the
 * page keeps only each sheet's top rows and row count; a stop rejects on the page and the engine
 * answers a failure in words, keeping what it kept before. (A port without the capability, Excel's,
 * is read on the page as before: the pane's component tests run over such ports.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMonth } from '../../tools/sample/generate';
import { writeGeneratedXlsx } from '../../tools/sample/write-xlsx';
import { handleRequest, SheetParts, type WorkerEnv } from '../../src/worker/handle';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { WorkerWorkbook } from '../../src/workbook/xlsx/book-port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { FakeBookWorker } from '../support/fake-book-worker';

const month = generateMonth({ seed: 12, accounts: 400, period: '2026-11' });
let dir = '';
let bytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hl-handoff-'));
  await writeGeneratedXlsx(month, join(dir, 'month.xlsx'));
  bytes = new Uint8Array(readFileSync(join(dir, 'month.xlsx')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (): ArrayBuffer => bytes.slice().buffer;

async function reconcile(request: Omit<Extract<WorkerRequest, { kind: 'reconcile' }>, 'kind' | 'id' | 'file' | 'period' | 'config'>, env: WorkerEnv): Promise<WorkerResponse[]> {
  const posted: WorkerResponse[] = [];
  await handleRequest({ kind: 'reconcile', id: 1, file: 'month.xlsx', period: '2026-11', config: month.config, matchSuspense: true, ...request }, (r) => posted.push(structuredClone(r)), env);
  return posted;
}

const outcome = (posted: WorkerResponse[]) => {
  const result = posted.find((p) => p.kind === 'result');
  const prints = posted.find((p) => p.kind === 'source-fingerprints');
  return {
    difference: result?.kind === 'result' ? result.result.difference : null,
    suspense: result?.kind === 'result' ? (result.suspense?.items.length ?? null) : null,
    fingerprints: prints?.kind === 'source-fingerprints' ? prints.sources.map((s) => [s.sheet, s.rowCount, s.sha256]) : null,
  };
};

describe('sheets handed from the workbook worker to the engine worker', () => {
  it('reconcile the same month, with the same fingerprints, as sheets the page read and posted', async () => {
    const book = await WorkerWorkbook.open(() => new FakeBookWorker(), fresh()).book;
    const channel = new MessageChannel();
    const progress: number[] = [];
    const [handed, viaChannel] = await Promise.all([
      book.sendUserSheets(channel.port1, 40, { onProgress: (_sheet, fraction) => progress.push(fraction) }),
      reconcile({ sheets: [], sheetsFrom: channel.port2 }, { parts: new SheetParts() }),
    ]);
    const read = await readUserSheets(await XlsxWorkbook.fromBuffer(bytes.slice()));
    const viaPage = await reconcile({ sheets: read }, { parts: new SheetParts() });

    expect(outcome(viaChannel).difference).toBe(month.expected.difference);
    expect(outcome(viaChannel)).toEqual(outcome(viaPage));
    expect(outcome(viaChannel).fingerprints?.every(([, , sha]) => typeof sha === 'string' && sha.length === 64)).toBe(true);
    // The page keeps each sheet's top rows (for recognising headers) and its row count, not its cells.
    expect(handed.tops.map((s) => s.name)).toEqual(read.map((s) => s.name));
    expect(handed.tops.every((s) => s.rows.length <= 40)).toBe(true);
    expect(handed.tops.map((s) => s.rows)).toEqual(read.map((s) => s.rows.slice(0, 40)));
    expect(handed.rowCounts).toEqual(Object.fromEntries(read.map((s) => [s.name, s.rows.length])));
    // Progress runs forwards to the end.
    expect(progress.length).toBeGreaterThan(read.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
    book.dispose();
  });

  it('a stop rejects on the page with its reason, and the engine answers a failure and keeps the last run', async () => {
    const book = await WorkerWorkbook.open(() => new FakeBookWorker(), fresh()).book;
    const env: WorkerEnv = { parts: new SheetParts() };
    await reconcile({ sheets: await readUserSheets(book) }, env);
    const before = env.run;
    expect(before).toBeTruthy();

    const channel = new MessageChannel();
    const stop = new AbortController();
    const sending = book.sendUserSheets(channel.port1, 40, {
      signal: stop.signal,
      onProgress: (_sheet, fraction) => {
        if (fraction > 0.3) stop.abort();
      },
    });
    const engine = reconcile({ sheets: [], sheetsFrom: channel.port2 }, env);
    await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
    const answered = await engine;
    expect(answered.map((p) => p.kind)).toEqual(['failure']);
    expect(answered[0]?.kind === 'failure' && answered[0].message).toMatch(/could not be read: stopped/);
    expect(env.run).toBe(before);
    book.dispose();
  });

  it('keepMatches: the pane is answered without the matcher’s ranking (it stays in the worker), with the same review queue', async () => {
    const read = await readUserSheets(await XlsxWorkbook.fromBuffer(bytes.slice()));
    const whole = (await reconcile({ sheets: read, carryReview: null }, { parts: new SheetParts() })).find((p) => p.kind === 'result');
    const kept = (await reconcile({ sheets: read, carryReview: null, keepMatches: true }, { parts: new SheetParts() })).find((p) => p.kind === 'result');
    expect(whole?.kind === 'result' && whole.suspense?.matches.length).toBeGreaterThan(0);
    expect(kept?.kind === 'result' && kept.suspense).toBeUndefined();
    expect(kept?.kind === 'result' && kept.review?.entries.length).toBeGreaterThan(0);
    expect(kept?.kind === 'result' && kept.review).toEqual(whole?.kind === 'result' && whole.review);
  });
  it('the session beside a written pack is the same whether the pack’s sheets come worker to worker or are read back on the page', async () => {
    const book = await WorkerWorkbook.open(() => new FakeBookWorker(), fresh()).book;
    const env: WorkerEnv = { parts: new SheetParts() };
    await reconcile({ sheets: await readUserSheets(book) }, env);
    const built: WorkerResponse[] = [];
    await handleRequest({ kind: 'build-pack', id: 2, productVersion: 'test', runAt: '2026-12-07T12:00:00.000Z', preparer: null, reviewer: null, userItems: [] }, (r) => built.push(r), env);
    const pack = built.find((r) => r.kind === 'pack');
    if (pack?.kind !== 'pack') throw new Error('no pack');
    await book.writeSheets(pack.sheets);
    const names = pack.sheets.map((s) => s.name);
    const args = { savedAt: '2026-12-07T12:00:00.000Z', who: 'Sam', config: month.config as unknown as Record<string, unknown>, userItems: [], resolutions: null, signOffs: [], trail: [] };
    const session = async (request: Extract<WorkerRequest, { kind: 'pack-session' }>) => {
      const posted: WorkerResponse[] = [];
      await handleRequest(request, (r) => posted.push(structuredClone(r)), env);
      return posted.find((r) => r.kind === 'pack-session' || r.kind === 'failure');
    };
    const readBack = await session({ kind: 'pack-session', id: 3, args: { ...args, packSheets: await Promise.all(names.map((n) => book.readSheet(n))) } });
    const channel = new MessageChannel();
    const [, handed] = await Promise.all([book.sendSheets(names, channel.port1), session({ kind: 'pack-session', id: 3, args: { ...args, packSheets: [] }, sheetsFrom: channel.port2 })]);
    expect(readBack?.kind).toBe('pack-session');
    expect(handed).toEqual(readBack);
  });
});
