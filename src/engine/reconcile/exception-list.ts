/**
 * The account exceptions as a list a person works through: every one (none cut off), filtered by
 * kind and sorted by the size of the break (found minus expected, largest first) or by account;
 * with the count per kind for the filter's choices. Pure: the pane renders what this returns.
 */
import { addPence, subPence, ZERO, type Pence } from '../money';
import type { AccountException, AccountExceptionKind } from './types';

export type ExceptionSort = 'amount' | 'account';

export interface ExceptionQuery {
  readonly kind: AccountExceptionKind | 'all';
  readonly sort: ExceptionSort;
}

export interface ExceptionView {
  readonly rows: readonly AccountException[];
  /** Sum of found minus expected over the rows shown. */
  readonly total: Pence;
  readonly byKind: Readonly<Partial<Record<AccountExceptionKind, number>>>;
}

/** How far an exception is out: found minus expected. */
export const breakOf = (x: AccountException): Pence => subPence(x.actual, x.expected);

export function exceptionView(exceptions: readonly AccountException[], query: ExceptionQuery): ExceptionView {
  const byKind: Partial<Record<AccountExceptionKind, number>> = {};
  const rows: AccountException[] = [];
  let total = ZERO;
  for (const x of exceptions) {
    byKind[x.kind] = (byKind[x.kind] ?? 0) + 1;
    if (query.kind !== 'all' && x.kind !== query.kind) continue;
    rows.push(x);
    total = addPence(total, breakOf(x));
  }
  const byAccount = (a: AccountException, b: AccountException) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);
  rows.sort(query.sort === 'amount' ? (a, b) => Math.abs(breakOf(b)) - Math.abs(breakOf(a)) || byAccount(a, b) : byAccount);
  return { rows, total, byKind };
}
