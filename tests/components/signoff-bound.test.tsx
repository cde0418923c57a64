/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Issue 11 in the pane, over a real .xlsx workbook in memory (the standalone page's adapter): sign-offs
 * bound to the figures, void at once when something they covered changes (naming the change), the
 * void in a re-written pack; same-person review refused; a NOT BALANCED sign-off needs a reason; and
 * a pack the CLI wrote and `sign` signed twice, opened with a fresh store, resumes from the workbook
 * with both signatures valid.
 */
// First: the globals fake-indexeddb needs, before exceljs brings its own setImmediate.
import './support/jsdom-globals';
// Before Dexie is imported (it takes indexedDB when loaded).
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSessionSheet } from '../../src/engine/signoff/session-sheet';
import { LedgerDb } from '../../src/store/db';
import { LedgerStore } from '../../src/store/ledger-store';
import { type XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { runCli, tempDir } from '../support/generated';
import { paneOver } from './support/pane-host';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'assets', 'sample-workbook.xlsx');

beforeEach(() => localStorage.clear());

async function runAndOpenSignOff() {
  fireEvent.click(await screen.findByText('3 Run', undefined, { timeout: 30_000 }));
  fireEvent.click(screen.getByText(/^Run (the reconciliation|again)$/));
  await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
  fireEvent.click(screen.getByText('6 Sign-off'));
  await screen.findByText('Audit pack and sign-off');
}

const signatures = () => screen.getByRole('list', { name: 'Signatures' });

function sign(role: 'Prepared by' | 'Reviewed by', name: string, reason: string) {
  const form = screen.getByRole('form', { name: role === 'Prepared by' ? 'Preparer sign-off' : 'Reviewer sign-off' });
  fireEvent.change(within(form).getByLabelText(role), { target: { value: name } });
  const why = within(form).queryByRole('textbox', { name: /reason for signing/ });
  if (why) fireEvent.change(why, { target: { value: reason } });
  fireEvent.click(within(form).getByText(role === 'Prepared by' ? 'Sign as preparer' : 'Sign as reviewer'));
}

/** The text of the HL Summary's sign-off rows in the workbook now. */
async function summarySignOff(wb: XlsxWorkbook): Promise<string> {
  const s = await wb.readSheet('HL Summary');
  return s.rows
    .filter((r) => r[0] === 'Prepared by' || r[0] === 'Reviewed by')
    .map((r) => `${String(r[0])}: ${String(r[1] ?? '')}`)
    .join(' | ');
}

