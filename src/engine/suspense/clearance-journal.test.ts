import fc from 'fast-check';
import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem } from '../records';
import { clearanceJournal, journalCsv, type ClearanceDecision } from './clearance-journal';

const item = (n: number, amount: number, payer = 'J SMITH'): SuspenseItem => ({ item: `S${n}`, date: '2026-12-03' as IsoDate, amount: toPence(amount), reference: '', payer, narrative: '', channel: 'BANK', row: n + 1 });

describe('the clearance journal', () => {
  it('moves each cleared item once, from suspense to the account, saying why and who', () => {
    const j = clearanceJournal([item(1, 1000), item(2, 2550)], [
      { item: 'S1', account: '00012345', by: 'rule', reason: 'reference is the account' },
      { item: 'S1', account: '00099999', by: 'Sam', reason: 'second try' },
      { item: 'S9', account: '00012345', by: 'Sam', reason: 'no such item' },
    ], '1190');
    expect(j.lines).toEqual([{ item: 'S1', date: '2026-12-03', amount: 1000, fromAccount: '1190', toAccount: '00012345', reason: 'reference is the account', decidedBy: 'rule', decidedAt: '' }]);
    expect(j.total).toBe(1000);
    expect(j.refused.map((r) => r.why)).toEqual(['item S1 is already cleared', 'no suspense item S9']);
  });

  it('writes CSV with day-first dates, decimal money, and formula-looking text defused', () => {
    const j = clearanceJournal([item(1, -1234)], [{ item: 'S1', account: '00012345', by: '=HYPERLINK("x")', at: '2026-12-04T10:00:00Z', reason: 'a, "quoted" reason' }], '1190');
    expect(journalCsv(j)).toBe('Item Ref,Date,Amount,From Account,To Account,Reason,Decided By,Decided At\r\nS1,03/12/2026,-12.34,1190,00012345,"a, ""quoted"" reason","\'=HYPERLINK(""x"")",2026-12-04T10:00:00Z\r\n');
  });

  it('property: the journal moves exactly the money of the items it clears, and never one item twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.record({ k: fc.nat(40), account: fc.constantFrom('A', 'B', 'C') }), { maxLength: 60 }),
        (amounts, picks) => {
          const items = amounts.map((a, i) => item(i, a));
          const decisions: ClearanceDecision[] = picks.map((p) => ({ item: `S${p.k}`, account: p.account, by: 'rule', reason: '' }));
          const j = clearanceJournal(items, decisions, '1190');
          const clearedItems = new Set(j.lines.map((l) => l.item));
          const expected = items.filter((i) => clearedItems.has(i.item)).reduce((s, i) => s + i.amount, 0);
          const asked = new Set(decisions.map((d) => d.item).filter((id) => items.some((i) => i.item === id)));
          return clearedItems.size === j.lines.length && j.total === expected && clearedItems.size === asked.size && j.lines.length + j.refused.length === decisions.length;
        },
      ),
    );
  });
});
