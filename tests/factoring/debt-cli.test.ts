/**
 * housing-ledger factoring arrears | nopl | writeoffs on the sample workbook written as a real .xlsx:
 * the issue 16 JSON contracts (field names and order, money as decimal strings, dates as
 * YYYY-MM-DD), located errors with exit 2, letters recorded once on the debt trail, and write-offs
 * posted only after someone other than the proposer approves.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';

async function sample(mutate: (s: ReturnType<typeof generateFactoring>) => void = () => undefined) {
  const dir = tempDir();
  const s = generateFactoring();
  mutate(s);
  const path = join(dir, 'factoring.xlsx');
  await writeFactoringXlsx(s, path);
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(s.config));
  return { dir, path, configPath, asOf: s.debtAsOf };
}

const MONEY = /^-?\d+\.\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('housing-ledger factoring arrears --json', () => {
  it('prints the contract for every account whose balance is not zero', async () => {
    const { path, configPath, asOf } = await sample();
    const run = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', configPath, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { asOf: string; accounts: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['asOf', 'accounts']);
    expect(json.asOf).toBe('2026-12-31');
    expect(json.accounts).toHaveLength(10);
    for (const a of json.accounts) {
      expect(Object.keys(a)).toEqual(['owner', 'property', 'balance', 'aged', 'stage', 'nextAction', 'nextActionOn', 'disputed']);
      expect(Object.keys(a.aged as object)).toEqual(['0-30', '31-60', '61-90', '91-180', '180+']);
      for (const m of [a.balance, a.disputed, ...Object.values(a.aged as object)]) expect(m).toMatch(MONEY);
      expect(a.balance).not.toBe('0.00');
      if (a.nextActionOn !== null) expect(a.nextActionOn).toMatch(DAY);
    }
    // Dates read from real Excel date cells give the same answers as the hand-worked sample test.
    expect(json.accounts.find((a) => a.property === 'HC1-3')).toEqual({ owner: 'OW0003', property: 'HC1-3', balance: '80.00', aged: { '0-30': '80.00', '31-60': '0.00', '61-90': '0.00', '91-180': '0.00', '180+': '0.00' }, stage: 'reminder', nextAction: 'final notice', nextActionOn: '2027-01-07', disputed: '0.00' });
    expect(json.accounts.find((a) => a.property === 'HC1-4')).toMatchObject({ stage: 'final notice', disputed: '420.00' });
  });

  it('uses the issue\'s example ladder when the config has no debtProcedure, and the config\'s when it has one', async () => {
    const { path, dir, asOf } = await sample();
    const bare = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--json']);
    expect(bare.code).toBe(0);
    const stages = (stdout: string) => (JSON.parse(stdout) as { accounts: { property: string; stage: string | null }[] }).accounts.find((a) => a.property === 'HC1-3')?.stage;
    expect(stages(bare.stdout)).toBe('reminder');
    const strict = join(dir, 'strict.json');
    writeFileSync(strict, JSON.stringify({ factoring: { debtProcedure: { stages: [{ name: 'first letter', daysOverdue: 7, minBalance: '5.00', letter: 'first' }, { name: 'sheriff court', daysOverdue: 20, minBalance: '50.00' }], noplStage: null } } }));
    const mine = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', strict, '--json']);
    expect(stages(mine.stdout)).toBe('sheriff court');
  });

  it('refuses a ladder whose NoPL stage is not one of its stages', async () => {
    const { path, dir, asOf } = await sample();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ factoring: { debtProcedure: { stages: [{ name: 'reminder', daysOverdue: 14, minBalance: '10.00' }], noplStage: 'NoPL' } } }));
    const run = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'NoPL' is not one of the stages");
  });

  it('exits 2 naming the cell when a row is wrong, and when --as-of is not a date', async () => {
    const { path, configPath, asOf } = await sample((s) => {
      const rows = s.sheets['Owner Transactions'] as (string | number | null)[][];
      (rows[3] as (string | number | null)[])[4] = 'INVOICE';
    });
    const run = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', configPath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sheet 'Owner Transactions', row 4, column E \(Type\): the Type is not BILL, PAYMENT, ADJUSTMENT, WRITEOFF or FEE; found 'INVOICE'/);
    const date = await runCli(['factoring', 'arrears', path, '--as-of', '2026-13-01', '--config', configPath]);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('expected the as-of date as YYYY-MM-DD');
  });

  it('writes the letters for mail merge, records them on the trail, and does not issue them twice', async () => {
    const { path, configPath, asOf, dir } = await sample();
    const out = join(dir, 'debt');
    const first = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', configPath, '--out', out, '--by', 'Fiona Reid']);
    expect(first.code).toBe(0);
    expect(readFileSync(join(out, 'letters.csv'), 'utf8').trim().split('\r\n')).toHaveLength(8); // header + 7
    const trail = JSON.parse(readFileSync(join(out, 'debt-trail.json'), 'utf8')) as { events: { type: string; account: string; by: string; at: string }[] };
    expect(trail.events).toHaveLength(7);
    expect(trail.events[0]).toMatchObject({ type: 'letter-issued', account: 'OW0003/HC1-3', by: 'Fiona Reid', at: '2027-01-05T09:30:00.000Z' });
    const again = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', configPath, '--out', out, '--by', 'Fiona Reid']);
    expect(again.stdout).toContain('Letters due: 0');
    expect(readFileSync(join(out, 'letters.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1);
    // An edited trail is refused.
    const edited = JSON.parse(readFileSync(join(out, 'debt-trail.json'), 'utf8')) as { events: { by: string }[] };
    (edited.events[0] as { by: string }).by = 'Someone Else';
    writeFileSync(join(out, 'debt-trail.json'), JSON.stringify(edited));
    const tampered = await runCli(['factoring', 'arrears', path, '--as-of', asOf, '--config', configPath, '--out', out, '--by', 'Fiona Reid']);
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toContain('the debt trail has been altered');
  });
});

describe('housing-ledger factoring nopl --json', () => {
  it('prints the contract', async () => {
    const { path, configPath, asOf } = await sample();
    const run = await runCli(['factoring', 'nopl', path, '--as-of', asOf, '--config', configPath, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { asOf: string; notices: Record<string, unknown>[]; missing: Record<string, unknown>[]; toDischarge: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['asOf', 'notices', 'missing', 'toDischarge']);
    for (const n of json.notices) {
      expect(Object.keys(n)).toEqual(['notice', 'property', 'owner', 'registeredOn', 'lastValidDay', 'status', 'alert', 'renewedBy']);
      expect(['live', 'lapsed', 'discharged', 'renewed']).toContain(n.status);
      expect([90, 60, 30, null]).toContain(n.alert);
      expect(n.lastValidDay).toMatch(DAY);
    }
    expect(json.notices.find((n) => n.notice === 'N-0008')).toEqual({ notice: 'N-0008', property: 'WR3-1', owner: 'OW0009', registeredOn: '2024-02-29', lastValidDay: '2027-02-28', status: 'live', alert: 60, renewedBy: null });
    expect(json.missing).toEqual([{ property: 'HC1-5', owner: 'OW0005', balance: '355.00' }]);
    expect(json.toDischarge.map((t) => Object.keys(t))).toEqual([['notice', 'property', 'owner'], ['notice', 'property', 'owner']]);
  });

  it('exits 2 when the workbook has no NoPL sheet', async () => {
    const { path, configPath, asOf } = await sample((s) => {
      delete (s.sheets as Record<string, unknown>).NoPL;
    });
    const run = await runCli(['factoring', 'nopl', path, '--as-of', asOf, '--config', configPath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no sheet looks like the NoPL sheet (it needs the columns Notice Ref, Property Ref, Owner Ref, Registered On)');
  });
});

describe('housing-ledger factoring writeoffs', () => {
  it('posts nothing before approval and refuses the proposer as approver', async () => {
    const { path, configPath, asOf, dir } = await sample();
    const out = join(dir, 'wo');
    const cli = (...extra: string[]) => runCli(['factoring', 'writeoffs', path, '--as-of', asOf, '--config', configPath, '--out', out, ...extra]);
    const proposed = await cli('--propose', 'OW0004/HC1-4', '--reason', 'Owner sequestrated; no dividend expected', '--by', 'Fiona Reid');
    expect(proposed.code).toBe(0);
    const postings = () => readFileSync(join(out, 'writeoff-postings.csv'), 'utf8').trim().split('\r\n');
    expect(postings()).toEqual(['Owner Ref,Property Ref,Date,Due Date,Type,Amount,Reference,Disputed']);
    const schedule = readFileSync(join(out, 'writeoff-schedule.csv'), 'utf8');
    expect(schedule).toContain('fwo-OW0004-HC1-4-2026-12-31,OW0004,HC1-4,480.00,Owner sequestrated; no dividend expected,29/07/2031,awaiting-approval,Fiona Reid,,,');
    expect(schedule).toContain('01/07/2026 BILL 420.00 due 29/07/2026 Q2-2026 HC1-4 roof (disputed)');

    const self = await cli('--approve', 'fwo-OW0004-HC1-4-2026-12-31', '--by', 'FIONA reid');
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('cannot also approve or reject it');
    expect(postings()).toHaveLength(1);

    const approved = await cli('--approve', 'fwo-OW0004-HC1-4-2026-12-31', '--by', 'Morag Bell');
    expect(approved.code).toBe(0);
    expect(postings()).toEqual(['Owner Ref,Property Ref,Date,Due Date,Type,Amount,Reference,Disputed', 'OW0004,HC1-4,2027-01-05,,WRITEOFF,-480.00,fwo-OW0004-HC1-4-2026-12-31,N']);
    expect(existsSync(join(out, 'factoring-writeoffs.json'))).toBe(true);
  });

  it('refuses to propose writing off an account that owes nothing', async () => {
    const { path, configPath, asOf, dir } = await sample();
    const run = await runCli(['factoring', 'writeoffs', path, '--as-of', asOf, '--config', configPath, '--out', join(dir, 'wo'), '--propose', 'OW0009/WR3-1', '--reason', 'x', '--by', 'Fiona Reid']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('owes nothing on 31/12/2026');
  });
});
