import fc from 'fast-check';
import type { UserReconcilingItem } from '../config';
import type { IsoDate } from '../dates';
import { toPence } from '../money';
import { generateMonth } from '../../../tools/sample/generate';
import { runReconciliation } from '../run-reconciliation';
import { DEFAULT_CONFIG, parseConfig } from '../config';
import { guessPeriod } from '../sources/guess-period';
import { withUserItems } from './user-items';

const month = generateMonth({ seed: 4, accounts: 150, period: '2026-12' });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
const parsed = parseConfig(month.config);
const config = parsed.ok ? parsed.config : DEFAULT_CONFIG;
const period = { label: '2026-12', start: '2026-12-01' as IsoDate, end: '2026-12-31' as IsoDate };

describe('reconciling items added during review', () => {
  const base = runReconciliation({ file: 'm.xlsx', sheets }, { period, config, userItems: [] });
  if (!base.ok) throw new Error('the generated month must reconcile');

  it('gives the same figures as running the engine again with those items', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ amount: fc.integer({ min: -10_000_000, max: 10_000_000 }), type: fc.constantFrom('timing', 'suspense', 'other' as const) }), { maxLength: 6 }), (rows) => {
        const items: UserReconcilingItem[] = rows.map((r, i) => ({ ref: `U${i + 1}`, type: r.type, amount: toPence(r.amount), explanation: 'x', owner: 'o', date: null }));
        const rerun = runReconciliation({ file: 'm.xlsx', sheets }, { period, config, userItems: items });
        if (!rerun.ok) return false;
        const applied = withUserItems(base.result, items);
        expect(applied.reconcilingTotal).toBe(rerun.result.reconcilingTotal);
        expect(applied.unexplained).toBe(rerun.result.unexplained);
        expect(applied.status).toBe(rerun.result.status);
        expect(applied.reconcilingItems).toEqual(rerun.result.reconcilingItems);
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('balances when an item explains exactly the unexplained difference', () => {
    const fix: UserReconcilingItem = { ref: 'U1', type: 'other', amount: base.result.unexplained, explanation: 'found', owner: 'me', date: null };
    expect(withUserItems(base.result, [fix]).status).toBe('BALANCED');
    expect(withUserItems(withUserItems(base.result, [fix]), []).unexplained).toBe(base.result.unexplained);
  });
});

describe('the period a workbook reconciles', () => {
  it('is the month most postings fall in', () => {
    expect(guessPeriod(sheets, config)).toBe('2026-12');
  });
  it('is unknown without a transactions sheet', () => {
    expect(guessPeriod(sheets.filter((s) => s.name !== 'Transactions'), config)).toBeNull();
  });
});
