/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextEncoder } from 'node:util';
import type { SheetData } from '../../src/engine/cells';
import { runActionsJob } from '../../src/engine/jobs/actions-worker';
import { AccountActionsPanel } from '../../src/taskpane/actions/AccountActionsPanel';
import { memoryLog } from '../../src/taskpane/actions/useAccountActions';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { actionsWorkbook } from '../actions/support';

// jsdom has no ResizeObserver; Fluent's MessageBar only measures with it (no layout here anyway).
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// jsdom lacks TextEncoder, which the digest's SHA-256 uses (browsers and the worker have it).
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;

// Each step hashes and re-reads the workbook: give a loaded machine time.
configure({ asyncUtilTimeout: 8000 });

let sheets: SheetData[];
beforeAll(async () => {
  const path = await actionsWorkbook(mkdtempSync(join(tmpdir(), 'hl-pane-actions-')));
  sheets = await readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path)));
});

function renderPanel() {
  const downloads: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <AccountActionsPanel
        fileName="accounts.xlsx"
        readSheets={() => Promise.resolve(sheets)}
        config={{}}
        // The worker runs exactly this: the jobs' one entry point.
        run={(job, config) => Promise.resolve(runActionsJob(job, config))}
        log={memoryLog()}
        holidaysText=""
        now={() => new Date('2026-12-31T10:00:00Z')}
        download={(f) => downloads.push(f.name)}
      />
    </FluentProvider>,
  );
  return downloads;
}

const type = (label: string, value: string, scope: HTMLElement = document.body) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });

async function requestRefund(account: string, amount: string, by: string) {
  fireEvent.click(screen.getByText('Find candidates'));
  const table = await screen.findByRole('table', { name: 'Refund candidates' });
  const row = within(table).getByText(account).closest('tr') as HTMLElement;
  fireEvent.click(within(row).getByText('Request refund'));
  await waitFor(() => expect((screen.getByLabelText('Account') as HTMLInputElement).value).toBe(account));
  type('Amount', amount);
  type('Method', 'finance-csv');
  type('Reason', 'Former tenant in credit');
  type('Requested by', by);
  fireEvent.click(screen.getByRole('button', { name: 'Request' }));
  await screen.findByText(/Requested: nothing is posted/);
}

describe('Account actions mode', () => {
  it('lists refund candidates with their risks', async () => {
    renderPanel();
    fireEvent.click(screen.getByText('Find candidates'));
    const table = await screen.findByRole('table', { name: 'Refund candidates' });
    const f100 = within(table).getByText('F100').closest('tr') as HTMLElement;
    expect(within(f100).getByText('benefit')).toBeTruthy();
    expect(within(f100).getByText('other-debt')).toBeTruthy();
    expect(within(f100).getByText('£392.40')).toBeTruthy();
  });

  it('refuses an approval by the person who requested, then approves by another and posts', async () => {
    const downloads = renderPanel();
    await requestRefund('C300', '260.00', 'Jo Bloggs');
    const pending = screen.getByRole('list', { name: 'Awaiting approval' });
    expect(within(pending).getByText(/C300/)).toBeTruthy();
    type('Your name', 'JO BLOGGS');
    fireEvent.click(screen.getByRole('button', { name: /Approve R0001/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Refused.*a different person must/);
    type('Your name', 'Sam Lee');
    fireEvent.click(screen.getByRole('button', { name: /Approve R0001/ }));
    await screen.findByText('Approved R0001');
    const decided = screen.getByRole('list', { name: 'Decided actions' });
    expect(within(decided).getByText(/approved, posted 2026-12-31/)).toBeTruthy();
    fireEvent.click(screen.getByText('Prepare outputs'));
    fireEvent.click(await screen.findByText('Download postings.csv'));
    expect(downloads).toEqual(['postings.csv']);
  });

  it('a refund over £500 waits for the second approver', async () => {
    renderPanel();
    await requestRefund('F100', '512.40', 'Jo Bloggs');
    type('Your name', 'Sam Lee');
    fireEvent.click(screen.getByRole('button', { name: /Approve R0001/ }));
    await screen.findByText('Approved R0001');
    expect(within(screen.getByRole('list', { name: 'Awaiting approval' })).getByText(/second approver needed \(1\/2\)/)).toBeTruthy();
    type('Your name', 'Priya Shah');
    fireEvent.click(screen.getByRole('button', { name: /Approve R0001/ }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Decided actions' })).getByText(/approved, posted/)).toBeTruthy());
  });
});
