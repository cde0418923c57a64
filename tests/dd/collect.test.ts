/** dd collect: the day's Bacs file from the mandate register, as the coordinator runs it. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type IsoDate } from '../../src/engine/dates';
import { runDdCollect, type DdCollectInput } from '../../src/engine/jobs/dd-collect';
import { checkStandard18 } from '../../src/engine/dd/standard18-check';
import { addWorkingDays, isWorkingDay, parseHolidays } from '../../src/engine/dd/working-days';
import { formatPence, type Pence } from '../../src/engine/money';
import type { Tenancy } from '../../src/engine/records';
import { answerDd } from '../../src/worker/dd-handle';
import { runCli, tempDir } from '../support/generated';
import { bankDetailsFor, DD_ASSETS, sampleDd, SAMPLE_WORKBOOK } from './support/sample-register';

const HOLIDAYS = readFileSync(join(DD_ASSETS, 'bank-holidays-england-and-wales.txt'), 'utf8');
const { calendar } = parseHolidays(HOLIDAYS);
const MODULUS = { valacdos: readFileSync(join(DD_ASSETS, 'valacdos-v7-90.txt'), 'utf8'), scsubtab: readFileSync(join(DD_ASSETS, 'scsubtab.txt'), 'utf8') };
const HEADER = 'Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection,Notice Sent';

function run(register: string, processingDay: string, extra: Partial<DdCollectInput> = {}) {
  return runDdCollect({
    register: { kind: 'csv', text: register },
    processingDay,
    sun: '123456',
    originator: '20-00-00:55779911',
    serviceUserName: 'Riverside Homes',
    modulus: MODULUS,
    holidays: HOLIDAYS,
    rentRoll: null,
    representations: [],
    fileNumber: 1,
    ...extra,
  });
}

const b1 = bankDetailsFor('00100001', 0);
const b2 = bankDetailsFor('00100002', 1);
/** One mandate line; `over` replaces columns by header. */
function line(over: Record<string, string>): string {
  const base: Record<string, string> = {
    'Account Ref': '00100001',
    'Payer Name': 'Ann Payer',
    'Sort Code': b1.sortCode,
    'Account Number': b1.account,
    'DDI Reference': 'HL00100001',
    Amount: '120.00',
    Frequency: 'weekly',
    'Collection Day': '',
    Status: 'live',
    'Lodged On': '01/09/2026',
    'First Collection': '09/10/2026',
    'Notice Sent': '',
    ...over,
  };
  return HEADER.split(',')
    .map((h) => base[h] ?? '')
    .join(',');
}

describe('dd collect: a month of the sample workbook DD payers', () => {
  it('collects every December DD receipt of the sample workbook on its day, every file passing dd check', async () => {
    const sample = await sampleDd();
    expect(readFileSync(join(DD_ASSETS, 'sample-mandates.csv'), 'utf8')).toBe(sample.csv);
    const got: string[] = [];
    let files = 0;
    for (let d = '2026-11-27' as IsoDate; d <= '2026-12-30'; d = addDays(d, 1)) {
      if (!isWorkingDay(calendar, d)) continue;
      const r = run(sample.csv, d);
      expect(r.problems).toEqual([]);
      expect(r.heldBack).toEqual([]);
      const check = checkStandard18(r.bacsText as string, calendar);
      expect(check.findings).toEqual([]);
      expect(check.summary.debits).toEqual({ count: r.totals.count, value: r.totals.value });
      if (!(r.collectionDate as string).startsWith('2026-12')) continue;
      for (const c of r.collections) {
        expect(c.code).toBe('17');
        got.push(`${r.collectionDate as string} ${c.account} ${formatPence(c.amount)}`);
      }
      if (r.collections.length > 0) files++;
    }
    const want = sample.postings.map((p) => `${p.date} ${p.account} ${formatPence(-p.amount as Pence)}`);
    // Every DD receipt of the sample is collected on its day for its amount...
    expect(want.filter((w) => !got.includes(w))).toEqual([]);
    // ...and the only other collections are the few cycles the sample's payers missed (the generator skips 2%):
    // each for an account whose other December receipts are in the file on the same cycle and amount.
    const extra = got.filter((g) => !want.includes(g));
    expect(extra.length).toBeLessThanOrEqual(Math.ceil(want.length * 0.05));
    for (const e of extra) {
      const [, account, amount] = e.split(' ');
      expect(want.some((w) => w.endsWith(` ${account as string} ${amount as string}`))).toBe(true);
    }
    expect(files).toBeGreaterThanOrEqual(4);
  });
});

