/**
 * The standalone page's workbook worker in real Chromium: the sample workbook opens through the
 * worker (exceljs never loads on the page's thread), the grid shows the rows in sight as the
 * workbook formats them, the run reads the sheets from the worker in blocks, the audit pack is
 * written into the worker's workbook, and the download's bytes open in exceljs with the pack's
 * sheets beside the user's. Cancel while the pack's sheets are written leaves no HL sheet in the
 * workbook; Cancel while the download is prepared stops the worker's zip and leaves the page as it
 * was: nothing downloads, and the next download works.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve';
import { browserSuite, launchChromium } from '../support/chromium';
import { ensureWebBuild } from '../support/web-build';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');

const suite = browserSuite();

suite('the standalone page over its workbook worker', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** Scripts the page's thread ran (the workbook worker's chunks load in the worker, not here). */
  const pageScripts: string[] = [];

  beforeAll(() => ensureWebBuild(ROOT), 600_000);

  beforeAll(async () => {
    ({ server, url: origin } = await startServer(WEB));
    ({ context, page } = await launchChromium('hl-chromium-book-', { acceptDownloads: true }));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && r.frame() === page.mainFrame()) pageScripts.push(r.url());
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  it('opens the sample through the worker and shows its rows as the workbook formats them', async () => {
    await page.goto(`${origin}/standalone.html?sample=sample-workbook.xlsx&config=sample-config.json`);
    await page.getByRole('button', { name: 'Next: Settings' }).waitFor({ timeout: 60_000 });
    const grid = page.getByRole('grid').first();
    await expect(grid.getAttribute('aria-label')).resolves.toMatch(/^Sheet Rent Roll, 402 rows/);
    // The first rows arrive from the worker: the header row's text, and only rows in sight in the DOM.
    await grid.getByRole('gridcell').first().waitFor();
    await expect(grid.getByRole('row').count()).resolves.toBeLessThan(80);
    await page.getByRole('button', { name: 'Transactions', exact: true }).click();
    await expect(grid.getAttribute('aria-label')).resolves.toMatch(/^Sheet Transactions, /);
    // A date cell reads dd/mm/yyyy, as Excel shows it (the worker formats it from the cell's number format).
    await grid.getByRole('gridcell', { name: /^\d\d\/\d\d\/2026$/ }).first().waitFor();
    // exceljs is bundled only into the worker's chunk; the page's own scripts are the page and its shared chunks.
    for (const url of pageScripts) expect(readFileSync(join(WEB, new URL(url).pathname), 'utf8')).not.toMatch(/exceljs|ExcelJS/);
  }, 120_000);

  it('runs; Cancel while the pack’s sheets are written leaves no HL sheet in the workbook downloaded after it', async () => {
    await page.getByRole('button', { name: 'Next: Settings' }).click();
    await page.getByLabel('Your name').fill('Sam Worker');
    await page.getByRole('button', { name: 'Next: Run' }).click();
    await page.getByRole('button', { name: 'Run the reconciliation' }).click();
    await page.getByRole('button', { name: 'Next: Suspense' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: /^6 Sign-off/ }).click();
    // A step is drawn as a transition: on a busy machine its buttons come a moment after the click.
    await page.getByRole('button', { name: /^Write the audit pack/ }).waitFor({ timeout: 60_000 });
    // Write, and Cancel as soon as the progress says the sheets are being written (checked every task,
    // so the Cancel lands while the parts cross to the worker or the worker writes them).
    const stage = await page.evaluate(async () => {
      const button = (name: RegExp) => [...document.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''));
      button(/^Write the audit pack/)?.click();
      const writing = () => [...document.querySelectorAll('[role="status"]')].some((e) => /^Writing \d+ sheets into the workbook/.test(e.textContent ?? ''));
      for (let i = 0; i < 20_000 && !writing(); i++) await new Promise((r) => setTimeout(r, 0));
      const was = writing();
      button(/^Cancel: writing the audit pack$/)?.click();
      return was;
    });
    expect(stage).toBe(true);
    await page.getByText('Cancelled while its sheets were written: they were taken out again and the workbook is as it was.').first().waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download workbook' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Rent Roll', 'Transactions', 'GL', 'Suspense']));
    expect(names.filter((n) => n.startsWith('HL '))).toEqual([]);
    expect(wb.definedNames.model.filter((n) => /HL/i.test(n.name))).toEqual([]);
  }, 300_000);

  it('writes the pack into the worker’s workbook, and downloads it with the pack’s sheets', async () => {
    await page.getByRole('button', { name: /^Write the audit pack/ }).click();
    await page.getByRole('status').filter({ hasText: /^Written / }).first().waitFor({ timeout: 120_000 });
    // The page's sheet tabs follow what the worker wrote.
    await page.getByRole('button', { name: 'HL Summary', exact: true }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download workbook' }).click()]);
    expect(download.suggestedFilename()).toBe('sample-workbook audit.xlsx');
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Rent Roll', 'Transactions', 'GL', 'Suspense', 'HL Summary', 'HL Components']));
    // The summary is the month's, and the user's rent roll kept every row.
    const summaryText = JSON.stringify(wb.getWorksheet('HL Summary')?.getSheetValues());
    expect(summaryText).toContain('Rent reconciliation to the general ledger');
    expect(summaryText).toContain('2026-12 (01/12/2026 to 31/12/2026)');
    expect(wb.getWorksheet('Rent Roll')?.actualRowCount).toBe(402);
  }, 300_000);

  it('Cancel while the download is prepared drops it and leaves the page usable', async () => {
    let downloads = 0;
    page.on('download', () => downloads++);
    // Download and Cancel in one go: the progress (with Cancel) renders in the microtasks after
    // Download is pressed, before the worker's answer (a task) can come, so the Cancel always lands
    // while the workbook is being zipped.
    const cancelled = await page.evaluate(async () => {
      const button = (name: string) => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
      button('Download workbook')?.click();
      for (let i = 0; i < 20 && !button('Cancel: preparing the download'); i++) await Promise.resolve();
      const cancel = button('Cancel: preparing the download');
      cancel?.click();
      return cancel !== undefined;
    });
    expect(cancelled).toBe(true);
    await expect(page.getByRole('button', { name: 'Cancel: preparing the download' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Download workbook' }).isEnabled()).resolves.toBe(true);
    // The worker stops the zip at its next step: nothing arrives.
    await page.waitForTimeout(4_000);
    expect(downloads).toBe(0);
    // The page still works: the grid reads, and the next download arrives whole.
    await page.getByRole('button', { name: 'HL Summary', exact: true }).click();
    await expect(page.getByRole('grid').first().getAttribute('aria-label')).resolves.toMatch(/^Sheet HL Summary, /);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download workbook' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('HL Summary');
    expect(downloads).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
