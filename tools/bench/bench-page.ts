/**
 * npm run bench:page: a coordinator's month through the standalone page in headless Chromium, as a
 * person would drive it: open the workbook, run, open the suspense queue, filter it, make one
 * decision, accept every automatic allocation, undo that, write the audit pack and download the
 * workbook. For each action: the time from the click (or key) to what it shows on screen, and the
 * page's longest pause meanwhile (the longest 'longtask' entry, and the longest gap between 10 ms
 * timer ticks, whichever is larger). BENCH_ACCOUNTS sets the scale (30,000 by default; at 125,000
 * the queue is only opened and scrolled), BENCH_RUNS how many times the whole path is repeated
 * (the median is reported), BENCH_SHOTS=DIR saves the suspense step at 350 px and 1280 px wide.
 * The month is the seeded generator's (tools/sample), written once to .bench/ and served beside the
 * page. Chromium starts as the browser tests start it (tools/support/chromium.ts). BENCH_TRACE=1 lists
 * what the page's long tasks during the open and through accept-all and undo were made of (script, styles, layout: page-trace.ts).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve';
import { ensureWebBuild } from '../../tests/support/web-build';
import { CHROMIUM, haveChromium, launchChromium } from '../support/chromium';
import { generateMonth } from '../sample/generate';
import { writeGeneratedXlsx } from '../sample/write-xlsx';
import { median } from './timing';
import { longTasks, startTrace } from './page-trace';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const OUT = join(ROOT, '.bench');
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PERIOD = '2026-11';
/**
 * A large landlord's queue: the generator's default makes a few hundred suspense items at this scale;
 * the issue's month had 4,049 open at 30,000 accounts, which about 0.21 items made per account gives.
 */
const SUSPENSE_ITEMS = Number(process.env.BENCH_SUSPENSE ?? Math.round(ACCOUNTS * 0.213));
/** Only the queue opening and scrolling is asked of the largest months (the issue's "still opens and scrolls"). */
const FULL_PATH = ACCOUNTS <= 60_000;
/** BENCH_PROFILE=1: a CPU profile of the page's thread through accept-all and its undo, saved in .bench/ and summarised. */
const PROFILE = process.env.BENCH_PROFILE === '1';
/** BENCH_PROFILE=open: CPU profiles of the page's thread while the workbook opens and while the run reaches Review, saved in .bench/ (=write: while the pack is written; =download: while the workbook is zipped and downloaded). */
const PROFILE_OPEN = process.env.BENCH_PROFILE === 'open';
/** BENCH_TRACE=1: Chromium traces of the page's thread while the workbook opens and through accept-all and undo; their long tasks listed by the browser's event names (tools/bench/page-trace.ts). */
const TRACE = process.env.BENCH_TRACE === '1';
/** BENCH_STOP_AFTER=ACTION ("run to Review", "scroll to the end", ...): the path ends after that action. */
const STOP_AFTER = process.env.BENCH_STOP_AFTER ?? null;
/** How long the page is left idle after opening, to measure the machine's noise floor (BENCH_IDLE_MS). */
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 10_000);
/** BENCH_SHOTS=DIR: screenshots of the suspense step at a phone's width and a desktop's, in DIR. */
const SHOTS = process.env.BENCH_SHOTS ? resolve(process.env.BENCH_SHOTS) : null;

interface Probe {
  longtasks: { start: number; duration: number }[];
  gaps: { at: number; gap: number }[];
}

/** Installed before the page's own scripts: the long tasks and the timer gaps, with when they happened. */
function installProbe(): void {
  const probe: Probe = { longtasks: [], gaps: [] };
  (window as unknown as { __probe: Probe }).__probe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no longtask entries here: the timer gaps still say */
  }
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 50) probe.gaps.push({ at: last, gap: now - last });
    last = now;
  }, 10);
}

interface Timing {
  readonly ms: number;
  readonly pauseMs: number;
}

/** What an action waits for, checked in the page at each frame (functions, not strings: the page's CSP forbids eval). */
type Done = { kind: 'button'; re: string } | { kind: 'option' } | { kind: 'scrolled-to-end' } | { kind: 'only'; re: string } | { kind: 'label-changed'; from: string } | { kind: 'status'; re: string } | { kind: 'now' };

