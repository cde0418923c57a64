import fc from 'fast-check';
import { DEFAULT_CONFIG, type LedgerConfig } from '../config';
import type { IsoDate } from '../dates';
import { toPence, type Pence } from '../money';
import type { GlLine, Posting, Tenancy } from '../records';
import { findKeyingPairs, keyingSlip } from './keying';
import { reconcile } from './reconcile';
import { reconcileToJson } from './to-json';
import { timingKey, withSuggestionDecisions } from './suggestions';
import type { HmsBatch, Period } from './types';

const P = (n: number): Pence => toPence(Math.round(n * 100));
const D = (s: string): IsoDate => s as IsoDate;
const DEC: Period = { label: '2026-12', start: D('2026-12-01'), end: D('2026-12-31') };
const CONFIG: LedgerConfig = { ...DEFAULT_CONFIG, rentYearStart: D('2026-04-06'), rentFreeWeeks: [] };

describe('keyingSlip', () => {
  it('names two digits swapped and one digit wrong, and nothing else', () => {
    expect(keyingSlip(P(-375409.08), P(-375049.08))).toBe('digits-swapped');
    expect(keyingSlip(P(1234.56), P(1234.57))).toBe('digit-wrong');
    expect(keyingSlip(P(1234.56), P(1243.65))).toBeNull();
    expect(keyingSlip(P(1234.56), P(-1234.56))).toBeNull();
    expect(keyingSlip(P(1234.56), P(234.56))).toBeNull();
  });
  it('property: swapping two different digits of any amount is a slip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 10 ** 12 }), fc.nat(), fc.nat(), (n, a, b) => {
        const s = String(n).split('');
        const i = a % s.length;
        const j = b % s.length;
        fc.pre(s[i] !== s[j] && !(i === 0 && s[j] === '0') && !(j === 0 && s[i] === '0'));
        [s[i], s[j]] = [s[j] as string, s[i] as string];
        expect(keyingSlip(n, Number(s.join('')))).toBe('digits-swapped');
      }),
    );
  });
});

/** The case, in miniature: a DD batch of -£375,409.08 keyed into the GL as -£375,049.08, same batch ref, on the last day. */
function transposed(glJournal: string, glDescription: string): ReturnType<typeof reconcile> {
  const roll: Tenancy[] = [
    { account: '001', property: 'P1', tenant: 'A', address: '', postcode: '', start: D('2020-01-06'), end: null, weeklyCharge: P(0), opening: P(0), closing: P(-375409.08), row: 2 },
  ];
  const postings: Posting[] = [{ date: D('2026-12-30'), account: '001', code: 'DD', category: 'DD', amount: P(-375409.08), batch: 'DD301226', description: '', row: 2 }];
  const gl: GlLine[] = [
    { date: D('2026-12-01'), account: '1100', journal: 'BF', source: 'OPENING', category: 'OPENING', description: '', debit: P(0), credit: P(0), row: 2 },
    { date: D('2026-12-31'), account: '1100', journal: glJournal, source: 'DD', category: 'DD', description: glDescription, debit: P(0), credit: P(375049.08), row: 3 },
  ];
  return reconcile({ rentRoll: roll, postings, gl, suspense: [] }, { period: DEC, config: CONFIG });
}

