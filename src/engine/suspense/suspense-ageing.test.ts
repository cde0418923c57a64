import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem } from '../records';
import { ageingCsv, ageingSheet, suspenseAgeing } from './suspense-ageing';

const item = (n: number, date: string, amount: number, payer = 'J SMITH'): SuspenseItem => ({ item: `S${n}`, date: date as IsoDate, amount: toPence(amount), reference: 'RENT', payer, narrative: '', channel: 'BANK', row: n + 1 });
const ITEMS = [item(1, '2026-12-03', 1_000), item(2, '2026-11-01', 2_500), item(3, '2026-12-03', 700), item(4, '2027-01-10', 100), item(5, '2026-12-02', 300, '=cmd')];

describe('suspense ageing', () => {
  it.each([
    ['S2', 60, true],
    ['S5', 29, true], // one day past a 28-day limit
    ['S1', 28, false], // exactly at the limit: not past it
    ['S3', 28, false],
    ['S4', 0, false], // dated after the as-of date
  ])('%s is held %i days as of 2026-12-31 (flagged: %s)', (ref, days, over) => {
    const a = suspenseAgeing(ITEMS, '2026-12-31' as IsoDate, 28);
    const line = a.lines.find((l) => l.item === ref);
    expect(line?.daysHeld).toBe(days);
    expect(line?.overLimit).toBe(over);
  });

  it('lists the oldest first, ties by item ref, and totals what is past the limit', () => {
    const a = suspenseAgeing(ITEMS, '2026-12-31' as IsoDate, 28);
    expect(a.lines.map((l) => l.item)).toEqual(['S2', 'S5', 'S1', 'S3', 'S4']);
    expect(a.overLimitCount).toBe(2);
    expect(a.overLimitTotal).toBe(2_800);
  });

  it('the limit is the policy: a shorter limit flags more', () => {
    expect(suspenseAgeing(ITEMS, '2026-12-31' as IsoDate, 7).overLimitCount).toBe(4);
  });

  it('writes CSV with day-first dates, decimal money, YES/NO, and formula-looking text defused', () => {
    const csv = ageingCsv(suspenseAgeing(ITEMS.slice(1, 2).concat(ITEMS[4] as SuspenseItem), '2026-12-31' as IsoDate, 28));
    expect(csv).toBe(
      'Item Ref,Date,Amount,Reference,Payer,Days Held,Over Limit,Decision,Best Candidate\r\n' +
        'S2,01/11/2026,25.00,RENT,J SMITH,60,YES,,\r\n' +
        "S5,02/12/2026,3.00,RENT,'=cmd,29,YES,,\r\n",
    );
  });

  it('as a sheet: the as-of date, the limit, live counts over the table, the table itself', () => {
    const s = ageingSheet(suspenseAgeing(ITEMS, '2026-12-31' as IsoDate, 28));
    expect(s.name).toBe('HL Suspense ageing');
    expect(s.rows[1]?.[1]).toEqual({ kind: 'date', value: '2026-12-31' });
    expect(s.rows[3]?.[1]).toEqual({ kind: 'formula', formula: 'COUNTIF(G6:G10,"YES")', result: { kind: 'number', value: 2 } });
    expect(s.rows[3]?.[2]).toEqual({ kind: 'formula', formula: 'ROUND(SUMIF(G6:G10,"YES",C6:C10),2)', result: { kind: 'money', value: 2_800 } });
    expect(s.tables[0]).toMatchObject({ headerRow: 4, rowCount: 5 });
    expect(s.rows[5]?.[0]).toEqual({ kind: 'text', value: 'S2' });
  });
});
