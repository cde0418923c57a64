/**
 * npm run bench: the engine at 125,000 accounts for one month (about 1,000,000 postings), against a
 * floor (one pass converting every input cell to typed values), and the CLI end to end on a
 * 30,000-account workbook against the time exceljs alone takes to read the same file.
 * Targets (issue 2): reconcile <= 1 s and <= 2x the floor; CLI <= 1.5x the exceljs read; peak memory <= 1 GB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RawCell, SheetData } from '../../src/engine/cells';
import { parseConfig } from '../../src/engine/config';
import { monthPeriod, serialToIso } from '../../src/engine/dates';
import { runReconciliation, summariseSources } from '../../src/engine/run-reconciliation';
import { generateMonth } from '../sample/generate';
import { writeGeneratedXlsx } from '../sample/write-xlsx';
import { median, time } from './timing';

const ROOT = resolve(__dirname, '..', '..');
const OUT = resolve(ROOT, '.bench');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 125_000);
const CLI_ACCOUNTS = Number(process.env.BENCH_CLI_ACCOUNTS ?? 30_000);
const PERIOD = '2026-11';
const RUNS = 7;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (t: number): string => `${t.toFixed(0)} ms`;

/**
 * The floor: every data cell of every input converted once to a typed value and kept (a row array
 * per data row: ISO date strings, integer pence, trimmed text), with no validation, no header
 * search, no lookups and no logic. The least any reader of these sheets must do.
 */
