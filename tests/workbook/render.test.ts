/**
 * The naming rules of src/workbook/render.ts at their edges (the contract suite checks that both
 * adapters apply them): names Excel would refuse are never produced, and a taken name gets the
 * next free one.
 */
import { cleanTableName, freeSheetName, freeTableName, MAX_SHEET_NAME, printSetupOf } from '../../src/workbook/render';
import type { SheetSpec } from '../../src/engine/sheet-spec';

describe('sheet names', () => {
  it.each([
    ['HL Summary', [], 'HL Summary'],
    ['HL Summary', ['hl summary'], 'HL Summary (2)'],
    ['HL Summary', ['hl summary', 'hl summary (2)'], 'HL Summary (3)'],
    ['A'.repeat(40), ['a'.repeat(31)], `${'A'.repeat(27)} (2)`],
    // A space left at the cut is dropped before the number.
    [`${'A'.repeat(26)} BCDEFGH`, [`${'a'.repeat(26)} bcde`], `${'A'.repeat(26)} (2)`],
    ['Cash: in/out', ['cash- in-out'], 'Cash- in-out (2)'],
  ])('%p with %p taken -> %p', (wanted, taken, name) => {
    const got = freeSheetName(wanted, new Set(taken));
    expect(got).toBe(name);
    expect(got.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });
});

describe('table names', () => {
  it.each([
    ['HL_Cash_balancing', 'HL_Cash_balancing'],
    ['Cash balancing (Dec)', 'Cash_balancing__Dec_'],
    ['2026 ageing', '_2026_ageing'],
    ['AB12', '_AB12'],
    ['R2C3', '_R2C3'],
    ['r', '_r'],
    ['Reconciling.items', 'Reconciling.items'],
  ])('%p is cleaned to %p', (wanted, name) => expect(cleanTableName(wanted)).toBe(name));

  it('a taken name, in any case, gets _2, _3 ... and each name chosen is then taken', () => {
    const taken = new Set(['batches', '_hl_test_one']);
    expect([freeTableName('Batches', taken), freeTableName('BATCHES', taken), freeTableName('_HL_test_one', taken)]).toEqual(['Batches_2', 'BATCHES_3', '_HL_test_one_2']);
    expect(freeTableName('x'.repeat(300), taken)).toHaveLength(255);
  });
});

describe('print setup', () => {
  const spec = (widths: number[]): SheetSpec => ({ key: 'k', name: 'n', rows: [], columnWidths: widths, tables: [], freeze: null, protect: false });
  it.each([
    [[50, 50], 'portrait'],
    [[50, 51], 'landscape'],
  ])('columns %p wide print in %s', (widths, orientation) => expect(printSetupOf(spec(widths)).orientation).toBe(orientation));
});
