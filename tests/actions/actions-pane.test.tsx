/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The Account actions mode as wired in the pane (AccountActionsMode): the refund candidates read the
 * Direct Debits mode's mandate register from the store and the shipped bank holidays, so the
 * payer-not-tenant, bank-change and Bacs working-day risks are the ones the CLI gives with
 * --mandates (parity); and a CLI actions file is brought in only after its plan is shown, with
 * conflicts named and left alone.
 */
import '../components/support/jsdom-globals';
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegisterRows } from '../../src/engine/jobs/dd-register';
import { ActionsRepo } from '../../src/store/actions-store';
import { LedgerDb } from '../../src/store/db';
import { LedgerStore } from '../../src/store/ledger-store';
import { MandateStore } from '../../src/store/mandate-store';
import { AccountActionsMode } from '../../src/taskpane/actions/AccountActionsMode';
import { EngineClient } from '../../src/worker/client';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { inThreadWorker } from '../components/support/pane-host';
import { runCli, tempDir } from '../support/generated';
import { actionsWorkbook } from './support';

const HOLIDAYS = readFileSync(join(__dirname, '..', '..', 'assets', 'dd', 'bank-holidays-england-and-wales.txt'), 'utf8');
const NOW = new Date('2026-12-31T10:00:00Z');
// C300's payer is not the tenant, and the mandate was lodged 11 days before: both risks need the register.
const MANDATES = 'Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection\r\nC300,Carl Dee,089999,66374958,HL-C300-01,260.00,monthly,2,live,2026-12-20,2027-01-04\r\n';

