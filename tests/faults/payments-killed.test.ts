/**
 * Issue 10 case 4: a `payments` run killed (SIGKILL, as a power cut) between two of its output
 * renames, at every point of the set (postings, suspense, summary, the folder's marker, the ledger
 * last). The killed run leaves no mixed set presented as complete: the next run finishes or undoes
 * it (saying so), leaves no temporary, backup or journal behind, and the ledger holds the file
 * exactly once, with outputs byte for byte those of an uninterrupted run.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { recoverInterrupted, writeAll } from '../../src/cli/safe-write';
import { join, resolve } from 'node:path';
import { tempDir } from '../support/generated';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'housing-ledger.js');
const ACCOUNTS = join(ROOT, 'assets', 'sample-workbook.xlsx');
const FILE = join(ROOT, 'assets', 'payments', 'allpay-20261201.csv');
const OUTPUTS = ['postings.csv', 'suspense.csv', 'summary.csv'];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

const hash = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
const entries = (ledger: string): string[] => (existsSync(ledger) ? (JSON.parse(readFileSync(ledger, 'utf8')) as { entries: { fileName: string }[] }).entries.map((e) => e.fileName) : []);
/** Hidden leftovers of a write: temporaries, backups, journals. */
const leftovers = (...dirs: string[]): string[] => dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((n) => /\.(tmp|bak)$|^\.hl-writing\./.test(n)) : []));

let clean: Record<string, string>;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  const dir = tempDir();
  const r = await cli(['payments', FILE, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', join(dir, 'out'), '--ledger', join(dir, 'ledger.json')]);
  expect(r.code).toBe(0);
  clean = Object.fromEntries(OUTPUTS.map((n) => [n, hash(join(dir, 'out', n))]));
}, 180_000);

describe('a payments run killed between its output renames', () => {
  it.each([1, 2, 3, 4, 5])('killed after %i rename(s): the next run recovers, the ledger holds the file once', async (renames) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const ledger = join(dir, 'ledger.json');
    const file = join(dir, 'allpay-20261201.csv');
    copyFileSync(FILE, file);
    const args = ['payments', file, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', out, '--ledger', ledger];
    const killed = await cli(args, { NODE_ENV: 'test', HL_TEST_KILL_AFTER_RENAMES: String(renames) });
    expect(killed.signal).toBe('SIGKILL');
    // The ledger is renamed last: before that it does not hold the file, so the file can run again.
    expect(entries(ledger)).toEqual(renames === 5 ? ['allpay-20261201.csv'] : []);
    expect(leftovers(out, dir).length).toBeGreaterThan(0);

    const again = await cli(args);
    if (renames === 5) {
      // The set was whole: the re-run is refused as a re-import, and only the backups are cleared.
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/was stopped just after writing all its outputs; its leftover backups were removed/);
      expect(again.stderr).toMatch(/already imported/);
    } else {
      expect(again.stderr).toMatch(/was stopped while writing its outputs: 0 file\(s\) it had replaced were put back and \d it had added removed/);
      expect(again.code).toBe(0);
    }
    expect(Object.fromEntries(OUTPUTS.map((n) => [n, hash(join(out, n))]))).toEqual(clean);
    expect(entries(ledger)).toEqual(['allpay-20261201.csv']);
    expect(leftovers(out, dir)).toEqual([]);
  }, 60_000);

  it('a re-run over the folder of a run killed while replacing an earlier run (--force) puts the earlier outputs back first', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const other = join(ROOT, 'assets', 'payments', 'allpay-20261202.csv');
    const first = await cli(['payments', other, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', out]);
    expect(first.code).toBe(0);
    const before = Object.fromEntries(OUTPUTS.map((n) => [n, hash(join(out, n))]));
    const killed = await cli(['payments', FILE, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', out, '--force'], { NODE_ENV: 'test', HL_TEST_KILL_AFTER_RENAMES: '2' });
    expect(killed.signal).toBe('SIGKILL');
    // Day 2's postings and suspense are day 1's now, its summary still day 2's: a mixed set...
    expect(hash(join(out, 'summary.csv'))).toBe(before['summary.csv']);
    expect(hash(join(out, 'postings.csv'))).not.toBe(before['postings.csv']);
    // ...which the next run (here, without --force: refused for the folder) first puts back whole.
    const again = await cli(['payments', FILE, '--profile', 'allpay', '--accounts', ACCOUNTS, '--out', out]);
    expect(again.stderr).toMatch(/2 file\(s\) it had replaced were put back/);
    expect(again.code).toBe(2);
    expect(Object.fromEntries(OUTPUTS.map((n) => [n, hash(join(out, n))]))).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  }, 60_000);
});

describe('any command writing into a folder finishes a set killed there first', () => {
  it('a journal of a dead process: what it replaced is put back, what it added removed, its temporaries deleted', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const p = (n: string) => join(dir, n);
    // The killed run had renamed a.csv (replacing the old one, kept as a backup) and new.csv (added);
    // b.csv's temporary was never renamed.
    writeFileSync(p('a.csv'), 'new a');
    writeFileSync(p('.a.csv.bak'), 'old a');
    writeFileSync(p('new.csv'), 'added');
    writeFileSync(p('b.csv'), 'old b');
    writeFileSync(p('.b.csv.tmp'), 'new b');
    const journal = { pid: dead, at: '2026-12-07T01:00:00.000Z', files: [{ path: p('a.csv'), tmp: p('.a.csv.tmp'), bak: p('.a.csv.bak') }, { path: p('new.csv'), tmp: p('.new.csv.tmp'), bak: null }, { path: p('b.csv'), tmp: p('.b.csv.tmp'), bak: p('.b.csv.bak0') }] };
    writeFileSync(p(`.hl-writing.${dead}.json`), JSON.stringify(journal));
    writeAll([{ path: p('other.csv'), data: 'x' }]);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv', 'other.csv']);
    expect(readFileSync(p('a.csv'), 'utf8')).toBe('old a');
    expect(readFileSync(p('b.csv'), 'utf8')).toBe('old b');
  });

  it('a journal of a live process is left alone (that run is still writing)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, `.hl-writing.${process.ppid}.json`), JSON.stringify({ pid: process.ppid, at: '', files: [] }));
    expect(recoverInterrupted(dir)).toEqual([]);
    expect(existsSync(join(dir, `.hl-writing.${process.ppid}.json`))).toBe(true);
  });
});
