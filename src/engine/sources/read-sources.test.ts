import { periodToOffer } from './guess-period';
import type { RawCell, SheetData } from '../cells';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../config';
import { isoToSerial, type IsoDate } from '../dates';
import { describeIssue } from '../messages';
import { parseAmountText } from './cell-reader';
import { assignRoles, detectSheet } from './detect';
import { readSources } from './read-sources';

const d = (iso: string): number => isoToSerial(iso as IsoDate);
const sheet = (name: string, rows: RawCell[][], originRow = 1, originCol = 1): SheetData => ({ name, rows, originRow, originCol });

const ROLL_HEADER = ['Account Ref', 'Property Ref', 'Tenant Name', 'Address', 'Postcode', 'Start Date', 'End Date', 'Weekly Charge', 'Opening Balance', 'Closing Balance'];
const TX_HEADER = ['Date', 'Account Ref', 'Code', 'Amount', 'Batch Ref', 'Description'];
const GL_HEADER = ['Date', 'Account', 'Journal Ref', 'Source', 'Description', 'Debit', 'Credit'];

function workbook(overrides: { roll?: RawCell[][]; tx?: RawCell[][]; gl?: RawCell[][] } = {}): SheetData[] {
  return [
    sheet('Rent Roll', overrides.roll ?? [ROLL_HEADER, ['00012345', 'P1', 'Jane Smith', '1 High St', 'AB1 2CD', d('2020-01-06'), null, 100, 10, 10]]),
    sheet('Transactions', overrides.tx ?? [TX_HEADER, [d('2026-12-07'), '00012345', 'RENT', 100, 'DR1', 'Debit']]),
    sheet('GL', overrides.gl ?? [GL_HEADER, [d('2026-12-01'), '1100', 'J1', 'OPENING', 'b/f', 10, null]]),
  ];
}

describe('amount text', () => {
  it.each([
    ['1234.5', 123450],
    ['£1,234.50', 123450],
    ['-£12.00', -1200],
    ['£-12.00', -1200],
    ['(123.45)', -12345],
    ['123.45 CR', -12345],
    ['123.45CR', -12345],
    ['123.45 DR', 12345],
    ['(123.45) CR', 12345],
    [' 7 ', 700],
    ['.5', 50],
    ['0', 0],
  ])('%p is %p pence', (text, pence) => expect(parseAmountText(text)).toBe(pence));

  it.each([
    ['abc', null],
    ['1,23.00', null],
    ['12.3.4', null],
    ['£', null],
    ['1.005', 'too-many-decimals'],
    ['£1,234.567', 'too-many-decimals'],
  ])('%p is refused as %p', (text, outcome) => expect(parseAmountText(text)).toBe(outcome));
});

