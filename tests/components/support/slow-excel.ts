/** The Excel adapter over the stand-in (tests/support/fake-excel.ts), each round trip taking `ms()` as Excel's do: long steps can be watched and cancelled. */
import { ExcelWorkbook, type ExcelRun, type ExcelWorkbookOptions } from '../../../src/workbook/excel/excel-workbook';
import { FakeExcel } from '../../support/fake-excel';
import type { RawCell } from '../../../src/engine/cells';
import type { WorkbookPort } from '../../../src/workbook/port';

export function slowRun(fake: FakeExcel, ms: () => number): ExcelRun {
  return (batch) =>
    fake.run((context) => {
      const slow = new Proxy(context, {
        get: (target, prop) =>
          prop === 'sync'
            ? async () => {
                await new Promise((resolve) => setTimeout(resolve, ms()));
                return target.sync();
              }
            : (target as unknown as Record<string | symbol, unknown>)[prop],
      });
      return batch(slow);
    });
}

/**
 * A live workbook of `sheets` and an adapter over it in small blocks (many round trips), each
 * taking `delay.ms`; `mode.small = false` switches to the adapter's usual block sizes (the
 * stand-in recalculates a sheet's formulas at every read, so small blocks of a pack are slow).
 */
export function slowExcel(sheets: readonly { name: string; rows: RawCell[][] }[], options: ExcelWorkbookOptions = {}) {
  const fake = new FakeExcel(sheets);
  const delay = { ms: 15 };
  const mode = { small: true };
  const run = slowRun(fake, () => delay.ms);
  const small = new ExcelWorkbook(run, { firstBlockCells: 40, targetBytes: 1500, isSetSupported: () => true, ...options });
  const usual = new ExcelWorkbook(run, { isSetSupported: () => true, ...options });
  const now = (): ExcelWorkbook => (mode.small ? small : usual);
  const port: WorkbookPort = {
    listSheets: () => now().listSheets(),
    readSheet: (...a) => now().readSheet(...a),
    readSheetTop: (...a) => now().readSheetTop(...a),
    writeSheets: (...a) => now().writeSheets(...a),
    selectCell: (...a) => now().selectCell(...a),
  };
  return { fake, port, delay, mode };
}
