import fc from 'fast-check';
import type { IsoDate } from '../dates';
import { formatPence, toPence, type Pence } from '../money';
import { generatePaymentFile, PAYMENT_FORMATS, type PaymentFormat } from '../../../tools/sample/payment-files';
import { generatedRoll } from '../../../tests/support/payment-roll';
import { DEFAULT_ALLOCATION, RollIndex, type AllocationConfig } from './allocate-payments';
import type { Tenancy } from '../records';
import { matchSuspense } from '../suspense/match-suspense';
import { appendToLedger, EMPTY_LEDGER, ledgerFromJson, ledgerToJson } from './import-ledger';
import { describePaymentIssue } from './payment-issues';
import { postingsCsv, suspenseCsv } from './payment-outputs';
import { inspectPaymentFile, previewImport, processPaymentFile, type PaymentRun } from './process-payment-file';
import { parseProfile, SHIPPED_PROFILES, type ImportProfile } from './profile';
import { readAmount, readPaymentFile, splitDelimited, splitLines } from './read-payment-file';
import { DEFAULT_CONFIG } from '../config';
import { readSources } from '../sources/read-sources';

const roll = generatedRoll();
const index = new RollIndex(roll);
const DATE = '2026-12-01' as IsoDate;
const profile = (name: string): ImportProfile => SHIPPED_PROFILES.get(name) as ImportProfile;
const NOW = '2026-12-02T09:00:00.000Z';

function run(text: string, p: ImportProfile, options: { file?: string; settlement?: Pence | null; ledger?: typeof EMPTY_LEDGER } = {}): PaymentRun {
  return processPaymentFile({ text, fileName: options.file ?? 'file.csv', profile: p, settlement: options.settlement ?? null, importedAt: NOW }, index, options.ledger ?? EMPTY_LEDGER);
}

function errors(r: PaymentRun): string[] {
  return r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue);
}

