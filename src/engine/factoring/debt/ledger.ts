/**
 * Each owner account's debt as of a day (issue 16): the transactions dated up to that day, payments
 * and credits applied to the oldest undisputed debit first (by Due Date, then sheet order), the
 * unpaid items aged by days past their Due Date, and the disputed amount kept apart. A disputed
 * debit counts in the balance but is never cleared by a payment, never aged with the undisputed
 * debt and never triggers a step of the ladder.
 */
import { daysBetween, type IsoDate } from '../../dates';
import { sumPence, ZERO, type Pence } from '../../money';
import type { OwnerTransaction } from './read-debt';

export type AgeBucket = '0-30' | '31-60' | '61-90' | '91-180' | '180+';
export const AGE_BUCKETS: readonly AgeBucket[] = ['0-30', '31-60', '61-90', '91-180', '180+'];

/**
 * The bucket of an item `days` past its Due Date (as-of date minus Due Date). Bounds are inclusive
 * (30 days is 0-30, 31 is 31-60); not yet due (negative) is 0-30; 180+ means more than 180.
 */
export function ageBucket(days: number): AgeBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 180) return '91-180';
  return '180+';
}

export interface OpenItem {
  readonly tx: OwnerTransaction;
  /** What is still unpaid of it after the payments and credits. */
  readonly unpaid: Pence;
  /** As-of date minus Due Date: negative when not yet due. */
  readonly daysPastDue: number;
}

export interface AccountDebt {
  readonly owner: string;
  readonly property: string;
  readonly asOf: IsoDate;
  /** Everything dated on or before the as-of date, in sheet order. */
  readonly transactions: readonly OwnerTransaction[];
  /** All of it: debits less payments and credits, disputed items included. */
  readonly balance: Pence;
  /** The disputed debits (never cleared by a payment). */
  readonly disputed: Pence;
  /** Undisputed debits with something unpaid, oldest (Due Date, then sheet order) first. */
  readonly open: readonly OpenItem[];
  /** Payments and credits left over once every undisputed debit is cleared. */
  readonly unapplied: Pence;
  readonly aged: Readonly<Record<AgeBucket, Pence>>;
  /** The undisputed items past their Due Date (at least a day): the ladder's balance trigger. */
  readonly overdue: Pence;
  /** Days the oldest undisputed unpaid item is past its Due Date; null when nothing is unpaid. */
  readonly oldestDaysPastDue: number | null;
  readonly oldestDue: IsoDate | null;
}

/** Owner and property: one account. */
export const accountId = (owner: string, property: string): string => `${owner}/${property}`;

const byDue = (a: OwnerTransaction, b: OwnerTransaction): number => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.order - b.order);

/** One account as of a day, from its transactions (any order; those after the day are ignored). */
export function accountDebt(owner: string, property: string, all: readonly OwnerTransaction[], asOf: IsoDate): AccountDebt {
  const transactions = all.filter((t) => t.date <= asOf).sort((a, b) => a.order - b.order);
  const debits = transactions.filter((t) => t.amount > 0 && !t.disputed).sort(byDue);
  let credit = -sumPence(transactions.filter((t) => t.amount < 0).map((t) => t.amount));
  const open: OpenItem[] = [];
  for (const tx of debits) {
    const applied = Math.min(credit, tx.amount);
    credit -= applied;
    const unpaid = (tx.amount - applied) as Pence;
    if (unpaid > 0) open.push({ tx, unpaid, daysPastDue: daysBetween(tx.dueDate, asOf) });
  }
  const aged: Record<AgeBucket, Pence> = { '0-30': ZERO, '31-60': ZERO, '61-90': ZERO, '91-180': ZERO, '180+': ZERO };
  for (const o of open) {
    const b = ageBucket(o.daysPastDue);
    aged[b] = (aged[b] + o.unpaid) as Pence;
  }
  const first = open[0];
  return {
    owner,
    property,
    asOf,
    transactions,
    balance: sumPence(transactions.map((t) => t.amount)),
    disputed: sumPence(transactions.filter((t) => t.amount > 0 && t.disputed).map((t) => t.amount)),
    open,
    unapplied: credit as Pence,
    aged,
    overdue: sumPence(open.filter((o) => o.daysPastDue > 0).map((o) => o.unpaid)),
    oldestDaysPastDue: first ? first.daysPastDue : null,
    oldestDue: first ? first.tx.dueDate : null,
  };
}

/** Every account that has a transaction, sorted by owner then property. */
export function accountsOf(transactions: readonly OwnerTransaction[], asOf: IsoDate): AccountDebt[] {
  const groups = new Map<string, OwnerTransaction[]>();
  for (const t of transactions) {
    const k = `${t.owner}\u0000${t.property}`;
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return [...groups.keys()]
    .sort()
    .map((k) => {
      const [owner = '', property = ''] = k.split('\u0000');
      return accountDebt(owner, property, groups.get(k) ?? [], asOf);
    });
}