function isDone(d: Done): number | false {
  const ok = (() => {
    switch (d.kind) {
      case 'button':
        return [...document.querySelectorAll('button')].some((b) => new RegExp(d.re).test(b.textContent ?? ''));
      case 'option':
        return document.querySelector('[role="listbox"] [role="option"]') !== null;
      case 'scrolled-to-end': {
        const opts = document.querySelectorAll('[role="listbox"] [role="option"]');
        const last = opts[opts.length - 1];
        return last !== undefined && last.getAttribute('aria-posinset') === last.getAttribute('aria-setsize');
      }
      case 'only': {
        const opts = [...document.querySelectorAll('[role="listbox"] [role="option"]')];
        return opts.length > 0 && opts.every((o) => new RegExp(d.re).test(o.textContent ?? ''));
      }
      case 'label-changed':
        return (document.querySelector('[role="listbox"]')?.getAttribute('aria-label') ?? d.from) !== d.from;
      case 'status':
        return [...document.querySelectorAll('[role="status"]')].some((el) => new RegExp(d.re).test(el.textContent ?? ''));
      case 'now':
        return true;
    }
  })();
  return ok ? performance.now() : false;
}

/** Times one action: from just before `act` to the first frame where `done` holds in the page, and the longest pause in between. */
async function timed(page: Page, act: () => Promise<void>, done: Done, timeout = Number(process.env.BENCH_TIMEOUT ?? 600_000)): Promise<Timing> {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  const handle = await page.waitForFunction(isDone, done, { polling: 'raf', timeout });
  const t1 = (await handle.jsonValue()) as number;
  // Let a pause that ends with the frame be recorded.
  await page.waitForTimeout(120);
  const pauseMs = await page.evaluate(
    ([from, to]) => {
      const p = (window as unknown as { __probe: Probe }).__probe;
      let worst = 0;
      for (const l of p.longtasks) if (l.start + l.duration >= from && l.start <= to) worst = Math.max(worst, l.duration);
      for (const g of p.gaps) if (g.at + g.gap >= from && g.at <= to) worst = Math.max(worst, g.gap);
      return worst;
    },
    [t0, t1] as const,
  );
  if (process.env.BENCH_VERBOSE === '1') {
    // The long tasks themselves, from the action's start: which part of it held the page.
    const long = await page.evaluate(
      ([from, to]) => (window as unknown as { __probe: Probe }).__probe.longtasks.filter((l) => l.start + l.duration >= from && l.start <= to && l.duration >= 100).map((l) => `${Math.round(l.start - from)}+${Math.round(l.duration)}`),
      [t0, t1] as const,
    );
    process.stdout.write(`  ${JSON.stringify(done)}: ${Math.round(t1 - t0)} ms (pause ${Math.round(pauseMs)}; long tasks at ms+ms: ${long.join(' ') || 'none'})\n`);
  }
  return { ms: Math.round(t1 - t0), pauseMs: Math.round(pauseMs) };
}

/** Clicks the element in the page itself (no pointer movement to wait for). */
async function click(page: Page, name: RegExp | string): Promise<void> {
  await page
    .getByRole('button', { name, exact: typeof name === 'string' })
    .first()
    .evaluate((el) => (el as HTMLElement).click());
}

/** The functions the page's thread spent most of its own time in (a CPU profile's self time). */
function topSelf(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): string {
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const us = self.get(n.id) ?? 0;
    if (us === 0) continue;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + us);
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, us]) => `${k} ${Math.round(us / 1000)} ms`).join('; ');
}

