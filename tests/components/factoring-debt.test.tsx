/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The Factoring debt page (issue 16): as of 31/12/2026 the sample's accounts in arrears with their
 * stage and next action, the notices to renew, register or discharge, and "Write report" handing
 * the P&L and KPI sheets, with their charts, to the workbook.
 */
import 'fake-indexeddb/auto';
import './support/jsdom-globals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { SheetData } from '../../src/engine/cells';
import { DEFAULT_APPROVALS } from '../../src/engine/approvals';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import { LedgerDb } from '../../src/store/db';
import { FactoringPanel } from '../../src/taskpane/factoring/FactoringPanel';
import { handleFactoring } from '../../src/worker/factoring-request';
import { handleFactoringDebt } from '../../src/worker/factoring-debt-request';
import { generateFactoring } from '../../tools/sample/factoring/generate';

const sample = generateFactoring();
const sheets: SheetData[] = Object.entries(sample.sheets).map(([name, rows]) => ({ name, originRow: 1, originCol: 1, rows }));

function open(written: SheetSpec[][], downloads: string[], db: LedgerDb | null = null) {
  render(
    <FluentProvider theme={webLightTheme}>
      <FactoringPanel
        readSheets={async () => sheets}
        workbookFile="sample-factoring.xlsx"
        config={sample.config}
        approvals={DEFAULT_APPROVALS}
        run={async (r) => handleFactoring({ kind: 'factoring', id: 1, ...r })}
        runDebt={async (r) => handleFactoringDebt({ kind: 'factoring-debt', id: 2, ...r })}
        writeSheets={async (specs) => {
          written.push([...specs]);
        }}
        now={() => '2027-01-05T10:00:00Z'}
        db={db}
        workbookId="book-factoring"
        downloadWorkbook={async (name) => {
          downloads.push(name);
        }}
      />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByText('Factoring debt'));
}

