/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The Direct Debits mode's day's run as the coordinator uses it in the pane: it checks the register
 * against the workbook's rent roll as `dd collect --accounts` does (an account not on the roll held
 * back, a rent change listed as a notice), and an applied ARUDD's reason-0 unpaid can be put into
 * the next run, where it goes as a re-presentation (18), as `dd collect --represent` does.
 */
import '../components/support/jsdom-globals';
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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

const a = bankDetailsFor('00100001', 0);
const b = bankDetailsFor('00100002', 1);
// Weekly on Fridays from 9 October 2026: both collect on Friday 11 December (processing day Thursday 10th).
const REGISTER = [
  'Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection',
  `00100001,Ann Payer,${a.sortCode},${a.account},HL00100001,120.00,weekly,,live,01/09/2026,09/10/2026`,
  `00100002,Bob Payer,${b.sortCode},${b.account},HL00100002,95.00,weekly,,live,01/09/2026,09/10/2026`,
].join('\n');
// The rent roll has Ann's account at £125.00 a week (the mandate still collects £120.00), and no Bob.
const ROLL = [
  ['Account Ref', 'Tenant Name', 'Start Date', 'End Date', 'Weekly Charge', 'Opening Balance', 'Closing Balance'],
  ['00100001', 'Ann Payer', '06/04/2020', '', 125, 0, 0],
];

const file = (name: string, body: string, type = 'text/csv') => new File([body], name, { type });
let dbs = 0;
async function openPanel() {
  const db = new LedgerDb(`hl-dd14-pane-${++dbs}-${Date.now()}`);
  await db.open();
  const client = new EngineClient(inThreadWorker);
  render(
    <FluentProvider theme={webLightTheme}>
      <DdPanel host={{ port: new MemoryWorkbook([{ name: 'Rent Roll', rows: ROLL }]), fileName: 'month.xlsx' }} store={new LedgerStore(db)} send={(x) => client.run(x)} actor="Alex Smith" loadData={async () => DATA} now={() => new Date('2026-12-09T10:00:00Z')} />
    </FluentProvider>,
  );
  await screen.findByText('Import a CSV…');
  fireEvent.change(screen.getByLabelText('Register CSV to import'), { target: { files: [file('mandates.csv', REGISTER)] } });
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

describe('Direct Debits in the pane: the run against the rent roll, and re-presentation', () => {
  it('holds back a mandate whose account is not on the rent roll and lists the rent change notice; unticked, both collect', async () => {
    await openPanel();
    await runDay('2026-12-10');
    expect(screen.getByRole('list', { name: 'Held back' }).textContent).toMatch(/00100002 HL00100002: Account Ref 00100002 is not on the rent roll/);
    expect(screen.getByRole('list', { name: 'Notices to send' }).textContent).toMatch(/00100001 Ann Payer: £125\.00 .*rent change/);
    expect(codes()).toEqual([expect.stringMatching(/^00100001.*HL0010000117£120\.00$/)]);

    fireEvent.click(screen.getByLabelText(/Check against the workbook’s rent roll/));
    fireEvent.click(screen.getByText('Prepare the collection file'));
    await waitFor(() => expect(codes()).toHaveLength(2));
    expect(screen.queryByRole('list', { name: 'Held back' })).toBeNull();
  });

  it('an applied ARUDD reason 0 is offered for re-presentation and goes into the next run as 18, for the same amount', async () => {
    await openPanel();
    fireEvent.click(screen.getByText('Reports in'));
    const arudd = `<?xml version="1.0" encoding="ISO-8859-1"?>
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
    fireEvent.change(screen.getByLabelText('Bacs report to read'), { target: { files: [file('arudd-1216.xml', arudd, 'text/xml')] } });
    await screen.findByRole('region', { name: 'Report preview' });
    // Nothing is offered before the report is applied.
    expect(screen.queryByText(/Re-present 1 unpaid/)).toBeNull();
    fireEvent.click(screen.getByText('Apply the report'));
    fireEvent.click(await screen.findByText('Re-present 1 unpaid in the next run'));
    expect(await screen.findByText('1 added to the next run')).toBeTruthy();

    fireEvent.click(screen.getByText('Day’s run'));
    expect(screen.getByRole('group', { name: 'Re-presentations' }).textContent).toMatch(/1 unpaid to re-present \(18\):HL00100001 £120\.00, unpaid of 10\/12\/2026, queued by Alex Smith/);
    await runDay('2026-12-17');
    // Ann's regular Friday collection (17) and the unpaid one again (18); Bob is not on the rent roll.
    expect(codes()).toEqual([expect.stringMatching(/HL0010000117£120\.00$/), expect.stringMatching(/HL0010000118£120\.00$/)]);

    fireEvent.click(screen.getByText('Do not re-present'));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Re-presentations' })).toBeNull());
    fireEvent.click(screen.getByText('Prepare the collection file'));
    await waitFor(() => expect(codes()).toHaveLength(1));
  });
});
