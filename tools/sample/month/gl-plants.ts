/**
 * Plants in the GL: a missing batch, a keyed-wrong amount, a duplicated line, timing at month end.
 */
import { CATEGORY_LABELS } from '../../../src/engine/categories';
import { formatGBP, toPence } from '../../../src/engine/money';
import { NO_DIFFERENCE } from './account-plants';
import { type Calendar, isoOf, ukOf } from './calendar';
import { BATCH_WINDOW, GL_CONTROL, GL_SUSPENSE, TIMING_WINDOW } from './conventions';
import { type Batch, CAT, type GlLine, type Layout, type PlantDraft, RECEIPTS, type SuspenseItemModel, catName } from './model';
import type { Rng } from './rng';
import type { ExpectedBatch, ExpectedTiming, PlantKind, PlantRows } from './types';

/** Amounts with two adjacent digits swapped (the classic keying error), never with a leading zero. */
function transpositions(amount: number): number[] {
  const s = String(Math.abs(amount));
  const out: number[] = [];
  for (let k = 0; k + 1 < s.length; k++) {
    if (s[k] === s[k + 1] || (k === 0 && s[1] === '0')) continue;
    out.push(Math.sign(amount) * Number(s.slice(0, k) + (s[k + 1] as string) + (s[k] as string) + s.slice(k + 2)));
  }
  return out;
}

function batchWords(b: Batch): string {
  return `${CATEGORY_LABELS[catName(b.cat)]} batch ${b.ref} of ${ukOf(b.day)} (${formatGBP(toPence(b.amount))}, ${b.count} posting${b.count === 1 ? '' : 's'})`;
}

