/**
 * npm run bench:worker: the month-end run at 125,000 accounts (about a million postings) through the
 * task pane's real Web Worker in Chromium, with the longest time the page's own thread was kept busy
 * meanwhile (the pane stays responsive while that stays small). BENCH_ACCOUNTS changes the scale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve';
import { median } from './timing';

const ROOT = resolve(__dirname, '..', '..');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 125_000);
/** Runs in the page (the median is reported); BENCH_RUNS on a busy machine. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function main(): Promise<void> {
  execFileSync('npx', ['webpack', '--mode', 'production', '--env', 'bench'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const { server, url } = await startServer(join(ROOT, 'dist', 'bench'));
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`no ${chromiumPath}: apt-get install -y chromium`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hl-bench-')), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--max-old-space-size=4096'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/bench.html?accounts=${ACCOUNTS}&runs=${RUNS}`);
    await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, undefined, { timeout: 600_000, polling: 500 });
    const r = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as {
      accounts: number;
      postings: number;
      runs: { totalMs: number; longestMainThreadGapMs: number; status: string; engineMs: number; fingerprintMs: number; fingerprintsAtMs: number }[];
      cloneMs: number;
      error?: string;
    };
    if (r.error) throw new Error(r.error);
    console.log(`worker run in Chromium at ${r.accounts.toLocaleString('en-GB')} accounts, ${r.postings.toLocaleString('en-GB')} postings:`);
    console.log(`  structuredClone of the sheets on the page's thread alone: ${r.cloneMs} ms`);
    for (const run of r.runs) {
      console.log(`  result shown after ${run.totalMs} ms (engine ${run.engineMs} ms); fingerprints ${run.fingerprintMs} ms in the worker, ready at ${run.fingerprintsAtMs} ms; longest main-thread gap ${run.longestMainThreadGapMs} ms; ${run.status}`);
    }
    console.log(`median result ${median(r.runs.map((x) => x.totalMs))} ms, fingerprints ready ${median(r.runs.map((x) => x.fingerprintsAtMs))} ms; worst main-thread gap ${Math.max(...r.runs.map((x) => x.longestMainThreadGapMs))} ms`);
  } finally {
    await context.close();
    server.close();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
