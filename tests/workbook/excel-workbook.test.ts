import type { RawCell } from '../../src/engine/cells';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import { ExcelWorkbook } from '../../src/workbook/excel/excel-workbook';
import { sheetOfReference, type PrintSetup } from '../../src/workbook/render';
import type { WorkbookPort } from '../../src/workbook/port';
import { enter, FakeExcel, PAYLOAD_LIMIT, sheetNameProblem, tableNameProblem } from '../support/fake-excel';
import { COERCIBLE_TEXT, describePortContract, productSpec, SEED, type WrittenSheet } from './port-contract';

/*
 * Why the contract runs on tests/support/fake-excel.ts and not on office-addin-mock seeds
 * (office-addin-mock 4.0.0, src/officeMockObject.ts; the reading half does run on its seeds, in
 * excel-office-addin-mock.test.ts):
 * - Collections cannot be loaded the office-js way. `populate` stores an array (`items`) as a scalar
 *   mock with no child properties, and `loadNavigational` -> `loadScalar` throws "Property name needs
 *   to be present in object model before load is called." for `names.load('items/name,items/formula')`
 *   and `worksheets.load('items/name,items/position')`: listSheets and writeSheets fail before the
 *   first sync.
 * - `sync()` walks only the `_properties` tree built from the seed. Objects returned at run time by
 *   seeded functions (getRangeByIndexes, getUsedRangeOrNullObject, worksheets.add) are outside it and
 *   stay "Error, context.sync() was not called" unless the test hand-registers and syncs them itself.
 * - Writes are plain property assignments on one mock object (`setValue` runs only while seeding):
 *   `range.values = ...` is not seen by another range over the same cells, so a write-then-read
 *   contract test needs a cell model of our own; no parsing of typed text (the coercion bug) either.
 * - `sync()` never fails: no 5 MB request/response limit, so payload-error halving cannot be tested.
 * - Items of a loaded collection are the seed's plain objects, not mocks; adding or deleting a sheet
 *   or a name changes nothing the next load returns unless the test edits the seeded array itself.
 * - Under Jest it needs `office-addin-manifest` mocked (an ESM-only dependency).
 */
const fakes = new WeakMap<WorkbookPort, FakeExcel>();
/** An adapter over the stand-in, on an Excel that has ExcelApi 1.9 (print setup). */
function portOf(fake: FakeExcel): ExcelWorkbook {
  const port = new ExcelWorkbook(fake.run, { isSetSupported: () => true });
  fakes.set(port, fake);
  return port;
}

/** The live workbook's state, in the contract's terms. */
function inspectExcel(port: WorkbookPort, name: string): WrittenSheet {
  const fake = fakes.get(port);
  const state = fake?.sheetState(name);
  if (!fake || !state) throw new Error(`no sheet ${name}`);
  const key = (a1: string): string => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    const col = (m?.[1] ?? 'A').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return `${Number(m?.[2] ?? 1) - 1},${col}`;
  };
  const layout = state.pageLayout;
  const titles = /^\$(\d+):\$(\d+)$/.exec(layout.printTitleRows ?? '');
  return {
    format: (a1) => state.formats.get(key(a1)) ?? 'General',
    look: (a1) => {
      const l = state.looks.get(key(a1)) ?? {};
      return { bold: l.bold ?? false, italic: l.italic ?? false, size: l.size ?? null, color: l.color ?? null, fill: l.fill ?? null, borderTop: l.borderTop !== undefined };
    },
    tables: state.tables.map((t) => ({ ...t })),
    print:
      layout.paperSize === undefined
        ? null
        : ({
            paper: layout.paperSize,
            orientation: layout.orientation?.toLowerCase(),
            fitToWidth: layout.zoom?.horizontalFitToPages ?? null,
            fitToHeight: layout.zoom?.verticalFitToPages ?? null,
            titleRows: titles ? { first: Number(titles[1]), last: Number(titles[2]) } : null,
          } as unknown as PrintSetup),
    widths: fake.columnWidths(name),
    names: fake.names.filter((n) => n.formula.startsWith(`='${name.replace(/'/g, "''")}'!`)).map((n) => n.name),
  };
}

