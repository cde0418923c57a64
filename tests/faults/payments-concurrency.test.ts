/**
 * Issue 10 case 2 / item 2: the ledger file under concurrency, with real child processes
 * (bin/housing-ledger.js). Two `payments` runs at once against one --ledger never lose an entry
 * nor post a file twice; a stale lock is reported and taken over; a live one makes the second run
 * exit 2 saying another import is running, with nothing written.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { tempDir } from '../support/generated';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'housing-ledger.js');
const ASSETS = join(ROOT, 'assets', 'payments');
const ACCOUNTS = join(ROOT, 'assets', 'sample-workbook.xlsx');

interface Run {
  code: number | null;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => done({ code, stderr }));
  });
}

const entries = (ledger: string): { fileName: string; fileHash: string }[] => (existsSync(ledger) ? (JSON.parse(readFileSync(ledger, 'utf8')) as { entries: { fileName: string; fileHash: string }[] }).entries : []);
const payments = (file: string, out: string, ledger: string): string[] => ['payments', file, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', out, '--ledger', ledger];

beforeAll(() => {
  // The child processes run the built CLI: build it from this tree's sources.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
}, 120_000);

describe('two payments runs at once against one ledger', () => {
  it('over 20 trials: no entry lost, no file posted twice', async () => {
    const a = join(ASSETS, 'allpay-20261201.csv');
    const b = join(ASSETS, 'allpay-20261202.csv');
    for (let trial = 0; trial < 20; trial++) {
      const dir = tempDir();
      const ledger = join(dir, 'ledger.json');
      // Even trials: two different files; odd trials: the same file twice.
      const second = trial % 2 === 0 ? b : a;
      const [r1, r2] = await Promise.all([cli(payments(a, join(dir, 'o1'), ledger)), cli(payments(second, join(dir, 'o2'), ledger))]);
      for (const r of [r1, r2]) {
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/another import is running|already imported/);
      }
      const held = entries(ledger);
      const succeeded = [r1, r2].filter((r) => r.code === 0).length;
      // Every run that said it posted is in the ledger, and no file is in it twice.
      expect(held).toHaveLength(succeeded);
      expect(new Set(held.map((e) => e.fileHash)).size).toBe(held.length);
      if (trial % 2 === 0) expect(succeeded).toBe(2);
      else expect(succeeded).toBe(1);
      expect(existsSync(`${ledger}.lock`)).toBe(false);
    }
  }, 600_000);
});

describe('the lock file', () => {
  it('a lock left by a dead process is reported and taken over', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.json');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(`${ledger}.lock`, JSON.stringify({ pid: dead, host: hostname(), at: new Date().toISOString(), token: 'x' }));
    const r = await cli(payments(join(ASSETS, 'allpay-20261201.csv'), join(dir, 'out'), ledger));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`ledger\\.json\\.lock was a stale lock \\(its process ${dead} is no longer running\\); taken over`));
    expect(entries(ledger)).toHaveLength(1);
    expect(existsSync(`${ledger}.lock`)).toBe(false);
  }, 60_000);

  it('a live lock: the second run waits, then exits 2 saying another import is running, nothing written', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.json');
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'README.md'), join(dir, 'keep.md'));
    writeFileSync(ledger, `${JSON.stringify({ format: 'housing-ledger/import-ledger', version: 1, entries: [] })}\n`);
    const at = new Date().toISOString();
    writeFileSync(`${ledger}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), at, token: 'x' }));
    const before = createHash('sha256').update(readFileSync(ledger)).digest('hex');
    const r = await cli(payments(join(ASSETS, 'allpay-20261201.csv'), join(dir, 'out'), ledger), { HOUSING_LEDGER_LOCK_WAIT_MS: '500' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ledger.json: another import is running (process ${process.pid} since ${at}); nothing was imported or written`);
    expect(createHash('sha256').update(readFileSync(ledger)).digest('hex')).toBe(before);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(`${ledger}.lock`)).toBe(true);
  }, 60_000);
});
