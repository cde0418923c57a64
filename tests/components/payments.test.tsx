/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RawCell } from '../../src/engine/cells';
import { renderPane, testHost, type TestHost } from './support/pane-host';
import { paymentFile, sampleSheets } from './support/sample';

let sample: { name: string; rows: RawCell[][] }[];
beforeAll(async () => {
  sample = await sampleSheets();
});

async function openPayments(host: TestHost = testHost(sample)) {
  renderPane(host);
  fireEvent.click(await screen.findByText('Payment files'));
  return host;
}

const choose = (name: string) => fireEvent.change(screen.getByLabelText('Payment file to import'), { target: { files: [paymentFile(name)] } });
const profileValue = () => (screen.getByLabelText('Profile') as HTMLSelectElement).value;

describe('Payment files: preview', () => {
  it('detects the file’s profile and previews its count and total with the controls agreeing', async () => {
    await openPayments();
    choose('allpay-20261201.csv');
    await waitFor(() => expect(profileValue()).toBe('allpay'));
    const preview = await screen.findByLabelText('Preview');
    await waitFor(() => expect(within(preview).getByRole('status').textContent).toMatch(/^60 payments, total £15,167\.77.*controls agree/));
  });

  it('a bank statement needing a settlement says so, and a settlement that is not an amount is refused as typed', async () => {
    await openPayments();
    choose('allpay-20261201.csv');
    await waitFor(() => expect(profileValue()).toBe('allpay'));
    fireEvent.change(screen.getByLabelText(/^Settlement/), { target: { value: '12.345' } });
    expect(screen.getByText('An amount with at most two decimals')).toBeTruthy();
  });
});

describe('Payment files: encodings', () => {
  const bytesFile = (name: string, bytes: number[]) => fireEvent.change(screen.getByLabelText('Payment file to import'), { target: { files: [new File([Uint8Array.from(bytes)], name, { type: 'text/csv' })] } });
  const latin1 = (t: string) => [...t].map((c) => c.charCodeAt(0));

  it('a cash-office file saved as plain CSV (Windows-1252) is read, its £ amounts right, and the preview names the encoding', async () => {
    await openPayments();
    bytesFile('cash-1252.csv', latin1('Cash office\r\nReceipt No,Date,Account Ref,Payer,Method,Amount\r\nR1,01/12/2026,00100012,Zoë Thompson-Müller,CASH,"£1,291.41"\r\nTOTAL,1,,,,"£1,291.41"\r\n'));
    await waitFor(() => expect(profileValue()).toBe('cash-office'));
    const preview = await screen.findByLabelText('Preview');
    await waitFor(() => expect(within(preview).getByRole('status').textContent).toMatch(/^1 payment, total £1,291\.41.*controls agree/));
    expect(preview.textContent).toMatch(/Read as Windows-1252 \(Excel’s plain “CSV” on a UK PC\)/);
  });

  it('a file no encoding reads is refused saying why, with no profile shown', async () => {
    await openPayments();
    bytesFile('odd.csv', [...latin1('Date,Amount\n01/12/2026,'), 0x81, 0x00, 0x01]);
    const title = await screen.findByText('odd.csv cannot be read');
    expect(title.parentElement?.textContent).toMatch(/It is not text in any encoding this tool reads .*CSV UTF-8/);
    expect(screen.queryByLabelText('Profile')).toBeNull();
    expect(screen.queryByLabelText('Preview')).toBeNull();
  });
});

