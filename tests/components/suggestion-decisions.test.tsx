/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * Issue 11, item 5 in the pane: the engine's suggested items (a late batch as timing; the sample's
 * BANK batch keyed into the GL with two digits swapped as a keying pair) count nothing until a
 * person accepts one; the unexplained difference follows at once; reject and undo; a reload keeps the
 * decision; deciding after signing voids the signatures with a trail event naming the item; the pack
 * written and opened on the standalone page's path (the xlsx adapter, a fresh store) carries the
 * decisions. And on resume, a changed source sheet is said before any run.
 */
// First: the globals fake-indexeddb needs, before exceljs brings its own setImmediate.
import './support/jsdom-globals';
// Before Dexie is imported (it takes indexedDB when loaded).
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RawCell } from '../../src/engine/cells';
import { readSessionSheet } from '../../src/engine/signoff/session-sheet';
import { paneOver, renderPane, testHost } from './support/pane-host';
import { sampleSheets } from './support/sample';

const SAMPLE = join(resolve(__dirname, '..', '..'), 'assets', 'sample-workbook.xlsx');

beforeEach(() => localStorage.clear());

async function runToReview() {
  fireEvent.click(await screen.findByText('3 Run', undefined, { timeout: 30_000 }));
  fireEvent.click(screen.getByText(/^Run (the reconciliation|again)$/));
  await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
}

