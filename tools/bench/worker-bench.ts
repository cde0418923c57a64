/**
 * The browser half of `npm run bench:worker`: generates a month of N accounts in the page, runs the
 * reconciliation through the real Web Worker (the pane's EngineClient), and measures, while it runs,
 * how long the page's own thread is ever kept busy (the longest gap between 10 ms timer ticks): the
 * pane stays responsive when that gap stays small. Results are left on window.__bench.
 */
import { generateMonth } from '../sample/generate';
import { spawnEngineWorker } from '../../src/taskpane/spawn-worker';
import { EngineClient } from '../../src/worker/client';

interface BenchResult {
  accounts: number;
  postings: number;
  runs: { totalMs: number; longestMainThreadGapMs: number; status: string; engineMs: number; fingerprintMs: number; fingerprintsAtMs: number }[];
  cloneMs: number;
  error?: string;
}

async function bench(): Promise<BenchResult> {
  const accounts = Number(new URLSearchParams(location.search).get('accounts') ?? 125_000);
  const month = generateMonth({ seed: 7, accounts, period: '2026-11' });
  const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
  const postings = (sheets.find((s) => s.name === 'Transactions')?.rows.length ?? 1) - 1;
  const c0 = performance.now();
  structuredClone(sheets);
  const cloneMs = Math.round(performance.now() - c0);
  const client = new EngineClient(spawnEngineWorker);
  const runs: BenchResult['runs'] = [];
  const times = Number(new URLSearchParams(location.search).get('runs') ?? 3);
  for (let i = 0; i < times; i++) {
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const t0 = performance.now();
    const outcome = await client.run({ kind: 'reconcile', file: 'bench.xlsx', sheets, period: '2026-11', config: month.config });
    const totalMs = performance.now() - t0;
    // The result is shown now; the fingerprints (for the session and the pack) follow it.
    const follow = outcome.kind === 'result' ? await client.fingerprints(outcome.id) : null;
    const fingerprintsAtMs = performance.now() - t0;
    clearInterval(timer);
    const engineMs = outcome.kind === 'result' ? outcome.timings.engineMs : -1;
    const fingerprintMs = follow ? follow.fingerprintMs : outcome.kind === 'result' ? outcome.timings.fingerprintMs : -1;
    runs.push({ totalMs: Math.round(totalMs), longestMainThreadGapMs: Math.round(longest), status: outcome.kind === 'result' ? outcome.result.status : outcome.kind, engineMs, fingerprintMs, fingerprintsAtMs: Math.round(fingerprintsAtMs) });
  }
  client.dispose();
  return { accounts, postings, runs, cloneMs };
}

const w = window as unknown as { __bench?: BenchResult };
bench().then(
  (r) => (w.__bench = r),
  (e: Error) => (w.__bench = { accounts: 0, postings: 0, runs: [], cloneMs: 0, error: e.message }),
);
