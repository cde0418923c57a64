/**
 * The standalone page in real Chromium, driven by keyboard alone: load the sample, set the rent-free
 * weeks, run (in the Web Worker), show a batch in the sheet, add a reconciling item, write the audit
 * pack, sign off (a reviewer who is the preparer is refused), download the workbook and compare its
 * re-performed figures with the CLI's on the same file; reload and find the session restored from
 * IndexedDB. Every step is checked by axe at 350 px and desktop width, screenshotted, and no request
 * may leave the page's own origin.
 *
 * Needs Debian's chromium (.ci/run installs it). Without it the suite fails under CI and is skipped,
 * with a warning, elsewhere. It builds the pages itself (tests/support/web-build.ts) when dist/web is
 * missing or older than its sources, so it never runs against a stale build.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { formatGBP, formatPence, parsePence, type Pence } from '../../src/engine/money';
import { startServer } from '../../scripts/serve';
import { recalcWorkbook } from '../support/recalc';
import { runCli } from '../support/generated';
import { browserSuite, launchChromium } from '../support/chromium';
import { ensureWebBuild } from '../support/web-build';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'dist', 'web');
const SAMPLE = join(ROOT, 'assets', 'sample-workbook.xlsx');
const CONFIG = join(ROOT, 'assets', 'sample-config.json');
const SHOTS = join(ROOT, 'test-results', 'screens');
const WIDTHS = [350, 1280] as const;

const suite = browserSuite();

suite('the standalone page in Chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const axeFindings: string[] = [];
  let cli: { difference: string; reconcilingTotal: string; unexplained: string; components: { category: string; hms: string; gl: string }[]; unmatchedBatches: unknown[]; accountExceptions: unknown[] };
  let axeSource: string;
  /** The CLI's automatic suspense decisions on the same file: the pane must propose the same. */
  let autos: number;

  // The pages are rebuilt first when dist/web is missing or older than its sources (a cold build can take minutes).
  beforeAll(() => ensureWebBuild(ROOT), 600_000);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    ({ server, url: origin } = await startServer(WEB));
    ({ context, page } = await launchChromium('hl-chromium-', { acceptDownloads: true }));
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const run = await runCli(['reconcile', SAMPLE, '--period', '2026-12', '--config', CONFIG, '--json']);
    expect(run.code).toBe(0);
    cli = JSON.parse(run.stdout);
    const matched = await runCli(['match-suspense', SAMPLE, '--config', CONFIG, '--json', '--as-of', '2026-12-31']);
    expect(matched.code).toBe(0);
    autos = (JSON.parse(matched.stdout) as { items: { decision: string }[] }).items.filter((i) => i.decision === 'auto').length;
    expect(autos).toBeGreaterThan(5);
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  /** Presses Tab until `target` has the focus: proof that the keyboard alone reaches it. */
  async function tabTo(target: Locator, max = 150): Promise<void> {
    await target.first().waitFor();
    for (let i = 0; i < max; i++) {
      if (await target.first().evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  /** A message the pane shows (not its copy in the screen reader's live region). */
  const notice = (text: string | RegExp, exact = false) => page.getByRole('region', { name: 'Messages' }).getByText(text, { exact });

  async function press(target: Locator, key = 'Enter'): Promise<void> {
    await tabTo(target);
    await page.keyboard.press(key);
  }

  /** axe at both widths, and a screenshot of each. */
  async function look(step: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(SHOTS, `${step}-${width}.png`), fullPage: width === 350 });
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

  it('opens with the sample workbook loaded and every sheet recognised', async () => {
    await page.goto(`${origin}/standalone.html?sample=sample-workbook.xlsx`);
    await page.getByRole('button', { name: 'Next: Settings' }).waitFor({ timeout: 60_000 });
    for (const [sheet, role] of [['Rent Roll', 'Rent roll'], ['Transactions', 'Housing system transactions'], ['GL', 'GL control account'], ['Suspense', 'Suspense items']]) {
      await expect(page.getByLabel(`Role of ‘${sheet}’`).inputValue()).resolves.toBe(role === 'Rent roll' ? 'rentRoll' : role === 'GL control account' ? 'gl' : role === 'Suspense items' ? 'suspense' : 'transactions');
    }
    await expect(page.getByRole('grid').first().getAttribute('aria-label')).resolves.toMatch(/^Sheet Rent Roll, 402 rows/);
    await look('1-sources');
  });

  it('takes the settings from the keyboard', async () => {
    await press(page.getByRole('button', { name: 'Next: Settings' }));
    await expect(page.getByLabel('Period (month)').inputValue()).resolves.toBe('2026-12');
    await tabTo(page.getByLabel('Your name'));
    await page.keyboard.type('Alex Preparer');
    await tabTo(page.getByLabel(/Rent-free weeks/));
    await page.keyboard.type('21/12/2026, 28/12/2026');
    await page.keyboard.press('Tab'); // leaving the box applies it
    await look('2-settings');
    await press(page.getByRole('button', { name: 'Next: Run' }));
    await page.getByRole('button', { name: 'Run the reconciliation' }).waitFor();
    await look('3-run');
  });

  it('runs in the worker and shows the same figures as the CLI', async () => {
    await press(page.getByRole('button', { name: 'Run the reconciliation' }));
    await page.getByText(/^Not balanced: /).waitFor({ timeout: 60_000 });
    const money = async (id: string) => (await page.getByTestId(id).innerText()).trim();
    await expect(money('difference')).resolves.toBe(formatGBP(parsePence(cli.difference) as Pence));
    await expect(money('unexplained')).resolves.toBe(formatGBP(parsePence(cli.unexplained) as Pence));
    await expect(page.getByRole('heading', { name: `Unmatched batches (${cli.unmatchedBatches.length})` }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: `Account exceptions (${cli.accountExceptions.length})` }).isVisible()).resolves.toBe(true);
    await look('4-review');
  });

  it('selects a batch’s source row in the sheet', async () => {
    const show = page.getByRole('list', { name: 'Unmatched batches' }).getByRole('button', { name: /^Show in sheet/ }).first();
    const [, sheet = '?', row = '?'] = /: (.+) row (\d+)/.exec((await show.textContent()) ?? '') ?? [];
    await press(show);
    await expect(page.getByRole('button', { name: sheet, exact: true, pressed: true }).isVisible()).resolves.toBe(true);
    const cell = page.locator('[role="gridcell"][aria-selected="true"]');
    await cell.waitFor();
    await expect(cell.locator('xpath=../div[@role="rowheader"]').innerText()).resolves.toBe(row);
  });

  it('adds a reconciling item and recomputes the unexplained difference', async () => {
    await press(page.getByRole('button', { name: 'Add a reconciling item' }));
    // The amount starts as the unexplained difference; an explanation is required.
    await expect(page.getByLabel(/^Amount/).inputValue()).resolves.toBe(cli.unexplained);
    await press(page.getByRole('button', { name: 'Add item' }));
    await page.getByText('Say what explains it').waitFor();
    await tabTo(page.getByLabel(/^Explanation/));
    await page.keyboard.type('Card refund of 30/12 posted to the GL in January (JNL-4471)');
    await press(page.getByRole('button', { name: 'Add item' }));
    await page.getByText(/^Balanced$/).waitFor();
    await expect(page.getByTestId('unexplained').innerText()).resolves.toBe('£0.00');
    await look('5-review-balanced');
  });


  it('reviews suspense as a worklist: search, filter, sort, keyboard decisions, a candidate, the rent roll, undo, accept all after confirming', async () => {
    await press(page.getByRole('button', { name: 'Next: Suspense' }));
    const card = (item: string) => page.getByRole('group', { name: `Suspense item ${item}` }).or(page.getByLabel(`Suspense item ${item}`));
    const queue = page.getByRole('listbox', { name: /^Suspense items/ });
    const search = page.getByLabel('Search the queue (reference, payer, account or amount)');
    /** Finds an item by the queue's search box (typed) and makes it the active row by the keyboard. */
    const open = async (item: string) => {
      await tabTo(search);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(item);
      await queue.getByRole('option', { name: new RegExp(`^${item}`) }).waitFor();
      await tabTo(queue);
      await page.keyboard.press('Home');
      await card(item).waitFor();
    };
    await open('SUS001016');
    await press(page.getByRole('button', { name: 'Allocate to 00101527 (item SUS001016)' }));
    await card('SUS001016').getByText('Allocated to 00101527 by Alex Preparer.').waitFor();
    await open('SUS001015');
    await press(page.getByRole('button', { name: 'Leave in suspense (item SUS001015)' }));
    await card('SUS001015').getByText('Left in suspense by Alex Preparer.').waitFor();
    await press(page.getByRole('button', { name: 'Undo' }));
    await page.getByRole('button', { name: 'Leave in suspense (item SUS001015)' }).waitFor();
    await open('SUS001010');
    await press(page.getByRole('button', { name: 'Search the rent roll (item SUS001010)' }));
    await tabTo(page.getByLabel('Find any account (ref, name or postcode) for SUS001010'));
    await page.keyboard.type('00100683');
    await page.keyboard.press('Enter');
    await press(page.getByRole('list', { name: 'Accounts found for item SUS001010' }).getByRole('button', { name: 'Allocate to 00100683 (item SUS001010)' }));
    await card('SUS001010').getByText('Allocated to 00100683 by Alex Preparer.').waitFor();

    // Filter and sort: the open automatic proposals, largest first; A allocates the active one to its best
    // candidate as a person's decision (the sample's two items for review were decided above).
    await tabTo(search);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.getByLabel('Show', { exact: true }).selectOption('auto');
    await page.getByLabel('Sort by').selectOption('amount');
    await press(page.getByRole('button', { name: 'Smallest first' }));
    const amounts = (await queue.getByRole('option').allInnerTexts()).map((t) => Number((/£([\d,]+\.\d\d)/.exec(t)?.[1] ?? '').replace(/,/g, '')));
    expect([...amounts].sort((x, y) => y - x)).toEqual(amounts);
    const first = await queue.getByRole('option').first().innerText();
    const [item] = first.split(/\s/);
    const best = /Best (\S+),/.exec(first)?.[1];
    await tabTo(queue);
    await page.keyboard.press('a');
    await page.getByText(`${item} allocated to ${best}.`).waitFor();
    await look('5b-suspense');

    // Accept all: it first says how many and how much; the one a person took is no longer among them.
    const left = autos - 1;
    await page.getByLabel('Show', { exact: true }).selectOption('all');
    await press(page.getByRole('button', { name: `Accept all automatic (${left})` }));
    const confirm = page.getByRole('group', { name: 'Confirm accepting all automatic allocations' });
    await expect(confirm.innerText()).resolves.toMatch(new RegExp(`Accept ${left} automatic allocations?, £[\\d,]+\\.\\d\\d in all\\?`));
    await press(confirm.getByRole('button', { name: `Accept ${left}` }));
    await page.getByRole('button', { name: 'Accept all automatic (0)' }).waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('decided');
    await page.getByText(new RegExp(`^Showing ${autos + 2} items`)).waitFor();
    await press(page.getByRole('button', { name: 'Next: Audit pack and sign-off' }));
  });

  it('writes the audit pack and takes two different people’s sign-off', async () => {
    await press(page.getByRole('button', { name: 'Write the audit pack' }));
    await notice('Audit pack written', true).waitFor();
    // The page lists the workbook's sheets again from its workbook worker once the pack is in.
    await page.getByRole('button', { name: 'HL Summary', exact: true }).waitFor();
    await expect(page.getByLabel('Prepared by').inputValue()).resolves.toBe('Alex Preparer');
    await press(page.getByRole('button', { name: 'Sign as preparer' }));
    await page.getByText(/^Signed .* by Alex Preparer/).waitFor();
    await tabTo(page.getByLabel('Reviewed by'));
    await page.keyboard.type('alex preparer');
    await press(page.getByRole('button', { name: 'Sign as reviewer' }));
    await notice(/different person from the preparer/).waitFor();
    await tabTo(page.getByLabel('Reviewed by'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Sam Reviewer');
    await press(page.getByRole('button', { name: 'Sign as reviewer' }));
    await page.getByText(/^Signed .* by Sam Reviewer/).waitFor();
    await look('6-signoff');
  });

  it('downloads a workbook whose re-performed figures are the CLI’s, with the item and both sign-offs', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Download workbook' }))]);
    const file = join(mkdtempSync(join(tmpdir(), 'hl-download-')), 'audit.xlsx');
    await download.saveAs(file);
    const r = await recalcWorkbook(readFileSync(file));
    const summary = r.sheet('HL Summary');
    const byLabel = (label: RegExp): unknown => {
      const i = summary.findIndex((row) => label.test(String(row[0] ?? '')));
      if (i < 0) throw new Error(`no row ${label} on HL Summary`);
      return r.value('HL Summary', `B${i + 1}`);
    };
    const pounds = (n: unknown) => formatPence(Math.round((n as number) * 100) as Pence);
    const item = parsePence(cli.unexplained) as number;
    expect(pounds(byLabel(/^Difference: rent roll closing/))).toBe(cli.difference);
    expect(pounds(byLabel(/^Less reconciling items/))).toBe(formatPence(((parsePence(cli.reconcilingTotal) as number) + item) as Pence));
    expect(pounds(byLabel(/^= Unexplained difference/))).toBe('0.00');
    expect(byLabel(/^Status/)).toBe('BALANCED');
    expect(summary.flat().map(String)).toEqual(expect.arrayContaining(['Alex Preparer', 'Sam Reviewer']));
    const components = r.sheet('HL Components');
    for (const c of cli.components) {
      const row = components.find((x) => x[0] === c.category);
      expect(row && [formatPence(Math.round((row[2] as number) * 100) as Pence), formatPence(Math.round((row[3] as number) * 100) as Pence)]).toEqual([c.hms, c.gl]);
    }
    // The clearance journal carries every allocation, who decided each, and re-performs its total.
    const journal = r.sheet('HL Clearance journal');
    const lines = journal.filter((row) => /^SUS\d+$/.test(String(row[0] ?? '')));
    expect(lines).toHaveLength(autos + 2);
    // One automatic proposal was taken by a person with the A key; the rest were accepted all at once.
    expect(lines.filter((l) => l[6] === 'rule')).toHaveLength(autos - 1);
    const people = lines.filter((l) => l[6] === 'Alex Preparer').map((l) => [l[0], l[4]]);
    expect(people).toHaveLength(3);
    expect(people).toEqual(expect.arrayContaining([['SUS001010', '00100683'], ['SUS001016', '00101527']]));
    const total = journal.find((row) => row[0] === 'Total cleared');
    expect(Math.round((total?.[2] as number) * 100)).toBe(lines.reduce((t, l) => t + Math.round((l[2] as number) * 100), 0));
    // The input sheets travel unchanged beside the HL sheets.
    expect(r.sheetNames).toEqual(expect.arrayContaining(['Rent Roll', 'Transactions', 'GL', 'Suspense', 'HL Summary', 'HL Reconciling items']));
  });

  it('restores the session from IndexedDB after a reload', async () => {
    await page.reload();
    await notice('Resumed your December 2026 session', true).waitFor({ timeout: 60_000 });
    await notice(/1 reconciling item, prepared by Alex Preparer\. Run to see the figures again/).waitFor();
    await look('7-restored');
    await press(page.getByRole('button', { name: '3 Run', exact: true }), 'Enter');
    await press(page.getByRole('button', { name: 'Run the reconciliation' }));
    await page.getByText(/^Balanced$/).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('list', { name: 'Your reconciling items' }).innerText()).resolves.toContain('Card refund of 30/12');
    await press(page.getByRole('button', { name: 'Next: Suspense' }));
    await page.getByRole('button', { name: /^Accept all automatic \(0\)/ }).waitFor();
    await expect(page.getByRole('button', { name: /^Accept all automatic \(0\)/ }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Show', { exact: true }).selectOption('decided');
    await page.getByText(new RegExp(`^Showing ${autos + 2} items`)).waitFor();
  });

  it('imports a payment file through the pane: profile detected, control agreed, postings and summary; the same file again is refused', async () => {
    await press(page.getByRole('button', { name: 'Payment files' }));
    const sample = join(ROOT, 'assets', 'payments', 'allpay-20261201.csv');
    await page.getByLabel('Payment file to import').setInputFiles(sample);
    await expect(page.getByLabel('Profile', { exact: true }).inputValue()).resolves.toBe('allpay');
    const preview = page.getByLabel('Preview');
    await preview.getByText(/^60 payments/).waitFor();
    await expect(preview.getByRole('status').innerText()).resolves.toMatch(/60 payments, total £15,167\.77.*controls agree/s);
    await look('8-payments-preview');
    await press(page.getByRole('button', { name: 'Check and post' }));
    await page.getByText('allpay-20261201.csv posted').waitFor();
    await page.getByText(/58 payments allocated .*, 2 to suspense/).waitFor();
    await expect(page.getByRole('table', { name: 'Batches posted' }).getByRole('row').count()).resolves.toBe(2);
    await expect(page.getByRole('list', { name: 'Payments sent to suspense' }).getByRole('listitem').count()).resolves.toBe(2);
    const [csv] = await Promise.all([page.waitForEvent('download'), press(page.getByRole('button', { name: 'Download postings.csv' }))]);
    const postings = readFileSync((await csv.path()) as string, 'utf8').trim().split(/\r?\n/);
    expect(postings).toHaveLength(59);
    const history = page.getByRole('table', { name: 'Files imported' });
    await expect(history.innerText()).resolves.toMatch(/allpay-20261201\.csv.*60.*£15,167\.77/s);
    await look('9-payments-posted');
    // The same file a second time: the preview already says it was imported before and offers no post.
    await page.getByLabel('Payment file to import').setInputFiles(sample);
    await page.getByText('Imported before', { exact: true }).waitFor();
    await page.locator('button:disabled', { hasText: 'Check and post' }).waitFor({ timeout: 15_000 });
    await expect(history.getByRole('row').count()).resolves.toBe(2);
  });

  it('makes a profile from a sample file by mapping its columns, previews it and saves it for the next file', async () => {
    const sample = join(ROOT, 'assets', 'payments', 'lloyds-20261201.csv');
    await page.getByLabel('Payment file to import').setInputFiles(sample);
    await press(page.getByRole('button', { name: 'Make a profile from this file…' }));
    const maker = page.getByLabel('Make a profile');
    await maker.getByLabel(/^Profile name/).fill('our-bank');
    await maker.getByLabel('Date column').selectOption('Transaction Date');
    await maker.getByLabel('Date format').selectOption('dd/mm/yyyy');
    await maker.getByLabel('Amounts').selectOption('debit-credit');
    await maker.getByLabel('Debit column').selectOption('Debit Amount');
    await maker.getByLabel('Credit column').selectOption('Credit Amount');
    await maker.getByLabel('Reference column').selectOption('Transaction Description');
    await maker.getByLabel('The account reference is').selectOption('number');
    await maker.getByText(/^Preview: 40 payments, total £9,086\.64; \d+ problem/).waitFor(); // money paid out: a problem until the balance is given
    await expect(maker.getByRole('button', { name: 'Save profile' }).isDisabled()).resolves.toBe(true);
    await maker.getByLabel('Running balance column (bank statements)').selectOption('Balance');
    await maker.getByText(/^Preview: 40 payments, total £9,086\.64; first: 01\/12\/2026 00101887 £497\.68/).waitFor();
    await look('10-payments-profile');
    await press(maker.getByRole('button', { name: 'Save profile' }));
    await page.getByText('Profile our-bank saved').waitFor();
    await expect(page.getByLabel('Profile', { exact: true }).inputValue()).resolves.toBe('our-bank');
    await page.getByLabel('Preview').getByText(/^40 payments/).waitFor();
    await expect(page.getByLabel('Preview').getByRole('status').innerText()).resolves.toMatch(/controls agree/);
  });

  it('found no serious accessibility problem, no page error and no request beyond its own origin', () => {
    expect(axeFindings).toEqual([]);
    expect(pageErrors).toEqual([]);
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
  });
});
