/**
 * The Direct Debits mode on the standalone page in real Chromium: import the sample register
 * (assets/dd/sample-mandates.csv), run a day against the workbook's rent roll, download the Bacs
 * file and check it with `dd check`, apply an ARUDD and queue its reason-0 unpaid, reload the page
 * (the queue is still there), re-present it in the next run and see it leave the queue once that
 * run's file is downloaded; axe at 350 px and desktop width finds no serious or critical violation, nothing is wider
 * than the pane (no sideways scrolling at 350 px, no table wider than its column on the desktop),
 * each step screenshotted (the Direct Debits section whole, as well as the window),
 * and no request leaves the page's own origin (the modulus data and holidays come from it).
 * Needs Debian's chromium, as the standalone suite; skipped with a warning without it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve';
import { runCli } from '../support/generated';
import { browserSuite, launchChromium } from '../support/chromium';
import { ensureWebBuild } from '../support/web-build';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const SHOTS = join(ROOT, 'test-results', 'screens');
const WIDTHS = [350, 1280] as const;
const suite = browserSuite();

suite('Direct Debits on the standalone page in Chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const axeFindings: string[] = [];
  const overflows: string[] = [];
  let axeSource: string;

  beforeAll(() => ensureWebBuild(ROOT), 600_000);
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    ({ server, url: origin } = await startServer(WEB));
    ({ context, page } = await launchChromium('hl-chromium-dd-', { acceptDownloads: true }));
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  async function look(step: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(SHOTS, `dd-${step}-${width}.png`), fullPage: width === 350 });
      // The section whole: at desktop width the pane scrolls inside a window-high column, so make the window tall for this one.
      await page.setViewportSize({ width, height: 4000 });
      await page.locator('section[aria-labelledby="hl-dd"]').screenshot({ path: join(SHOTS, `dd-${step}-${width}-pane.png`) });
      await page.setViewportSize({ width, height: 900 });
      // What is cut off: the page scrolling sideways, or a table wider than the column it sits in.
      const wide = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) {
          const wider = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getBoundingClientRect().width > 0);
          const outermost = wider.filter((e) => ![...e.children].some((c) => wider.includes(c)));
          out.push(`the page is ${document.documentElement.scrollWidth}px wide: ${outermost.slice(0, 8).map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('aria-label') ? `[${e.getAttribute('aria-label') ?? ''}]` : ''}.${String(e.className).slice(0, 40)} ${Math.round(e.getBoundingClientRect().right)}px`).join('; ')}`);
        }
        for (const t of document.querySelectorAll('section[aria-labelledby="hl-dd"] table')) {
          const box = t.parentElement?.clientWidth ?? 0;
          if (t.scrollWidth > box + 1) out.push(`table '${t.getAttribute('aria-label') ?? ''}' is ${t.scrollWidth}px in ${box}px`);
        }
        return out;
      });
      for (const w of wide) overflows.push(`${step} @${width}px: ${w}`);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') axeFindings.push(`${step} @${width}px: ${v.impact} ${v.id} (${v.help}) at ${v.where.join(', ')}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('imports the sample register, runs a day and downloads a Bacs file that passes dd check', async () => {
    await page.goto(`${origin}/standalone.html?sample=sample-workbook.xlsx`);
    await page.getByRole('button', { name: 'Next: Settings' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Direct Debits' }).click();
    await page.getByLabel('Register CSV to import').setInputFiles(join(ROOT, 'assets', 'dd', 'sample-mandates.csv'));
    await page.getByText(/^\d+ mandates, \d+ pass every check/).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('table', { name: 'Mandates' }).innerText()).resolves.toContain('**-**-99 ****0986');
    await look('1-register');
    await page.getByRole('button', { name: 'Day’s run' }).click();
    await page.getByLabel('Processing day').fill('2026-12-10');
    await page.getByLabel('Service user number').fill('123456');
    await page.getByLabel('Originator sort code:account').fill('20-00-00:55779911');
    await page.getByLabel('Service user name').fill('Riverside Homes');
    await page.getByRole('button', { name: 'Prepare the collection file' }).click();
    await page.getByText(/^Processing day 10\/12\/2026, payers debited 11\/12\/2026: \d+ collections/).waitFor({ timeout: 60_000 });
    await look('2-run');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the Bacs file' }).click()]);
    expect(download.suggestedFilename()).toBe('bacs-2026-12-10.txt');
    const checked = await runCli(['dd', 'check', (await download.path()) as string]);
    expect(checked.code).toBe(0);

    // An ARUDD for one of the day's collections, reason 0: reversed, and offered for re-presentation.
    const first = (await page.getByRole('table', { name: 'Collections' }).locator('tbody tr').first().locator('td').allInnerTexts()) as string[];
    const [, reference = '', , amount = ''] = first;
    const arudd = `<?xml version="1.0" encoding="ISO-8859-1"?>
<BACSDocument><Data><ARUDD>
<Header reportType="REFT1234" adviceNumber="000" currentProcessingDate="2026-12-16"></Header>
<ServiceLicenseInformation userName="RIVERSIDE HOMES" userNumber="123456"></ServiceLicenseInformation>
<Advice><OriginatingAccountRecords><OriginatingAccountRecord>
<OriginatingAccount name="RIVERSIDE HOMES" number="55779911" sortCode="20-00-00" type="0"></OriginatingAccount>
<ReturnedDebitItem ref="${reference}" transCode="17" returnCode="0" returnDescription="REFER TO PAYER" originalProcessingDate="2026-12-10" valueOf="${amount.replace(/[£,]/g, '')}" currency="GBP">
<PayerAccount number="12345678" ref="${reference}" name="A PAYER" sortCode="01-02-03" bankName="A BANK" branchName="A BRANCH"></PayerAccount></ReturnedDebitItem>
<Totals numberOf="1" valueOf="${amount.replace(/[£,]/g, '')}" currency="GBP"></Totals>
</OriginatingAccountRecord></OriginatingAccountRecords></Advice></ARUDD></Data></BACSDocument>
`;
    await page.getByRole('button', { name: 'Reports in' }).click();
    await page.getByLabel('Bacs report to read').setInputFiles({ name: 'arudd-1216.xml', mimeType: 'text/xml', buffer: Buffer.from(arudd, 'latin1') });
    await page.getByRole('region', { name: 'Report preview' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Apply the report' }).click();
    await page.getByRole('button', { name: 'Re-present 1 unpaid in the next run' }).click();
    await look('3-report');
    // The queue is kept in the browser's store: a reload of the page still has it.
    await page.reload();
    await page.getByRole('button', { name: 'Next: Settings' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Direct Debits' }).click();
    await page.getByText(/^\d+ mandates, \d+ pass every check/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Day’s run' }).click();
    await page.getByLabel('Processing day').fill('2026-12-17');
    await page.getByLabel('Service user number').fill('123456');
    await page.getByLabel('Originator sort code:account').fill('20-00-00:55779911');
    await page.getByLabel('Service user name').fill('Riverside Homes');
    await expect(page.getByRole('list', { name: 'Queued re-presentations' }).innerText()).resolves.toMatch(new RegExp(`^${reference} .*unpaid of 10/12/2026, queued by .* may be re-presented until 10/01/2027$`));
    await page.getByRole('button', { name: 'Prepare the collection file' }).click();
    await page.getByText(/^Processing day 17\/12\/2026, payers debited 18\/12\/2026: \d+ collections/).waitFor({ timeout: 60_000 });
    const codes = await page.getByRole('table', { name: 'Collections' }).locator('tbody tr').allInnerTexts();
    expect(codes.filter((r) => r.includes(reference) && /\t18\t/.test(r))).toHaveLength(1);
    await look('4-represent');
    // Once the file is downloaded, the unpaid it re-presents is no longer queued.
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the Bacs file' }).click()]);
    await page.getByRole('group', { name: 'Re-presentations' }).waitFor({ state: 'detached', timeout: 10_000 });

    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(axeFindings).toEqual([]);
    expect(overflows).toEqual([]);
  }, 360_000);
});
