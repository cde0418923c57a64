/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawCell } from '../../src/engine/cells';
import { renderPane, testHost } from './support/pane-host';
import { sampleSheets } from './support/sample';

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});
const copy = () => sample.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));

async function openAndRun(host = testHost(copy())) {
  renderPane(host);
  fireEvent.click(await screen.findByText('3 Run'));
  fireEvent.click(screen.getByText('Run the reconciliation'));
  return host;
}

describe('Run', () => {
  it('reads the sheets whole once, reconciles in the worker and opens Review with the status', async () => {
    const host = await openAndRun();
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    expect(screen.getByText(/^Not balanced: -?£[\d,.]+ unexplained$/)).toBeTruthy();
    const cells = sample.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
    // Opening read the tops; Run read every sheet once more, whole: less than twice the workbook.
    expect(host.port.cellsRead).toBeGreaterThanOrEqual(cells);
    expect(host.port.cellsRead).toBeLessThan(cells * 1.2);
  });

  it('stops on a cell it cannot read, says so, and shows the cell in the sheet', async () => {
    const sheets = copy();
    const roll = sheets.find((s) => s.name === 'Rent Roll')!;
    const header = roll.rows.findIndex((r) => r.some((c) => typeof c === 'string' && /weekly/i.test(c)));
    const col = roll.rows[header]!.findIndex((c) => typeof c === 'string' && /weekly/i.test(c));
    roll.rows[header + 3]![col] = 'twelve pounds';
    const host = await openAndRun(testHost(sheets));
    await screen.findByText('The sheets have problems', {}, { timeout: 30_000 });
    const issues = screen.getByLabelText('Read issues');
    fireEvent.click(within(issues).getAllByText(/^Show in sheet/)[0]!);
    await waitFor(() => expect(host.port.selected).toEqual([{ sheet: 'Rent Roll', row: header + 4, col: col + 1 }]));
    expect(screen.queryByText('Review', { selector: 'h2' })).toBeNull();
  });
});

describe('Run, again', () => {
  it('resumes the saved session when the pane opens again, and says which source sheet changed when it runs', async () => {
    const database = `hl-resume-${Date.now()}`;
    await openAndRun(testHost(copy(), { database }));
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    cleanup();

    const sheets = copy();
    const gl = sheets.find((s) => s.name === 'GL')!;
    gl.rows.push(gl.rows[gl.rows.length - 1]!.map((c) => c)); // a line added to the GL since
    renderPane(testHost(sheets, { database }));
    await screen.findByText('Resumed your December 2026 session');
    expect(screen.getByLabelText('Messages').textContent).toMatch(/0 reconciling items\. Run to see the figures again/);
    fireEvent.click(screen.getByText('3 Run'));
    fireEvent.click(screen.getByText('Run the reconciliation'));
    await screen.findByText('Source sheets changed since the last run', {}, { timeout: 30_000 });
    expect(screen.getByLabelText('Messages').textContent).toMatch(/‘GL’ changed/);
  });
});

describe('Review', () => {
  it('a reconciling item explaining the difference turns the status to Balanced, and is saved in the session', async () => {
    const host = await openAndRun();
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    const unexplained = screen.getByTestId('unexplained').textContent;
    fireEvent.click(screen.getByText('Add a reconciling item'));
    const amount = screen.getByLabelText(/^Amount/) as HTMLInputElement;
    expect(`£${Number(amount.value.replace('-', '')).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`).toBe(unexplained?.replace('-', ''));
    fireEvent.click(screen.getByText('Add item'));
    expect(await screen.findByText('Say what explains it')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Explanation/), { target: { value: 'Card refund of 30/12 posted to the GL in January' } });
    fireEvent.click(screen.getByText('Add item'));
    await screen.findByText(/^Balanced$/);
    expect(screen.getByTestId('unexplained').textContent).toBe('£0.00');
    const store = await host.store();
    const [saved] = await store.sessionsFor('book-1');
    expect(saved?.reconcilingItems.map((i) => i.explanation)).toEqual(['Card refund of 30/12 posted to the GL in January']);
  });

  it('says at once, next to the field, that an amount is not an amount, and which sign reduces the unexplained difference', async () => {
    await openAndRun();
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    const unexplained = screen.getByTestId('unexplained').textContent ?? '';
    fireEvent.click(screen.getByText('Add a reconciling item'));
    expect(screen.getByText(`${unexplained} is unexplained: a ${unexplained.startsWith('-') ? 'negative' : 'positive'} amount reduces it.`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Amount/), { target: { value: '£1,2x' } });
    expect(screen.getByText('An amount in pounds with at most two decimals, e.g. -223.06')).toBeTruthy();
  });

  it('shows a draft item’s effect on the unexplained difference before it is added', async () => {
    await openAndRun();
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    fireEvent.click(screen.getByText('Add a reconciling item'));
    fireEvent.change(screen.getByLabelText(/^Amount/), { target: { value: '0' } });
    expect(screen.getByText(/^Unexplained after this item: /).textContent).toBe(`Unexplained after this item: ${screen.getByTestId('unexplained').textContent}`);
  });
});
