/**
 * Properties of the quarterly run (issue 15): every charge's parts sum to it; every owner-day is
 * billed once; fees and insurance over a year equal the annual amounts within the pennies the
 * rounding rule moves.
 */
import fc from 'fast-check';
import { apportion } from '../../src/engine/factoring/apportion';
import { rational } from '../../src/engine/factoring/rational';
import { factoringDryRun } from '../../src/engine/jobs/factoring-bill';
import { addDays, type IsoDate } from '../../src/engine/dates';
import { toPence } from '../../src/engine/money';
import { FACTORING, registerSheets, type Row } from './register-builder';

/** A block of flats with shares k_i / sum(k), each flat sold on 0-2 days of the year. */
const blockArb = fc.record({
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
  sales: fc.array(fc.array(fc.integer({ min: 1, max: 364 }), { maxLength: 2 }), { minLength: 6, maxLength: 6 }),
  charges: fc.array(fc.record({ amount: fc.integer({ min: -50_000, max: 500_000 }), day: fc.integer({ min: 0, max: 364 }) }), { maxLength: 6 }),
  premium: fc.integer({ min: 0, max: 900_000 }),
  fee: fc.integer({ min: 0, max: 50_000 }),
});

const YEAR_START = '2026-01-01' as IsoDate;
const pounds = (p: number): string => `${p < 0 ? '-' : ''}${Math.floor(Math.abs(p) / 100)}.${String(Math.abs(p) % 100).padStart(2, '0')}`;

function build(b: { weights: number[]; sales: number[][]; charges: { amount: number; day: number }[]; premium: number }) {
  const total = b.weights.reduce((a, c) => a + c, 0);
  const properties: Row[] = b.weights.map((_, i) => [`P${i}`, 'X', `Flat ${i}`, null]);
  const ownership: Row[] = [];
  b.weights.forEach((_, i) => {
    const days = [...new Set(b.sales[i] ?? [])].sort((x, y) => x - y);
    let from = '2010-01-01' as IsoDate;
    days.forEach((d, k) => {
      const entry = addDays(YEAR_START, d);
      ownership.push([`P${i}`, `O${i}-${k}`, from, addDays(entry, -1)]);
      from = entry;
    });
    ownership.push([`P${i}`, `O${i}-${days.length}`, from, null]);
  });
  const shares: Row[] = ['COMMON REPAIRS', 'INSURANCE'].flatMap((h) => b.weights.map((w, i) => ['X', `P${i}`, h, `${w}/${total}`, 'DEEDS', null, null]));
  const charges: Row[] = b.charges.map((c, k) => ['X', 'COMMON REPAIRS', 'Work', pounds(c.amount), addDays(YEAR_START, c.day), `INV-${k}`, 'S']);
  const insurance: Row[] = [['X', 'POL', 'Insurer', pounds(b.premium), '2026-01-01', '2026-12-31', null, null]];
  return registerSheets({ properties, ownership, shares, charges, insurance });
}

const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

describe('the quarterly run', () => {
  it('splits any amount over exact weights into parts that sum to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }), (amount, ws) => {
        const sum = ws.reduce((a, c) => a + c, 0);
        const parts = apportion(toPence(amount), ws.map((w, i) => ({ property: `P${i}`, owner: 'O', weight: rational(BigInt(w), BigInt(sum)) })));
        expect(parts.reduce((a, c) => a + c, 0)).toBe(amount);
        // No part is more than a penny from its exact share.
        parts.forEach((p, i) => expect(Math.abs(p - (amount * (ws[i] ?? 0)) / sum)).toBeLessThan(1));
      }),
    );
  });

  it('breaks a tie of remainders by property ref, then owner ref', () => {
    const third = rational(1n, 3n);
    const parts = apportion(toPence(100), [{ property: 'B', owner: 'O', weight: third }, { property: 'A', owner: 'Z', weight: third }, { property: 'A', owner: 'Y', weight: third }]);
    expect(parts).toEqual([33, 33, 34]);
  });

  it('bills every charge exactly, every owner-day once, and the fee and premium for the year within the rounding', () => {
    fc.assert(
      fc.property(blockArb, (b) => {
        const sheets = build(b);
        const config = { ...FACTORING, managementFee: toPence(b.fee), adminFee: toPence(0) };
        const feeByOwner = new Map<string, number>();
        const daysByOwner = new Map<string, number>();
        let premiumBilled = 0;
        let feesBilled = 0;
        for (const quarter of QUARTERS) {
          const dry = factoringDryRun({ file: 'x.xlsx', sheets, quarter, config });
          expect(dry.issues).toEqual([]);
          const run = dry.run;
          if (!run) throw new Error('no run');
          for (const c of run.billedCharges) {
            const parts = run.bills.flatMap((bill) => bill.lines.filter((l) => l.invoiceRef === c.invoiceRef).map((l) => l.charge));
            expect(parts.reduce((x, y) => x + y, 0)).toBe(c.amount);
          }
          b.weights.forEach((_, i) => expect(run.bills.filter((bill) => bill.property === `P${i}`).reduce((t, bill) => t + bill.days, 0)).toBe(run.quarter.days));
          for (const bill of run.bills) {
            feeByOwner.set(bill.owner, (feeByOwner.get(bill.owner) ?? 0) + bill.managementFee);
            daysByOwner.set(bill.owner, (daysByOwner.get(bill.owner) ?? 0) + bill.days);
          }
          premiumBilled += run.totals.insurance;
          feesBilled += run.totals.fees;
        }
        // Each quarter's premium is rounded half up once: at most half a penny a quarter.
        expect(Math.abs(premiumBilled - b.premium)).toBeLessThanOrEqual(2);
        // Each fee is rounded half up once per owner and quarter.
        for (const [owner, fee] of feeByOwner) {
          const exact = (b.fee * (daysByOwner.get(owner) ?? 0)) / 365;
          expect(Math.abs(fee - exact)).toBeLessThanOrEqual(2);
        }
        expect(Math.abs(feesBilled - b.fee * b.weights.length)).toBeLessThanOrEqual(2 * feeByOwner.size);
      }),
      { numRuns: 40 },
    );
  });
});

