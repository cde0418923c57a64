/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawCell } from '../../src/engine/cells';
import * as boundSignOffs from '../../src/engine/signoff/bound-signoffs';
import { renderPane, testHost, type TestHost } from './support/pane-host';
import { sampleSheets } from './support/sample';

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});
beforeEach(() => localStorage.clear());

async function runThenOpen(step: string, host: TestHost = testHost(sample)) {
  renderPane(host);
  fireEvent.click(await screen.findByText('3 Run'));
  fireEvent.click(screen.getByText(/^Run (the reconciliation|again)$/));
  await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
  fireEvent.click(screen.getByText(step));
  return host;
}

const card = (item: string) => screen.getByLabelText(`Suspense item ${item}`);
const queue = () => screen.getByRole('listbox', { name: /^Suspense items/ });
/** Finds an item with the queue's search box and makes it the active one (shown in full below the list). */
function open(item: string) {
  fireEvent.change(screen.getByLabelText('Search the queue (reference, payer, account or amount)'), { target: { value: item } });
  fireEvent.click(within(queue()).getByText(item));
  return card(item);
}

describe('Suspense', () => {
  it('asks for a name first: nothing can be decided without one', async () => {
    await runThenOpen('5 Suspense');
    expect(screen.getByText('Add your name in Settings: every decision records who made it.')).toBeTruthy();
    expect((within(open('SUS001016')).getByText(/^Allocate to 00101527/).closest('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('allocates to a candidate with who decided, undoes, accepts the automatic ones, and saves each decision', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const host = await runThenOpen('5 Suspense');
    fireEvent.click(within(open('SUS001016')).getByText(/^Allocate to 00101527/));
    await within(card('SUS001016')).findByText('Allocated to 00101527 by Alex Preparer.');
    fireEvent.click(within(open('SUS001015')).getByText(/^Leave in suspense/));
    await within(card('SUS001015')).findByText('Left in suspense by Alex Preparer.');
    fireEvent.click(screen.getByText('Undo'));
    await within(card('SUS001015')).findByText(/^Leave in suspense/);

    const accept = screen.getByText(/^Accept all automatic \(\d+\)$/);
    const autos = Number(/\((\d+)\)/.exec(accept.textContent ?? '')?.[1]);
    expect(autos).toBeGreaterThan(0);
    fireEvent.click(accept);
    // It first says how many items and how much money, and moves nothing until confirmed.
    const confirm = screen.getByRole('group', { name: 'Confirm accepting all automatic allocations' });
    expect(within(confirm).getByText(new RegExp(`^Accept ${autos} automatic allocations?, £[\\d,]+\\.\\d\\d in all\\?`))).toBeTruthy();
    fireEvent.click(within(confirm).getByText(`Accept ${autos}`));
    await screen.findByText(/^Accept all automatic \(0\)$/, undefined, { timeout: 20_000 });
    fireEvent.change(screen.getByLabelText('Search the queue (reference, payer, account or amount)'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'decided' } });
    expect(screen.getByText(new RegExp(`^Showing ${autos + 1} items`))).toBeTruthy();
    // Saving to IndexedDB follows the screen: wait until the session holds every decision (a row each).
    await waitFor(async () => {
      const store = await host.store();
      const saved = await store.reviewResolutions((await store.sessionsFor('book-1'))[0]?.id ?? '');
      expect(saved.SUS001016).toMatchObject({ kind: 'allocated', account: '00101527' });
      expect(Object.keys(saved)).toHaveLength(autos + 1);
    });
  });

  it('keeps the decisions on items still in suspense when the month is run again', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const host = await runThenOpen('5 Suspense');
    fireEvent.click(within(open('SUS001016')).getByText(/^Allocate to 00101527/));
    await within(card('SUS001016')).findByText('Allocated to 00101527 by Alex Preparer.');
    await waitFor(async () => {
      const store = await host.store();
      expect((await store.reviewResolutions((await store.sessionsFor('book-1'))[0]?.id ?? '')).SUS001016).toBeTruthy();
    });
    fireEvent.click(screen.getByText('3 Run'));
    fireEvent.click(screen.getByText('Run again'));
    await screen.findByText('Review', { selector: 'h2' }, { timeout: 30_000 });
    fireEvent.click(screen.getByText('5 Suspense'));
    expect(within(open('SUS001016')).getByText('Allocated to 00101527 by Alex Preparer.')).toBeTruthy();
  });

  it('finds any account on the rent roll by search and allocates to it', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    await runThenOpen('5 Suspense');
    const item = open('SUS001010');
    fireEvent.click(within(item).getByText(/^Search the rent roll/));
    fireEvent.change(within(item).getByLabelText('Find any account (ref, name or postcode) for SUS001010'), { target: { value: '00100683' } });
    fireEvent.click(within(item).getByText(/^Search$/));
    fireEvent.click(within(await within(item).findByLabelText('Accounts found for item SUS001010')).getByText(/^Allocate to 00100683/));
    await within(item).findByText('Allocated to 00100683 by Alex Preparer.');
  });
});

