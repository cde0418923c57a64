/**
 * The pane's path: the worker answers the account actions jobs with plain data (structuredClone), and
 * gives the same refund candidates and the same refusal as the CLI on the same workbook.
 */
import { readFileSync } from 'node:fs';
import { candidateJson } from '../../src/engine/jobs/refunds-candidates';
import { handleRequest } from '../../src/worker/handle';
import type { WorkerResponse } from '../../src/worker/protocol';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { runCli, tempDir } from '../support/generated';
import { actionsWorkbook } from './support';
import type { ActionsJob } from '../../src/engine/jobs/actions-worker';
import type { ActionEvent } from '../../src/engine/approvals/types';
import { join } from 'node:path';

async function ask(job: ActionsJob): Promise<WorkerResponse> {
  const posted: WorkerResponse[] = [];
  await handleRequest(structuredClone({ kind: 'account-actions', id: 1, job, config: {} }), (r) => posted.push(structuredClone(r)));
  const last = posted.at(-1);
  if (!last) throw new Error('no answer');
  return last;
}

describe('the worker answers the account actions jobs as the CLI does', () => {
  it('refund candidates: the same JSON', async () => {
    const dir = tempDir();
    const path = await actionsWorkbook(dir);
    const sheets = await readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path)));
    const holidays = readFileSync(join(__dirname, '../../assets/dd/bank-holidays-england-and-wales.txt'), 'utf8');
    const answer = await ask({ job: 'candidates', file: 'accounts.xlsx', sheets, asOf: '2026-12-31' as never, holidaysText: holidays, register: null });
    if (answer.kind !== 'account-actions' || answer.result.job !== 'candidates' || !answer.result.result.ok) throw new Error(`unexpected ${JSON.stringify(answer)}`);
    const cli = JSON.parse((await runCli(['refunds', 'candidates', path, '--as-of', '2026-12-31', '--json'])).stdout) as { candidates: unknown[] };
    expect(answer.result.result.candidates.map(candidateJson)).toEqual(cli.candidates);
  });

  it('approval by the requester: the same refusal, and no events', async () => {
    const dir = tempDir();
    const file = join(dir, 'actions.json');
    await runCli(['actions', 'request', '--file', file, '--kind', 'transfer', '--account', 'A1', '--to', 'A2', '--type', 'other', '--amount', '5', '--by', 'Jo Bloggs', '--reason', 'x']);
    const log = (JSON.parse(readFileSync(file, 'utf8')) as { events: ActionEvent[] }).events;
    const answer = await ask({ job: 'decide', log, id: 'T0001', decision: 'approve', by: 'jo bloggs', at: '2026-12-31T10:00:00Z', note: '', digest: null });
    if (answer.kind !== 'account-actions' || answer.result.job !== 'decide') throw new Error('unexpected');
    expect(answer.result.result).toMatchObject({ ok: false, code: 'approval.same-person' });
    const cli = await runCli(['actions', 'approve', 'T0001', '--file', file, '--by', 'jo bloggs']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(answer.result.result.ok ? 'not refused' : answer.result.result.summary);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { events: ActionEvent[] }).events).toHaveLength(log.length);
  });
});
