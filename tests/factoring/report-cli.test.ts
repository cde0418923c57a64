/**
 * `housing-ledger factoring report` refusing what it must (issue 16): a bad budget row stops it with
 * the row and column named and nothing written; the output is never the workbook it reads; --month
 * and --out are required; without a factoring config it still reports, and says the fees are nil.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';

let dir = '';
let book = '';

beforeAll(async () => {
  dir = tempDir();
  const s = generateFactoring();
  book = join(dir, 'f.xlsx');
  await writeFactoringXlsx(s, book);
  writeFileSync(join(dir, 'c.json'), JSON.stringify(s.config));
}, 60_000);

describe('factoring report on the command line', () => {
  it('names each bad budget row and column, exits 2 and writes nothing', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'Line,Month,Amount\nStaff,2026-04,250\nStaff,2026-13,250\nStaff,2026-05,2.505\n');
    const out = join(dir, 'bad.xlsx');
    const r = await runCli(['factoring', 'report', book, '--month', '2026-12', '--budget', join(dir, 'bad.csv'), '--config', join(dir, 'c.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.csv, row 3, column B (Month): expected a month as YYYY-MM, e.g. 2026-04; found '2026-13'");
    expect(r.stderr).toContain("bad.csv, row 4, column C (Amount)");
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write over the workbook it reads', async () => {
    const before = readFileSync(book);
    const r = await runCli(['factoring', 'report', book, '--month', '2026-12', '--out', book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .* is an input/);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it.each([
    [['--out', 'x.xlsx'], /needs --month/],
    [['--month', '2026-12'], /needs --out/],
    [['--month', 'Dec 2026', '--out', 'x.xlsx'], /--month.*expected a month as YYYY-MM/],
  ])('needs a month and an output: %j', async (args, message) => {
    const r = await runCli(['factoring', 'report', book, ...args.map((a) => (a === 'x.xlsx' ? join(dir, a) : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('without a factoring config reports the rest and says the fees are nil', async () => {
    const out = join(dir, 'plain.xlsx');
    const r = await runCli(['factoring', 'report', book, '--month', '2026-12', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no factoring object: .*management fees, admin fees and recharges are nil/);
    expect(r.stdout).toMatch(/own income £25.00/); // the late payment FEE only
    expect(existsSync(out)).toBe(true);
  });
});
