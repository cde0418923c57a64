import fc from 'fast-check';
import type { Category } from '../categories';
import { DEFAULT_CONFIG, type LedgerConfig } from '../config';
import { addDays, type IsoDate } from '../dates';
import { toPence, type Pence } from '../money';
import type { GlLine, Posting, Tenancy } from '../records';
import { reconcile, type ReconcileInput } from './reconcile';
import type { Period } from './types';

const P = (n: number): Pence => toPence(Math.round(n * 100));
const D = (s: string): IsoDate => s as IsoDate;
const DEC: Period = { label: '2026-12', start: D('2026-12-01'), end: D('2026-12-31') };
const CONFIG: LedgerConfig = { ...DEFAULT_CONFIG, rentYearStart: D('2026-04-06'), rentFreeWeeks: [D('2026-12-21'), D('2026-12-28')] };
const MONDAYS = ['2026-12-07', '2026-12-14']; // chargeable Mondays of December 2026 with Christmas rent-free

let row = 2;
function tenancy(account: string, weekly: number, extra: Partial<Tenancy> = {}): Tenancy {
  return { account, property: `P${account}`, tenant: 'Jane Smith', address: '', postcode: '', start: D('2020-01-06'), end: null, weeklyCharge: P(weekly), opening: P(0), closing: P(weekly * 2), row: row++, ...extra };
}
function posting(account: string, date: string, category: Category, amount: number, batch = `${category}-${date}`): Posting {
  return { date: D(date), account, code: category, category, amount: P(amount), batch, description: '', row: row++ };
}
function gl(date: string, source: Category | 'OPENING', debit: number, credit = 0, account = '1100'): GlLine {
  return { date: D(date), account, journal: `J${row}`, source, category: source, description: '', debit: P(debit), credit: P(credit), row: row++ };
}
function rentPostings(account: string, weekly: number): Posting[] {
  return MONDAYS.map((m) => posting(account, m, 'RENT', weekly, `DR${m}`));
}

function clean(): ReconcileInput {
  const roll = [tenancy('001', 100), tenancy('002', 150)];
  const postings = [...rentPostings('001', 100), ...rentPostings('002', 150), posting('002', '2026-12-10', 'BANK', -50, 'B1')];
  (roll[1] as { closing: Pence }).closing = P(250);
  return {
    rentRoll: roll,
    postings,
    gl: [gl('2026-12-01', 'OPENING', 0), gl('2026-12-07', 'RENT', 250), gl('2026-12-14', 'RENT', 250), gl('2026-12-11', 'BANK', 0, 50), gl('2026-12-01', 'OPENING', 0, 30, '1190')],
    suspense: [{ item: 'S1', date: D('2026-11-01'), amount: P(30), reference: '', payer: '', narrative: '', channel: '', row: 2 }],
  };
}

