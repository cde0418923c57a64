/**
 * The WorkbookPort contract, one suite for every adapter (xlsx now, office-js next): reading the
 * user's sheets with their coordinates and types, and writing the product's sheets without ever
 * touching the user's.
 */
import type { RawCell } from '../../src/engine/cells';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import type { WorkbookPort } from '../../src/workbook/port';

export interface SeedSheet {
  readonly name: string;
  /** Rows from A1; a date is a 1900-system serial the adapter must store as a real date. */
  readonly rows: RawCell[][];
  readonly dateCells?: readonly string[];
}

export interface PortHarness {
  make(seed: readonly SeedSheet[]): Promise<WorkbookPort>;
  /** Save and open again (what persistence means for the adapter). */
  reopen(port: WorkbookPort): Promise<WorkbookPort>;
  /** Rename a sheet the way the user does in Excel. */
  rename(port: WorkbookPort, from: string, to: string): Promise<WorkbookPort>;
}

export const SEED: readonly SeedSheet[] = [
  {
    name: 'Rent Roll',
    rows: [
      ['Rent roll export'],
      [],
      ['Account Ref', 'Start Date', 'Weekly Charge', 'Note'],
      ['00123', 46363, 101.5, true],
      ['00456', 46364, { error: '#N/A' }, '=not a formula'],
    ],
    dateCells: ['B4', 'B5'],
  },
  { name: 'GL', rows: [[null, null], [null, 'Account', 'Debit'], [null, 1100, 12.34]] },
];

const spec = (key: string, name: string, text: string): SheetSpec => ({
  key,
  name,
  rows: [
    [{ kind: 'text', value: 'Amount', style: 'heading' }, { kind: 'text', value: 'Payer', style: 'heading' }],
    [{ kind: 'money', value: 1050 as never }, { kind: 'text', value: text }],
    [{ kind: 'money', value: 25 as never }, { kind: 'text', value: '+44 20 7946 0000' }],
    [{ kind: 'formula', formula: 'ROUND(SUM(A2:A3),2)', result: { kind: 'money', value: 1075 as never } }, null],
  ],
  columnWidths: [12, 30],
  tables: [{ name: `T_${key.replace(/\W/g, '_')}`, headerRow: 0, firstCol: 0, columns: ['Amount', 'Payer'], rowCount: 2 }],
  freeze: { rows: 1, cols: 0 },
  protect: true,
});

export function describePortContract(adapter: string, h: PortHarness): void {
  describe(`WorkbookPort contract: ${adapter}`, () => {
    it("lists the user's sheets as theirs", async () => {
      const port = await h.make(SEED);
      expect(await port.listSheets()).toEqual([
        expect.objectContaining({ name: 'Rent Roll', productKey: null }),
        expect.objectContaining({ name: 'GL', productKey: null }),
      ]);
    });

    it('reads the used range with its origin, dates as serials, text as text, errors as errors', async () => {
      const port = await h.reopen(await h.make(SEED));
      const roll = await port.readSheet('Rent Roll');
      expect(roll.originRow).toBe(1);
      expect(roll.originCol).toBe(1);
      expect(roll.rows[3]).toEqual(['00123', 46363, 101.5, true]);
      expect(roll.rows[4]).toEqual(['00456', 46364, { error: '#N/A' }, '=not a formula']);
      const gl = await port.readSheet('GL');
      expect({ row: gl.originRow, col: gl.originCol }).toEqual({ row: 2, col: 2 });
      expect(gl.rows).toEqual([['Account', 'Debit'], [1100, 12.34]]);
    });

    it("writes product sheets beside the user's, which stay exactly as they were", async () => {
      const port = await h.make(SEED);
      const before = [await port.readSheet('Rent Roll'), await port.readSheet('GL')];
      await port.writeSheets([spec('test.one', 'HL One', '=HYPERLINK("http://x","y")')]);
      const again = await h.reopen(port);
      expect((await again.listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['GL', null], ['HL One', 'test.one']]);
      expect([await again.readSheet('Rent Roll'), await again.readSheet('GL')]).toEqual(before);
      const written = await again.readSheet('HL One');
      expect(written.rows).toEqual([['Amount', 'Payer'], [10.5, '=HYPERLINK("http://x","y")'], [0.25, '+44 20 7946 0000'], [10.75, null]]);
    });

    it('a second write with the same key replaces the sheet instead of adding one', async () => {
      const port = await h.make(SEED);
      await port.writeSheets([spec('test.one', 'HL One', 'first'), spec('test.two', 'HL Two', 'x')]);
      const reopened = await h.reopen(port);
      await reopened.writeSheets([spec('test.one', 'HL One', 'second')]);
      const after = await h.reopen(reopened);
      expect((await after.listSheets()).map((s) => s.name)).toEqual(['Rent Roll', 'GL', 'HL One', 'HL Two']);
      expect((await after.readSheet('HL One')).rows[1]).toEqual([10.5, 'second']);
    });

    it("a name clash with a user's sheet gets a new name; the user's sheet is untouched", async () => {
      const port = await h.make([...SEED, { name: 'HL One', rows: [['mine']] }]);
      await port.writeSheets([spec('test.one', 'HL One', 'x')]);
      const after = await h.reopen(port);
      expect((await after.listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['GL', null], ['HL One', null], ['HL One (2)', 'test.one']]);
      expect((await after.readSheet('HL One')).rows).toEqual([['mine']]);
    });

    it('a product sheet the user renamed is still recognised by its key and replaced on re-write', async () => {
      const port = await h.make(SEED);
      await port.writeSheets([spec('test.one', 'HL One', 'first')]);
      const renamed = await h.rename(await h.reopen(port), 'HL One', 'December summary');
      expect((await renamed.listSheets()).find((s) => s.name === 'December summary')?.productKey).toBe('test.one');
      await renamed.writeSheets([spec('test.one', 'HL One', 'second')]);
      const after = await h.reopen(renamed);
      expect((await after.listSheets()).map((s) => s.name)).toEqual(['Rent Roll', 'GL', 'HL One']);
    });
  });
}
