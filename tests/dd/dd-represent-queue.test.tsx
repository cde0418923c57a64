/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The re-presentation queue as the coordinator lives with it: an ARUDD's reason-0 unpaid queued
 * today is still queued after the pane is closed and opened again (the store re-opened over the
 * same IndexedDB), with who queued it and when; the next run re-presents it (18); once that run's
 * Bacs file is downloaded it leaves the queue; and past its month it is shown expired and the run
 * refuses it with the reason.
 */
import '../components/support/jsdom-globals';
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerDb } from '../../src/store/db';
import { LedgerStore } from '../../src/store/ledger-store';
import { DdPanel } from '../../src/taskpane/dd/DdPanel';
import type { DdData } from '../../src/taskpane/dd/dd-data';
import { EngineClient } from '../../src/worker/client';
import { MemoryWorkbook, inThreadWorker } from '../components/support/pane-host';
import { bankDetailsFor, DD_ASSETS } from './support/sample-register';

const text = (name: string) => readFileSync(join(DD_ASSETS, name), 'utf8');
const DATA: DdData = { modulus: { valacdos: text('valacdos-v7-90.txt'), scsubtab: text('scsubtab.txt') }, holidays: { englandAndWales: text('bank-holidays-england-and-wales.txt'), scotland: text('bank-holidays-scotland.txt') } };

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

const a = bankDetailsFor('00100001', 0);
const b = bankDetailsFor('00100002', 1);
// Weekly on Fridays from 9 October 2026; both accounts on the rent roll at the mandates' amounts.
const REGISTER = [
  'Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection',
  `00100001,Ann Payer,${a.sortCode},${a.account},HL00100001,120.00,weekly,,live,01/09/2026,09/10/2026`,
  `00100002,Bob Payer,${b.sortCode},${b.account},HL00100002,95.00,weekly,,live,01/09/2026,09/10/2026`,
].join('\n');
const ROLL = [
  ['Account Ref', 'Tenant Name', 'Start Date', 'End Date', 'Weekly Charge', 'Opening Balance', 'Closing Balance'],
  ['00100001', 'Ann Payer', '06/04/2020', '', 120, 0, 0],
  ['00100002', 'Bob Payer', '06/04/2020', '', 95, 0, 0],
];
// Ann's collection of processing day Thursday 10 December came back unpaid, reason 0 (refer to payer).
const ARUDD = `<?xml version="1.0" encoding="ISO-8859-1"?>
<BACSDocument><Data><ARUDD>
<Header reportType="REFT1234" adviceNumber="000" currentProcessingDate="2026-12-16"></Header>
<ServiceLicenseInformation userName="RIVERSIDE HOMES" userNumber="123456"></ServiceLicenseInformation>
<Advice><OriginatingAccountRecords><OriginatingAccountRecord>
<OriginatingAccount name="RIVERSIDE HOMES" number="55779911" sortCode="20-00-00" type="0"></OriginatingAccount>
<ReturnedDebitItem ref="HL00100001" transCode="17" returnCode="0" returnDescription="REFER TO PAYER" originalProcessingDate="2026-12-10" valueOf="120.00" currency="GBP">
<PayerAccount number="12345678" ref="HL00100001" name="ANN PAYER" sortCode="01-02-03" bankName="A BANK" branchName="A BRANCH"></PayerAccount></ReturnedDebitItem>
<Totals numberOf="1" valueOf="120.00" currency="GBP"></Totals>
</OriginatingAccountRecord></OriginatingAccountRecords></Advice></ARUDD></Data></BACSDocument>
`;

const file = (name: string, body: string, type = 'text/csv') => new File([body], name, { type });
let dbs = 0;

/** Opens the pane over the database of that name, as a reload does: nothing but the store carries over. */
async function openPane(dbName: string, actor: string, now: string) {
  const db = new LedgerDb(dbName);
  await db.open();
  const client = new EngineClient(inThreadWorker);
  render(
    <FluentProvider theme={webLightTheme}>
      <DdPanel
        host={{ port: new MemoryWorkbook([{ name: 'Rent Roll', rows: ROLL }]), fileName: 'month.xlsx', workbookId: 'wb-riverside' }}
        store={new LedgerStore(db)}
        send={(x) => client.run(x)}
        actor={actor}
        loadData={async () => DATA}
        now={() => new Date(now)}
      />
    </FluentProvider>,
  );
  await screen.findByText('Import a CSV…');
  return db;
}

async function queueAnnsUnpaid(): Promise<string> {
  const name = `hl-dd13-queue-${++dbs}-${Date.now()}`;
  await openPane(name, 'Alex Smith', '2026-12-16T09:30:00Z');
  fireEvent.change(screen.getByLabelText('Register CSV to import'), { target: { files: [file('mandates.csv', REGISTER)] } });
  await screen.findByText(/^2 mandates, 2 pass every check/);
  fireEvent.click(screen.getByText('Reports in'));
  fireEvent.change(screen.getByLabelText('Bacs report to read'), { target: { files: [file('arudd-1216.xml', ARUDD, 'text/xml')] } });
  await screen.findByRole('region', { name: 'Report preview' });
  fireEvent.click(screen.getByText('Apply the report'));
  fireEvent.click(await screen.findByText('Re-present 1 unpaid in the next run'));
  await screen.findByText('1 added to the next run');
  return name;
}

