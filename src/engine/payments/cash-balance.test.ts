import type { IsoDate } from '../dates';
import { toPence } from '../money';
import { generatedRoll } from '../../../tests/support/payment-roll';
import { generatePaymentFile, generateSettlementStatement } from '../../../tools/sample/payment-files';
import { RollIndex } from './allocate-payments';
import { balanceCash, cashBalanceSheet, DEFAULT_CASH_BALANCE, openItemsFromJson, openItemsToJson, receiptDays, type BankCredit } from './cash-balance';
import { appendToLedger, EMPTY_LEDGER, type ImportLedger } from './import-ledger';
import { processPaymentFile } from './process-payment-file';
import { SHIPPED_PROFILES, type ImportProfile } from './profile';
import { readPaymentFile } from './read-payment-file';

const roll = generatedRoll();
const index = new RollIndex(roll);
const d = (s: string) => s as IsoDate;
const lloyds = { ...(SHIPPED_PROFILES.get('lloyds') as ImportProfile), skip: [] };

/** Four Allpay days and two cash office days imported, and their settlements on a statement with a missing and a short one. */
function scenario(seed: number) {
  let ledger: ImportLedger = EMPTY_LEDGER;
  const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
  const files = [
    ...days.map((date, i) => generatePaymentFile(roll, { seed: seed + i, format: 'allpay', date: d(date), lines: 40 })),
    ...days.slice(0, 2).map((date, i) => generatePaymentFile(roll, { seed: seed + 10 + i, format: 'cash-office', date: d(date), lines: 15 })),
  ];
  for (const f of files) {
    const r = processPaymentFile({ text: f.text, fileName: f.fileName, profile: SHIPPED_PROFILES.get(f.format) as ImportProfile, settlement: null, importedAt: '2026-12-05T10:00:00Z' }, index, ledger);
    if (!r.ok) throw new Error(`import failed: ${f.fileName}`);
    ledger = appendToLedger(ledger, r.entry);
  }
  const plan = generateSettlementStatement(files.map((f) => ({ channel: f.channel, date: f.date, total: f.total })), { seed, shortBy: toPence(1250) });
  const credits: BankCredit[] = readPaymentFile(plan.text, lloyds, plan.fileName).lines.map((l) => ({ date: l.date, amount: l.amount, text: l.narrative, source: `line ${l.line}` }));
  return { ledger, plan, credits, receipts: receiptDays(ledger.entries.flatMap((e) => e.batches)) };
}

describe('balanceCash', () => {
  it.each([1, 2, 3, 4, 5])('finds the planted missing and short settlements to the penny, and agrees every other day (seed %i)', (seed) => {
    const { plan, credits, receipts } = scenario(seed * 100);
    const result = balanceCash(receipts, credits, [], d('2026-12-14'));
    const bad = result.rows.filter((r) => r.status !== 'agreed');
    expect(bad.map((r) => [r.status, r.channel, r.date, r.difference])).toEqual(
      [
        ['missing', plan.missing.channel, plan.missing.date, plan.missing.amount],
        ['short', plan.short.channel, plan.short.date, toPence(plan.short.expected - plan.short.credited)],
      ].sort((a, b) => `${a[1]}${a[2]}`.localeCompare(`${b[1]}${b[2]}`)),
    );
    expect(result.rows.filter((r) => r.status === 'agreed')).toHaveLength(4);
    expect(result.open.map((o) => [o.kind, o.date, o.amount]).sort()).toEqual(
      [
        ['unsettled', plan.missing.date, plan.missing.amount],
        ['unsettled', plan.short.date, toPence(1250)],
      ].sort(),
    );
    expect(bad.every((r) => r.ageDays === 14 - Number(r.date.slice(8)))).toBe(true);
  });

  it('carries the differences forward and clears them when the money arrives', () => {
    const { plan, credits, receipts } = scenario(700);
    const first = balanceCash(receipts, credits, [], d('2026-12-14'));
    const carried = openItemsFromJson(JSON.parse(JSON.stringify(openItemsToJson(first))));
    expect(carried.ok).toBe(true);
    if (!carried.ok) return;
    const late: BankCredit[] = [
      { date: d('2026-12-15'), amount: plan.missing.amount, text: 'ALLPAY LTD SETTLEMENT LATE', source: 'line 2' },
      { date: d('2026-12-15'), amount: toPence(1250), text: 'ALLPAY LTD ADJUSTMENT', source: 'line 3' },
    ];
    // Next balancing: no new receipts in range; only the carried items and the new statement.
    const second = balanceCash([], late, carried.items, d('2026-12-16'), { ...DEFAULT_CASH_BALANCE, settlements: DEFAULT_CASH_BALANCE.settlements.map((s) => ({ ...s, lagDays: 31 })) });
    expect(second.rows.map((r) => [r.status, r.date, r.broughtForward])).toEqual(
      [
        ['cleared', plan.missing.date, true],
        ['cleared', plan.short.date, true],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    expect(second.open).toEqual([]);
  });

  it('what is not cleared stays open, brought forward and a day older', () => {
    const { credits, receipts } = scenario(800);
    const first = balanceCash(receipts, credits, [], d('2026-12-14'));
    // The next balancing covers what came after: nothing new, only the carried items.
    const again = balanceCash([], [], first.open, d('2026-12-15'));
    const bad = first.rows.filter((r) => r.status !== 'agreed');
    expect(again.rows.map((r) => [r.date, r.ageDays, r.broughtForward])).toEqual(bad.map((r) => [r.date, r.ageDays + 1, true]));
    expect(again.open).toEqual(first.open);
    // A receipts day given again while carried is balanced by its carried item only.
    expect(balanceCash(receipts.filter((r) => bad.some((b) => b.date === r.date && b.channel === r.channel)), [], first.open, d('2026-12-15')).rows).toHaveLength(bad.length);
  });

  it('a day not yet due is pending, not missing', () => {
    const r = balanceCash([{ channel: 'ALLPAY', date: d('2026-12-10'), amount: toPence(500), batchRefs: ['AP1'] }], [], [], d('2026-12-11'));
    expect(r.rows.map((x) => x.status)).toEqual(['pending']);
  });

  it('bank transfers are balanced day by day against the other credits; an unexplained settlement credit is listed', () => {
    const r = balanceCash(
      [{ channel: 'BANK', date: d('2026-12-01'), amount: toPence(3000), batchRefs: ['BK1'] }],
      [
        { date: d('2026-12-01'), amount: toPence(1000), text: 'RENT 00100012', source: 'l1' },
        { date: d('2026-12-01'), amount: toPence(1500), text: 'RENT 00100013', source: 'l2' },
        { date: d('2026-12-02'), amount: toPence(777), text: 'CASH OFFICE BANKING', source: 'l3' },
      ],
      [],
      d('2026-12-03'),
    );
    expect(r.rows.map((x) => [x.channel, x.status, x.difference])).toEqual([
      ['BANK', 'short', toPence(500)],
      ['CASH', 'unexpected', toPence(-777)],
    ]);
  });

  it('as an audit-pack sheet, with live totals', () => {
    const { credits, receipts } = scenario(900);
    const result = balanceCash(receipts, credits, [], d('2026-12-14'));
    const sheet = cashBalanceSheet(result);
    expect(sheet.name).toBe('HL Cash balancing');
    const total = sheet.rows[sheet.rows.length - 1];
    expect(total?.[5]).toEqual({ kind: 'formula', formula: `ROUND(SUM(F2:F${result.rows.length + 1}),2)`, result: { kind: 'money', value: result.totals.difference }, style: 'total' });
  });
});
