/** The register's checks: located errors a Factoring Lead Officer can act on, and the TMS rule with its working. */
import { checkFactoringRegister } from '../../src/engine/jobs/factoring-register';
import { factoringDryRun } from '../../src/engine/jobs/factoring-bill';
import { describeFactoringIssue } from '../../src/engine/factoring/messages';
import { toPence } from '../../src/engine/money';
import { FACTORING, registerSheets, type Row } from './register-builder';

const props = (areas: (number | null)[]): Row[] => areas.map((a, i) => [`P${i + 1}`, 'X', `Flat ${i + 1}`, a]);
const owned = (n: number): Row[] => Array.from({ length: n }, (_, i) => [`P${i + 1}`, `O${i + 1}`, '2010-01-01', null]);
const tms = (n: number): Row[] => Array.from({ length: n }, (_, i) => ['X', `P${i + 1}`, 'COMMON REPAIRS', null, 'TMS', null, null]);

describe('the Tenement Management Scheme fallback', () => {
  it.each([
    { areas: [60, 90], shares: ['1/2', '1/2'], rule: 'not more than 1.5' }, // exactly 1.5 times: still equal
    { areas: [60, 91], shares: ['60/151', '91/151'], rule: 'more than 1.5' },
    { areas: [50, 60, 70, 80], shares: ['5/26', '3/13', '7/26', '4/13'], rule: 'more than 1.5' },
  ])('areas $areas give shares $shares', ({ areas, shares, rule }) => {
    const check = checkFactoringRegister({ file: 'x.xlsx', sheets: registerSheets({ properties: props(areas), ownership: owned(areas.length), shares: tms(areas.length) }), quarter: null });
    expect(check.issues).toEqual([]);
    expect(check.tms.map((t) => t.share)).toEqual(shares);
    expect(check.tms[0]?.working).toContain(rule);
  });

  it('needs every flat\'s floor area, and says which one is missing', () => {
    const check = checkFactoringRegister({ file: 'x.xlsx', sheets: registerSheets({ properties: props([60, null]), ownership: owned(2), shares: tms(2) }), quarter: null });
    expect(check.issues.map((i) => [i.code, i.location.a1])).toEqual([['factoring.floor-area-missing', "'Shares'!D5"]]);
  });
});

describe('located errors', () => {
  it('refuses shares that do not sum to exactly 1, naming the block, heading and days', () => {
    const shares: Row[] = [['X', 'P1', 'Cleaning', '1/3', 'DEEDS', null, null], ['X', 'P2', 'CLEANING', 0.5, 'DEEDS', null, '2026-11-30'], ['X', 'P2', 'CLEANING', '2/3', 'DEEDS', '2026-12-01', null]];
    const check = checkFactoringRegister({ file: 'x.xlsx', sheets: registerSheets({ properties: props([1, 1]), ownership: owned(2), shares }), quarter: null });
    expect(check.issues).toHaveLength(1);
    const [issue] = check.issues;
    expect(issue?.code).toBe('factoring.share-sum');
    expect(issue?.location.a1).toBe("'Shares'!D4");
    expect(describeFactoringIssue(issue as never)).toContain('CLEANING shares of block X add up to 5/6, not 1, from the start to 2026-11-30');
  });

  it('finds overlapping owners, days nobody owns, unknown owners and a config with no PF number, and bills nothing', () => {
    const ownership: Row[] = [['P1', 'O1', '2010-01-01', '2026-11-20'], ['P1', 'O2', '2026-11-15', null], ['P2', 'O3', '2010-01-01', '2026-10-31'], ['P2', 'NOBODY', '2026-11-10', null]];
    const shares: Row[] = [['X', 'P1', 'CLEANING', '1/2', 'DEEDS', null, null], ['X', 'P2', 'CLEANING', '1/2', 'DEEDS', null, null]];
    const owners: Row[] = [['O1', 'One'], ['O2', 'Two'], ['O3', 'Three']];
    const dry = factoringDryRun({ file: 'x.xlsx', sheets: registerSheets({ owners, properties: props([1, 1]), ownership, shares }), quarter: '2026-Q4', config: { ...FACTORING, pfNumber: null, managementFee: toPence(0), adminFee: toPence(0) } });
    expect(dry.ok).toBe(false);
    expect(dry.run).toBeNull();
    expect(dry.issues.map((i) => [i.code, i.location.a1, i.detail.from ?? i.detail.day ?? ''])).toEqual([
      ['factoring.pf-missing', null, ''],
      ['factoring.owner-unknown', "'Ownership'!B5", ''],
      ['factoring.ownership-overlap', "'Ownership'!C3", '2026-11-15'],
      ['factoring.ownership-gap', "'Properties'!A3", '2026-11-01'],
    ]);
  });

  it('reads a share as a percentage, a decimal or a fraction, and refuses one that is none of these', () => {
    const shares: Row[] = [['X', 'P1', 'CLEANING', '25%', 'DEEDS', null, null], ['X', 'P2', 'CLEANING', '0.25', 'AGREED', null, null], ['X', 'P3', 'CLEANING', '1/2', 'DEEDS', null, null], ['X', 'P1', 'LIGHTING', 'half', 'DEEDS', null, null], ['X', 'P2', 'LIGHTING', '1/2', 'DEEDS', null, null], ['X', 'P3', 'LIGHTING', '1/2', 'Feudal', null, null]];
    const check = checkFactoringRegister({ file: 'x.xlsx', sheets: registerSheets({ properties: props([1, 1, 1]), ownership: owned(3), shares }), quarter: null });
    expect(check.issues.map((i) => [i.code, i.location.a1])).toEqual([
      ['factoring.share-invalid', "'Shares'!D7"],
      ['factoring.basis-invalid', "'Shares'!E9"],
      ['factoring.share-sum', "'Shares'!D8"],
    ]);
  });
});

describe('periods', () => {
  it('refuses an ownership or share period that ends before it starts, at its To cell', () => {
    const ownership: Row[] = [['P1', 'O1', '2026-05-01', '2026-04-30']];
    const shares: Row[] = [['X', 'P1', 'CLEANING', '1', 'DEEDS', '2026-01-01', '2025-12-31']];
    const check = checkFactoringRegister({ file: 'x.xlsx', sheets: registerSheets({ owners: [['O1', 'One']], properties: props([1]), ownership, shares }), quarter: null });
    expect(check.issues.map((i) => [i.code, i.location.a1])).toEqual([
      ['factoring.end-before-start', "'Ownership'!D2"],
      ['factoring.end-before-start', "'Shares'!G4"],
    ]);
  });
});
