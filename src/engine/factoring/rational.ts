/**
 * Exact fractions over BigInt, for ownership shares: 1/6 + 1/3 + 1/2 is exactly 1 here, which no
 * binary float and no fixed-decimal type can promise (DOMAIN.md section 8: a wrong share is a
 * Tribunal complaint). Always in lowest terms with a positive denominator.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n/d in lowest terms; throws on a zero denominator (a programmer error). */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const R_ZERO = rational(0n);
export const R_ONE = rational(1n);

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const eq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;

/** "1/6", or "1" for a whole number: the contract's form of a share. */
export function formatRational(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/** A decimal string ("0.25", "12.5") exactly, or null. */
export function parseDecimal(text: string): Rational | null {
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2] || '0'}${frac}`) * (m[1] === '-' ? -1n : 1n);
  return rational(n, 10n ** BigInt(frac.length));
}

/**
 * A share as typed: a fraction ("1/6"), a decimal ("0.25") or a percentage ("25%"). Null when it is
 * none of these.
 */
export function parseShareText(text: string): Rational | null {
  const t = text.trim().replace(/\s+/g, '');
  const frac = /^(\d+)\/(\d+)$/.exec(t);
  if (frac) return BigInt(frac[2] ?? '0') === 0n ? null : rational(BigInt(frac[1] ?? '0'), BigInt(frac[2] ?? '1'));
  const pct = /^(.*)%$/.exec(t);
  if (pct) {
    const p = parseDecimal(pct[1] ?? '');
    return p === null ? null : div(p, rational(100n));
  }
  return parseDecimal(t);
}

/**
 * A share from a number cell. A cell formatted as a fraction holds 1/6 as 0.16666666666666666; a
 * fraction with a denominator up to 10,000 that the float stands for exactly is taken, else the
 * number's own decimal digits.
 */
export function shareFromNumber(x: number): Rational | null {
  if (!Number.isFinite(x)) return null;
  for (let d = 1; d <= 10_000; d++) {
    const n = Math.round(x * d);
    if (n / d === x) return rational(BigInt(n), BigInt(d));
  }
  const text = x.toFixed(20).replace(/0+$/, '');
  return parseDecimal(String(x).includes('e') ? text : String(x));
}
