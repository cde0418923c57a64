/**
 * Issue 10 cases 1 and 4 (items 1 and 6): no output may be an input, a config, a ledger or another
 * output of the same run (links followed); a run's outputs are all or nothing; an --out folder
 * holding another run's outputs is refused unless --force. Each case asserts the exit code, the
 * message, and every file untouched by hash.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../support/generated';

const ROOT = resolve(__dirname, '..', '..');
const ASSETS = join(ROOT, 'assets', 'payments');
const SAMPLE = join(ROOT, 'assets', 'sample-workbook.xlsx');

const hash = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');
/** Every file under a folder with its hash (temporaries included, so one left behind shows). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else if (e.isFile()) out[`${rel}${e.name}`] = hash(p);
      else out[`${rel}${e.name}`] = 'link';
    }
  };
  walk(dir, '');
  return out;
}

function setup(): { dir: string; wb: string; allpay: string; allpay2: string } {
  const dir = tempDir();
  const wb = join(dir, 'W.xlsx');
  copyFileSync(SAMPLE, wb);
  const allpay = join(dir, 'allpay-20261201.csv');
  copyFileSync(join(ASSETS, 'allpay-20261201.csv'), allpay);
  const allpay2 = join(dir, 'allpay-20261202.csv');
  copyFileSync(join(ASSETS, 'allpay-20261202.csv'), allpay2);
  return { dir, wb, allpay, allpay2 };
}

describe('match-suspense never writes over its inputs, and writes its outputs as one set', () => {
  it.each([
    ['--csv W.xlsx', ['--csv', 'W.xlsx'], /--csv .*W\.xlsx is an input \(the workbook/],
    ['--ageing W.xlsx', ['--ageing', 'W.xlsx'], /--ageing .*W\.xlsx is an input \(the workbook/],
    ['--csv the config', ['--config', 'cfg.json', '--csv', 'cfg.json'], /--csv .*cfg\.json is the config/],
    ['--csv and --ageing one file', ['--csv', 'j.csv', '--ageing', 'j.csv'], /is another output of this run/],
    ['--csv a link to the workbook', ['--csv', 'link.csv'], /--csv .*link\.csv is an input \(the workbook/],
  ])('%s: exit 2, named, nothing changed', async (_name, flags, message) => {
    const { dir, wb } = setup();
    writeFileSync(join(dir, 'cfg.json'), readFileSync(join(ROOT, 'assets', 'sample-config.json')));
    symlinkSync(wb, join(dir, 'link.csv'));
    const before = snapshot(dir);
    const args = flags.map((f) => (f.startsWith('--') ? f : join(dir, f)));
    const r = await runCli(['match-suspense', wb, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/nothing was read or written/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--out X.xlsx --csv nodir/j.csv: exit 2 and no X.xlsx either', async () => {
    const { dir, wb } = setup();
    const before = snapshot(dir);
    const r = await runCli(['match-suspense', wb, '--out', join(dir, 'X.xlsx'), '--csv', join(dir, 'nodir', 'j.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/j\.csv: cannot be written/);
    expect(existsSync(join(dir, 'X.xlsx'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('payments: outputs, the ledger and the --out folder', () => {
  const base = (s: ReturnType<typeof setup>, out: string, file = s.allpay): string[] => ['payments', file, '--profile', 'allpay', '--accounts', s.wb, '--out', out, '--ledger', join(s.dir, 'ledger.json')];

  it('a payment file named postings.csv inside the --out folder is refused, not overwritten', async () => {
    const s = setup();
    mkdirSync(join(s.dir, 'out'));
    const inside = join(s.dir, 'out', 'postings.csv');
    copyFileSync(s.allpay, inside);
    const before = snapshot(s.dir);
    const r = await runCli(base(s, join(s.dir, 'out'), inside));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*postings\.csv is an input \(the payment file/);
    expect(snapshot(s.dir)).toEqual(before);
  });

  it('--ledger the payment file, or an output, is refused', async () => {
    const s = setup();
    const before = snapshot(s.dir);
    const r = await runCli(['payments', s.allpay, '--profile', 'allpay', '--accounts', s.wb, '--out', join(s.dir, 'out'), '--ledger', s.allpay]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ledger .*allpay-20261201\.csv is an input \(the payment file/);
    const r2 = await runCli(['payments', s.allpay, '--profile', 'allpay', '--accounts', s.wb, '--out', s.dir, '--ledger', join(s.dir, 'summary.csv')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/summary\.csv is (the ledger|another output)/);
    expect(snapshot(s.dir)).toEqual(before);
  });

  it('reusing one --out folder for a second day is refused unless --force; day 1 is kept', async () => {
    const s = setup();
    const out = join(s.dir, 'out');
    expect((await runCli(base(s, out))).code).toBe(0);
    const before = snapshot(s.dir);
    const r = await runCli(base(s, out, s.allpay2));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*out already holds postings\.csv, suspense\.csv, summary\.csv from another payments run \(allpay-20261201\.csv/);
    expect(r.stderr).toMatch(/--force/);
    expect(snapshot(s.dir)).toEqual(before);
    const forced = await runCli([...base(s, out, s.allpay2), '--force']);
    expect(forced.code).toBe(0);
    expect(hash(join(out, 'postings.csv'))).not.toBe(before['out/postings.csv']);
  });

  it('files of the output names that no run wrote are refused too', async () => {
    const s = setup();
    const out = join(s.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.csv'), 'my own notes\n');
    const before = snapshot(s.dir);
    const r = await runCli(base(s, out));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds summary\.csv, not written by this run/);
    expect(snapshot(s.dir)).toEqual(before);
  });

  it('--ledger in a folder that does not exist: exit 2 and no CSV written either', async () => {
    const s = setup();
    const before = snapshot(s.dir);
    const r = await runCli(['payments', s.allpay, '--profile', 'allpay', '--accounts', s.wb, '--out', join(s.dir, 'out'), '--ledger', join(s.dir, 'nodir', 'l.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ledger .*nodir\/l\.json: its folder does not exist; nothing was imported or written/);
    expect(snapshot(s.dir)).toEqual({ ...before });
  });
});

describe('balance-cash', () => {
  it('--carried the open items of the --out folder is refused, not overwritten', async () => {
    const s = setup();
    const out = join(s.dir, 'out');
    mkdirSync(out);
    const carried = join(out, 'open-items.json');
    writeFileSync(carried, JSON.stringify({ format: 'x' }));
    writeFileSync(join(s.dir, 'ledger.json'), '{}');
    const before = snapshot(s.dir);
    const r = await runCli(['balance-cash', '--statement', join(ASSETS, 'natwest-20261202.csv'), '--ledger', join(s.dir, 'ledger.json'), '--as-of', '2026-12-05', '--out', out, '--carried', carried]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*open-items\.json is an input \(--carried/);
    expect(snapshot(s.dir)).toEqual(before);
  });
});
