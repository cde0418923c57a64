import fc from 'fast-check';
import { allocate, formatGBP, formatPence, mulDiv, parsePence, penceFromNumber, sumPence, toPence, type Pence } from './money';

describe('money as integer pence', () => {
  it.each([
    ['0', 0],
    ['12', 1200],
    ['12.5', 1250],
    ['-1234.50', -123450],
    ['0.07', 7],
    ['+3.10', 310],
  ])('parsePence(%p) = %p', (text, pence) => expect(parsePence(text)).toBe(pence));

  it.each(['1.005', 'abc', '', '1,234.00', '1e3', '12.'.repeat(2)])('parsePence refuses %p', (text) => expect(parsePence(text)).toBeNull());

  it.each([
    [0.3, 30],
    [0.1 + 0.2, 30], // formula noise, not a third decimal
    [1234.5, 123450],
    [-0.01, -1],
    [1.1 * 3, 330], // 3.3000000000000003
  ])('penceFromNumber(%p) = %p', (n, p) => expect(penceFromNumber(n)).toBe(p));

  it.each([1.005, 0.001, 12.345, 5.0000001, Number.NaN, Infinity])('penceFromNumber refuses %p (a real third decimal is not rounded away)', (n) =>
    expect(penceFromNumber(n)).toBeNull(),
  );

  it('formats as the contract and for people', () => {
    expect(formatPence(toPence(-123450))).toBe('-1234.50');
    expect(formatPence(toPence(7))).toBe('0.07');
    expect(formatPence(toPence(-7))).toBe('-0.07');
    expect(formatGBP(toPence(123456789))).toBe('£1,234,567.89');
    expect(formatGBP(toPence(-5))).toBe('-£0.05');
  });

  it('rejects unsafe or fractional pence as a programmer error', () => {
    expect(() => toPence(1.5)).toThrow();
    expect(() => toPence(2 ** 60)).toThrow();
  });

  it('mulDiv rounds with the mode asked for', () => {
    expect(mulDiv(toPence(10000), 3, 7)).toBe(4286); // 42.857 -> 42.86
    expect(mulDiv(toPence(10000), 3, 7, 'down')).toBe(4285);
    expect(mulDiv(toPence(25), 1, 2, 'half-even')).toBe(12);
    expect(mulDiv(toPence(25), 1, 2, 'half-up')).toBe(13);
  });

  it('property: pence -> decimal string -> pence is the identity', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => parsePence(formatPence(toPence(n))) === n));
  });

  it('property: sums of parsed amounts are exact (no 0.30000000000000004)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 200 }), (ns) => {
        const total = sumPence(ns.map((n) => parsePence(formatPence(toPence(n))) as Pence));
        return total === ns.reduce((a, b) => a + b, 0) && /^-?\d+\.\d{2}$/.test(formatPence(total));
      }),
    );
  });

  it('property: allocate parts always sum to the total and follow the weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        const parts = allocate(toPence(total), weights);
        const sum = parts.reduce((a, b) => a + b, 0);
        const wsum = weights.reduce((a, b) => a + b, 0);
        const close = wsum === 0 || parts.every((p, i) => Math.abs(p - (total * (weights[i] ?? 0)) / wsum) < 1);
        return sum === total && parts.length === weights.length && close;
      }),
    );
  });

  it('allocate is deterministic: ties go to the earlier part', () => {
    expect(allocate(toPence(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(toPence(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
  });
});
