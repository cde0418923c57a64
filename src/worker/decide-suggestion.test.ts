import { generateMonth } from '../../tools/sample/generate';
import { handleRequest, SheetParts, type WorkerEnv } from './handle';
import type { WorkerResponse } from './protocol';

// The sample month: every plant, among them a late batch (timing) and a batch keyed into the GL with two digits swapped.
const month = generateMonth({ seed: 20261201, accounts: 400, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'], plants: 'all', layout: { titleRows: 1 } });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));

async function ask(env: WorkerEnv, request: Parameters<typeof handleRequest>[0]): Promise<WorkerResponse[]> {
  const posted: WorkerResponse[] = [];
  await handleRequest(request, (r) => posted.push(structuredClone(r)), env);
  return posted.filter((p) => p.kind !== 'progress');
}

describe("the worker's decide-suggestion", () => {
  it('answers with the run recomputed by the engine; the pack and the next run carry the decisions; an unknown item is refused', async () => {
    const env: WorkerEnv = { parts: new SheetParts() };
    const [first] = await ask(env, { kind: 'reconcile', id: 1, file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    if (first?.kind !== 'result') throw new Error('no result');
    const keying = first.result.reconcilingItems.find((r) => r.key?.startsWith('keying:'));
    expect(keying).toMatchObject({ origin: 'suggested', accepted: false });
    expect(first.result.reconcilingTotal).toBe(0);

    const [decided] = await ask(env, { kind: 'decide-suggestion', id: 2, decisions: [], key: keying!.key!, to: 'accepted', by: 'Sam Patel', at: '2026-12-06T10:00:00Z' });
    if (decided?.kind !== 'suggestion-decided') throw new Error(JSON.stringify(decided));
    expect(decided.result.reconcilingTotal).toBe(keying!.amount);
    expect(decided.result.unexplained).toBe(first.result.unexplained - keying!.amount);
    expect(decided.change).toMatchObject({ item: keying!.ref, amount: keying!.amount, from: 'undecided', to: 'accepted' });

    const pack = await ask(env, { kind: 'build-pack', id: 3, productVersion: 't', runAt: '2026-12-31T12:00:00Z', preparer: null, reviewer: null, suggestionDecisions: decided.decisions });
    expect(pack[0]?.kind === 'pack' && pack[0].result.unexplained).toBe(decided.result.unexplained);

    const [again] = await ask(env, { kind: 'reconcile', id: 4, file: 'm.xlsx', sheets, period: '2026-12', config: month.config, suggestionDecisions: decided.decisions });
    expect(again?.kind === 'result' && again.result.unexplained).toBe(decided.result.unexplained);

    const [refused] = await ask(env, { kind: 'decide-suggestion', id: 5, decisions: [], key: 'timing:none', to: 'accepted', by: 'Sam', at: 'x' });
    expect(refused).toMatchObject({ kind: 'failure', message: expect.stringMatching(/no suggested reconciling item/) });
  });
});
