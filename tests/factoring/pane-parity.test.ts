/**
 * The pane's path (the worker's handler) and the CLI give the same dry run, the same sample and the
 * same released files for the sample register; a register changed after approval is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveRun } from '../../src/engine/factoring/approval';
import { markBill, signOffSample } from '../../src/engine/factoring/sample-check';
import { newSample } from '../../src/engine/jobs/factoring-bill';
import { handleRequest } from '../../src/worker/handle';
import type { WorkerResponse } from '../../src/worker/protocol';
import type { FactoringResponse } from '../../src/worker/factoring-request';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';

async function viaWorker(request: Record<string, unknown>): Promise<FactoringResponse> {
  const got: WorkerResponse[] = [];
  await handleRequest({ kind: 'factoring', id: 1, ...request } as never, (r) => got.push(r));
  const r = got.find((x) => x.kind === 'factoring-result');
  if (!r || r.kind !== 'factoring-result') throw new Error(`no factoring result: ${JSON.stringify(got)}`);
  return r;
}

describe('factoring in the pane and on the command line', () => {
  it('gives the same dry run, sample and released files', async () => {
    const dir = tempDir();
    const s = generateFactoring();
    const path = join(dir, 'f.xlsx');
    await writeFactoringXlsx(s, path);
    const configPath = join(dir, 'c.json');
    writeFileSync(configPath, JSON.stringify(s.config));
    const sheets = await readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path)));
    const base = { file: 'f.xlsx', sheets, quarter: '2026-Q4', config: s.config };

    const dry = (await viaWorker(base)).dry;
    if (!dry) throw new Error('no dry run');
    const cliJson = (await runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--json'])).stdout.trim();
    expect(JSON.stringify(dry.json)).toBe(cliJson);

    // The pane's marks, sign-off and approval, then the CLI's over the same run.
    let sample = newSample(dry);
    for (const b of sample.drawn) sample = markBill(sample, { billNo: b, result: 'right', checker: 'Iain Watt', note: '', at: 't' }).state;
    sample = signOffSample(sample, 'Iain Watt', 't').state;
    const approved = approveRun(dry.digest, 'Fiona Reid', 'Morag Bell', 't');
    if (!('approval' in approved)) throw new Error('not approved');
    const released = (await viaWorker({ ...base, release: { sample, approval: approved.approval } })).release;
    if (!released?.released) throw new Error(`not released: ${JSON.stringify(released)}`);

    const out = join(dir, 'out');
    const cli = (...extra: string[]) => runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--out', out, ...extra]);
    await cli('--prepared-by', 'Fiona Reid');
    for (const b of sample.drawn) await cli('--check', `${b}=right`, '--checker', 'Iain Watt');
    await cli('--sign-off', 'Iain Watt');
    await cli('--approve', 'Morag Bell');
    expect((await cli('--release')).code).toBe(0);
    for (const f of released.outputs.files) expect(readFileSync(join(out, f.name), 'utf8')).toBe(f.text);

    // A charge changed after approval: another dry run, so the approval and sample no longer count.
    const changed = structuredClone(s);
    ((changed.sheets.Charges as (string | number | null)[][])[1] as (string | number | null)[])[3] = 999.99;
    const path2 = join(dir, 'f2.xlsx');
    await writeFactoringXlsx(changed, path2);
    const sheets2 = await readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path2)));
    const refused = (await viaWorker({ ...base, sheets: sheets2, release: { sample, approval: approved.approval } })).release;
    expect(refused).toMatchObject({ released: false });
    expect(refused && !refused.released ? refused.blockers.join('; ') : '').toMatch(/sample has not been drawn for this dry run.*not approved/);
  });
});
