import { generateMonth } from '../../../tools/sample/generate';
import { generatePaymentFile } from '../../../tools/sample/payment-files';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../config';
import type { IsoDate } from '../dates';
import { formatPence, toPence } from '../money';
import { EMPTY_LEDGER } from '../payments/import-ledger';
import { SHIPPED_PROFILES, type ImportProfile } from '../payments/profile';
import { cashBalanceCsv, DEFAULT_STATEMENT_PROFILE, runCashBalance } from './balance-cash';
import { parseAmountInput, parseChannelList } from './common';
import { detectProfile, importPaymentFile, memoryLedgerPort, paymentRoll } from './import-payments';

const month = generateMonth({ seed: 5, accounts: 300, period: '2026-12' });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
const DATE = '2026-12-01' as IsoDate;
const NOW = '2026-12-02T09:00:00.000Z';
const profile = (name: string): ImportProfile => SHIPPED_PROFILES.get(name) as ImportProfile;
const configOf = (json: unknown): LedgerConfig => {
  const p = parseConfig(json);
  if (!p.ok) throw new Error(p.problems.join('; '));
  return p.config;
};
const rollOf = (config: LedgerConfig) => {
  const r = paymentRoll('m.xlsx', sheets, config);
  if (!r.ok) throw new Error(r.summary);
  return r;
};
const tenancies = rollOf(DEFAULT_CONFIG).roll.roll.map((t) => ({ account: t.account, tenant: t.tenant, weeklyCharge: t.weeklyCharge, start: t.start, end: t.end }));

describe('importing a payment file', () => {
  const file = generatePaymentFile(tenancies, { seed: 8, format: 'allpay', date: DATE, lines: 200, unallocatable: 0.03, repairable: 0.1 });
  const input = { text: file.text, fileName: file.fileName, profile: profile('allpay'), settlement: null };

  it('allocates with the config’s suspense matching: repairs are made only while automatic allocation is on', async () => {
    const on = await importPaymentFile(input, rollOf(DEFAULT_CONFIG).roll, memoryLedgerPort(EMPTY_LEDGER), NOW, DEFAULT_CONFIG);
    const offConfig = configOf({ suspenseMatch: { autoAllocate: false } });
    const off = await importPaymentFile(input, rollOf(offConfig).roll, memoryLedgerPort(EMPTY_LEDGER), NOW, offConfig);
    if (!on.ok || !off.ok) throw new Error('refused');
    const repaired = on.run.allocation.allocated.filter((a) => a.how === 'repaired').length;
    expect(repaired).toBeGreaterThan(0);
    expect(off.run.allocation.allocated.filter((a) => a.how === 'repaired')).toEqual([]);
    expect(off.run.allocation.suspense.length).toBe(on.run.allocation.suspense.length + repaired);
  });

  it('writes the postings file as the config’s payments section lays it out (the old top-level key too)', async () => {
    for (const json of [{ payments: { postings: { codes: { ALLPAY: 'APY' }, dateFormat: 'yyyy-mm-dd' } } }, { postings: { codes: { ALLPAY: 'APY' }, dateFormat: 'yyyy-mm-dd' } }]) {
      const config = configOf(json);
      const imp = await importPaymentFile(input, rollOf(config).roll, memoryLedgerPort(EMPTY_LEDGER), NOW, config);
      expect(imp.ok && imp.outputs.postings.split('\r\n')[1]).toMatch(/^\d+,2026-12-01,-\d+\.\d\d,APY,AP20261201-/);
    }
  });

  it('the ledger port refuses the same file twice, and the refusal names the earlier import', async () => {
    const ledger = memoryLedgerPort(EMPTY_LEDGER);
    const first = await importPaymentFile(input, rollOf(DEFAULT_CONFIG).roll, ledger, NOW, DEFAULT_CONFIG);
    if (!first.ok) throw new Error('refused');
    await ledger.recordImport(first.entry);
    await expect(ledger.recordImport(first.entry)).rejects.toThrow(/imported already/);
    const again = await importPaymentFile(input, rollOf(DEFAULT_CONFIG).roll, ledger, NOW, DEFAULT_CONFIG);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.problems[0]).toMatch(/already imported on 2026-12-02T09:00:00.000Z/);
  });

  it('an error in the rent roll stops the import', () => {
    const broken = sheets.map((s) => (s.name === 'Rent Roll' ? { ...s, rows: s.rows.map((r, i) => (i === 4 ? r.map((c, j) => (j === 9 ? 'n/a' : c)) : r)) } : s));
    const r = paymentRoll('m.xlsx', broken, DEFAULT_CONFIG);
    expect(!r.ok && r.problems.join('\n')).toMatch(/sheet 'Rent Roll', row 5, column J/);
  });

  it('detects the profile that reads the file cleanly, and none for a file no profile reads', () => {
    const profiles = [...SHIPPED_PROFILES.values()];
    for (const format of ['allpay', 'lloyds', 'natwest', 'cash-office'] as const) {
      const f = generatePaymentFile(tenancies, { seed: 3, format, date: DATE, lines: 20 });
      expect(detectProfile(f.text, profiles, f.fileName)).toBe(format);
    }
    expect(detectProfile('hello,world\r\n', profiles, 'x.csv')).toBeNull();
  });
});