describe('reconcile', () => {
  it('a clean month balances with no exceptions', () => {
    const r = reconcile(clean(), { period: DEC, config: CONFIG });
    expect(r.status).toBe('BALANCED');
    expect(r.difference).toBe(0);
    expect(r.unmatchedBatches).toEqual([]);
    expect(r.accountExceptions).toEqual([]);
    expect(r.hms).toEqual({ opening: 0, transactions: P(450), calculatedClosing: P(450), reportedClosing: P(450) });
    expect(r.components.map((c) => [c.category, c.hms, c.gl])).toEqual([['RENT', P(500), P(500)], ['BANK', P(-50), P(-50)]]);
    expect(r.suspense).toMatchObject({ glBalance: P(30), itemsTotal: P(30), difference: 0 });
    expect(r.suspense.items[0]).toMatchObject({ ageDays: 60, overLimit: true });
  });

  it('a keyed-wrong GL amount leaves both sides unmatched', () => {
    const input = clean();
    const lines = input.gl.map((l) => (l.category === 'BANK' ? { ...l, credit: P(5) } : l));
    const r = reconcile({ ...input, gl: lines }, { period: DEC, config: CONFIG });
    expect(r.unmatchedBatches.map((u) => [u.side, u.category, u.amount])).toEqual([['hms', 'BANK', P(-50)], ['gl', 'BANK', P(-5)]]);
    expect(r.difference).toBe(P(-45));
  });

  it('a duplicated GL line leaves one copy unmatched', () => {
    const input = clean();
    const dup = { ...(input.gl[3] as GlLine), row: 999 };
    const r = reconcile({ ...input, gl: [...input.gl, dup] }, { period: DEC, config: CONFIG });
    expect(r.unmatchedBatches).toEqual([expect.objectContaining({ side: 'gl', row: 999, amount: P(-50) })]);
  });

  it.each([
    [0, true],
    [5, true],
    [6, false],
    [-1, false],
  ])('a GL line %p days after the batch matches: %p', (lag, matches) => {
    const input = clean();
    const lines = input.gl.map((l) => (l.category === 'BANK' ? { ...l, date: addDays(D('2026-12-10'), lag) } : l));
    const r = reconcile({ ...input, gl: lines }, { period: DEC, config: CONFIG });
    expect(r.unmatchedBatches.length === 0).toBe(matches);
  });

  it('suggests a timing difference for an unmatched batch in the last days and it explains the difference', () => {
    const input = clean();
    const late = posting('002', '2026-12-30', 'CASH', -20, 'C30');
    const roll = input.rentRoll.map((t) => (t.account === '002' ? { ...t, closing: P(230) } : t));
    // With acceptSuggestedTiming the suggestion counts on its own (a scheduled run may ask for that).
    const r = reconcile({ ...input, rentRoll: roll, postings: [...input.postings, late] }, { period: DEC, config: { ...CONFIG, acceptSuggestedTiming: true } });
    expect(r.difference).toBe(P(-20));
    expect(r.reconcilingItems).toEqual([expect.objectContaining({ type: 'timing', origin: 'suggested', amount: P(-20), accepted: true })]);
    expect(r.unexplained).toBe(0);
    expect(r.status).toBe('BALANCED');
    // By default (issue 11) it is a proposal: nothing counts until a person accepts it.
    const off = reconcile({ ...input, rentRoll: roll, postings: [...input.postings, late] }, { period: DEC, config: CONFIG });
    expect(off.reconcilingItems).toEqual([expect.objectContaining({ type: 'timing', origin: 'suggested', accepted: false })]);
    expect(off.unexplained).toBe(P(-20));
    expect(off.status).toBe('NOT BALANCED');
  });

  it('a mid-month unmatched batch is not suggested as timing', () => {
    const input = clean();
    const r = reconcile({ ...input, gl: input.gl.filter((l) => l.category !== 'BANK') }, { period: DEC, config: CONFIG });
    expect(r.reconcilingItems).toEqual([]);
    expect(r.unexplained).toBe(P(-50));
  });

  it('user reconciling items count against the difference', () => {
    const input = clean();
    const r = reconcile({ ...input, gl: input.gl.filter((l) => l.category !== 'BANK') }, {
      period: DEC,
      config: CONFIG,
      userItems: [{ ref: 'U1', type: 'other', amount: P(-50), explanation: 'bank batch journalled in January', owner: 'AB', date: null }],
    });
    expect(r.unexplained).toBe(0);
  });

  describe('account exceptions: one debit kind per account, the most specific', () => {
    const cases: [string, () => { roll: Tenancy[]; postings: Posting[] }, string[]][] = [
      ['a missing debit', () => ({ roll: [tenancy('001', 100, { closing: P(100) })], postings: [posting('001', '2026-12-07', 'RENT', 100)] }), ['missing-debit']],
      ['a double debit', () => ({ roll: [tenancy('001', 100, { closing: P(300) })], postings: [...rentPostings('001', 100), posting('001', '2026-12-14', 'RENT', 100, 'X')] }), ['extra-debit']],
      ['a debit in a rent-free week', () => ({ roll: [tenancy('001', 100, { closing: P(300) })], postings: [...rentPostings('001', 100), posting('001', '2026-12-21', 'RENT', 100)] }), ['debit-in-rent-free-week']],
      [
        'a debit after the tenancy ended',
        () => ({ roll: [tenancy('001', 100, { end: D('2026-12-09'), closing: P(200) })], postings: rentPostings('001', 100) }),
        ['debit-after-end'],
      ],
      [
        'a tenancy that starts mid-period on a Tuesday is not charged that week',
        () => ({ roll: [tenancy('001', 100, { start: D('2026-12-08'), closing: P(100) })], postings: [posting('001', '2026-12-14', 'RENT', 100)] }),
        [],
      ],
      ['a balance break', () => ({ roll: [tenancy('001', 100, { closing: P(201) })], postings: rentPostings('001', 100) }), ['balance']],
      ['postings to an account not on the roll', () => ({ roll: [tenancy('001', 100)], postings: [...rentPostings('001', 100), posting('999', '2026-12-08', 'CASH', -5)] }), ['balance']],
      ['a leading-zero-stripped ref on a posting still finds its account', () => ({ roll: [tenancy('0001', 100)], postings: [posting('1', '2026-12-07', 'RENT', 100), posting('0001', '2026-12-14', 'RENT', 100)] }), []],
    ];
    it.each(cases)('%s', (_name, make, kinds) => {
      const { roll, postings } = make();
      const r = reconcile({ rentRoll: roll, postings, gl: [], suspense: [] }, { period: DEC, config: CONFIG });
      expect(r.accountExceptions.map((e) => e.kind)).toEqual(kinds);
    });
  });

  it('property: the roll-forward identities hold for any month', () => {
    const categories: Category[] = ['RENT', 'HB', 'UC', 'DD', 'CASH', 'BANK', 'WRITEOFF', 'REFUND'];
    const arb = fc.record({
      accounts: fc.array(fc.record({ weekly: fc.integer({ min: 0, max: 30000 }), opening: fc.integer({ min: -50000, max: 50000 }), drift: fc.integer({ min: -500, max: 500 }) }), { minLength: 1, maxLength: 8 }),
      postings: fc.array(fc.record({ acc: fc.nat(20), day: fc.integer({ min: 1, max: 31 }), cat: fc.constantFrom(...categories), amount: fc.integer({ min: -100000, max: 100000 }) }), { maxLength: 40 }),
      gl: fc.array(fc.record({ day: fc.integer({ min: 1, max: 31 }), cat: fc.constantFrom(...categories), debit: fc.nat(100000), credit: fc.nat(100000) }), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(arb, ({ accounts, postings, gl: glLines }) => {
        const ps: Posting[] = postings.map((p, i) => ({ date: D(`2026-12-${String(p.day).padStart(2, '0')}`), account: String(p.acc % (accounts.length + 1)), code: p.cat, category: p.cat, amount: toPence(p.amount), batch: `B${i % 3}`, description: '', row: i + 2 }));
        const roll: Tenancy[] = accounts.map((a, i) => {
          const total = ps.filter((p) => p.account === String(i)).reduce((s, p) => s + p.amount, 0);
          return { account: String(i), property: '', tenant: '', address: '', postcode: '', start: null, end: null, weeklyCharge: toPence(a.weekly), opening: toPence(a.opening), closing: toPence(a.opening + total + a.drift), row: i + 2 };
        });
        const lines: GlLine[] = glLines.map((l, i) => ({ date: D(`2026-12-${String(l.day).padStart(2, '0')}`), account: '1100', journal: `J${i}`, source: l.cat, category: l.cat, description: '', debit: toPence(l.debit), credit: toPence(l.credit), row: i + 2 }));
        const r = reconcile({ rentRoll: roll, postings: ps, gl: lines, suspense: [] }, { period: DEC, config: CONFIG });
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const balanceBreaks = sum(r.accountExceptions.filter((e) => e.kind === 'balance').map((e) => e.actual - e.expected));
        return (
          r.hms.calculatedClosing === r.hms.opening + r.hms.transactions &&
          r.difference === r.hms.reportedClosing - r.gl.closing &&
          r.gl.closing === r.gl.opening + r.gl.movement &&
          sum(r.components.map((c) => c.hms)) === r.hms.transactions &&
          sum(r.components.map((c) => c.gl)) === r.gl.movement &&
          r.unexplained === r.difference - r.reconcilingTotal &&
          // every penny between calculated and reported closing is on an account's balance exception
          balanceBreaks === r.hms.reportedClosing - r.hms.calculatedClosing &&
          // matched + unmatched housing-system batches cover every posting exactly once
          sum(r.matchedBatches.map((m) => m.hms.amount)) + sum(r.unmatchedBatches.filter((u) => u.side === 'hms').map((u) => u.amount)) === r.hms.transactions
        );
      }),
    );
  });
});
