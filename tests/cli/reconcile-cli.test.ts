/**
 * The CLI against the contract, on workbooks the generator makes: its figures must equal the
 * generator's own record of what it made and planted.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPence, type Pence } from '../../src/engine/money';
import type { GeneratedMonth, LayoutOptions } from '../../tools/sample/generate';
import { generatedWorkbook, runCli } from '../support/generated';

const BASE = { seed: 7, accounts: 150, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'] } as const;
const m = (p: Pence): string => formatPence(p);

type Json = Record<string, unknown> & {
  hms: Record<string, string>;
  gl: Record<string, string>;
  difference: string;
  components: { category: string; hms: string; gl: string; difference: string }[];
  unmatchedBatches: { side: string; date: string; category: string; amount: string }[];
  accountExceptions: { account: string; kind: string; expected: string; actual: string }[];
  suspense: Record<string, string>;
  reconcilingItems: { type: string; amount: string; origin: string }[];
  status: string;
};

function expectMatchesOracle(json: Json, month: GeneratedMonth): void {
  const e = month.expected;
  expect(json.hms).toEqual({ opening: m(e.hms.opening), transactions: m(e.hms.transactions), calculatedClosing: m(e.hms.calculatedClosing), reportedClosing: m(e.hms.reportedClosing) });
  expect(json.gl).toEqual({ opening: m(e.gl.opening), movement: m(e.gl.movement), closing: m(e.gl.closing) });
  expect(json.difference).toBe(m(e.difference));
  expect(json.components).toEqual(e.components.map((c) => ({ category: c.category, hms: m(c.hms), gl: m(c.gl), difference: m(c.difference) })));
  const key = (b: { side: string; date: string; category: string; amount: string }) => `${b.side} ${b.date} ${b.category} ${b.amount}`;
  expect(json.unmatchedBatches.map(key).sort()).toEqual(e.unmatchedBatches.map((b) => key({ ...b, amount: m(b.amount) })).sort());
  const ex = (x: { account: string; kind: string; expected: string; actual: string }) => `${x.account} ${x.kind} ${x.expected} ${x.actual}`;
  expect(json.accountExceptions.map(ex).sort()).toEqual(e.accountExceptions.map((x) => ex({ ...x, expected: m(x.expected), actual: m(x.actual) })).sort());
  expect(json.suspense).toMatchObject({ glBalance: m(e.suspense.glBalance), itemsTotal: m(e.suspense.itemsTotal), difference: m(e.suspense.difference) });
  expect(json.reconcilingItems.filter((i) => i.origin === 'suggested').map((i) => i.amount)).toEqual(e.timingSuggestions.map((t) => m(t.amount)));
}

describe('housing-ledger reconcile --json', () => {
  it('finds every planted discrepancy, with the figures the generator recorded', async () => {
    const { month, path, configPath } = await generatedWorkbook(BASE);
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1); // exactly one JSON object
    const json = JSON.parse(lines[0] as string) as Json;
    expectMatchesOracle(json, month);
    expect(json.status).toBe('NOT BALANCED');
    expect(new Set(month.plants.map((p) => p.kind)).size).toBe(10);
    // money is always a decimal string with two decimals
    const moneyish = JSON.stringify(json).match(/"(opening|transactions|calculatedClosing|reportedClosing|movement|closing|difference|hms|gl|amount|expected|actual|glBalance|itemsTotal)":"[^"]*"/g) ?? [];
    expect(moneyish.length).toBeGreaterThan(20);
    for (const kv of moneyish) expect(kv).toMatch(/:"-?\d+\.\d{2}"$/);
  });

  it('a clean month balances to the penny with nothing to report', async () => {
    const { month, path, configPath } = await generatedWorkbook({ ...BASE, seed: 11, plants: 'none' });
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--json']);
    const json = JSON.parse(run.stdout) as Json;
    expectMatchesOracle(json, month);
    expect(json).toMatchObject({ difference: '0.00', unexplained: '0.00', status: 'BALANCED', unmatchedBatches: [], accountExceptions: [] });
  });

  const variations: [string, LayoutOptions][] = [
    ['title rows above the header', { titleRows: 3 }],
    ['header synonyms', { useSynonyms: true }],
    ['shuffled and extra columns', { shuffleColumns: true, extraColumns: true }],
    ['dates typed as day-first text', { textDates: true }],
    ['a GL account code stored as a number', { glAccountAsNumber: true }],
    ["the landlord's own transaction codes", { landlordCodes: true }],
    ['an extra empty sheet', { extraEmptySheet: true }],
    ['all of them at once', { titleRows: 2, useSynonyms: true, shuffleColumns: true, extraColumns: true, textDates: true, glAccountAsNumber: true, landlordCodes: true, extraEmptySheet: true }],
  ];
  it.each(variations)('%s gives the same figures as clean input', async (_name, layout) => {
    const plain = await generatedWorkbook(BASE);
    const varied = await generatedWorkbook({ ...BASE, layout });
    const a = JSON.parse((await runCli(['reconcile', plain.path, '--period', '2026-12', '--config', plain.configPath, '--json'])).stdout) as Json;
    const run = await runCli(['reconcile', varied.path, '--period', '2026-12', '--config', varied.configPath, '--json']);
    expect(run.stderr).toBe('');
    const b = JSON.parse(run.stdout) as Json;
    expectMatchesOracle(b, varied.month);
    for (const k of ['hms', 'gl', 'difference', 'components', 'suspense', 'status'] as const) expect(b[k]).toEqual(a[k]);
    // leading zeros survive
    expect(b.accountExceptions.every((x) => /^0\d{7}$/.test(x.account))).toBe(true);
  });
});

describe('bad input: exit 2, every problem located, nothing written', () => {
  const rowOf = (month: GeneratedMonth, sheet: string, n: number) => {
    const s = month.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(sheet);
    return s.rows[n] as unknown[];
  };
  const cases: [string, (month: GeneratedMonth) => void, RegExp[]][] = [
    ['a text amount', (mo) => void (rowOf(mo, 'Transactions', 5)[3] = 'ten pounds'), [/month\.xlsx, sheet 'Transactions', row 6, column D \(Amount\): the amount is not a number.*found 'ten pounds'/]],
    ['31/13/2026', (mo) => void (rowOf(mo, 'Transactions', 2)[0] = '31/13/2026'), [/month\.xlsx, sheet 'Transactions', row 3, column A \(Date\): not a valid date.*found '31\/13\/2026'/]],
    ['#N/A in a balance', (mo) => void (rowOf(mo, 'Rent Roll', 4)[9] = { error: '#N/A' }), [/sheet 'Rent Roll', row 5, column J \(Closing Balance\): the cell holds a spreadsheet error.*found '#N\/A'/]],
    ['a duplicate account', (mo) => void (rowOf(mo, 'Rent Roll', 9)[0] = rowOf(mo, 'Rent Roll', 3)[0]), [/sheet 'Rent Roll', row 10, column A \(Account Ref\): the account \d+ appears twice on the rent roll \(first at row 4\)/]],
    [
      'a missing column',
      (mo) => {
        const s = mo.sheets.find((x) => x.name === 'GL');
        for (const r of s?.rows ?? []) r.splice(6, 1);
      },
      [/sheet 'GL', row 1, column G \(Credit\): the GL sheet has no column for Credit/],
    ],
    [
      'two problems at once are both reported',
      (mo) => {
        rowOf(mo, 'Transactions', 5)[3] = 'x';
        rowOf(mo, 'GL', 3)[5] = '12.345';
      },
      [/sheet 'Transactions', row 6, column D/, /sheet 'GL', row 4, column F \(Debit\): the amount has more than two decimal places/],
    ],
  ];
  it.each(cases)('%s', async (_name, damage, messages) => {
    const { path, configPath, dir } = await generatedWorkbook(BASE, damage);
    const out = join(dir, 'audit.xlsx');
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--out', out, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const re of messages) expect(run.stderr).toMatch(re);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['reconcile', 'nope.xlsx', '--period', '2026-12'], /nope\.xlsx: no such file/],
    [['reconcile', 'x.xlsx', '--period', '12/2026'], /--period 12\/2026: expected a month as YYYY-MM/],
    [['reconcile', 'x.xlsx'], /needs --period/],
    [['reconcile', 'x.xlsx', '--period', '2026-12', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%p', async (args, message) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a config that is not valid names the file and the key', async () => {
    const { path, dir } = await generatedWorkbook(BASE);
    const cfg = join(dir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ rentYearStart: '2026-04-07' }));
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', cfg]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: the config is not valid\n\s+rentYearStart: not a Monday/);
  });

  it('refuses to write over the input workbook', async () => {
    const { path, configPath } = await generatedWorkbook(BASE);
    const before = readFileSync(path);
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--out', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is the input workbook/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('the human summary and --help', () => {
  it('prints the roll-forward, the status and where the audit workbook went', async () => {
    const { path, configPath, dir } = await generatedWorkbook(BASE);
    const out = join(dir, 'audit.xlsx');
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Opening balance \(rent roll\)\s+-?£[\d,]+\.\d{2}/);
    expect(run.stdout).toMatch(/Status: NOT BALANCED/);
    expect(run.stdout).toMatch(/Audit workbook written: .*audit\.xlsx/);
    expect(existsSync(out)).toBe(true);
  });

  it('--out adds the clearance journal and the suspense ageing as of the period end, not the day it runs', async () => {
    const { path, configPath, dir } = await generatedWorkbook(BASE);
    const out = join(dir, 'audit.xlsx');
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--out', out], new Date('2027-03-02T09:00:00Z'));
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name).slice(-2)).toEqual(['HL Clearance journal', 'HL Suspense ageing']);
    const asOf = wb.getWorksheet('HL Suspense ageing')?.getCell('B2').value;
    expect(asOf instanceof Date && asOf.toISOString().slice(0, 10)).toBe('2026-12-31');
  });

  it('--help lists both commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/reconcile WORKBOOK\.xlsx --period YYYY-MM/);
    expect(run.stdout).toMatch(/match-suspense WORKBOOK\.xlsx/);
  });
});
