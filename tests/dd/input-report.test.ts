/**
 * The Bacs Input report (what Bacs took in on input day: accepted, rejected and amended) read by
 * dd report from the one published sample found (so-sure's REFT2013 test resource): its Agreement
 * of File Totals agreed before anything else, nothing applied to the register or the postings, the
 * items Bacs rejected listed for a person where so-sure's reader finds them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBacsReport } from '../../src/engine/dd/bacs-reports';
import { runDdReport } from '../../src/engine/jobs/dd-report';
import { runCli, tempDir } from '../support/generated';

const FIXTURES = join(__dirname, '..', 'fixtures', 'bacs');
const SAMPLE = readFileSync(join(FIXTURES, 'so-sure-Input.xml'), 'utf8');
const REGISTER = 'Account Ref,Payer Name,Sort Code,Account Number,DDI Reference,Amount,Frequency,Collection Day,Status,Lodged On,First Collection\r\n00100001,Bar Payer,08-99-99,66374958,SOSURE01,0.01,monthly,1,live,01/01/2018,01/02/2018\r\n';
const report = (text: string) => runDdReport({ reportText: text, fileName: 'input.xml', register: { kind: 'csv', text: REGISTER }, rentRoll: null, ledger: { entries: [] }, importedAt: '2018-02-27T09:00:00Z', by: 'Alex Smith' });

/** The sample with one debit rejected instead of accepted, listed where so-sure's reader reads rejected items. */
function withRejectedDebit(): string {
  const debit = /(<AgreementOfFileTotals>[\s\S]*?<DebitEntry>\s*)<AcceptedRecords numberOf="1" currency="GBP" valueOf="0.01"\/>\s*<RejectedRecords numberOf="0" currency="GBP" valueOf="0.00"\/>/;
  expect(SAMPLE).toMatch(debit);
  return SAMPLE.replace(debit, '$1<AcceptedRecords numberOf="0" currency="GBP" valueOf="0.00"/><RejectedRecords numberOf="1" currency="GBP" valueOf="0.01"/>').replace(
    '<InputReportSummary>',
    '<Errors><Error><ErrorItem reference="SOSURE01" valueOf="0.01"/><ErrorMessage type="REJECTED"/></Error></Errors>\n<InputReportSummary>',
  );
}

describe('the Bacs Input report', () => {
  it('reads the published sample: its user file, processing day and Agreement of File Totals', () => {
    const { report: read, fileProblem } = readBacsReport(SAMPLE);
    expect(fileProblem).toBeNull();
    expect(read?.type).toBe('INPUT');
    expect(read?.problems).toEqual([]);
    expect(read?.input).toMatchObject({
      reportType: 'REFT2013',
      reportDay: '2018-02-28',
      files: [{ serviceUserNumber: '176198', fileNumber: '012', processingDay: '2018-02-28', debit: { accepted: { count: 1, value: 1 }, rejected: { count: 0, value: 0 }, submitted: { count: 1, value: 1 } } }],
      errors: [],
    });
  });

  it('dd report agrees its totals and applies nothing: no postings, no mandate changes, no actions', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.csv'), REGISTER);
    const r = await runCli(['dd', 'report', join(FIXTURES, 'so-sure-Input.xml'), '--mandates', join(dir, 'm.csv'), '--out', join(dir, 'out'), '--ledger', join(dir, 'ledger.json'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'INPUT', records: [], totals: { count: 0, value: '0.00' }, controlAgrees: true, control: 'debits submitted 1 £0.01, accepted 1 £0.01; 0 record(s) rejected, 0 amended', mandateChanges: [] });
    expect(readFileSync(join(dir, 'out', 'postings.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'out', 'actions.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
    // The same report again is refused, as every report is.
    const again = await runCli(['dd', 'report', join(FIXTURES, 'so-sure-Input.xml'), '--mandates', join(dir, 'm.csv'), '--out', join(dir, 'again'), '--ledger', join(dir, 'ledger.json')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/applied before/);
  });

  it('accepted and rejected that do not make what the user trailer submitted: the control disagrees, exit 1, nothing written', async () => {
    const broken = SAMPLE.replace(/(<AgreementOfFileTotals>[\s\S]*?<DebitEntry>[\s\S]*?)<UserTrailerTotals numberOf="1"/, '$1<UserTrailerTotals numberOf="2"');
    expect(report(broken)).toMatchObject({ controlAgrees: false, exitCode: 1, ledger: null });
    expect(report(broken).control).toMatch(/file 012 debits: accepted 1 \+ rejected 0 do not make the 2 submitted/);
    const dir = tempDir();
    writeFileSync(join(dir, 'm.csv'), REGISTER);
    writeFileSync(join(dir, 'input.xml'), broken);
    const r = await runCli(['dd', 'report', join(dir, 'input.xml'), '--mandates', join(dir, 'm.csv'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out', 'actions.csv'))).toBe(false);
  });

  it('a rejected item is listed with its account and what to do; the totals must count it', () => {
    const r = report(withRejectedDebit());
    expect(r.controlAgrees).toBe(true);
    expect(r.control).toBe('debits submitted 1 £0.01, accepted 0 £0.00; 1 record(s) rejected, 0 amended');
    expect(r.records).toEqual([expect.objectContaining({ reference: 'SOSURE01', code: 'REJECTED', account: '00100001', amount: 1, action: 'review', todo: expect.stringMatching(/^Bacs rejected this item at input: it was not collected/) })]);
    expect(r.changes).toEqual([]);
    expect(r.actionsCsv).toMatch(/^review,00100001,Bar Payer,SOSURE01,0\.01,REJECTED,/m);
    // Rejected in the totals but not listed (or listed but not in the totals): the control disagrees.
    const unlisted = withRejectedDebit().replace(/<Errors>[\s\S]*?<\/Errors>/, '');
    expect(report(unlisted)).toMatchObject({ controlAgrees: false, control: expect.stringMatching(/1 rejected record\(s\) in the totals but the report lists none/) });
  });
});