describe('the Factoring debt page', () => {
  it('shows arrears with stage and next action, and the notices that need action', async () => {
    open([], []);
    fireEvent.change(screen.getByLabelText('As of (YYYY-MM-DD)'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByText('Show debt'));
    const list = await screen.findByRole('list', { name: 'Accounts in arrears' });
    // HC1-5 owes £355.00 (£310 + £95 - £50), 155 days past due: at the NoPL stage.
    const hc15 = within(list).getByText(/HC1-5/).closest('[role="listitem"]') as HTMLElement;
    expect(within(hc15).getByText('£355.00')).toBeTruthy();
    expect(within(hc15).getByText(/NoPL|Notice/i)).toBeTruthy();
    // The disputed £420 is in HC1-4's balance and said to be disputed.
    const hc14 = within(list).getByText(/HC1-4/).closest('[role="listitem"]') as HTMLElement;
    expect(within(hc14).getByText(/£420.00 disputed/)).toBeTruthy();

    const expiring = screen.getByRole('list', { name: 'Notices expiring' });
    expect(within(expiring).getByText(/N-0002 on KS2-1: last valid day 19\/01\/2027/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Notices lapsed' })).getByText(/N-0004 on HC1-2 lapsed after 31\/10\/2026/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Notices missing' })).getByText(/HC1-5 \(OW0005\) owes £355.00/)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Notices to discharge' })).getByText(/N-0001 on HC1-1/)).toBeTruthy();
  });

  it('proposes a write-off for the Board, refuses the proposer as approver, and approves by someone else', async () => {
    open([], []);
    fireEvent.change(screen.getByLabelText('As of (YYYY-MM-DD)'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByText('Show debt'));
    await screen.findByRole('list', { name: 'Accounts in arrears' });
    fireEvent.change(screen.getByLabelText('Your name (proposer or approver)'), { target: { value: 'Fiona Reid' } });
    fireEvent.change(screen.getByLabelText('Reason for a proposal'), { target: { value: 'Owner untraced' } });
    fireEvent.change(screen.getByLabelText('Account to propose'), { target: { value: 'OW0005/HC1-5' } });
    fireEvent.click(screen.getByText('Propose write-off'));
    expect(await screen.findByText('Proposed the write-off of OW0005 · HC1-5.')).toBeTruthy();
    const schedule = screen.getByRole('list', { name: 'Write-off schedule' });
    expect(within(schedule).getByText(/OW0005 · HC1-5: £355.00, awaiting approval/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Your name (proposer or approver)'), { target: { value: 'FIONA  reid' } });
    fireEvent.click(within(schedule).getByText('Approve'));
    expect(await screen.findByText(/cannot also approve|requester/i)).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Write-off schedule' })).getByText(/awaiting approval/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Your name (proposer or approver)'), { target: { value: 'Morag Bell' } });
    fireEvent.click(within(screen.getByRole('list', { name: 'Write-off schedule' })).getByText('Approve'));
    expect(await screen.findByText('Approved by Morag Bell.')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Write-off schedule' })).getByText(/OW0005 · HC1-5: £355.00, approved/)).toBeTruthy();
  });

  it('keeps a proposed write-off in the store: a pane opened afresh shows it awaiting approval, and approves it', async () => {
    const db = new LedgerDb(`hl-factoring-debt-${Date.now()}`);
    await db.open();
    const showDebt = async () => {
      fireEvent.change(screen.getByLabelText('As of (YYYY-MM-DD)'), { target: { value: '2026-12-31' } });
      fireEvent.click(screen.getByText('Show debt'));
      await screen.findByRole('list', { name: 'Accounts in arrears' });
    };
    open([], [], db);
    await showDebt();
    fireEvent.change(screen.getByLabelText('Your name (proposer or approver)'), { target: { value: 'Fiona Reid' } });
    fireEvent.change(screen.getByLabelText('Reason for a proposal'), { target: { value: 'Owner untraced' } });
    fireEvent.change(screen.getByLabelText('Account to propose'), { target: { value: 'OW0005/HC1-5' } });
    fireEvent.click(screen.getByText('Propose write-off'));
    expect(await screen.findByText('Proposed the write-off of OW0005 · HC1-5.')).toBeTruthy();
    cleanup();

    open([], [], db);
    await showDebt();
    const schedule = await screen.findByRole('list', { name: 'Write-off schedule' });
    expect(within(schedule).getByText(/OW0005 · HC1-5: £355.00, awaiting approval/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Your name (proposer or approver)'), { target: { value: 'Morag Bell' } });
    fireEvent.click(within(schedule).getByText('Approve'));
    expect(await screen.findByText('Approved by Morag Bell.')).toBeTruthy();
    db.close();
  });

  it('writes the P&L and KPI sheets with their charts, and downloads on the standalone page', async () => {
    const written: SheetSpec[][] = [];
    const downloads: string[] = [];
    open(written, downloads);
    fireEvent.change(screen.getByLabelText('Report month (YYYY-MM)'), { target: { value: '2026-12' } });
    fireEvent.click(screen.getByText('Write report'));
    expect(await screen.findByText(/Wrote 6 sheets \(the P&L and KPIs with 4 charts/)).toBeTruthy();
    expect(written).toHaveLength(1);
    expect(written[0]?.map((s) => s.name).slice(0, 2)).toEqual(['HL Factoring P&L', 'HL Factoring KPIs']);
    expect(downloads).toEqual(['sample-factoring factoring report 2026-12.xlsx']);
  });

  it('refuses a month that is not one, and writes nothing', async () => {
    const written: SheetSpec[][] = [];
    open(written, []);
    fireEvent.change(screen.getByLabelText('Report month (YYYY-MM)'), { target: { value: 'December' } });
    fireEvent.click(screen.getByText('Write report'));
    expect(await screen.findByText(/expected a month as YYYY-MM/)).toBeTruthy();
    expect(written).toEqual([]);
  });
});
