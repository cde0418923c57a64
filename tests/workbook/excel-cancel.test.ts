/**
 * Stopping the Excel adapter (issue 12, item 2): a read stops asking Excel for blocks once its
 * signal is aborted; a write stopped (or failing) before its last request leaves the workbook as it
 * was, the product's old sheets in place and the user's untouched; both report progress that only
 * goes forward and ends at the whole.
 */
import type { RawCell } from '../../src/engine/cells';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import { ExcelWorkbook } from '../../src/workbook/excel/excel-workbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { wasCancelled, type WriteProgress } from '../../src/workbook/port';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { FakeExcel } from '../support/fake-excel';
import { productSpec, SEED } from './port-contract';

const ROWS = 3000;
const tall = (prefix: string): RawCell[][] => [['Ref', 'Name', 'Amount'], ...Array.from({ length: ROWS }, (_x, r): RawCell[] => [`${prefix}${10000 + r}`, `Tenant ${r}`, r / 4])];

/** A long product sheet: its cells take several requests at a small target size. */
function longSpec(key: string, name: string, word: string): SheetSpec {
  return {
    key,
    name,
    rows: Array.from({ length: ROWS }, (_x, r) => [
      { kind: 'text' as const, value: `${word} ${r}` },
      { kind: 'money' as const, value: (r * 25) as never },
    ]),
    columnWidths: [20, 12],
    tables: [{ name: `T_${key.replace(/\W/g, '_')}`, headerRow: 0, firstCol: 0, columns: ['A', 'B'], rowCount: ROWS - 1 }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

/** Everything a person could see of the workbook: the sheets in order, their cells, tables, protection, and the workbook's names. */
function snapshot(fake: FakeExcel) {
  return {
    sheets: fake.sheetNames().map((name) => {
      const s = fake.sheetState(name);
      return { name, cells: [...(s?.cells ?? [])].sort(), tables: s?.tables.map((t) => ({ ...t })), protected: s?.protected, formulas: [...(s?.formulas ?? [])].sort() };
    }),
    names: fake.names.map((n) => ({ ...n })),
  };
}

describe('Excel adapter: a read can be stopped', () => {
  it('a read stopped after its first block asks Excel for no further block, and rejects as cancelled', async () => {
    const fake = new FakeExcel([{ name: 'Big', rows: tall('A') }]);
    const port = new ExcelWorkbook(fake.run, { firstBlockCells: 300, targetBytes: 4000 });
    const stop = new AbortController();
    const reads: number[] = [];
    const read = port.readSheet(
      'Big',
      (p) => {
        reads.push(p.rowsRead);
        stop.abort();
      },
      { signal: stop.signal },
    );
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(reads).toEqual([100]); // 300 cells, 3 columns: one block of 100 rows, then nothing
    expect(fake.syncs).toBe(2); // the used range, then that one block
    const e = await read.catch((x: unknown) => x);
    expect(wasCancelled(e, stop.signal)).toBe(true);
  });

  it('the same read without a stop reads every row, its progress going forward only to the whole', async () => {
    const rows = tall('A');
    const fake = new FakeExcel([{ name: 'Big', rows }]);
    const reads: number[] = [];
    const data = await new ExcelWorkbook(fake.run, { firstBlockCells: 300, targetBytes: 4000 }).readSheet('Big', (p) => reads.push(p.rowsRead / p.rowsTotal), { signal: new AbortController().signal });
    expect(data.rows).toEqual(rows);
    expect(reads.length).toBeGreaterThan(5);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(reads[reads.length - 1]).toBe(1);
  });

  it('readUserSheets stopped on the first sheet never reads the second; unstopped, its fraction goes forward to 1', async () => {
    const seed = [
      { name: 'Rent Roll', rows: tall('R') },
      { name: 'GL', rows: tall('G') },
    ];
    const fake = new FakeExcel(seed);
    const port = new ExcelWorkbook(fake.run, { firstBlockCells: 300, targetBytes: 4000 });
    const stop = new AbortController();
    const sheetsSeen = new Set<string>();
    await expect(
      readUserSheets(
        port,
        (sheet, fraction) => {
          sheetsSeen.add(sheet);
          if (fraction > 0.2) stop.abort();
        },
        { signal: stop.signal },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect([...sheetsSeen]).toEqual(['Rent Roll']);

    const fractions: number[] = [];
    const read = await readUserSheets(port, (_s, f) => fractions.push(f));
    expect(read.map((s) => s.rows.length)).toEqual([ROWS + 1, ROWS + 1]);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('Excel adapter: a write can be stopped and leaves nothing half-done', () => {
  /** The user's sheets, and a pack written once before: HL One, then HL Long, after the user's sheets. */
  async function workbookWithPack() {
    const fake = new FakeExcel(SEED);
    const port = new ExcelWorkbook(fake.run, { isSetSupported: () => true, targetBytes: 8000 });
    await port.writeSheets([productSpec('test.one', 'HL One', 'first'), longSpec('test.long', 'HL Long', 'first')]);
    return { fake, port };
  }

  it('stopped midway through its rows: the old pack is still there as it was, the user’s sheets untouched, no new sheet left', async () => {
    const { fake, port } = await workbookWithPack();
    const before = snapshot(fake);
    const stop = new AbortController();
    const seen: WriteProgress[] = [];
    const write = port.writeSheets([productSpec('test.one', 'HL One', 'second'), longSpec('test.long', 'HL Long', 'second')], {
      signal: stop.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.rowsWritten > p.rowsTotal / 3) stop.abort();
      },
    });
    await expect(write).rejects.toMatchObject({ name: 'AbortError' });
    // It was stopped partway, with rows of the new sheet already in Excel.
    const last = seen[seen.length - 1] as WriteProgress;
    expect(last.rowsWritten).toBeGreaterThan(0);
    expect(last.rowsWritten).toBeLessThan(last.rowsTotal);
    expect(snapshot(fake)).toEqual(before);
    expect((await port.listSheets()).map((s) => [s.name, s.productKey])).toEqual([
      ['Rent Roll', null],
      ['GL', null],
      ['HL One', 'test.one'],
      ['HL Long', 'test.long'],
    ]);
    expect((await port.readSheet('HL Long')).rows[5]?.[0]).toBe('first 5');
  });

  it('a failure partway (here: the progress callback throws) is taken back the same way and its error passed on', async () => {
    const { fake, port } = await workbookWithPack();
    const before = snapshot(fake);
    let calls = 0;
    await expect(
      port.writeSheets([longSpec('test.long', 'HL Long', 'second')], {
        onProgress: () => {
          if (++calls === 3) throw new Error('the pane went away');
        },
      }),
    ).rejects.toThrow('the pane went away');
    expect(snapshot(fake)).toEqual(before);
  });

  it('unstopped, the new pack replaces the old in its places, its tables keep their names, and progress goes forward to every row', async () => {
    const { fake, port } = await workbookWithPack();
    const tablesBefore = fake.sheetNames().map((n) => fake.sheetState(n)?.tables.map((t) => t.name));
    const seen: WriteProgress[] = [];
    // The specs in the other order: each still takes the place of the sheet it replaces.
    await port.writeSheets([longSpec('test.long', 'HL Long', 'second'), productSpec('test.one', 'HL One', 'second')], { signal: new AbortController().signal, onProgress: (p) => seen.push(p) });
    expect((await port.listSheets()).map((s) => [s.name, s.productKey])).toEqual([
      ['Rent Roll', null],
      ['GL', null],
      ['HL One', 'test.one'],
      ['HL Long', 'test.long'],
    ]);
    expect(fake.sheetNames().map((n) => fake.sheetState(n)?.tables.map((t) => t.name))).toEqual(tablesBefore);
    expect((await port.readSheet('HL Long')).rows[5]?.[0]).toBe('second 5');
    expect((await port.readSheet('HL One')).rows[1]?.[1]).toBe('second');
    expect(fake.sheetState('HL Long')?.protected).toBe(true);
    expect(fake.names.map((n) => n.formula).sort()).toEqual(["='HL Long'!$A$1", "='HL One'!$A$1"]);
    const total = ROWS + 4;
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((p) => p.rowsTotal === total)).toBe(true);
    const written = seen.map((p) => p.rowsWritten);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written[written.length - 1]).toBe(total);
  });

  it('a signal already aborted writes nothing at all', async () => {
    const { fake, port } = await workbookWithPack();
    const before = snapshot(fake);
    const syncs = fake.syncs;
    const stop = new AbortController();
    stop.abort();
    await expect(port.writeSheets([productSpec('test.two', 'HL Two', 'x')], { signal: stop.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.syncs).toBe(syncs);
    expect(snapshot(fake)).toEqual(before);
  });
});

describe('xlsx adapter: the same signal, where it is cheap', () => {
  it('an aborted signal stops a read and a write before they start; a write reports each sheet’s rows a block at a time, ending at the whole', async () => {
    const book = XlsxWorkbook.empty();
    const stop = new AbortController();
    stop.abort();
    await expect(book.writeSheets([productSpec('test.one', 'HL One', 'x')], { signal: stop.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await book.listSheets()).toEqual([]);
    const seen: number[] = [];
    await book.writeSheets([productSpec('test.one', 'HL One', 'x'), longSpec('test.long', 'HL Long', 'y')], { onProgress: (p) => seen.push(p.rowsWritten / p.rowsTotal) });
    expect(seen).toEqual([4 / (ROWS + 4), (4 + 2_000) / (ROWS + 4), 1]);
    await expect(book.readSheet('HL One', undefined, { signal: stop.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
