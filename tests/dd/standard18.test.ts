/** Bacs Standard 18: the writer's files pass dd check (a property), and dd check finds and locates what is wrong. */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addDays, type IsoDate } from '../../src/engine/dates';
import { checkDdiReference } from '../../src/engine/dd/ddi-reference';
import { writeStandard18, type Std18File, type Std18Record } from '../../src/engine/dd/standard18';
import { checkStandard18 } from '../../src/engine/dd/standard18-check';
import { parseHolidays, workingDayOnOrAfter } from '../../src/engine/dd/working-days';
import type { Pence } from '../../src/engine/money';
import { runCli, tempDir } from '../support/generated';

const ROOT = resolve(__dirname, '..', '..');
const { calendar } = parseHolidays(readFileSync(join(ROOT, 'assets', 'dd', 'bank-holidays-england-and-wales.txt'), 'utf8'));

function sampleFile(records: Std18Record[] = []): Std18File {
  return {
    sun: '123456',
    serviceUserName: 'Riverside Homes',
    originator: { sortCode: '089999', account: '66374958', name: 'Riverside Homes Rent' },
    processingDay: '2027-01-06' as IsoDate,
    created: '2027-01-05' as IsoDate,
    fileNumber: 1,
    records: records.length
      ? records
      : [
          { sortCode: '107999', account: '88837491', code: '0N', amount: 0 as Pence, reference: 'HL-100234-01', payerName: "Mrs Zoë O'Brien" },
          { sortCode: '107999', account: '88837491', code: '01', amount: 45012 as Pence, reference: 'HL-100234-01', payerName: "Mrs Zoë O'Brien" },
          { sortCode: '089999', account: '66374958', code: '17', amount: 10000 as Pence, reference: 'HL-100235-01', payerName: 'J Smith' },
        ],
  };
}

/** Replaces the text at a 1-based line and position. */
function damage(text: string, line: number, position: number, replacement: string): string {
  const lines = text.split('\r\n');
  const l = lines[line - 1] as string;
  lines[line - 1] = l.slice(0, position - 1) + replacement + l.slice(position - 1 + replacement.length);
  return lines.join('\r\n');
}

describe('Standard 18 writer', () => {
  const text = writeStandard18(sampleFile());
  const lines = text.split('\r\n').slice(0, -1);

  it('writes the labels, the details, one contra for the debits and the trailer, in order', () => {
    expect(lines.map((l) => l.slice(0, 4))).toEqual(['VOL1', 'HDR1', 'HDR2', 'UHL1', '1079', '1079', '0899', '0899', 'EOF1', 'EOF2', 'UTL1']);
    expect(lines.map((l) => l.length)).toEqual([80, 80, 80, 80, 100, 100, 100, 100, 80, 80, 80]);
    expect(lines[3]?.slice(4, 10)).toBe(' 27006'); // 6 January 2027 as bYYDDD
    expect(lines[7]?.slice(15, 17)).toBe('99');
    expect(lines[7]?.slice(35, 46)).toBe('00000055012');
  });

  it('writes names and references in upper-case Bacs characters only', () => {
    expect(lines[4]?.slice(82)).toBe('MRS ZOE O BRIEN   ');
    expect(lines[4]?.slice(46, 64)).toBe('RIVERSIDE HOMES   ');
  });

  it('UTL1 carries the debit and credit totals and counts', () => {
    expect(lines[10]?.slice(4, 44)).toBe('0000000055012000000005501200000020000001');
  });

  it('passes its own check', () => {
    expect(checkStandard18(text, calendar).findings).toEqual([]);
  });
});

