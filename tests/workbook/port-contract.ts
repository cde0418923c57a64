/**
 * The WorkbookPort contract, one suite for every adapter (xlsx over exceljs, Excel over office-js):
 * reading the user's sheets with their coordinates and types, and writing the product's sheets
 * without ever touching the user's. An adapter's test file supplies a PortHarness that builds a
 * workbook from seed sheets, saves and reopens it, and renames a sheet the way a user does.
 */
import type { RawCell, SheetData } from '../../src/engine/cells';
import type { Pence } from '../../src/engine/money';
import type { CellSpec, SheetSpec } from '../../src/engine/sheet-spec';
import type { IsoDate } from '../../src/engine/dates';
import type { SheetInfo, WorkbookPort } from '../../src/workbook/port';
import { CELL_LOOKS, DATE_FORMAT, GENERAL_FORMAT, INTEGER_FORMAT, markerName, MONEY_FORMAT, PLAIN_LOOK, TABLE_STYLE, type CellLook, type PrintSetup } from '../../src/workbook/render';

export interface SeedSheet {
  readonly name: string;
  /** Rows from A1, as the adapter must read them back (a formula cell holds its cached result). */
  readonly rows: RawCell[][];
  /** Cells holding a date: the row value is a 1900-system serial the seed stores as a real date. */
  readonly dateCells?: readonly string[];
  /** Cells holding a formula (A1 address -> formula without "="); the row value is its cached result. */
  readonly formulas?: Readonly<Record<string, string>>;
}

export interface PortHarness {
  /** A workbook holding the seed sheets, in order, and nothing else. */
  make(seed: readonly SeedSheet[]): Promise<WorkbookPort>;
  /** Save and open again (what persistence means for the adapter; a live Excel workbook returns itself). */
  reopen(port: WorkbookPort): Promise<WorkbookPort>;
  /** Rename a sheet the way the user does in Excel (Excel updates the names that refer to it). */
  rename(port: WorkbookPort, from: string, to: string): Promise<WorkbookPort>;
  /** How a written sheet looks to the user in Excel, read from the workbook itself (the file's XML, or the live workbook's state). */
  inspect(port: WorkbookPort, sheet: string): Promise<WrittenSheet>;
}

/** What the user sees of a sheet beyond its values, in terms both adapters can report. */
export interface WrittenSheet {
  /** The number format of a cell ("General" when none was set). */
  format(a1: string): string;
  /** The look of a cell: bold, italic, size, font colour, fill and top border as #RRGGBB. */
  look(a1: string): CellLook;
  /** Its tables: name, address ("A1:B3") and style. */
  readonly tables: readonly { readonly name: string; readonly address: string; readonly style: string }[];
  /** Print setup, or null when none was set. */
  readonly print: PrintSetup | null;
  /** The workbook names that refer to this sheet. */
  readonly names: readonly string[];
  /** Column widths as Excel shows them in its Column Width box (characters of the default font), from column A. */
  readonly widths: readonly number[];
}

/** Two user sheets: a rent roll under a title and a blank row, and a GL extract that starts at B2. */
export const SEED: readonly SeedSheet[] = [
  {
    name: 'Rent Roll',
    rows: [
      ['Rent roll export'],
      [],
      ['Account Ref', 'Start Date', 'Weekly Charge', 'Note', 'Annual', 'Change'],
      ['00123', 46363, 101.5, true, 5278, 0],
      ['00456', 46364, { error: '#N/A' }, '=not a formula', { error: '#N/A' }, '-1'],
      ['Total'],
    ],
    dateCells: ['B4', 'B5'],
    // A formula's cached 0 is a value, not a blank; a formula over an error is that error.
    formulas: { E4: 'C4*52', F4: 'C4-101.5', E5: 'C5*52' },
  },
  { name: 'GL', rows: [[null, null], [null, 'Account', 'Debit'], [null, 1100, 12.34]] },
];

/** The seed sheets as every adapter must read them back (the contract's reading test spells out the same). */
export const SEED_READ_BACK: Readonly<Record<string, { row: number; col: number; rows: RawCell[][] }>> = {
  'Rent Roll': {
    row: 1,
    col: 1,
    rows: [
      ['Rent roll export', null, null, null, null, null],
      [null, null, null, null, null, null],
      ['Account Ref', 'Start Date', 'Weekly Charge', 'Note', 'Annual', 'Change'],
      ['00123', 46363, 101.5, true, 5278, 0],
      ['00456', 46364, { error: '#N/A' }, '=not a formula', { error: '#N/A' }, '-1'],
      ['Total', null, null, null, null, null],
    ],
  },
  GL: { row: 2, col: 2, rows: [['Account', 'Debit'], [1100, 12.34]] },
};

