import type { RawCell } from '../../src/engine/cells';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import { ExcelWorkbook, sheetOfNameFormula } from '../../src/workbook/excel/excel-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { FakeExcel } from '../support/fake-excel';
import { describePortContract } from './port-contract';

const fakes = new WeakMap<WorkbookPort, FakeExcel>();
function portOf(fake: FakeExcel): ExcelWorkbook {
  const port = new ExcelWorkbook(fake.run);
  fakes.set(port, fake);
  return port;
}

describePortContract('Excel (office-js)', {
  make: async (seed) => portOf(new FakeExcel(seed)),
  reopen: async (port) => port, // the workbook is live in Excel: nothing to save and reopen
  rename: async (port, from, to) => {
    fakes.get(port)?.rename(from, to);
    return port;
  },
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
    const bytes = JSON.stringify(rows).length;
    expect(data.rows).toEqual(rows);
    expect(fake.syncs).toBeLessThanOrEqual(limit(bytes));
    expect(progress[progress.length - 1]).toBe(ROWS + 1);
  });

  it('halves a block when Excel refuses a payload, and still reads everything', async () => {
    const rows = big();
    const fake = new FakeExcel([{ name: 'Big', rows }]);
    // Aim too high: the first full-size block is over 5 MB and is refused.
    const port = new ExcelWorkbook(fake.run, { targetBytes: 8 * 1024 * 1024, firstBlockCells: 1000 });
    const data = await port.readSheet('Big');
    expect(data.rows).toEqual(rows);
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
    // what travels: the values and their number formats
    const values = rows.map((r) => r.map((c) => (c?.kind === 'money' ? 0.01 * (c.value as number) : c?.kind === 'text' ? c.value : '')));
    const bytes = JSON.stringify(values).length + JSON.stringify(rows.map((r) => r.map((c) => (c?.kind === 'money' ? '"£"#,##0.00;[Red]-"£"#,##0.00' : 'General')))).length;
    expect(fake.syncs).toBeLessThanOrEqual(limit(bytes));
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

  it.each([
    ["='HL Summary'!$A$1", 'HL Summary'],
    ["='It''s mine'!$A$1", "It's mine"],
    ['=Summary!$A$1', 'Summary'],
    ['not a reference', null],
  ])('reads the sheet of the name formula %p', (formula, sheet) => expect(sheetOfNameFormula(formula)).toBe(sheet));
});
