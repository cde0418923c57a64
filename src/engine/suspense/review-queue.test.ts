import fc from 'fast-check';
import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem } from '../records';
import type { SuspenseMatch } from './match-suspense';
import { applyReview, openItems, reviewJournal, reviewQueue, type ReviewAction, type ReviewState } from './review-queue';

const item = (n: number, amount: number): SuspenseItem => ({ item: `S${n}`, date: '2026-12-03' as IsoDate, amount: toPence(amount), reference: '', payer: 'J SMITH', narrative: '', channel: 'BANK', row: n + 1 });
const match = (n: number, decision: SuspenseMatch['decision'], accounts: string[]): SuspenseMatch => ({
  item: `S${n}`,
  decision,
  account: decision === 'auto' ? (accounts[0] ?? null) : null,
  score: accounts.length ? 0.95 : 0,
  candidates: accounts.map((account, k) => ({ account, score: 0.95 - k * 0.2, reasons: [`reason for ${account}`], pass: 'exact-reference' })),
});
const ITEMS = [item(1, 1000), item(2, 2550), item(3, 700), item(4, 12_345)];
const MATCHES = [match(1, 'auto', ['A1', 'A2']), match(2, 'review', ['B1', 'B2', 'B3']), match(3, 'none', []), match(4, 'auto', ['D1'])];
const AT = '2026-12-04T10:00:00Z';

function run(state: ReviewState, actions: readonly ReviewAction[]): ReviewState {
  return actions.reduce((s, a) => applyReview(s, a).state, state);
}