describePortContract('Excel (office-js)', {
  make: async (seed) => portOf(new FakeExcel(seed)),
  reopen: async (port) => port, // the workbook is live in Excel: nothing to save and reopen
  rename: async (port, from, to) => {
    fakes.get(port)?.rename(from, to);
    return port;
  },
  inspect: async (port, name) => inspectExcel(port, name),
});

describe('Excel adapter round trips', () => {
  const ROWS = 100_000;
  const COLS = 10;
  const big = (): RawCell[][] => [
    Array.from({ length: COLS }, (_x, c) => `Column ${c + 1}`),
    ...Array.from({ length: ROWS }, (_x, r) => Array.from({ length: COLS }, (_y, c): RawCell => (c === 0 ? `0${100000 + r}` : c === 1 ? 46000 + (r % 30) : c % 2 ? (r * 7 + c) / 100 : `text ${r % 97}`))),
  ];
  const limit = (bytes: number): number => Math.ceil(bytes / (4 * 1024 * 1024)) + 2;

  it(`reads ${ROWS.toLocaleString('en-GB')} rows x ${COLS} columns in no more than ceil(bytes / 4 MB) + 2 syncs, every cell intact`, async () => {
    const rows = big();
    const fake = new FakeExcel([{ name: 'Big', rows }]);
    const port = new ExcelWorkbook(fake.run);
    const progress: number[] = [];
    const data = await port.readSheet('Big', (p) => progress.push(p.rowsRead));
    // bytes: the cell values as office-js delivers them (JSON), nothing the adapter chose
    const bytes = JSON.stringify(rows).length;
    expect(data.rows).toEqual(rows);
    expect(fake.syncs).toBeLessThanOrEqual(limit(bytes));
    expect(fake.refusals).toBe(0);
    expect(fake.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(ROWS + 1);
  });

  it('halves a block when Excel refuses a payload, and still reads everything, reporting progress in order', async () => {
    const rows = big();
    const fake = new FakeExcel([{ name: 'Big', rows }]);
    // Aim too high: the first full-size block is over 5 MB and is refused.
    const port = new ExcelWorkbook(fake.run, { targetBytes: 8 * 1024 * 1024, firstBlockCells: 1000 });
    const progress: number[] = [];
    const data = await port.readSheet('Big', (p) => progress.push(p.rowsRead));
    expect(fake.refusals).toBeGreaterThan(0);
    expect(data.rows).toEqual(rows);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(ROWS + 1);
  });

  it('gives up on a payload error when a single row is already too big', async () => {
    const fake = new FakeExcel([{ name: 'Wide', rows: [['x'.repeat(6 * 1024 * 1024)]] }]);
    await expect(new ExcelWorkbook(fake.run).readSheet('Wide')).rejects.toThrow(/PayloadSizeLimitExceeded/);
    expect(fake.refusals).toBe(1);
  });

  it(`writes ${ROWS.toLocaleString('en-GB')} rows x ${COLS} columns in no more than ceil(bytes / 4 MB) + 2 syncs`, async () => {
    const fake = new FakeExcel([{ name: 'Mine', rows: [['x']] }]);
    const port = new ExcelWorkbook(fake.run);
    const rows: SheetSpec['rows'] = Array.from({ length: ROWS }, (_x, r) =>
      Array.from({ length: COLS }, (_y, c) => (c % 2 ? { kind: 'money' as const, value: (r * 10 + c) as never } : { kind: 'text' as const, value: `row ${r} col ${c}` })),
    );
    const spec: SheetSpec = { key: 'test.big', name: 'HL Big', rows, columnWidths: Array(COLS).fill(12), tables: [{ name: 'Big', headerRow: 0, firstCol: 0, columns: Array.from({ length: COLS }, (_x, i) => `C${i}`), rowCount: ROWS - 1 }], freeze: { rows: 1, cols: 0 }, protect: true };
    fake.syncs = 0;
    await port.writeSheets([spec]);
    // bytes: what has to travel, worked out from the spec: each value as Excel must receive it (text
    // with the apostrophe that keeps it text, money in pounds) and each cell's number format
    const values = rows.map((r) => r.map((c) => (c?.kind === 'money' ? (c.value as number) / 100 : c?.kind === 'text' ? `'${c.value}` : '')));
    const bytes = JSON.stringify(values).length + JSON.stringify(rows.map((r) => r.map((c) => (c?.kind === 'money' ? '"£"#,##0.00;[Red]-"£"#,##0.00' : 'General')))).length;
    expect(fake.syncs).toBeLessThanOrEqual(limit(bytes));
    expect(fake.refusals).toBe(0);
    expect(fake.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(await port.readSheet('HL Big')).toMatchObject({ rows: { 0: ['row 0 col 0', 0.01, 'row 0 col 2', 0.03, 'row 0 col 4', 0.05, 'row 0 col 6', 0.07, 'row 0 col 8', 0.09] } });
    const state = fake.sheetState('HL Big');
    expect(state?.cells.size).toBe(ROWS * COLS);
    expect(state).toMatchObject({ frozenRows: 1, protected: true });
    expect(state?.tables).toEqual([{ name: 'Big', address: `A1:J${ROWS}`, style: 'TableStyleLight9' }]);
    expect(state?.styled).toBe(0); // no per-cell styling of a big table
  });

  it('formula-looking text is written with a quote prefix, formulas as formulas', async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).writeSheets([
      { key: 'test.t', name: 'T', rows: [[{ kind: 'text', value: '=HYPERLINK("x")' }, { kind: 'text', value: '+44 1' }, { kind: 'formula', formula: 'SUM(A1:A2)', result: { kind: 'number', value: 0 } }, { kind: 'text', value: 'plain' }]], columnWidths: [], tables: [], freeze: null, protect: false },
    ]);
    const state = fake.sheetState('T');
    // Excel keeps the apostrophe as a text prefix: the cells hold the text, and only C1 is a formula
    expect([state?.cells.get('0,0'), state?.cells.get('0,1'), state?.cells.get('0,3')]).toEqual(['=HYPERLINK("x")', '+44 1', 'plain']);
    expect([...(state?.formulas.keys() ?? [])]).toEqual(['0,2']);
  });

  it.each(COERCIBLE_TEXT.map((t) => [t]))('the stand-in, as Excel, does not keep %p as text when it is written without a quote prefix', (t) => {
    expect(enter(t).kind).not.toBe('text');
    expect(enter(`'${t}`)).toEqual({ kind: 'text', value: t });
  });

  it('every text cell is written with a quote prefix, so Excel keeps it text; numbers, money and formulas are not', async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).writeSheets([
      { key: 'test.t', name: 'T', rows: [[{ kind: 'text', value: '00123' }, { kind: 'number', value: 123 }, { kind: 'money', value: 12 as never }, { kind: 'formula', formula: 'A1&"x"', result: { kind: 'text', value: '00123x' } }, { kind: 'text', value: '' }]], columnWidths: [], tables: [], freeze: null, protect: false },
    ]);
    const state = fake.sheetState('T');
    expect([...(state?.texts ?? [])]).toEqual(['0,0']);
    expect([state?.cells.get('0,0'), state?.cells.get('0,1'), state?.cells.get('0,2')]).toEqual(['00123', 123, 0.12]);
    expect((await new ExcelWorkbook(fake.run).readSheet('T')).rows).toEqual([['00123', 123, 0.12, '00123x']]);
  });

  it.each([
    ["='HL Summary'!$A$1", 'HL Summary'],
    ["='It''s mine'!$A$1", "It's mine"],
    ['=Summary!$A$1', 'Summary'],
    ['not a reference', null],
  ])('reads the sheet of the name formula %p', (formula, sheet) => expect(sheetOfReference(formula)).toBe(sheet));
});

