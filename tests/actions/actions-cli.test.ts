/**
 * The account actions from the command line, as the coordinator and an approver use them: refund
 * candidates with their risks, a refund requested and approved by the same person refused, one over
 * £500 waiting for a second approver, the Bacs file passing `dd check`, an edited actions file refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/generated';
import { actionsWorkbook } from './support';

const NOW = new Date('2026-12-31T10:00:00Z');
const LATER = new Date('2026-12-31T15:00:00Z');

describe('housing-ledger refunds candidates', () => {
  it('lists the accounts in credit with their risks, as JSON', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const r = await runCli(['refunds', 'candidates', wb, '--as-of', '2026-12-31', '--json'], NOW);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { candidates: { account: string; refundable: string; risks: { code: string }[] }[] };
    expect(json.candidates.map((c) => [c.account, c.refundable, c.risks.map((x) => x.code).sort()])).toEqual([
      ['F100', '392.40', ['benefit', 'other-debt']],
      ['C300', '260.00', ['dd-indemnity']],
    ]);
  });

  it('reads the payers and bank changes from the mandate register', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const mandates = join(dir, 'mandates.csv');
    writeFileSync(mandates, 'Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection\r\nC300,Carl Dee,089999,66374958,HL-C300-01,260.00,monthly,2,live,2026-12-20,2027-01-04\r\n');
    const r = await runCli(['refunds', 'candidates', wb, '--as-of', '2026-12-31', '--mandates', mandates, '--json'], NOW);
    expect(r.code).toBe(0);
    const c300 = (JSON.parse(r.stdout) as { candidates: { account: string; risks: { code: string }[] }[] }).candidates.find((c) => c.account === 'C300');
    expect(c300?.risks.map((x) => x.code).sort()).toEqual(['bank-change', 'dd-indemnity', 'payer-not-tenant']);
  });
});

describe('housing-ledger actions', () => {
  const refundArgs = (file: string, wb: string, by: string, amount: string, account = 'F100'): string[] => [
    'actions', 'request', '--file', file, '--kind', 'refund', '--account', account, '--amount', amount, '--by', by,
    '--reason', 'Former tenant in credit', '--evidence', 'Forwarding address; final account statement', '--workbook', wb,
    '--method', 'bacs', '--payee', 'Ann Lee', '--sort-code', '08-99-99', '--bank-account', '66374958',
  ];

  it('refuses an approval by the requester, and posts nothing', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    expect((await runCli(refundArgs(file, wb, 'Jo Bloggs', '120.00'), NOW)).code).toBe(0);
    const same = await runCli(['actions', 'approve', 'R0001', '--file', file, '--by', 'JO BLOGGS'], LATER);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/approval\.same-person.*a different person must/);
    const out = join(dir, 'out');
    await runCli(['actions', 'export', '--file', file, '--out', out], LATER);
    expect(readFileSync(join(out, 'postings.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
  });

  it('a refund over £500 waits for the second approver; the approved Bacs file passes dd check', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    const req = await runCli([...refundArgs(file, wb, 'Jo Bloggs', '£512.40'), '--json'], NOW);
    expect(req.code).toBe(0);
    const requested = (JSON.parse(req.stdout) as { requested: { id: string; approversNeeded: number; details: { risks: string[]; payee: { bankAccount: string } } } }).requested;
    expect(requested.approversNeeded).toBe(2);
    expect(requested.details.risks.map((x) => x.split(':')[0]).sort()).toEqual(['benefit', 'other-debt']);
    expect(requested.details.payee.bankAccount).toBe('****4958');

    const first = await runCli(['actions', 'approve', requested.id, '--file', file, '--by', 'Sam Lee'], LATER);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/waits for a second approver \(1 of 2\); nothing is posted yet/);
    const again = await runCli(['actions', 'approve', requested.id, '--file', file, '--by', 'sam lee'], LATER);
    expect(again.code).toBe(1);
    const out = join(dir, 'out');
    const bacsArgs = ['--sun', '123456', '--originator', '40-12-76:12345678', '--date', '2027-01-04'];
    await runCli(['actions', 'export', '--file', file, '--out', out, ...bacsArgs], LATER);
    expect(readFileSync(join(out, 'postings.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);

    const second = await runCli(['actions', 'approve', requested.id, '--file', file, '--by', 'Priya Shah', '--note', 'checked HB schedule'], LATER);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/posted on 2026-12-31: F100 512\.40 REFUND/);
    const exported = await runCli(['actions', 'export', '--file', file, '--out', out, ...bacsArgs, '--json'], LATER);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ postings: 1, refunds: 1, bacsFile: true });
    expect(readFileSync(join(out, 'postings.csv'), 'utf8').split('\r\n')[1]).toBe('F100,31/12/2026,512.40,REFUND,R0001,Refund of credit (Bacs)');
    const check = await runCli(['dd', 'check', join(out, 'refunds-bacs.txt'), '--json'], LATER);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ passes: true, credits: { count: 1, value: '512.40' } });
  });

  it('refuses a refund of more than the credit, and an account not in credit', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    const over = await runCli(refundArgs(file, wb, 'Jo Bloggs', '512.41'), NOW);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/more than the credit of £512\.40/);
    const debit = await runCli(refundArgs(file, wb, 'Jo Bloggs', '10', 'C400'), NOW);
    expect(debit.stderr).toMatch(/C400 is not in credit/);
  });

  it('a transfer and a write-off: rejected ones post nothing, approved ones post, the transfer pair sums to zero', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    const transfer = ['actions', 'request', '--file', file, '--kind', 'transfer', '--account', 'F100', '--to', 'F000', '--type', 'former-to-current', '--amount', '120', '--by', 'Jo Bloggs', '--reason', 'Clear the old arrears from the credit'];
    expect((await runCli(transfer, NOW)).code).toBe(0);
    const writeoff = ['actions', 'request', '--file', file, '--kind', 'writeoff', '--account', 'C400', '--reason-code', 'small-balance', '--amount', '14.50', '--by', 'Jo Bloggs', '--reason', 'x', '--workbook', wb];
    expect((await runCli(writeoff, NOW)).code).toBe(0);
    expect((await runCli(['actions', 'reject', 'W0002', '--file', file, '--by', 'Sam Lee'], LATER)).code).toBe(2);
    expect((await runCli(['actions', 'reject', 'W0002', '--file', file, '--by', 'Sam Lee', '--note', 'Tenant is paying'], LATER)).code).toBe(0);
    expect((await runCli(['actions', 'approve', 'T0001', '--file', file, '--by', 'Sam Lee'], LATER)).code).toBe(0);
    const list = JSON.parse((await runCli(['actions', 'list', '--file', file, '--json'], LATER)).stdout) as { chainIntact: boolean; actions: { id: string; status: string }[] };
    expect(list.chainIntact).toBe(true);
    expect(list.actions.map((a) => [a.id, a.status])).toEqual([
      ['T0001', 'approved'],
      ['W0002', 'rejected'],
    ]);
    const out = join(dir, 'out');
    await runCli(['actions', 'export', '--file', file, '--out', out], LATER);
    const rows = readFileSync(join(out, 'postings.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(0, 4))).toEqual([
      ['F100', '31/12/2026', '120.00', 'TRANSFER'],
      ['F000', '31/12/2026', '-120.00', 'TRANSFER'],
    ]);
    expect(readFileSync(join(out, 'writeoff-schedule.csv'), 'utf8')).toMatch(/W0002,C400,Di Fox,Small balance,14\.50,rejected,Jo Bloggs,1/);
  });

  it('refuses an actions file whose approved action was edited by hand, and changes nothing', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    await runCli(refundArgs(file, wb, 'Jo Bloggs', '100'), NOW);
    await runCli(['actions', 'approve', 'R0001', '--file', file, '--by', 'Sam Lee'], LATER);
    const edited = readFileSync(file, 'utf8').replace('"amount": 10000', '"amount": 50000');
    expect(edited).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, edited);
    const r = await runCli(['actions', 'list', '--file', file], LATER);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a valid actions file.*\n.*edited/);
    const req = await runCli(refundArgs(file, wb, 'Jo Bloggs', '10', 'C300'), LATER);
    expect(req.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});

describe('housing-ledger actions amend', () => {
  const request = (file: string, wb: string, amount = '510.00'): string[] => [
    'actions', 'request', '--file', file, '--kind', 'refund', '--account', 'F100', '--amount', amount, '--by', 'Jo Bloggs',
    '--reason', 'Former tenant in credit', '--workbook', wb, '--method', 'finance-csv',
  ];
  const list = async (file: string) => (JSON.parse((await runCli(['actions', 'list', '--file', file, '--json'], LATER)).stdout) as { actions: { id: string; status: string; amount: string; approvals: unknown[]; digest: string }[] }).actions;

  it('changes a request awaiting approval as a new event: the first approval no longer counts, the amount is judged again', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    expect((await runCli(request(file, wb), NOW)).code).toBe(0);
    // Over £500: the first approval leaves it waiting for a second.
    expect((await runCli(['actions', 'approve', 'R0001', '--file', file, '--by', 'Sam Lee'], LATER)).code).toBe(0);
    expect((await list(file))[0]?.status).toBe('awaiting-second-approval');
    const before = readFileSync(file, 'utf8');

    // More than the credit (£512.40) is refused, and the file is not touched.
    const over = await runCli(['actions', 'amend', 'R0001', '--file', file, '--by', 'Jo Bloggs', '--note', 'typo', '--amount', '512.41', '--workbook', wb], LATER);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/refund\.over-credit/);
    expect(readFileSync(file, 'utf8')).toBe(before);

    const amended = await runCli(['actions', 'amend', 'R0001', '--file', file, '--by', 'jo bloggs', '--note', 'the credit is £512.40', '--amount', '512.40', '--workbook', wb], LATER);
    expect(amended.code).toBe(0);
    expect(amended.stdout).toMatch(/approval by Sam Lee no longer counts/);
    const [r] = await list(file);
    expect(r).toMatchObject({ id: 'R0001', status: 'awaiting-approval', amount: '512.40', approvals: [] });
    // Appended, never rewritten: the file on disk still begins with every event it had.
    const events = (JSON.parse(readFileSync(file, 'utf8')) as { events: { type: string; hash: string; request?: { amount: number } }[] }).events;
    expect(events.map((e) => e.type)).toEqual(['requested', 'approved', 'amended']);
    expect((JSON.parse(before) as { events: { hash: string }[] }).events.map((e) => e.hash)).toEqual(events.slice(0, 2).map((e) => e.hash));
    expect(events[0]?.request?.amount).toBe(51000);
    // The requester still cannot approve the amended request.
    expect((await runCli(['actions', 'approve', 'R0001', '--file', file, '--by', 'Jo Bloggs'], LATER)).code).toBe(1);
  });

  it('refuses an amendment of an approved action, by anyone but the requester, or without a note', async () => {
    const dir = tempDir();
    const wb = await actionsWorkbook(dir);
    const file = join(dir, 'actions.json');
    expect((await runCli(request(file, wb, '120.00'), NOW)).code).toBe(0);
    const other = await runCli(['actions', 'amend', 'R0001', '--file', file, '--by', 'Sam Lee', '--note', 'smaller', '--amount', '100', '--workbook', wb], LATER);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/only Jo Bloggs may amend it/);
    const noNote = await runCli(['actions', 'amend', 'R0001', '--file', file, '--by', 'Jo Bloggs', '--amount', '100', '--workbook', wb], LATER);
    expect(noNote.code).toBe(2);
    expect(noNote.stderr).toMatch(/say why the request changes/);
    expect((await runCli(['actions', 'approve', 'R0001', '--file', file, '--by', 'Sam Lee'], LATER)).code).toBe(0);
    const final = await runCli(['actions', 'amend', 'R0001', '--file', file, '--by', 'Jo Bloggs', '--note', 'smaller', '--amount', '100', '--workbook', wb], LATER);
    expect(final.code).toBe(1);
    expect(final.stderr).toMatch(/action\.final.*approved: it cannot be changed/);
  });
});
