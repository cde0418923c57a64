import { verifyChain } from '../audit/chain';
import { DEFAULT_CONFIG } from '../config';
import type { IsoDate } from '../dates';
import { toPence, type Pence } from '../money';
import { withUserItems } from '../reconcile/user-items';
import type { ReconcileResult } from '../reconcile/types';
import { signedContent, signOffDigest } from './digest';
import { describeChange, EMPTY_SIGNOFF_STATE, recordChange, sign, signatureLines, signOffValidity, type SignOffState } from './signoff';

const P = (n: number): Pence => toPence(Math.round(n * 100));
const D = (s: string): IsoDate => s as IsoDate;

/** A NOT BALANCED month: £445.97 unexplained until an item explains it. */
function base(): ReconcileResult {
  const zero = toPence(0);
  return {
    period: { label: '2026-12', start: D('2026-12-01'), end: D('2026-12-31') },
    basis: 'system',
    hms: { opening: zero, transactions: P(445.97), calculatedClosing: P(445.97), reportedClosing: P(445.97) },
    gl: { opening: zero, movement: zero, closing: zero },
    difference: P(445.97),
    components: [],
    matchedBatches: [],
    unmatchedBatches: [],
    keyingPairs: [],
    accountExceptions: [],
    suspense: { glBalance: zero, itemsTotal: zero, difference: zero, ageLimitDays: 30, items: [] },
    reconcilingItems: [],
    reconcilingTotal: zero,
    unexplained: P(445.97),
    status: 'NOT BALANCED',
    counts: { accounts: 0, postings: 0, glLines: 0, controlLines: 0, suspenseLines: 0, suspenseItems: 0, hmsBatches: 0 },
    issues: [],
  };
}
const ITEM = { ref: 'U1', type: 'timing' as const, amount: P(445.97), explanation: 'cash in transit', owner: 'Sam', date: D('2026-12-31') };
const FP = { 'Rent Roll': 'a'.repeat(64) };
const digestFor = (r: ReconcileResult, fp = FP): string => signOffDigest(signedContent({ fingerprints: fp, config: DEFAULT_CONFIG, result: r }));

describe('sign-off digest', () => {
  it('changes with an item, a source fingerprint, a setting and a suspense decision, and not otherwise', () => {
    const withItem = withUserItems(base(), [ITEM]);
    const d = digestFor(withItem);
    expect(digestFor(withUserItems(base(), [ITEM]))).toBe(d);
    expect(digestFor(withUserItems(base(), [{ ...ITEM, amount: P(445.96) }]))).not.toBe(d);
    expect(digestFor(withItem, { 'Rent Roll': 'b'.repeat(64) })).not.toBe(d);
    expect(signOffDigest(signedContent({ fingerprints: FP, config: { ...DEFAULT_CONFIG, batchWindowDays: 9 }, result: withItem }))).not.toBe(d);
    expect(signOffDigest(signedContent({ fingerprints: FP, config: DEFAULT_CONFIG, result: withItem, suspenseDecisions: [{ item: 'S1', action: 'allocate', account: '001' }] }))).not.toBe(d);
  });
});

describe('signing', () => {
  const at = '2026-12-06T10:00:00Z';
  function signedBoth(): { state: SignOffState; digest: string } {
    const r = withUserItems(base(), [ITEM]);
    const digest = digestFor(r);
    const p = sign(EMPTY_SIGNOFF_STATE, { role: 'preparer', name: 'Sam Patel', at }, digest, r.status);
    if (!p.ok) throw new Error(p.message);
    const v = sign(p.state, { role: 'reviewer', name: 'Jo Reid', at }, digest, r.status);
    if (!v.ok) throw new Error(v.message);
    return { state: v.state, digest };
  }

  it('the preparer signs first, and the reviewer must be a different person', () => {
    const r = withUserItems(base(), [ITEM]);
    const digest = digestFor(r);
    expect(sign(EMPTY_SIGNOFF_STATE, { role: 'reviewer', name: 'Jo Reid', at }, digest, r.status)).toMatchObject({ ok: false, code: 'preparer-first' });
    const p = sign(EMPTY_SIGNOFF_STATE, { role: 'preparer', name: "J. O'Neill", at }, digest, r.status);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(sign(p.state, { role: 'reviewer', name: ' j  ONEILL ', at }, digest, r.status)).toMatchObject({ ok: false, code: 'same-person' });
    expect(sign(p.state, { role: 'reviewer', name: 'Jo Reid', at }, digest, r.status)).toMatchObject({ ok: true });
  });

  it('a NOT BALANCED reconciliation is signed only with a written reason, which is kept', () => {
    const r = base();
    const digest = digestFor(r);
    expect(sign(EMPTY_SIGNOFF_STATE, { role: 'preparer', name: 'Sam', at, reason: '  ' }, digest, r.status)).toMatchObject({ ok: false, code: 'reason-required' });
    const p = sign(EMPTY_SIGNOFF_STATE, { role: 'preparer', name: 'Sam', at, reason: 'GL journal to follow' }, digest, r.status);
    expect(p).toMatchObject({ ok: true, signOff: { reason: 'GL journal to follow' } });
  });

  it('sign, remove the item: both signatures are void, the change named, on the trail and in the pack lines', () => {
    const { state, digest } = signedBoth();
    expect(signOffValidity(state, digest).map((s) => s.valid)).toEqual([true, true]);
    expect(signatureLines(state, digest).map((l) => l.text)).toEqual([`Sam Patel, ${at}`, `Jo Reid, ${at}`]);

    const after = base(); // item removed
    const newDigest = digestFor(after);
    const change = { at: '2026-12-06T11:00:00Z', who: 'Sam Patel', action: 'item-removed', item: 'U1', amount: ITEM.amount, from: 'cash in transit', to: '' };
    const voided = recordChange(state, { ...change, message: describeChange(change) }, newDigest);
    expect(signOffValidity(voided, newDigest)).toEqual([
      { role: 'preparer', name: 'Sam Patel', valid: false, why: expect.stringContaining('item removed, item U1, £445.97') },
      { role: 'reviewer', name: 'Jo Reid', valid: false, why: expect.stringContaining('item U1') },
    ]);
    expect(signatureLines(voided, newDigest).map((l) => l.text)).toEqual(['signatures void: changed after signing', 'signatures void: changed after signing']);
    const last = voided.trail[voided.trail.length - 1];
    expect(last).toMatchObject({ action: 'signoffs-voided', message: expect.stringContaining('item U1') });
    expect(voided.trail.find((e) => e.action === 'item-removed')).toMatchObject({ item: 'U1', amount: P(445.97), from: 'cash in transit' });
    expect(verifyChain(voided.trail)).toEqual({ intact: true, events: 4 });
  });

  it('a change that leaves the content as signed voids nothing', () => {
    const { state, digest } = signedBoth();
    const same = recordChange(state, { at, who: 'Sam', action: 'note', message: 'looked again' }, digest);
    expect(signOffValidity(same, digest).every((s) => s.valid)).toBe(true);
  });

  it('an edited trail event breaks the chain', () => {
    const { state } = signedBoth();
    const edited = state.trail.map((e, i) => (i === 0 ? { ...e, who: 'Someone else' } : e));
    expect(verifyChain(edited)).toMatchObject({ intact: false, brokenAt: 0 });
  });
});
