import { toPence } from '../money';
import { exceptionView } from './exception-list';
import type { AccountException } from './types';

const x = (account: string, kind: AccountException['kind'], expected: number, actual: number): AccountException => ({ account, kind, expected: toPence(expected), actual: toPence(actual), row: 2, sheetRole: 'rentRoll', note: '' });
const ALL = Array.from({ length: 150 }, (_, i) => x(String(1000 + i), i % 3 === 0 ? 'missing-debit' : 'balance', 10_000, 10_000 + (i % 7) * 100 - 300));

describe('the account exceptions list', () => {
  it('keeps every exception, counts each kind and filters by kind', () => {
    const all = exceptionView(ALL, { kind: 'all', sort: 'account' });
    expect(all.rows).toHaveLength(150);
    expect(all.byKind).toEqual({ 'missing-debit': 50, balance: 100 });
    expect(exceptionView(ALL, { kind: 'missing-debit', sort: 'account' }).rows.every((r) => r.kind === 'missing-debit')).toBe(true);
  });

  it('sorts by the size of the break, largest first, either side of zero', () => {
    const rows = exceptionView([x('A', 'balance', 0, 500), x('B', 'balance', 0, -900), x('C', 'balance', 0, 100)], { kind: 'all', sort: 'amount' }).rows;
    expect(rows.map((r) => r.account)).toEqual(['B', 'A', 'C']);
    expect(exceptionView([x('A', 'balance', 0, 500), x('B', 'balance', 0, -900)], { kind: 'all', sort: 'amount' }).total).toBe(-400);
  });
});
