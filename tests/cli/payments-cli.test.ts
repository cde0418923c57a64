/**
 * housing-ledger payments and balance-cash on the shipped sample files (assets/payments/, over the
 * rent roll of assets/sample-workbook.xlsx), as a user runs them.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedWorkbook, runCli, tempDir } from '../support/generated';

const ROOT = resolve(__dirname, '..', '..');
const ASSETS = join(ROOT, 'assets', 'payments');
const ACCOUNTS = join(ROOT, 'assets', 'sample-workbook.xlsx');
const SAMPLES: [string, string][] = [
  ['allpay-20261201.csv', 'allpay'],
  ['allpay-20261202.csv', 'allpay'],
  ['allpay-20261203.csv', 'allpay'],
  ['allpay-20261204.csv', 'allpay'],
  ['cash-office-20261201.csv', 'cash-office'],
  ['cash-office-20261202.csv', 'cash-office'],
  ['lloyds-20261201.csv', 'lloyds'],
  ['natwest-20261202.csv', 'natwest'],
];

/** The planted lines of each sample, from assets/payments/README.md (written by the generator). */
function plantedSuspenseLines(file: string): number[] {
  const row = readFileSync(join(ASSETS, 'README.md'), 'utf8').split('\n').find((l) => l.startsWith(`| ${file} |`)) ?? '';
  return [...row.matchAll(/line (\d+) \(/g)].map((m) => Number(m[1]));
}

type PaymentsJson = {
  count: number;
  total: string;
  control: { kind: string; agreed: boolean };
  allocated: { count: number; total: string; repaired: number };
  suspense: { count: number; total: string };
  suspenseItems: { line: number; amount: string; reason: string }[];
  batches: { total: string; allocated: string; suspense: string }[];
};

describe('housing-ledger payments', () => {
  const dir = tempDir();
  const ledger = join(dir, 'ledger.json');

  it.each(SAMPLES)('%s with the %s profile: control agreed, postings and suspense written, planted lines in suspense', async (file, profile) => {
    const out = join(dir, file.replace('.csv', ''));
    const run = await runCli(['payments', join(ASSETS, file), '--profile', profile, '--accounts', ACCOUNTS, '--out', out, '--ledger', ledger, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as PaymentsJson;
    expect(json.control.agreed).toBe(true);
    expect(json.control.kind).toBe(profile === 'allpay' || profile === 'cash-office' ? 'trailer' : 'balance');
    expect(json.suspenseItems.map((s) => s.line)).toEqual(plantedSuspenseLines(file));
    const postings = readFileSync(join(out, 'postings.csv'), 'utf8').trim().split('\r\n');
    const suspense = readFileSync(join(out, 'suspense.csv'), 'utf8').trim().split('\r\n');
    expect(postings[0]).toBe('Account Ref,Date,Amount,Code,Batch Ref');
    expect(suspense[0]).toBe('Item Ref,Date,Amount,Reference,Payer,Narrative,Channel,Reason,Batch Ref,Source File,Source Line');
    expect(postings).toHaveLength(json.allocated.count + 1);
    expect(suspense).toHaveLength(json.suspense.count + 1);
    const pence = (s: string) => Math.round(Number(s) * 100);
    const posted = postings.slice(1).reduce((s, l) => s - pence(l.split(',')[2] as string), 0);
    const held = suspense.slice(1).reduce((s, l) => s + pence(l.split(',')[2] as string), 0);
    expect(posted + held).toBe(pence(json.total));
    for (const l of postings.slice(1)) expect(l).toMatch(/^\d{8},\d\d\/\d\d\/\d{4},-\d+\.\d\d,(ALLPAY|CASH|BANK),[A-Z]{2}\d{8}-[0-9A-F]{6}$/);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8').split('\r\n')[0]).toBe('Date,Channel,Batch Ref,Lines,Total,Allocated Lines,Allocated,Suspense Lines,Suspense,Source File');
    // No card number in clear anywhere in the outputs.
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).not.toMatch(/9826\d{15}/);
  });

  it('the same file a second time is refused with a clear message, and nothing is written', async () => {
    const out = join(dir, 'again');
    const before = readFileSync(ledger, 'utf8');
    const run = await runCli(['payments', join(ASSETS, 'allpay-20261201.csv'), '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', out, '--ledger', ledger]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/allpay-20261201.csv: refused \(1 problem\(s\)\); nothing was imported or written\n {2}allpay-20261201.csv: this file was already imported on 2027-01-05T09:30:00.000Z as allpay-20261201.csv/);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(ledger, 'utf8')).toBe(before);
  });

  it('a payment already imported from another file is refused, naming the line', async () => {
    const lines = readFileSync(join(ASSETS, 'allpay-20261202.csv'), 'utf8').split('\r\n');
    const copy = join(dir, 'allpay-resent.csv');
    writeFileSync(copy, `${[lines[2], lines[0], lines[1], `T,2,${(Number(lines[0]?.split(',')[2]) + Number(lines[1]?.split(',')[2])).toFixed(2)}`].filter((l) => l !== undefined).slice(1).join('\r\n')}\r\n`);
    const run = await runCli(['payments', copy, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', join(dir, 'resent'), '--ledger', ledger]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/allpay-resent.csv, line 1: this payment \(2026-12-02 ref \d+ [\d.]+\) was already imported from allpay-20261202.csv/);
    expect(existsSync(join(dir, 'resent'))).toBe(false);
  });

  it('a bad file exits 2 with the file, line and column, and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    const text = readFileSync(join(ASSETS, 'allpay-20261203.csv'), 'utf8').replace(/,(\s*\d+\.\d\d),D,03\/12\/2026/, ',$15,D,03/12/2026');
    writeFileSync(bad, text);
    const run = await runCli(['payments', bad, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', join(dir, 'bad'), '--ledger', join(dir, 'other-ledger.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad.csv, line 1, column 3: the amount has more than two decimal places; money must be whole pence; found '\d+\.\d\d5'/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
    expect(existsSync(join(dir, 'other-ledger.json'))).toBe(false);
  });

  it('a profile JSON file and a settlement: the settlement must agree', async () => {
    const profilePath = join(dir, 'my-allpay.json');
    writeFileSync(profilePath, JSON.stringify({ name: 'my-allpay', channel: 'ALLPAY', layout: { kind: 'delimited' }, dateFormat: 'dd/mm/yyyy', date: 5, amount: { kind: 'signed', field: 3 }, reference: { from: 'slice', field: 1, start: 11, length: 8 }, card: 1, recordType: { field: 4, values: { D: 'payment' } }, trailer: { field: 1, equals: 'T' }, control: 'settlement' }));
    const file = join(ASSETS, 'allpay-20261204.csv');
    const wrong = await runCli(['payments', file, '--profile', profilePath, '--accounts', ACCOUNTS, '--out', join(dir, 'mine'), '--settlement', '100.00']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/allpay-20261204.csv: the payment lines total 18579.04 \(62 lines\) but the settlement is 100.00; difference 18479.04/);
    const missing = await runCli(['payments', file, '--profile', profilePath, '--accounts', ACCOUNTS, '--out', join(dir, 'mine')]);
    expect(missing.stderr).toMatch(/give the bank statement's credit with --settlement/);
    const right = await runCli(['payments', file, '--profile', profilePath, '--accounts', ACCOUNTS, '--out', join(dir, 'mine'), '--settlement', '18,579.04', '--json']);
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
  });

  it('--config sets the postings columns, codes, sign and date format', async () => {
    const cfg = join(dir, 'payments.json');
    writeFileSync(cfg, JSON.stringify({ postings: { columns: [{ header: 'Tenancy', value: 'account' }, { header: 'Paid', value: 'date' }, { header: 'Value', value: 'amount' }, { header: 'Tran', value: 'code' }, { header: 'Batch', value: 'batch' }, { header: 'Ref Given', value: 'reference' }], codes: { CASH: 'CSH' }, amountSign: 'receipt-positive', dateFormat: 'yyyy-mm-dd' } }));
    const out = join(dir, 'configured');
    const run = await runCli(['payments', join(ASSETS, 'cash-office-20261202.csv'), '--profile', 'cash-office', '--accounts', ACCOUNTS, '--out', out, '--config', cfg]);
    expect(run.stderr).toBe('');
    const lines = readFileSync(join(out, 'postings.csv'), 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Tenancy,Paid,Value,Tran,Batch,Ref Given');
    expect(lines[1]).toMatch(/^\d{8},2026-12-02,\d+\.\d\d,CSH,CO20261202-[0-9A-F]{6},\d+$/);
    writeFileSync(cfg, JSON.stringify({ postings: { amountSign: 'backwards' } }));
    const bad = await runCli(['payments', join(ASSETS, 'cash-office-20261202.csv'), '--profile', 'cash-office', '--accounts', ACCOUNTS, '--out', join(dir, 'bad-config'), '--config', cfg]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/payments.json: the config is not valid\n {2}postings.amountSign: /);
  });

  it('a rent roll with a bad cell exits 2 naming the sheet, row and column', async () => {
    const { path, dir: d } = await generatedWorkbook({ seed: 3, accounts: 40, period: '2026-12' }, (m) => {
      const roll = m.sheets.find((s) => s.role === 'rentRoll');
      if (!roll) throw new Error('no roll');
      const header = roll.rows[roll.headerRow - 1] ?? [];
      const col = header.findIndex((c) => c === 'Weekly Charge');
      (roll.rows[roll.headerRow + 2] as unknown[])[col] = 'ten pounds';
    });
    const run = await runCli(['payments', join(ASSETS, 'allpay-20261201.csv'), '--profile', 'allpay', '--accounts', path, '--out', join(d, 'o')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/month.xlsx: 1 problem\(s\) in the rent roll; nothing was imported or written\n {2}month.xlsx, sheet 'Rent Roll', row \d+, column [A-Z] \(Weekly Charge\): the amount is not a number of pounds/);
    expect(existsSync(join(d, 'o'))).toBe(false);
  });

  it('bad arguments exit 2', async () => {
    expect((await runCli(['payments', join(ASSETS, 'allpay-20261201.csv'), '--profile', 'nosuch', '--accounts', ACCOUNTS, '--out', dir])).stderr).toMatch(/--profile nosuch: not a shipped profile \(allpay, lloyds, natwest, cash-office\)/);
    expect((await runCli(['payments', join(ASSETS, 'allpay-20261201.csv'), '--profile', 'allpay', '--out', dir])).code).toBe(2);
    expect((await runCli(['payments', join(ASSETS, 'allpay-20261201.csv'), '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', dir, '--settlement', '1.005'])).stderr).toMatch(/--settlement 1.005: expected an amount/);
  });
});

describe('housing-ledger balance-cash', () => {
  it('finds the planted missing and short settlements of the sample statement, and carries them forward', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.json');
    for (const [file, profile] of SAMPLES.filter(([, p]) => p === 'allpay' || p === 'cash-office')) {
      const r = await runCli(['payments', join(ASSETS, file), '--profile', profile, '--accounts', ACCOUNTS, '--out', join(dir, file), '--ledger', ledger]);
      expect(r.code).toBe(0);
    }
    const readme = readFileSync(join(ASSETS, 'README.md'), 'utf8');
    const missing = /missing: the (\w+) settlement of (\S+) \(([\d.]+)\)/.exec(readme);
    const short = /short: the (\w+) settlement of (\S+) is (\d+\.\d\d) instead of (\d+\.\d\d)/.exec(readme);
    const out = join(dir, 'cash');
    const run = await runCli(['balance-cash', '--statement', join(ASSETS, 'settlements-statement.csv'), '--ledger', ledger, '--as-of', '2026-12-14', '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { rows: { channel: string; date: string; status: string; difference: string }[]; open: unknown[] };
    const bad = json.rows.filter((r) => r.status !== 'agreed').map((r) => [r.status, r.channel, r.date, r.difference]);
    expect(bad).toEqual(
      expect.arrayContaining([
        ['missing', missing?.[1], missing?.[2], missing?.[3]],
        ['short', short?.[1], short?.[2], (Number(short?.[4]) - Number(short?.[3])).toFixed(2)],
      ]),
    );
    expect(bad).toHaveLength(2);
    expect(json.rows.filter((r) => r.status === 'agreed')).toHaveLength(4);
    expect(readFileSync(join(out, 'cash-balance.csv'), 'utf8').split('\r\n')[0]).toBe('Channel,Date,Batch Refs,Receipts Posted,Credited,Difference,Status,Credit Date,Credit,Age (days),Brought Forward');
    expect(existsSync(join(out, 'cash-balance.xlsx'))).toBe(true);

    // The next statement brings the missing settlement: the carried item clears.
    const next = join(dir, 'next.csv');
    writeFileSync(next, `Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\r\n15/12/2026,BGC,'30-94-57,12345678,ALLPAY LTD SETTLEMENT LATE,,${missing?.[3]},${missing?.[3]}\r\n`);
    copyFileSync(join(out, 'open-items.json'), join(dir, 'carried.json'));
    const second = await runCli(['balance-cash', '--statement', next, '--ledger', ledger, '--as-of', '2026-12-16', '--from', '2026-12-15', '--carried', join(dir, 'carried.json'), '--out', join(dir, 'cash2'), '--config', writeConfig(dir), '--json']);
    expect(second.stderr).toBe('');
    const j2 = JSON.parse(second.stdout) as { rows: { status: string; date: string }[]; open: { date: string }[] };
    expect(j2.rows.filter((r) => r.status === 'cleared').map((r) => r.date)).toEqual([missing?.[2]]);
    expect(j2.open.map((o) => o.date)).toEqual([short?.[2]]);
  });
});

function writeConfig(dir: string): string {
  const p = join(dir, 'cash.json');
  writeFileSync(p, JSON.stringify({ settlements: [{ channel: 'ALLPAY', pattern: '^ALLPAY', lagDays: 20 }, { channel: 'CASH', pattern: '^CASH OFFICE', lagDays: 5 }] }));
  return p;
}
