import { generateMonth } from '../../tools/sample/generate';
import { EngineClient, type WorkerLike } from './client';
import { handleRequest, SheetParts } from './handle';
import { fingerprintSheet } from '../engine/fingerprint';
import { webCryptoFingerprint } from './web-fingerprint';
import type { WorkerRequest, WorkerResponse } from './protocol';

const month = generateMonth({ seed: 9, accounts: 120, period: '2026-12' });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));

/** A worker in the same thread, answering on the next tick like a real one. */
function inThread(): WorkerLike & { terminated: boolean; received: WorkerRequest[] } {
  const env = { parts: new SheetParts(), fingerprint: webCryptoFingerprint };
  const w = {
    received: [] as WorkerRequest[],
    onmessage: null as WorkerLike['onmessage'],
    terminated: false,
    postMessage(m: WorkerRequest) {
      w.received.push(m);
      setTimeout(() => {
        if (w.terminated) return;
        // structuredClone: what crosses to the worker and back must be plain data
        void handleRequest(structuredClone(m), (r) => setTimeout(() => !w.terminated && w.onmessage?.({ data: structuredClone(r) }), 0), env);
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
    await handleRequest({ kind: 'reconcile', id: 1, file: 'm.xlsx', sheets, period: '2026-12', config: month.config }, (r) => posted.push(structuredClone(r)));
    // The result first; the sources' fingerprints (for the session and the pack) after it.
    expect(posted.map((p) => (p.kind === 'progress' ? p.stage : p.kind))).toEqual(['validating', 'reading', 'result', 'fingerprinting', 'source-fingerprints']);
    const result = posted.find((p) => p.kind === 'result');
    expect(result?.kind === 'result' && result.result.difference).toBe(month.expected.difference);
    expect(result?.kind === 'result' && result.sources.map((s) => s.sheet)).toEqual(['Rent Roll', 'Transactions', 'GL', 'Suspense']);
    expect(result?.kind === 'result' && result.fingerprintsFollow).toBe(true);
    const follow = posted[posted.length - 1];
    expect(follow?.kind === 'source-fingerprints' && follow.sources.map((s) => [s.sheet, s.sha256])).toEqual(
      ['Rent Roll', 'Transactions', 'GL', 'Suspense'].map((n) => [n, fingerprintSheet(sheets.find((x) => x.name === n)!)]),
    );
  });

  it('a pack asked for straight after the result waits for the fingerprints and records them', async () => {
    const env = { parts: new SheetParts(), fingerprint: webCryptoFingerprint };
    const posted: WorkerResponse[] = [];
    const run = handleRequest({ kind: 'reconcile', id: 1, file: 'm.xlsx', sheets, period: '2026-12', config: month.config }, (r) => posted.push(r), env);
    const pack = handleRequest({ kind: 'build-pack', id: 2, productVersion: 't', runAt: '2026-12-31T12:00:00Z', preparer: null, reviewer: null }, (r) => posted.push(r), env);
    await Promise.all([run, pack]);
    expect(posted.filter((p) => p.kind !== 'progress').map((p) => p.kind)).toEqual(['result', 'source-fingerprints', 'pack']);
    const sheet = posted.find((p) => p.kind === 'pack');
    const text = JSON.stringify(sheet?.kind === 'pack' && sheet.sheets);
    expect(text).toContain(fingerprintSheet(sheets.find((x) => x.name === 'GL')!));
  });

  it('answers bad input with the located issues, and a bad config or period with problems in words', async () => {
    const broken = sheets.map((s) => (s.name === 'Transactions' ? { ...s, rows: s.rows.map((r, i) => (i === 3 ? r.map((c, j) => (j === 3 ? 'ten pounds' : c)) : r)) } : s));
    const posted: WorkerResponse[] = [];
    await handleRequest({ kind: 'reconcile', id: 2, file: 'm.xlsx', sheets: broken, period: '2026-12', config: month.config }, (r) => posted.push(r));
    const last = posted[posted.length - 1];
    expect(last?.kind === 'input-error' && last.issues.map((i) => i.location.a1)).toEqual(["'Transactions'!D4"]);
    const bad: WorkerResponse[] = [];
    await handleRequest({ kind: 'reconcile', id: 3, file: 'm.xlsx', sheets, period: '12/2026', config: { rentYearStart: 'soon' } }, (r) => bad.push(r));
    const answer = bad[bad.length - 1];
    expect(answer?.kind === 'input-error' && answer.problems.join('; ')).toMatch(/rentYearStart.*; the period 12\/2026 is not a month/);
  });

  it('the client reports progress and the result', async () => {
    const client = new EngineClient(inThread);
    const stages: string[] = [];
    const outcome = await client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config }, (s) => stages.push(s));
    expect(outcome.kind).toBe('result');
    expect(stages).toEqual(['validating', 'reading']);
    const follow = await client.fingerprints(outcome.id);
    expect(follow?.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256))).toBe(true);
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

  it('sends a large workbook in blocks, yielding between them, with the same result as in one message', async () => {
    const whole = await new EngineClient(inThread).run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    let worker: ReturnType<typeof inThread> | undefined;
    const client = new EngineClient(() => (worker = inThread()), { partCells: 100, partRows: 50 });
    const stages: string[] = [];
    const parts = await client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config }, (s) => stages.push(s));
    expect(stages[0]).toBe('sending');
    const kinds = worker?.received.map((m) => m.kind) ?? [];
    const expectedParts = sheets.reduce((n, s) => n + Math.max(1, Math.ceil(s.rows.length / 50)), 0);
    expect(kinds.filter((k) => k === 'sheet-part')).toHaveLength(expectedParts);
    expect(kinds[kinds.length - 1]).toBe('reconcile');
    expect(parts.kind === 'result' && whole.kind === 'result' && [parts.result, parts.sources]).toEqual(whole.kind === 'result' && [whole.result, whole.sources]);
  });

  it('Cancel while the blocks are going stops sending them', async () => {
    let worker: ReturnType<typeof inThread> | undefined;
    const client = new EngineClient(() => (worker = inThread()), { partCells: 100, partRows: 20 });
    const run = client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    await new Promise((r) => setTimeout(r, 0));
    client.cancel();
    expect(await run).toMatchObject({ kind: 'cancelled' });
    const sent = worker?.received.length ?? 0;
    await new Promise((r) => setTimeout(r, 20));
    expect(worker?.received.length).toBe(sent);
    expect(worker?.received.some((m) => m.kind === 'reconcile')).toBe(false);
  });

  it('WebCrypto fingerprints are the engine’s own SHA-256, byte for byte', async () => {
    for (const sheet of [...sheets, { name: 'odd', originRow: 3, originCol: 2, rows: [['tab\there', 'new\nline', 1.5, true, null, { error: '#N/A' }], [], ['£ é ☃', '']] }]) {
      await expect(webCryptoFingerprint(sheet)).resolves.toBe(fingerprintSheet(sheet));
    }
  });

  it('keeps what the run read: review actions, search, ageing and the pack answer without the sheets crossing again', async () => {
    const env = { parts: new SheetParts() };
    const answers: WorkerResponse[] = [];
    const ask = async (r: WorkerRequest) => {
      await handleRequest(structuredClone(r), (a) => answers.push(structuredClone(a)), env);
      return answers[answers.length - 1];
    };
    expect(await ask({ kind: 'ageing', id: 1 })).toMatchObject({ kind: 'failure', message: 'run the reconciliation first' });
    await ask({ kind: 'reconcile', id: 2, file: 'm.xlsx', sheets, period: '2026-12', config: month.config, matchSuspense: true, carryReview: null });
    const run = answers.find((a) => a.kind === 'result' && a.id === 2);
    if (run?.kind !== 'result' || !run.review || !run.suspense) throw new Error('no review queue');
    const auto = run.suspense.matches.find((m) => m.decision === 'auto');
    if (!auto) throw new Error('no automatic allocation');
    const rejected = await ask({ kind: 'review', id: 3, action: { type: 'reject', item: auto.item, by: 'Sam', at: '2027-01-05T10:00:00Z' } });
    expect(rejected?.kind === 'review-state' && rejected.state.resolutions[auto.item]?.kind).toBe('rejected');
    const ageing = await ask({ kind: 'ageing', id: 4 });
    expect(ageing?.kind === 'ageing' && ageing.ageing.asOf).toBe('2026-12-31');
    const pack = await ask({ kind: 'build-pack', id: 5, productVersion: 't', runAt: '2027-01-05T09:30:00Z', preparer: null, reviewer: null });
    if (pack?.kind !== 'pack') throw new Error('no pack');
    const journal = pack.sheets.find((s) => s.name === 'HL Clearance journal');
    const cleared = journal?.rows.slice(1, -1).map((r) => (r[0]?.kind === 'text' ? r[0].value : '')) ?? [];
    expect(cleared).not.toContain(auto.item);
    expect(cleared.length).toBe(run.suspense.matches.filter((m) => m.decision === 'auto').length - 1);
    const hits = await ask({ kind: 'search-accounts', id: 6, query: auto.account ?? '' });
    expect(hits?.kind === 'accounts' && hits.hits[0]?.account).toBe(auto.account);
    // The next run carries the decision on the item still in suspense.
    const saved = rejected?.kind === 'review-state' ? rejected.state : null;
    await ask({ kind: 'reconcile', id: 7, file: 'm.xlsx', sheets, period: '2026-12', config: month.config, matchSuspense: true, carryReview: saved });
    const again = answers.find((a) => a.kind === 'result' && a.id === 7);
    expect(again?.kind === 'result' && again.review?.resolutions[auto.item]?.kind).toBe('rejected');
  });

  it('answers a review with only what it changed when asked, and keeps the queue it applied them to', async () => {
    const env = { parts: new SheetParts() };
    const answers: WorkerResponse[] = [];
    const ask = async (r: WorkerRequest) => {
      await handleRequest(structuredClone(r), (a) => answers.push(structuredClone(a)), env);
      return answers[answers.length - 1];
    };
    await ask({ kind: 'reconcile', id: 1, file: 'm.xlsx', sheets, period: '2026-12', config: month.config, matchSuspense: true, carryReview: null });
    const run = answers.find((a) => a.kind === 'result' && a.id === 1);
    if (run?.kind !== 'result' || !run.review) throw new Error('no review queue');
    const autos = run.review.entries.filter((e) => e.proposed === 'auto' && e.candidates.length > 0);
    const first = autos[0];
    if (!first) throw new Error('no automatic allocation');
    const one = await ask({ kind: 'review', id: 2, action: { type: 'reject', item: first.item, by: 'Sam', at: 't' }, changesOnly: true });
    expect(one).toEqual({ kind: 'review-changes', id: 2, refused: null, changes: { action: 'reject', changed: [{ item: first.item, resolution: expect.objectContaining({ kind: 'rejected', decidedBy: 'Sam' }) }] } });
    const all = await ask({ kind: 'review', id: 3, action: { type: 'accept-all-automatic', by: 'Sam', at: 't' }, changesOnly: true });
    expect(all?.kind === 'review-changes' && all.changes?.changed.map((c) => c.item)).toEqual(autos.slice(1).map((e) => e.item));
    const undone = await ask({ kind: 'review', id: 4, action: { type: 'undo' }, changesOnly: true });
    expect(undone?.kind === 'review-changes' && undone.changes?.changed.every((c) => c.resolution === null)).toBe(true);
    // What the worker kept is what the changes say: the pack's journal has none of them.
    const refused = await ask({ kind: 'review', id: 5, action: { type: 'reject', item: 'NO-SUCH', by: 'Sam', at: 't' }, changesOnly: true });
    expect(refused).toMatchObject({ kind: 'review-changes', changes: null, refused: expect.stringContaining('NO-SUCH') });
    const state = await ask({ kind: 'review', id: 6, action: { type: 'undo' } });
    expect(state?.kind === 'review-state' && Object.keys(state.state.resolutions)).toEqual([]);
  });

  it('the client answers requests by id in turn; only a new reconciliation cancels one under way', async () => {
    const client = new EngineClient(inThread);
    const [a, b] = await Promise.all([client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config, matchSuspense: true }), client.run({ kind: 'ageing' })]);
    expect(a.kind).toBe('result');
    expect(b.kind === 'ageing' && b.ageing.lines.length).toBe(month.counts.suspenseItems);
    const first = client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    const second = client.run({ kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-12', config: month.config });
    expect(await first).toMatchObject({ kind: 'cancelled' });
    expect((await second).kind).toBe('result');
  });
});
