/**
 * The audit workbook as an auditor receives it: re-read from disk, every formula re-performed by an
 * independent engine (HyperFormula) and compared with Housing Ledger's own figures.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPence } from '../src/engine/money';
import { recalcWorkbook } from './support/recalc';
import { generatedWorkbook, runCli, type CliRun } from './support/generated';

const BASE = { seed: 3, accounts: 120, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'] } as const;

async function reconcileTo(out: string, path: string, config: string, now?: Date, extra: string[] = ['--with-inputs']): Promise<CliRun> {
  const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', config, '--out', out, '--prepared-by', 'A Coordinator', ...extra], now);
  expect(run.code).toBe(0);
  return run;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell's value as text, the run time stamp aside. */
async function cellsOf(path: string): Promise<Map<string, string>> {
  const wb = await load(path);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = JSON.stringify(cell.value);
        if (!/Run at /.test(v)) out.set(`${ws.name}!${r},${c}`, v);
      }),
    );
  }
  return out;
}

describe('the audit workbook', () => {
  let path: string;
  let configPath: string;
  let dir: string;
  let json: Record<string, unknown> & { difference: string; unexplained: string; reconcilingTotal: string; hms: Record<string, string>; gl: Record<string, string>; suspense: Record<string, string> };
  let out: string;

  beforeAll(async () => {
    ({ path, configPath, dir } = await generatedWorkbook(BASE));
    out = join(dir, 'audit.xlsx');
    await reconcileTo(out, path, configPath);
    json = JSON.parse((await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--json'])).stdout);
  });

  it('every formula re-performs to the value Housing Ledger wrote, to the penny', async () => {
    const r = await recalcWorkbook(readFileSync(out));
    expect(r.formulas.length).toBeGreaterThan(30);
    for (const f of r.formulas) {
      if (typeof f.cached === 'number') expect({ at: `${f.sheet}!${f.address}`, v: Math.round((f.recomputed as number) * 100) }).toEqual({ at: `${f.sheet}!${f.address}`, v: Math.round(f.cached * 100) });
      else expect({ at: `${f.sheet}!${f.address}`, v: f.recomputed }).toEqual({ at: `${f.sheet}!${f.address}`, v: f.cached });
    }
  });

  it("the Summary's re-performed totals are the engine's figures", async () => {
    const r = await recalcWorkbook(readFileSync(out));
    const wb = await load(out);
    const summary = wb.getWorksheet('HL Summary');
    if (!summary) throw new Error('no summary');
    const byLabel = (label: RegExp): number => {
      let found: number | undefined;
      summary.eachRow((row, n) => {
        if (found === undefined && label.test(String(row.getCell(1).value))) found = r.value('HL Summary', `B${n}`) as number;
      });
      if (found === undefined) throw new Error(`no row ${label}`);
      return found;
    };
    const pounds = (n: number) => formatPence(Math.round(n * 100) as never);
    expect(pounds(byLabel(/^Opening balance per housing system/))).toBe(json.hms.opening);
    expect(pounds(byLabel(/^= Calculated closing/))).toBe(json.hms.calculatedClosing);
    expect(pounds(byLabel(/^Closing balance per rent roll/))).toBe(json.hms.reportedClosing);
    expect(pounds(byLabel(/^= GL closing balance/))).toBe(json.gl.closing);
    expect(pounds(byLabel(/^Difference: rent roll closing/))).toBe(json.difference);
    expect(pounds(byLabel(/^Less reconciling items/))).toBe(json.reconcilingTotal);
    expect(pounds(byLabel(/^= Unexplained difference/))).toBe(json.unexplained);
    expect(pounds(byLabel(/^Suspense: GL balance - items/))).toBe(json.suspense.difference);
    expect(byLabel(/^Status/)).toBe('NOT BALANCED');
  });

  it('keeps the input sheets exactly as they were and adds the HL sheets', async () => {
    const input = await load(path);
    const audit = await load(out);
    expect(audit.worksheets.map((w) => w.name)).toEqual([
      ...input.worksheets.map((w) => w.name),
      'HL Summary', 'HL Components', 'HL Batches', 'HL Account exceptions', 'HL Reconciling items', 'HL Suspense check', 'HL Sources', 'HL Issues',
      'HL Clearance journal', 'HL Suspense ageing', 'HL Session',
    ]);
    for (const ws of input.worksheets) {
      const copy = audit.getWorksheet(ws.name);
      ws.eachRow((row, r) => row.eachCell((cell, c) => expect(copy?.getCell(r, c).value).toEqual(cell.value)));
    }
  });

  it('without --with-inputs, a new audit workbook holds only the HL sheets, and its formulas still re-perform', async () => {
    const lean = join(dir, 'lean.xlsx');
    await reconcileTo(lean, path, configPath, undefined, []);
    const wb = await load(lean);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['HL Summary', 'HL Components', 'HL Batches', 'HL Account exceptions', 'HL Reconciling items', 'HL Suspense check', 'HL Sources', 'HL Issues', 'HL Clearance journal', 'HL Suspense ageing', 'HL Session']);
    const r = await recalcWorkbook(readFileSync(lean));
    for (const f of r.formulas) if (typeof f.cached === 'number') expect(Math.round((f.recomputed as number) * 100)).toBe(Math.round(f.cached * 100));
  });

  it('is reproducible: the same inputs give the same cells, the run time stamp aside', async () => {
    const again = join(dir, 'again.xlsx');
    await reconcileTo(again, path, configPath, new Date('2031-06-30T23:59:59Z'));
    const a = await cellsOf(out);
    const b = await cellsOf(again);
    // the prepared-on date follows the clock; everything else is identical, except the session
    // (issue 11), which records when it was written and an image of the Summary's run stamp, and
    // the trail's head on the Summary (the pack-written event carries its time)
    const diff = [...a.keys()].filter((k) => !k.startsWith('HL Session!') && a.get(k) !== b.get(k));
    expect(diff.every((k) => k.startsWith('HL Summary!'))).toBe(true);
    expect(diff.length).toBeLessThanOrEqual(2);
    const headLabel = [...a.entries()].find(([k, v]) => k.startsWith('HL Summary!') && v.includes('Trail head'))?.[0] ?? '';
    const headCell = headLabel.replace(/,1$/, ',2');
    expect(headCell).toMatch(/^HL Summary!\d+,2$/);
    expect(diff.filter((k) => k !== headCell).length).toBeLessThanOrEqual(1);
    expect(b.size).toBe(a.size);
  });

  it('a re-run into the same file replaces only the sheets Housing Ledger wrote', async () => {
    const target = join(dir, 'rerun.xlsx');
    await reconcileTo(target, path, configPath);
    const wb = await load(target);
    const names = wb.worksheets.map((w) => w.name);
    await reconcileTo(target, path, configPath);
    const after = await load(target);
    expect(after.worksheets.map((w) => w.name)).toEqual(names);
  });

  it('looks like an audit pack: £ formats, real dates, tables with filters, frozen headers, protection', async () => {
    const wb = await load(out);
    const batches = wb.getWorksheet('HL Batches');
    expect(batches?.getCell('G2').numFmt).toMatch(/£/);
    expect(batches?.getCell('D2').value).toBeInstanceOf(Date);
    expect(batches?.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(batches?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const tables = (batches as unknown as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toEqual(['HL_Batches']);
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('HL '))) {
      expect((ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection).toMatchObject({ sheet: true });
      expect((ws as unknown as { sheetProtection?: { hashValue?: string } }).sheetProtection?.hashValue).toBeUndefined();
    }
    const summary = wb.getWorksheet('HL Summary');
    const signOff: string[] = [];
    summary?.eachRow((row) => signOff.push(String(row.getCell(1).value)));
    expect(signOff).toEqual(expect.arrayContaining(['Prepared by', 'Reviewed by']));
  });

  it('the Sources sheet names each input with its rows, mapping and a SHA-256', async () => {
    const wb = await load(out);
    const src = wb.getWorksheet('HL Sources');
    const rows: unknown[][] = [];
    src?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const rentRoll = rows.find((r) => r[0] === 'rent roll');
    expect(rentRoll?.slice(2, 5)).toEqual(['Rent Roll', 1, 120]);
    expect(String(rentRoll?.[5])).toMatch(/Account Ref <- 'Account Ref' \(A\)/);
    expect(String(rentRoll?.[6])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('user text never becomes a formula', () => {
  const NASTY = ['=HYPERLINK("http://evil.example","click")', '+44 20 7946 0000', '-2+3', '@SUM(A1:A2)', '=1+1'];

  it.each(NASTY)('a payer called %p stays text in the audit workbook', async (payer) => {
    const { path, configPath, dir } = await generatedWorkbook(BASE, (month) => {
      const s = month.sheets.find((x) => x.name === 'Suspense');
      const row = s?.rows[1];
      if (row) row[4] = payer; // Payer
      const tx = month.sheets.find((x) => x.name === 'Transactions');
      const r2 = tx?.rows[1];
      if (r2) r2[4] = payer; // Batch Ref
    });
    const out = join(dir, 'audit.xlsx');
    await reconcileTo(out, path, configPath);
    const wb = await load(out);
    const found: unknown[] = [];
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('HL '))) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.value === payer) found.push(cell.value);
        if (cell.value && typeof cell.value === 'object' && 'formula' in cell.value) expect(cell.value.formula).not.toContain(payer.replace(/^[=+@-]/, ''));
      }));
    }
    expect(found.length).toBeGreaterThan(0);
    const r = await recalcWorkbook(readFileSync(out));
    // HyperFormula, reading the stored cells, also sees text (a formula would have been evaluated)
    expect(r.formulas.every((f) => !String(f.formula).includes('HYPERLINK'))).toBe(true);
  });
});
