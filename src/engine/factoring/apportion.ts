/**
 * Splitting one amount over (property, owner) parts by exact fractional weights: each part rounded
 * down to the penny, the pennies left over one each to the largest remainders (ties: property ref,
 * then owner ref, ascending), so the parts sum to the amount exactly (issue 15's rule).
 */
import { toPence, type Pence } from '../money';
import { add, eq, mul, rational, R_ONE, R_ZERO, type Rational } from './rational';

export interface WeightedPart {
  readonly property: string;
  readonly owner: string;
  readonly weight: Rational;
}

const byRef = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The amount split over the parts; weights must sum to exactly 1 (the register's checks promise it). */
export function apportion(amount: Pence, parts: readonly WeightedPart[]): Pence[] {
  const total = parts.reduce((t, p) => add(t, p.weight), R_ZERO);
  if (!eq(total, R_ONE)) throw new RangeError(`weights sum to ${total.n}/${total.d}, not 1`);
  const sign = amount < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(amount));
  const exact = parts.map((p) => mul(rational(abs), p.weight));
  const floors = exact.map((e) => e.n / e.d); // non-negative, so integer division rounds down
  const rems = exact.map((e, i) => rational(e.n - (floors[i] as bigint) * e.d, e.d));
  let left = abs - floors.reduce((a, b) => a + b, 0n);
  const order = parts
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      const rx = rems[x.i] as Rational;
      const ry = rems[y.i] as Rational;
      const c = ry.n * rx.d - rx.n * ry.d;
      return c > 0n ? 1 : c < 0n ? -1 : byRef(x.p.property, y.p.property) || byRef(x.p.owner, y.p.owner);
    });
  for (const { i } of order) {
    if (left <= 0n) break;
    floors[i] = (floors[i] as bigint) + 1n;
    left -= 1n;
  }
  return floors.map((f) => toPence(Number(sign * f)));
}
