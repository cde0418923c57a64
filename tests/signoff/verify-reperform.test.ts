/**
 * `verify` re-performs the pack from the workbook alone (issue 11, item 4): every Summary figure is
 * recomputed from the detail sheets, so a changed detail amount is found at its own cell and at each
 * Summary figure it no longer adds up to, and a changed Summary value at its cell; packs written
 * with people's reconciling items and suggestion decisions verify untouched.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackSheets } from '../../src/cli/verify-cli';
import { parseConfig, type UserReconcilingItem } from '../../src/engine/config';
import { monthEndPack, runMonthEnd } from '../../src/engine/jobs/month-end';
import type { IsoDate } from '../../src/engine/dates';
import { toPence } from '../../src/engine/money';
import { packImage } from '../../src/engine/signoff/pack-check';
import { packSession } from '../../src/engine/signoff/pack-session';
import { reperformPack } from '../../src/engine/signoff/reperform';
import { SESSION_SHEET, sessionSheet } from '../../src/engine/signoff/session-sheet';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { generatedWorkbook, runCli } from '../support/generated';

type Finding = { code: string; sheet: string; cell: string; message: string };
type Verify = { ok: boolean; findings: Finding[]; signOffs: { role: string; name: string; valid: boolean }[]; trail: { events: number; intact: boolean } };

const ITEM: UserReconcilingItem = { ref: 'R1', type: 'other', amount: toPence(12_345), explanation: 'Write-off journal posted twice in the GL, reversal in January', owner: 'Finance', date: '2026-12-30' as IsoDate };

let dir = '';
let pack = '';

beforeAll(async () => {
  const g = await generatedWorkbook({ seed: 7, accounts: 120, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'] });
  dir = g.dir;
  // A person's reconciling item from the config file: it counts, so the Summary subtracts it.
  const config = join(dir, 'config-items.json');
  writeFileSync(config, JSON.stringify({ ...g.month.config, reconcilingItems: [{ ...ITEM, amount: '123.45' }] }));
  pack = join(dir, 'audit.xlsx');
  expect((await runCli(['reconcile', g.path, '--period', '2026-12', '--config', config, '--out', pack])).code).toBe(0);
}, 60_000);

async function verify(path: string): Promise<{ code: number; json: Verify; text: string }> {
  const r = await runCli(['verify', path, '--json']);
  const text = await runCli(['verify', path]);
  return { code: r.code, json: JSON.parse(r.stdout) as Verify, text: text.stdout };
}

/** The row of the Summary whose column A reads `label`. */
function summaryRow(wb: ExcelJS.Workbook, label: string | RegExp): number {
  const ws = wb.getWorksheet('HL Summary') as ExcelJS.Worksheet;
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v === 'string' && (typeof label === 'string' ? v === label : label.test(v))) return r;
  }
  throw new Error(`no Summary row ${String(label)}`);
}

/** The column of a detail sheet headed `header`, as a letter. */
function columnOf(ws: ExcelJS.Worksheet, header: string): string {
  let found = '';
  ws.getRow(1).eachCell((c, col) => {
    if (c.value === header) found = ws.getColumn(col).letter;
  });
  if (!found) throw new Error(`${ws.name} has no ${header}`);
  return found;
}