describe('keying pairs', () => {
  it('the transposed DD batch is one keying pair, not timing, and nothing counts until the preparer decides', () => {
    const r = transposed('', 'Direct Debit collection DD301226');
    expect(r.keyingPairs).toHaveLength(1);
    expect(r.keyingPairs[0]).toMatchObject({ hms: { batch: 'DD301226', amount: P(-375409.08) }, gl: { amount: P(-375049.08), row: 3 }, difference: P(-360), basis: 'same-reference' });
    expect(r.reconcilingItems.map((i) => [i.type, i.origin, i.accepted])).toEqual([['other', 'suggested', false]]);
    expect(r.reconcilingItems[0]?.explanation).toMatch(/^keying difference: correct the GL journal/);
    expect(r.unexplained).toBe(P(-360));
    expect(r.status).toBe('NOT BALANCED');
    // Both sides still listed as unmatched: the field keeps its meaning.
    expect(r.unmatchedBatches.map((u) => u.side)).toEqual(['hms', 'gl']);

    const accepted = withSuggestionDecisions(r, [{ key: r.reconcilingItems[0]?.key ?? '', accepted: true, by: 'Sam Patel', at: '2026-12-06T10:00:00Z' }]);
    expect(accepted.unexplained).toBe(0);
    expect(accepted.status).toBe('BALANCED');
    expect(accepted.reconcilingItems[0]).toMatchObject({ accepted: true, decidedBy: 'Sam Patel' });
  });

  it('without a reference, same channel and an amount one slip apart within the window pairs too', () => {
    const r = transposed('J77', 'DD file');
    expect(r.keyingPairs.map((p) => p.basis)).toEqual(['digits-swapped']);
  });

  it('reconcile --json gains keyingPairs with both sides and the difference', () => {
    const json = reconcileToJson(transposed('', 'Direct Debit collection DD301226'), []);
    expect(json.keyingPairs).toEqual([
      {
        hms: { date: '2026-12-30', category: 'DD', amount: '-375409.08', batchRef: 'DD301226', postings: 1, row: 2 },
        gl: { date: '2026-12-31', category: 'DD', amount: '-375049.08', journalRef: '', row: 3 },
        difference: '-360.00',
        basis: 'same-reference',
        proposal: 'keying difference: correct the GL journal',
      },
    ]);
    expect(json.unexplained).toBe('-360.00');
  });

  it('batches that are not one slip apart and share no reference are not paired', () => {
    const hms: HmsBatch = { side: 'hms', category: 'DD', date: D('2026-12-10'), batch: 'A', amount: P(-100), postings: 1, firstRow: 2 };
    expect(findKeyingPairs([hms, { side: 'gl', category: 'DD', date: D('2026-12-10'), journal: 'B', description: '', amount: P(-250), row: 5 }], 3)).toEqual([]);
    expect(findKeyingPairs([hms, { side: 'gl', category: 'BANK', date: D('2026-12-10'), journal: 'A', description: '', amount: P(-101), row: 5 }], 3)).toEqual([]);
  });

  it('a suggested timing item is undecided and uncounted by default; a person accepts or rejects it', () => {
    const roll: Tenancy[] = [{ account: '001', property: 'P1', tenant: 'A', address: '', postcode: '', start: D('2020-01-06'), end: null, weeklyCharge: P(0), opening: P(0), closing: P(-20), row: 2 }];
    const postings: Posting[] = [{ date: D('2026-12-30'), account: '001', code: 'CASH', category: 'CASH', amount: P(-20), batch: 'C30', description: '', row: 2 }];
    const r = reconcile({ rentRoll: roll, postings, gl: [], suspense: [] }, { period: DEC, config: CONFIG });
    expect(r.reconcilingItems).toEqual([expect.objectContaining({ type: 'timing', origin: 'suggested', accepted: false, decidedBy: null })]);
    expect(r.unexplained).toBe(P(-20));
    const key = timingKey({ side: 'hms', category: 'CASH', date: D('2026-12-30'), batch: 'C30', amount: P(-20), postings: 1, firstRow: 2 });
    const decided = reconcile({ rentRoll: roll, postings, gl: [], suspense: [] }, { period: DEC, config: CONFIG, suggestionDecisions: [{ key, accepted: true, by: 'Sam', at: 'x' }] });
    expect(decided.unexplained).toBe(0);
    const rejected = withSuggestionDecisions(decided, [{ key, accepted: false, by: 'Sam', at: 'y' }]);
    expect(rejected.unexplained).toBe(P(-20));
  });
});