describe('Excel adapter: show in sheet', () => {
  it('activates the sheet and selects the cell an issue points at (1-based), in one sync', async () => {
    const fake = new FakeExcel(SEED);
    const port: WorkbookPort = portOf(fake);
    fake.syncs = 0;
    await port.selectCell?.('GL', 3, 2);
    expect({ active: fake.active, selection: fake.selection, syncs: fake.syncs }).toEqual({ active: 'GL', selection: { sheet: 'GL', row: 2, column: 1 }, syncs: 1 });
  });

  it('a sheet that is gone, or a cell outside the grid, is refused and nothing is selected', async () => {
    const fake = new FakeExcel(SEED);
    const port = portOf(fake);
    await expect(port.selectCell('Deleted', 1, 1)).rejects.toThrow(/ItemNotFound/);
    await expect(port.selectCell('GL', 0, 1)).rejects.toThrow(/no cell/);
    await expect(port.selectCell('GL', 1, 16_385)).rejects.toThrow(/no cell/);
    expect(fake.selection).toBeNull();
  });
});

describe('Excel adapter: names and print setup in a live workbook', () => {
  it.each([['A'.repeat(32)], ['a/b'], ['a:b'], ['[x]'], ["'x"], ['History'], ['']])('the stand-in, as Excel, refuses the sheet name %p', (name) => {
    expect(sheetNameProblem(name)).not.toBeNull();
  });

  it.each([['Cash balancing'], ['1st'], ['A1'], ['R1C1'], ['c']])('the stand-in, as Excel, refuses the table name %p', (name) => {
    expect(tableNameProblem(name)).not.toBeNull();
  });

  it("a table name the user's own table already has gets a new name; the user's table is untouched", async () => {
    const fake = new FakeExcel(SEED);
    fake.addUserTable('GL', 'T_test_one', 'B2:C3');
    await portOf(fake).writeSheets([productSpec('test.one', 'HL One', 'x')]);
    expect(fake.sheetState('GL')?.tables).toEqual([{ name: 'T_test_one', address: 'B2:C3', style: 'TableStyleMedium2' }]);
    expect(fake.sheetState('HL One')?.tables.map((t) => t.name)).toEqual(['T_test_one_2']);
  });

  it('a product sheet the user deleted is written again, marked again, on the next run', async () => {
    const fake = new FakeExcel(SEED);
    const port = portOf(fake);
    await port.writeSheets([productSpec('test.one', 'HL One', 'first')]);
    fake.deleteSheet('HL One');
    expect(fake.names.map((n) => n.formula)).toEqual(['=#REF!$A$1']);
    await port.writeSheets([productSpec('test.one', 'HL One', 'second')]);
    expect((await port.listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['GL', null], ['HL One', 'test.one']]);
    expect(fake.names).toEqual([{ name: '_HL_test_one', formula: "='HL One'!$A$1" }]);
  });

  it('on an Excel without ExcelApi 1.9 the sheets are written without print setup', async () => {
    const fake = new FakeExcel(SEED);
    await new ExcelWorkbook(fake.run, { isSetSupported: (set, version) => set === 'ExcelApi' && Number(version) <= 1.7 }).writeSheets([productSpec('test.one', 'HL One', 'x')]);
    expect(fake.sheetState('HL One')).toMatchObject({ pageLayout: {}, tables: [{ name: 'T_test_one' }], protected: true });
  });

  it('an Excel that refuses part of the print setup still gets the sheets, written and marked', async () => {
    const fake = new FakeExcel(SEED);
    fake.refuseZoom = true;
    const port = portOf(fake);
    await port.writeSheets([productSpec('test.one', 'HL One', 'x')]);
    expect((await port.listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['GL', null], ['HL One', 'test.one']]);
    expect((await port.readSheet('HL One')).rows[1]?.slice(0, 2)).toEqual([10.5, 'x']);
    expect(fake.sheetState('HL One')?.pageLayout.zoom).toBeUndefined();
  });
});
