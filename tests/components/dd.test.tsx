/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './support/jsdom-globals';
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDdCheck } from '../../src/engine/jobs/dd-check';
import { LedgerDb } from '../../src/store/db';
import { LedgerStore } from '../../src/store/ledger-store';
import { MandateStore } from '../../src/store/mandate-store';
import { DdPanel } from '../../src/taskpane/dd/DdPanel';
import type { DdData } from '../../src/taskpane/dd/dd-data';
import { EngineClient } from '../../src/worker/client';
import { MemoryWorkbook, inThreadWorker } from './support/pane-host';

const DD = join(__dirname, '..', '..', 'assets', 'dd');
const text = (name: string) => readFileSync(join(DD, name), 'utf8');
const DATA: DdData = { modulus: { valacdos: text('valacdos-v7-90.txt'), scsubtab: text('scsubtab.txt') }, holidays: { englandAndWales: text('bank-holidays-england-and-wales.txt'), scotland: text('bank-holidays-scotland.txt') } };
const SAMPLE = text('sample-mandates.csv');
const SAMPLE_ROWS = SAMPLE.trim().split('\n').length - 1;

// jsdom's Blob has no arrayBuffer(): read it as a browser's FileReader does.
if (typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// jsdom has no ResizeObserver (Fluent's MessageBar watches its own width with one).
(globalThis as Record<string, unknown>).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

/** What the pane downloaded: file name and the blob's text. */
const downloads: { name: string; text: Promise<string> }[] = [];
beforeAll(() => {
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = (b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ name: this.download, text: blob.text() });
  };
});

let dbs = 0;
async function openPanel(sheets: { name: string; rows: string[][] }[] = []) {
  const db = new LedgerDb(`hl-dd-pane-${++dbs}-${Date.now()}`);
  await db.open();
  const store = new LedgerStore(db);
  const client = new EngineClient(inThreadWorker);
  render(
    <FluentProvider theme={webLightTheme}>
      <DdPanel host={{ port: new MemoryWorkbook(sheets), fileName: 'month.xlsx' }} store={store} send={(b) => client.run(b)} actor="Alex Smith" loadData={async () => DATA} now={() => new Date('2026-12-09T10:00:00Z')} />
    </FluentProvider>,
  );
  await screen.findByText('Import a CSV…');
  return { store, mandates: new MandateStore(db) };
}

const file = (name: string, body: string, type = 'text/csv') => new File([body], name, { type });
async function importSample() {
  fireEvent.change(screen.getByLabelText('Register CSV to import'), { target: { files: [file('sample-mandates.csv', SAMPLE)] } });
  await screen.findByText(new RegExp(`^${SAMPLE_ROWS} mandates, \\d+ pass every check`), {}, { timeout: 20_000 });
}

