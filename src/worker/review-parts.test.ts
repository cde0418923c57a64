/**
 * A large month's review queue crosses from the engine's worker in blocks ('review-part', ahead of
 * the result) so no one message holds the page's thread: the client puts the queue back together,
 * the same queue as in one message.
 */
import { generateMonth } from '../../tools/sample/generate';
import { EngineClient, type WorkerLike } from './client';
import { handleRequest, SheetParts } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';

const month = generateMonth({ seed: 7, accounts: 300, period: '2026-11', suspenseItems: 90 });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));

/** A worker in the same thread that records what it posts back. */
function inThread(posted: WorkerResponse[]): WorkerLike {
  const env = { parts: new SheetParts() };
  const w: WorkerLike = {
    onmessage: null,
    postMessage(m: WorkerRequest) {
      setTimeout(() => void handleRequest(structuredClone(m), (r) => setTimeout(() => (posted.push(r), w.onmessage?.({ data: structuredClone(r) })), 0), env), 0);
    },
    terminate() {},
  };
  return w;
}

it('the review queue comes in blocks ahead of the result and is put back together whole', async () => {
  const request = { kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-11', config: month.config, matchSuspense: true, keepMatches: true, carryReview: null } as const;
  const whole: WorkerResponse[] = [];
  const parted: WorkerResponse[] = [];
  const one = await new EngineClient(() => inThread(whole)).run(request);
  const inParts = await new EngineClient(() => inThread(parted)).run({ ...request, reviewInParts: 10 });
  const entries = one.kind === 'result' ? (one.review?.entries.length ?? 0) : 0;
  expect(entries).toBeGreaterThan(20);
  expect(parted.filter((p) => p.kind === 'review-part')).toHaveLength(Math.ceil(entries / 10));
  expect(parted.findIndex((p) => p.kind === 'review-part')).toBeLessThan(parted.findIndex((p) => p.kind === 'result'));
  const sent = parted.find((p) => p.kind === 'result');
  expect(sent?.kind === 'result' && sent.review?.entries).toEqual([]);
  expect(inParts.kind === 'result' && inParts.review).toEqual(one.kind === 'result' && one.review);
  expect(inParts.kind === 'result' && inParts.result).toEqual(one.kind === 'result' && one.result);
});

it('the audit pack’s sheets come in blocks of rows ahead of the pack and are put back together whole', async () => {
  const run = { kind: 'reconcile', file: 'm.xlsx', sheets, period: '2026-11', config: month.config, matchSuspense: true, keepMatches: true, carryReview: null } as const;
  const build = { kind: 'build-pack', productVersion: 'test', runAt: '2026-12-01T09:00:00.000Z', preparer: null, reviewer: null } as const;
  const whole: WorkerResponse[] = [];
  const parted: WorkerResponse[] = [];
  const a = new EngineClient(() => inThread(whole));
  const b = new EngineClient(() => inThread(parted));
  await a.run(run);
  await b.run(run);
  const one = await a.run(build);
  const inParts = await b.run({ ...build, packInParts: 25 });
  if (one.kind !== 'pack' || inParts.kind !== 'pack') throw new Error('no pack');
  const beyond = one.sheets.reduce((n, s) => n + Math.max(0, Math.ceil(s.rows.length / 25) - 1), 0);
  expect(beyond).toBeGreaterThan(3);
  expect(parted.filter((p) => p.kind === 'pack-rows')).toHaveLength(beyond);
  expect(parted.findIndex((p) => p.kind === 'pack-rows')).toBeLessThan(parted.findIndex((p) => p.kind === 'pack'));
  const sent = parted.find((p) => p.kind === 'pack');
  expect(sent?.kind === 'pack' && Math.max(...sent.sheets.map((s) => s.rows.length))).toBeLessThanOrEqual(25);
  expect(inParts.sheets).toEqual(one.sheets);
  expect(inParts.result).toEqual(one.result);
});
