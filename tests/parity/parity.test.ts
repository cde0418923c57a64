/**
 * Parity (issue 9): the same workbook, config and payment files through the CLI's path (main() over
 * real files) and the pane's path (the worker's requests, the Dexie import ledger, the xlsx adapter
 * writing the specs) give the same figures, the same JSON objects, the same cells and the same CSV
 * bytes. Both paths get the same clock, so even the run stamps agree. The config sets non-default
 * matching, postings and cash-balancing values, so a front end that ignored a section would differ.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cashBalanceJson } from '../../src/engine/jobs/balance-cash';
import { matchesToData, paymentsJson, type ImportLedgerPort } from '../../src/engine/jobs/import-payments';
import { reconcileToJson } from '../../src/engine/reconcile/to-json';
import { SHIPPED_PROFILES } from '../../src/engine/payments/profile';
import { PRODUCT_VERSION } from '../../src/version';
import { cellsOf, cli, paneSheets, paneStore, PaneWorker, written } from './support';

const ROOT = resolve(__dirname, '..', '..');
const WORKBOOK = join(ROOT, 'assets', 'sample-workbook.xlsx');
const PAYMENTS = join(ROOT, 'assets', 'payments');
const NOW = new Date('2027-01-05T09:30:00Z');
const CONFIG = {
  ...(JSON.parse(readFileSync(join(ROOT, 'assets', 'sample-config.json'), 'utf8')) as Record<string, unknown>),
  suspenseMatch: { autoMinScore: 0.95 },
  payments: { postings: { dateFormat: 'yyyy-mm-dd', codes: { ALLPAY: 'APY', CASH: 'CSH' } }, endedTenancies: 'suspense' },
  cashBalance: { nearTolerancePercent: 5 },
};
const FILES: [string, string][] = [
  ['allpay-20261201.csv', 'allpay'],
  ['allpay-20261202.csv', 'allpay'],
  ['allpay-20261203.csv', 'allpay'],
  ['allpay-20261204.csv', 'allpay'],
  ['cash-office-20261201.csv', 'cash-office'],
  ['cash-office-20261202.csv', 'cash-office'],
  ['lloyds-20261201.csv', 'lloyds'],
  ['natwest-20261202.csv', 'natwest'],
];

describe('parity: the CLI and the pane give the same results, cells and bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hl-parity-'));
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(CONFIG));
  const worker = new PaneWorker();
  const ledgerPath = join(dir, 'ledger.json');
  const storeName = `hl-parity-${Date.now()}`;

  it('the month-end pack: the same figures and every cell of every HL sheet', async () => {
    const out = join(dir, 'audit.xlsx');
    const run = await cli(['reconcile', WORKBOOK, '--period', '2026-12', '--config', configPath, '--out', out, '--prepared-by', 'Alex Smith', '--json'], NOW);
    expect(run.stderr).toBe('');
    const sheets = await paneSheets(WORKBOOK);
    const answer = await worker.ask({ kind: 'reconcile', file: 'sample-workbook.xlsx', sheets, period: '2026-12', config: CONFIG, matchSuspense: true, carryReview: null });
    if (answer.kind !== 'result') throw new Error(answer.kind);
    expect(reconcileToJson(answer.result, answer.issues)).toEqual(JSON.parse(run.stdout));
    // The session the pane writes beside the pack, as the CLI's: written now by Alex Smith, nothing before it (its trail's head is on the Summary).
    const session = { savedAt: NOW.toISOString(), who: 'Alex Smith', config: CONFIG, userItems: [], resolutions: null, signOffs: [], trail: [] };
    const pack = await worker.ask({ kind: 'build-pack', productVersion: PRODUCT_VERSION, runAt: NOW.toISOString(), preparer: { name: 'Alex Smith', at: NOW.toISOString() }, reviewer: null, session });
    if (pack.kind !== 'pack') throw new Error(pack.kind);
    const names = pack.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['HL Summary', 'HL Sources', 'HL Clearance journal', 'HL Suspense ageing']));
    // The standalone page writes the pack into the open workbook; the CLI into a new one.
    const paneCells = await cellsOf(await written(pack.sheets, WORKBOOK), names);
    expect(paneCells).toEqual(await cellsOf(readFileSync(out), names));
    expect(paneCells['HL Clearance journal']?.length).toBeGreaterThan(8);
  });

  it('match-suspense: the same JSON, the same sheets, and the same journal and ageing CSV bytes', async () => {
    const out = join(dir, 'matches.xlsx');
    const csv = join(dir, 'journal.csv');
    const ageing = join(dir, 'ageing.csv');
    const run = await cli(['match-suspense', WORKBOOK, '--config', configPath, '--out', out, '--csv', csv, '--ageing', ageing, '--as-of', '2026-12-31', '--json'], NOW);
    expect(run.stderr).toBe('');
    const answer = await worker.ask({ kind: 'match-suspense', config: CONFIG, asOf: '2026-12-31', now: NOW.toISOString() });
    if (answer.kind !== 'suspense-matched') throw new Error(answer.kind);
    expect(answer.json).toEqual(JSON.parse(run.stdout));
    expect(answer.journalCsv).toBe(readFileSync(csv, 'utf8'));
    expect(answer.ageingCsv).toBe(readFileSync(ageing, 'utf8'));
    const names = answer.sheets.map((s) => s.name);
    expect(await cellsOf(await written(answer.sheets), names)).toEqual(await cellsOf(readFileSync(out), names));
  });

  it('payment files in turn: the profile detected, the same postings, suspense and summary bytes, the same JSON; the ledgers refuse a second import alike', async () => {
    const store = await paneStore(storeName);
    // The pane's Dexie store is the job's ledger port as it is; the CLI's is the JSON file in memory.
    const ledger: ImportLedgerPort = store;
    const sheets = await paneSheets(WORKBOOK);
    const roll = await worker.ask({ kind: 'load-roll', file: 'sample-workbook.xlsx', sheets, config: CONFIG });
    expect(roll.kind).toBe('roll');
    const profiles = [...SHIPPED_PROFILES.values()];
    for (const [file, name] of FILES) {
      const path = join(PAYMENTS, file);
      const outDir = join(dir, file.replace('.csv', ''));
      const run = await cli(['payments', path, '--profile', name, '--accounts', WORKBOOK, '--out', outDir, '--ledger', ledgerPath, '--config', configPath, '--json'], NOW);
      expect(run.stderr).toBe('');
      const text = readFileSync(path, 'utf8');
      const detected = await worker.ask({ kind: 'detect-profile', text, fileName: file, profiles });
      expect(detected).toMatchObject({ kind: 'profile-detected', name });
      const profile = SHIPPED_PROFILES.get(name);
      if (!profile) throw new Error(name);
      const prepared = await worker.ask({ kind: 'prepare-payments', text, fileName: file, profile, settlement: null });
      if (prepared.kind !== 'payments-prepared') throw new Error(prepared.kind);
      const matches = matchesToData(await ledger.findImports(prepared.hash, prepared.keys));
      const posted = await worker.ask({ kind: 'post-payments', ledger: matches, importedAt: NOW.toISOString(), config: CONFIG });
      if (posted.kind !== 'payments-posted' || !posted.outcome.ok) throw new Error(`${file} not posted`);
      await ledger.recordImport(posted.outcome.entry);
      const outputs = { postings: join(outDir, 'postings.csv'), suspense: join(outDir, 'suspense.csv'), summary: join(outDir, 'summary.csv') };
      expect(posted.outcome.outputs).toEqual({ postings: readFileSync(outputs.postings, 'utf8'), suspense: readFileSync(outputs.suspense, 'utf8'), summary: readFileSync(outputs.summary, 'utf8') });
      expect(paymentsJson(posted.outcome, { outputs, ledger: ledgerPath })).toEqual(JSON.parse(run.stdout));
    }
    // The configured postings layout reached both: codes and ISO dates.
    expect(readFileSync(join(dir, 'allpay-20261201', 'postings.csv'), 'utf8').split('\r\n')[1]).toMatch(/^\d+,2026-12-01,-\d+\.\d\d,APY,/);

    const [again, name] = FILES[0] as [string, string];
    const refusedCli = await cli(['payments', join(PAYMENTS, again), '--profile', name, '--accounts', WORKBOOK, '--out', join(dir, 'again'), '--ledger', ledgerPath, '--config', configPath], NOW);
    expect(refusedCli.code).toBe(2);
    const text = readFileSync(join(PAYMENTS, again), 'utf8');
    const prepared = await worker.ask({ kind: 'prepare-payments', text, fileName: again, profile: SHIPPED_PROFILES.get(name) as never, settlement: null });
    if (prepared.kind !== 'payments-prepared') throw new Error(prepared.kind);
    const refused = await worker.ask({ kind: 'post-payments', ledger: matchesToData(await store.findImports(prepared.hash, prepared.keys)), importedAt: NOW.toISOString(), config: CONFIG });
    if (refused.kind !== 'payments-posted' || refused.outcome.ok) throw new Error('the pane posted a file twice');
    expect(refusedCli.stderr).toBe(`housing-ledger: ${again}: ${refused.outcome.summary}; nothing was imported or written\n${refused.outcome.problems.map((p) => `  ${p}\n`).join('')}`);
    store.db.close();
  });

  it('cash balancing over the two ledgers: the same rows, CSV bytes, open items and sheet cells', async () => {
    const store = await paneStore(storeName);
    const out = join(dir, 'cash');
    const statement = join(PAYMENTS, 'settlements-statement.csv');
    const run = await cli(['balance-cash', '--statement', statement, '--ledger', ledgerPath, '--as-of', '2026-12-14', '--out', out, '--config', configPath, '--json'], NOW);
    expect(run.stderr).toBe('');
    const answer = await worker.ask({
      kind: 'balance-cash',
      statement: { text: readFileSync(statement, 'utf8'), file: 'settlements-statement.csv' },
      profile: null,
      ledger: await store.imports(),
      asOf: '2026-12-14',
      from: null,
      carried: null,
      channels: null,
      config: CONFIG,
    });
    if (answer.kind !== 'cash-balance' || !answer.run.ok) throw new Error('not balanced');
    const outputs = { csv: join(out, 'cash-balance.csv'), xlsx: join(out, 'cash-balance.xlsx'), openItems: join(out, 'open-items.json') };
    expect(cashBalanceJson(answer.run, outputs)).toEqual(JSON.parse(run.stdout));
    expect(answer.run.csv).toBe(readFileSync(outputs.csv, 'utf8'));
    expect(`${JSON.stringify(answer.run.openItems, null, 1)}\n`).toBe(readFileSync(outputs.openItems, 'utf8'));
    expect(await cellsOf(await written([answer.run.sheet]), ['HL Cash balancing'])).toEqual(await cellsOf(readFileSync(outputs.xlsx), ['HL Cash balancing']));
    // The planted missing settlement is found by both (the statement's other credits differ as well).
    expect(answer.run.differences.map((r) => r.status)).toEqual(expect.arrayContaining(['missing', 'short']));
    store.db.close();
  });
});