describe('balancing cash', () => {
  const files = (['allpay', 'cash-office'] as const).map((format, k) => generatePaymentFile(tenancies, { seed: 20 + k, format, date: DATE, lines: 40 }));

  /** A Lloyds export, newest first, crediting each file's total the next day. */
  const statement = (() => {
    const credits = files.map((f) => ({ day: '02/12/2026', text: f.channel === 'ALLPAY' ? 'ALLPAY LTD SETTLEMENT' : 'CASH OFFICE BANKING', amount: f.total }));
    let balance = 0;
    const lines = credits.map((c) => {
      balance += c.amount;
      return `${c.day},BGC,'30-94-57,12345678,${c.text},,${formatPence(c.amount)},${formatPence(toPence(balance))}`;
    });
    return { text: `Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\r\n${lines.reverse().join('\r\n')}\r\n`, file: 's.csv' };
  })();

  async function ledgerOf() {
    const ledger = memoryLedgerPort(EMPTY_LEDGER);
    for (const f of files) {
      const imp = await importPaymentFile({ text: f.text, fileName: f.fileName, profile: profile(f.format), settlement: null }, rollOf(DEFAULT_CONFIG).roll, ledger, NOW, DEFAULT_CONFIG);
      if (!imp.ok) throw new Error(imp.problems.join('; '));
      await ledger.recordImport(imp.entry);
    }
    return ledger.ledger().entries;
  }

  it('agrees settlements credited in full, starting the receipts a lag before the first credit', async () => {
    const run = runCashBalance({ statement, profile: profile(DEFAULT_STATEMENT_PROFILE), ledger: await ledgerOf(), asOf: '2026-12-10' as IsoDate, from: null, carried: null, channels: null, config: DEFAULT_CONFIG });
    if (!run.ok) throw new Error(run.problems.join('; '));
    expect(run.result.rows.map((r) => [r.channel, r.status])).toEqual([['ALLPAY', 'agreed'], ['CASH', 'agreed']]);
    expect(run.from).toBe('2026-11-27');
    expect(run.csv.split('\r\n')[0]).toBe('Channel,Date,Batch Refs,Receipts Posted,Credited,Difference,Status,Credit Date,Credit,Age (days),Brought Forward');
    expect(run.csv).toBe(cashBalanceCsv(run.result));
  });

  it('the channels given replace the config’s; a carried balancing on or after the as-of day is refused', async () => {
    const base = { statement, profile: profile('lloyds'), ledger: await ledgerOf(), asOf: '2026-12-10' as IsoDate, from: null, config: DEFAULT_CONFIG };
    const cashOnly = runCashBalance({ ...base, carried: null, channels: ['CASH'] });
    expect(cashOnly.ok && cashOnly.result.rows.map((r) => r.channel)).toEqual(['CASH']);
    const late = runCashBalance({ ...base, carried: { asOf: '2026-12-10' as IsoDate, items: [] }, channels: null });
    expect(!late.ok && late.summary).toBe('the carried items are as of 2026-12-10; balance a later day');
  });
});

describe('one config for every job', () => {
  it('reads the balance-cash command’s own file into cashBalance, and refuses a key given in both places', () => {
    expect(configOf({ nearTolerancePercent: 3, channels: ['ALLPAY'] }).cashBalance).toMatchObject({ nearTolerancePercent: 3, channels: ['ALLPAY'], individual: 'BANK' });
    expect(configOf({ cashBalance: { nearTolerancePercent: 3 } }).cashBalance.nearTolerancePercent).toBe(3);
    expect(configOf({ endedTenancies: 'post' }).payments.endedTenancies).toBe('post');
    expect(parseConfig({ nearTolerancePercent: 3, cashBalance: {} })).toEqual({ ok: false, problems: ['nearTolerancePercent: give it once, as cashBalance.nearTolerancePercent'] });
    expect(parseConfig({ payments: { endedTenancies: 'never' } })).toMatchObject({ ok: false, problems: ['payments.endedTenancies: expected "suspense" or "post"'] });
    expect(DEFAULT_CONFIG.payments.endedTenancies).toBe('suspense');
  });

  it('amounts and channel lists as people type them', () => {
    expect(parseAmountInput('£1,234.50')).toBe(123450);
    expect(parseAmountInput(' 12 ')).toBe(1200);
    expect(parseAmountInput('12.345')).toBeNull();
    expect(parseChannelList('allpay, CASH')).toEqual(['ALLPAY', 'CASH']);
    expect(parseChannelList('ALLPAY,RENT')).toBeNull();
    expect(parseChannelList(' , ')).toBeNull();
  });
});