describe('Direct Debits: the register', () => {
  it('imports the sample register, keeps it in the store, masks bank details on screen, and finds a mandate by search', async () => {
    const { mandates } = await openPanel();
    await importSample();
    expect(await mandates.mandates()).toHaveLength(SAMPLE_ROWS);
    const table = screen.getByRole('table', { name: 'Mandates' });
    // Aisha Thomas's bank details are 08-99-99 01110986: only their ends are shown.
    expect(table.textContent).toContain('**-**-99 ****0986');
    expect(table.textContent).not.toContain('01110986');
    expect(table.textContent).not.toContain('08-99-99');
    fireEvent.change(screen.getByLabelText('Search by account, payer or DDI reference'), { target: { value: 'hl00100012' } });
    expect(within(screen.getByRole('table', { name: 'Mandates' })).getAllByRole('row')).toHaveLength(2);
  });

  it('imports a register from a sheet of the workbook by its header synonyms', async () => {
    await openPanel([{ name: 'DD', rows: [['Tenancy Ref', 'Payer', 'Sortcode', 'Account No', 'Mandate Reference', 'DD Amount', 'Freq', 'Day', 'Mandate Status', 'Date Lodged', 'Start Date'], ['00100012', 'Aisha Thomas', '08-99-99', '01110986', 'HL00100012', '454.87', 'monthly', '15', 'live', '01/09/2026', '15/10/2026']] }]);
    await waitFor(() => expect(screen.getByRole('option', { name: 'DD' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Or a sheet of the workbook'), { target: { value: 'DD' } });
    fireEvent.click(screen.getByText('Import the sheet'));
    await screen.findByText('1 mandates, 1 pass every check.', {}, { timeout: 20_000 });
  });

  it('an edit is checked by the engine (bad bank details shown on the row); a status change needs a reason and goes on the trail', async () => {
    const { mandates } = await openPanel();
    await importSample();
    fireEvent.click(screen.getByLabelText('Edit HL00100012'));
    const form = screen.getByRole('region', { name: 'Mandate HL00100012' });
    // The person editing sees the bank details in clear.
    expect((within(form).getByLabelText('Account Number') as HTMLInputElement).value).toBe('01110986');
    fireEvent.change(within(form).getByLabelText('Account Number'), { target: { value: '01110987' } });
    fireEvent.click(within(form).getByText('Save and check'));
    await screen.findByText(/would be held back/, {}, { timeout: 20_000 });
    const row = within(screen.getByRole('table', { name: 'Mandates' })).getByText('HL00100012').closest('tr') as HTMLElement;
    await waitFor(() => expect(row.textContent).toMatch(/modulus check/));

    fireEvent.click(screen.getByLabelText('Edit HL00100012'));
    const again = screen.getByRole('region', { name: 'Mandate HL00100012' });
    fireEvent.change(within(again).getByLabelText('New status'), { target: { value: 'cancelled' } });
    fireEvent.click(within(again).getByText('Change status'));
    expect(await within(again).findByText(/say why/)).toBeTruthy();
    fireEvent.change(within(again).getByLabelText('Why (goes on the trail)'), { target: { value: 'tenant cancelled by phone' } });
    fireEvent.click(within(again).getByText('Change status'));
    await waitFor(async () => expect((await mandates.mandates())[0]?.row.Status).toBe('cancelled'));
    expect((await mandates.trail('HL00100012')).at(-1)).toEqual(expect.objectContaining({ from: 'live', to: 'cancelled', actor: 'Alex Smith', why: 'tenant cancelled by phone' }));
  });
});

describe('Direct Debits: the day’s run and reports in', () => {
  it('runs a day: collections and totals on screen, a Bacs file to download that passes dd check', async () => {
    await openPanel();
    await importSample();
    fireEvent.click(screen.getByText('Day’s run'));
    const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    set('Processing day', '2026-12-10');
    set('Service user number', '123456');
    set('Originator sort code:account', '20-00-00:55779911');
    set('Service user name', 'Riverside Homes');
    fireEvent.click(screen.getByText('Prepare the collection file'));
    const status = await screen.findByText(/^Processing day 10\/12\/2026, payers debited 11\/12\/2026: \d+ collections £/, {}, { timeout: 20_000 });
    const count = Number(/: (\d+) collections/.exec(status.textContent ?? '')?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(within(screen.getByRole('table', { name: 'Collections' })).getAllByRole('row')).toHaveLength(count + 1);
    fireEvent.click(screen.getByText('Download the Bacs file'));
    const bacs = downloads.at(-1);
    expect(bacs?.name).toBe('bacs-2026-12-10.txt');
    const checked = runDdCheck(await (bacs?.text ?? Promise.resolve('')), DATA.holidays.englandAndWales, 'bacs');
    expect(checked.exitCode).toBe(0);
  });

  it('a run without a service user number says what is wrong and makes no file', async () => {
    await openPanel();
    await importSample();
    fireEvent.click(screen.getByText('Day’s run'));
    fireEvent.change(screen.getByLabelText('Processing day'), { target: { value: '2026-12-10' } });
    fireEvent.click(screen.getByText('Prepare the collection file'));
    expect(await screen.findByText(/service user number is 6 digits/, {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByText('Download the Bacs file')).toBeNull();
  });

  it('reads an ARUDD: preview with the control agreed, apply records it and cancels the mandate; the same report again is refused', async () => {
    const { store, mandates } = await openPanel();
    await importSample();
    fireEvent.click(screen.getByText('Reports in'));
    const arudd = `<?xml version="1.0" encoding="ISO-8859-1"?>
<BACSDocument><Data><ARUDD>
<Header reportType="REFT1234" adviceNumber="000" currentProcessingDate="2026-12-16"></Header>
<ServiceLicenseInformation userName="RIVERSIDE HOMES" userNumber="123456"></ServiceLicenseInformation>
<Advice><OriginatingAccountRecords><OriginatingAccountRecord>
<OriginatingAccount name="RIVERSIDE HOMES" number="55779911" sortCode="20-00-00" type="0"></OriginatingAccount>
<ReturnedDebitItem ref="HL00100053" transCode="17" returnCode="1012" returnDescription="INSTRUCTION CANCELLED" originalProcessingDate="2026-12-10" valueOf="137.78" currency="GBP">
<PayerAccount number="12345678" ref="HL00100053" name="A PAYER" sortCode="01-02-03" bankName="A BANK" branchName="A BRANCH"></PayerAccount></ReturnedDebitItem>
<Totals numberOf="1" valueOf="137.78" currency="GBP"></Totals>
</OriginatingAccountRecord></OriginatingAccountRecords></Advice></ARUDD></Data></BACSDocument>
`;
    const choose = () => fireEvent.change(screen.getByLabelText('Bacs report to read'), { target: { files: [file('arudd-1216.xml', arudd, 'text/xml')] } });
    choose();
    const preview = await screen.findByRole('region', { name: 'Report preview' }, { timeout: 20_000 });
    expect(within(preview).getByRole('status').textContent).toMatch(/^ARUDD: 1 items £137\.78/);
    expect(within(preview).getByRole('table', { name: 'Report items' }).textContent).toContain('00100053');
    fireEvent.click(screen.getByText('Apply the report'));
    await screen.findByText('Applied');
    expect((await store.imports()).map((e) => e.fileName)).toEqual(['arudd-1216.xml']);
    await waitFor(async () => expect((await mandates.mandates()).find((m) => m.reference === 'HL00100053')?.row.Status).toBe('cancelled'));

    choose();
    await screen.findByText('arudd-1216.xml was refused', {}, { timeout: 20_000 });
    expect(screen.getByLabelText('Why the report was refused').textContent).toMatch(/applied before/);
    expect(await store.imports()).toHaveLength(1);
  });
});
