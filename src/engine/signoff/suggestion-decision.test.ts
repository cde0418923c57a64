import { DEFAULT_CONFIG, type LedgerConfig } from '../config';
import type { IsoDate } from '../dates';
import { toPence, type Pence } from '../money';
import type { GlLine, Posting, Tenancy } from '../records';
import { reconcile } from '../reconcile/reconcile';
import { keyingKey } from '../reconcile/suggestions';
import type { Period } from '../reconcile/types';
import { contentDigest } from './bound-signoffs';
import { changedSources } from './resume';
import { decideSuggestion } from './suggestion-decision';

const P = (n: number): Pence => toPence(Math.round(n * 100));
const D = (s: string): IsoDate => s as IsoDate;
const DEC: Period = { label: '2026-12', start: D('2026-12-01'), end: D('2026-12-31') };
const CONFIG: LedgerConfig = { ...DEFAULT_CONFIG, rentYearStart: D('2026-04-06'), rentFreeWeeks: [] };

/** The transposed DD batch, and a late cash batch suggested as timing. */
function month() {
  const roll: Tenancy[] = [
    { account: '001', property: 'P1', tenant: 'A', address: '', postcode: '', start: D('2020-01-06'), end: null, weeklyCharge: P(0), opening: P(0), closing: P(-375429.08), row: 2 },
  ];
  const postings: Posting[] = [
    { date: D('2026-12-30'), account: '001', code: 'DD', category: 'DD', amount: P(-375409.08), batch: 'DD301226', description: '', row: 2 },
    { date: D('2026-12-31'), account: '001', code: 'CASH', category: 'CASH', amount: P(-20), batch: 'C31', description: '', row: 3 },
  ];
  const gl: GlLine[] = [
    { date: D('2026-12-01'), account: '1100', journal: 'BF', source: 'OPENING', category: 'OPENING', description: '', debit: P(0), credit: P(0), row: 2 },
    { date: D('2026-12-31'), account: '1100', journal: '', source: 'DD', category: 'DD', description: 'Direct Debit collection DD301226', debit: P(0), credit: P(375049.08), row: 3 },
  ];
  return reconcile({ rentRoll: roll, postings, gl, suspense: [] }, { period: DEC, config: CONFIG });
}

describe('decideSuggestion', () => {
  it('counts a suggestion only once accepted; reject and undo count nothing; each change is named with item, amount, from and to', () => {
    const base = month();
    const keying = keyingKey(base.keyingPairs[0]!);
    expect(base.reconcilingTotal).toBe(0);

    const accepted = decideSuggestion(base, [], { key: keying, to: 'accepted', by: 'Sam Patel', at: '2026-12-06T10:00:00Z' });
    if (!accepted.ok) throw new Error(accepted.message);
    expect(accepted.result.reconcilingTotal).toBe(P(-360));
    expect(accepted.result.unexplained).toBe(base.unexplained - P(-360));
    expect(accepted.change).toMatchObject({ item: 'K1', amount: P(-360), from: 'undecided', to: 'accepted' });
    expect(accepted.change.message).toBe('suggested item K1 (keying difference: correct the GL journal, -£360.00) changed from undecided to accepted (counts) by Sam Patel');

    const rejected = decideSuggestion(base, accepted.decisions, { key: keying, to: 'rejected', by: 'Jo Reid', at: '2026-12-06T10:01:00Z' });
    if (!rejected.ok) throw new Error(rejected.message);
    expect(rejected.result.unexplained).toBe(base.unexplained);
    expect(rejected.decisions).toEqual([{ key: keying, accepted: false, by: 'Jo Reid', at: '2026-12-06T10:01:00Z' }]);
    expect(rejected.change).toMatchObject({ from: 'accepted', to: 'rejected' });

    const undone = decideSuggestion(base, rejected.decisions, { key: keying, to: 'undecided', by: 'Jo Reid', at: '2026-12-06T10:02:00Z' });
    if (!undone.ok) throw new Error(undone.message);
    expect(undone.decisions).toEqual([]);
    expect(undone.result.reconcilingItems.find((r) => r.key === keying)).toMatchObject({ accepted: false, decidedBy: null });
  });

  it('rejecting changes the signed digest although it counts no more than undecided; an unknown key or no name is refused', () => {
    const base = month();
    const key = base.reconcilingItems.find((r) => r.type === 'timing')!.key!;
    const digest = (r: typeof base) => contentDigest({ fingerprints: { GL: 'x' }, config: CONFIG, result: r, resolutions: null });
    const rejected = decideSuggestion(base, [], { key, to: 'rejected', by: 'Sam', at: 'a' });
    if (!rejected.ok) throw new Error(rejected.message);
    expect(rejected.result.unexplained).toBe(base.unexplained);
    expect(digest(rejected.result)).not.toBe(digest(base));
    expect(decideSuggestion(base, [], { key: 'timing:nope', to: 'accepted', by: 'Sam', at: 'a' })).toMatchObject({ ok: false });
    expect(decideSuggestion(base, [], { key, to: 'accepted', by: '  ', at: 'a' })).toMatchObject({ ok: false });
  });
});

describe('changedSources', () => {
  it('names each saved sheet that differs now or is gone; nothing when the session never ran', () => {
    expect(changedSources({ GL: 'a', 'Rent Roll': 'b', Postings: 'c' }, { GL: 'a2', 'Rent Roll': 'b', Postings: null })).toEqual([
      { sheet: 'GL', how: 'changed' },
      { sheet: 'Postings', how: 'missing' },
    ]);
    expect(changedSources({}, { GL: 'a' })).toEqual([]);
  });
});