/** A copy of the pack after `change`, saved through exceljs (formulas keep their cached results, as a tool that does not recalculate leaves them). */
async function changed(name: string, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(pack);
  change(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const numberIn = (c: ExcelJS.Cell): number => {
  const v = c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
  if (typeof v !== 'number') throw new Error(`${c.address} holds no number`);
  return v;
};

describe('verify re-performs the Summary from the detail sheets', () => {
  it('passes the untouched pack and says how many Summary figures it recomputed', async () => {
    const v = await verify(pack);
    expect(v.json.findings).toEqual([]);
    expect(v.code).toBe(0);
    const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(pack))));
    const sheets = (await readPackSheets(wb)).filter((s) => s.name !== SESSION_SHEET.name);
    const { figures } = reperformPack(sheets);
    // Every Summary formula is re-performed, and the input issues line (written as text): a figure
    // added to the Summary without a re-performance fails here.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(pack);
    let formulas = 0;
    (book.getWorksheet('HL Summary') as ExcelJS.Worksheet).eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBeGreaterThan(18);
    expect(figures).toBe(formulas + 1);
    expect(v.text).toContain(`the ${figures} Summary figures recomputed from the detail sheets`);
  }, 60_000);

  it.each([
    ['a component amount', 'HL Components', 'Housing system', ['= Calculated closing balance', 'Rent roll integrity: reported - calculated (see account exceptions)', 'Component differences total']],
    ['a GL component amount', 'HL Components', 'GL control account', ['+ Movement in the period (debits - credits)', '= GL closing balance', 'Difference: rent roll closing - GL closing', '= Unexplained difference (must be 0.00)']],
    ['a suspense item amount', 'HL Suspense check', 'Amount', ['Suspense: items awaiting allocation', 'Suspense: GL balance - items']],
  ])('finds %s changed at its cell and at each Summary figure that no longer adds up', async (_what, sheet, header, labels) => {
    let cell = '';
    const rows: number[] = [];
    const path = await changed(`${sheet}-${header}.xlsx`, (wb) => {
      const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
      const c = ws.getCell(`${columnOf(ws, header)}2`);
      c.value = numberIn(c) + 10;
      cell = c.address;
      rows.push(...labels.map((l) => summaryRow(wb, l)));
    });
    const v = await verify(path);
    expect(v.code).toBe(1);
    expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'detail.changed', sheet, cell }));
    for (const r of rows) expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'summary.mismatch', sheet: 'HL Summary', cell: `B${r}` }));
  }, 60_000);

  it('names the figure shown and the figure recomputed, and finds a Summary value changed to look balanced', async () => {
    let row = 0;
    let statusRow = 0;
    let was = 0;
    const path = await changed('looks-balanced.xlsx', (wb) => {
      const ws = wb.getWorksheet('HL Summary') as ExcelJS.Worksheet;
      row = summaryRow(wb, '= Unexplained difference (must be 0.00)');
      statusRow = summaryRow(wb, 'Status');
      was = numberIn(ws.getCell(`B${row}`));
      ws.getCell(`B${row}`).value = 0;
      ws.getCell(`B${statusRow}`).value = 'BALANCED';
    });
    expect(was).not.toBe(0);
    const v = await verify(path);
    expect(v.code).toBe(1);
    const at = (cell: string) => v.json.findings.filter((f) => f.sheet === 'HL Summary' && f.cell === cell).map((f) => f.code);
    expect(at(`B${row}`)).toEqual(['summary.changed', 'summary.mismatch']);
    expect(at(`B${statusRow}`)).toEqual(['summary.changed', 'summary.mismatch']);
    const mismatch = v.json.findings.find((f) => f.code === 'summary.mismatch' && f.cell === `B${row}`);
    const pounds = (n: number) => `${n < 0 ? '-' : ''}£${Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;
    expect(mismatch?.message).toBe(`HL Summary!B${row} (= Unexplained difference (must be 0.00)) shows £0.00; recomputed from the detail sheets it is ${pounds(was)}`);
    expect(v.json.findings.find((f) => f.code === 'summary.mismatch' && f.cell === `B${statusRow}`)?.message).toMatch(/shows "BALANCED"; recomputed from the detail sheets it is "NOT BALANCED"$/);
  }, 60_000);

  it('finds a counted reconciling item changed at the item and at the unexplained difference', async () => {
    let cell = '';
    let recRow = 0;
    let unexplainedRow = 0;
    const path = await changed('item.xlsx', (wb) => {
      const ws = wb.getWorksheet('HL Reconciling items') as ExcelJS.Worksheet;
      const counted = columnOf(ws, 'Counted');
      let r = 2;
      while (ws.getCell(`A${r}`).value !== ITEM.ref) r++;
      expect(ws.getCell(`${counted}${r}`).value).toBe('Yes');
      const c = ws.getCell(`${columnOf(ws, 'Amount')}${r}`);
      expect(numberIn(c)).toBe(123.45);
      c.value = 132.45;
      cell = c.address;
      recRow = summaryRow(wb, 'Less reconciling items counted (see HL Reconciling items)');
      unexplainedRow = summaryRow(wb, '= Unexplained difference (must be 0.00)');
    });
    const v = await verify(path);
    expect(v.code).toBe(1);
    expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'item.changed', sheet: 'HL Reconciling items', cell }));
    expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'summary.mismatch', sheet: 'HL Summary', cell: `B${recRow}` }));
    expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'summary.mismatch', sheet: 'HL Summary', cell: `B${unexplainedRow}` }));
  }, 60_000);

  it('finds a detail amount replaced by text, at its cell, and re-performs the totals without it', async () => {
    let cell = '';
    const path = await changed('text.xlsx', (wb) => {
      const ws = wb.getWorksheet('HL Suspense check') as ExcelJS.Worksheet;
      const c = ws.getCell(`${columnOf(ws, 'Amount')}2`);
      c.value = 'twelve pounds';
      cell = c.address;
    });
    const v = await verify(path);
    expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'detail.not-amount', sheet: 'HL Suspense check', cell }));
    expect(v.json.findings.filter((f) => f.code === 'summary.mismatch').map((f) => f.message)).toEqual([
      expect.stringMatching(/\(Suspense: items awaiting allocation\)/),
      expect.stringMatching(/\(Suspense: GL balance - items\)/),
    ]);
  }, 60_000);
});

describe('verify on a pack whose formulas a spreadsheet recalculated', () => {
  // LibreOffice is not on every machine. Told to recalculate on load (its own default is not to), it
  // computes every Summary formula itself: the figures it gets are the figures verify re-performs.
  (existsSync('/usr/bin/soffice') ? it : it.skip)('passes the recalculated pack; a detail amount changed and recalculated is found at its cell and at the Summary figures that moved', async () => {
    const profile = join(dir, 'lo-profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    const rows: number[] = [];
    const edited = await changed('recalc-edited.xlsx', (wb) => {
      const ws = wb.getWorksheet('HL Suspense check') as ExcelJS.Worksheet;
      const c = ws.getCell(`${columnOf(ws, 'Amount')}2`);
      c.value = numberIn(c) + 10;
      rows.push(summaryRow(wb, 'Suspense: items awaiting allocation'), summaryRow(wb, 'Suspense: GL balance - items'));
    });
    const out = join(dir, 'recalculated');
    execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, pack, edited], { stdio: 'ignore', timeout: 240_000 });
    const untouched = await verify(join(out, 'audit.xlsx'));
    expect(untouched.json.findings).toEqual([]);
    expect(untouched.code).toBe(0);
    const v = await verify(join(out, 'recalc-edited.xlsx'));
    expect(v.code).toBe(1);
    // Recalculated, the Summary adds up again, but not to the figures that were written and signed.
    for (const r of rows) expect(v.json.findings).toContainEqual(expect.objectContaining({ code: 'summary.changed', sheet: 'HL Summary', cell: `B${r}` }));
    expect(v.json.findings.filter((f) => f.code === 'summary.mismatch')).toEqual([]);
  }, 300_000);
});

describe('verify passes packs written with decisions', () => {
  it('a pack with a person\'s item and an accepted and a rejected suggestion (the pane\'s path) verifies, and an accepted suggestion changed is found at the unexplained difference', async () => {
    const g = await generatedWorkbook({ seed: 7, accounts: 120, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'] }, undefined, dir);
    const source = await XlsxWorkbook.fromBuffer(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(g.path))));
    const config = parseConfig(g.month.config);
    if (!config.ok) throw new Error(config.problems.join('; '));
    const run = runMonthEnd({ file: 'month.xlsx', sheets: await readUserSheets(source), period: '2026-12', config: config.config, matchSuspense: true });
    if (!run.ok) throw new Error(run.summary);
    const suggested = run.result.reconcilingItems.filter((i) => i.origin === 'suggested' && i.key !== undefined);
    expect(suggested.length).toBeGreaterThanOrEqual(2);
    const at = '2027-01-05T09:30:00.000Z';
    const decisions = suggested.slice(0, 2).map((s, i) => ({ key: s.key as string, accepted: i === 0, by: 'Sam Patel', at }));
    const made = monthEndPack(run, { productVersion: 'test', runAt: at, preparer: null, reviewer: null, review: null, userItems: [ITEM], suggestionDecisions: decisions });
    expect(made.result.reconcilingItems.filter((i) => i.accepted).map((i) => i.ref)).toEqual([suggested[0]?.ref, ITEM.ref]);
    const wb = XlsxWorkbook.empty();
    await wb.writeSheets(made.sheets);
    const image = packImage((await readPackSheets(wb)).filter((s) => s.name !== SESSION_SHEET.name));
    await wb.writeSheets([sessionSheet(packSession(run, made.result, { savedAt: at, who: 'Sam Patel', userItems: [ITEM], suggestionDecisions: decisions, image }))]);
    const path = join(dir, 'decided.xlsx');
    writeFileSync(path, await wb.toBuffer());
    const v = await verify(path);
    expect(v.json.findings).toEqual([]);
    expect(v.code).toBe(0);

    // Signed twice, it still verifies.
    expect((await runCli(['sign', path, '--as', 'preparer', '--name', 'Sam Patel', '--reason', 'GL journal to follow'])).code).toBe(0);
    expect((await runCli(['sign', path, '--as', 'reviewer', '--name', 'Jo Reid', '--reason', 'agreed'])).code).toBe(0);
    expect((await verify(path)).json).toMatchObject({ ok: true, findings: [], signOffs: [{ valid: true }, { valid: true }] });

    // The accepted suggestion changed: found at the item and at the unexplained difference.
    pack = path;
    let unexplainedRow = 0;
    const edited = await changed('decided-changed.xlsx', (book) => {
      const ws = book.getWorksheet('HL Reconciling items') as ExcelJS.Worksheet;
      let r = 2;
      while (ws.getCell(`A${r}`).value !== suggested[0]?.ref) r++;
      const c = ws.getCell(`${columnOf(ws, 'Amount')}${r}`);
      c.value = numberIn(c) - 1;
      unexplainedRow = summaryRow(book, '= Unexplained difference (must be 0.00)');
    });
    const after = await verify(edited);
    expect(after.code).toBe(1);
    expect(after.json.findings).toContainEqual(expect.objectContaining({ code: 'summary.mismatch', cell: `B${unexplainedRow}` }));
    expect(after.json.signOffs.map((s) => s.valid)).toEqual([false, false]);
  }, 90_000);
});
