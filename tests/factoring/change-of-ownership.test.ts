/**
 * A change of ownership mid-quarter (issue 15): every heading, the fee and the insurance split by
 * day, the day of entry the buyer's, and a final bill for the seller with the admin fee. The figures
 * are chosen so the rule's arithmetic can be done by hand: 2026-Q4 has 92 days; the seller holds
 * 1 October to 14 November (45 days), the buyer 15 November to 31 December (47 days).
 */
import { factoringDryRun } from '../../src/engine/jobs/factoring-bill';
import { toPence, type Pence } from '../../src/engine/money';
import { FACTORING, registerSheets, type Row } from './register-builder';

const config = { ...FACTORING, managementFee: toPence(36500), adminFee: toPence(2500) }; // £365 a year: £1 a day
const base = {
  properties: [['P1', 'X', '1/1 Main St', 60], ['P2', 'X', '1/2 Main St', 60]] as Row[],
  ownership: [['P1', 'SELLER', '2010-01-01', '2026-11-14'], ['P1', 'BUYER', '2026-11-15', null], ['P2', 'STAYS', '2010-01-01', null]] as Row[],
  shares: ['COMMON REPAIRS', 'CLEANING', 'INSURANCE'].flatMap((h) => [['X', 'P1', h, '1/2', 'DEEDS', null, null], ['X', 'P2', h, '50%', 'DEEDS', null, null]]) as Row[],
  // £92 and £46: a half share is £46 and £23, £1 and 50p a day of the quarter.
  charges: [['X', 'COMMON REPAIRS', 'Roof', 92, '2026-12-20', 'INV-1', 'Roofer'], ['X', 'CLEANING', 'Stair', 46, '2026-10-02', 'INV-2', 'Cleaner']] as Row[],
};

function bills(insurance: Row[]) {
  const dry = factoringDryRun({ file: 'x.xlsx', sheets: registerSheets({ ...base, insurance }), quarter: '2026-Q4', config });
  expect(dry.issues).toEqual([]);
  const run = dry.run;
  if (!run) throw new Error('no run');
  const of = (owner: string) => run.bills.find((b) => b.owner === owner);
  return { run, seller: of('SELLER'), buyer: of('BUYER'), stays: of('STAYS') };
}

const p = (pounds: number): Pence => toPence(Math.round(pounds * 100));

describe('a change of ownership mid-quarter', () => {
  it('splits every heading, the fee and the insurance by day and gives the seller a final account', () => {
    // A policy for the calendar year, £365: the quarter's premium is £92, £46 for each half share.
    const { run, seller, buyer, stays } = bills([['X', 'POL-1', 'Insurer', 365, '2026-01-01', '2026-12-31', null, null]]);
    expect(seller).toMatchObject({ days: 45, final: true, settlementDate: '2026-11-14', adminFee: p(25), managementFee: p(45), insurance: p(22.5) });
    expect(buyer).toMatchObject({ days: 47, final: false, adminFee: p(0), managementFee: p(47), insurance: p(23.5) });
    expect(stays).toMatchObject({ days: 92, final: false, managementFee: p(92), insurance: p(46) });
    const line = (b: typeof seller, inv: string) => b?.lines.find((l) => l.invoiceRef === inv)?.charge;
    // The roof was repaired after the sale, the stair cleaned before it: both split by days all the same.
    expect([line(seller, 'INV-1'), line(buyer, 'INV-1'), line(stays, 'INV-1')]).toEqual([p(22.5), p(23.5), p(46)]);
    expect([line(seller, 'INV-2'), line(buyer, 'INV-2'), line(stays, 'INV-2')]).toEqual([p(11.25), p(11.75), p(23)]);
    expect(seller?.total).toBe(p(22.5 + 11.25 + 45 + 22.5 + 25));
    // charges £138, fees £92 for each flat, insurance £92, one admin fee
    expect(run.totals.billed).toBe(p(92 + 46 + 92 * 2 + 92 + 25));
  });

  it('splits a policy renewed on the day of entry by who owned the flat while each policy ran', () => {
    // £365 over 365 days each: 45 days of the old policy (£45) and 47 of the new (£47) in the quarter.
    const { seller, buyer, stays } = bills([
      ['X', 'OLD', 'Insurer', 365, '2025-11-15', '2026-11-14', null, null],
      ['X', 'NEW', 'Insurer', 365, '2026-11-15', '2027-11-14', null, null],
    ]);
    expect(seller?.insuranceLines.map((l) => [l.policy, l.charge])).toEqual([['OLD', p(22.5)]]);
    expect(buyer?.insuranceLines.map((l) => [l.policy, l.charge])).toEqual([['NEW', p(23.5)]]);
    expect(stays?.insuranceLines.map((l) => [l.policy, l.charge])).toEqual([['OLD', p(22.5)], ['NEW', p(23.5)]]);
  });

  it('gives a final bill to an owner whose ownership ends on the last day of the quarter', () => {
    const dry = factoringDryRun({
      file: 'x.xlsx',
      sheets: registerSheets({ ...base, ownership: [['P1', 'SELLER', '2010-01-01', '2026-12-31'], ['P1', 'BUYER', '2027-01-01', null], ['P2', 'STAYS', '2010-01-01', null]] }),
      quarter: '2026-Q4',
      config,
    });
    expect(dry.run?.bills.map((b) => [b.owner, b.final, b.adminFee])).toEqual([['SELLER', true, p(25)], ['STAYS', false, p(0)]]);
  });
});
