/**
 * Payment files in the standalone page, in real Chromium (issue 12 item 5, issue 10 item 7): a
 * Windows-1252 cash-office file previewed with its encoding named; the profile maker in words
 * (columns from the file's headers, "starts with" for lines to leave out, no regular expression
 * unless Advanced); cash balancing against the sample bank statement after three Allpay days are
 * posted; a password-protected workbook named as such. Each step is checked by axe and screenshotted at 350 px and 1280 px
 * (test-results/screens/payfiles-*.png). Skipped without Debian's chromium, as the other browser tests.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startServer } from '../../scripts/serve';
import { cfbFile } from '../support/cfb';
import { browserSuite, launchChromium } from '../support/chromium';
import { ensureWebBuild } from '../support/web-build';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const PAYMENTS = join(ROOT, 'assets', 'payments');
const SHOTS = join(ROOT, 'test-results', 'screens');
const WIDTHS = [350, 1280] as const;

const suite = browserSuite();

suite('payment files and cash balancing in the standalone page', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const axeFindings: string[] = [];
  let axeSource: string;

  beforeAll(() => ensureWebBuild(ROOT), 600_000);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    ({ server, url: origin } = await startServer(WEB));
    ({ context, page } = await launchChromium('hl-chromium-'));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${origin}/standalone.html?sample=sample-workbook.xlsx`);
    await page.getByRole('button', { name: 'Next: Settings' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Payment files' }).click();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  /** axe at both widths, and a screenshot of each with `scrollTo` scrolled into view. */
  async function look(step: string, scrollTo: () => Locator): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await scrollTo().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `payfiles-${step}-${width}.png`) });
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

  it('a Windows-1252 cash-office file: the payer and £1,291.41 right, the encoding named', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hl-pay-')), 'cash-1252.csv');
    const text = 'Cash office\r\nReceipt No,Date,Account Ref,Payer,Method,Amount\r\nR1,01/12/2026,99999991,Zoë Thompson-Müller,CASH,"£1,291.41"\r\nTOTAL,1,,,,"£1,291.41"\r\n';
    writeFileSync(file, Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
    await page.getByLabel('Payment file to import').setInputFiles(file);
    const preview = page.getByLabel('Preview');
    await preview.getByText(/^1 payment, total £1,291\.41/).waitFor({ timeout: 30_000 });
    await expect(preview.innerText()).resolves.toMatch(/Read as Windows-1252/);
  });

  it('the profile maker speaks in words and offers "starts with" for the lines to leave out', async () => {
    await page.getByLabel('Payment file to import').setInputFiles(join(PAYMENTS, 'lloyds-20261201.csv'));
    await page.getByRole('button', { name: 'Make a profile from this file…' }).click();
    const maker = page.getByLabel('Make a profile');
    await expect(maker.getByLabel('To finish the profile').innerText()).resolves.toMatch(/Choose the column that holds the date\./);
    await maker.getByLabel(/^Profile name/).fill('our-bank');
    await maker.getByLabel('Date column').selectOption('Transaction Date');
    await maker.getByLabel('Amounts').selectOption('debit-credit');
    await maker.getByLabel('Debit column').selectOption('Debit Amount');
    await maker.getByLabel('Credit column').selectOption('Credit Amount');
    await maker.getByLabel('Reference column').selectOption('Transaction Description');
    await maker.getByLabel('The account reference is').selectOption('number');
    await maker.getByLabel('Running balance column (bank statements)').selectOption('Balance');
    await maker.getByRole('button', { name: 'Add a line to leave out' }).click();
    await maker.getByLabel('Leave out lines whose column').selectOption('Transaction Description');
    await maker.getByLabel('Text', { exact: true }).fill('ALLPAY');
    await maker.getByText(/^Preview: 40 payments, total £9,086\.64; first: 01\/12\/2026 00101887 £497\.68/).waitFor({ timeout: 30_000 });
    await look('profile-maker', () => maker.getByRole('button', { name: 'Save profile' }));
    await page.getByRole('button', { name: 'Close the profile maker' }).click();
  });

  it('cash balancing: three Allpay days posted, then the sample statement balanced as of 14/12/2026', async () => {
    for (const day of ['01', '02', '03']) {
      const name = `allpay-202612${day}.csv`;
      await page.getByLabel('Payment file to import').setInputFiles(join(PAYMENTS, name));
      await page.getByLabel('Preview').getByText(/controls agree/).waitFor({ timeout: 30_000 });
      await page.locator('button:enabled', { hasText: 'Check and post' }).click({ timeout: 30_000 });
      await page.getByText(`${name} posted`).waitFor({ timeout: 60_000 });
    }
    await page.getByLabel('Bank statement to balance against').setInputFiles(join(PAYMENTS, 'settlements-statement.csv'));
    await page.getByText(/settlements-statement\.csv \(read as UTF-8\)/).waitFor();
    await page.getByLabel('Balance as of').fill('14/12/2026');
    await page.getByRole('button', { name: 'Balance', exact: true }).click();
    const result = page.getByLabel('Cash balance');
    await result.getByRole('status').waitFor({ timeout: 60_000 });
    const rows = await result.getByRole('list', { name: 'Days that did not balance' }).getByRole('listitem').allInnerTexts();
    expect(rows.some((r) => /^missing\s+ALLPAY 01\/12\/2026.*posted £15,167\.77, credited £0\.00/s.test(r))).toBe(true);
    expect(rows.some((r) => /^short\s+ALLPAY 03\/12\/2026.*difference £12\.50/s.test(r))).toBe(true);
    await look('cash-balance', () => result.getByRole('button', { name: /^Download open-items/ }));
  }, 300_000);

  it('a password-protected workbook is named as such, and the open one stays loaded', async () => {
    await page.getByLabel('Workbook to open').first().setInputFiles({ name: 'locked.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(cfbFile(['EncryptionInfo', 'EncryptedPackage'])) });
    await page.getByText(/^locked\.xlsx is password-protected: save a copy without a password/).waitFor({ timeout: 30_000 });
    await expect(page.getByText(/not an Excel \.xlsx workbook|could not be opened as an Excel/).count()).resolves.toBe(0);
  });

  it('no serious accessibility finding, no page error', () => {
    expect(axeFindings).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
