/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RawCell } from '../../src/engine/cells';
import type { PaneHost } from '../../src/taskpane/host';
import { ExcelWorkbook, type ExcelRun } from '../../src/workbook/excel/excel-workbook';
import { FakeExcel } from '../support/fake-excel';
import { renderPane, testHost } from './support/pane-host';
import { sampleSheets } from './support/sample';

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});

/** Excel.run over the stand-in, each round trip taking `ms` as Excel's do: a read of many blocks takes a while. */
function slowRun(fake: FakeExcel, ms: number): ExcelRun {
  return (batch) =>
    fake.run((context) => {
      const slow = new Proxy(context, {
        get: (target, prop) =>
          prop === 'sync'
            ? async () => {
                await new Promise((resolve) => setTimeout(resolve, ms));
                return target.sync();
              }
            : (target as unknown as Record<string | symbol, unknown>)[prop],
      });
      return batch(slow);
    });
}

describe('Run over Excel: Cancel while the sheets are read', () => {
  it('stops the read (Excel is asked for no further block), shows Cancelled, runs nothing, and can run again', async () => {
    const fake = new FakeExcel(sample);
    // Small blocks: every sheet of the sample takes many round trips.
    const port = new ExcelWorkbook(slowRun(fake, 15), { firstBlockCells: 40, targetBytes: 1500, isSetSupported: () => true });
    const host: PaneHost = { ...testHost([]), port };
    renderPane(host);
    fireEvent.click(await screen.findByText('3 Run'));
    fireEvent.click(screen.getByText('Run the reconciliation'));
    await screen.findByText(/^Reading sheet ‘/);
    fireEvent.click(screen.getByText('Cancel'));
    await screen.findByText(/^Cancelled\. Nothing was written/);
    const syncs = fake.syncs;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.syncs).toBe(syncs); // nothing more asked of Excel
    expect(screen.queryByText(/^Reading sheet ‘/)).toBeNull();
    expect(screen.queryByText('Review', { selector: 'h2' })).toBeNull();
    expect(fake.sheetNames()).toEqual(sample.map((s) => s.name)); // nothing written

    // The same run, not cancelled, goes to the end.
    fireEvent.click(screen.getByText('Run the reconciliation'));
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 60_000 });
  }, 120_000);
});