/** A money figure as shown (-£1,330.05) in pence. */
const pence = (text: string | null | undefined): number => {
  const m = /(-?)£([\d,]+)\.(\d\d)/.exec(text ?? '');
  if (!m) throw new Error(`no amount in ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number(m[3]));
};
const figure = (id: 'difference' | 'reconciling-total' | 'unexplained') => pence(screen.getByTestId(id).textContent);
const suggestion = (ref: string) => screen.getByRole('listitem', { name: `Suggested item ${ref}` });

describe('suggested reconciling items in the pane', () => {
  it('shows the keying pair and the timing suggestion uncounted; accept counts at once, reject and undo do not; a reload keeps the decision', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const database = `hl-suggest-${Date.now()}`;
    const bytes = readFileSync(SAMPLE);
    await paneOver(bytes, database);
    await runToReview();

    // The transposed batch is one pair: both sides, the difference, the proposal; nothing counted.
    const pair = within(suggestion('K1')).getByLabelText('Keying pair K1');
    expect(pair.textContent).toMatch(/Housing system.*batch BK20261217.*-£662\.36.*GL.*journal JNL064101.*-£626\.36.*Difference.*-£36\.00 \((two digits swapped|same reference)\)/);
    expect(suggestion('K1').textContent).toMatch(/keying difference: correct the GL journal/);
    expect(suggestion('K1').textContent).toMatch(/Undecided: does not count until accepted/);
    expect(suggestion('T1').textContent).toMatch(/timing: not yet in the GL.*ALLPAY batch AP20261231/);
    expect(figure('reconciling-total')).toBe(0);
    const difference = figure('difference');
    expect(figure('unexplained')).toBe(difference);
    const k1 = pence(within(suggestion('K1')).getByText(/^Difference$/).nextElementSibling?.textContent);

    // Accept: keyboard reachable, named by item and amount; the engine's figures show at once.
    const accept = screen.getByRole('button', { name: 'Accept K1, keying difference: correct the GL journal, -£36.00' });
    accept.focus();
    expect(document.activeElement).toBe(accept);
    fireEvent.click(accept);
    await waitFor(() => expect(figure('reconciling-total')).toBe(k1), { timeout: 20_000 });
    expect(figure('unexplained')).toBe(difference - k1);
    expect(suggestion('K1').textContent).toMatch(/Accepted: counts \(Alex Preparer\)/);

    // Reject the timing suggestion: nothing more counts; then undo it.
    fireEvent.click(screen.getByRole('button', { name: /^Reject T1, timing: not yet in the GL, -£[\d,]+\.\d\d$/ }));
    await waitFor(() => expect(suggestion('T1').textContent).toMatch(/Rejected: does not count \(Alex Preparer\)/), { timeout: 20_000 });
    expect(figure('reconciling-total')).toBe(k1);
    fireEvent.click(screen.getByRole('button', { name: /^Undo the decision on T1/ }));
    await waitFor(() => expect(suggestion('T1').textContent).toMatch(/Undecided/), { timeout: 20_000 });
    expect(figure('unexplained')).toBe(difference - k1);

    // The trail names each decision: the item, its amount, from and to.
    fireEvent.click(screen.getByText('6 Sign-off'));
    const trail = await screen.findByLabelText('Session trail');
    expect(trail.textContent).toMatch(/suggested item K1 \(keying difference: correct the GL journal, -£36\.00\) changed from undecided to accepted \(counts\) by Alex Preparer/);
    expect(trail.textContent).toMatch(/suggested item T1 \(timing: not yet in the GL, -£[\d,.]+\) changed from rejected \(does not count\) to undecided/);

    // A reload (the pane opened again over the same store) keeps the decision.
    cleanup();
    await paneOver(bytes, database);
    await runToReview();
    expect(suggestion('K1').textContent).toMatch(/Accepted: counts \(Alex Preparer\)/);
    expect(figure('reconciling-total')).toBe(k1);
    expect(figure('unexplained')).toBe(difference - k1);
  }, 180_000);

  it('deciding after signing voids the signatures with the item named on the trail; the pack opened in a fresh store carries the decision', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const { wb } = await paneOver(readFileSync(SAMPLE));
    await runToReview();
    fireEvent.click(screen.getByRole('button', { name: /^Accept T1, timing/ }));
    await waitFor(() => expect(suggestion('T1').textContent).toMatch(/Accepted: counts/), { timeout: 20_000 });
    const unexplained = figure('unexplained');

    fireEvent.click(screen.getByText('6 Sign-off'));
    await screen.findByText('Audit pack and sign-off');
    const form = screen.getByRole('form', { name: 'Preparer sign-off' });
    fireEvent.change(within(form).getByLabelText('Prepared by'), { target: { value: 'Alex Preparer' } });
    const why = within(form).queryByRole('textbox', { name: /reason for signing/ });
    if (why) fireEvent.change(why, { target: { value: 'journal to follow' } });
    fireEvent.click(within(form).getByText('Sign as preparer'));
    const signatures = () => screen.getByRole('list', { name: 'Signatures' });
    await waitFor(() => expect(signatures().textContent).toMatch(/Prepared by Alex Preparer, .*valid for the figures shown/), { timeout: 20_000 });

    // Deciding after signing: void at once, naming the decision.
    fireEvent.click(screen.getByText('4 Review'));
    fireEvent.click(screen.getByRole('button', { name: /^Accept K1/ }));
    await waitFor(() => expect(suggestion('K1').textContent).toMatch(/Accepted: counts/), { timeout: 20_000 });
    const written = figure('unexplained');
    expect(written).not.toBe(unexplained);
    fireEvent.click(screen.getByText('6 Sign-off'));
    await waitFor(() => expect(signatures().textContent).toMatch(/Prepared by Alex Preparer.*void: changed after signing: suggested item K1 \(keying difference: correct the GL journal, -£36\.00\) changed from undecided to accepted/), { timeout: 20_000 });
    await waitFor(() => expect(screen.getByLabelText('Session trail').textContent).toMatch(/Signatures void \(preparer Alex Preparer\): changed after signing: suggested item K1/));

    // The pack and its session carry both decisions; the reviewer elsewhere sees them.
    fireEvent.click(screen.getByText('Write the audit pack'));
    await waitFor(async () => {
      const read = readSessionSheet([await wb.readSheet('HL Session')]);
      expect(read.ok && read.session.suggestionDecisions.map((d) => [d.key.split(':')[0], d.accepted, d.by])).toEqual([
        ['timing', true, 'Alex Preparer'],
        ['keying', true, 'Alex Preparer'],
      ]);
    }, { timeout: 30_000 });
    const bytes = await wb.toBuffer();
    cleanup();

    localStorage.setItem('housing-ledger.name', 'Jo Reviewer');
    await paneOver(bytes);
    await waitFor(() => expect(screen.getByLabelText('Messages').textContent).toMatch(/Resumed the December 2026 session from this workbook.*2 suggested items decided/), { timeout: 30_000 });
    // Its sources are the ones the session recorded: nothing said about them changing.
    await new Promise((r) => setTimeout(r, 1500));
    expect(screen.queryByLabelText('Sources changed')).toBeNull();
    await runToReview();
    expect(suggestion('K1').textContent).toMatch(/Accepted: counts \(Alex Preparer\)/);
    expect(suggestion('T1').textContent).toMatch(/Accepted: counts \(Alex Preparer\)/);
    expect(figure('unexplained')).toBe(written);
  }, 180_000);
});

describe('resume', () => {
  let sample: { name: string; rows: RawCell[][] }[];
  beforeAll(async () => {
    sample = await sampleSheets();
  });
  const copy = () => sample.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));

  it('says which source sheet changed since the session was saved before any run', async () => {
    const database = `hl-resume-check-${Date.now()}`;
    renderPane(testHost(copy(), { database }));
    await runToReview();
    cleanup();

    // Unchanged: nothing said.
    renderPane(testHost(copy(), { database }));
    await screen.findByText('Resumed your December 2026 session', undefined, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(screen.queryByLabelText('Sources changed')).toBeNull();
    cleanup();

    const sheets = copy();
    const gl = sheets.find((s) => s.name === 'GL')!;
    gl.rows.push(gl.rows[gl.rows.length - 1]!.map((c) => c)); // a line added to the GL since
    renderPane(testHost(sheets, { database }));
    const bar = await screen.findByLabelText('Sources changed', undefined, { timeout: 30_000 });
    expect(bar.textContent).toMatch(/The sources changed since this session was saved.*‘GL’ changed since this session was saved: run again/);
    // Beside the message that the session was resumed, not instead of it.
    expect(screen.getByLabelText('Messages').textContent).toMatch(/Resumed your December 2026 session/);
    expect(screen.queryByText('Review', { selector: 'h2' })).toBeNull();
    expect(screen.getByText('3 Run').closest('button')?.getAttribute('aria-current')).not.toBe('step');
  }, 180_000);
});
