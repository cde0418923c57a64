import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATCH_PASSES } from '../../src/engine/suspense/match-passes';
import { generatedWorkbook, runCli } from '../support/generated';
import { recalcWorkbook } from '../support/recalc';

describe('housing-ledger match-suspense', () => {
  it('--json follows the contract: every item, a decision, account only when auto, candidates best first', async () => {
    const { path, month } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    const run = await runCli(['match-suspense', path, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { items: { item: string; decision: string; account: string | null; score: number; candidates: { account: string; score: number; reasons: string[]; pass: string }[] }[] };
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
      for (const c of i.candidates) expect(MATCH_PASSES.map((p) => p.name)).toContain(c.pass);
    }
    expect(json.items.some((i) => i.decision === 'auto')).toBe(true);
    // Every automatic allocation names the pass that found its account: a reference, never a name alone.
    const autoPasses = new Set(json.items.filter((i) => i.decision === 'auto').map((i) => i.candidates[0]?.pass));
    expect(autoPasses.has('name')).toBe(false);
  });

  it('--out writes the matches, journal and ageing sheets in a new workbook, like reconcile --out; --with-inputs copies the input sheets too', async () => {
    const { path, dir, month } = await generatedWorkbook({ seed: 5, accounts: 100, period: '2026-12' });
    const out = join(dir, 'matches.xlsx');
    const run = await runCli(['match-suspense', path, '--out', out, '--as-of', '2026-12-31']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Suspense items: \d+; auto \d+, review \d+, none \d+/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['HL Suspense matches', 'HL Clearance journal', 'HL Suspense ageing']);
    const withInputs = join(dir, 'with-inputs.xlsx');
    expect((await runCli(['match-suspense', path, '--out', withInputs, '--with-inputs', '--as-of', '2026-12-31'])).code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(withInputs);
    expect(copy.worksheets.map((w) => w.name)).toEqual([...month.sheets.map((s) => s.name), 'HL Suspense matches', 'HL Clearance journal', 'HL Suspense ageing']);
    // The journal total and the ageing counts are live formulas an auditor can re-perform.
    const r = await recalcWorkbook(readFileSync(out));
    expect(r.formulas.filter((f) => f.sheet === 'HL Suspense ageing').map((f) => f.formula)).toEqual([expect.stringMatching(/^COUNTIF/), expect.stringMatching(/^ROUND\(SUMIF/)]);
    expect(r.formulas.some((f) => f.sheet === 'HL Clearance journal')).toBe(true);
    expect(r.mismatches()).toEqual([]);
  });

  it('--csv writes the clearance journal of the automatic allocations, matching the --json decisions', async () => {
    const { path, dir } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    const csv = join(dir, 'journal.csv');
    const run = await runCli(['match-suspense', path, '--csv', csv, '--json']);
    expect(run.code).toBe(0);
    const autos = (JSON.parse(run.stdout) as { items: { item: string; decision: string; account: string }[] }).items.filter((i) => i.decision === 'auto');
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Item Ref,Date,Amount,From Account,To Account,Reason,Decided By,Decided At');
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

  it('--ageing and --as-of write the days each item has been held, past the policy limit flagged', async () => {
    const { path, dir, configPath, month } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    const ageing = join(dir, 'ageing.csv');
    writeFileSync(configPath, JSON.stringify({ ...month.config, suspenseAgeLimitDays: 14 }));
    const run = await runCli(['match-suspense', path, '--config', configPath, '--ageing', ageing, '--as-of', '2026-12-31', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { items: { item: string; daysHeld: number; overAgeLimit: boolean }[]; ageing: { asOf: string; limitDays: number; overLimitCount: number } };
    expect(json.ageing).toMatchObject({ asOf: '2026-12-31', limitDays: 14 });
    const lines = readFileSync(ageing, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Item Ref,Date,Amount,Reference,Payer,Days Held,Over Limit,Decision,Best Candidate');
    expect(lines).toHaveLength(json.items.length + 1);
    for (const l of lines.slice(1)) {
      const [item, date, , , , days, over] = l.split(',');
      const [d, m, y] = (date ?? '').split('/').map(Number);
      const expected = Math.max(0, Math.round((Date.UTC(2026, 11, 31) - Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0)) / 86_400_000));
      expect(Number(days)).toBe(expected);
      expect(over).toBe(expected > 14 ? 'YES' : 'NO');
      expect(json.items.find((i) => i.item === item)).toMatchObject({ daysHeld: expected, overAgeLimit: expected > 14 });
    }
    expect(json.ageing.overLimitCount).toBe(lines.filter((l) => l.includes(',YES,')).length);
    expect(json.ageing.overLimitCount).toBeGreaterThan(0);
  });

  it('--as-of must be a date', async () => {
    const { path } = await generatedWorkbook({ seed: 5, accounts: 50, period: '2026-12' });
    const run = await runCli(['match-suspense', path, '--as-of', '31/12/26']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--as-of 31\/12\/26: expected a date as YYYY-MM-DD/);
  });

  it('honours the config: automatic allocation off sends every item to review and the journal is empty', async () => {
    const { path, dir, configPath, month } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    writeFileSync(configPath, JSON.stringify({ ...month.config, suspenseMatch: { autoAllocate: false } }));
    const csv = join(dir, 'journal.csv');
    const run = await runCli(['match-suspense', path, '--config', configPath, '--csv', csv, '--json']);
    expect(run.code).toBe(0);
    const items = (JSON.parse(run.stdout) as { items: { decision: string; account: string | null }[] }).items;
    expect(items.every((i) => i.decision !== 'auto' && i.account === null)).toBe(true);
    expect(items.some((i) => i.decision === 'review')).toBe(true);
    expect(readFileSync(csv, 'utf8').trim().split('\r\n')).toHaveLength(1);
  });

  it('honours the config: a higher auto minimum allocates fewer items, and a bad threshold is refused', async () => {
    const { path, configPath, month } = await generatedWorkbook({ seed: 5, accounts: 400, period: '2026-12' });
    const autos = async (suspenseMatch: object): Promise<number> => {
      writeFileSync(configPath, JSON.stringify({ ...month.config, suspenseMatch }));
      const run = await runCli(['match-suspense', path, '--config', configPath, '--json']);
      return (JSON.parse(run.stdout) as { items: { decision: string }[] }).items.filter((i) => i.decision === 'auto').length;
    };
    expect(await autos({ autoMinScore: 0.99 })).toBeLessThan(await autos({}));
    writeFileSync(configPath, JSON.stringify({ suspenseMatch: { autoMinScore: 0.3 } }));
    const bad = await runCli(['match-suspense', path, '--config', configPath]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/suspenseMatch.autoMinScore/);
  });
});
