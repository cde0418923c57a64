/** Plants in the housing system: account exceptions (the debit control) and a balance break. */
import { formatGBP, toPence } from '../../../src/engine/money';
import { type Calendar, ukOf } from './calendar';
import { type Accounts, CAT, F_DELETED, type Interner, type Layout, type PlantDraft, type PostingStore, ST_ENDING, ST_ONGOING } from './model';
import type { Rng } from './rng';
import type { ExceptionKind, ExpectedException, PlantKind, PlantRows } from './types';

export const NO_DIFFERENCE = toPence(0);

function takeAccount(pool: number[], a: Accounts, rng: Rng): number | null {
  while (pool.length > 0) {
    const k = rng.int(0, pool.length - 1);
    const acc = pool[k] as number;
    pool.splice(k, 1);
    if (a.busy[acc] === 0) {
      a.busy[acc] = 1;
      return acc;
    }
  }
  return null;
}

/** The rule's debit for an account: its weekly charge for each chargeable Monday within the tenancy. */
export function ruleDebit(a: Accounts, acc: number, cal: Calendar): number {
  let weeks = 0;
  for (const m of cal.chargeable) if (m >= a.start[acc]! && m <= a.end[acc]!) weeks++;
  return weeks * a.weekly[acc]!;
}

function postingsOf(p: PostingStore, acc: number, filter: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) if (p.acc[i] === acc && p.live(i) && filter(i)) out.push(i);
  return out;
}

function postedRent(p: PostingStore, acc: number): number {
  return postingsOf(p, acc, (i) => p.cat[i] === CAT.RENT).reduce((s, i) => s + p.amt[i]!, 0);
}

