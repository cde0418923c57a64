/**
 * The account look-up answers exactly as a map of the account texts would, whether it chose the
 * number table (same-length digit accounts close together) or the map.
 */
import fc from 'fast-check';
import { accountLookup } from './account-lookup';

const asMap = (accounts: readonly string[]): Map<string, number> => new Map(accounts.map((a, i) => [a, i]));

describe('accountLookup', () => {
  it('finds every account at its position and nothing else, for any unique accounts', () => {
    const digits = fc.stringMatching(/^[0-9]{1,9}$/);
    const mixed = fc.oneof(digits, fc.stringMatching(/^[0-9A-Z -]{1,9}$/), fc.string({ maxLength: 9 }));
    const padded = (width: number) => fc.integer({ min: 0, max: 10 ** width - 1 }).map((n) => String(n).padStart(width, '0'));
    const rolls = fc.oneof(
      fc.integer({ min: 1, max: 9 }).chain((w) => fc.uniqueArray(padded(w), { minLength: 1, maxLength: 60 })),
      fc.uniqueArray(mixed, { minLength: 1, maxLength: 60 }),
    );
    const probes = fc.array(fc.oneof(digits, mixed, fc.constant(''), fc.constant('0'), fc.constant('+1'), fc.constant('1e3')), { maxLength: 40 });
    fc.assert(
      fc.property(rolls, probes, (accounts, others) => {
        const lookup = accountLookup(accounts);
        const map = asMap(accounts);
        expect(lookup.size).toBe(accounts.length);
        for (const a of accounts) expect(lookup.get(a)).toBe(map.get(a));
        // Leading zeros, other lengths, signs and exponents are other texts, never the same account.
        for (const p of [...others, ...accounts.map((a) => a.replace(/^0+/, '')), ...accounts.map((a) => `0${a}`), ...accounts.map((a) => ` ${a}`)]) {
          expect(lookup.get(p)).toBe(map.get(p));
        }
      }),
    );
  });

  it('uses the number table for a numbered roll with gaps, and the map when numbers are too far apart', () => {
    const numbered = Array.from({ length: 1000 }, (_x, i) => String(100_000 + i * 7).padStart(8, '0'));
    expect(accountLookup(numbered).constructor.name).not.toBe('Map');
    expect(accountLookup(numbered).get('00100007')).toBe(1);
    expect(accountLookup(numbered).get('100007')).toBeUndefined();
    const sparse = ['00000001', '99999999'];
    expect(accountLookup(sparse)).toBeInstanceOf(Map);
    expect(accountLookup(['A1', 'A2'])).toBeInstanceOf(Map);
    expect(accountLookup(['0001', '002'])).toBeInstanceOf(Map);
  });
});