describe('Payment files: posting and history', () => {
  it('posts a file: allocations and suspense in the summary, the history gains it; the same file again is refused', async () => {
    const host = await openPayments();
    choose('allpay-20261201.csv');
    await screen.findByLabelText('Preview');
    fireEvent.click(await screen.findByText('Check and post'));
    await screen.findByText('allpay-20261201.csv posted', {}, { timeout: 20_000 });
    expect(screen.getByText(/^58 payments allocated .*, 2 to suspense/)).toBeTruthy();
    expect(within(screen.getByLabelText('Payments sent to suspense')).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByLabelText('Files imported')).getByText('allpay-20261201.csv')).toBeTruthy();
    expect((await (await host.store()).imports()).map((e) => [e.fileName, e.count])).toEqual([['allpay-20261201.csv', 60]]);

    expect((screen.getByText('Posted').closest('button') as HTMLButtonElement).disabled).toBe(true);

    // The same file again: the preview says so (the ledger is asked at preview) and offers no post.
    choose('allpay-20261201.csv');
    const warning = await screen.findByText('Imported before', {}, { timeout: 20_000 });
    expect(warning.parentElement?.textContent).toMatch(/already imported on \d\d\/\d\d\/\d{4},? \d\d:\d\d as allpay-20261201\.csv/);
    expect((screen.getByText('Check and post').closest('button') as HTMLButtonElement).disabled).toBe(true);
    expect(await (await host.store()).imports()).toHaveLength(1);
  });

  it('without storage, a file posted twice in the same pane is still refused', async () => {
    await openPayments(testHost(sample, { store: 'unavailable' }));
    expect(screen.getByText(/storage is off/)).toBeTruthy();
    choose('allpay-20261202.csv');
    fireEvent.click(await screen.findByText('Check and post'));
    await screen.findByText('allpay-20261202.csv posted', {}, { timeout: 20_000 });
    choose('allpay-20261202.csv');
    await screen.findByText('Imported before', {}, { timeout: 20_000 });
    expect((screen.getByText('Check and post').closest('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('allocates to the rent roll as the workbook holds it when posting, not as it was when the pane opened', async () => {
    const host = await openPayments();
    const roll = host.port.sheets.find((s) => s.name === 'Rent Roll')!;
    roll.rows.splice(1); // every tenancy gone since the pane opened: only the header is left
    choose('allpay-20261203.csv');
    fireEvent.click(await screen.findByText('Check and post'));
    await screen.findByText('No rent roll', {}, { timeout: 20_000 });
    expect(screen.getByText(/^The rent roll could not be read: .* Nothing was imported\.$/)).toBeTruthy();
    expect(screen.queryByText(/ posted$/)).toBeNull();
  });
});

describe('Payment files: profile maker', () => {
  it('makes a profile from a bank statement by mapping its columns, previews it, and offers it for the file', async () => {
    const host = await openPayments();
    choose('lloyds-20261201.csv');
    fireEvent.click(await screen.findByText('Make a profile from this file…'));
    const maker = screen.getByLabelText('Make a profile');
    const set = (label: string | RegExp, value: string) => fireEvent.change(within(maker).getByLabelText(label), { target: { value } });
    set(/^Profile name/, 'our-bank');
    set('Date column', 'Transaction Date');
    set('Date format', 'dd/mm/yyyy');
    set('Amounts', 'debit-credit');
    set('Debit column', 'Debit Amount');
    set('Credit column', 'Credit Amount');
    set('Reference column', 'Transaction Description');
    set('The account reference is', 'number');
    // Money paid out is a problem until the running balance says which lines are receipts.
    await within(maker).findByText(/^Preview: 40 payments, total £9,086\.64; \d+ problem/);
    expect((within(maker).getByText('Save profile').closest('button') as HTMLButtonElement).disabled).toBe(true);
    set('Running balance column (bank statements)', 'Balance');
    await within(maker).findByText(/^Preview: 40 payments, total £9,086\.64; first: 01\/12\/2026 00101887 £497\.68/);
    fireEvent.click(within(maker).getByText('Save profile'));
    await screen.findByText('Profile our-bank saved');
    expect(profileValue()).toBe('our-bank');
    await waitFor(() => expect(within(screen.getByLabelText('Preview')).getByRole('status').textContent).toMatch(/^40 payments.*controls agree/));
    expect((await (await host.store()).importProfiles()).map((p) => p.name)).toEqual(['our-bank']);
  });

  it('speaks in words: what is left to do, never schema text; lines left out by "starts with"; a pattern only under Advanced', async () => {
    await openPayments();
    choose('lloyds-20261201.csv');
    fireEvent.click(await screen.findByText('Make a profile from this file…'));
    const maker = screen.getByLabelText('Make a profile');
    const set = (label: string | RegExp, value: string) => fireEvent.change(within(maker).getByLabelText(label), { target: { value } });
    const todo = () => within(maker).getByLabelText('To finish the profile').textContent ?? '';
    expect(todo()).toMatch(/Give the profile a name.*Choose the column that holds the date\.Choose the column that holds the amount\./);
    expect(maker.textContent).not.toMatch(/Too small|expected string|Invalid/);
    set(/^Profile name/, 'Our Bank');
    expect(todo()).toMatch(/The name "Our Bank" may hold only lower-case letters, digits and hyphens/);
    // No regular expression is offered until Advanced is on.
    const refChoices = () => [...(within(maker).getByLabelText('The account reference is') as HTMLSelectElement).options].map((o) => o.value);
    expect(refChoices()).toEqual(['whole', 'number', 'after']);
    fireEvent.click(within(maker).getByLabelText('Advanced: offer regular expressions'));
    expect(refChoices()).toEqual(['whole', 'number', 'after', 'pattern']);
    set('The account reference is', 'pattern');
    set(/^Reference pattern/, '(\\d{8}');
    set(/^Profile name/, 'our-bank');
    set('Date column', 'Transaction Date');
    set('Amounts', 'debit-credit');
    set('Debit column', 'Debit Amount');
    set('Credit column', 'Credit Amount');
    set('Reference column', 'Transaction Description');
    expect(todo()).toMatch(/^To finish:The regular expression for the reference is not valid \(.+\)\.$/);
    set('The account reference is', 'number');
    set('Running balance column (bank statements)', 'Balance');
    await within(maker).findByText(/^Preview: 40 payments, total £9,086\.64; first/);
    fireEvent.click(within(maker).getByText('Add a line to leave out'));
    expect(todo()).toMatch(/Choose the column of the lines to leave out\.Type what the lines to leave out start with\./);
    set('Leave out lines whose column', 'Transaction Description');
    set('Text', 'rent 00101887');
    await within(maker).findByText(/^Preview: 39 payments, total £8,588\.96; first: 01\/12\/2026 00102227/);
  });
});

describe('Cash balancing in the pane', () => {
  it('balances the posted files against a bank statement through the worker: the missing settlement found, the open items offered', async () => {
    // A fresh sample: an earlier test empties the shared one's rent roll.
    await openPayments(testHost(await sampleSheets(), { store: 'unavailable' }));
    for (const f of ['allpay-20261201.csv', 'allpay-20261202.csv', 'allpay-20261203.csv']) {
      choose(f);
      const button = async () => (await screen.findByText('Check and post', {}, { timeout: 20_000 })).closest('button') as HTMLButtonElement;
      await waitFor(async () => expect((await button()).disabled).toBe(false), { timeout: 20_000 });
      fireEvent.click(await button());
      await screen.findByText(`${f} posted`, {}, { timeout: 20_000 });
    }
    fireEvent.change(screen.getByLabelText('Bank statement to balance against'), { target: { files: [paymentFile('settlements-statement.csv')] } });
    await screen.findByText(/settlements-statement\.csv \(read as UTF-8\)/);
    const asOf = screen.getByLabelText('Balance as of');
    fireEvent.change(asOf, { target: { value: '14/13/2026' } });
    expect(screen.getByText('A date, e.g. 14/12/2026')).toBeTruthy();
    expect((screen.getByText('Balance').closest('button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(asOf, { target: { value: '14/12/2026' } });
    fireEvent.click(screen.getByText('Balance'));
    const result = await screen.findByLabelText('Cash balance', {}, { timeout: 20_000 });
    expect(within(result).getByRole('status').textContent).toMatch(/^As of 14\/12\/2026 \(receipts from \d\d\/\d\d\/2026\): posted £[\d,]+\.\d\d, credited £[\d,]+\.\d\d, difference -?£[\d,]+\.\d\d/);
    const rows = within(within(result).getByLabelText('Days that did not balance')).getAllByRole('listitem').map((r) => r.textContent ?? '');
    // The sample statement's plants: day 1's Allpay money never reached the bank, day 3's came 12.50
    // short; day 2's settlement agreed, so it is not listed.
    expect(rows.filter((r) => /ALLPAY 0[1-3]\/12/.test(r))).toEqual([
      expect.stringMatching(/^missing ALLPAY 01\/12\/2026 \(\d+ days old\)posted £15,167\.77, credited £0\.00, difference £15,167\.77$/),
      expect.stringMatching(/^short ALLPAY 03\/12\/2026 \(\d+ days old\)posted £[\d,.]+, credited £[\d,.]+, difference £12\.50 \(ALLPAY LTD SETTLEMENT 03\/12\)$/),
    ]);
    expect(within(result).getByText('Download open-items.json (carry forward next time)')).toBeTruthy();
  });

  it('an open-items file that is not one is refused in words', async () => {
    await openPayments();
    fireEvent.change(screen.getByLabelText('Bank statement to balance against'), { target: { files: [paymentFile('settlements-statement.csv')] } });
    await screen.findByText(/settlements-statement\.csv \(read as/);
    fireEvent.change(screen.getByLabelText('Open items carried forward'), { target: { files: [new File(['{"items": 3}'], 'open.json', { type: 'application/json' })] } });
    expect((await screen.findByRole('alert')).textContent).toBe('open.json is not an open-items file saved by cash balancing (open-items.json).');
  });
});