/** The actions workbook with a Direct Debit collected on Christmas Eve: within 3 Bacs working days of 31 December only when 25 and 28 December are known holidays. */
async function workbook(dir: string): Promise<string> {
  const path = await actionsWorkbook(dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.getWorksheet('Rent transactions')?.addRow([new Date('2026-12-24T00:00:00Z'), 'C300', 'DD', -10, 'DD2', '']);
  await wb.xlsx.writeFile(path);
  return path;
}

let dbs = 0;
async function openMode(path: string, withRegister: boolean) {
  const db = new LedgerDb(`hl-dd14-actions-${++dbs}-${Date.now()}`);
  await db.open();
  const store = new LedgerStore(db);
  if (withRegister) await new MandateStore(db).importRegister(readRegisterRows({ kind: 'csv', text: MANDATES }).rows, 'Alex Smith', 'mandates.csv');
  const client = new EngineClient(inThreadWorker);
  const port = await XlsxWorkbook.fromBuffer(readFileSync(path));
  render(
    <FluentProvider theme={webLightTheme}>
      <AccountActionsMode host={{ port, workbookId: 'wb-1', fileName: 'accounts.xlsx' }} config={{}} store={store} send={(b) => client.run(b)} loadHolidays={async () => HOLIDAYS} />
    </FluentProvider>,
  );
  return { store, db };
}

/** Each candidate's risks as the pane shows them: [code, detail] per badge. */
async function paneRisks(): Promise<Record<string, string[][]>> {
  fireEvent.change(screen.getByLabelText(/As of/), { target: { value: '2026-12-31' } });
  fireEvent.click(screen.getByText('Find candidates'));
  const table = await screen.findByRole('table', { name: 'Refund candidates' });
  const out: Record<string, string[][]> = {};
  for (const row of within(table).getAllByRole('row').slice(1)) {
    const account = row.querySelector('td')?.textContent ?? '';
    out[account] = [...row.querySelectorAll('[title]')].map((b) => [b.textContent ?? '', b.getAttribute('title') ?? '']);
  }
  return out;
}

describe('Account actions in the pane: the register and the holidays, as the CLI', () => {
  it('gives the same risks as refunds candidates --mandates: payer-not-tenant, bank-change and dd-recent by Bacs working days', async () => {
    const dir = tempDir();
    const path = await workbook(dir);
    const mandates = join(dir, 'mandates.csv');
    writeFileSync(mandates, MANDATES);
    await openMode(path, true);
    const pane = await paneRisks();
    const cli = JSON.parse((await runCli(['refunds', 'candidates', path, '--as-of', '2026-12-31', '--mandates', mandates, '--json'], NOW)).stdout) as { candidates: { account: string; risks: { code: string; detail: string }[] }[] };
    expect(Object.keys(pane)).toEqual(cli.candidates.map((c) => c.account));
    for (const c of cli.candidates) expect(pane[c.account]).toEqual(c.risks.map((r) => [r.code, r.detail]));
    expect(pane.C300?.map((r) => r[0]).sort()).toEqual(['bank-change', 'dd-indemnity', 'dd-recent', 'payer-not-tenant']);
  });

  it('without a register in the store there are no register risks, as the CLI without --mandates', async () => {
    const dir = tempDir();
    const path = await workbook(dir);
    await openMode(path, false);
    const pane = await paneRisks();
    expect(pane.C300?.map((r) => r[0]).sort()).toEqual(['dd-indemnity', 'dd-recent']);
  });
});

describe('Account actions in the pane: importing a CLI actions file', () => {
  const file = (name: string, body: string) => new File([body], name, { type: 'application/json' });

  it('shows what comes over and the conflicts, brings over only on confirmation, and refuses an edited file', async () => {
    const dir = tempDir();
    const path = await workbook(dir);
    const actions = join(dir, 'actions.json');
    const transfer = (id: string, amount: string) => ['actions', 'request', '--file', actions, '--id', id, '--kind', 'transfer', '--account', 'C200', '--to', 'C300', '--type', 'other', '--amount', amount, '--by', 'Jo Bloggs', '--reason', 'misposted'];
    expect((await runCli(transfer('T0001', '5.00'), NOW)).code).toBe(0);
    const shared = readFileSync(actions, 'utf8');
    const { db } = await openMode(path, false);
    const repo = new ActionsRepo(db);
    // The pane's log starts as the file did; then each side goes on on its own.
    await repo.append('wb-1', [], (JSON.parse(shared) as { events: never[] }).events);
    expect((await runCli(['actions', 'approve', 'T0001', '--file', actions, '--by', 'Sam Lee'], NOW)).code).toBe(0);
    expect((await runCli(transfer('T0002', '7.00'), NOW)).code).toBe(0);
    const here = await repo.load('wb-1');
    const { runActionsJob } = await import('../../src/engine/jobs/actions-worker');
    const rejected = runActionsJob({ job: 'decide', log: here, id: 'T0001', decision: 'reject', by: 'Pat Kay', at: '2026-12-31T11:00:00Z', note: 'not ours', digest: null }, {});
    if (rejected.job !== 'decide' || !rejected.result.ok) throw new Error('the rejection was refused');
    await repo.append('wb-1', here, rejected.result.events);

    fireEvent.change(screen.getByLabelText('Actions file to import'), { target: { files: [file('actions.json', readFileSync(actions, 'utf8'))] } });
    const plan = await screen.findByRole('region', { name: 'Actions file to import' });
    expect(within(plan).getByRole('status').textContent).toMatch(/^actions\.json: 1 event\(s\) of 1 action\(s\) to bring over, 1 conflict\(s\) left as they are here/);
    expect(within(plan).getByRole('list', { name: 'Actions to bring over' }).textContent).toMatch(/T0002/);
    expect(within(plan).getByRole('list', { name: 'Conflicts' }).textContent).toMatch(/T0001 was changed here and in the file .*rejected by Pat Kay.*approved by Sam Lee/);
    // Nothing is saved before the person confirms.
    expect((await repo.load('wb-1')).map((e) => e.id)).toEqual(['T0001', 'T0001']);
    fireEvent.click(within(plan).getByText('Bring over 1 action(s)'));
    await screen.findByText('Brought over 1 action(s) from actions.json');
    const after = await repo.load('wb-1');
    expect(after.map((e) => `${e.id} ${e.type}`)).toEqual(['T0001 requested', 'T0001 rejected', 'T0002 requested']);
    // The pane's own rejection stands; the file's approval of T0001 was not merged.
    await waitFor(() => expect(screen.getByRole('list', { name: 'Decided actions' }).textContent).toMatch(/T0001.*rejected/));

    const edited = readFileSync(actions, 'utf8').replace('"amount": 700', '"amount": 70000');
    fireEvent.change(screen.getByLabelText('Actions file to import'), { target: { files: [file('edited.json', edited)] } });
    await screen.findByText('edited.json was refused: nothing was imported');
    expect(await repo.load('wb-1')).toHaveLength(3);
  });
});
