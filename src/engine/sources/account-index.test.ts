/**
 * The paths issue 12 made faster must answer as before: isBlank without trimming, the rent roll's
 * duplicate check (which now keeps each account's position), and the reconciliation using the
 * reader's account index instead of building its own.
 */
import fc from 'fast-check';
import { generateMonth } from '../../../tools/sample/generate';
import { isBlank, type RawCell, type SheetData } from '../cells';
import { DEFAULT_CONFIG, parseConfig } from '../config';
import { isoToSerial, monthPeriod, type IsoDate } from '../dates';
import { reconcile } from '../reconcile/reconcile';
import { runReconciliation } from '../run-reconciliation';
import { readSources } from './read-sources';

const d = (iso: string): number => isoToSerial(iso as IsoDate);
const ROLL_HEADER = ['Account Ref', 'Property Ref', 'Tenant Name', 'Address', 'Postcode', 'Start Date', 'End Date', 'Weekly Charge', 'Opening Balance', 'Closing Balance'];
const TX_HEADER = ['Date', 'Account Ref', 'Code', 'Amount', 'Batch Ref', 'Description'];
const GL_HEADER = ['Date', 'Account', 'Journal Ref', 'Source', 'Description', 'Debit', 'Credit'];

describe('isBlank', () => {
  it('is blank exactly when the text trims to nothing, whitespace of any kind included', () => {
    const chars = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', 'a', 'Z', '0', '~', '£', 'é', '!', '\u007f');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        expect(isBlank(text)).toBe(text.trim() === '');
      }),
    );
  });

  it('null and undefined are blank; numbers, booleans and errors are not', () => {
    expect([null, undefined, 0, false, { error: '#N/A' }].map((c) => isBlank(c as RawCell))).toEqual([true, true, false, false, false]);
  });
});

describe('the rent roll duplicate check', () => {
  const workbook = (roll: RawCell[][]): SheetData[] => [
    { name: 'Rent Roll', originRow: 1, originCol: 1, rows: [ROLL_HEADER, ...roll] },
    { name: 'Transactions', originRow: 1, originCol: 1, rows: [TX_HEADER, [d('2026-12-07'), 'A1', 'RENT', 100, 'DR1', '']] },
    { name: 'GL', originRow: 1, originCol: 1, rows: [GL_HEADER, [d('2026-12-01'), '1100', 'J1', 'OPENING', 'b/f', 10, null]] },
  ];
  const good = (account: string): RawCell[] => [account, 'P', 'T', '', '', d('2020-01-06'), null, 100, 0, 0];
  const duplicates = (roll: RawCell[][]): string[] =>
    readSources('b.xlsx', workbook(roll), DEFAULT_CONFIG)
      .issues.filter((i) => i.code === 'ref.duplicate')
      .map((i) => `${i.location.a1} first at ${i.detail.firstRow}`);

  it('names the first row of the account, whether or not that row could be read', () => {
    const badDate: RawCell[] = ['A2', 'P', 'T', '', '', 'not a date', null, 100, 0, 0];
    expect(duplicates([good('A1'), badDate, good('A1'), good('A2'), good('A1')])).toEqual([
      "'Rent Roll'!A4 first at 2",
      "'Rent Roll'!A5 first at 3",
      "'Rent Roll'!A6 first at 2",
    ]);
  });

  it('finds a repeat after a run of accounts in order, and rows out of order after it', () => {
    expect(duplicates([good('A1'), good('A2'), good('A3'), good('A2'), good('A0'), good('A3'), good('A4'), good('A0')])).toEqual([
      "'Rent Roll'!A5 first at 3",
      "'Rent Roll'!A7 first at 4",
      "'Rent Roll'!A9 first at 6",
    ]);
  });

  it('a roll with a repeated account is refused before reconciling', () => {
    const p = monthPeriod('2026-12');
    if (!p) throw new Error('period');
    const run = runReconciliation({ file: 'b.xlsx', sheets: workbook([good('A1'), good('A1')]) }, { period: { label: '2026-12', ...p }, config: DEFAULT_CONFIG });
    expect(run.ok).toBe(false);
  });
});

describe("the reconciliation with the reader's account index", () => {
  it('gives the same result as with the index it builds itself, strays and stripped leading zeros included', () => {
    const month = generateMonth({ seed: 12, accounts: 400, period: '2026-11' });
    const tx = month.sheets.find((s) => s.role === 'transactions');
    if (!tx) throw new Error('no transactions');
    const iAcc = (tx.rows[tx.headerRow - 1] ?? []).indexOf('Account Ref');
    // A posting to an account without its leading zeros, and one to an account not on the roll.
    const [r1, r2] = [tx.rows[tx.headerRow + 10], tx.rows[tx.headerRow + 20]];
    if (!r1 || !r2) throw new Error('rows');
    r1[iAcc] = String(r1[iAcc]).replace(/^0+/, '');
    r2[iAcc] = 'NOT-ON-ROLL';
    const sheets: SheetData[] = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
    const parsed = parseConfig(month.config);
    const p = monthPeriod('2026-11');
    if (!parsed.ok || !p) throw new Error('config');
    const options = { period: { label: '2026-11', ...p }, config: parsed.config };

    const run = runReconciliation({ file: 'm.xlsx', sheets }, options);
    if (!run.ok || !run.sources.rentRoll || !run.sources.transactions || !run.sources.gl) throw new Error('the month did not reconcile');
    expect(run.sources.rentRoll.accountIndex?.size).toBe(400);
    const own = reconcile(
      { rentRoll: run.sources.rentRoll.records, postings: run.sources.transactions.records, gl: run.sources.gl.records, suspense: run.sources.suspense?.records ?? [] },
      options,
    );
    expect(run.result.accountExceptions).toEqual(own.accountExceptions);
    expect(run.result.accountExceptions.some((e) => e.account === 'NOT-ON-ROLL')).toBe(true);
    expect({ ...run.result, issues: [] }).toEqual({ ...own, issues: [] });
  });
});
