import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem } from '../records';
import type { SuspenseMatch } from './match-suspense';
import { applyReview, reviewQueue } from './review-queue';
import { DEFAULT_WORKLIST_QUERY, uniqueReasons, worklistFrom, worklistOrder, worklistView, type WorklistQuery } from './worklist';

const item = (n: number, amount: number, date: string, payer: string, reference: string): SuspenseItem => ({ item: `S${n}`, date: date as IsoDate, amount: toPence(amount), reference, payer, narrative: '', channel: 'BANK', row: n + 1 });
const match = (n: number, decision: SuspenseMatch['decision'], accounts: string[], score: number, reasons: string[]): SuspenseMatch => ({
  item: `S${n}`, decision, account: decision === 'auto' ? (accounts[0] ?? null) : null, score,
  candidates: accounts.map((account) => ({ account, score, reasons, pass: 'exact-reference' })),
});
const ITEMS = [item(1, 10_000, '2026-12-01', 'J SMITH', '00100629'), item(2, 2550, '2026-11-20', 'A KHAN', ''), item(3, 700, '2026-12-03', 'B JONES', 'XYZ'), item(4, 12_345, '2026-11-30', 'C BROWN', '')];
const MATCHES = [
  match(1, 'auto', ['00100629'], 0.98, ['reference 00100629 is account 00100629', 'reference 00100629 is account 00100629']),
  match(2, 'review', ['00200001'], 0.7, ['payer A KHAN shares the surname of tenant Mrs A Khan', 'amount £25.50 is the weekly charge']),
  match(3, 'none', [], 0, []),
  match(4, 'auto', ['00400004'], 0.93, ['postcode AB1 2CD in the narrative match account 00400004 (1 High St)']),
];
const Q: WorklistQuery = { ...DEFAULT_WORKLIST_QUERY, asOf: '2026-12-06' as IsoDate };
const items = (q: Partial<WorklistQuery>, s = reviewQueue(MATCHES, ITEMS)) => worklistView(s, { ...Q, ...q }).rows.map((r) => r.entry.item);

describe('the suspense worklist', () => {
  it('filters by decision state and by the evidence behind the best candidate', () => {
    expect(items({ state: 'auto' })).toEqual(['S1', 'S4']);
    expect(items({ state: 'review' })).toEqual(['S2']);
    expect(items({ state: 'none' })).toEqual(['S3']);
    expect(items({ evidence: 'reference' })).toEqual(['S1']);
    expect(items({ evidence: 'name' })).toEqual(['S2']);
    expect(items({ evidence: 'address' })).toEqual(['S4']);
    expect(items({ evidence: 'amount' })).toEqual(['S2']);
  });

  it('sorts by amount, days held, score and date, either way', () => {
    expect(items({ sort: 'amount', descending: true })).toEqual(['S4', 'S1', 'S2', 'S3']);
    expect(items({ sort: 'days', descending: true })).toEqual(['S2', 'S4', 'S1', 'S3']);
    expect(items({ sort: 'score', descending: true })).toEqual(['S1', 'S4', 'S2', 'S3']);
    expect(items({ sort: 'date' })).toEqual(['S2', 'S4', 'S1', 'S3']);
  });

  it('searches reference, payer, account and amount', () => {
    expect(items({ search: 'khan' })).toEqual(['S2']);
    expect(items({ search: 'xyz' })).toEqual(['S3']);
    expect(items({ search: '00400004' })).toEqual(['S4']);
    expect(items({ search: '£123.45' })).toEqual(['S4']);
    expect(items({ search: '25.50' })).toEqual(['S2']);
  });

  it('counts days held and totals what is shown, decided and waiting to be accepted automatically', () => {
    let s = reviewQueue(MATCHES, ITEMS);
    const v0 = worklistView(s, Q);
    expect(v0.rows.find((r) => r.entry.item === 'S2')?.daysHeld).toBe(16);
    expect(v0.shown).toEqual({ count: 4, total: toPence(25_595) });
    expect(v0.automaticWaiting).toEqual({ count: 2, total: toPence(22_345) });
    s = applyReview(s, { type: 'reject', item: 'S3', by: 'Sam', at: 'x' }).state;
    s = applyReview(s, { type: 'accept-all-automatic', by: 'Sam', at: 'x' }).state;
    const v1 = worklistView(s, Q);
    expect(v1.shown).toEqual({ count: 1, total: toPence(2550) });
    expect(v1.decided).toEqual({ count: 3, total: toPence(23_045) });
    expect(v1.allocated).toEqual({ count: 2, total: toPence(22_345) });
    expect(v1.automaticWaiting.count).toBe(0);
    expect(items({ state: 'decided' }, s)).toEqual(['S1', 'S3', 'S4']);
  });

  it('says each reason once', () => {
    expect(reviewQueue(MATCHES, ITEMS).entries[0]?.candidates[0]?.reasons).toEqual(['reference 00100629 is account 00100629']);
    expect(uniqueReasons(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });

  it('a decision re-filters the same order: the view from the kept order is the view computed afresh', () => {
    const start = reviewQueue(MATCHES, ITEMS);
    const { state: _state, ...orderQuery } = { ...Q, sort: 'amount' as const, descending: true };
    const order = worklistOrder(start.entries, orderQuery);
    let s = start;
    for (const action of [{ type: 'reject', item: 'S2', by: 'A', at: 't' }, { type: 'accept-all-automatic', by: 'A', at: 't' }, { type: 'undo' }] as const) {
      s = applyReview(s, action).state;
      for (const filter of ['all', 'open', 'auto', 'review', 'none', 'decided'] as const) {
        expect(worklistFrom(s, order, filter)).toEqual(worklistView(s, { ...Q, sort: 'amount', descending: true, state: filter }));
      }
    }
    // Every state shown: the order itself, not a copy.
    expect(worklistFrom(s, order, 'all').rows).toBe(order);
  });
});
