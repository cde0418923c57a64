/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { fireEvent, screen } from '@testing-library/react';
import { generateMonth } from '../../tools/sample/generate';
import { TOP_ROWS } from '../../src/taskpane/read-sheet-tops';
import { renderPane, testHost } from './support/pane-host';

const month = generateMonth({ seed: 3, accounts: 300, period: '2026-12' });
const sheets = () => month.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));

describe('Sources', () => {
  it('recognises each sheet by its headers from its top rows only, and says how many rows it has', async () => {
    const host = testHost(sheets());
    renderPane(host);
    await screen.findByRole('heading', { name: 'Sources' });
    const tx = month.sheets.find((s) => s.name === 'Transactions')!;
    expect(screen.getByText(new RegExp(`^${(tx.rows.length - 1).toLocaleString('en-GB')} rows · Housing system transactions`))).toBeTruthy();
    // Opening read no more than the top rows of each sheet, though the transactions run to thousands of rows.
    const widest = Math.max(...month.sheets.map((s) => Math.max(...s.rows.map((r) => r.length))));
    expect(host.port.cellsRead).toBeLessThanOrEqual(month.sheets.length * TOP_ROWS * widest);
    expect(tx.rows.length).toBeGreaterThan(TOP_ROWS * 4);
  });

  it('shows the role recognised for each sheet and the header each field was found under', async () => {
    renderPane(testHost(sheets()));
    await screen.findByText('Sources', { selector: 'h2' });
    expect((screen.getByLabelText('Role of ‘Suspense’') as HTMLSelectElement).value).toBe('suspense');
    // The column mappings are drawn a frame after the sheets' list.
    const amount = (await screen.findByLabelText('Suspense items: column for Amount')) as HTMLSelectElement;
    const suspense = month.sheets.find((s) => s.name === 'Suspense')!;
    expect(suspense.rows.some((r) => r.includes(amount.value))).toBe(true);
    fireEvent.click(screen.getByText('Next: Settings'));
    expect(await screen.findByText('Settings', { selector: 'h2' })).toBeTruthy();
  });
});
