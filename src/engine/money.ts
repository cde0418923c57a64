/**
 * Money as integer pence. Integers are exact under addition, usable as Map keys, and survive
 * structuredClone (worker, IndexedDB); big.js is used only to convert decimals and to divide
 * with an explicit rounding mode.
 */
import Big from 'big.js';

export type Pence = number & { readonly __brand: 'Pence' };

/** A private big.js constructor: strict mode refuses numbers that are not exact decimals. */
const Dec = Big();
Dec.strict = true;
Dec.DP = 20;

export const ZERO = 0 as Pence;

/**
 * The largest amount one cell may hold: £1,000,000,000.00. Far above any rent or GL line, and low
 * enough that the sums of 90,000 such amounts stay exact integers; a bigger amount is an input error
 * at its cell (two amounts near the float limit would otherwise overflow the totals).
 */
export const MAX_AMOUNT_PENCE = 100_000_000_000;

/** True when the pence are within the amount one cell may hold (see MAX_AMOUNT_PENCE). */
export function isAmountInRange(p: number): boolean {
  return Math.abs(p) <= MAX_AMOUNT_PENCE;
}

/** Wraps an integer count of pence; throws on a fraction or an unsafe integer (a programmer error). */
export function toPence(n: number): Pence {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole, safe number of pence: ${n}`);
  return (n === 0 ? 0 : n) as Pence; // normalise -0
}

/**
 * Parses a plain decimal string of pounds ("-1234.5", "12", "0.07") into pence.
 * Returns null when the text is not a decimal, carries more than two decimals, or is too large.
 */
export function parsePence(text: string): Pence | null {
  const m = /^([+-])?(\d+)(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!m) return null;
  const pounds = m[2] ?? '0';
  const frac = (m[3] ?? '').padEnd(2, '0');
  const n = Number(pounds) * 100 + Number(frac);
  if (!Number.isSafeInteger(n)) return null;
  return toPence(m[1] === '-' ? -n : n);
}

/**
 * Converts a spreadsheet number of pounds into pence. Binary floating point noise such as
 * 0.30000000000000004 (from a formula) is accepted as 0.30; a value with a real third decimal
 * (1.005) is refused with null, never silently rounded.
 */
export function penceFromNumber(pounds: number): Pence | null {
  if (!Number.isFinite(pounds)) return null;
  const scaled = pounds * 100;
  const nearest = Math.round(scaled);
  if (!Number.isSafeInteger(nearest)) return null;
  // A two-decimal amount scales to within a few ulps of a whole number of pence (123.45 * 100 =
  // 12345.000000000002); a real third decimal is at least a tenth of a penny away.
  if (Math.abs(scaled - nearest) > Math.max(1e-6, Math.abs(scaled) * Number.EPSILON * 8)) return null;
  return toPence(nearest);
}

/** Decimal string with two decimals, as the contract requires: "-1234.50". */
export function formatPence(p: Pence): string {
  const neg = p < 0;
  const abs = Math.abs(p);
  const pounds = Math.floor(abs / 100);
  const pence = abs % 100;
  return `${neg ? '-' : ''}${pounds}.${pence.toString().padStart(2, '0')}`;
}

/** "£1,234.50" or "-£1,234.50" for people. */
export function formatGBP(p: Pence): string {
  const [pounds, pence] = formatPence(toPence(Math.abs(p))).split('.');
  const grouped = (pounds ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${p < 0 ? '-' : ''}£${grouped}.${pence ?? '00'}`;
}

/** Pounds as a number rounded to the penny, for Excel cells. */
export function penceToPounds(p: Pence): number {
  return Number(formatPence(p));
}

export function addPence(a: Pence, b: Pence): Pence {
  return toPence(a + b);
}

export function subPence(a: Pence, b: Pence): Pence {
  return toPence(a - b);
}

export function negPence(a: Pence): Pence {
  return toPence(-a);
}

export function sumPence(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const v of values) total += v;
  return toPence(total);
}

export type Rounding = 'half-up' | 'half-even' | 'down' | 'up';

const ROUNDING: Record<Rounding, 0 | 1 | 2 | 3> = {
  down: 0, // Big.roundDown
  'half-up': 1, // Big.roundHalfUp
  'half-even': 2, // Big.roundHalfEven
  up: 3, // Big.roundUp
};

/** amount x numerator / denominator, rounded to the penny with the given mode (pro-rata, monthly equivalents). */
export function mulDiv(amount: Pence, numerator: number, denominator: number, rounding: Rounding = 'half-up'): Pence {
  if (denominator === 0) throw new RangeError('division by zero');
  const r = new Dec(String(amount)).times(new Dec(String(numerator))).div(new Dec(String(denominator)));
  return toPence(Number(r.round(0, ROUNDING[rounding]).toFixed(0)));
}

/**
 * Splits a total into parts proportional to non-negative weights by largest remainders; ties go to
 * the earlier index, so the answer is deterministic. The parts always sum to the total.
 */
export function allocate(total: Pence, weights: readonly number[]): Pence[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new RangeError('weights must be finite and >= 0');
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  if (weightSum === 0) {
    const parts = weights.map(() => 0);
    parts[0] = abs;
    return parts.map((p) => toPence(sign * p));
  }
  const sumDec = new Dec(String(weightSum));
  const shares = weights.map((w) => new Dec(String(abs)).times(new Dec(String(w))).div(sumDec));
  const floors = shares.map((s) => Number(s.round(0, 0).toFixed(0)));
  let rest = abs - floors.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, rem: s.minus(new Dec(String(floors[i] ?? 0))) }))
    .sort((a, b) => b.rem.cmp(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    rest -= 1;
  }
  return floors.map((p) => toPence(sign * p));
}