/** Closes the pane and opens it again over the same database, as another person the next day. */
async function reload(name: string, actor = 'Sam Jones', now = '2026-12-17T08:00:00Z'): Promise<void> {
  cleanup();
  await openPane(name, actor, now);
  await screen.findByText(/^2 mandates, 2 pass every check/);
}

async function runDay(day: string) {
  fireEvent.click(screen.getByText('Day’s run'));
  const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
  set('Processing day', day);
  set('Service user number', '123456');
  set('Originator sort code:account', '20-00-00:55779911');
  set('Service user name', 'Riverside Homes');
  fireEvent.click(screen.getByText('Prepare the collection file'));
  return screen.findByText(new RegExp(`^Processing day ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}, payers debited`));
}

const codes = () => within(screen.getByRole('table', { name: 'Collections' })).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
const queued = () => screen.queryByRole('list', { name: 'Queued re-presentations' })?.textContent ?? '';

afterEach(() => cleanup());

describe('Direct Debits in the pane: the re-presentation queue survives a reload', () => {
  it('a queued unpaid is still queued after a reload, with who queued it and when; the run re-presents it; once the file is downloaded it is no longer queued', async () => {
    const name = await queueAnnsUnpaid();
    await reload(name);
    fireEvent.click(screen.getByText('Day’s run'));
    fireEvent.change(screen.getByLabelText('Processing day'), { target: { value: '2026-12-17' } });
    expect(screen.getByRole('group', { name: 'Re-presentations' }).textContent).toMatch(/^1 unpaid to re-present \(18\):/);
    expect(queued()).toBe('HL00100001 £120.00, unpaid of 10/12/2026, queued by Alex Smith on 16/12/2026: may be re-presented until 10/01/2027');

    await runDay('2026-12-17');
    // Both Friday collections (17) and Ann's unpaid one again (18), for the same amount.
    expect(codes()).toEqual([expect.stringMatching(/HL0010000117£120\.00$/), expect.stringMatching(/HL0010000217£95\.00$/), expect.stringMatching(/HL0010000118£120\.00$/)]);
    // Made but not yet downloaded: still queued.
    expect(queued()).toMatch(/^HL00100001 £120\.00/);

    fireEvent.click(screen.getByText('Download the Bacs file'));
    expect(downloads.at(-1)?.name).toBe('bacs-2026-12-17.txt');
    expect(await (downloads.at(-1)?.text ?? Promise.resolve(''))).toMatch(/HL00100001/);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Re-presentations' })).toBeNull());

    // Collected for good: another reload, another run of the same day, no 18.
    await reload(name, 'Alex Smith', '2026-12-17T09:00:00Z');
    await runDay('2026-12-17');
    expect(codes().filter((c) => /18£/.test(c))).toEqual([]);
    expect(screen.queryByRole('group', { name: 'Re-presentations' })).toBeNull();
  });

  it('past its month (judged on the processing day, not the clock) a queued unpaid shows as expired and the run refuses it with the reason', async () => {
    const name = await queueAnnsUnpaid();
    // The machine's clock is still December; the processing day typed is what counts.
    await reload(name, 'Sam Jones', '2026-12-17T08:00:00Z');
    fireEvent.click(screen.getByText('Day’s run'));
    fireEvent.change(screen.getByLabelText('Processing day'), { target: { value: '2027-01-11' } });
    expect(screen.getByRole('group', { name: 'Re-presentations' }).textContent).toMatch(/^1 unpaid to re-present \(18\), 1 expired:/);
    expect(queued()).toMatch(/expired \(re-presentation too late: the unpaid collection of 10\/12\/2026 may be re-presented until 10\/01\/2027\)$/);

    await runDay('2027-01-11');
    expect(screen.getByRole('list', { name: 'Held back' }).textContent).toMatch(/00100001 HL00100001: re-presentation too late: the unpaid collection of 10\/12\/2026 may be re-presented until 10\/01\/2027/);
    expect(screen.queryByRole('table', { name: 'Collections' }) === null || codes().every((c) => !/18£/.test(c))).toBe(true);

    // On the last day of its window the same item is re-presented.
    fireEvent.change(screen.getByLabelText('Processing day'), { target: { value: '2027-01-08' } });
    expect(queued()).toMatch(/may be re-presented until 10\/01\/2027$/);
    fireEvent.click(screen.getByText('Prepare the collection file'));
    await waitFor(() => expect(codes()).toContainEqual(expect.stringMatching(/HL0010000118£120\.00$/)));
  });

  it('“Do not re-present” takes the unpaid out of the queue for good', async () => {
    const name = await queueAnnsUnpaid();
    fireEvent.click(screen.getByText('Day’s run'));
    fireEvent.click(screen.getByText('Do not re-present'));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Re-presentations' })).toBeNull());
    await reload(name);
    fireEvent.click(screen.getByText('Day’s run'));
    expect(screen.queryByRole('group', { name: 'Re-presentations' })).toBeNull();
  });
});
