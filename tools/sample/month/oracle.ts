/** The oracle: the reconcile --json figures, from the model. */
import { CATEGORIES, type Category } from '../../../src/engine/categories';
import { toPence } from '../../../src/engine/money';
import { ruleDebit } from './account-plants';
import { type Calendar, isoOf, weekdayOf } from './calendar';
import { GL_CONTROL, GL_SUSPENSE, TIMING_WINDOW } from './conventions';
import { type Accounts, type Batch, CAT, type GlModel, type PostingStore, type SuspenseItemModel, catName } from './model';
import type { ExceptionKind, ExpectedBatch, ExpectedComponent, ExpectedException, ExpectedReconcile, ExpectedTiming } from './types';

const KIND_ORDER: Readonly<Record<ExceptionKind, number>> = { balance: 0, 'missing-debit': 1, 'extra-debit': 2, 'debit-after-end': 3, 'debit-in-rent-free-week': 4 };

export function computeExpected(a: Accounts, p: PostingStore, batches: Batch[], gl: GlModel, suspense: SuspenseItemModel[], cal: Calendar): ExpectedReconcile {
  const total = new Float64Array(a.n);
  const rent = new Float64Array(a.n);
  const afterEnd = new Float64Array(a.n);
  const inRentFree = new Float64Array(a.n);
  const hmsByCat = new Float64Array(CATEGORIES.length);
  const hmsSeen = new Uint8Array(CATEGORIES.length);
  let transactions = 0;
  for (let i = 0; i < p.n; i++) {
    if (!p.live(i)) continue;
    const acc = p.acc[i]!;
    const amt = p.amt[i]!;
    const cat = p.cat[i]!;
    transactions += amt;
    total[acc] = total[acc]! + amt;
    hmsByCat[cat] = hmsByCat[cat]! + amt;
    hmsSeen[cat] = 1;
    if (cat === CAT.RENT) {
      rent[acc] = rent[acc]! + amt;
      const monday = p.day[i]! - weekdayOf(p.day[i]!);
      if (monday > a.end[acc]!) afterEnd[acc] = afterEnd[acc]! + amt;
      if (cal.rentFree.has(monday)) inRentFree[acc] = inRentFree[acc]! + amt;
    }
  }

  let opening = 0;
  let reported = 0;
  const exceptions: ExpectedException[] = [];
  for (let acc = 0; acc < a.n; acc++) {
    const calc = a.opening[acc]! + total[acc]!;
    const closing = calc + a.closingError[acc]!;
    opening += a.opening[acc]!;
    reported += closing;
    const ref = a.ref[acc] as string;
    if (closing !== calc) exceptions.push({ account: ref, kind: 'balance', expected: toPence(calc), actual: toPence(closing) });
    const expected = ruleDebit(a, acc, cal);
    const actual = rent[acc]!;
    if (expected !== actual) {
      const excess = actual - expected;
      const kind: ExceptionKind =
        excess < 0 ? 'missing-debit' : afterEnd[acc]! > 0 && afterEnd[acc]! >= excess ? 'debit-after-end' : inRentFree[acc]! > 0 && inRentFree[acc]! >= excess ? 'debit-in-rent-free-week' : 'extra-debit';
      exceptions.push({ account: ref, kind, expected: toPence(expected), actual: toPence(actual) });
    }
  }
  exceptions.sort((x, y) => (x.account < y.account ? -1 : x.account > y.account ? 1 : KIND_ORDER[x.kind] - KIND_ORDER[y.kind]));

  let glOpening = 0;
  let movement = 0;
  const glByCat = new Float64Array(CATEGORIES.length);
  const glSeen = new Uint8Array(CATEGORIES.length);
  let suspenseBalance = 0;
  for (const l of gl.lines) {
    if (l.account === GL_SUSPENSE) suspenseBalance -= l.net;
    if (l.account !== GL_CONTROL) continue;
    if (l.source === 'OPENING') glOpening += l.net;
    else {
      const c = CAT[l.source];
      movement += l.net;
      glByCat[c] = glByCat[c]! + l.net;
      glSeen[c] = 1;
    }
  }
  const components: ExpectedComponent[] = [];
  CATEGORIES.forEach((category, c) => {
    if (!hmsSeen[c] && !glSeen[c]) return;
    components.push({ category, hms: toPence(hmsByCat[c]!), gl: toPence(glByCat[c]!), difference: toPence(hmsByCat[c]! - glByCat[c]!) });
  });

  const byDateCategoryAmount = (x: ExpectedBatch, y: ExpectedBatch): number =>
    (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || CAT[x.category] - CAT[y.category] || x.amount - y.amount;
  const unmatchedHms: ExpectedBatch[] = batches
    .filter((b) => b.fate === 'missing' || b.fate === 'timing' || b.fate === 'wrong')
    .map((b) => ({ side: 'hms', date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount) }));
  const unmatchedGl: ExpectedBatch[] = gl.lines
    .filter((l) => l.unmatched)
    .map((l) => ({ side: 'gl', date: isoOf(l.day), category: l.source as Category, amount: toPence(l.net) }));

  const timingFrom = cal.end - (TIMING_WINDOW - 1);
  const timingSuggestions: ExpectedTiming[] = batches
    .filter((b) => b.fate !== 'posted' && b.fate !== 'duplicated' && b.day >= timingFrom)
    .map((b) => {
      // The oracle's own invariant: only the month-end plant may leave a batch unmatched this late.
      if (b.fate !== 'timing') throw new Error(`batch ${b.ref} is unmatched in the timing window without being a timing plant`);
      return { date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount), batchRef: b.ref };
    })
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || CAT[x.category] - CAT[y.category] || (x.batchRef < y.batchRef ? -1 : 1));
  const timingTotal = timingSuggestions.reduce((s, t) => s + t.amount, 0);

  let itemsTotal = 0;
  for (const s of suspense) if (s.listed && s.clearedDay < 0) itemsTotal += s.amount;

  const glClosing = glOpening + movement;
  const difference = reported - glClosing;
  return {
    hms: { opening: toPence(opening), transactions: toPence(transactions), calculatedClosing: toPence(opening + transactions), reportedClosing: toPence(reported) },
    gl: { opening: toPence(glOpening), movement: toPence(movement), closing: toPence(glClosing) },
    difference: toPence(difference),
    components,
    unmatchedBatches: [...unmatchedHms.sort(byDateCategoryAmount), ...unmatchedGl.sort(byDateCategoryAmount)],
    accountExceptions: exceptions,
    suspense: { glBalance: toPence(suspenseBalance), itemsTotal: toPence(itemsTotal), difference: toPence(suspenseBalance - itemsTotal) },
    timingSuggestions,
    timingTotal: toPence(timingTotal),
    unexplained: toPence(difference - timingTotal),
  };
}