describe('Suspense worklist', () => {
  const amounts = () => within(queue()).getAllByRole('option').map((o) => Number((/£([\d,]+\.\d\d)/.exec(o.textContent ?? '')?.[1] ?? '').replace(/,/g, '')));

  it('keeps only the rows in sight in the page, filters by state, sorts by amount and totals what is shown', async () => {
    await runThenOpen('5 Suspense');
    const total = Number(/^([\d,]+) items? in suspense/.exec(screen.getByText(/items? in suspense:/).textContent ?? '')?.[1]?.replace(/,/g, ''));
    expect(within(queue()).getAllByRole('option').length).toBeLessThan(total);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'none' } });
    for (const o of within(queue()).getAllByRole('option')) expect(o.textContent).toMatch(/No candidate/);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'amount' } });
    fireEvent.click(screen.getByText('Smallest first'));
    const shown = amounts();
    expect(shown.length).toBeGreaterThan(2);
    expect([...shown].sort((a, b) => b - a)).toEqual(shown);
    fireEvent.change(screen.getByLabelText('Search the queue (reference, payer, account or amount)'), { target: { value: 'SUS001016' } });
    expect(screen.getByText(/^Showing 1 item, £/)).toBeTruthy();
  });

  it('decides from the keyboard: A allocates the active item to its best candidate, then moves on, and L leaves the next in suspense', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    await runThenOpen('5 Suspense');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'review' } });
    const first = within(queue()).getAllByRole('option')[0]?.textContent ?? '';
    const item = /^(\S+)/.exec(first)?.[1] ?? '';
    const best = /Best (\S+),/.exec(first)?.[1] ?? '';
    fireEvent.keyDown(queue(), { key: 'a' });
    await screen.findByText(`${item} allocated to ${best}.`);
    const second = /^(\S+)/.exec(within(queue()).getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')?.textContent ?? '')?.[1] ?? '';
    expect(second).not.toBe(item);
    fireEvent.keyDown(queue(), { key: 'l' });
    await screen.findByText(`${second} left in suspense.`);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'decided' } });
    await waitFor(() => expect(within(queue()).getByText(item)).toBeTruthy());
    fireEvent.click(within(queue()).getByText(item));
    expect(within(card(item)).getByText(`Allocated to ${best} by Alex Preparer.`)).toBeTruthy();
  });
});

describe('Suspense figures after a decision', () => {
  /** The worklist's running figures: what is decided, of all, in items and pounds. */
  const decided = () => {
    const m = /Decided ([\d,]+) items?, (£[\d,]+\.\d\d) of ([\d,]+) items?, (£[\d,]+\.\d\d)/.exec(screen.getByText(/^Showing /).textContent ?? '');
    return { count: Number(m?.[1]?.replace(/,/g, '')), amount: m?.[2], of: Number(m?.[3]?.replace(/,/g, '')), total: m?.[4] };
  };
  const open = () => Number(/([\d,]+) open\./.exec(screen.getByText(/items? in suspense:/).textContent ?? '')?.[1]?.replace(/,/g, ''));

  it('a decision, accept-all and undo each update the counts and £ totals at once, and the sign-off digest is not hashed off the sign-off step', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const hashed = jest.spyOn(boundSignOffs, 'contentDigest');
    await runThenOpen('5 Suspense');
    const before = decided();
    expect(before.count).toBe(0);
    expect(before.amount).toBe('£0.00');
    const all = before.of;
    expect(open()).toBe(all);

    // One decision: one item, its own amount.
    const row = within(queue()).getAllByRole('option')[0]?.textContent ?? '';
    const item = /^(\S+)/.exec(row)?.[1] ?? '';
    const amount = /(£[\d,]+\.\d\d)/.exec(row)?.[1];
    fireEvent.keyDown(queue(), { key: 'l' });
    await screen.findByText(`${item} left in suspense.`);
    await waitFor(() => expect(decided()).toMatchObject({ count: 1, amount, of: all }));
    expect(open()).toBe(all - 1);

    // Accept all: every automatic allocation counted and totalled; undo takes back only those.
    const autos = Number(/\((\d+)\)/.exec(screen.getByText(/^Accept all automatic \(\d+\)$/).textContent ?? '')?.[1]);
    fireEvent.click(screen.getByText(/^Accept all automatic \(\d+\)$/));
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm accepting all automatic allocations' })).getByText(`Accept ${autos}`));
    await waitFor(() => expect(decided().count).toBe(1 + autos), { timeout: 20_000 });
    expect(open()).toBe(all - 1 - autos);
    expect(decided().amount).not.toBe(amount);
    fireEvent.click(screen.getByText('Undo'));
    fireEvent.click(await screen.findByRole('button', { name: `Undo ${autos} decisions` }));
    await waitFor(() => expect(decided()).toMatchObject({ count: 1, amount }), { timeout: 20_000 });
    expect(open()).toBe(all - 1);

    // Nothing was hashed for a signature while nobody signs; the sign-off step shows the digest's verdicts.
    expect(hashed).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('6 Sign-off'));
    await screen.findByText('Audit pack and sign-off');
    await waitFor(() => expect(hashed).toHaveBeenCalled());
    hashed.mockRestore();
  });
});

