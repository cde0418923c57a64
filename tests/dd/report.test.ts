/**
 * dd report, and the round trip of issue 13's "Done when": the sample workbook's DD payers ->
 * dd collect -> dd check passes -> an ARUDD for some of them -> dd report reverses exactly those
 * receipts and lists the follow-ups, to the penny.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/generated';
import { DD_ASSETS, sampleDd, SAMPLE_WORKBOOK } from './support/sample-register';

const FIXTURES = join(__dirname, '..', 'fixtures', 'bacs');
const REGISTER = join(DD_ASSETS, 'sample-mandates.csv');
const COLLECT = ['--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'Riverside Homes'];

interface Item {
  ref: string;
  pence: number;
  returnCode: string;
  description: string;
}

/** An ARUDD in the layout of the shared sample (tests/fixtures/bacs/arudd-sample-A-S620.xml). */
function arudd(day: string, original: string, items: Item[], totals?: { count: number; pence: number }): string {
  const money = (p: number) => (p / 100).toFixed(2);
  const t = totals ?? { count: items.length, pence: items.reduce((a, i) => a + i.pence, 0) };
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<BACSDocument><Data><ARUDD>
<Header reportType="REFT1234" adviceNumber="000" currentProcessingDate="${day}"></Header>
<ServiceLicenseInformation userName="RIVERSIDE HOMES" userNumber="123456"></ServiceLicenseInformation>
<Advice><OriginatingAccountRecords><OriginatingAccountRecord>
<OriginatingAccount name="RIVERSIDE HOMES" number="55779911" sortCode="20-00-00" type="0"></OriginatingAccount>
${items
  .map(
    (i) => `<ReturnedDebitItem ref="${i.ref}" transCode="17" returnCode="${i.returnCode}" returnDescription="${i.description}" originalProcessingDate="${original}" valueOf="${money(i.pence)}" currency="GBP">
<PayerAccount number="12345678" ref="${i.ref}" name="A PAYER" sortCode="01-02-03" bankName="A BANK" branchName="A BRANCH"></PayerAccount></ReturnedDebitItem>`,
  )
  .join('\n')}
<Totals numberOf="${t.count}" valueOf="${money(t.pence)}" currency="GBP"></Totals>
</OriginatingAccountRecord></OriginatingAccountRecords></Advice></ARUDD></Data></BACSDocument>
`;
}

/** The collections of a Standard 18 file: reference, amount in pence, code. */
function detailRecords(bacs: string): { ref: string; pence: number; code: string; account: string }[] {
  return bacs
    .split('\r\n')
    .filter((l) => l.length === 100 && ['01', '17', '18', '19'].includes(l.slice(15, 17)))
    .map((l) => ({ ref: l.slice(64, 82).trim(), pence: Number(l.slice(35, 46)), code: l.slice(15, 17), account: l.slice(6, 14) }));
}

function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

describe('the round trip: collect, check, unpaid, report', () => {
  it('reverses exactly the unpaid receipts, agrees to the penny, lists follow-ups, refuses a second run, re-presents reason 0', async () => {
    const dir = tempDir();
    const sample = await sampleDd();
    const bacsPath = join(dir, 'dd-20261210.txt');
    const collect = await runCli(['dd', 'collect', '--mandates', REGISTER, '--date', '2026-12-10', ...COLLECT, '--out', bacsPath, '--json']);
    expect(collect.code).toBe(0);
    expect((await runCli(['dd', 'check', bacsPath])).code).toBe(0);
    const collected = detailRecords(readFileSync(bacsPath, 'utf8'));
    expect(collected.length).toBeGreaterThan(10);

    // Three of the day's payers come back unpaid: refer to payer, instruction cancelled, payer deceased.
    const [a, b, c] = [collected[1], collected[4], collected[7]] as [(typeof collected)[number], (typeof collected)[number], (typeof collected)[number]];
    const reportPath = join(dir, 'arudd.xml');
    writeFileSync(
      reportPath,
      arudd('2026-12-16', '2026-12-10', [
        { ref: a.ref, pence: a.pence, returnCode: '1010', description: 'REFER TO PAYER' },
        { ref: b.ref, pence: b.pence, returnCode: '1012', description: 'INSTRUCTION CANCELLED' },
        { ref: c.ref, pence: c.pence, returnCode: '1013', description: 'PAYER DECEASED' },
      ]),
    );
    const out = join(dir, 'out');
    const ledger = join(dir, 'ledger.json');
    const r = await runCli(['dd', 'report', reportPath, '--mandates', REGISTER, '--accounts', SAMPLE_WORKBOOK, '--out', out, '--ledger', ledger, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { type: string; records: { reference: string; code: string; action: string; account: string; amount: string }[]; totals: { count: number; value: string }; controlAgrees: boolean };
    expect(json.type).toBe('ARUDD');
    expect(json.controlAgrees).toBe(true);
    expect(json.totals).toEqual({ count: 3, value: ((a.pence + b.pence + c.pence) / 100).toFixed(2) });
    expect(json.records.map((x) => [x.reference, x.code, x.action])).toEqual([
      [a.ref, '0', 'reverse'],
      [b.ref, '1', 'reverse'],
      [c.ref, '2', 'reverse'],
    ]);

    // postings.csv: exactly those three receipts, with the opposite sign of the workbook's DD receipts of 11 December.
    const postings = csvRows(readFileSync(join(out, 'postings.csv'), 'utf8'));
    expect(postings[0]).toEqual(['Account Ref', 'Date', 'Amount', 'Code', 'Batch Ref']);
    const receipts = new Map(sample.postings.filter((p) => p.date === '2026-12-11').map((p) => [p.account, p.amount]));
    const reversed = postings.slice(1);
    expect(reversed.map((p) => p[0])).toEqual([a, b, c].map((x) => x.ref.replace(/^HL/, '')));
    for (const p of reversed) {
      const receipt = receipts.get(p[0] as string);
      expect(receipt).toBeDefined();
      expect(Math.round(Number(p[2]) * 100)).toBe(-(receipt as number));
      expect(p[1]).toBe('16/12/2026');
    }

    // actions.csv: re-present reason 0 within a month of 10 December; the others to contact or write.
    const actions = csvRows(readFileSync(join(out, 'actions.csv'), 'utf8'));
    const byRef = (ref: string) => actions.filter((x) => x[3] === ref).map((x) => `${x[0] as string} ${x[8] as string}`);
    expect(byRef(a.ref)).toEqual(['re-present 10/01/2027']);
    expect(byRef(b.ref)).toEqual(['contact-payer ', 'cancel-mandate ']);
    expect(byRef(c.ref)).toEqual(['contact-payer ', 'cancel-mandate ']);
    expect(readFileSync(join(out, 'actions.csv'), 'utf8')).toMatch(/write to the tenant's estate/);

    // mandates.csv: the two cancelled, with who and why; bank details masked.
    const mandates = readFileSync(join(out, 'mandates.csv'), 'utf8');
    const cancelled = csvRows(mandates).filter((m) => m[8] === 'cancelled');
    expect(cancelled.map((m) => m[4])).toEqual([b.ref, c.ref]);
    expect(cancelled[0]?.slice(12, 15)).toEqual(['16/12/2026', 'housing-ledger dd report', 'ARUDD reason 1 INSTRUCTION CANCELLED']);
    for (const x of collected) {
      expect(mandates).not.toContain(x.account);
      expect(readFileSync(join(out, 'actions.csv'), 'utf8') + r.stdout).not.toContain(x.account);
    }

    // The same report again is refused through the import ledger.
    const again = await runCli(['dd', 'report', reportPath, '--mandates', REGISTER, '--out', join(dir, 'again'), '--ledger', ledger]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/applied before/);
    expect(existsSync(join(dir, 'again'))).toBe(false);

    // The reason-0 unpaid is re-presented (18, same amount) on a later day; the file passes dd check.
    const rep = join(dir, 'dd-20261217.txt');
    const c3 = await runCli(['dd', 'collect', '--mandates', REGISTER, '--date', '2026-12-17', ...COLLECT, '--out', rep, '--represent', join(out, 'actions.csv')]);
    expect(c3.code).toBe(0);
    expect(detailRecords(readFileSync(rep, 'utf8')).filter((x) => x.code === '18')).toEqual([{ ref: a.ref, pence: a.pence, code: '18', account: a.account }]);
    expect((await runCli(['dd', 'check', rep])).code).toBe(0);
  });

  it('a report whose totals disagree applies nothing (exit 1)', async () => {
    const dir = tempDir();
    const reportPath = join(dir, 'arudd.xml');
    writeFileSync(reportPath, arudd('2026-12-16', '2026-12-10', [{ ref: 'HL00100053', pence: 13778, returnCode: '1012', description: 'INSTRUCTION CANCELLED' }], { count: 1, pence: 13777 }));
    const r = await runCli(['dd', 'report', reportPath, '--mandates', REGISTER, '--out', join(dir, 'out'), '--ledger', join(dir, 'l.json'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).controlAgrees).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(dir, 'l.json'))).toBe(false);
  });

  it('reason 0 more than a month after the collection is not re-presented', async () => {
    const dir = tempDir();
    const reportPath = join(dir, 'arudd.xml');
    writeFileSync(reportPath, arudd('2027-01-12', '2026-12-10', [{ ref: 'HL00100053', pence: 13778, returnCode: '1010', description: 'REFER TO PAYER' }]));
    const r = await runCli(['dd', 'report', reportPath, '--mandates', REGISTER, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const actions = readFileSync(join(dir, 'out', 'actions.csv'), 'utf8');
    expect(actions).not.toMatch(/^re-present/m);
    expect(actions).toMatch(/too late to re-present/);
  });
});

describe('the shared report samples', () => {
  const register = (ref: string) => `Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection\r\n00100001,Bar Payer,08-99-99,66374958,${ref},65.00,monthly,1,live,01/01/2018,01/02/2018\r\n`;

  it.each([
    ['arudd-sample-A-S620.xml', 'X01234', 'ARUDD', 3, '225.00'],
    ['so-sure-ADDACS.xml', 'SOSURE01', 'ADDACS', 1, '0.00'],
    ['so-sure-AUDDIS.xml', 'SOSURE01', 'AUDDIS', 0, '0.00'],
  ])('%s is read with its control totals agreed', async (file, ref, type, count, value) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.csv'), register(ref));
    const r = await runCli(['dd', 'report', join(FIXTURES, file), '--mandates', join(dir, 'm.csv'), '--out', join(dir, 'out'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { type: string; controlAgrees: boolean; totals: { count: number; value: string }; records: { reference: string; action: string; account: string }[] };
    expect(json).toMatchObject({ type, controlAgrees: true, totals: { count, value } });
    if (type === 'ADDACS') {
      expect(json.records).toEqual([expect.objectContaining({ reference: 'SOSURE01', action: 'cancel-mandate', account: '00100001' })]);
      expect(readFileSync(join(dir, 'out', 'mandates.csv'), 'utf8')).toMatch(/,cancelled,.*ADDACS reason 1/);
    }
  });

  it('ADDACS reason 3 or C updates the bank details and never asks for a 0C; R re-instates', async () => {
    const dir = tempDir();
    const xml = readFileSync(join(FIXTURES, 'so-sure-ADDACS.xml'), 'utf8')
      .replace('subject-last-aosn="00000001"', 'subject-last-aosn="00000003"')
      .replace(/<MessagingAdvice ([^>]*)reason-code="1"([^>]*)\/>/, (_m, x: string, y: string) =>
        [`<MessagingAdvice ${x}reason-code="3" payer-new-sort-code="112233" payer-new-account-number="87654321"${y}/>`, `<MessagingAdvice ${x.replace('SOSURE01', 'SOSURE02')}reason-code="C"${y}/>`, `<MessagingAdvice ${x.replace('SOSURE01', 'SOSURE03')}reason-code="R"${y}/>`].join('\n'),
      );
    writeFileSync(join(dir, 'addacs.xml'), xml);
    const reg = `${register('SOSURE01')}00100002,Two,08-99-99,66374958,SOSURE02,65.00,monthly,1,live,01/01/2018,01/02/2018\r\n00100003,Three,08-99-99,66374958,SOSURE03,65.00,monthly,1,cancelled,01/01/2018,01/02/2018\r\n`;
    writeFileSync(join(dir, 'm.csv'), reg);
    const r = await runCli(['dd', 'report', join(dir, 'addacs.xml'), '--mandates', join(dir, 'm.csv'), '--out', join(dir, 'out'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { records: { reference: string; action: string }[] };
    expect(json.records.map((x) => `${x.reference} ${x.action}`)).toEqual(['SOSURE01 update-bank-details', 'SOSURE02 update-bank-details', 'SOSURE03 reinstate']);
    const actions = readFileSync(join(dir, 'out', 'actions.csv'), 'utf8');
    expect(actions).toMatch(/do NOT send a 0C/);
    expect(actions).toMatch(/new details sort code \*\*-\*\*-33 account \*\*\*\*4321/);
    expect(actions).not.toContain('87654321');
    const statuses = csvRows(readFileSync(join(dir, 'out', 'mandates.csv'), 'utf8')).slice(1).map((m) => m[8]);
    expect(statuses).toEqual(['live', 'live', 'live']);
  });

  it('a file that is not a Bacs report exits 2 with the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.csv'), register('X01234'));
    writeFileSync(join(dir, 'bad.xml'), '<BACSDocument>\n<Data>\n</BACSDocument>\n');
    const r = await runCli(['dd', 'report', join(dir, 'bad.xml'), '--mandates', join(dir, 'm.csv'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3: not readable XML/);
  });
});