describe('sheet recognition', () => {
  it('finds the header below title rows, whatever the case and punctuation', () => {
    const s = sheet('Export', [['Oak Tree HA: rent transactions'], [], ['TRANS DATE', 'tenancy ref.', 'Tran Code', 'Value', 'Batch No', 'Narrative'], [d('2026-12-07'), '1', 'RENT', 1, 'B', '']]);
    const best = detectSheet(s).find((x) => x.role === 'transactions');
    expect(best?.complete).toBe(true);
    expect(best?.headerRow).toBe(3);
    expect(best?.columns.get('amount')).toEqual({ col: 4, header: 'Value' });
  });

  it('recognises sheets by headers, not names, in any column order with extra columns', () => {
    const gl = sheet('Sheet3', [['Patch', 'Cr', 'Dr', 'Nominal Code', 'Journal No', 'Source', 'Posting Date']]);
    const a = assignRoles('f.xlsx', [...workbook().slice(0, 2), gl]);
    expect(a.detections.get('gl')?.sheet).toBe('Sheet3');
    expect(a.detections.get('gl')?.columns.get('debit')?.col).toBe(3);
    expect(a.issues).toEqual([]);
  });

  it('names the missing column with file, sheet, row and column', () => {
    const tx = [['Date', 'Account Ref', 'Code', 'Batch Ref'], [d('2026-12-07'), '1', 'RENT', 'B']];
    const s = readSources('book.xlsx', workbook({ tx }), DEFAULT_CONFIG);
    const missing = s.issues.filter((i) => i.code === 'column.missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.location).toMatchObject({ file: 'book.xlsx', sheet: 'Transactions', row: 1, column: 'E', header: 'Amount' });
    expect(describeIssue(missing[0]!)).toMatch(/book\.xlsx, sheet 'Transactions', row 1, column E \(Amount\): .*no column for Amount/);
    expect(s.transactions).toBeNull();
  });

  it('an ambiguous role is an error that asks the user to choose', () => {
    const s = readSources('b.xlsx', [...workbook(), { ...workbook()[2]!, name: 'GL copy' }], DEFAULT_CONFIG);
    expect(s.issues.map((i) => i.code)).toContain('role.ambiguous');
    const cfg = parseConfig({ sheets: { gl: 'GL copy' } });
    expect(cfg.ok && readSources('b.xlsx', [...workbook(), { ...workbook()[2]!, name: 'GL copy' }], cfg.config).issues).toEqual([]);
  });

  it('a column override by header or letter wins over the synonyms', () => {
    const tx = [['Date', 'Account Ref', 'Code', 'Amount', 'Gross', 'Batch Ref'], [d('2026-12-07'), '00012345', 'RENT', 1, 100, 'DR1']];
    const cfg = parseConfig({ columns: { transactions: { amount: 'Gross' } } });
    if (!cfg.ok) throw new Error('config');
    expect(readSources('b.xlsx', workbook({ tx }), cfg.config).transactions?.records[0]?.amount).toBe(10000);
    const byLetter = parseConfig({ columns: { transactions: { amount: 'E' } } }) as { ok: true; config: LedgerConfig };
    expect(readSources('b.xlsx', workbook({ tx }), byLetter.config).transactions?.records[0]?.amount).toBe(10000);
  });
});

describe('reading cells', () => {
  const rows: [string, RawCell, string | null][] = [
    ['a text amount', 'ten pounds', 'amount.not-number'],
    ['a third decimal', 12.345, 'amount.too-many-decimals'],
    ['#N/A', { error: '#N/A' }, 'cell.error'],
    ['a blank amount', null, 'amount.blank'],
    ['a formatted amount', '£1,000.00', null],
  ];
  it.each(rows)('a transaction with %s', (_name, amount, code) => {
    const tx = [TX_HEADER, [d('2026-12-07'), '00012345', 'RENT', amount, 'DR1', '']];
    const s = readSources('b.xlsx', workbook({ tx }), DEFAULT_CONFIG);
    const errors = s.issues.filter((i) => i.severity === 'error');
    if (code === null) expect(errors).toEqual([]);
    else {
      expect(errors.map((i) => i.code)).toEqual([code]);
      expect(errors[0]?.location).toMatchObject({ sheet: 'Transactions', row: 2, column: 'D', header: 'Amount', a1: "'Transactions'!D2" });
    }
  });

  it.each([
    ['31/13/2026', 'date.invalid'],
    ['29/02/2026', 'date.invalid'],
    [{ error: '#VALUE!' }, 'cell.error'],
    [null, 'date.blank'],
    ['07/12/2026', null],
    [d('2026-12-07'), null],
  ] as [RawCell, string | null][])('a posting dated %p', (date, code) => {
    const tx = [TX_HEADER, [date, '00012345', 'RENT', 100, 'DR1', '']];
    const s = readSources('b.xlsx', workbook({ tx }), DEFAULT_CONFIG);
    expect(s.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(code ? [code] : []);
    if (!code) expect(s.transactions?.records[0]?.date).toBe('2026-12-07');
  });

  it('collects every problem in one pass, each located', () => {
    const tx = [
      TX_HEADER,
      ['31/13/2026', '00012345', 'RENT', 'x', 'DR1', ''],
      [d('2026-12-07'), null, 'ZZZ', 1.001, 'DR1', ''],
      [d('2026-12-07'), '00012345', 'RENT', 100, 'DR1', ''],
    ];
    const roll = [ROLL_HEADER, ['1', 'P1', 'A', '', '', d('2020-01-06'), null, 1, 0, 0], ['1', 'P2', 'B', '', '', d('2020-01-06'), null, 1, 0, 0]];
    const s = readSources('b.xlsx', workbook({ tx, roll }), DEFAULT_CONFIG);
    expect(s.issues.map((i) => `${i.code}@${i.location.a1}`).sort()).toEqual(
      [
        "amount.not-number@'Transactions'!D2",
        "amount.too-many-decimals@'Transactions'!D3",
        "code.unknown@'Transactions'!C3",
        "date.invalid@'Transactions'!A2",
        "ref.blank@'Transactions'!B3",
        "ref.duplicate@'Rent Roll'!A3",
      ].sort(),
    );
  });

  it('keeps leading zeros, reads a GL account stored as a number, and skips blank and totals rows', () => {
    const gl = [GL_HEADER, [d('2026-12-01'), 1100, 'J1', 'OPENING', '', 10, null], [], [null, null, null, null, 'Total', 10, 0]];
    const s = readSources('b.xlsx', workbook({ gl }), DEFAULT_CONFIG);
    expect(s.rentRoll?.records[0]?.account).toBe('00012345');
    expect(s.gl?.records.map((l) => l.account)).toEqual(['1100']);
    expect(s.gl?.rowCount).toBe(1);
    expect(s.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('maps a landlord code onto a category, in the Code column and the GL Source', () => {
    const cfg = parseConfig({ codes: { RNT: 'RENT', bgc: 'BANK' } }) as { ok: true; config: LedgerConfig };
    const tx = [TX_HEADER, [d('2026-12-07'), '00012345', 'rnt', 100, 'DR1', ''], [d('2026-12-08'), '00012345', 'BGC', -5, 'B1', '']];
    const gl = [GL_HEADER, [d('2026-12-07'), '1100', 'J', 'RNT', '', 100, null]];
    const s = readSources('b.xlsx', workbook({ tx, gl }), cfg.config);
    expect(s.transactions?.records.map((p) => p.category)).toEqual(['RENT', 'BANK']);
    expect(s.gl?.records[0]?.category).toBe('RENT');
  });

  it('an end date before the start is an error', () => {
    const roll = [ROLL_HEADER, ['1', 'P1', 'A', '', '', '06/01/2025', '01/01/2025', 1, 0, 0]];
    expect(readSources('b.xlsx', workbook({ roll }), DEFAULT_CONFIG).issues.map((i) => i.code)).toContain('date.end-before-start');
  });

  it('an empty workbook says so', () => {
    expect(readSources('b.xlsx', [sheet('Sheet1', [])], DEFAULT_CONFIG).issues.map((i) => i.code)).toContain('workbook.empty');
  });
});

describe('config', () => {
  it('refuses a rent year start that is not a Monday, and unknown keys', () => {
    const r = parseConfig({ rentYearStart: '2026-04-07', colour: 'red' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/rentYearStart: not a Monday/);
  });
  it('a rent year start that is not a date is reported, not thrown', () => {
    const r = parseConfig({ rentYearStart: 'soon' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(['rentYearStart: not a date (YYYY-MM-DD or dd/mm/yyyy)']);
  });
  it('accepts a GL account code given as a number', () => {
    const r = parseConfig({ glControlAccount: 1100, rentFreeWeeks: ['21/12/2026', '2026-12-28'] });
    expect(r.ok && r.config.glControlAccount).toBe('1100');
    expect(r.ok && r.config.rentFreeWeeks).toEqual(['2026-12-21', '2026-12-28']);
  });
});

describe('the period the Settings step offers', () => {
  it('is the month before today when the workbook gives no postings to guess from', () => {
    expect(periodToOffer([], '2026-12-06' as IsoDate)).toBe('2026-11');
    expect(periodToOffer([], '2027-01-15' as IsoDate)).toBe('2026-12');
  });
});