/** Text a payer or a reference may hold that a spreadsheet would take for a formula or a number. */
export const FORMULA_LOOKING_TEXT = ['=HYPERLINK("http://x","y")', '+44 20 7946 0000', '-2+3', '@cmd', '=1+1', "'quoted", '-1', '00123'] as const;

/**
 * Text that Excel turns into something else when it is typed, or written through office-js's
 * `range.values`: a number (leading zeros, exponent, thousands, currency, brackets, percent), a date
 * or time, a boolean, or a formula. A reference, a payer or a note may hold any of them.
 */
export const COERCIBLE_TEXT = ['00123', '1/2', '01/02/2026', '2024-01-05', '1 Feb', '12:30', 'TRUE', 'false', '12%', '1e5', '1,000', '£5', '(5)', '.5', ' 42 ', '+1', '=1+1', '-2+3'] as const;

const text = (value: string, style?: 'heading'): CellSpec => (style ? { kind: 'text', value, style } : { kind: 'text', value });
const money = (pence: number): CellSpec => ({ kind: 'money', value: pence as Pence });

/** A small product sheet: a table of two money rows, a total formula under it, and awkward text in column C. */
export function productSpec(key: string, name: string, payer: string): SheetSpec {
  return {
    key,
    name,
    rows: [
      [text('Amount', 'heading'), text('Payer', 'heading')],
      [money(1050), text(payer)],
      [money(25), text('+44 20 7946 0000')],
      [{ kind: 'formula', formula: 'ROUND(SUM(A2:A3),2)', result: { kind: 'money', value: 1075 as Pence } }, null, ...FORMULA_LOOKING_TEXT.map((t) => text(t))],
    ],
    columnWidths: [12, 30],
    tables: [{ name: `T_${key.replace(/\W/g, '_')}`, headerRow: 0, firstCol: 0, columns: ['Amount', 'Payer'], rowCount: 2 }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

async function userSheets(port: WorkbookPort): Promise<{ info: SheetInfo; data: SheetData }[]> {
  const out: { info: SheetInfo; data: SheetData }[] = [];
  for (const info of await port.listSheets()) if (info.productKey === null) out.push({ info, data: await port.readSheet(info.name) });
  return out;
}

const namesAndKeys = async (port: WorkbookPort): Promise<[string, string | null][]> => (await port.listSheets()).map((s) => [s.name, s.productKey]);

export function describePortContract(adapter: string, h: PortHarness): void {
  describe(`WorkbookPort contract: ${adapter}`, () => {
    it("lists the user's sheets as theirs, each with the size of its used range", async () => {
      const port = await h.reopen(await h.make(SEED));
      expect(await port.listSheets()).toEqual([
        { name: 'Rent Roll', rowCount: 6, colCount: 6, productKey: null },
        { name: 'GL', rowCount: 2, colCount: 2, productKey: null },
      ]);
    });

    it('reads the used range with its origin: dates as serials, text as text, errors as errors, formulas as their cached results, short rows padded', async () => {
      const port = await h.reopen(await h.make(SEED));
      const roll = await port.readSheet('Rent Roll');
      expect({ row: roll.originRow, col: roll.originCol }).toEqual({ row: 1, col: 1 });
      expect(roll.rows).toEqual([
        ['Rent roll export', null, null, null, null, null],
        [null, null, null, null, null, null],
        ['Account Ref', 'Start Date', 'Weekly Charge', 'Note', 'Annual', 'Change'],
        ['00123', 46363, 101.5, true, 5278, 0],
        ['00456', 46364, { error: '#N/A' }, '=not a formula', { error: '#N/A' }, '-1'],
        ['Total', null, null, null, null, null],
      ]);
      const gl = await port.readSheet('GL');
      expect({ row: gl.originRow, col: gl.originCol }).toEqual({ row: 2, col: 2 });
      expect(gl.rows).toEqual([['Account', 'Debit'], [1100, 12.34]]);
    });

    it("writes product sheets after the user's, which stay exactly as they were", async () => {
      const port = await h.make(SEED);
      const before = await userSheets(port);
      await port.writeSheets([productSpec('test.one', 'HL One', '=HYPERLINK("http://x","y")'), productSpec('test.two', 'HL Two', 'Jane Smith')]);
      const after = await h.reopen(port);
      expect(await namesAndKeys(after)).toEqual([['Rent Roll', null], ['GL', null], ['HL One', 'test.one'], ['HL Two', 'test.two']]);
      expect(await userSheets(after)).toEqual(before);
      const written = await after.readSheet('HL One');
      expect({ row: written.originRow, col: written.originCol }).toEqual({ row: 1, col: 1 });
      expect(written.rows.slice(0, 3).map((r) => r.slice(0, 2))).toEqual([['Amount', 'Payer'], [10.5, '=HYPERLINK("http://x","y")'], [0.25, '+44 20 7946 0000']]);
      expect(written.rows[3]?.[0]).toBe(10.75);
    });

    it('formula-looking text is written as text and reads back as the same text', async () => {
      const port = await h.make(SEED);
      await port.writeSheets([productSpec('test.one', 'HL One', '=1+1')]);
      const row = (await (await h.reopen(port)).readSheet('HL One')).rows[3];
      expect(row?.slice(2)).toEqual([...FORMULA_LOOKING_TEXT]);
      expect((await (await h.reopen(port)).readSheet('HL One')).rows[1]?.[1]).toBe('=1+1');
    });

    it('text Excel would take for a number, date, boolean or formula is written as text and reads back exactly', async () => {
      const port = await h.make(SEED);
      const spec: SheetSpec = { key: 'test.coerce', name: 'HL Coerce', rows: [COERCIBLE_TEXT.map((t) => text(t)), [money(100), ...COERCIBLE_TEXT.map((t) => text(t))]], columnWidths: [], tables: [], freeze: null, protect: false };
      await port.writeSheets([spec]);
      const read = await (await h.reopen(port)).readSheet('HL Coerce');
      expect(read.rows).toEqual([[...COERCIBLE_TEXT, null], [1, ...COERCIBLE_TEXT]]);
    });

    it('a second write with the same keys replaces those sheets in place: no duplicates, same count, same tab order', async () => {
      const port = await h.make(SEED);
      await port.writeSheets([productSpec('test.one', 'HL One', 'first'), productSpec('test.two', 'HL Two', 'x')]);
      const reopened = await h.reopen(port);
      await reopened.writeSheets([productSpec('test.one', 'HL One', 'second')]);
      await reopened.writeSheets([productSpec('test.one', 'HL One', 'third'), productSpec('test.two', 'HL Two', 'y')]);
      const after = await h.reopen(reopened);
      expect(await namesAndKeys(after)).toEqual([['Rent Roll', null], ['GL', null], ['HL One', 'test.one'], ['HL Two', 'test.two']]);
      expect((await after.readSheet('HL One')).rows[1]?.slice(0, 2)).toEqual([10.5, 'third']);
      expect((await after.readSheet('HL Two')).rows[1]?.slice(0, 2)).toEqual([10.5, 'y']);
    });

    it("a name clash with a user's sheet gets a new name, kept on re-runs; the user's sheet is untouched", async () => {
      const port = await h.make([...SEED, { name: 'HL One', rows: [['mine']] }]);
      const before = await userSheets(port);
      await port.writeSheets([productSpec('test.one', 'HL One', 'x')]);
      const once = await h.reopen(port);
      await once.writeSheets([productSpec('test.one', 'HL One', 'y')]);
      const after = await h.reopen(once);
      expect(await namesAndKeys(after)).toEqual([['Rent Roll', null], ['GL', null], ['HL One', null], ['HL One (2)', 'test.one']]);
      expect(await userSheets(after)).toEqual(before);
      expect((await after.readSheet('HL One (2)')).rows[1]?.[1]).toBe('y');
    });

    it('a product sheet the user renamed is still recognised by its key and replaced, in its place, on re-write', async () => {
      const port = await h.make(SEED);
      await port.writeSheets([productSpec('test.one', 'HL One', 'first'), productSpec('test.two', 'HL Two', 'x')]);
      const renamed = await h.rename(await h.reopen(port), 'HL One', "December's summary");
      expect(await namesAndKeys(renamed)).toEqual([['Rent Roll', null], ['GL', null], ["December's summary", 'test.one'], ['HL Two', 'test.two']]);
      await renamed.writeSheets([productSpec('test.one', 'HL One', 'second')]);
      const after = await h.reopen(renamed);
      expect(await namesAndKeys(after)).toEqual([['Rent Roll', null], ['GL', null], ['HL One', 'test.one'], ['HL Two', 'test.two']]);
      expect((await after.readSheet('HL One')).rows[1]?.[1]).toBe('second');
    });

    it("a user's sheet renamed to the product's name is still the user's", async () => {
      const port = await h.make(SEED);
      const renamed = await h.rename(port, 'GL', 'HL One');
      await renamed.writeSheets([productSpec('test.one', 'HL One', 'x')]);
      const after = await h.reopen(renamed);
      expect(await namesAndKeys(after)).toEqual([['Rent Roll', null], ['HL One', null], ['HL One (2)', 'test.one']]);
      expect((await after.readSheet('HL One')).rows).toEqual([['Account', 'Debit'], [1100, 12.34]]);
    });

    describe('rendering: the same rules on every adapter', () => {
      const plain = (rows: SheetSpec['rows'], extra: Partial<SheetSpec> = {}): SheetSpec => ({ key: 'test.render', name: 'HL Render', rows, columnWidths: [], tables: [], freeze: null, protect: false, ...extra });
      const formula = (result: Extract<CellSpec, { kind: 'formula' }>['result']): CellSpec => ({ kind: 'formula', formula: 'A1', result });

      it('money shows as pounds with negatives in red, dates day first, whole-number formulas without decimals, the rest General', async () => {
        const port = await h.make(SEED);
        await port.writeSheets([
          plain([
            [money(-1250), { kind: 'date', value: '2026-12-07' as IsoDate }, formula({ kind: 'money', value: 1075 as Pence }), formula({ kind: 'number', value: 3 }), formula({ kind: 'number', value: 0.5 }), text('x'), { kind: 'number', value: 7 }],
          ]),
        ]);
        const after = await h.reopen(port);
        const sheet = await h.inspect(after, 'HL Render');
        expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a) => sheet.format(a))).toEqual([MONEY_FORMAT, DATE_FORMAT, MONEY_FORMAT, INTEGER_FORMAT, GENERAL_FORMAT, GENERAL_FORMAT, GENERAL_FORMAT]);
        expect(MONEY_FORMAT).toBe('"£"#,##0.00;[Red]-"£"#,##0.00');
        expect((await after.readSheet('HL Render')).rows[0]?.slice(0, 2)).toEqual([-12.5, 46363]);
      });

      it.each([
        ['1900-01-01', 1],
        ['1900-02-28', 59],
        ['1900-03-01', 61],
        ['2026-12-07', 46363],
      ])('the date %s is written as Excel serial %d', async (iso, serial) => {
        const port = await h.make(SEED);
        await port.writeSheets([plain([[{ kind: 'date', value: iso as IsoDate }]])]);
        expect((await (await h.reopen(port)).readSheet('HL Render')).rows).toEqual([[serial]]);
      });

      it('each cell style has its look; an unstyled cell is plain', async () => {
        const styles = Object.keys(CELL_LOOKS) as (keyof typeof CELL_LOOKS)[];
        const port = await h.make(SEED);
        await port.writeSheets([plain([[...styles.map((style): CellSpec => ({ kind: 'text', value: style, style })), text('plain')]])]);
        const sheet = await h.inspect(await h.reopen(port), 'HL Render');
        const letters = 'ABCDEFGHIJ';
        expect(styles.map((style, i) => [style, sheet.look(`${letters[i]}1`)])).toEqual(styles.map((style) => [style, CELL_LOOKS[style]]));
        expect(sheet.look(`${letters[styles.length]}1`)).toEqual(PLAIN_LOOK);
        expect(CELL_LOOKS.heading).toMatchObject({ bold: true, fill: '#E7E6E6' });
      });

      it.each([
        ['Ledger: Dec/Jan [draft]?*', 'Ledger- Dec-Jan -draft---'],
        ['Suspense ageing for the month ending December 2026', 'Suspense ageing for the month e'],
        ["'Quoted'", 'Quoted'],
        ['History', 'History (HL)'],
        ['   ', 'Sheet (HL)'],
      ])('a sheet wanted as %p is named %p, as Excel allows', async (wanted, name) => {
        const port = await h.make(SEED);
        await port.writeSheets([plain([[text('x')]], { name: wanted })]);
        expect(await namesAndKeys(await h.reopen(port))).toEqual([['Rent Roll', null], ['GL', null], [name, 'test.render']]);
      });

      it("a long name taken by the user's sheet gets a numbered name still within 31 characters", async () => {
        const long = 'Suspense ageing for the month e';
        const port = await h.make([...SEED, { name: long, rows: [['mine']] }]);
        await port.writeSheets([plain([[text('x')]], { name: `${long}nding December` })]);
        expect(await namesAndKeys(await h.reopen(port))).toEqual([['Rent Roll', null], ['GL', null], [long, null], ['Suspense ageing for the mon (2)', 'test.render']]);
      });

      it('table names are cleaned, kept distinct across sheets, and kept on re-runs; empty tables keep one blank row', async () => {
        const table = (name: string, rowCount: number) => ({ name, headerRow: 0, firstCol: 0, columns: ['Amount', 'Payer'], rowCount });
        const specs = [
          { ...productSpec('test.one', 'HL One', 'x'), tables: [table('Cash balancing', 2)] },
          { ...productSpec('test.two', 'HL Two', 'y'), tables: [table('Cash_balancing', 2)] },
          { ...plain([[text('Amount'), text('Payer')]], { key: 'test.empty', name: 'HL Empty' }), tables: [table('A1', 0)] },
        ];
        const port = await h.make(SEED);
        await port.writeSheets(specs);
        const once = await h.reopen(port);
        await once.writeSheets(specs);
        const after = await h.reopen(once);
        const tables = async (sheet: string) => (await h.inspect(after, sheet)).tables;
        expect([await tables('HL One'), await tables('HL Two'), await tables('HL Empty')]).toEqual([
          [{ name: 'Cash_balancing', address: 'A1:B3', style: TABLE_STYLE }],
          [{ name: 'Cash_balancing_2', address: 'A1:B3', style: TABLE_STYLE }],
          [{ name: '_A1', address: 'A1:B2', style: TABLE_STYLE }],
        ]);
      });

      it('prints on A4, one page wide, wide sheets in landscape, the first table header repeated on every page', async () => {
        const port = await h.make(SEED);
        const wide = { ...productSpec('test.wide', 'HL Wide', 'x'), columnWidths: [60, 50] };
        const headed = { ...productSpec('test.headed', 'HL Headed', 'x'), rows: [[text('Title')], [text('Amount', 'heading'), text('Payer', 'heading')], [money(1), text('p')]], tables: [{ name: 'Headed', headerRow: 1, firstCol: 0, columns: ['Amount', 'Payer'], rowCount: 1 }] };
        const bare = plain([[text('x')]], { columnWidths: [10] });
        await port.writeSheets([productSpec('test.one', 'HL One', 'x'), wide, headed, bare]);
        const after = await h.reopen(port);
        const print = async (sheet: string) => (await h.inspect(after, sheet)).print;
        const a4 = { paper: 'A4', fitToWidth: 1, fitToHeight: 0 };
        expect(await print('HL One')).toEqual({ ...a4, orientation: 'portrait', titleRows: { first: 1, last: 1 } });
        expect(await print('HL Wide')).toEqual({ ...a4, orientation: 'landscape', titleRows: { first: 1, last: 1 } });
        expect(await print('HL Headed')).toEqual({ ...a4, orientation: 'portrait', titleRows: { first: 2, last: 2 } });
        expect(await print('HL Render')).toEqual({ ...a4, orientation: 'portrait', titleRows: null });
      });

      it('columns are as wide as the spec says, in characters of the default font', async () => {
        const port = await h.make(SEED);
        await port.writeSheets([{ ...productSpec('test.one', 'HL One', 'x'), columnWidths: [12, 30, 8.43] }]);
        expect((await h.inspect(await h.reopen(port), 'HL One')).widths).toEqual([12, 30, 8.43]);
      });

      it("each product sheet is marked by a workbook name _HL_<key> that refers to it, and the user's sheets by none", async () => {
        const port = await h.make(SEED);
        await port.writeSheets([productSpec('audit.reconciling-items', 'HL One', 'x')]);
        const after = await h.reopen(port);
        expect((await h.inspect(after, 'HL One')).names).toEqual(['_HL_audit_reconciling__items']);
        expect(markerName('audit.reconciling-items')).toBe('_HL_audit_reconciling__items');
        expect((await h.inspect(after, 'GL')).names).toEqual([]);
      });
    });
  });
}