describe('dd collect rules', () => {
  const live = line({});
  it('a live weekly mandate collects (17) when the next working day is on its cycle, not otherwise', () => {
    const due = run(`${HEADER}\n${live}\n`, '2026-12-10'); // payer debited Friday 11 December
    expect(due.collections).toEqual([{ account: '00100001', reference: 'HL00100001', code: '17', amount: 12000, payerName: 'Ann Payer' }]);
    expect(run(`${HEADER}\n${live}\n`, '2026-12-09').collections).toEqual([]);
  });

  it('a collection due on a bank holiday moves to the next working day (Christmas Day 2026 -> Tuesday 29th)', () => {
    expect(run(`${HEADER}\n${live}\n`, '2026-12-24').collections.map((c) => c.reference)).toEqual(['HL00100001']);
    expect(run(`${HEADER}\n${live}\n`, '2026-12-24').collectionDate).toBe('2026-12-29');
  });

  it('the first collection is coded 01, and held back when it is too soon after lodging', () => {
    const ok = run(`${HEADER}\n${line({ 'Lodged On': '20/11/2026', 'First Collection': '11/12/2026' })}\n`, '2026-12-10');
    expect(ok.collections.map((c) => c.code)).toEqual(['01']);
    const soon = run(`${HEADER}\n${line({ 'Lodged On': '01/12/2026', 'First Collection': '11/12/2026' })}\n`, '2026-12-10');
    expect(soon.collections).toEqual([]);
    expect(soon.heldBack[0]?.reason).toMatch(/too soon after lodging: lodged on 01\/12\/2026, the first collection cannot be before 15\/12\/2026/);
  });

  it('a new mandate is lodged (0N) with its notice; one whose first collection is too soon is held back', () => {
    const reg = `${HEADER}\n${line({ Status: 'new', 'Lodged On': '', 'First Collection': '08/01/2027' })}\n${line({ 'Account Ref': '00100002', 'DDI Reference': 'HL00100002', 'Sort Code': b2.sortCode, 'Account Number': b2.account, Status: 'new', 'Lodged On': '', 'First Collection': '18/12/2026' })}\n`;
    const r = run(reg, '2026-12-10');
    expect(r.lodgements).toEqual([{ account: '00100001', reference: 'HL00100001' }]);
    expect(r.notices).toEqual([expect.objectContaining({ account: '00100001', amount: 12000, date: '2027-01-08' })]);
    expect(r.heldBack).toEqual([expect.objectContaining({ account: '00100002', reason: expect.stringMatching(/too soon.*earliest first collection is 24\/12\/2026/) })]);
    expect(r.bacsText?.split('\r\n').filter((l) => l.slice(15, 17) === '0N')).toHaveLength(1);
    expect(r.totals).toEqual({ count: 0, value: 0 });
  });

  it('an amended mandate collects only with 10 working days notice of the change', () => {
    const none = run(`${HEADER}\n${line({ Status: 'amended' })}\n`, '2026-12-10');
    expect(none.heldBack[0]?.reason).toMatch(/without a Notice Sent date/);
    expect(none.notices[0]?.reason).toMatch(/send the advance notice/);
    const late = run(`${HEADER}\n${line({ Status: 'amended', 'Notice Sent': '01/12/2026' })}\n`, '2026-12-10');
    expect(late.heldBack[0]?.reason).toMatch(/lacks notice: the notice of change sent on 01\/12\/2026 allows collections from 15\/12\/2026/);
    expect(run(`${HEADER}\n${line({ Status: 'amended', 'Notice Sent': '20/11/2026' })}\n`, '2026-12-10').collections).toHaveLength(1);
  });

  it('a mandate breaking a rule is held back with its reason; the rest of the register is still read', () => {
    const reg = [
      HEADER,
      line({ 'Account Number': String(Number(b1.account) + 1).padStart(8, '0') }),
      line({ 'Account Ref': '00100002', 'DDI Reference': 'AAAAAAA', 'Sort Code': b2.sortCode, 'Account Number': b2.account }),
      line({ 'Account Ref': '00100003', 'DDI Reference': 'HL00100001', 'Sort Code': b2.sortCode, 'Account Number': b2.account }),
      line({ 'Account Ref': '00100004', 'DDI Reference': 'DDIC00100004', Frequency: 'monthly', 'Collection Day': '30' }),
      line({ 'Account Ref': '00100005', 'DDI Reference': 'HL00100005', Frequency: 'quarterly' }),
      line({ 'Account Ref': '00100006', 'DDI Reference': 'HL00100006' }),
    ].join('\n');
    const r = run(reg, '2026-12-10');
    expect(r.heldBack.map((h) => [h.line, h.reason.replace(/:.*$|'.*$/, '')])).toEqual([
      [2, 'the bank details fail the modulus check'],
      [3, 'DDI Reference '],
      [4, 'DDI Reference '],
      [5, 'DDI Reference '],
      [6, 'Frequency '],
    ]);
    expect(r.heldBack[1]?.reason).toMatch(/must not be one character repeated/);
    expect(r.heldBack[2]?.reason).toMatch(/already used on line 2/);
    expect(r.heldBack[3]?.reason).toMatch(/must not start DDIC.*Collection Day '30'/);
    expect(r.collections.map((c) => c.account)).toEqual(['00100006']);
  });

  it('with the rent roll: an account not on it is held back; a rent change gives a notice', async () => {
    const sample = await sampleDd();
    const t = sample.roll.find((x) => x.end === null) as NonNullable<(typeof sample.roll)[number]>;
    const reg = `${HEADER}\n${line({ 'Account Ref': t.account, Amount: formatPence((t.weeklyCharge + 100) as Pence) })}\n${line({ 'Account Ref': '99999999', 'DDI Reference': 'HL99999999' })}\n`;
    const r = run(reg, '2026-12-10', { rentRoll: sample.roll });
    expect(r.heldBack.map((h) => h.reason)).toEqual(['Account Ref 99999999 is not on the rent roll']);
    expect(r.notices).toEqual([expect.objectContaining({ account: t.account, amount: t.weeklyCharge, reason: expect.stringMatching(/^rent change/) })]);
    expect((r.notices[0]?.date ?? '') >= addWorkingDays(calendar, '2026-12-09' as IsoDate, 10)).toBe(true);
  });

  it('re-presents an unpaid reason-0 collection (18) within a month of its processing day, not after', () => {
    const rep = [{ reference: 'HL00100001', amount: 12000 as Pence, originalProcessingDay: '2026-12-03' as IsoDate }];
    expect(run(`${HEADER}\n${live}\n`, '2026-12-14', { representations: rep }).collections.map((c) => c.code)).toEqual(['18']);
    expect(run(`${HEADER}\n${live}\n`, '2027-01-05', { representations: rep }).heldBack[0]?.reason).toMatch(/re-presentation too late/);
  });
});

describe('housing-ledger dd collect', () => {
  it('writes the Bacs file and prints the JSON contract; bank details only in the Bacs file', async () => {
    const dir = tempDir();
    const out = join(dir, 'dd.txt');
    const notices = join(dir, 'notices.csv');
    const r = await runCli(['dd', 'collect', '--mandates', join(DD_ASSETS, 'sample-mandates.csv'), '--date', '2026-12-10', '--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'Riverside Homes', '--out', out, '--accounts', SAMPLE_WORKBOOK, '--notices', notices, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { collections: { account: string; reference: string; code: string; amount: string }[]; totals: { count: number; value: string } };
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['processingDay', 'collections', 'lodgements', 'heldBack', 'totals']));
    expect(json.processingDay).toBe('2026-12-10');
    expect(Object.keys(json.collections[0] ?? {})).toEqual(['account', 'reference', 'code', 'amount']);
    expect(json.totals.count).toBe(json.collections.length);
    const bacs = readFileSync(out, 'utf8');
    const check = await runCli(['dd', 'check', out]);
    expect(check.code).toBe(0);
    // Every payer's account number is in the Bacs file and in no other output.
    const accounts = bacs.split('\r\n').filter((l) => l.slice(15, 17) === '17').map((l) => l.slice(6, 14));
    expect(accounts.length).toBe(json.totals.count);
    const others = r.stdout + readFileSync(notices, 'utf8') + (await runCli(['dd', 'collect', '--mandates', join(DD_ASSETS, 'sample-mandates.csv'), '--date', '2026-12-10', '--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'Riverside Homes', '--out', join(dir, 'b.txt')])).stdout;
    for (const a of accounts) expect(others).not.toContain(a);
  });

  it('a weekend processing day, a bad SUN or a register without its columns exits 2 and writes nothing', async () => {
    const dir = tempDir();
    const reg = join(dir, 'm.csv');
    writeFileSync(reg, `${HEADER}\n${line({})}\n`);
    const base = ['dd', 'collect', '--mandates', reg, '--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'X', '--out', join(dir, 'o.txt')];
    const sat = await runCli([...base, '--date', '2026-12-12']);
    expect(sat.code).toBe(2);
    expect(sat.stderr).toMatch(/2026-12-12: not a Bacs working day/);
    const sun = await runCli([...base.map((a) => (a === '123456' ? '12345' : a)), '--date', '2026-12-10']);
    expect(sun.code).toBe(2);
    writeFileSync(reg, 'Account Ref,Amount\n1,2\n');
    const cols = await runCli([...base, '--date', '2026-12-10']);
    expect(cols.code).toBe(2);
    expect(cols.stderr).toMatch(/no column Payer Name, Sort Code/);
    expect(existsSync(join(dir, 'o.txt'))).toBe(false);
  });
});

describe('the register as a sheet, and the register after a run', () => {
  it('reads the mandate register from a workbook sheet (title row above the header, dates as Excel dates)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Mandates');
    ws.addRow(['Direct Debit mandates']);
    ws.addRow(HEADER.split(','));
    ws.addRow(['00100001', 'Ann Payer', b1.sortCode, b1.account, 'HL00100001', 120, 'weekly', null, 'live', new Date(Date.UTC(2026, 8, 1)), new Date(Date.UTC(2026, 9, 9)), null]);
    const path = join(dir, 'mandates.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await runCli(['dd', 'collect', '--mandates', path, '--date', '2026-12-10', '--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'X', '--out', join(dir, 'o.txt'), '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).collections).toEqual([{ account: '00100001', reference: 'HL00100001', code: '17', amount: '120.00' }]);
  });

  it('--mandates-out: a new mandate lodged in the file becomes lodged on the processing day, with who and why', async () => {
    const dir = tempDir();
    const reg = join(dir, 'm.csv');
    writeFileSync(reg, `${HEADER}\n${line({ Status: 'new', 'Lodged On': '', 'First Collection': '08/01/2027' })}\n`);
    const after = join(dir, 'after.csv');
    const r = await runCli(['dd', 'collect', '--mandates', reg, '--date', '2026-12-10', '--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'X', '--out', join(dir, 'o.txt'), '--mandates-out', after, '--by', 'J Coordinator']);
    expect(r.code).toBe(0);
    const row = readFileSync(after, 'utf8').split('\r\n')[1] ?? '';
    expect(row).toContain(',lodged,10/12/2026,08/01/2027,,10/12/2026,J Coordinator,lodged (0N) in the Bacs file for processing day 10/12/2026');
    expect(row).not.toContain(b1.account);
  });
});

describe('dd collect: final collections (19) and the 53-week rent year', () => {
  const WITH_LAST = `${HEADER},Last Collection`;
  const weeklyLive = (last: string) => `${line({})},${last}`;
  const codesOn = (register: string, day: string, extra: Partial<DdCollectInput> = {}) => run(register, day, extra).collections.map((c) => c.code);
  const tenancy = (over: Partial<Tenancy>): Tenancy => ({ account: '00100001', property: 'P1', tenant: 'Ann Payer', address: '', postcode: '', start: '2020-01-06' as IsoDate, end: null, weeklyCharge: 12000 as Pence, opening: 0 as Pence, closing: 0 as Pence, row: 2, ...over });

  it('codes the collection due on Last Collection 19, collects nothing after it, and 17 before it', () => {
    // Weekly from Friday 9 October 2026: Fridays 4, 11 and 18 December; processing days the Thursdays before.
    const reg = `${WITH_LAST}\n${weeklyLive('11/12/2026')}\n`;
    expect(codesOn(reg, '2026-12-03')).toEqual(['17']);
    expect(codesOn(reg, '2026-12-10')).toEqual(['19']);
    const after = run(reg, '2026-12-17');
    expect(after.collections).toEqual([]);
    expect(after.heldBack).toEqual([]);
    expect(checkStandard18(run(reg, '2026-12-10').bacsText ?? '', calendar).findings).toEqual([]);
  });

  it('a Last Collection between due dates makes the due date before it the final one', () => {
    expect(codesOn(`${WITH_LAST}\n${weeklyLive('15/12/2026')}\n`, '2026-12-10')).toEqual(['19']);
  });

  it('codes 19 the last collection before the tenancy ends on the rent roll', () => {
    const reg = `${HEADER}\n${line({})}\n`;
    const ending = [tenancy({ end: '2026-12-16' as IsoDate })];
    expect(codesOn(reg, '2026-12-03', { rentRoll: ending })).toEqual(['17']);
    expect(codesOn(reg, '2026-12-10', { rentRoll: ending })).toEqual(['19']);
    expect(codesOn(reg, '2026-12-10', { rentRoll: [tenancy({})] })).toEqual(['17']);
  });

  it('a Last Collection that is not a date, or before First Collection, holds the mandate back', () => {
    expect(run(`${WITH_LAST}\n${weeklyLive('soon')}\n`, '2026-12-10').heldBack[0]?.reason).toMatch(/Last Collection 'soon' is not a date/);
    expect(run(`${WITH_LAST}\n${weeklyLive('01/10/2026')}\n`, '2026-12-10').heldBack[0]?.reason).toMatch(/Last Collection 01\/10\/2026 is before First Collection/);
  });

  // 2024/25 had 53 Mondays (1 April 2024 to 6 April 2025); 2023/24 and 2025/26 have 52.
  const monthly = (amount: string) => line({ Frequency: 'monthly', 'Collection Day': '15', 'First Collection': '15/01/2024', 'Lodged On': '01/12/2023', Amount: amount });

  it('with the rent roll, a monthly mandate gets the 53-week amount notice before its first collection of 2024/25', () => {
    const reg = `${HEADER}\n${monthly('520.00')}\n`;
    const roll = [tenancy({ weeklyCharge: 12000 as Pence })];
    // 12,000p x 52 / 12 = 52,000p: the mandate is right for 2023/24, no notice in February.
    expect(run(reg, '2024-02-14', { rentRoll: roll }).notices).toEqual([]);
    const march = run(reg, '2024-03-20', { rentRoll: roll });
    // 12,000p x 53 / 12 = 53,000p from the collection of Monday 15 April 2024.
    expect(march.notices).toEqual([expect.objectContaining({ account: '00100001', amount: 53000, date: '2024-04-15', reason: expect.stringMatching(/^53-week year: .*2024\/25 has 53 Mondays/) })]);
  });

  it("the pane's run (through the worker) takes the rent calendar from its config, as dd collect --config does", () => {
    const input = { register: { kind: 'csv' as const, text: `${HEADER}\n${monthly('520.00')}\n` }, processingDay: '2024-03-20', sun: '123456', originator: '20-00-00:55779911', serviceUserName: 'Riverside Homes', modulus: MODULUS, holidays: HOLIDAYS, representations: [], fileNumber: 1 };
    const roll = [tenancy({ weeklyCharge: 12000 as Pence })];
    const notices = (config?: unknown) => {
      const out = answerDd({ kind: 'dd-collect', id: 1, input, withRoll: true, ...(config !== undefined ? { config } : {}) }, roll);
      return out.kind === 'dd-collected' ? out.result.notices : [];
    };
    // Without a config: 53 chargeable weeks in 2024/25, 12,000p x 53 / 12 = 53,000p.
    expect(notices()).toEqual([expect.objectContaining({ amount: 53000 })]);
    // Two rent-free weeks at Christmas leave 51: 12,000p x 51 / 12 = 51,000p.
    expect(notices({ rentFreeWeeks: ['2024-12-23', '2024-12-30'] })).toEqual([expect.objectContaining({ amount: 51000 })]);
  });

  it('without the rent roll, the notice scales the monthly amount by 53/52 going into the long year and back by 52/53 after it', () => {
    const into = run(`${HEADER}\n${monthly('520.00')}\n`, '2024-03-20').notices;
    expect(into).toEqual([expect.objectContaining({ amount: 53000, date: '2024-04-15', reason: expect.stringMatching(/^53-week year: the rent year 2024\/25 has 53 Mondays \(2023\/24 had 52\)/) })]);
    const back = run(`${HEADER}\n${monthly('530.00')}\n`, '2025-03-26').notices;
    expect(back).toEqual([expect.objectContaining({ amount: 52000, date: '2025-04-15', reason: expect.stringMatching(/2025\/26 has 52 Mondays \(2024\/25 had 53\)/) })]);
    // Weekly mandates are not changed by the year's length; nor is a monthly one mid-year.
    expect(run(`${HEADER}\n${line({ 'First Collection': '05/01/2024', 'Lodged On': '01/12/2023' })}\n`, '2024-03-20').notices).toEqual([]);
    expect(run(`${HEADER}\n${monthly('520.00')}\n`, '2024-05-22').notices).toEqual([]);
  });
});
