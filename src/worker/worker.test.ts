import { generateMonth } from '../sample/generate';
import { EngineClient, type WorkerLike } from './client';
import { handleRequest } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';

const month = generateMonth({ seed: 9, accounts: 120, period: '2026-12' });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));

/** A worker in the same thread, answering on the next tick like a real one. */
function inThread(): WorkerLike & { terminated: boolean } {
  const w = {
    onmessage: null as WorkerLike['onmessage'],
    terminated: false,
    postMessage(m: WorkerRequest) {
      setTimeout(() => {
        if (w.terminated) return;
        // structuredClone: what crosses to the worker and back must be plain data
        handleRequest(structuredClone(m), (r) => setTimeout(() => !w.terminated && w.onmessage?.({ data: structuredClone(r) }), 0));
      }, 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe('the engine worker', () => {
  it('reconciles with progress by stage, and its result crosses structuredClone intact', async () => {
    const posted: WorkerResponse[] = [];
    handleRequest({ kind: 'reconcile', id: 1, file: 'm.xlsx', sheets, period: '2026-12', config: month.config }, (r) => posted.push(structuredClone(r)));
    expect(posted.map((p) => (p.kind === 'progress' ? p.stage : p.kind))).toEqual(['validating', 'reading', 'fingerprinting', 'result']);
    const last = posted[posted.length - 1];
    expect(last?.kind === 'result' && last.result.difference).toBe(month.expected.difference);
    expect(last?.kind === 'result' && last.sources.map((s) => s.sheet)).toEqual(['Rent Roll', 'Transactions', 'GL', 'Suspense']);
  });

  it('answers bad input with the located issues, and a bad config or period with problems in words', () => {
    const broken = sheets.map((s) => (s.name === 'Transactions' ? { ...s, rows: s.rows.map((r, i) => (i === 3 ? r.map((c, j) => (j === 3 ? 'ten pounds' : c)) : r)) } : s));
    const posted: WorkerResponse[] = [];
    handleRequest({ kind: 'reconcile', id: 2, file: 'm.xlsx', sheets: broken, period: '2026-12', config: month.config }, (r) => posted.push(r));
    const last = posted[posted.length - 1];
    expect(last?.kind === 'input-error' && last.issues.map((i) => i.location.a1)).toEqual(["'Transactions'!D4"]);
    const bad: WorkerResponse[] = [];
    handleRequest({ kind: 'reconcile', id: 3, file: 'm.xlsx', sheets, period: '12/2026', config: { rentYearStart: 'soon' } }, (r) => bad.push(r));
    const answer = bad[bad.length - 1];
    expect(answer?.kind === 'input-error' && answer.problems.join('; ')).toMatch(/rentYearStart.*; the period 12\/2026 is not a month/);
  });

  it('the client reports progress and the result', async () => {
    const client = new EngineClient(inThread);
    const stages: string[] = [];
    const outcome = await client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config }, (s) => stages.push(s));
    expect(outcome.kind).toBe('result');
    expect(stages).toEqual(['validating', 'reading', 'fingerprinting']);
  });

  it('Cancel stops the worker, settles the run as cancelled, and the next run starts a fresh worker', async () => {
    const spawned: ReturnType<typeof inThread>[] = [];
    const client = new EngineClient(() => {
      const w = inThread();
      spawned.push(w);
      return w;
    });
    const first = client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    client.cancel();
    expect(await first).toMatchObject({ kind: 'cancelled' });
    expect(spawned[0]?.terminated).toBe(true);
    const second = await client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    expect(second.kind).toBe('result');
    expect(spawned).toHaveLength(2);
  });
});