describe('Sign-off', () => {
  it('shows writing the pack in progress, and Cancel while it is built leaves the workbook as it was', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const host = await runThenOpen('6 Sign-off');
    fireEvent.click(screen.getByText('Write the audit pack'));
    expect(await screen.findByRole('progressbar', { name: 'Writing the audit pack' })).toBeTruthy();
    expect((screen.getByText('Write the audit pack').closest('button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel: writing the audit pack' }));
    await screen.findByText('Cancelled before anything was written: the workbook is as it was.');
    expect(screen.queryByRole('progressbar', { name: 'Writing the audit pack' })).toBeNull();
    // The build the worker finished meanwhile is dropped: nothing reaches the workbook.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    expect(host.port.written).toHaveLength(0);
    fireEvent.click(screen.getByText('Write the audit pack'));
    await screen.findByText('Audit pack written');
    expect(host.port.written).toHaveLength(1);
  });

  it('writes the audit pack into the workbook, refuses a reviewer who prepared it, and writes the pack again with both names', async () => {
    localStorage.setItem('housing-ledger.name', 'Alex Preparer');
    const host = await runThenOpen('6 Sign-off');
    fireEvent.click(screen.getByText('Write the audit pack'));
    await screen.findByText('Audit pack written');
    const first = host.port.written.at(-1)?.map((s) => s.name) ?? [];
    expect(first).toEqual(expect.arrayContaining(['HL Summary', 'HL Issues']));
    expect(first.length).toBeGreaterThan(4);

    // The sample without its config is NOT BALANCED: each signature takes a written reason.
    fireEvent.change(screen.getByRole('textbox', { name: /Preparer’s reason for signing/ }), { target: { value: 'rent-free weeks to set' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Reviewer’s reason for signing/ }), { target: { value: 'agreed' } });
    fireEvent.click(screen.getByText('Sign as preparer'));
    await screen.findByText(/^Signed .* by Alex Preparer$/);
    // A sign-off after the pack was written writes the pack again, and its "written" message would replace
    // the refusal below: let that write finish first.
    await waitFor(() => expect(JSON.stringify(host.port.written.at(-1))).toContain('Alex Preparer'));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    fireEvent.change(screen.getByLabelText('Reviewed by'), { target: { value: 'alex preparer' } });
    fireEvent.click(screen.getByText('Sign as reviewer'));
    await waitFor(() => expect(screen.getByLabelText('Messages').textContent).toMatch(/Sign-off refused.*different person from the preparer/), { timeout: 20_000 });
    expect(screen.getByText('A different person from the preparer')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Reviewed by'), { target: { value: 'Sam Reviewer' } });
    fireEvent.click(screen.getByText('Sign as reviewer'));
    await screen.findByText(/^Signed .* by Sam Reviewer$/);
    // Signed after the pack was written: the pack is written again, with both names in it.
    await waitFor(() => expect(JSON.stringify(host.port.written.at(-1))).toContain('Sam Reviewer'));
    expect(JSON.stringify(host.port.written.at(-1))).toContain('Alex Preparer');
    expect(screen.getByLabelText('Session trail').textContent).toMatch(/Signed as preparer.*Signed as reviewer/);
  });

  it('exports the session and imports it again', async () => {
    const host = await runThenOpen('6 Sign-off');
    const store = await host.store();
    const [session] = await store.sessionsFor('book-1');
    const text = await store.exportSession(session!.id);
    fireEvent.change(screen.getByLabelText('Session file to import'), { target: { files: [new File([text], 'session.json', { type: 'application/json' })] } });
    await screen.findByText('Session imported');
  });
});