describe('dd check findings, located by line and position', () => {
  const good = writeStandard18(sampleFile());
  it.each([
    ['an amount changed (UTL1 and the contra disagree)', 6, 36, '00000045013', ['contra.amount@8:36', 'utl1.total@11:5']],
    ['a lower-case name', 7, 83, 'j smith', ['field.characters@7:83']],
    ['a bad transaction code (so the record is not a debit either)', 7, 16, '27', ['field.code@7:16', 'contra.amount@8:36', 'utl1.total@11:5', 'utl1.total@11:31']],
    ['a short reference', 7, 65, 'HL-1              ', ['field.reference@7:65']],
    ['an unreadable processing day', 4, 5, ' 27400', ['uhl1.date@4:5']],
    ['a processing day on a Saturday', 4, 5, ' 27009', ['uhl1.not-working-day@4:5']],
    ['a letter in the account number', 5, 9, 'X', ['field.not-digits@5:7']],
    ['EOF1 not matching HDR1', 9, 22, '9', ['eof1.mismatch@9:22']],
    ['an instruction with an amount', 5, 36, '00000000001', ['field.amount@5:36']],
  ])('%s', (_what, line, position, replacement, expected) => {
    const r = checkStandard18(damage(good, line, position, replacement), calendar);
    expect(r.passes).toBe(false);
    expect(r.findings.map((f) => `${f.code}@${f.line}:${f.position}`)).toEqual(expected);
  });

  it('a missing contra and a short record', () => {
    const lines = good.split('\r\n');
    lines.splice(7, 1);
    lines[5] = (lines[5] as string).slice(0, 98);
    const r = checkStandard18(lines.join('\r\n'), calendar);
    expect(r.findings.map((f) => `${f.code}@${f.line}:${f.position}`)).toEqual(['record.length@6:99', 'contra.missing@8:1', 'utl1.total@10:18', 'utl1.total@10:38']);
  });

  it('the shared sample of detail records: the fields pass, the missing labels are found', () => {
    const r = checkStandard18(readFileSync(join(ROOT, 'tests', 'fixtures', 'bacs', 'std18-detail-records-akhapangee.txt'), 'utf8'), calendar);
    expect(r.summary.debits).toEqual({ count: 8, value: 88 });
    expect(r.findings.map((f) => `${f.code}@${f.line}`)).toEqual(['order.label@1', 'contra.missing@8', 'order.missing@8']);
  });
});

describe('every file the writer can produce passes dd check (property)', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const record = fc.record({
    sortCode: digits(6),
    account: digits(8),
    code: fc.constantFrom('0N', '01', '17', '18', '19') as fc.Arbitrary<Std18Record['code']>,
    amount: fc.integer({ min: 1, max: 99_999_999 }),
    stem: fc.string({ minLength: 0, maxLength: 10 }),
    payerName: fc.string({ maxLength: 30 }),
  });
  it('for random records, names in any characters, any working processing day', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: 0, max: 700 }), fc.string({ maxLength: 25 }), (recs, dayOffset, userName) => {
        const processingDay = workingDayOnOrAfter(calendar, addDays('2026-01-01' as IsoDate, dayOffset));
        const records: Std18Record[] = recs.map((r, i) => {
          // The job only writes references that pass the Bacs rules; the stem makes them varied.
          const stem = r.stem.toUpperCase().replace(/[^A-Z0-9]/g, '');
          const reference = `${stem}HL${String(i).padStart(6, '0')}`.slice(-18);
          expect(checkDdiReference(reference)).toBeNull();
          return { sortCode: r.sortCode, account: r.account, code: r.code, amount: (r.code === '0N' ? 0 : r.amount) as Pence, reference, payerName: r.payerName };
        });
        const text = writeStandard18({ ...sampleFile(records), serviceUserName: userName, processingDay, created: addDays(processingDay, -1), records });
        const check = checkStandard18(text, calendar);
        expect(check.findings).toEqual([]);
        expect(check.summary.debits.value).toBe(records.filter((r) => r.code !== '0N').reduce((a, r) => a + r.amount, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('housing-ledger dd check', () => {
  it('exit 0 for a good file, 1 with FILE:LINE:POSITION findings, 2 for an unreadable one', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.txt');
    const bad = join(dir, 'bad.txt');
    writeFileSync(good, writeStandard18(sampleFile()));
    writeFileSync(bad, damage(writeStandard18(sampleFile()), 7, 83, 'j smith'));
    const ok = await runCli(['dd', 'check', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/passes the Standard 18 check; processing day 2027-01-06; 2 debit\(s\) 550\.12/);
    const r = await runCli(['dd', 'check', bad, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ line: 7, position: 83, code: 'field.characters' });
    const text = await runCli(['dd', 'check', bad]);
    expect(text.stdout).toMatch(/bad\.txt:7:83: error field\.characters/);
    const missing = await runCli(['dd', 'check', join(dir, 'none.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot be read/);
  });
});
