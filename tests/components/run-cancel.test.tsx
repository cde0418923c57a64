/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RawCell } from '../../src/engine/cells';
import type { PaneHost } from '../../src/taskpane/host';
import { renderPane, testHost } from './support/pane-host';
import { slowExcel } from './support/slow-excel';
import { sampleSheets } from './support/sample';

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});

describe('Run over Excel: Cancel while the sheets are read', () => {
  it('stops the read (Excel is asked for no further block), shows Cancelled, runs nothing, and can run again', async () => {
    // Small blocks: every sheet of the sample takes many round trips.
    const { fake, port } = slowExcel(sample);
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

describe('Sign-off over Excel: writing the pack shows its rows and can be cancelled', () => {
  it('Cancel while the sheets go in takes them out again: the workbook is as it was; written again, the pack and the session are there', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const { fake, port, delay, mode } = slowExcel(sample);
    // The run itself at full speed.
    delay.ms = 0;
    mode.small = false;
    renderPane({ ...testHost([]), port });
    fireEvent.click(await screen.findByText('3 Run'));
    fireEvent.click(screen.getByText('Run the reconciliation'));
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 60_000 });
    fireEvent.click(screen.getByText('6 Sign-off'));
    const before = { sheets: fake.sheetNames(), names: fake.names.map((n) => n.name) };

    delay.ms = 10;
    mode.small = true;
    fireEvent.click(screen.getByText('Write the audit pack'));
    const shown: number[] = [];
    await waitFor(() => {
      const m = /into the workbook: (\d+)% of the rows/.exec(screen.getByRole('progressbar', { name: 'Writing the audit pack' }).closest('div')?.parentElement?.textContent ?? '');
      expect(Number(m?.[1] ?? 0)).toBeGreaterThan(0);
      shown.push(Number(m?.[1]));
    });
    // Some of the pack's rows are in Excel already.
    expect(fake.sheetNames().length).toBeGreaterThan(before.sheets.length);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel: writing the audit pack' }));
    await screen.findByText('Cancelled while its sheets were written: they were taken out again and the workbook is as it was.');
    expect({ sheets: fake.sheetNames(), names: fake.names.map((n) => n.name) }).toEqual(before);
    for (const s of sample) expect((await port.readSheet(s.name)).rows.length).toBe(s.rows.length);

    delay.ms = 0;
    mode.small = false;
    fireEvent.click(screen.getByText('Write the audit pack'));
    await screen.findByText('Audit pack written', {}, { timeout: 60_000 });
    // Then the session is written beside it (the pack read back first); the progress goes when it is done.
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'Writing the audit pack' })).toBeNull(), { timeout: 60_000 });
    const keys = (await port.listSheets()).filter((s) => s.productKey !== null).map((s) => s.name);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys).toContain('HL Session');
  }, 180_000);
});
