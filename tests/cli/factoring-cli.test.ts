/**
 * housing-ledger factoring bill on the seeded sample register (tools/sample/factoring): the issue 15
 * JSON contract, the planted faults caught, and the dry run -> sample check -> approval -> release
 * path with its refusals.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';

async function sample(mutate: (s: ReturnType<typeof generateFactoring>) => void = () => undefined) {
  const dir = tempDir();
  const s = generateFactoring();
  mutate(s);
  const path = join(dir, 'factoring.xlsx');
  await writeFactoringXlsx(s, path);
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(s.config));
  return { dir, path, configPath, sample: s };
}

type Bill = { owner: string; property: string; days: number; final: boolean; lines: { heading: string; invoiceRef: string; totalCost: string; share: string; charge: string }[]; managementFee: string; insurance: string; adminFee: string; total: string };
const pence = (s: string): number => Math.round(Number(s) * 100);

describe('housing-ledger factoring bill --json', () => {
  it('prints the contract and holds back the planted faults', async () => {
    const { path, configPath } = await sample();
    const run = await runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { quarter: string; bills: Bill[]; heldBack: { invoiceRef: string; reason: string }[]; totals: Record<string, string>; issues: unknown[] };
    expect(Object.keys(json)).toEqual(['quarter', 'bills', 'heldBack', 'totals', 'issues']);
    expect(Object.keys(json.totals)).toEqual(['costs', 'billed', 'fees', 'insurance']);
    expect(json.heldBack.map((h) => h.invoiceRef)).toEqual(['INV-1005', 'INV-1007', 'INV-1008']);
    expect(json.heldBack.map((h) => h.reason).join(' | ')).toMatch(/already on row .*outside 2026-Q4.*nobody holds shares in LIGHTING/);
    // Every bill's total is its lines, fee, insurance and admin fee; the totals are the bills'.
    for (const b of json.bills) expect(pence(b.total)).toBe(b.lines.reduce((t, l) => t + pence(l.charge), 0) + pence(b.managementFee) + pence(b.insurance) + pence(b.adminFee));
    expect(json.bills.reduce((t, b) => t + pence(b.total), 0)).toBe(pence(json.totals.billed as string));
    // The sale of HC1-2: the seller's final bill and the buyer's new account share the quarter's 92 days.
    const hc12 = json.bills.filter((b) => b.property === 'HC1-2');
    expect(hc12.map((b) => [b.days, b.final, b.adminFee])).toEqual([[45, true, '60.00'], [47, false, '0.00']]);
    // The landlord's own flats: billed, with no management or admin fee.
    expect(json.bills.filter((b) => b.owner === 'LANDLORD').map((b) => b.managementFee)).toEqual(['0.00', '0.00', '0.00']);
    expect(json.bills.find((b) => b.property === 'KS2-1')?.lines[0]?.share).toBe('5/26');
  });

  it('exits 2 and writes nothing when the config has no PF number', async () => {
    const { path, dir } = await sample();
    const configPath = join(dir, 'no-pf.json');
    writeFileSync(configPath, JSON.stringify({ factoring: { landlordOwnerRef: 'LANDLORD', managementFee: '120.00', adminFee: '60.00' } }));
    const out = join(dir, 'out');
    const run = await runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pfNumber');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with located errors when the shares do not sum to 1', async () => {
    const { path, configPath } = await sample((s) => {
      const rows = s.sheets.Shares as (string | number | null)[][];
      const row = rows.find((r) => r[1] === 'HC1-3' && r[2] === 'CLEANING') as (string | number | null)[];
      row[3] = '1/5';
    });
    const run = await runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sheet 'Shares', row \d+, column D \(Share\): the CLEANING shares of block HC1 add up to 31\/30, not 1/);
  });
});

describe('the sample check, approval and release', () => {
  it('releases only after the sample is signed off and someone other than the preparer approves', async () => {
    const { path, configPath, dir } = await sample();
    const out = join(dir, 'run');
    const cli = (...extra: string[]) => runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--out', out, ...extra]);
    expect((await cli('--prepared-by', 'Fiona Reid')).code).toBe(0);
    const state = JSON.parse(readFileSync(join(out, 'factoring-run.json'), 'utf8')) as { sample: { drawn: string[] } };
    expect(state.sample.drawn).toHaveLength(5);
    // Stratified by block: every block is in the sample.
    expect(new Set(state.sample.drawn.map((b) => b.split('/')[2]?.slice(0, 3)))).toEqual(new Set(['HC1', 'KS2', 'WR3']));

    const early = await cli('--release');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('sample check is not signed off');
    expect(readdirSync(out)).toEqual(['factoring-run.json']);

    expect((await cli('--sign-off', 'Iain Watt')).stderr).toContain('every bill in the sample must be marked');
    for (const [i, bill] of state.sample.drawn.entries()) {
      const mark = i === 0 ? `${bill}=corrected:address updated` : `${bill}=right`;
      expect((await cli('--check', mark, '--checker', 'Iain Watt')).code).toBe(0);
    }
    expect((await cli('--sign-off', 'Iain Watt')).code).toBe(0);
    const same = await cli('--approve', 'fiona  REID');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('cannot also approve');
    expect((await cli('--approve', 'Morag Bell')).code).toBe(0);
    const released = await cli('--release');
    expect(released.stderr).toBe('');
    expect(released.code).toBe(0);
    const bills = readFileSync(join(out, 'bills.csv'), 'utf8').trim().split('\r\n');
    expect(bills[0]).toMatch(/^PF Number,Bill No,/);
    expect(bills.slice(1).every((l) => l.startsWith('PF000123,'))).toBe(true);
    const distribution = readFileSync(join(out, 'distribution.csv'), 'utf8');
    expect(distribution).toMatch(/,paper,/);
    expect(distribution).toMatch(/,email,/);
    expect(existsSync(join(out, 'factoring-bills.xlsx'))).toBe(true);
    expect(readFileSync(join(out, 'postings.csv'), 'utf8')).toContain('ADMIN FEE');
  });
});