function floorPass(sheets: readonly SheetData[], kinds: ReadonlyMap<string, readonly ('date' | 'money' | 'text')[]>): unknown[][] {
  const out: unknown[][] = [];
  // A month has a few dozen distinct dates: converting each once is the least work, not a trick.
  const dates = new Map<number, string | null>();
  for (const s of sheets) {
    const cols = kinds.get(s.name) ?? [];
    const header = s.rows.findIndex((r) => r.length > 1);
    for (let r = header + 1; r < s.rows.length; r++) {
      const row = s.rows[r] as readonly RawCell[];
      const typed = new Array<unknown>(cols.length);
      for (let c = 0; c < cols.length; c++) {
        const v = row[c];
        switch (cols[c]) {
          case 'date':
            if (typeof v === 'number') {
              let d = dates.get(v);
              if (d === undefined) {
                d = serialToIso(v);
                dates.set(v, d);
              }
              typed[c] = d;
            } else typed[c] = null;
            break;
          case 'money':
            typed[c] = typeof v === 'number' ? Math.round(v * 100) : null;
            break;
          default:
            typed[c] = v === null || v === undefined ? '' : String(v).trim();
        }
      }
      out.push(typed);
    }
  }
  return out;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const results: Record<string, unknown> = { accounts: ACCOUNTS, cliAccounts: CLI_ACCOUNTS, node: process.version, when: new Date().toISOString() };

  // ---- Engine at scale.
  process.stdout.write(`Generating ${ACCOUNTS.toLocaleString('en-GB')} accounts for ${PERIOD} ...\n`);
  const [month, genMs] = time(() => generateMonth({ seed: 2026, accounts: ACCOUNTS, period: PERIOD }));
  const sheets: SheetData[] = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
  process.stdout.write(`  ${month.counts.postings.toLocaleString('en-GB')} postings, ${month.counts.glLines.toLocaleString('en-GB')} GL lines, ${month.counts.suspenseItems} suspense items (${ms(genMs)})\n`);
  const parsed = parseConfig(month.config);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const p = monthPeriod(PERIOD);
  if (!p) throw new Error('period');
  const period = { label: PERIOD, ...p };
  const kinds = new Map<string, ('date' | 'money' | 'text')[]>();
  for (const s of month.sheets) {
    const width = (s.rows.find((r) => r.length > 1) ?? []).length;
    kinds.set(s.name, Array.from({ length: width }, (_x, i) => (s.dateColumns.includes(i) ? 'date' : s.moneyColumns.includes(i) ? 'money' : 'text')));
  }

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const engineTimes: number[] = [];
  const floorTimes: number[] = [];
  let outcome: ReturnType<typeof runReconciliation> | undefined;
  for (let i = 0; i < RUNS; i++) {
    // Each timed run starts from a collected heap, and its output is dropped before the next.
    global.gc?.();
    const [floorOut, f] = time(() => floorPass(sheets, kinds));
    floorTimes.push(f);
    if (floorOut.length === 0) throw new Error('the floor read nothing');
    outcome = undefined; // the previous run's records are garbage before this one starts
    global.gc?.();
    const [o, e] = time(() => runReconciliation({ file: 'bench.xlsx', sheets }, { period, config: parsed.config }));
    engineTimes.push(e);
    outcome = o;
  }
  const heapAfter = process.memoryUsage().heapUsed;
  if (!outcome?.ok) throw new Error('the generated month did not reconcile');
  const expectedDiff = month.expected.difference;
  if (outcome.result.difference !== expectedDiff) throw new Error(`difference ${outcome.result.difference} != oracle ${expectedDiff}`);
  const [, hashMs] = time(() => summariseSources(outcome.sources, sheets));
  const engine = median(engineTimes);
  const floor = median(floorTimes);
  const peak = process.resourceUsage().maxRSS * 1024;
  Object.assign(results, {
    postings: month.counts.postings,
    glLines: month.counts.glLines,
    engineMs: Math.round(engine),
    floorMs: Math.round(floor),
    ratio: Number((engine / floor).toFixed(2)),
    fingerprintMs: Math.round(hashMs),
    peakRssBytes: peak,
    heapGrowthBytes: heapAfter - heapBefore,
  });
  process.stdout.write(`Engine (sheet values -> reconciliation), median of ${RUNS}: ${ms(engine)}; floor ${ms(floor)}; ratio ${(engine / floor).toFixed(2)}x\n`);
  process.stdout.write(`  SHA-256 fingerprints of the sources (audit pack only): ${ms(hashMs)}\n`);
  process.stdout.write(`  peak RSS of this process (generator data included): ${mb(peak)}\n`);

  // ---- CLI end to end on an xlsx, against exceljs reading the same file.
  const file = resolve(OUT, `month-${CLI_ACCOUNTS}.xlsx`);
  const config = resolve(OUT, 'config.json');
  process.stdout.write(`Writing a ${CLI_ACCOUNTS.toLocaleString('en-GB')}-account workbook ...\n`);
  const small = generateMonth({ seed: 2027, accounts: CLI_ACCOUNTS, period: PERIOD });
  await writeGeneratedXlsx(small, file);
  writeFileSync(config, JSON.stringify(small.config));
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
  const read = (): number => {
    const [r, t] = time(() => spawnSync(process.execPath, ['-e', `new (require('exceljs').Workbook)().xlsx.readFile(${JSON.stringify(file)}).then(() => 0)`], { cwd: ROOT }));
    if (r.status !== 0) throw new Error(String(r.stderr));
    return t;
  };
  const cli = (): number => {
    const [r, t] = time(() => spawnSync(process.execPath, [resolve(ROOT, 'bin/housing-ledger.js'), 'reconcile', file, '--period', PERIOD, '--config', config, '--json'], { cwd: ROOT, maxBuffer: 1 << 28 }));
    if (r.status !== 0) throw new Error(String(r.stderr));
    return t;
  };
  const readTimes: number[] = [];
  const cliTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    readTimes.push(read());
    cliTimes.push(cli());
  }
  const readMs = median(readTimes);
  const cliMs = median(cliTimes);
  Object.assign(results, { cliFileBytes: statSync(file).size, cliPostings: small.counts.postings, exceljsReadMs: Math.round(readMs), cliMs: Math.round(cliMs), cliRatio: Number((cliMs / readMs).toFixed(2)) });
  process.stdout.write(`CLI reconcile --json, ${small.counts.postings.toLocaleString('en-GB')} postings (${mb(statSync(file).size)} xlsx): ${ms(cliMs)}; exceljs read alone ${ms(readMs)}; ratio ${(cliMs / readMs).toFixed(2)}x\n`);

  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  process.stdout.write(
    [
      '',
      'Targets:',
      `  engine <= 1000 ms: ${verdict(engine <= 1000)} (${ms(engine)})`,
      `  engine <= 2x floor: ${verdict(engine <= 2 * floor)} (${(engine / floor).toFixed(2)}x)`,
      `  CLI <= 1.5x exceljs read: ${verdict(cliMs <= 1.5 * readMs)} (${(cliMs / readMs).toFixed(2)}x)`,
      `  peak memory <= 1 GB: ${verdict(peak <= 1024 ** 3)} (${mb(peak)})`,
      '',
    ].join('\n'),
  );
  writeFileSync(resolve(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

void main();
