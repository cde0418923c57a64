import type { IsoDate } from '../dates';
import { toPence } from '../money';
import type { SuspenseItem, Tenancy } from '../records';
import { amountEvidence, historyEvidence, statusEvidence, usualPayment, type PaymentSeen } from './account-evidence';

const tenancy = (weekly: number, start: string | null = '2020-01-06', end: string | null = null): Tenancy => ({
  account: '00012345', property: 'P1', tenant: 'Jane Smith', address: '', postcode: '', start: start as IsoDate | null, end: end as IsoDate | null, weeklyCharge: toPence(weekly), opening: toPence(0), closing: toPence(0), row: 2,
});
const seen = (amount: number, date = '2026-11-20', channel = 'BANK', description = 'Faster Payment'): PaymentSeen => ({ date: date as IsoDate, amount: toPence(amount), channel, description });
const item = (amount: number, payer = 'J SMITH', channel = 'BANK', date = '2026-12-01'): SuspenseItem => ({ item: 'S1', date: date as IsoDate, amount: toPence(amount), reference: '', payer, narrative: '', channel, row: 2 });

describe('amount evidence', () => {
  it.each([
    ['the weekly charge', 10_000, 10_000, [], 'amount £100.00 is the weekly charge'],
    ['twice the weekly charge', 20_000, 10_000, [], 'amount £200.00 is 2 x the weekly charge of £100.00'],
    ['eight weeks', 80_000, 10_000, [], 'amount £800.00 is 8 x the weekly charge of £100.00'],
    ['the monthly equivalent (x 52 / 12, rounded)', 43_333, 10_000, [], 'amount £433.33 is the monthly equivalent of the weekly charge of £100.00 (x 52 / 12)'],
    ['the monthly equivalent rounded the other way', 43_334, 10_000, [], 'amount £433.34 is the monthly equivalent of the weekly charge of £100.00 (x 52 / 12)'],
    ['the usual payment', 5_000, 10_000, [seen(5_000), seen(5_000, '2026-11-27')], "amount £50.00 is the account's usual payment (paid 2 times this period)"],
    ['nine weeks: too many to mean rent', 90_000, 10_000, [], null],
    ['a part of the charge', 5_000, 10_000, [seen(5_000)], null],
    ['no charge on the account', 10_000, 0, [], null],
  ])('%s', (_name, amount, weekly, history, reason) => {
    const e = amountEvidence(toPence(amount), tenancy(weekly), history);
    expect(e?.reason ?? null).toBe(reason);
    if (e) expect(e.score).toBeGreaterThan(0);
  });

  it('the usual payment is the amount paid most often, at least twice', () => {
    expect(usualPayment([seen(100), seen(200), seen(200), seen(300)])).toEqual({ amount: 200, times: 2 });
    expect(usualPayment([seen(100), seen(200)])).toBeNull();
  });
});

describe('history evidence', () => {
  it.each([
    ['the payer named in an earlier payment', item(1_234), [seen(999, '2026-11-20', 'CASH', 'Cash office J SMITH')], ['J SMITH paid this account before (20/11/2026: Cash office J SMITH)']],
    ['the same channel and amount before', item(1_234), [seen(1_234)], ['the account was paid £12.34 by BANK before (20/11/2026)']],
    ['both', item(1_234), [seen(1_234, '2026-11-20', 'BANK', 'BGC SMITH J')], ['J SMITH paid this account before (20/11/2026: BGC SMITH J)', 'the account was paid £12.34 by BANK before (20/11/2026)']],
    ['another channel, same amount', item(1_234), [seen(1_234, '2026-11-20', 'CASH')], []],
    ['only payments after the item', item(1_234), [seen(1_234, '2026-12-10', 'BANK', 'J SMITH')], []],
    ['someone else named', item(1_234, 'K PATEL'), [seen(999, '2026-11-20', 'BANK', 'FP J SMITH')], []],
  ])('%s', (_name, it, history, reasons) => {
    expect(historyEvidence(it, history).map((e) => e.reason)).toEqual(reasons);
  });
});

describe('status evidence', () => {
  it.each([
    ['current', tenancy(10_000), 'tenancy current', 0],
    ['ended before the payment (a former tenancy)', tenancy(10_000, '2020-01-06', '2026-10-04'), 'tenancy ended on 04/10/2026, before the payment (a former tenancy)', -1],
    ['ending after the payment', tenancy(10_000, '2020-01-06', '2026-12-20'), 'tenancy ends on 20/12/2026, after the payment', 0],
    ['not started on the payment date', tenancy(10_000, '2026-12-07'), 'tenancy starts on 07/12/2026, after the payment', -1],
  ])('%s', (_name, t, reason, sign) => {
    const e = statusEvidence(item(1_000), t);
    expect(e.reason).toBe(reason);
    expect(Math.sign(e.score)).toBe(sign);
  });
});
