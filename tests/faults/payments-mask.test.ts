/**
 * Issue 10 case 12 / item 6: bank and card details are masked in every output, after allocation,
 * never where the digits are an account ref the roll knows.
 */
import type { IsoDate } from '../../src/engine/dates';
import type { Pence } from '../../src/engine/money';
import type { Tenancy } from '../../src/engine/records';
import { RollIndex } from '../../src/engine/payments/allocate-payments';
import { EMPTY_LEDGER } from '../../src/engine/payments/import-ledger';
import { maskNarrative, passesLuhn } from '../../src/engine/payments/mask';
import { postingsCsv, suspenseCsv } from '../../src/engine/payments/payment-outputs';
import { previewImport, processPaymentFile } from '../../src/engine/payments/process-payment-file';
import { SHIPPED_PROFILES, type ImportProfile } from '../../src/engine/payments/profile';

const tenancy = (account: string, tenant: string): Tenancy => ({
  account, property: `P${account}`, tenant, address: '1 High Street', postcode: 'AB1 2CD', start: '2020-01-01' as IsoDate, end: null,
  weeklyCharge: 10000 as Pence, opening: 0 as Pence, closing: 0 as Pence, row: 2,
});
const ROLL = [tenancy('11016756', 'A Ford'), tenancy('00101887', 'B Khan'), tenancy('20481234', 'C Ellis')];
const KNOWN = new Set(['11016756', '101887', '20481234']);
const known = (d: string): boolean => KNOWN.has(d.replace(/^0+/, ''));

describe('maskNarrative: what must and must not be masked', () => {
  it.each([
    // [narrative, masked]
    ['4111 1111 1111 1111 J SMITH', '****1111 J SMITH'],
    ['CARD 4111111111111111', 'CARD ****1111'],
    ['CARD 4111-1111-1111-1111', 'CARD ****1111'],
    ['ACC 12345678 RENT', 'ACC ****5678 RENT'],
    ['A/C 12345678', 'A/C ****5678'],
    ['a/c no 87654321', 'a/c no ****4321'],
    ['J SMITH 30-94-57 12345678', 'J SMITH **-**-57 ****5678'],
    ['J SMITH 309457 12345678', 'J SMITH **-**-57 ****5678'],
    ['FROM 30-94-57', 'FROM **-**-57'],
    ['4929 1234 5678 1236 AND ACC 12345678', '****1236 AND ****5678'.replace('AND ', 'AND ACC ')],
  ])('%s -> %s', (text, masked) => {
    expect(maskNarrative(text, known)).toBe(masked);
  });

  it.each([
    // Account refs the roll knows stay in clear, with whatever stands before them.
    'PAYING IN 430375 11016756 A FORD',
    'CHQ 100234 00101887',
    'ACC 20481234 RENT',
    'A/C 11016756',
    // Digits that are not a card: they fail the Luhn check, or are too short or too long.
    'REF 4111111111111112',
    'BGC 123456789012',
    'INV 12345678901234567890123',
    'RENT 20481234 WEEK 49',
    'TEL 0161 496 0000',
  ])('%s stays in clear', (text) => {
    expect(maskNarrative(text, known)).toBe(text);
  });

  it('the Luhn check tells card numbers from other digits', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('79927398713')).toBe(true);
  });
});

describe('masking is an output step, after allocation', () => {
  const natwest = SHIPPED_PROFILES.get('natwest') as ImportProfile;
  const lines = [
    ['PAYING IN 430375 11016756 A FORD', '50.00'],
    ['BGC J SMITH 4111 1111 1111 1111', '20.00'],
    ['BGC ACC 12345678 NOREF', '10.00'],
  ];
  let balance = 1000;
  const text = ['Date,Type,Description,Value,Balance', ...lines.map(([d, v]) => `01/12/2026,BGC,${d},${v},${(balance += Number(v)).toFixed(2)}`)].join('\n');
  const opened = `Date,Type,Description,Value,Balance\n01/12/2026,BGC,OPENING,0.00,1000.00\n${text.split('\n').slice(1).join('\n')}\n`;

  it('a roll ref after a 6-digit number is read and shown in clear; card and account numbers are masked in the CSVs', () => {
    const r = processPaymentFile({ text: opened, fileName: 'natwest.csv', profile: natwest, settlement: null, importedAt: '2026-12-02T09:00:00Z' }, new RollIndex(ROLL), EMPTY_LEDGER);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = postingsCsv(r.allocation) + suspenseCsv(r.allocation, 'natwest.csv');
    expect(out).toContain('11016756');
    expect(out).not.toContain('**-**-75');
    expect(out).not.toMatch(/4111 1111 1111 1111|4111111111111111/);
    expect(out).toContain('****1111');
    expect(out).not.toContain('12345678');
    expect(out).toContain('ACC ****5678');
    // The payment is found by the ref the mask used to hide.
    expect(r.allocation.allocated.map((a) => a.account)).toContain('11016756');
  });

  it('the preview, before the roll is known, shows no card number in clear', () => {
    const p = previewImport(opened, natwest, { fileName: 'natwest.csv' });
    expect(p.lines.map((l) => l.narrative).join('\n')).not.toContain('4111 1111 1111 1111');
  });
});
