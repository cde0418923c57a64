/**
 * Bringing a log made elsewhere into this one (approvals/merge-logs): an action changed on one side
 * comes over whole and the result is still an intact chain; one changed on both sides is a
 * conflict; the same change on both is nothing to do; a second request under a known id is refused.
 */
import { approveAction, rejectAction, requestAction } from '../../src/engine/approvals/approvals';
import { toApprovalsConfig } from '../../src/engine/approvals/approvals-config';
import { mergeActionLogs } from '../../src/engine/approvals/merge-logs';
import type { ActionEvent, ActionRequestBody } from '../../src/engine/approvals/types';
import { appendEvent, verifyChain, type ChainBody, type ChainedEvent } from '../../src/engine/audit/chain';
import type { Pence } from '../../src/engine/money';

const config = toApprovalsConfig(undefined);
const body = (amount: number): ActionRequestBody => ({ kind: 'transfer', reason: 'misposted', evidence: [], amount: amount as Pence, accounts: ['A1', 'A2'], postings: [{ account: 'A1', code: 'TRANSFER', category: 'TRANSFER', amount: amount as Pence, description: 'to A2' }, { account: 'A2', code: 'TRANSFER', category: 'TRANSFER', amount: -amount as Pence, description: 'from A1' }], details: { type: 'other' } });

function step(log: ActionEvent[], r: { ok: true; events: readonly ActionEvent[] } | { ok: false; message: string }): ActionEvent[] {
  if (!r.ok) throw new Error(r.message);
  return [...log, ...r.events];
}
const request = (log: ActionEvent[], id: string, amount = 500) => step(log, requestAction(log, { id, by: 'Jo Bloggs', at: '2026-12-31T10:00:00Z', request: body(amount) }, config));
const approve = (log: ActionEvent[], id: string, by = 'Sam Lee') => step(log, approveAction(log, { id, by, at: '2026-12-31T11:00:00Z' }, config));
const reject = (log: ActionEvent[], id: string) => step(log, rejectAction(log, { id, by: 'Pat Kay', at: '2026-12-31T12:00:00Z', note: 'no' }, config));
const intact = (log: readonly ActionEvent[]) => verifyChain(log as unknown as readonly ChainedEvent[]).intact;

describe('merging an actions log into this one', () => {
  const shared = request([], 'T0001');

  it('a log that only grew elsewhere comes over whole, re-chained and intact', () => {
    const there = request(approve(shared, 'T0001'), 'T0002');
    const m = mergeActionLogs(shared, there);
    expect(m).toMatchObject({ shared: 1, imported: ['T0001', 'T0002'], conflicts: [], same: [] });
    const merged = [...shared, ...m.events];
    expect(intact(merged)).toBe(true);
    expect(merged.map((e) => `${e.id} ${e.type}`)).toEqual(['T0001 requested', 'T0001 approved', 'T0001 posted', 'T0002 requested']);
  });

  it('nothing to bring from a log this one already holds', () => {
    expect(mergeActionLogs(approve(shared, 'T0001'), shared)).toMatchObject({ events: [], imported: [], conflicts: [] });
  });

  it('an action changed on both sides is a conflict; others still come over, after this side\'s events', () => {
    const here = reject(request(shared, 'T0002', 700), 'T0001');
    const there = request(approve(shared, 'T0001'), 'T0003', 900);
    const m = mergeActionLogs(here, there);
    expect(m.imported).toEqual(['T0003']);
    expect(m.conflicts.map((c) => c.id)).toEqual(['T0001']);
    const merged = [...here, ...m.events];
    expect(intact(merged)).toBe(true);
    expect(merged.filter((e) => e.id === 'T0001').map((e) => e.type)).toEqual(['requested', 'rejected']);
  });

  it('the same new request made on both sides is a conflict when it differs, shared when it is the very same event', () => {
    expect(mergeActionLogs(request(shared, 'T0002', 700), request(shared, 'T0002', 800)).conflicts[0]?.why).toMatch(/requested here and in the file for different things/);
    expect(mergeActionLogs(request(shared, 'T0002', 700), request(shared, 'T0002', 700))).toMatchObject({ shared: 2, events: [], imported: [], conflicts: [] });
  });

  it('a file that requests a known action again is refused for that action', () => {
    // Hand-made: T0001 requested a second time after the shared part (the chain holds; the request engine would refuse it).
    const again = request([], 'T0001', 999)[0] as ActionEvent;
    const { prev: _p, hash: _h, ...b } = again;
    const forged = [...shared, appendEvent(shared as unknown as readonly ChainedEvent[], b as unknown as ChainBody) as unknown as ActionEvent];
    expect(intact(forged)).toBe(true);
    const m = mergeActionLogs(shared, forged);
    expect(m.imported).toEqual([]);
    expect(m.conflicts[0]?.why).toMatch(/requests T0001 again/);
  });
});