/** The page as it is now at 1280 px and at 350 px wide (then back to 1280 x 900). */
async function shots(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const width of [1280, 350]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`) });
    process.stdout.write(`saved ${join(dir, `${name}-${width}.png`)}\n`);
  }
  // At a phone's width the queue is below the step's controls: its rows, scrolled into sight.
  await page.getByRole('listbox', { name: /^Suspense items/ }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, `${name}-350-queue.png`) });
  process.stdout.write(`saved ${join(dir, `${name}-350-queue.png`)}\n`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(300);
}

/** Fills `t` as it goes, so a path that fails part way still reports what it measured. */
async function onePath(page: Page, url: string, run: number, t: Record<string, Timing>): Promise<Record<string, Timing>> {
  const openProfiler = PROFILE_OPEN ? await page.context().newCDPSession(page) : null;
  if (openProfiler) {
    await openProfiler.send('Profiler.enable');
    await openProfiler.send('Profiler.start');
  }
  const stopTrace = TRACE ? await startTrace(await page.context().newCDPSession(page)) : null;
  await page.goto(url);
  t['open workbook'] = await timed(page, async () => undefined, { kind: 'button', re: '^Next: Settings$' });
  if (stopTrace) {
    const events = await stopTrace();
    writeFileSync(join(OUT, `page-open-${run + 1}.trace.json`), JSON.stringify({ traceEvents: events }));
    process.stdout.write(`page's thread, opening the workbook, its tasks over 50 ms (ms of each event by name):\n  ${longTasks(events).join('\n  ')}\n`);
  }
  if (openProfiler) {
    const { profile } = await openProfiler.send('Profiler.stop');
    writeFileSync(join(OUT, `page-open-${run + 1}.cpuprofile`), JSON.stringify(profile));
    process.stdout.write(`page's thread, opening the workbook, by self time: ${topSelf(profile)}\n`);
    await openProfiler.send('Profiler.start');
  }
  if (STOP_AFTER === 'open workbook') return t;
  // The machine's own noise: the longest pause of the page doing nothing for a while (other
  // processes on the same cores hold the page's thread too; read the actions' pauses against it).
  t['idle page (noise floor)'] = await timed(page, () => page.waitForTimeout(IDLE_MS), { kind: 'now' });
  await click(page, 'Next: Settings');
  await page.getByLabel('Your name').fill(`Bench Person ${run}`);
  await click(page, 'Next: Run');
  t['run to Review'] = await timed(page, () => click(page, 'Run the reconciliation'), { kind: 'button', re: '^Next: Suspense$' });
  if (openProfiler) {
    const { profile } = await openProfiler.send('Profiler.stop');
    writeFileSync(join(OUT, `page-run-${run + 1}.cpuprofile`), JSON.stringify(profile));
    process.stdout.write(`page's thread, settings and the run, by self time: ${topSelf(profile)}\n`);
  }
  if (STOP_AFTER === 'run to Review') return t;
  t['open the queue'] = await timed(page, () => click(page, '5 Suspense'), { kind: 'option' });
  const queue = page.getByRole('listbox', { name: /^Suspense items/ });
  // Scroll the queue to its end: only the rows in sight are drawn.
  t['scroll to the end'] = await timed(page, () => queue.evaluate((el) => el.scrollTo({ top: el.scrollHeight })), { kind: 'scrolled-to-end' });
  await queue.evaluate((el) => el.scrollTo({ top: 0 }));
  if (SHOTS && run === 0) await shots(page, SHOTS, `suspense-${ACCOUNTS}`);
  if (!FULL_PATH || STOP_AFTER === 'scroll to the end') return t;
  t['filter: for review'] = await timed(page, () => page.getByLabel('Show', { exact: true }).selectOption('review').then(() => undefined), { kind: 'only', re: 'For review' });
  await page.getByLabel('Show', { exact: true }).selectOption('open');
  await queue.focus();
  const before = (await queue.getAttribute('aria-label')) ?? '';
  t['one decision (L)'] = await timed(page, () => page.keyboard.press('l'), { kind: 'label-changed', from: before });
  await click(page, /^Accept all automatic \(/);
  const profiler = PROFILE ? await page.context().newCDPSession(page) : null;
  const stopDecisionsTrace = TRACE ? await startTrace(await page.context().newCDPSession(page)) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  t['accept all'] = await timed(page, () => page.getByRole('group', { name: 'Confirm accepting all automatic allocations' }).getByRole('button', { name: /^Accept [\d,]+$/ }).evaluate((el) => (el as HTMLElement).click()), { kind: 'button', re: '^Accept all automatic \\(0\\)$' });
  // An undo of many decisions asks first (an alert dialog naming how many): the time runs from its confirmation.
  await click(page, 'Undo');
  const confirmUndo = page.getByRole('alertdialog').getByRole('button', { name: /^Undo [\d,]+ decisions$/ });
  await confirmUndo.waitFor();
  t['undo accept all'] = await timed(page, () => confirmUndo.evaluate((el) => (el as HTMLElement).click()), { kind: 'button', re: '^Accept all automatic \\([1-9]' });
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    writeFileSync(join(OUT, `page-accept-undo-${run + 1}.cpuprofile`), JSON.stringify(profile));
    process.stdout.write(`page's thread, accept all and undo, by self time: ${topSelf(profile)}\n`);
  }
  if (stopDecisionsTrace) process.stdout.write(`page's thread, accept all and undo, its tasks over 50 ms:\n  ${longTasks(await stopDecisionsTrace()).join('\n  ')}\n`);
  if (STOP_AFTER === 'undo accept all') return t;
  await click(page, '6 Sign-off');
  const writeProfiler = await startProfile(page, 'write');
  t['write the pack'] = await timed(page, () => click(page, /^Write the audit pack/), { kind: 'status', re: '^Written ' });
  await stopProfile(writeProfiler, `page-write-${run + 1}`, 'writing the pack');
  const downloadProfiler = await startProfile(page, 'download');
  const downloaded = page.waitForEvent('download', { timeout: 600_000 });
  t['download the workbook'] = await timed(
    page,
    async () => {
      await click(page, 'Download workbook');
      await downloaded;
    },
    { kind: 'now' },
  );
  await stopProfile(downloadProfiler, `page-download-${run + 1}`, 'downloading the workbook');
  return t;
}

