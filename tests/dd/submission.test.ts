/**
 * dd submission: what Bacs says it took in (the Bacstel-IP submission results) agreed with the
 * collection file that was sent, payment file by processing day: accepted, and the same debit
 * items and value and the same instructions, to the penny.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDdCollect } from '../../src/engine/jobs/dd-collect';
import { fileFigures } from '../../src/engine/jobs/dd-submission';
import { readSubmissionResults } from '../../src/engine/dd/submission-report';
import { runCli, tempDir } from '../support/generated';
import { DD_ASSETS } from './support/sample-register';

const FIXTURE = join(__dirname, '..', 'fixtures', 'bacs', 'submission-results-paygate.xml');
const text = (name: string) => readFileSync(join(DD_ASSETS, name), 'utf8');

function collectionFile(): { bacs: string; count: number; value: number; lodged: number } {
  const r = runDdCollect({
    register: { kind: 'csv', text: text('sample-mandates.csv') },
    processingDay: '2026-12-10',
    sun: '123456',
    originator: '20-00-00:55779911',
    serviceUserName: 'Riverside Homes',
    modulus: { valacdos: text('valacdos-v7-90.txt'), scsubtab: text('scsubtab.txt') },
    holidays: text('bank-holidays-england-and-wales.txt'),
    rentRoll: null,
    representations: [],
    fileNumber: 1,
  });
  return { bacs: r.bacsText ?? '', count: r.totals.count, value: r.totals.value, lodged: r.lodgements.length };
}

/** Submission results in the published layout for one payment file. */
function results(f: { day: string; status?: string; debits: number; value: number; ddis: number; sun?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SubmissionResults xmlns="http://bacs.co.uk/submissions" submissionIdentifier="X1" status="complete" submissionType="live" submissionSerialNumber="000123" submissionDateAndTime="Wed Dec 09 10:00:00 GMT 2026" submissionEarliestDate="2026-12-10">
 <SubmittingServiceUser userNumber="123456" name="RIVERSIDE HOMES"/>
 <PaymentFile status="${f.status ?? 'complete'}" index="1" paymentFileIdentifier="1" processingDay="${f.day}" currency="GBP" creditRecordCount="0" creditValueTotal="0" debitRecordCount="${f.debits}" debitValueTotal="${f.value}" ddiRecordCount="${f.ddis}" workCode="1 DAILY ">
  <OriginatingServiceUser userNumber="${f.sun ?? '123456'}" name="RIVERSIDE HOMES"/>
 </PaymentFile>
</SubmissionResults>
`;
}

describe('the submission results (Bacstel-IP SubmissionResults)', () => {
  it('reads the published example: one payment file, its status, day, counts and values in pence', () => {
    const { results: r, fileProblem } = readSubmissionResults(readFileSync(FIXTURE, 'utf8'));
    expect(fileProblem).toBeNull();
    expect(r?.problems).toEqual([]);
    expect(r?.files).toEqual([expect.objectContaining({ status: 'complete', processingDay: '2021-07-21', sun: '999992', credits: { count: 3, value: 60100 }, debits: { count: 0, value: 0 }, ddis: 0 })]);
  });

  it("counts the collection file's items as the submission results do: the contra left out", () => {
    const f = collectionFile();
    expect(fileFigures(f.bacs)).toEqual({ processingDay: '2026-12-10', sun: '123456', debits: { count: f.count, value: f.value }, credits: { count: 0, value: 0 }, ddis: f.lodged });
  });
});

describe('housing-ledger dd submission', () => {
  async function run(xml: string, bacs: string, json = false) {
    const dir = tempDir();
    writeFileSync(join(dir, 'results.xml'), xml);
    writeFileSync(join(dir, 'dd.txt'), bacs);
    return runCli(['dd', 'submission', join(dir, 'results.xml'), '--file', join(dir, 'dd.txt'), ...(json ? ['--json'] : [])]);
  }

  it('agrees an accepted payment file with the file sent (exit 0)', async () => {
    const f = collectionFile();
    const r = await run(results({ day: '2026-12-10', debits: f.count, value: f.value, ddis: f.lodged }), f.bacs, true);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ processingDay: '2026-12-10', accepted: true, agrees: true });
  });

  it('a penny out, an item missing, or a file not accepted is named (exit 1)', async () => {
    const f = collectionFile();
    const penny = await run(results({ day: '2026-12-10', debits: f.count, value: f.value - 1, ddis: f.lodged }), f.bacs);
    expect(penny.code).toBe(1);
    expect(penny.stdout).toMatch(/DOES NOT AGREE/);
    expect(penny.stdout).toMatch(/debit value: Bacs £[\d,]+\.\d\d, the file £[\d,]+\.\d\d/);
    expect(penny.stdout).not.toMatch(/debit items:/);
    const short = await run(results({ day: '2026-12-10', debits: f.count - 1, value: f.value, ddis: f.lodged }), f.bacs);
    expect(short.stdout).toMatch(new RegExp(`debit items: Bacs ${f.count - 1}, the file ${f.count}`));
    const rejected = await run(results({ day: '2026-12-10', status: 'rejected', debits: f.count, value: f.value, ddis: f.lodged }), f.bacs);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/status rejected/);
    expect(rejected.stdout).toMatch(/status: Bacs rejected, the file complete/);
  });

  it('a submission with no payment file for the processing day is named; an unreadable report exits 2', async () => {
    const f = collectionFile();
    const other = await run(readFileSync(FIXTURE, 'utf8'), f.bacs);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/processing day 10\/12\/2026: NOT IN THE SUBMISSION/);
    const bad = await run('<SubmissionResults><PaymentFile processingDay="soon"/></SubmissionResults>', f.bacs);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/processingDay 'soon' is not a date/);
    expect((await run('not xml <', f.bacs)).code).toBe(2);
  });
});
