/**
 * Issue 10 case 13 / item 7 (part): payment files as banks and Excel really write them are read,
 * and what was tolerated is said; a settlement saved with a leading apostrophe still meets its
 * skip rule, so it never enters as a receipt.
 */
import { describePaymentIssue } from '../../src/engine/payments/payment-issues';
import { readPaymentFile } from '../../src/engine/payments/read-payment-file';
import { SHIPPED_PROFILES, type ImportProfile } from '../../src/engine/payments/profile';

const natwest = SHIPPED_PROFILES.get('natwest') as ImportProfile;
const cash = SHIPPED_PROFILES.get('cash-office') as ImportProfile;
const HEADER = 'Date,Type,Description,Value,Balance';
const BODY = ['01/12/2026,BGC,RENT 00100012,100.00,1100.00', "01/12/2026,BGC,'ALLPAY LTD SETTLEMENT 08/12,500.00,1600.00", '01/12/2026,BGC,="RENT 00100585",20.00,1620.00'];

const errors = (r: ReturnType<typeof readPaymentFile>): string[] => r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue);
const notes = (r: ReturnType<typeof readPaymentFile>): string => r.issues.filter((i) => i.severity === 'warning').map(describePaymentIssue).join('\n');

describe('payment files as they arrive', () => {
  it('a NatWest download starting with a blank line is read, and the blank line is said', () => {
    const r = readPaymentFile(['', HEADER, ...BODY].join('\r\n'), natwest, 'natwest.csv');
    expect(errors(r)).toEqual([]);
    expect(r.lines.map((l) => l.amount)).toEqual([10000, 2000]);
    expect(notes(r)).toMatch(/1 blank line\(s\) before the header were skipped/);
  });

  it("an Allpay settlement saved with a leading apostrophe is skipped, not read as a receipt; =\"...\" is unwrapped", () => {
    const r = readPaymentFile([HEADER, ...BODY].join('\n'), natwest, 'natwest.csv');
    expect(errors(r)).toEqual([]);
    expect(r.skipped).toBe(1);
    expect(r.lines.map((l) => l.narrative)).toEqual(['RENT 00100012', 'RENT 00100585']);
    expect(r.lines.map((l) => l.reference)).toEqual(['00100012', '00100585']);
  });

  it('a cash-office sheet with empty ,,,,, rows after its TOTAL, and a BOM, is read and both are said', () => {
    const text = `\ufeffCash office\nReceipt No,Date,Account Ref,Payer,Method,Amount\nR1,01/12/2026,00100012,A Ford,CASH,10.00\nTOTAL,1,,,,10.00\n,,,,,\n,,,,,\n`;
    const r = readPaymentFile(text, cash, 'cash.csv');
    expect(errors(r)).toEqual([]);
    expect(r.trailer?.count).toBe(1);
    expect(notes(r)).toMatch(/byte order mark.*; 2 empty row\(s\) at the end were ignored/);
  });
});