/** A CPU profile of the page's thread, when BENCH_PROFILE names this action (write, download). */
async function startProfile(page: Page, action: string): Promise<CDPSession | null> {
  if (process.env.BENCH_PROFILE !== action) return null;
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  return session;
}

/** Saves the profile in .bench/ as NAME.cpuprofile and prints its top self times. */
async function stopProfile(session: CDPSession | null, name: string, what: string): Promise<void> {
  if (!session) return;
  const { profile } = await session.send('Profiler.stop');
  writeFileSync(join(OUT, `${name}.cpuprofile`), JSON.stringify(profile));
  process.stdout.write(`page's thread, ${what}, by self time: ${topSelf(profile)}\n`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const file = `page-${ACCOUNTS}-${SUSPENSE_ITEMS}.xlsx`;
  const path = join(OUT, file);
  if (!existsSync(path)) {
    process.stdout.write(`Writing a ${ACCOUNTS.toLocaleString('en-GB')}-account month to ${path} ...\n`);
    await writeGeneratedXlsx(generateMonth({ seed: 2026, accounts: ACCOUNTS, period: PERIOD, suspenseItems: SUSPENSE_ITEMS }), path);
  }
  ensureWebBuild(ROOT);
  copyFileSync(path, join(WEB, file));
  const { server, url } = await startServer(WEB);
  if (!haveChromium()) throw new Error(`no ${CHROMIUM}: apt-get install -y chromium`);
  const all: Record<string, Timing>[] = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      // A fresh profile each time: no session from the last run is resumed.
      const { context, page } = await launchChromium('hl-bench-page-', { acceptDownloads: true, extraArgs: ['--js-flags=--max-old-space-size=4096'] });
      try {
        page.setDefaultTimeout(600_000);
        await page.addInitScript(installProbe);
        const t: Record<string, Timing> = {};
        all.push(t);
        try {
          await onePath(page, `${url}/standalone.html?sample=${file}`, r, t);
        } catch (e) {
          process.stdout.write(`run ${r + 1} stopped: ${(e as Error).message.split('\n')[0]}\n`);
        }
        process.stdout.write(`run ${r + 1}: ${Object.entries(t).map(([k, v]) => `${k} ${v.ms} ms (pause ${v.pauseMs})`).join('; ')}\n`);
      } finally {
        await context.close();
      }
    }
  } finally {
    server.close();
  }
  console.log(`\nThe standalone page at ${ACCOUNTS.toLocaleString('en-GB')} accounts, median of ${all.length}:`);
  console.log('| action | time | longest pause |');
  console.log('|---|---:|---:|');
  for (const action of Object.keys(all[0] ?? {})) {
    const runs = all.map((t) => t[action]).filter((x): x is Timing => x !== undefined);
    console.log(`| ${action} | ${median(runs.map((x) => x.ms)).toLocaleString('en-GB')} ms | ${median(runs.map((x) => x.pauseMs)).toLocaleString('en-GB')} ms |`);
  }
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