export function plantGlDiscrepancies(selected: ReadonlySet<PlantKind>, batches: Batch[], cal: Calendar, rng: Rng, plants: PlantDraft[]): void {
  // Mid-month, well before the timing window, so only the month-end plant is suggested as timing.
  const midMonth = batches.filter((b) => RECEIPTS.includes(b.cat) && b.day >= cal.start + 2 && b.day <= cal.end - TIMING_WINDOW - 3);
  const taken = new Set<Batch>();
  const take = (list: readonly Batch[], prefer: readonly number[]): Batch | null => {
    const free = list.filter((b) => !taken.has(b));
    const preferred = free.filter((b) => prefer.includes(b.cat));
    const pool = preferred.length > 0 ? preferred : free;
    if (pool.length === 0) return null;
    const b = rng.pick(pool);
    taken.add(b);
    return b;
  };
  const hmsSide = (b: Batch): ExpectedBatch => ({ side: 'hms', date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount) });
  const batchRows = (layout: Layout, b: Batch): PlantRows => {
    const [from, to] = layout.batchRows(b);
    return { sheet: layout.names.transactions, from, to, what: `the postings of batch ${b.ref}` };
  };
  const glRows = (layout: Layout, line: GlLine, what: string): PlantRows => ({ sheet: layout.names.gl, from: layout.glRow(line), to: layout.glRow(line), what });

  if (selected.has('gl-missing-batch')) {
    const b = take(midMonth, [CAT.CASH, CAT.BANK]);
    if (b) {
      b.fate = 'missing';
      plants.push(({ layout }) => ({
        kind: 'gl-missing-batch',
        description: `The ${batchWords(b)} is in the housing system but was never posted to the GL control account ${GL_CONTROL}.`,
        amount: toPence(b.amount),
        amounts: { batch: toPence(b.amount) },
        rows: [batchRows(layout, b)],
        effects: { unmatchedBatches: [hmsSide(b)], accountExceptions: [], timingSuggestions: [], difference: toPence(b.amount), suspenseDifference: NO_DIFFERENCE },
      }));
    }
  }

  if (selected.has('gl-wrong-amount')) {
    const b = take(
      midMonth.filter((x) => Math.abs(x.amount) >= 1000 && transpositions(x.amount).length > 0),
      [CAT.BANK, CAT.ALLPAY, CAT.DD],
    );
    // The keyed amount must not be the total of another batch the line could then match.
    const others = b ? new Set(batches.filter((o) => o.cat === b.cat && Math.abs(o.day - b.day) <= 2 * BATCH_WINDOW).map((o) => o.amount)) : new Set<number>();
    const keyed = b ? transpositions(b.amount).find((t) => !others.has(t)) : undefined;
    if (b && keyed !== undefined) {
      b.fate = 'wrong';
      b.keyed = keyed;
      plants.push(({ layout, gl }) => {
        const line = gl.wrongLine as GlLine;
        return {
          kind: 'gl-wrong-amount',
          description: `The GL line for the ${batchWords(b)} was keyed as ${formatGBP(toPence(keyed))} instead of ${formatGBP(toPence(b.amount))} (two digits transposed; journal ${line.journal} of ${ukOf(line.day)}): the batch and the GL line are both unmatched, and they differ by ${formatGBP(toPence(Math.abs(keyed - b.amount)))}.`,
          amount: toPence(b.amount - keyed),
          amounts: { batch: toPence(b.amount), keyed: toPence(keyed) },
          rows: [batchRows(layout, b), glRows(layout, line, `GL line of journal ${line.journal}`)],
          effects: {
            unmatchedBatches: [hmsSide(b), { side: 'gl', date: isoOf(line.day), category: catName(b.cat), amount: toPence(keyed) }],
            accountExceptions: [],
            timingSuggestions: [],
            difference: toPence(b.amount - keyed),
            suspenseDifference: NO_DIFFERENCE,
          },
        };
      });
    }
  }

  if (selected.has('gl-duplicate-line')) {
    const b = take(midMonth, [CAT.ALLPAY, CAT.CARD, CAT.UC]);
    if (b) {
      b.fate = 'duplicated';
      plants.push(({ layout, gl }) => {
        const [original, copy] = gl.duplicateLines as [GlLine, GlLine];
        return {
          kind: 'gl-duplicate-line',
          description: `The GL line for the ${batchWords(b)} was posted twice, as journal ${original.journal} and again as journal ${copy.journal}, both dated ${ukOf(copy.day)}: one copy matches the batch, the other is unmatched.`,
          amount: toPence(-b.amount),
          amounts: { batch: toPence(b.amount) },
          rows: [batchRows(layout, b), glRows(layout, original, `GL line of journal ${original.journal}`), glRows(layout, copy, `GL line of journal ${copy.journal} (the copy)`)],
          effects: {
            unmatchedBatches: [{ side: 'gl', date: isoOf(copy.day), category: catName(b.cat), amount: toPence(b.amount) }],
            accountExceptions: [],
            timingSuggestions: [],
            difference: toPence(-b.amount),
            suspenseDifference: NO_DIFFERENCE,
          },
        };
      });
    }
  }

  if (selected.has('timing')) {
    // A receipts batch of the last working day (or the one before), whose GL line falls into next month.
    const lastDays = cal.working.filter((d) => d >= cal.end - (TIMING_WINDOW - 1)).slice(-2).reverse();
    let chosen: Batch | undefined;
    for (const day of lastDays) {
      for (const cat of [CAT.ALLPAY, CAT.CARD, CAT.BANK, CAT.DD, CAT.CASH, CAT.UC, CAT.HB]) {
        chosen ??= batches.find((x) => x.cat === cat && x.day === day && !taken.has(x));
      }
    }
    if (chosen) {
      const b = chosen;
      taken.add(b);
      b.fate = 'timing';
      b.glDay = cal.nextWorking(Math.max(cal.end + 1, b.day + 1));
      const t: ExpectedTiming = { date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount), batchRef: b.ref };
      plants.push(({ layout }) => ({
        kind: 'timing',
        description: `The ${batchWords(b)} was posted in the housing system at the end of the month and reaches the GL on ${ukOf(b.glDay)}, in the next period: it is absent from this GL export, a timing difference the reconciliation should suggest.`,
        amount: toPence(b.amount),
        amounts: { batch: toPence(b.amount) },
        rows: [batchRows(layout, b)],
        effects: { unmatchedBatches: [hmsSide(b)], accountExceptions: [], timingSuggestions: [t], difference: toPence(b.amount), suspenseDifference: NO_DIFFERENCE },
      }));
    }
  }
}

export function plantSuspenseDifference(selected: ReadonlySet<PlantKind>, items: SuspenseItemModel[], rng: Rng, plants: PlantDraft[]): void {
  if (!selected.has('suspense-difference')) return;
  const candidates = items.filter((s) => s.clearedDay < 0 && s.glLine !== null);
  if (candidates.length === 0) return;
  const it = rng.pick(candidates);
  it.listed = false;
  const line = it.glLine as GlLine;
  plants.push(({ layout }) => ({
    kind: 'suspense-difference',
    description: `Suspense item ${it.ref} of ${ukOf(it.day)} (${formatGBP(toPence(it.amount))} from ${it.payer}, reference '${it.reference}') was credited to the GL suspense account ${GL_SUSPENSE} (journal ${line.journal}) but is missing from the suspense item list: the GL holds ${formatGBP(toPence(it.amount))} more than the list.`,
    amount: toPence(it.amount),
    amounts: { item: toPence(it.amount) },
    rows: [{ sheet: layout.names.gl, from: layout.glRow(line), to: layout.glRow(line), what: `GL suspense line of journal ${line.journal}` }],
    effects: { unmatchedBatches: [], accountExceptions: [], timingSuggestions: [], difference: NO_DIFFERENCE, suspenseDifference: toPence(it.amount) },
  }));
}