export function plantAccountExceptions(selected: ReadonlySet<PlantKind>, a: Accounts, p: PostingStore, cal: Calendar, rng: Rng, descs: Interner, plants: PlantDraft[]): void {
  const pool: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.status[i] === ST_ONGOING && a.busy[i] === 0 && a.start[i]! < cal.start - 30) pool.push(i);
  const who = (acc: number): string => `account ${a.ref[acc]} (${a.tenant[acc]})`;
  const gbp = (n: number): string => formatGBP(toPence(n));
  const rollRows = (layout: Layout, acc: number): PlantRows => {
    const r = layout.accountRow(acc);
    return { sheet: layout.names.rentRoll, from: r, to: r, what: `rent roll line of account ${a.ref[acc]}` };
  };
  const postingRows = (layout: Layout, list: readonly number[], what: string): PlantRows[] => {
    if (list.length === 0) return [];
    const rows = list.map((i) => layout.postingRow(i));
    return [{ sheet: layout.names.transactions, from: Math.min(...rows), to: Math.max(...rows), what }];
  };
  const debitPlant = (kind: ExceptionKind & PlantKind, acc: number, expected: number, actual: number, text: string, rows: (layout: Layout) => PlantRows[]): PlantDraft => {
    const ex: ExpectedException = { account: a.ref[acc] as string, kind, expected: toPence(expected), actual: toPence(actual) };
    return ({ layout }) => ({
      kind,
      description: text,
      amount: toPence(actual - expected),
      amounts: { weeklyCharge: toPence(a.weekly[acc]!), expected: ex.expected, actual: ex.actual },
      rows: [rollRows(layout, acc), ...rows(layout)],
      effects: { unmatchedBatches: [], accountExceptions: [ex], timingSuggestions: [], difference: NO_DIFFERENCE, suspenseDifference: NO_DIFFERENCE },
    });
  };

  if (selected.has('missing-debit') && cal.chargeable.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const monday = rng.pick(cal.chargeable);
      const expected = ruleDebit(a, acc, cal);
      for (const i of postingsOf(p, acc, (k) => p.cat[k] === CAT.RENT && p.day[k] === monday)) p.flags[i] = p.flags[i]! | F_DELETED;
      const actual = postedRent(p, acc);
      plants.push(
        debitPlant(
          'missing-debit',
          acc,
          expected,
          actual,
          `The debit run of Monday ${ukOf(monday)} left out ${who(acc)}: it should have been charged ${gbp(expected)} in the period but was charged ${gbp(actual)}, one week of ${gbp(a.weekly[acc]!)} short.`,
          () => [],
        ),
      );
    }
  }

  if (selected.has('extra-debit') && cal.chargeable.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const monday = rng.pick(cal.chargeable);
      const expected = ruleDebit(a, acc, cal);
      const added = postingsOf(p, acc, (k) => p.cat[k] === CAT.RENT && p.day[k] === monday).map((i) => p.push(monday, CAT.RENT, p.amt[i]!, acc, p.desc[i]!, 0));
      const actual = postedRent(p, acc);
      plants.push(
        debitPlant(
          'extra-debit',
          acc,
          expected,
          actual,
          `The debit run of Monday ${ukOf(monday)} charged ${who(acc)} twice: ${gbp(actual)} posted in the period against ${gbp(expected)} expected, an extra week of ${gbp(a.weekly[acc]!)}.`,
          (layout) => postingRows(layout, added, 'the duplicated debit'),
        ),
      );
    }
  }

  if (selected.has('debit-after-end') && cal.chargeable.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      // The tenancy ended a few days before the last chargeable Monday, but the debit run still charged it.
      const last = cal.chargeable[cal.chargeable.length - 1] as number;
      a.end[acc] = last - rng.int(1, 4);
      a.status[acc] = ST_ENDING;
      const expected = ruleDebit(a, acc, cal);
      const actual = postedRent(p, acc);
      const after = postingsOf(p, acc, (k) => p.cat[k] === CAT.RENT && p.day[k] === last);
      plants.push(
        debitPlant(
          'debit-after-end',
          acc,
          expected,
          actual,
          `The tenancy of ${who(acc)} ended on ${ukOf(a.end[acc]!)}, but the debit run of Monday ${ukOf(last)} still charged it ${gbp(a.weekly[acc]!)}: ${gbp(actual)} posted in the period against ${gbp(expected)} expected.`,
          (layout) => postingRows(layout, after, 'the debit after the end date'),
        ),
      );
    }
  }

  if (selected.has('debit-in-rent-free-week') && cal.rentFreeInPeriod.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const monday = rng.pick(cal.rentFreeInPeriod);
      const expected = ruleDebit(a, acc, cal);
      const wc = ukOf(monday);
      const added = [p.push(monday, CAT.RENT, a.weekly[acc]!, acc, descs.id(`Rent and charges w/c ${wc}`), 0)];
      const actual = postedRent(p, acc);
      plants.push(
        debitPlant(
          'debit-in-rent-free-week',
          acc,
          expected,
          actual,
          `${who(acc).replace(/^a/, 'A')} was charged ${gbp(a.weekly[acc]!)} for the week commencing Monday ${wc}, a rent-free week: ${gbp(actual)} posted in the period against ${gbp(expected)} expected.`,
          (layout) => postingRows(layout, added, 'the debit in the rent-free week'),
        ),
      );
    }
  }

  if (selected.has('balance-break')) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const delta = (rng.chance(0.5) ? 1 : -1) * rng.int(500, 9999);
      a.closingError[acc] = delta;
      plants.push(({ layout }) => {
        // Computed at the end: receipts may have moved by a penny to keep batch totals distinct.
        const postings = postingsOf(p, acc, () => true).reduce((s, i) => s + p.amt[i]!, 0);
        const expected = a.opening[acc]! + postings;
        const actual = expected + delta;
        return {
          kind: 'balance-break',
          description: `The rent roll reports a closing balance of ${gbp(actual)} for ${who(acc)}, but its opening balance ${gbp(a.opening[acc]!)} plus its postings ${gbp(postings)} come to ${gbp(expected)}: the roll shows ${gbp(Math.abs(delta))} ${delta > 0 ? 'more' : 'less'} than the transactions explain.`,
          amount: toPence(delta),
          amounts: { opening: toPence(a.opening[acc]!), postings: toPence(postings), expected: toPence(expected), actual: toPence(actual) },
          rows: [rollRows(layout, acc)],
          effects: {
            unmatchedBatches: [],
            accountExceptions: [{ account: a.ref[acc] as string, kind: 'balance', expected: toPence(expected), actual: toPence(actual) }],
            timingSuggestions: [],
            difference: toPence(delta),
            suspenseDifference: NO_DIFFERENCE,
          },
        };
      });
    }
  }
}
