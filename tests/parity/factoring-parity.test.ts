/**
 * Parity for factoring (issue 15): the pane's path (the worker's handler) and the CLI give the same
 * dry run, the same sample, the same released CSV bytes and the same cells of the bills and summary
 * sheets for the sample register; a register changed after approval is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_APPROVALS } from '../../src/engine/approvals';
import { approveRun, requestRunApproval } from '../../src/engine/factoring/approval';
import { markBill, signOffSample } from '../../src/engine/factoring/sample-check';
import { newSample, runToApprove } from '../../src/engine/jobs/factoring-bill';
import { handleRequest } from '../../src/worker/handle';
import type { WorkerResponse } from '../../src/worker/protocol';
import type { FactoringResponse } from '../../src/worker/factoring-request';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';
import { cellsOf, written } from './support';

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
    const asked = requestRunApproval([], runToApprove(dry), 'Fiona Reid', '2027-01-05T10:00:00Z', DEFAULT_APPROVALS);
    if (!asked.ok) throw new Error(asked.message);
    const same = approveRun(asked.events, runToApprove(dry), 'FIONA reid', '2027-01-05T11:00:00Z', DEFAULT_APPROVALS);
    expect(same).toMatchObject({ ok: false, code: 'approval.same-person' });
    const approved = approveRun(asked.events, runToApprove(dry), 'Morag Bell', '2027-01-05T11:00:00Z', DEFAULT_APPROVALS);
    if (!approved.ok) throw new Error(approved.message);
    const actions = [...asked.events, ...approved.events];
    const unapproved = (await viaWorker({ ...base, release: { sample, actions: asked.events } })).release;
    expect(unapproved).toMatchObject({ released: false, blockers: ['the run is awaiting approval (0 of 1 approval(s))'] });
    const released = (await viaWorker({ ...base, release: { sample, actions } })).release;
    if (!released?.released) throw new Error(`not released: ${JSON.stringify(released)}`);

    const out = join(dir, 'out');
    const cli = (...extra: string[]) => runCli(['factoring', 'bill', path, '--quarter', '2026-Q4', '--config', configPath, '--out', out, ...extra]);
    await cli('--prepared-by', 'Fiona Reid');
    for (const b of sample.drawn) await cli('--check', `${b}=right`, '--checker', 'Iain Watt');
    await cli('--sign-off', 'Iain Watt');
    await cli('--approve', 'Morag Bell');
    expect((await cli('--release')).code).toBe(0);
    for (const f of released.outputs.files) expect(readFileSync(join(out, f.name), 'utf8')).toBe(f.text);
    const names = released.outputs.sheets.map((x) => x.name);
    expect(await cellsOf(await written(released.outputs.sheets), names)).toEqual(await cellsOf(readFileSync(join(out, 'factoring-bills.xlsx')), names));

    // A charge changed after approval: another dry run, so the approval and sample no longer count.
    const changed = structuredClone(s);
    ((changed.sheets.Charges as (string | number | null)[][])[1] as (string | number | null)[])[3] = 999.99;
    const path2 = join(dir, 'f2.xlsx');
    await writeFactoringXlsx(changed, path2);
    const sheets2 = await readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path2)));
    const refused = (await viaWorker({ ...base, sheets: sheets2, release: { sample, actions } })).release;
    expect(refused).toMatchObject({ released: false });
    expect(refused && !refused.released ? refused.blockers.join('; ') : '').toMatch(/sample has not been drawn for this dry run.*approval of this dry run has not been requested/);
  });
});
