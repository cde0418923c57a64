/**
 * The released outputs: the summary's formulas, re-performed by an independent formula engine, agree
 * with the engine's totals and tie the bills to the charges and fees; the sample is stratified and
 * reproducible.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawSample } from '../../src/engine/factoring/sample-check';
import { runCli, tempDir } from '../support/generated';
import { recalcWorkbook } from '../support/recalc';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';

describe('the run summary', () => {
  it('re-performs: every formula gives the cached figure, and the difference is nil', async () => {
    const dir = tempDir();
    const s = generateFactoring(77);
    const path = join(dir, 'f.xlsx');
    await writeFactoringXlsx(s, path);
    const configPath = join(dir, 'c.json');
    writeFileSync(configPath, JSON.stringify({ factoring: { ...s.config.factoring, sampleSize: 1 } }));
    const out = join(dir, 'out');
    const cli = (...extra: string[]) => runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--out', out, ...extra]);
    await cli('--prepared-by', 'A Person');
    const state = JSON.parse(readFileSync(join(out, 'factoring-run.json'), 'utf8')) as { sample: { drawn: string[] } };
    await cli('--check', `${state.sample.drawn[0] ?? ''}=right`, '--checker', 'B Person');
    await cli('--sign-off', 'B Person');
    await cli('--approve', 'C Person');
    const json = JSON.parse((await cli('--release', '--json')).stdout) as { totals: { billed: string; fees: string } };
    const recalc = await recalcWorkbook(readFileSync(join(out, 'factoring-bills.xlsx')));
    expect(recalc.formulas.length).toBeGreaterThanOrEqual(5);
    expect(recalc.mismatches()).toEqual([]);
    expect(recalc.value('HL Factoring Summary', 'B7')).toBe(0);
    expect(recalc.value('HL Factoring Summary', 'D6')).toBeCloseTo(Number(json.totals.billed), 2);
    expect(recalc.value('HL Factoring Summary', 'D3')).toBeCloseTo(Number(json.totals.fees), 2);
  });
});

describe('the sample', () => {
  const bills = ['A', 'B', 'C'].flatMap((block, k) => Array.from({ length: 4 + k * 6 }, (_, i) => ({ billNo: `${block}${String(i).padStart(2, '0')}`, block })));

  it('takes a bill from every block, then the rest in proportion, the same each time for one seed', () => {
    const a = drawSample(bills, 6, 'seed-1');
    expect(a).toHaveLength(6);
    expect(new Set(a.map((b) => b[0]))).toEqual(new Set(['A', 'B', 'C']));
    expect(drawSample([...bills].reverse(), 6, 'seed-1')).toEqual(a);
    const draws = new Set(Array.from({ length: 20 }, (_, i) => drawSample(bills, 6, `seed-${i}`).join()));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('takes every bill when the size is larger than the run', () => {
    expect(drawSample(bills, 100, 'x')).toHaveLength(bills.length);
  });
});