describe('shipped profiles on generated files', () => {
  it.each(PAYMENT_FORMATS.map((f) => [f]))('%s: controls agreed, every line allocated or in suspense as the generator planted it', (format: PaymentFormat) => {
    const file = generatePaymentFile(roll, { seed: 42, format, date: DATE, lines: 120, unallocatable: 0.05, repairable: 0.03 });
    const r = run(file.text, profile(format), { file: file.fileName });
    expect(errors(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.read.lines.length).toBe(file.count);
    expect(r.read.total).toBe(file.total);
    const outcome = new Map<number, { how: string; account: string | null }>();
    for (const a of r.allocation.allocated) outcome.set(a.line.line, { how: a.how, account: a.account });
    for (const s of r.allocation.suspense) outcome.set(s.line.line, { how: 'suspense', account: null });
    expect(file.lines.map((l) => ({ line: l.line, how: l.outcome, account: l.account }))).toEqual(file.lines.map((l) => ({ line: l.line, ...outcome.get(l.line) })));
    expect(file.lines.filter((l) => l.outcome === 'suspense').length).toBeGreaterThan(0);
    expect(file.lines.filter((l) => l.outcome === 'repaired').length).toBeGreaterThan(0);
  });

  it('the same profiles are plain JSON: a round trip through JSON gives the same profile', () => {
    for (const p of SHIPPED_PROFILES.values()) expect(parseProfile(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, profile: p });
  });

  it('a profile with a problem is refused with the key named', () => {
    const parsed = parseProfile({ ...profile('allpay'), control: 'balance', reference: { from: 'pattern', field: 2, pattern: '(' } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toMatch(/reference.pattern: not a valid regular expression[\s\S]*balance: control "balance" needs a balance column/);
  });
});

const ALLPAY: string[] = [
  '9826123456001000124,00100012    ,   234.05,D,01/12/2026',
  '9826627744001005855,00100585    ,   224.10,D,01/12/2026',
  'T,2,458.15',
];

describe('bad files are refused with the file, line and column', () => {
  const allpay = profile('allpay');
  it.each([
    ['a truncated file (no trailer, last line cut)', [ALLPAY[0], '9826627744001005855,00100585'], [/file.csv, line 2: the line has 2 field\(s\); the profile needs at least 5 \(is the file truncated\?\)/, /file.csv, line 2: the file has no trailer line/]],
    ['a trailer total that is wrong', [ALLPAY[0], ALLPAY[1], 'T,2,458.16'], [/file.csv, line 3: the trailer total is 458.16 but the payment lines add up to 458.15/]],
    ['a trailer count that is wrong', [ALLPAY[0], ALLPAY[1], 'T,3,458.15'], [/line 3: the trailer says 3 payment line\(s\) but the file holds 2/]],
    ['mixed date formats', [ALLPAY[0], '9826627744001005855,00100585    ,   224.10,D,2026-12-01', ALLPAY[2]], [/file.csv, line 2, column 5: the date is written as 2026-12-01 but earlier lines use dd\/mm\/yyyy \(line 1\); a file mixing date formats cannot be trusted; found '2026-12-01'/]],
    ['an amount with three decimals', [ALLPAY[0], '9826627744001005855,00100585    ,   224.105,D,01/12/2026', ALLPAY[2]], [/file.csv, line 2, column 3: the amount has more than two decimal places; money must be whole pence; found '224.105'/]],
    ['an unknown record type', [ALLPAY[0], '9826627744001005855,00100585    ,   224.10,X,01/12/2026', ALLPAY[2]], [/file.csv, line 2, column 4: the record type is not one the profile knows \(D\); found 'X'/]],
    ['an impossible date', [ALLPAY[0], '9826627744001005855,00100585    ,   224.10,D,31/11/2026', ALLPAY[2]], [/line 2, column 5: not a valid date in the format dd\/mm\/yyyy; found '31\/11\/2026'/]],
    ['an amount that is not a number', [ALLPAY[0], '9826627744001005855,00100585    ,   ten,D,01/12/2026', ALLPAY[2]], [/line 2, column 3: the amount is not a number of pounds; found 'ten'/]],
    ['lines after the trailer', [...ALLPAY, ALLPAY[0]], [/line 4: there are lines after the trailer/]],
    ['an empty file', [''], [/file.csv: the file is empty/]],
  ])('%s', (_name, lines, expected) => {
    const r = run(`${lines.join('\r\n')}\r\n`, allpay);
    expect(r.ok).toBe(false);
    const got = errors(r);
    for (const e of expected) expect(got.some((g) => e.test(g))).toBe(true);
  });

  it('a day-first profile refuses a file mixing dd/mm/yyyy and d-mmm-yy', () => {
    const p = { ...allpay, dateFormat: 'day-first' as const };
    const r = run([ALLPAY[0], '9826627744001005855,00100585    ,   224.10,D,1-Dec-26', ALLPAY[2]].join('\n'), p);
    expect(errors(r).join('\n')).toMatch(/line 2, column 5: the date is written as n-a-n but earlier lines use n\/n\/n \(line 1\)/);
  });

  it('a statement with a line missing breaks the running balance', () => {
    const file = generatePaymentFile(roll, { seed: 3, format: 'natwest', date: DATE, lines: 10 });
    const lines = file.text.split('\r\n');
    lines.splice(4, 1);
    const r = run(lines.join('\r\n'), profile('natwest'));
    expect(errors(r).join('\n')).toMatch(/file.csv, line 5, column 5 \(Balance\): the running balance .* does not follow from the line before/);
  });

  it('a settlement that does not agree refuses the file; one that agrees is accepted', () => {
    const text = `${ALLPAY.join('\n')}\n`;
    expect(errors(run(text, allpay, { settlement: toPence(45000) })).join('\n')).toMatch(/the payment lines total 458.15 \(2 lines\) but the settlement is 450.00; difference 8.15/);
    expect(run(text, allpay, { settlement: toPence(45815) }).ok).toBe(true);
  });

  it('a file without its trailer is controlled by the settlement when one is entered', () => {
    const text = `${ALLPAY[0]}\n${ALLPAY[1]}\n`;
    expect(errors(run(text, profile('allpay'))).join('\n')).toMatch(/the file has no trailer line/);
    expect(errors(run(text, profile('allpay'), { settlement: toPence(45816) })).join('\n')).toMatch(/the payment lines total 458.15 \(2 lines\) but the settlement is 458.16/);
    expect(run(text, profile('allpay'), { settlement: toPence(45815) }).ok).toBe(true);
  });

  it('a header naming no column the profile needs is reported with the headers found', () => {
    const r = run('Date,Type,Details,Value,Balance\n01/12/2026,BGC,RENT 00100012,10.00,10.00\n', profile('natwest'));
    expect(errors(r).join('\n')).toMatch(/file.csv, line 1: the header row has no column 'Description' .*headers found: Date, Type, Details, Value, Balance/);
  });
});

describe('amounts and fields', () => {
  it.each([
    ['  200.92', 'pounds', { ok: true, pence: 20092 }],
    ['1,234.50', 'pounds', { ok: true, pence: 123450 }],
    ['£20', 'pounds', { ok: true, pence: 2000 }],
    ['-3.1', 'pounds', { ok: true, pence: -310 }],
    ['.5', 'pounds', { ok: true, pence: 50 }],
    ['1.005', 'pounds', { ok: false, code: 'amount.too-many-decimals' }],
    ['ten', 'pounds', { ok: false, code: 'amount.not-number' }],
    ['1.2.3', 'pounds', { ok: false, code: 'amount.not-number' }],
    ['  ', 'pounds', { ok: 'blank' }],
    ['0000020092', 'pence', { ok: true, pence: 20092 }],
    ['200.92', 'pence', { ok: false, code: 'amount.not-number' }],
  ] as const)('%s in %s', (text, unit, expected) => {
    expect(readAmount(text, unit)).toEqual(expected);
  });

  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['"RENT, FLAT 2",10.00', ['RENT, FLAT 2', '10.00']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"open,10.00', null],
  ])('splits %s', (line, expected) => {
    expect(splitDelimited(line, ',')).toEqual(expected);
  });
});

describe('profiles for other layouts', () => {
  it('fixed width, amounts in pence, the reference sliced out of the Allpay card number', () => {
    const p = parseProfile({
      name: 'fixed-test',
      channel: 'ALLPAY',
      layout: { kind: 'fixed', columns: [{ name: 'card', start: 1, width: 19 }, { name: 'amount', start: 20, width: 10 }, { name: 'date', start: 30, width: 8 }, { name: 'type', start: 1, width: 1 }, { name: 'count', start: 2, width: 6 }, { name: 'total', start: 8, width: 12 }] },
      dateFormat: 'yyyymmdd',
      date: 'date',
      amount: { kind: 'signed', field: 'amount', unit: 'pence' },
      reference: { from: 'slice', field: 'card', start: 11, length: 8 },
      card: 'card',
      trailer: { field: 'type', equals: 'T', count: 'count', total: 'total' },
      control: 'trailer',
    });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const acc = roll[0]?.account as string;
    const text = [`9826123456${acc}1${'0000023405'}20261201`, `9826123456999999991${'0000001000'}20261201`, `T000002${'000000024405'}`].join('\n');
    const r = run(text, p.profile);
    expect(errors(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.allocation.allocated.map((a) => [a.account, formatPence(a.line.amount), a.line.card])).toEqual([[acc, '234.05', '****1234'.replace('1234', `${acc.slice(-3)}1`)]]);
    expect(r.allocation.suspense.map((s) => s.line.reference)).toEqual(['99999999']);
  });

  it('inspectPaymentFile splits a sample for mapping: the delimiter guessed, the header row named', () => {
    const semi = 'Title line\nDate;Ref;Amount\n01/12/2026;00100012;10.00\n02/12/2026;"A;B";5.00\n';
    expect(inspectPaymentFile(semi, { skipLines: 1, header: true })).toEqual({ delimiter: ';', headers: ['Date', 'Ref', 'Amount'], rows: [['01/12/2026', '00100012', '10.00'], ['02/12/2026', 'A;B', '5.00']], lineCount: 4 });
    expect(inspectPaymentFile(`${ALLPAY.join('\n')}\n`).rows[0]).toEqual(['9826123456001000124', '00100012', '234.05', 'D', '01/12/2026']);
  });

  it('previewImport shows the first lines, the totals and the issues, without a settlement yet', () => {
    const file = generatePaymentFile(roll, { seed: 8, format: 'allpay', date: DATE, lines: 80 });
    const p = previewImport(file.text, profile('allpay'), { maxLines: 5 });
    expect(p.ok).toBe(true);
    expect(p.lines).toHaveLength(5);
    expect(p.count).toBe(80);
    expect(p.total).toBe(file.total);
    expect(p.trailer).toEqual({ line: 81, count: 80, total: file.total });
  });
});

describe('allocation decisions', () => {
  const t = (account: string, tenant: string, end: string | null = null): Tenancy => ({
    account, property: `P${account}`, tenant, address: '', postcode: '', start: '2020-01-06' as IsoDate, end: end as IsoDate | null, weeklyCharge: toPence(10000), opening: toPence(0), closing: toPence(0), row: 2,
  });
  const small = new RollIndex([t('00012345', 'Jane Smith'), t('00067890', 'John Brown'), t('00055555', 'Ann Old', '2026-10-04')]);
  const cash = profile('cash-office');
  const sheet = (rows: [string, string, string][]) =>
    ['Cash office', 'Receipt No,Date,Account Ref,Payer,Method,Amount', ...rows.map(([ref, payer, amount], i) => `R${i + 1},01/12/2026,${ref},${payer},CASH,${amount}`), `TOTAL,${rows.length},,,,${formatPence(toPence(rows.reduce((s, r) => s + Math.round(Number(r[2]) * 100), 0)))}`].join('\n');
  const decide = (ref: string, payer: string, config?: AllocationConfig) => {
    const r = processPaymentFile({ text: sheet([[ref, payer, '100.00']]), fileName: 'c.csv', profile: cash, settlement: null, importedAt: NOW }, small, EMPTY_LEDGER, config);
    if (!r.ok) throw new Error(r.issues.map(describePaymentIssue).join('\n'));
    const a = r.allocation.allocated[0];
    const s = r.allocation.suspense[0];
    return a ? { to: a.account, how: a.how, reason: a.reason } : { to: null, how: 'suspense', reason: s?.reason ?? '' };
  };

  it.each([
    ['the exact account ref', '00012345', 'Someone Else', '00012345', 'exact', /the reference is the account ref/],
    ['the ref without its leading zeros', '12345', '', '00012345', 'repaired', /without its leading zeros/],
    ['two digits swapped, paid by the tenant', '00012354', 'J SMITH', '00012345', 'repaired', /two digits swapped.*payer J SMITH shares the surname/],
    ['two digits swapped, paid by someone else', '00012354', 'K PATEL', null, 'suspense', /not safe to allocate automatically; for review: 00012345/],
    ['one digit off, no payer named', '00012346', '', null, 'suspense', /for review: 00012345 \(score 0\.\d+\): reference 00012346 is 00012345 with one digit different/],
    ['an account whose tenancy ended before the payment', '00055555', 'Ann Old', null, 'suspense', /tenancy ended on 2026-10-04/],
    ['a reference that is nothing', 'HOUSING', 'A Payer', null, 'suspense', /reference HOUSING matches no account/],
  ])('%s', (_name, ref, payer, to, how, reason) => {
    const d = decide(ref, payer);
    expect(d.to).toBe(to);
    expect(d.how).toBe(how);
    expect(d.reason).toMatch(reason);
  });

  it('the matcher over the pre-selected tenancies decides as it does over the whole roll', () => {
    for (const [seed, format] of [[31, 'cash-office'], [32, 'lloyds'], [33, 'allpay'], [34, 'natwest']] as const) {
      const file = generatePaymentFile(roll, { seed, format, date: DATE, lines: 150, unallocatable: 0.1, repairable: 0.1 });
      const r = run(file.text, profile(format));
      if (!r.ok) throw new Error('refused');
      const notExact = [...r.allocation.allocated.filter((a) => a.how === 'repaired').map((a) => a.line), ...r.allocation.suspense.map((s) => s.line)];
      const items = notExact.map((l) => ({ item: String(l.line), date: l.date, amount: l.amount, reference: l.reference, payer: l.payer, narrative: l.narrative, channel: 'X', row: l.line }));
      const full = new Map(matchSuspense(items, roll).map((m) => [Number(m.item), m.decision === 'auto' ? m.account : null]));
      const ours = new Map(notExact.map((l) => [l.line, r.allocation.allocated.find((a) => a.line.line === l.line)?.account ?? null]));
      expect(ours).toEqual(full);
    }
  });

  it('an ended tenancy is posted when the config says so', () => {
    expect(decide('00055555', 'Ann Old', { ...DEFAULT_ALLOCATION, endedTenancies: 'post' })).toMatchObject({ to: '00055555', how: 'exact' });
  });
});

describe('the import ledger', () => {
  const file = generatePaymentFile(roll, { seed: 9, format: 'allpay', date: DATE, lines: 30 });
  const first = run(file.text, profile('allpay'), { file: 'a.csv' });
  if (!first.ok) throw new Error('the first import must succeed');
  const ledger = appendToLedger(EMPTY_LEDGER, first.entry);

  it('refuses the same file a second time, even with other line endings and another name', () => {
    const again = run(file.text.replace(/\r\n/g, '\n'), profile('allpay'), { file: 'renamed.csv', ledger });
    expect(again.ok).toBe(false);
    expect(errors(again)).toEqual([`renamed.csv: this file was already imported on ${NOW} as a.csv (same content, SHA-256 ${first.hash.slice(0, 12)}); it is refused`]);
  });

  it('refuses a file holding a payment already imported from another file, naming the line', () => {
    const lines = file.text.split('\r\n');
    const other = generatePaymentFile(roll, { seed: 10, format: 'allpay', date: DATE, lines: 5 }).text.split('\r\n');
    const dup = lines[2] as string; // line 3 of a.csv
    const amount = /,\s*([\d.]+),D,/.exec(dup)?.[1] as string;
    const text = [...other.slice(0, 5), dup, `T,6,${formatPence(toPence(Number(other[5]?.split(',')[2]?.replace('.', '')) + Number(amount.replace('.', ''))))}`].join('\r\n');
    const r = run(text, profile('allpay'), { file: 'b.csv', ledger });
    expect(errors(r)).toEqual([expect.stringMatching(/^b.csv, line 6: this payment \(2026-12-01 ref \d+ \d+\.\d\d\) was already imported from a.csv on 2026-12-02T09:00:00.000Z; the file is refused$/)]);
  });

  it('two identical payments within one file are two payments', () => {
    const text = `${ALLPAY[0]}\n${ALLPAY[0]}\nT,2,468.10\n`;
    const r = run(text, profile('allpay'));
    expect(errors(r)).toEqual([]);
    if (r.ok) expect(new Set(r.entry.paymentKeys).size).toBe(2);
  });

  it('survives its JSON file form exactly', () => {
    const json = JSON.parse(JSON.stringify(ledgerToJson(ledger)));
    expect(json.entries[0].total).toBe(formatPence(first.read.total));
    expect(ledgerFromJson(json)).toEqual({ ok: true, ledger });
  });
});

describe('outputs', () => {
  it('postings plus suspense equal the file total, line for line (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...PAYMENT_FORMATS), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, format, n, bad) => {
        const file = generatePaymentFile(roll, { seed, format, date: DATE, lines: n, unallocatable: bad, repairable: 0.1 });
        const r = run(file.text, profile(format));
        if (!r.ok) return false;
        const lines = [...r.allocation.allocated.map((a) => a.line), ...r.allocation.suspense.map((s) => s.line)].sort((a, b) => a.line - b.line);
        const sum = (xs: readonly { amount: Pence }[]) => xs.reduce((s, x) => s + x.amount, 0);
        const postings = postingsCsv(r.allocation).trim().split('\r\n').slice(1).map((l) => -Math.round(Number(l.split(',')[2]) * 100));
        const suspense = suspenseCsv(r.allocation, 'f').trim().split('\r\n').slice(1).map((l) => Math.round(Number(l.split(',')[2]) * 100));
        return (
          lines.map((l) => l.line).join() === r.read.lines.map((l) => l.line).join() &&
          sum(lines) === file.total &&
          postings.reduce((a, b) => a + b, 0) + suspense.reduce((a, b) => a + b, 0) === file.total &&
          r.allocation.batches.reduce((s, b) => s + b.allocated + b.suspense, 0) === file.total
        );
      }),
      { numRuns: 60 },
    );
  });

  it('text from a file stays text in the CSVs (formula injection), and card numbers are masked', () => {
    const p = profile('cash-office');
    const text = ['Cash office', 'Receipt No,Date,Account Ref,Payer,Method,Amount', 'R1,01/12/2026,=HYPERLINK("http://x"),"=HYPERLINK(""http://x"",""pay"")",CASH,10.00', 'R2,01/12/2026,@SUM(A1),+44 7700,CASH,5.00', 'TOTAL,2,,,,15.00'].join('\n');
    const r = run(text, p);
    expect(errors(r)).toEqual([]);
    if (!r.ok) return;
    const csv = suspenseCsv(r.allocation, 'cash.csv');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""pay"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain(`'+44 7700`);
    const allpay = run(`${(ALLPAY[0] as string).replace(',00100012', ',NOSUCH')}\nT,1,234.05\n`, profile('allpay'));
    expect(allpay.ok).toBe(true);
    if (allpay.ok) expect(suspenseCsv(allpay.allocation, 'a.csv')).toMatch(/card \*\*\*\*0124/);
    expect(readPaymentFile('Date,Type,Description,Value,Balance\n01/12/2026,BGC,J SMITH 30-94-57 12345678 4929123456781234,10.00,10.00\n', { ...profile('natwest') }, 'n.csv').lines[0]?.narrative).toBe('J SMITH **-**-57 ****5678 ****1234');
  });

  it('the suspense file is in the standard Suspense layout: the reconciliation reads it back, item for item', () => {
    const file = generatePaymentFile(roll, { seed: 21, format: 'lloyds', date: DATE, lines: 80, unallocatable: 0.1 });
    const r = run(file.text, profile('lloyds'));
    if (!r.ok) throw new Error('refused');
    const rows = splitLines(suspenseCsv(r.allocation, 'lloyds.csv').trim()).map((l) => splitDelimited(l, ',') ?? []);
    const read = readSources('suspense.csv', [{ name: 'Suspense', originRow: 1, originCol: 1, rows }], DEFAULT_CONFIG);
    expect(read.issues.filter((i) => i.severity === 'error' && i.code !== 'role.missing')).toEqual([]);
    expect(read.suspense?.records.map((x) => [x.item, x.date, x.amount, x.channel])).toEqual(r.allocation.suspense.map((s) => [s.itemRef, s.line.date, s.line.amount, 'BANK']));
    // And the postings are in the Rent transactions layout (a payment lowers the balance).
    const prow = splitLines(postingsCsv(r.allocation).trim()).map((l) => splitDelimited(l, ',') ?? []);
    const tx = readSources('postings.csv', [{ name: 'Postings', originRow: 1, originCol: 1, rows: prow }], DEFAULT_CONFIG).transactions?.records;
    expect(tx?.map((x) => [x.account, x.date, x.amount, x.category, x.batch])).toEqual(r.allocation.allocated.map((a) => [a.account, a.line.date, -a.line.amount, 'BANK', a.batchRef]));
  });
});