describe('sign-off in the pane', () => {
  it('binds signatures to the figures: a reason when NOT BALANCED, a different reviewer, void at once on a change, the void in the re-written pack', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const { wb } = await paneOver(readFileSync(SAMPLE));
    await runAndOpenSignOff();
    // The sample without its config is NOT BALANCED: signing asks for a written reason first.
    const prep = screen.getByRole('form', { name: 'Preparer sign-off' });
    expect((within(prep).getByText('Sign as preparer').closest('button') as HTMLButtonElement).disabled).toBe(true);
    expect(within(prep).getByText(/NOT BALANCED: say why you sign it anyway/)).toBeTruthy();
    sign('Prepared by', 'Alex Preparer', 'rent-free weeks not yet set; journal to follow');
    await waitFor(() => expect(signatures().textContent).toMatch(/Prepared by Alex Preparer, .*\(reason: rent-free weeks not yet set; journal to follow\): valid for the figures shown/), { timeout: 20_000 });

    sign('Reviewed by', 'alex  PREPARER.', 'agreed');
    await waitFor(() => expect(screen.getByLabelText('Messages').textContent).toMatch(/Sign-off refused.*different person from the preparer \(Alex Preparer\)/), { timeout: 20_000 });
    sign('Reviewed by', 'Sam Reviewer', 'agreed');
    await waitFor(() => expect(signatures().textContent).toMatch(/Reviewed by Sam Reviewer, .*valid for the figures shown/), { timeout: 20_000 });

    fireEvent.click(screen.getByText('Write the audit pack'));
    await waitFor(async () => expect(await summarySignOff(wb)).toBe('Prepared by: Alex Preparer | Reviewed by: Sam Reviewer'), { timeout: 20_000 });
    // The session travels in the workbook, both signatures in it.
    await waitFor(async () => {
      const read = readSessionSheet([await wb.readSheet('HL Session')]);
      expect(read.ok && read.session.signOffs.map((s) => s.name)).toEqual(['Alex Preparer', 'Sam Reviewer']);
    });

    // A suspense decision after signing: both signatures are void at once, naming the change.
    fireEvent.click(screen.getByText('5 Suspense'));
    fireEvent.change(screen.getByLabelText('Search the queue (reference, payer, account or amount)'), { target: { value: 'SUS001016' } });
    fireEvent.click(within(screen.getByRole('listbox', { name: /^Suspense items/ })).getByText('SUS001016'));
    fireEvent.click(within(screen.getByLabelText('Suspense item SUS001016')).getByText(/^Allocate to 00101527/));
    await within(screen.getByLabelText('Suspense item SUS001016')).findByText('Allocated to 00101527 by Alex Preparer.');
    fireEvent.click(screen.getByText('6 Sign-off'));
    await waitFor(() => expect(signatures().textContent).toMatch(/Prepared by Alex Preparer.*void: changed after signing: suspense item SUS001016 \(£[\d,.]+\) allocated to 00101527 by Alex Preparer.*Reviewed by Sam Reviewer.*void: changed after signing/), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByLabelText('Session trail').textContent).toMatch(/Signatures void \(preparer Alex Preparer, reviewer Sam Reviewer\): changed after signing: suspense item SUS001016/));
    expect(screen.getByLabelText('Session trail').textContent?.match(/Signatures void/g)).toHaveLength(1);

    // The pack written again shows the void notice in place of the names.
    fireEvent.click(screen.getByText('Write the audit pack again'));
    await waitFor(async () => expect(await summarySignOff(wb)).toBe('Prepared by: signatures void: changed after signing | Reviewed by: signatures void: changed after signing'), { timeout: 20_000 });
    // The ageing says what the person decided and who, beside the matcher's own decision.
    const ageing = await wb.readSheet('HL Suspense ageing');
    const header = ageing.rows.find((r) => r[0] === 'Item Ref') ?? [];
    expect(header.slice(-3)).toEqual(['Best Candidate', 'Decided', 'Decided By']);
    expect(ageing.rows.find((r) => r[0] === 'SUS001016')?.slice(-2)).toEqual(['allocated to 00101527', 'Alex Preparer']);
  }, 120_000);

  it('resumes a pack the CLI wrote and `sign` signed twice, in a fresh store, with both signatures valid; a change voids them', async () => {
    const dir = tempDir();
    const pack = join(dir, 'audit.xlsx');
    copyFileSync(SAMPLE, join(dir, 'month.xlsx'));
    const cfg = join(ROOT, 'assets', 'sample-config.json');
    expect((await runCli(['reconcile', join(dir, 'month.xlsx'), '--period', '2026-12', '--config', cfg, '--out', pack, '--with-inputs'])).code).toBe(0);
    expect((await runCli(['sign', pack, '--as', 'preparer', '--name', 'Sam Patel', '--reason', 'timing items listed'])).code).toBe(0);
    expect((await runCli(['sign', pack, '--as', 'reviewer', '--name', 'Jo Reid', '--reason', 'agreed'])).code).toBe(0);

    localStorage.setItem('housing-ledger.name', 'Kim Auditor');
    await paneOver(readFileSync(pack));
    await waitFor(() => expect(screen.getByLabelText('Messages').textContent).toMatch(/Resumed the December 2026 session from this workbook.*signed by Sam Patel \(preparer\) and Jo Reid \(reviewer\)/), { timeout: 30_000 });
    await runAndOpenSignOff();
    await waitFor(() => expect(signatures().textContent).toMatch(/Prepared by Sam Patel, .*valid for the figures shown.*Reviewed by Jo Reid, .*valid for the figures shown/), { timeout: 20_000 });
    expect(screen.getByLabelText('Session trail').textContent).toMatch(/Signed as preparer by Sam Patel.*Signed as reviewer by Jo Reid/);

    // A change here (the rent-free weeks removed in Settings) voids both at once.
    fireEvent.click(screen.getByText('2 Settings'));
    const weeks = screen.getByLabelText(/Rent-free weeks/);
    fireEvent.change(weeks, { target: { value: '' } });
    fireEvent.blur(weeks);
    fireEvent.click(screen.getByText('6 Sign-off'));
    await waitFor(() => expect(signatures().textContent).toMatch(/Sam Patel.*void: changed after signing.*Jo Reid.*void: changed after signing/), { timeout: 20_000 });
  }, 180_000);

  it('asks before removing a reconciling item and before undoing many decisions at once; Cancel changes nothing', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    await paneOver(readFileSync(SAMPLE));
    fireEvent.click(await screen.findByText('3 Run', undefined, { timeout: 30_000 }));
    fireEvent.click(screen.getByText(/^Run (the reconciliation|again)$/));
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    fireEvent.click(screen.getByText('Add a reconciling item'));
    fireEvent.change(screen.getByLabelText(/^Explanation/), { target: { value: 'Card refund posted in January' } });
    fireEvent.click(screen.getByText('Add item'));
    await screen.findByText(/^Balanced$/);

    fireEvent.click(screen.getByRole('button', { name: 'Remove U1' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Remove reconciling item U1?' });
    expect(ask.textContent).toMatch(/U1: -?£[\d,]+\.\d\d, Card refund posted in January\. It no longer explains any of the difference/);
    // The focus moves into the dialog (a screen reader reads it); Cancel keeps the item.
    await waitFor(() => expect(ask.contains(document.activeElement)).toBe(true));
    fireEvent.click(within(ask).getByText('Cancel'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByText(/^Balanced$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove U1' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByText('Remove U1'));
    await screen.findByText(/^Not balanced/);

    fireEvent.click(screen.getByText('5 Suspense'));
    const accept = await screen.findByText(/^Accept all automatic \(\d+\)$/);
    const autos = Number(/\((\d+)\)/.exec(accept.textContent ?? '')?.[1]);
    fireEvent.click(accept);
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm accepting all automatic allocations' })).getByText(`Accept ${autos}`));
    await screen.findByText(/^Accept all automatic \(0\)$/, undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByText('Undo'));
    const undo = await screen.findByRole('alertdialog', { name: `Undo ${autos} decisions?` });
    expect(undo.textContent).toMatch(`takes back accepting all automatic allocations: ${autos} suspense items go back to undecided`);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByText(/^Accept all automatic \(0\)$/)).toBeTruthy();
    fireEvent.click(screen.getByText('Undo'));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByText(`Undo ${autos} decisions`));
    await screen.findByText(`Accept all automatic (${autos})`, undefined, { timeout: 20_000 });
  }, 120_000);

  it('shows a conflict when this browser’s copy and the workbook’s both changed, and opens the one chosen; nothing merged', async () => {
    const dir = tempDir();
    const pack = join(dir, 'audit.xlsx');
    expect((await runCli(['reconcile', SAMPLE, '--period', '2026-12', '--config', join(ROOT, 'assets', 'sample-config.json'), '--out', pack, '--with-inputs'])).code).toBe(0);
    expect((await runCli(['sign', pack, '--as', 'preparer', '--name', 'Sam Patel', '--reason', 'journal to follow'])).code).toBe(0);
    // This browser already holds work of its own on the same workbook and month, never in step with the pack.
    const database = `hl-conflict-${Date.now()}`;
    const db = new LedgerDb(database);
    await db.open();
    const here = new LedgerStore(db);
    const { session } = await here.openSession('book-1', '2026-12', { config: {}, sheets: {}, columns: {} }, 'Kim');
    await here.saveReconcilingItems(session.id, 'Kim', [{ ref: 'U1', type: 'other', amount: 100, explanation: 'typed here', owner: 'Kim', date: null }]);
    db.close();

    await paneOver(readFileSync(pack), database);
    const card = await screen.findByLabelText('Two copies of the session', undefined, { timeout: 30_000 });
    expect(card.textContent).toMatch(/Two different copies of the December 2026 session.*neither is newer: choose which to open\. They are not merged/);
    fireEvent.click(within(card).getByText('Open the workbook’s copy'));
    await waitFor(() => expect(screen.getByLabelText('Messages').textContent).toMatch(/Resumed the December 2026 session from this workbook.*0 reconciling items.*signed by Sam Patel \(preparer\)/), { timeout: 20_000 });
    expect(screen.queryByLabelText('Two copies of the session')).toBeNull();
  }, 120_000);
});
