/** The Pay.UK modulus rules against the specification's published test cases, and bank-check as a user runs it. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBankDetails } from '../../src/engine/dd/modulus';
import { parseModulusTables } from '../../src/engine/dd/modulus-data';
import { runCli, tempDir } from '../support/generated';

const ROOT = resolve(__dirname, '..', '..');
const DATA = join(ROOT, 'assets', 'dd');
const { tables, issues } = parseModulusTables(readFileSync(join(DATA, 'valacdos-v7-90.txt'), 'utf8'), readFileSync(join(DATA, 'scsubtab.txt'), 'utf8'));

const CASES = readFileSync(join(ROOT, 'tests', 'fixtures', 'modulus', 'vocalink-test-cases-part.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => {
    const [c, sortCode, account, expected, ...rest] = l.split(',');
    return { c: Number(c), sortCode: sortCode as string, account: account as string, expected: expected === 'valid', description: rest.join(',') };
  });

describe('modulus checking (Pay.UK specification)', () => {
  it('reads every line of the shipped data', () => {
    expect(issues).toEqual([]);
    expect(tables.rows.length).toBeGreaterThan(1000);
    expect(tables.substitutions.size).toBeGreaterThan(10);
  });

  it('has the published cases to test', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('case $c $sortCode $account: $description', ({ sortCode, account, expected }) => {
    expect(checkBankDetails(tables, sortCode, account).valid).toBe(expected);
  });

  it('a one-digit change to a valid account fails the check', () => {
    expect(checkBankDetails(tables, '089999', '66374958').valid).toBe(true);
    expect(checkBankDetails(tables, '08-99-99', '66374968').valid).toBe(false);
  });

  it.each([
    ['12345', '12345678', 'sort code'],
    ['089999', '12ab5678', 'account number'],
    ['', '', 'sort code'],
    ['089999', '1234567890', 'account number'],
  ])('malformed %s %s is a result with its reason', (s, a, word) => {
    const r = checkBankDetails(tables, s, a);
    expect(r.valid).toBe(false);
    expect(r.reason).toContain(word);
  });

  it('pads a 7-digit account number with a leading zero', () => {
    expect(checkBankDetails(tables, '180002', '0000190').account).toBe('00000190');
  });

  it('exception 5 substitutes the sort code from scsubtab (the table is read, not built in)', () => {
    // 938600 is listed in scsubtab (-> 938611); 42368003 passes only with the substitution.
    const bare = parseModulusTables(readFileSync(join(DATA, 'valacdos-v7-90.txt'), 'utf8'), '').tables;
    expect(tables.substitutions.get('938600')).toBe('938611');
    expect(checkBankDetails(tables, '938600', '42368003').valid).toBe(true);
    expect(checkBankDetails(bare, '938600', '42368003').valid).toBe(false);
  });
});

describe('housing-ledger bank-check', () => {
  it('checks one pair and prints the result as JSON', async () => {
    const r = await runCli(['bank-check', '08-99-99', '66374958', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ results: [{ sortCode: '089999', account: '66374958', valid: true, reason: expect.any(String) }] });
  });

  it('exits 1 for an invalid pair and says why in text', async () => {
    const r = await runCli(['bank-check', '089999', '66374959']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/089999 66374959 INVALID: fails the modulus check/);
  });

  it('checks a file of pairs; malformed lines are results, not errors', async () => {
    const dir = tempDir();
    const f = join(dir, 'pairs.csv');
    writeFileSync(f, 'sort_code,account_number\r\n08-99-99,66374958\r\n107999,88837491\r\nABCDEF,1\r\n089999\r\n');
    const r = await runCli(['bank-check', '--file', f, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { results: { sortCode: string; valid: boolean; reason: string }[] };
    expect(out.results.map((x) => x.valid)).toEqual([true, true, false, false]);
    expect(out.results[3]?.reason).toMatch(/line 5/);
  });

  it('an unreadable file or one without the header exits 2 with a message', async () => {
    const dir = tempDir();
    const missing = await runCli(['bank-check', '--file', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read/);
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'a,b\n1,2\n');
    const bad = await runCli(['bank-check', '--file', f]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 1: expected a header/);
  });

  it('--data DIR uses another copy of the tables without a rebuild', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    // A newer table that gives sort code 089999 a modulus 11 check the account does not pass.
    writeFileSync(join(dir, 'data', 'valacdos-v9-99.txt'), '089999 089999 MOD11    0    0    0    0    0    0    8    7    6    5    4    3    2    1\r\n');
    writeFileSync(join(dir, 'data', 'scsubtab.txt'), '');
    const shipped = await runCli(['bank-check', '089999', '66374958', '--json']);
    const replaced = await runCli(['bank-check', '089999', '66374958', '--json', '--data', join(dir, 'data')]);
    expect(JSON.parse(shipped.stdout).results[0].valid).toBe(true);
    expect(JSON.parse(replaced.stdout).results[0].valid).toBe(false);
  });
});
