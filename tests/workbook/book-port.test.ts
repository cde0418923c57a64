/**
 * The standalone page's port over the workbook worker, with the worker's handler run in-process
 * behind a fake Worker that structured-clones each message as postMessage does (and transfers what
 * is transferred): the sheets read back as the xlsx adapter reads them, in blocks; writes land in
 * the workbook that is zipped for download; the grid's windows carry the text Excel shows; Cancel
 * while opening leaves nothing open.
 */
import ExcelJS from 'exceljs';
import { toPence } from '../../src/engine/money';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import type { ReadProgress } from '../../src/workbook/port';
import { Cancelled, WorkerWorkbook } from '../../src/workbook/xlsx/book-port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { FakeBookWorker } from '../support/fake-book-worker';

async function bookBytes(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Transactions');
  ws.addRow(['Account', 'Date', 'Amount']);
  for (let i = 1; i <= 3_000; i++) {
    const row = ws.addRow([`A${String(i).padStart(5, '0')}`, new Date(Date.UTC(2026, 10, 1 + (i % 28))), i + 0.5]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(3).numFmt = '£#,##0.00';
  }
  wb.addWorksheet('Notes').getCell('B2').value = 'hello';
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer).slice().buffer;
}

const spec = (key: string, name: string): SheetSpec => ({ key, name, rows: [[{ kind: 'text', value: name }], [{ kind: 'money', value: toPence(1234) }]], columnWidths: [], tables: [], freeze: null, protect: false });

describe('the workbook worker port', () => {
  it('hands the bytes over, and reads every sheet as the xlsx adapter does, in blocks with progress', async () => {
    const bytes = await bookBytes();
    const direct = await XlsxWorkbook.fromBuffer(new Uint8Array(bytes.slice(0)));
    const progress: string[] = [];
    const { book } = WorkerWorkbook.open(() => new FakeBookWorker(), bytes, (text) => progress.push(text));
    const port = await book;
    expect(bytes.byteLength).toBe(0);
    expect(progress[0]).toMatch(/reading the workbook/i);
    await expect(port.listSheets()).resolves.toEqual(await direct.listSheets());
    const seen: ReadProgress[] = [];
    const read = await port.readSheet('Transactions', (p) => seen.push(p));
    expect(read).toEqual(await direct.readSheet('Transactions'));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ sheet: 'Transactions', rowsRead: 3_001, rowsTotal: 3_001 });
    await expect(port.readSheet('Notes')).resolves.toEqual(await direct.readSheet('Notes'));
    await expect(port.readSheetTop('Transactions', 5)).resolves.toEqual(await direct.readSheetTop('Transactions', 5));
  });

  it('opens the file itself (a Blob the worker reads: the page never takes in its bytes) as it opens the bytes', async () => {
    const bytes = await bookBytes();
    const direct = await XlsxWorkbook.fromBuffer(new Uint8Array(bytes.slice(0)));
    const port = await WorkerWorkbook.open(() => new FakeBookWorker(), new Blob([bytes])).book;
    await expect(port.listSheets()).resolves.toEqual(await direct.listSheets());
    await expect(port.readSheetTop('Transactions', 5)).resolves.toEqual(await direct.readSheetTop('Transactions', 5));
  });

  it('gives the grid the text Excel shows for a window of rows', async () => {
    const { book } = WorkerWorkbook.open(() => new FakeBookWorker(), await bookBytes());
    const port = await book;
    const w = await port.window('Transactions', 100, 3);
    expect(w).toMatchObject({ originRow: 1, originCol: 1, total: 3_001, width: 3, from: 100 });
    expect(w.text).toEqual([
      ['A00100', '17/11/2026', '£100.50'],
      ['A00101', '18/11/2026', '£101.50'],
      ['A00102', '19/11/2026', '£102.50'],
    ]);
    expect(w.numeric[0]).toEqual([false, true, true]);
  });

  it('writes the product’s sheets into the workbook it zips for download, and reads them back', async () => {
    const { book } = WorkerWorkbook.open(() => new FakeBookWorker(), await bookBytes());
    const port = await book;
    await port.writeSheets([spec('hl.summary', 'HL Summary'), spec('hl.components', 'HL Components')]);
    expect((await port.listSheets()).map((s) => [s.name, s.productKey])).toEqual([
      ['Transactions', null],
      ['Notes', null],
      ['HL Summary', 'hl.summary'],
      ['HL Components', 'hl.components'],
    ]);
    const saved = await XlsxWorkbook.fromBuffer(await port.toBuffer());
    expect((await saved.listSheets()).map((s) => s.name)).toEqual(['Transactions', 'Notes', 'HL Summary', 'HL Components']);
    expect((await saved.readSheet('HL Summary')).rows).toEqual([['HL Summary'], [12.34]]);
    expect((await saved.readSheet('Transactions')).rows.length).toBe(3_001);
  });

  it('Cancel while opening stops the worker and opens nothing; a file that is not a workbook fails in words', async () => {
    let worker: FakeBookWorker | null = null;
    const opening = WorkerWorkbook.open(() => (worker = new FakeBookWorker()), await bookBytes());
    opening.cancel();
    await expect(opening.book).rejects.toBeInstanceOf(Cancelled);
    expect(worker!.terminated).toBe(true);
    const bad = WorkerWorkbook.open(() => new FakeBookWorker(), new TextEncoder().encode('not a zip at all').buffer as ArrayBuffer);
    await expect(bad.book).rejects.toThrow(/./);
    await expect(bad.book).rejects.not.toBeInstanceOf(Cancelled);
  });
  it('a large sheet crosses in parts and is written with progress; a stop leaves no HL sheet, and the next write and zip work', async () => {
    const { book } = WorkerWorkbook.open(() => new FakeBookWorker(), await bookBytes());
    const port = await book;
    const big: SheetSpec = { ...spec('hl.detail', 'HL Detail'), rows: Array.from({ length: 5_000 }, (_x, i) => [{ kind: 'text', value: `row ${i}` }]) };
    const stop = new AbortController();
    const seen: number[] = [];
    const writing = port.writeSheets([big, spec('hl.summary', 'HL Summary')], { signal: stop.signal, onProgress: (p) => {
      seen.push(p.rowsWritten);
      stop.abort();
    } });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([2_000]);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Transactions', 'Notes']);
    const all: number[] = [];
    await port.writeSheets([big, spec('hl.summary', 'HL Summary')], { onProgress: (p) => all.push(p.rowsWritten / p.rowsTotal) });
    expect(all.at(-1)).toBe(1);
    expect((await port.readSheet('HL Detail')).rows.at(-1)).toEqual(['row 4999']);
    const zipStop = new AbortController();
    const zipping = port.toFile('application/zip', (text) => text.startsWith('Writing sheet') && zipStop.abort(), { signal: zipStop.signal });
    await expect(zipping).rejects.toMatchObject({ name: 'AbortError' });
    const file = await port.toFile('application/zip');
    expect(file.type).toBe('application/zip');
    const saved = await XlsxWorkbook.fromBuffer(new Uint8Array(await file.arrayBuffer()));
    expect(saved.workbook.worksheets.map((w) => w.name)).toEqual(['Transactions', 'Notes', 'HL Detail', 'HL Summary']);
  });
});
