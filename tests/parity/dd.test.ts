/**
 * Parity for Direct Debits (issue 13): dd collect and dd report through the CLI (main() over real
 * files) and through the pane's path (the worker's dd requests with the page's shipped data, the
 * Dexie import ledger) give the same JSON and the same bytes: the Bacs file, the notice list, the
 * register after the run, postings, mandates and actions. A report seen before is refused by both.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli, paneSheets, paneStore, PaneWorker } from './support';

const ROOT = resolve(__dirname, '..', '..');
const DD = join(ROOT, 'assets', 'dd');
const WORKBOOK = join(ROOT, 'assets', 'sample-workbook.xlsx');
const REGISTER = join(DD, 'sample-mandates.csv');
const NOW = new Date('2026-12-16T10:00:00Z');
const CONFIG = JSON.parse(readFileSync(join(ROOT, 'assets', 'sample-config.json'), 'utf8')) as unknown;
const text = (name: string): string => readFileSync(join(DD, name), 'utf8');
/** What the page ships beside itself (assets/dd/), as the pane sends it to the worker. */
const SHIPPED = { modulus: { valacdos: text('valacdos-v7-90.txt'), scsubtab: text('scsubtab.txt') }, holidays: text('bank-holidays-england-and-wales.txt') };

function arudd(day: string, original: string, items: readonly { ref: string; pence: number; code: string; text: string }[]): string {
  const money = (p: number) => (p / 100).toFixed(2);
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
<BACSDocument><Data><ARUDD>
<Header reportType="REFT1234" adviceNumber="000" currentProcessingDate="${day}"></Header>
<ServiceLicenseInformation userName="RIVERSIDE HOMES" userNumber="123456"></ServiceLicenseInformation>
<Advice><OriginatingAccountRecords><OriginatingAccountRecord>
<OriginatingAccount name="RIVERSIDE HOMES" number="55779911" sortCode="20-00-00" type="0"></OriginatingAccount>
${items
  .map(
    (i) => `<ReturnedDebitItem ref="${i.ref}" transCode="17" returnCode="${i.code}" returnDescription="${i.text}" originalProcessingDate="${original}" valueOf="${money(i.pence)}" currency="GBP">
<PayerAccount number="12345678" ref="${i.ref}" name="A PAYER" sortCode="01-02-03" bankName="A BANK" branchName="A BRANCH"></PayerAccount></ReturnedDebitItem>`,
  )
  .join('\n')}
<Totals numberOf="${items.length}" valueOf="${money(items.reduce((a, i) => a + i.pence, 0))}" currency="GBP"></Totals>
</OriginatingAccountRecord></OriginatingAccountRecords></Advice></ARUDD></Data></BACSDocument>
`;
}

describe('parity: dd collect and dd report give the same results through the CLI and the pane', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-dd-parity-'));
  const worker = new PaneWorker();

  it('dd collect: the same JSON, the same Bacs file, notice list and register bytes, with the rent roll', async () => {
    const out = join(dir, 'dd.txt');
    const notices = join(dir, 'notices.csv');
    const mandatesOut = join(dir, 'mandates-after.csv');
    const args = ['--date', '2026-12-10', '--sun', '123456', '--originator', '20-00-00:55779911', '--name', 'Riverside Homes'];
    const run = await cli(['dd', 'collect', '--mandates', REGISTER, ...args, '--accounts', WORKBOOK, '--out', out, '--notices', notices, '--mandates-out', mandatesOut, '--by', 'Alex Smith', '--json'], NOW);
    expect(run.stderr).toBe('');
    const roll = await worker.ask({ kind: 'load-roll', file: 'sample-workbook.xlsx', sheets: await paneSheets(WORKBOOK), config: CONFIG });
    expect(roll.kind).toBe('roll');
    const answer = await worker.ask({
      kind: 'dd-collect',
      input: { register: { kind: 'csv', text: readFileSync(REGISTER, 'utf8') }, processingDay: '2026-12-10', sun: '123456', originator: '20-00-00:55779911', serviceUserName: 'Riverside Homes', ...SHIPPED, representations: [], fileNumber: 1, by: 'Alex Smith' },
      withRoll: true,
    });
    if (answer.kind !== 'dd-collected') throw new Error(answer.kind);
    const { result } = answer;
    expect(result.json).toEqual(JSON.parse(run.stdout));
    expect(result.bacsText).toBe(readFileSync(out, 'utf8'));
    expect(result.noticesCsv).toBe(readFileSync(notices, 'utf8'));
    expect(result.mandatesCsv).toBe(readFileSync(mandatesOut, 'utf8'));
    expect(result.collections.length).toBeGreaterThan(10);
  });

  it('dd report: the same JSON and output bytes; both import ledgers refuse the report the second time', async () => {
    const reportPath = join(dir, 'arudd.xml');
    const reportText = arudd('2026-12-16', '2026-12-10', [
      { ref: 'HL00100053', pence: 13778, code: '1010', text: 'REFER TO PAYER' },
      { ref: 'HL00100166', pence: 10152, code: '1012', text: 'INSTRUCTION CANCELLED' },
    ]);
    writeFileSync(reportPath, reportText, 'latin1');
    const ledgerPath = join(dir, 'ledger.json');
    const out = join(dir, 'report');
    const run = await cli(['dd', 'report', reportPath, '--mandates', REGISTER, '--out', out, '--ledger', ledgerPath, '--by', 'Alex Smith', '--json'], NOW);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const store = await paneStore(`hl-dd-parity-${Date.now()}`);
    const ask = async () => {
      const a = await worker.ask({ kind: 'dd-report', reportText, fileName: 'arudd.xml', register: { kind: 'csv', text: readFileSync(REGISTER, 'utf8') }, ledger: await store.imports(), importedAt: NOW.toISOString(), by: 'Alex Smith', withRoll: false });
      if (a.kind !== 'dd-reported') throw new Error(a.kind);
      return a.result;
    };
    const result = await ask();
    expect(result.json).toEqual(JSON.parse(run.stdout));
    expect(result.controlAgrees).toBe(true);
    expect(result.postingsCsv).toBe(readFileSync(join(out, 'postings.csv'), 'utf8'));
    expect(result.mandatesCsv).toBe(readFileSync(join(out, 'mandates.csv'), 'utf8'));
    expect(result.actionsCsv).toBe(readFileSync(join(out, 'actions.csv'), 'utf8'));
    const entry = result.ledger?.entries.at(-1);
    if (!entry) throw new Error('no ledger entry');
    await store.recordImport(entry);

    const cliAgain = await cli(['dd', 'report', reportPath, '--mandates', REGISTER, '--out', join(dir, 'again'), '--ledger', ledgerPath], NOW);
    expect(cliAgain.code).toBe(2);
    const again = await ask();
    expect(again.exitCode).toBe(2);
    expect(again.problems.join(' ')).toMatch(/applied before/);
    expect(cliAgain.stderr).toContain(again.problems[0]?.replace(/^arudd\.xml: /, '') ?? 'x');
  });
});
