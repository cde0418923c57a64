/**
 * npm run bench:payments: a 50,000-line payment file against a rent roll of 125,000 accounts, through
 * the engine as the CLI and the task pane call it (read with the profile, controls, content hash and
 * payment keys, the ledger check, the roll indexed, every line allocated exactly or through the
 * suspense matcher, the postings, suspense and summary CSV text). Target (issue 5): <= 1 s.
 * Median of 7 runs, each on a freshly collected heap; the roll's index is built inside each run.
 */
import { cpus, loadavg } from 'node:os';
import type { IsoDate } from '../../src/engine/dates';
import { toPence } from '../../src/engine/money';
import type { Tenancy } from '../../src/engine/records';
import { RollIndex } from '../../src/engine/payments/allocate-payments';
import { appendToLedger, EMPTY_LEDGER, findInLedger, type ImportLedger } from '../../src/engine/payments/import-ledger';
import { postingsCsv, summaryCsv, suspenseCsv } from '../../src/engine/payments/payment-outputs';
import { completePaymentFile, preparePaymentFile, processPaymentFile } from '../../src/engine/payments/process-payment-file';
import { SHIPPED_PROFILES, type ImportProfile } from '../../src/engine/payments/profile';
import { Rng } from '../sample/generate';
import { FIRST_NAMES, SURNAMES } from '../sample/names';
import { generatePaymentFile, PAYMENT_FORMATS } from '../sample/payment-files';
import { median } from './timing';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 125_000);
const LINES = Number(process.env.BENCH_LINES ?? 50_000);
const RUNS = 7;
const DATE = '2026-12-01' as IsoDate;

function roll(n: number): Tenancy[] {
  const rng = new Rng(20261201, 3);
  const out: Tenancy[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      account: String(100000 + i * 7 + rng.int(0, 6)).padStart(8, '0'),
      property: `P${String(1000000 + i * 3 + rng.int(0, 2)).padStart(7, '0')}`,
      tenant: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`,
      address: `${rng.int(1, 200)} High Street`,
      postcode: `LS${rng.int(1, 30)} ${rng.int(1, 9)}AB`,
      start: '2020-01-06' as IsoDate,
      end: rng.chance(0.03) ? ('2026-06-01' as IsoDate) : null,
      weeklyCharge: toPence(rng.int(8000, 16000)),
      opening: toPence(0),
      closing: toPence(0),
      row: i + 2,
    });
  }
  return out;
}

const gc = (globalThis as { gc?: () => void }).gc;

function main(): void {
  const tenancies = roll(ACCOUNTS);
  // A ledger already holding a month of earlier files (20 files of 2,500 payments).
  let ledger: ImportLedger = EMPTY_LEDGER;
  const warm = new RollIndex(tenancies);
  for (let k = 0; k < 20; k++) {
    const f = generatePaymentFile(tenancies, { seed: 1000 + k, format: 'allpay', date: `2026-11-${String(k + 2).padStart(2, '0')}` as IsoDate, lines: 2500 });
    const r = processPaymentFile({ text: f.text, fileName: f.fileName, profile: SHIPPED_PROFILES.get('allpay') as ImportProfile, settlement: null, importedAt: '2026-11-30T09:00:00Z' }, warm, ledger);
    if (!r.ok) throw new Error('ledger warm-up failed');
    ledger = appendToLedger(ledger, r.entry);
  }
  process.stdout.write(`roll ${ACCOUNTS.toLocaleString('en-GB')} accounts; ledger ${ledger.entries.length} files, ${ledger.entries.reduce((s, e) => s + e.paymentKeys.length, 0).toLocaleString('en-GB')} payment keys\n`);
  const results: string[] = [];
  const formats = process.env.BENCH_FORMATS ? (process.env.BENCH_FORMATS.split(',') as typeof PAYMENT_FORMATS[number][]) : PAYMENT_FORMATS;
  for (const format of formats) {
    const file = generatePaymentFile(tenancies, { seed: 77, format, date: DATE, lines: LINES, unallocatable: 0.01, repairable: 0.01 });
    const profile = SHIPPED_PROFILES.get(format) as ImportProfile;
    const times: number[] = [];
    const cpu: number[] = [];
    const stages: Record<string, number[]> = { 'read+controls+hash+keys': [], 'ledger lookup': [], 'roll index': [], allocation: [], CSV: [] };
    let summary = '';
    for (let i = 0; i < RUNS; i++) {
      gc?.();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let t = t0;
      const lap = (stage: string): void => {
        const now = performance.now();
        stages[stage]?.push(now - t);
        t = now;
      };
      const prepared = preparePaymentFile(file.text, profile, file.fileName, null);
      lap('read+controls+hash+keys');
      const matches = findInLedger(ledger, prepared.hash, prepared.keys);
      lap('ledger lookup');
      const index = new RollIndex(tenancies);
      lap('roll index');
      const r = completePaymentFile(prepared, matches, index, '2026-12-02T09:00:00Z');
      lap('allocation');
      if (!r.ok) throw new Error(`${format}: refused: ${r.issues.map((x) => x.code).join(', ')}`);
      const bytes = postingsCsv(r.allocation).length + suspenseCsv(r.allocation, file.fileName).length + summaryCsv(r.allocation, file.fileName).length;
      lap('CSV');
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      summary = `${r.read.lines.length.toLocaleString('en-GB')} lines (${(file.text.length / 1e6).toFixed(1)} MB): ${r.allocation.allocated.length.toLocaleString('en-GB')} allocated (${r.allocation.allocated.filter((a) => a.how === 'repaired').length} repaired), ${r.allocation.suspense.length} suspense; ${(bytes / 1e6).toFixed(1)} MB of CSV`;
    }
    const m = median(times);
    results.push(`${format.padEnd(12)} ${m.toFixed(0).padStart(5)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; CPU ${median(cpu).toFixed(0)} ms)  ${m <= 1000 ? 'OK' : 'OVER the 1 s target'}\n      ${summary}\n      stages (median ms): ${Object.entries(stages).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ')}`);
  }
  const load = loadavg()[0] ?? 0;
  process.stdout.write(`engine time, median of ${RUNS} (target <= 1,000 ms); machine load average ${load.toFixed(1)} on ${cpus().length} cores (CPU: this process's user + system time, all its threads, GC included):\n${results.map((r) => `  ${r}`).join('\n')}\n`);
  process.stdout.write(`peak resident memory ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB\n`);
}

main();
