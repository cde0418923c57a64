/**
 * Issue 11's done-when in real Chromium: a pack written by the CLI (`reconcile --out --with-inputs`),
 * signed by `sign` twice (preparer, then a different reviewer), opened on the standalone page in a
 * FRESH browser profile (nothing in IndexedDB) resumes the session the workbook carries: its trail
 * and both signatures, valid for the figures the page computes again; a change there (a suspense
 * decision) voids both at once, naming the change. The sign-off step is screenshotted at 350 px and
 * 1280 px, valid and void (test-results/screens/signoff-*.png).
 *
 * Needs Debian's chromium (.ci/run installs it); skipped with a warning elsewhere, as the other
 * browser tests. The pages are rebuilt first when stale (tests/support/web-build.ts).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve';
import { runCli } from '../support/generated';
import { browserSuite, launchChromium } from '../support/chromium';
import { ensureWebBuild } from '../support/web-build';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const SAMPLE = join(ROOT, 'assets', 'sample-workbook.xlsx');
const CONFIG = join(ROOT, 'assets', 'sample-config.json');
const SHOTS = join(ROOT, 'test-results', 'screens');

const suite = browserSuite();

suite('a signed pack opened on the standalone page in a fresh profile', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let pack: string;
  const pageErrors: string[] = [];

  beforeAll(() => ensureWebBuild(ROOT), 600_000);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'hl-signed-'));
    pack = join(dir, 'december audit.xlsx');
    expect((await runCli(['reconcile', SAMPLE, '--period', '2026-12', '--config', CONFIG, '--out', pack, '--with-inputs'])).code).toBe(0);
    expect((await runCli(['sign', pack, '--as', 'preparer', '--name', 'Sam Patel', '--reason', 'timing differences listed; GL journal to follow'])).code).toBe(0);
    expect((await runCli(['sign', pack, '--as', 'reviewer', '--name', 'Jo Reid', '--reason', 'agreed with the preparer'])).code).toBe(0);
    ({ server, url: origin } = await startServer(WEB));
    // A profile directory nobody used: the page has no session of its own for this workbook.
    ({ context, page } = await launchChromium('hl-chromium-fresh-'));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  const notice = (text: string | RegExp) => page.getByRole('region', { name: 'Messages' }).getByText(text);
  const signatures = () => page.getByRole('list', { name: 'Signatures' });

  /** The sign-off step at 350 px (the step alone, whole) and 1280 px (the page, the signatures in view). */
  async function shoot(name: string): Promise<void> {
    await page.setViewportSize({ width: 350, height: 900 });
    await page.waitForTimeout(200);
    await page.locator('section[aria-labelledby="hl-signoff"]').screenshot({ path: join(SHOTS, `signoff-${name}-350.png`) });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(200);
    await signatures().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `signoff-${name}-1280.png`) });
  }

  it('resumes the session the workbook carries, and shows both signatures valid for the figures computed again', async () => {
    await page.goto(`${origin}/standalone.html`);
    await page.getByLabel('Workbook to open').first().setInputFiles(pack);
    await notice(/Resumed the December 2026 session from this workbook/).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Messages' }).innerText()).resolves.toMatch(/signed by Sam Patel \(preparer\) and Jo Reid \(reviewer\)/);
    // The settings came with it: the rent-free weeks of the CLI's config.
    await page.getByRole('button', { name: '2 Settings', exact: true }).click();
    await expect(page.getByLabel(/Rent-free weeks/).inputValue()).resolves.toBe('21/12/2026, 28/12/2026');
    await page.getByRole('button', { name: '3 Run', exact: true }).click();
    await page.getByRole('button', { name: 'Run the reconciliation' }).click();
    await page.getByRole('heading', { name: 'Review', exact: true }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: '6 Sign-off', exact: true }).click();
    await expect(signatures().innerText()).resolves.toMatch(/Prepared by Sam Patel, .*\(reason: timing differences listed; GL journal to follow\): valid for the figures shown\s*Reviewed by Jo Reid, .*valid for the figures shown/);
    const trail = await page.getByRole('list', { name: 'Session trail' }).innerText();
    expect(trail).toMatch(/Audit pack written for 2026-12[\s\S]*Signed as preparer by Sam Patel[\s\S]*Signed as reviewer by Jo Reid[\s\S]*Session resumed from the workbook/);
    await shoot('valid');
  }, 180_000);

  it('voids both at once when a suspense decision is made there, naming it', async () => {
    // Every decision records who made it: the person here names themself first.
    await page.getByRole('button', { name: '2 Settings', exact: true }).click();
    await page.getByLabel('Your name').fill('Kim Auditor');
    await page.getByRole('button', { name: '5 Suspense', exact: true }).click();
    const search = page.getByLabel('Search the queue (reference, payer, account or amount)');
    await search.fill('SUS001016');
    await page.getByRole('listbox', { name: /^Suspense items/ }).getByRole('option', { name: /^SUS001016/ }).click();
    await page.getByRole('button', { name: 'Allocate to 00101527 (item SUS001016)' }).click();
    await page.getByText('Allocated to 00101527 by Kim Auditor.').first().waitFor();
    await page.getByRole('button', { name: '6 Sign-off', exact: true }).click();
    await expect(signatures().innerText()).resolves.toMatch(/Sam Patel.*void: changed after signing: suspense item SUS001016 \(£[\d,.]+\) allocated to 00101527 by Kim Auditor[\s\S]*Jo Reid.*void: changed after signing: suspense item SUS001016/);
    // Recorded once, on the trail, naming the change.
    const voids = page.getByRole('list', { name: 'Session trail' }).getByText(/Signatures void \(preparer Sam Patel, reviewer Jo Reid\)/);
    await voids.first().waitFor();
    await expect(voids.count()).resolves.toBe(1);
    await shoot('void');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
