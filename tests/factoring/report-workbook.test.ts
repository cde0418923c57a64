/**
 * The report workbook of `housing-ledger factoring report` (issue 16, "Done when", third bullet):
 * written from the sample factoring workbook through the CLI, it opens in LibreOffice with its four
 * native charts present, and its P&L and KPI figures tie to the detail sheets by formula: an
 * independent formula engine gives every cached figure again, and a change to a detail amount moves
 * the P&L and the KPIs that read it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { RawCell } from '../../src/engine/cells';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { REPORT_MONTH, reportBudgetCsv } from '../../tools/sample/factoring/report-data';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';
import { recalcWorkbook, type Recalc } from '../support/recalc';

interface ReportJson {
  pnl: { totals: Record<string, string>; budget: Record<string, string> | null };
  kpis: { collectionRate: number; feePerUnit: string; notices: Record<string, number> };
}

let dir = '';
let out = '';
let json: ReportJson;

beforeAll(async () => {
  dir = tempDir();
  const s = generateFactoring();
  const book = join(dir, 'sample-factoring.xlsx');
  await writeFactoringXlsx(s, book);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(s.config));
  writeFileSync(join(dir, 'budget.csv'), reportBudgetCsv());
  out = join(dir, 'report.xlsx');
  const r = await runCli(['factoring', 'report', book, '--month', REPORT_MONTH, '--budget', join(dir, 'budget.csv'), '--config', join(dir, 'config.json'), '--out', out, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  json = JSON.parse(r.stdout) as ReportJson;
}, 120_000);

/** The 1-based row whose column A reads `label` on a recalculated sheet. */
function rowOf(rc: Recalc, sheet: string, label: string): number {
  const i = rc.sheet(sheet).findIndex((row) => row[0] === label);
  if (i < 0) throw new Error(`no row '${label}' on ${sheet}`);
  return i + 1;
}

describe('the report workbook', () => {
  it('re-performs: every P&L and KPI formula gives the cached figure', async () => {
    const rc = await recalcWorkbook(readFileSync(out));
    expect(rc.sheetNames.slice(0, 2)).toEqual(['HL Factoring P&L', 'HL Factoring KPIs']);
    expect(rc.formulas.filter((f) => f.sheet === 'HL Factoring P&L').length).toBeGreaterThan(30);
    expect(rc.formulas.filter((f) => f.sheet === 'HL Factoring KPIs').length).toBeGreaterThan(15);
    expect(rc.mismatches()).toEqual([]);
  });

  it("gives the sample's costs and budget as worked by hand", async () => {
    const rc = await recalcWorkbook(readFileSync(out));
    const costs = rowOf(rc, 'HL Factoring P&L', 'Total costs');
    // Staff 9 x 250 = 2,250; Office and IT 3 x 90 - 15 credit = 255; Legal 120.
    expect(rc.value('HL Factoring P&L', `C${costs}`)).toBeCloseTo(2625, 2);
    // Budget April to December: Staff 9 x 250 + Office and IT 9 x 30 + Legal 100 (November).
    expect(rc.value('HL Factoring P&L', `D${costs}`)).toBeCloseTo(2620, 2);
    expect(json.pnl.totals.costs).toBe('2625.00');
    const mgmt = rowOf(rc, 'HL Factoring P&L', 'Management fees');
    expect(rc.value('HL Factoring P&L', `D${mgmt}`)).toBeCloseTo(900, 2); // 300 at each quarter's end: June, September, December
  });

  it('ties the P&L and the KPIs to the detail sheets: a changed detail amount moves them', async () => {
    const rc = await recalcWorkbook(readFileSync(out));
    const detail = rc.sheet('HL Factoring P&L Detail');
    const i = detail.findIndex((row) => row[4] === 'Management fees' && row[0] === REPORT_MONTH);
    expect(i).toBeGreaterThan(0);
    const pnl = 'HL Factoring P&L';
    const mgmt = rowOf(rc, pnl, 'Management fees');
    const own = rowOf(rc, pnl, 'Total own income');
    const net = rowOf(rc, pnl, 'Net (own income - costs - write-offs)');
    const feePerUnit = rowOf(rc, 'HL Factoring KPIs', 'Fee per unit, year to date (£)');
    const units = rc.value('HL Factoring KPIs', `B${rowOf(rc, 'HL Factoring KPIs', 'Units factored')}`) as number;
    const before = (sheet: string, a1: string): number => rc.value(sheet, a1) as number;
    const was = { month: before(pnl, `B${mgmt}`), ytd: before(pnl, `C${mgmt}`), own: before(pnl, `C${own}`), net: before(pnl, `C${net}`), fee: before('HL Factoring KPIs', `B${feePerUnit}`) };
    const amount = detail[i]?.[8] as number;
    const id = rc.hf.getSheetId('HL Factoring P&L Detail') as number;
    rc.hf.setCellContents({ sheet: id, row: i, col: 8 }, [[amount + 100] as RawCell[] as number[]]);
    expect(before(pnl, `B${mgmt}`)).toBeCloseTo(was.month + 100, 2);
    expect(before(pnl, `C${mgmt}`)).toBeCloseTo(was.ytd + 100, 2);
    expect(before(pnl, `C${own}`)).toBeCloseTo(was.own + 100, 2);
    expect(before(pnl, `C${net}`)).toBeCloseTo(was.net + 100, 2);
    expect(before('HL Factoring KPIs', `B${feePerUnit}`)).toBeCloseTo(Math.round(((was.ytd + 100) / units) * 100) / 100, 2);
  });

  (existsSync('/usr/bin/soffice') ? it : it.skip)(
    'opens in LibreOffice with its four charts over the P&L and KPI cells',
    async () => {
      const lo = join(dir, 'lo');
      mkdirSync(lo, { recursive: true });
      // A profile of its own, so a LibreOffice already running for someone else is not reused.
      execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'ods', '--outdir', lo, out], { stdio: 'ignore', timeout: 240_000 });
      const zip = await JSZip.loadAsync(readFileSync(join(lo, 'report.ods')));
      const objects = Object.keys(zip.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
      const charts = await Promise.all(objects.map(async (n) => (await zip.file(n)?.async('string')) ?? ''));
      const titles = charts.map((xml) => /<chart:title[^>]*><text:p>([^<]*)<\/text:p>/.exec(xml)?.[1]).sort();
      expect(titles).toEqual(['Aged debt (undisputed), £', 'Notices of Potential Liability', 'Own income, costs and write-offs by month', 'Year to date against budget']);
      for (const xml of charts) {
        expect(xml).toContain('<chart:chart ');
        // Every series reads the report's own cells, so the chart follows them.
        const ranges = [...xml.matchAll(/chart:values-cell-range-address="([^"]+)"/g)].map((m) => m[1] ?? '');
        expect(ranges.length).toBeGreaterThan(0);
        for (const r of ranges) expect(r).toMatch(/^&apos;HL Factoring (P&amp;L|KPIs)&apos;\.\$?[A-Z]+\$?\d+:/);
      }
      const content = (await zip.file('content.xml')?.async('string')) ?? '';
      expect(content.match(/<draw:object /g)?.length).toBe(4);
    },
    300_000,
  );
});
