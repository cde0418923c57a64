/**
 * Issue 10 case 3 / item 3: the duplicate-payment key is built on what a payment means, so a
 * re-keyed re-send (card number with a space, refs without their leading zeros, other spacing or
 * punctuation) is refused, naming the original file; ledgers written with the older keys still
 * refuse their own files.
 */
import type { IsoDate } from '../../src/engine/dates';
import type { Pence } from '../../src/engine/money';
import { RollIndex } from '../../src/engine/payments/allocate-payments';
import { appendToLedger, EMPTY_LEDGER, legacyPaymentKeys, type ImportLedger } from '../../src/engine/payments/import-ledger';
import { describePaymentIssue } from '../../src/engine/payments/payment-issues';
import { processPaymentFile, type PaymentRun } from '../../src/engine/payments/process-payment-file';
import { SHIPPED_PROFILES, type ImportProfile } from '../../src/engine/payments/profile';
import { generatePaymentFile } from '../../tools/sample/payment-files';
import { generatedRoll } from '../support/payment-roll';

const roll = generatedRoll();
const index = new RollIndex(roll);
const allpay = SHIPPED_PROFILES.get('allpay') as ImportProfile;
const file = generatePaymentFile(roll, { seed: 77, format: 'allpay', date: '2026-12-08' as IsoDate, lines: 57, unallocatable: 0.05 });

function run(text: string, name: string, ledger: ImportLedger): PaymentRun {
  return processPaymentFile({ text, fileName: name, profile: allpay, settlement: null, importedAt: '2026-12-08T10:00:00.000Z' }, index, ledger);
}

function first(): ImportLedger {
  const r = run(file.text, 'allpay-0812.csv', EMPTY_LEDGER);
  if (!r.ok) throw new Error(`the generated file is refused: ${r.issues.map(describePaymentIssue).join('; ')}`);
  return appendToLedger(EMPTY_LEDGER, r.entry);
}

/** Each payment row of the Allpay file changed by `f` (the trailer kept). */
function rekey(f: (card: string, ref: string) => [string, string]): string {
  return file.text
    .split(/\r?\n/)
    .map((l) => {
      const cells = l.split(',');
      if (cells[3] !== 'D') return l;
      const [card, ref] = f(cells[0] ?? '', cells[1] ?? '');
      return [card, ref, ...cells.slice(2)].join(',');
    })
    .join('\r\n');
}

const errors = (r: PaymentRun): string[] => r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue);

describe('a re-keyed re-send is refused', () => {
  const ledger = first();
  it.each([
    ['the card number written with a space', (card: string, ref: string): [string, string] => [`${card.slice(0, 4)} ${card.slice(4)}`, ref]],
    ["the refs' leading zeros dropped", (card: string, ref: string): [string, string] => [card, ref.trim().replace(/^0+/, '')]],
    ['refs with hyphens and no padding', (card: string, ref: string): [string, string] => [card, ref.trim().replace(/^(\d{4})/, '$1-')]],
  ])('%s: every payment is refused, naming the original file and its place there', (_what, f) => {
    const text = rekey(f);
    expect(text).not.toBe(file.text);
    const r = run(text, 'allpay-0812-resend.csv', ledger);
    expect(r.ok).toBe(false);
    const e = errors(r);
    expect(e).toHaveLength(file.count);
    expect(e[0]).toMatch(/allpay-0812-resend\.csv, line \d+: this payment .* was already imported from allpay-0812\.csv \(payment 1 of that file\)/);
  });

  it("another day's file is not refused", () => {
    const other = generatePaymentFile(roll, { seed: 78, format: 'allpay', date: '2026-12-09' as IsoDate, lines: 20 });
    expect(run(other.text, 'allpay-0912.csv', ledger).ok).toBe(true);
  });
});

describe('ledgers written with the older keys', () => {
  it('still refuse their own files: by the file hash, and each payment by its legacy key', () => {
    const r = run(file.text, 'allpay-0812.csv', EMPTY_LEDGER);
    if (!r.ok) throw new Error('refused');
    // An entry as an older version wrote it: legacy keys, and (to test the keys alone) another hash.
    const old = { ...r.entry, fileHash: 'f'.repeat(64), paymentKeys: legacyPaymentKeys(r.read.lines, 'ALLPAY') };
    const ledger = appendToLedger(EMPTY_LEDGER, old);
    const again = run(file.text.replace(/\r\n/g, '\n').replace(/\n$/, ''), 'allpay-0812-copy.csv', ledger);
    expect(errors(again)).toHaveLength(file.count);
    const same = run(file.text, 'allpay-0812.csv', appendToLedger(EMPTY_LEDGER, { ...old, fileHash: r.entry.fileHash }));
    expect(errors(same)).toEqual([expect.stringMatching(/already imported/)]);
    expect(r.entry.total as Pence).toBe(file.total);
  });
});
