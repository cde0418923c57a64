import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedWorkbook, runCli } from '../support/generated';

describe('housing-ledger match-suspense', () => {
  it('--json follows the contract: every item, a decision, account only when auto, candidates best first', async () => {
    const { path, month } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    const run = await runCli(['match-suspense', path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { items: { item: string; decision: string; account: string | null; score: number; candidates: { account: string; score: number; reasons: string[] }[] }[] };
    expect(json.items).toHaveLength(month.counts.suspenseItems);
    for (const i of json.items) {
      expect(['auto', 'review', 'none']).toContain(i.decision);
      expect(i.score).toBeGreaterThanOrEqual(0);
      expect(i.score).toBeLessThanOrEqual(1);
      if (i.decision === 'auto') expect(i.account).toBe(i.candidates[0]?.account);
      else expect(i.account).toBeNull();
      if (i.decision === 'none') expect(i.candidates).toEqual([]);
      const scores = i.candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const c of i.candidates) expect(c.reasons.length).toBeGreaterThan(0);
    }
    expect(json.items.some((i) => i.decision === 'auto')).toBe(true);
  });

  it('--out writes the matches sheet beside the input sheets', async () => {
    const { path, dir } = await generatedWorkbook({ seed: 5, accounts: 100, period: '2026-12' });
    const out = join(dir, 'matches.xlsx');
    const run = await runCli(['match-suspense', path, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Suspense items: \d+; auto \d+, review \d+, none \d+/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['HL Suspense matches', 'HL Clearance journal']));
  });

  it('--csv writes the clearance journal of the automatic allocations, matching the --json decisions', async () => {
    const { path, dir } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    const csv = join(dir, 'journal.csv');
    const run = await runCli(['match-suspense', path, '--csv', csv, '--json']);
    expect(run.code).toBe(0);
    const autos = (JSON.parse(run.stdout) as { items: { item: string; decision: string; account: string }[] }).items.filter((i) => i.decision === 'auto');
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Item Ref,Date,Amount,From Account,To Account,Reason,Decided By');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5))).toEqual(autos.map((a) => [a.item, expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/), expect.stringMatching(/^\d+\.\d\d$/), '1190', a.account]));
  });

  it('a workbook without a suspense sheet is bad input', async () => {
    const { path } = await generatedWorkbook({ seed: 5, accounts: 50, period: '2026-12' }, (m) => {
      const sheets = m.sheets as unknown[];
      sheets.splice(m.sheets.findIndex((s) => s.name === 'Suspense'), 1);
    });
    const run = await runCli(['match-suspense', path, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needs a suspense items sheet/);
  });
});
