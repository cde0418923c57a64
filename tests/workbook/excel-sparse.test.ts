/**
 * Issue 10 case 9 / item 5 in the Excel adapter: a sheet holding A1 and XFD1048576 has a used range
 * of 17 billion cells. The adapter reads it from the cells that exist (constants and formulas, as
 * areas) in a few round trips, in memory for two rows of cells, with the same origin and the same
 * cells as a rectangle read would give; a sheet small enough is still read as a rectangle.
 */
import type { RawCell } from '../../src/engine/cells';
import { ExcelWorkbook } from '../../src/workbook/excel/excel-workbook';
import { FakeExcel } from '../support/fake-excel';

function farSheet(): RawCell[][] {
  const rows: RawCell[][] = [];
  rows[0] = ['note', null, 'second'];
  const last: RawCell[] = [];
  last[16_383] = 1;
  rows[1_048_575] = last;
  return rows;
}

describe('Excel adapter: a used range too large for a rectangle', () => {
  it('A1 and XFD1048576: read from the cells that exist in a few syncs, the far cell where it is', async () => {
    const excel = new FakeExcel([{ name: 'Far away', rows: farSheet() }, { name: 'Small', rows: [['Account Ref', 'Amount'], ['00100012', 10.5]] }]);
    const port = new ExcelWorkbook(excel.run);
    const before = excel.syncs;
    const data = await port.readSheet('Far away');
    expect(excel.syncs - before).toBeLessThanOrEqual(4);
    expect({ row: data.originRow, col: data.originCol, rows: data.rows.length }).toEqual({ row: 1, col: 1, rows: 1_048_576 });
    expect(data.rows[0]?.slice(0, 3)).toEqual(['note', null, 'second']);
    expect(data.rows[0]).toHaveLength(16_384);
    expect(data.rows[1_048_575]?.[16_383]).toBe(1);
    expect(data.rows[1_048_575]?.filter((v) => v !== null)).toEqual([1]);
    // Only the two rows that hold cells have arrays of their own; every other row is one shared empty row.
    expect(new Set(data.rows).size).toBe(3);
    expect(data.rows[500_000]?.every((v) => v === null)).toBe(true);
  });

  it('a sheet within the rectangle budget is read as before', async () => {
    const excel = new FakeExcel([{ name: 'Small', rows: [['Account Ref', 'Amount'], ['00100012', 10.5]] }]);
    const data = await new ExcelWorkbook(excel.run).readSheet('Small');
    expect(data.rows).toEqual([['Account Ref', 'Amount'], ['00100012', 10.5]]);
  });
});
