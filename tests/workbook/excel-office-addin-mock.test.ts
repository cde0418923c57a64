/**
 * The Excel adapter's reading on office-addin-mock seeds (Microsoft's office-js mock), as the issue
 * asks. office-addin-mock 4.0.0 can seed the read path: a seed may hold functions, so
 * worksheets.getItem, getUsedRangeOrNullObject and getRangeByIndexes build OfficeMockObjects at run
 * time, and the context's sync (seeded too) syncs them and counts round trips. It cannot seed the
 * rest of the contract; why is written down in excel-workbook.test.ts, where the whole contract runs
 * on tests/support/fake-excel.ts.
 */
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Word: 'word', Outlook: 'outlook', PowerPoint: 'powerpoint', OneNote: 'onenote', Project: 'project' } }));

import { OfficeMockObject } from 'office-addin-mock';
import type { RawCell } from '../../src/engine/cells';
import { ExcelWorkbook, type ExcelRun } from '../../src/workbook/excel/excel-workbook';
import { SEED, SEED_READ_BACK, type SeedSheet } from './port-contract';

type Cell = string | number | boolean;

/** office-js's values: errors as their text, empty cells as "". */
const asValue = (c: RawCell | undefined): Cell => (c === null || c === undefined ? '' : typeof c === 'object' ? c.error : c);

/** A workbook of seed sheets as office-addin-mock objects; `syncs` counts round trips. */
function mockExcel(seed: readonly SeedSheet[]): { run: ExcelRun; syncs: () => number } {
  let syncs = 0;
  const created: OfficeMockObject[] = [];
  const made = (data: object): OfficeMockObject => {
    const o = new OfficeMockObject(data as never);
    created.push(o);
    return o;
  };
  const worksheet = (s: SeedSheet): OfficeMockObject => {
    const cell = (r: number, c: number): Cell => asValue(s.rows[r]?.[c]);
    const used = (): { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null => {
      const box = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (asValue(v) === '') return;
          box.top = Math.min(box.top, r);
          box.left = Math.min(box.left, c);
          box.bottom = Math.max(box.bottom, r);
          box.right = Math.max(box.right, c);
        }),
      );
      return box.bottom < 0 ? null : { rowIndex: box.top, columnIndex: box.left, rowCount: box.bottom - box.top + 1, columnCount: box.right - box.left + 1 };
    };
    return made({
      name: s.name,
      getUsedRangeOrNullObject: () => {
        const u = used();
        return made(u ? { isNullObject: false, ...u } : { isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 });
      },
      getRangeByIndexes: (r0: number, c0: number, n: number, m: number) => made({ values: Array.from({ length: n }, (_x, r) => Array.from({ length: m }, (_y, c) => cell(r0 + r, c0 + c))) }),
    });
  };
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItem: (name: string) => {
          const s = seed.find((x) => x.name === name);
          if (!s) throw new Error(`ItemNotFound: ${name}`);
          return worksheet(s);
        },
      },
    },
    // One round trip: office-addin-mock's own sync() walks only the seeded tree, so the objects built at run time are synced here.
    sync: async () => {
      syncs++;
      await Promise.all(created.map((o) => OfficeMockObject.prototype.sync.call(o)));
      await new Promise((resolve) => setImmediate(resolve)); // its sync updates nested properties in callbacks it does not await
    },
  } as never);
  return { run: async (batch) => batch(context as unknown as Excel.RequestContext), syncs: () => syncs };
}

describe('Excel adapter on office-addin-mock seeds', () => {
  it('reads the contract seed with its origin: dates as serials, text as text, errors as errors, short rows padded', async () => {
    const excel = mockExcel(SEED);
    const port = new ExcelWorkbook(excel.run);
    const roll = await port.readSheet('Rent Roll');
    expect({ row: roll.originRow, col: roll.originCol, rows: roll.rows }).toEqual(SEED_READ_BACK['Rent Roll']);
    const gl = await port.readSheet('GL');
    expect({ row: gl.originRow, col: gl.originCol, rows: gl.rows }).toEqual(SEED_READ_BACK.GL);
    expect(excel.syncs()).toBe(4); // per sheet: the used range, then one block
  });

  it('reads 100,000 rows x 10 columns in no more than ceil(bytes / 4 MB) + 2 syncs', async () => {
    const rows: RawCell[][] = [
      Array.from({ length: 10 }, (_x, c) => `Column ${c + 1}`),
      ...Array.from({ length: 100_000 }, (_x, r) => Array.from({ length: 10 }, (_y, c): RawCell => (c === 0 ? `0${100000 + r}` : c % 2 ? (r * 7 + c) / 100 : `text ${r % 97}`))),
    ];
    const excel = mockExcel([{ name: 'Big', rows }]);
    const data = await new ExcelWorkbook(excel.run).readSheet('Big');
    expect(data.rows).toEqual(rows);
    expect(excel.syncs()).toBeLessThanOrEqual(Math.ceil(JSON.stringify(rows).length / (4 * 1024 * 1024)) + 2);
  });
});