describe('the review queue', () => {
  const start = reviewQueue(MATCHES, ITEMS);

  it('starts with every item open, in ref order, as plain JSON', () => {
    expect(openItems(start).map((e) => e.item)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(JSON.parse(JSON.stringify(start))).toEqual(start);
    expect(structuredClone(start)).toEqual(start);
  });

  it.each<[string, ReviewAction[], { item: string; to: string; by: string; reason: RegExp }[]]>([
    ['accept the best candidate', [{ type: 'accept', item: 'S2', account: 'B1', by: 'Sam', at: AT }], [{ item: 'S2', to: 'B1', by: 'Sam', reason: /chosen by Sam: reason for B1/ }]],
    ['pick another candidate', [{ type: 'pick-candidate', item: 'S2', candidate: 2, by: 'Sam', at: AT }], [{ item: 'S2', to: 'B3', by: 'Sam', reason: /reason for B3/ }]],
    ['pick any account found by search', [{ type: 'pick-account', item: 'S3', account: 'Z9', search: 'smith', by: 'Ann', at: AT }], [{ item: 'S3', to: 'Z9', by: 'Ann', reason: /chosen by Ann from the rent roll \(search "smith"\)/ }]],
    ['reject: the item stays in suspense', [{ type: 'reject', item: 'S2', by: 'Sam', at: AT }], []],
    ['accept all automatic at once: decided by rule, accepted by a person', [{ type: 'accept-all-automatic', by: 'Sam', at: AT }], [
      { item: 'S1', to: 'A1', by: 'rule', reason: /reason for A1 \(automatic; accepted by Sam\)/ },
      { item: 'S4', to: 'D1', by: 'rule', reason: /reason for D1 \(automatic; accepted by Sam\)/ },
    ]],
    ['a later decision replaces an earlier one', [{ type: 'accept', item: 'S2', account: 'B1', by: 'Sam', at: AT }, { type: 'pick-candidate', item: 'S2', candidate: 1, by: 'Ann', at: AT }], [{ item: 'S2', to: 'B2', by: 'Ann', reason: /reason for B2/ }]],
    ['undo takes back the last action', [{ type: 'accept', item: 'S2', account: 'B1', by: 'Sam', at: AT }, { type: 'accept', item: 'S1', account: 'A2', by: 'Sam', at: AT }, { type: 'undo' }], [{ item: 'S2', to: 'B1', by: 'Sam', reason: /B1/ }]],
    ['undo is repeatable, and undoes a bulk accept as one step', [{ type: 'accept', item: 'S2', account: 'B1', by: 'Sam', at: AT }, { type: 'accept-all-automatic', by: 'Sam', at: AT }, { type: 'undo' }, { type: 'undo' }], []],
    ['undo restores a replaced decision', [{ type: 'accept', item: 'S2', account: 'B1', by: 'Sam', at: AT }, { type: 'reject', item: 'S2', by: 'Ann', at: AT }, { type: 'undo' }], [{ item: 'S2', to: 'B1', by: 'Sam', reason: /B1/ }]],
  ])('%s', (_name, actions, lines) => {
    const j = reviewJournal(run(start, actions), ITEMS, '1190');
    expect(j.lines.map((l) => l.item)).toEqual(lines.map((l) => l.item));
    j.lines.forEach((l, k) => {
      const want = lines[k];
      expect(l).toMatchObject({ toAccount: want?.to, fromAccount: '1190', decidedBy: want?.by, decidedAt: AT });
      expect(l.reason).toMatch(want?.reason ?? /x/);
    });
  });

  it.each<[string, ReviewAction, RegExp]>([
    ['an unknown item', { type: 'accept', item: 'S9', account: 'A1', by: 'Sam', at: AT }, /no suspense item S9/],
    ['a candidate that does not exist', { type: 'pick-candidate', item: 'S3', candidate: 0, by: 'Sam', at: AT }, /S3 has no candidate 1/],
    ['no name', { type: 'reject', item: 'S1', by: ' ', at: AT }, /name of the person/],
    ['an empty account', { type: 'pick-account', item: 'S1', account: '', search: '', by: 'Sam', at: AT }, /needs an account/],
    ['nothing to undo', { type: 'undo' }, /nothing to undo/],
  ])('refuses %s and changes nothing', (_name, action, why) => {
    const out = applyReview(start, action);
    expect(out.state).toBe(start);
    expect(out.refused).toMatch(why);
  });

  it('bulk accept leaves items a person already decided alone', () => {
    const s = run(start, [{ type: 'reject', item: 'S1', by: 'Ann', at: AT }, { type: 'accept-all-automatic', by: 'Sam', at: AT }]);
    expect(reviewJournal(s, ITEMS, '1190').lines.map((l) => l.item)).toEqual(['S4']);
    expect(applyReview(s, { type: 'accept-all-automatic', by: 'Sam', at: AT }).refused).toMatch(/no automatic allocation is waiting/);
  });

  const action = (n: number): fc.Arbitrary<ReviewAction> => {
    const itemRef = fc.integer({ min: 0, max: n + 1 }).map((k) => `S${k}`); // sometimes unknown
    const by = fc.constantFrom('Sam', 'Ann', '');
    const at = fc.constantFrom('2026-12-04T10:00:00Z', '2026-12-05T11:30:00Z');
    return fc.oneof(
      fc.record({ type: fc.constant('accept' as const), item: itemRef, account: fc.constantFrom('A', 'B', 'C'), by, at }),
      fc.record({ type: fc.constant('pick-candidate' as const), item: itemRef, candidate: fc.nat(3), by, at }),
      fc.record({ type: fc.constant('pick-account' as const), item: itemRef, account: fc.constantFrom('X', 'Y', ''), search: fc.string(), by, at }),
      fc.record({ type: fc.constant('reject' as const), item: itemRef, by, at }),
      fc.record({ type: fc.constant('accept-all-automatic' as const), by, at }),
      fc.constant({ type: 'undo' as const }),
      fc.constant({ type: 'undo' as const }),
    );
  };

  it('property: under any sequence of actions, undo included, the journal moves exactly the money of the items it clears, never one item twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 10_000_000 }), decision: fc.constantFrom<SuspenseMatch['decision']>('auto', 'review', 'none'), n: fc.nat(3) }), { minLength: 1, maxLength: 12 }),
        fc.array(action(12), { maxLength: 40 }),
        (spec, actions) => {
          const items = spec.map((s, k) => item(k, s.amount));
          const matches = spec.map((s, k) => match(k, s.n === 0 ? 'none' : s.decision, s.n === 0 ? [] : ['A', 'B', 'C'].slice(0, s.n)));
          const states: ReviewState[] = [reviewQueue(matches, items)];
          for (const a of actions) {
            const before = states[states.length - 1] as ReviewState;
            const { state, refused } = applyReview(before, a);
            if (a.type === 'undo' && refused === null) {
              // undo gives back exactly the decisions of the state before the action undone
              const undone = [...states].reverse().find((s) => s.undo.length === state.undo.length);
              expect(state.resolutions).toEqual(undone?.resolutions);
            }
            states.push(state);
          }
          const final = states[states.length - 1] as ReviewState;
          expect(JSON.parse(JSON.stringify(final))).toEqual(final);
          const j = reviewJournal(final, items, '1190');
          const cleared = j.lines.map((l) => l.item);
          expect(new Set(cleared).size).toBe(cleared.length);
          expect(j.refused).toEqual([]);
          const expected = items.filter((i) => cleared.includes(i.item)).reduce((s, i) => s + i.amount, 0);
          expect(j.total).toBe(expected);
          expect(j.lines.reduce((s, l) => s + l.amount, 0)).toBe(expected);
          // exactly the items decided as allocations, each with who decided
          const allocated = Object.entries(final.resolutions).filter(([, r]) => r.kind === 'allocated').map(([k]) => k).sort();
          expect([...cleared].sort()).toEqual(allocated);
          for (const l of j.lines) expect(l.decidedBy).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
