/**
 * Issue 10 case 13 / item 7: a payment file's encoding is found and named (UTF-8 with or without a
 * BOM, Windows-1252 as Excel's plain "CSV" writes it, UTF-16 with a BOM or without), a file no
 * encoding reads is refused saying so (never decoded into `Zo� Thompson-M�ller`), and the date
 * forms banks write are read when they cannot be misread. A password-protected workbook is named.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, describeEncoding } from '../../src/engine/payments/decode-text';
import { describePaymentIssue } from '../../src/engine/payments/payment-issues';
import { SHIPPED_PROFILES, type ImportProfile } from '../../src/engine/payments/profile';
import { readPaymentFile } from '../../src/engine/payments/read-payment-file';
import { notXlsxFileMessage, notXlsxKind } from '../../src/workbook/xlsx/not-xlsx';
import { cfbFile } from '../support/cfb';
import { runCli, tempDir } from '../support/generated';

const cash = SHIPPED_PROFILES.get('cash-office') as ImportProfile;
const natwest = SHIPPED_PROFILES.get('natwest') as ImportProfile;
const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample-workbook.xlsx');

const CASH_TEXT = 'Cash office\r\nReceipt No,Date,Account Ref,Payer,Method,Amount\r\nR1,01/12/2026,00100012,Zoë Thompson-Müller,CASH,"£1,291.41"\r\nR2,01/12/2026,00100585,Siân Ó Briain,CASH,£8.59\r\nTOTAL,2,,,,"£1,300.00"\r\n';

/** Windows-1252 bytes of a text holding only Latin-1 characters (all this test needs). */
const cp1252 = (t: string): Uint8Array => Uint8Array.from([...t].map((c) => c.charCodeAt(0)));
const utf16 = (t: string, le: boolean, bom: boolean): Uint8Array => {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < t.length; i++) {
    const u = t.charCodeAt(i);
    out.push(...(le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return Uint8Array.from(out);
};
const utf8 = (t: string): Uint8Array => new Uint8Array(Buffer.from(t, 'utf8'));

describe('decodeText: every encoding a payment file arrives in is found and named', () => {
  it.each([
    ['UTF-8', utf8(CASH_TEXT)],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CASH_TEXT)])],
    ['Windows-1252', cp1252(CASH_TEXT)],
    ['UTF-16 LE', utf16(CASH_TEXT, true, true)],
    ['UTF-16 BE', utf16(CASH_TEXT, false, true)],
    ['UTF-16 LE without BOM', utf16(CASH_TEXT, true, false)],
    ['UTF-16 BE without BOM', utf16(CASH_TEXT, false, false)],
  ])('%s: the payers and £1,291.41 come out right', (encoding, bytes) => {
    const d = decodeText(bytes);
    expect(d.ok && d.encoding).toBe(encoding);
    if (!d.ok) return;
    const r = readPaymentFile(d.text, cash, 'cash.csv');
    expect(r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue)).toEqual([]);
    expect(r.lines.map((l) => [l.payer, l.amount])).toEqual([
      ['Zoë Thompson-Müller', 129141],
      ['Siân Ó Briain', 859],
    ]);
    expect(describeEncoding(d.encoding)).toContain(encoding.replace(/ with(out)? BOM/, ''));
  });

  it('Windows-1252 is named as Excel\u2019s plain CSV', () => {
    const d = decodeText(cp1252(CASH_TEXT));
    expect(d.ok && describeEncoding(d.encoding)).toMatch(/Windows-1252 \(Excel.s plain .CSV./);
  });

  it.each([
    ['bytes 1252 leaves undefined (0x81)', Uint8Array.from([...utf8('Date,Amount\n01/12/2026,'), 0x81, 0x31])],
    ['control characters (a binary file)', Uint8Array.from([0x01, 0x02, 0x03, 0xc3, 0x28, 0x00, 0x10])],
    ['a BOM followed by bytes that are not UTF-8', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42])],
    ['a UTF-16 BOM with an odd length', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42])],
  ])('%s: refused with the byte and what to do', (_name, bytes) => {
    const d = decodeText(bytes);
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.reason).toMatch(/byte|UTF-16|length/);
    expect(d.reason).toMatch(/CSV UTF-8/);
  });

  it('an .xlsx given as a payment file is named as a workbook', () => {
    const d = decodeText(new Uint8Array(readFileSync(SAMPLE)));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/zip file \(an Excel \.xlsx workbook\?\)/);
  });
});

describe('the CLI names the encoding and refuses what no encoding reads', () => {
  it('a cash-office file saved by Excel as plain CSV (Windows-1252): imported, named, payers right in suspense.csv', async () => {
    const dir = tempDir();
    const file = join(dir, 'cash-1252.csv');
    // Refs no account holds, so both lines go to suspense, where the payer is written out.
    writeFileSync(file, cp1252(CASH_TEXT.replace('00100012', '99999991').replace('00100585', '99999992')));
    const r = await runCli(['payments', file, '--profile', 'cash-office', '--accounts', SAMPLE, '--out', join(dir, 'out')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read as Windows-1252/);
    expect(r.stdout).toMatch(/2 payment\(s\), £1,300\.00/);
    const suspense = readFileSync(join(dir, 'out', 'suspense.csv'), 'utf8');
    expect(suspense).toContain('Zoë Thompson-Müller');
    expect(suspense).toContain('Siân Ó Briain');
    expect(suspense).not.toContain('\ufffd');
  });

  it('a UTF-16 file (Excel\u2019s Unicode Text) is named too', async () => {
    const dir = tempDir();
    const file = join(dir, 'cash-16.csv');
    writeFileSync(file, utf16(CASH_TEXT, true, true));
    const r = await runCli(['payments', file, '--profile', 'cash-office', '--accounts', SAMPLE, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read as UTF-16 LE with a byte order mark/);
  });

  it('a file no encoding reads: exit 2, located, nothing written', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, Uint8Array.from([...utf8('Cash office\nReceipt No,Date\nR1,'), 0x90, 0x8d]));
    const r = await runCli(['payments', file, '--profile', 'cash-office', '--accounts', SAMPLE, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csv: it is not text in any encoding this tool reads .*byte 32 \(0x90\)/);
    expect(r.stderr).toMatch(/nothing was imported or written/);
  });
});

describe('the date forms banks write', () => {
  const statement = (dates: string[]): string =>
    ['Date,Type,Description,Value,Balance', '01/12/2026,BGC,OPENING,0.00,1000.00'.replace('01/12/2026', dates[0] ?? ''), ...dates.slice(1).map((d, i) => `${d},BGC,RENT 0010001${i},10.00,${(1010 + i * 10).toFixed(2)}`)].join('\n');

  it.each([
    ['08 Dec 2026', '2026-12-08'],
    ['08-Dec-26', '2026-12-08'],
    ['8 December 2026', '2026-12-08'],
    ['2026-12-08', '2026-12-08'],
  ])('%p in a dd/mm/yyyy profile is read as %p', (form, iso) => {
    const r = readPaymentFile(statement([form, form, form]), natwest, 'natwest.csv');
    expect(r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue)).toEqual([]);
    expect(r.lines.map((l) => l.date)).toEqual([iso, iso]);
  });

  it('a two-digit year is read as 20yy and said', () => {
    const r = readPaymentFile(statement(['08-Dec-26', '08-Dec-26']), natwest, 'natwest.csv');
    expect(r.issues.map(describePaymentIssue).join('\n')).toMatch(/two-digit years were read as 20yy \(e\.g\. '08-Dec-26'\)/);
  });

  it.each([
    ['1 Junk 2026', /not a valid date/],
    ['31 Feb 2026', /not a valid date/],
    ['12/08/26', /not a valid date|mixing date formats/],
  ])('%p is refused, located', (form, message) => {
    const r = readPaymentFile(statement(['08 Dec 2026', form]), natwest, 'natwest.csv');
    const errors = r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue);
    expect(errors.join('\n')).toMatch(message);
    expect(errors.join('\n')).toMatch(/natwest\.csv, line 3, column 1 \(Date\)/);
  });

  it('one form per file: 08 Dec 2026 then 09/12/2026 is refused as mixed', () => {
    const r = readPaymentFile(statement(['08 Dec 2026', '08 Dec 2026', '09/12/2026']), natwest, 'natwest.csv');
    expect(r.issues.filter((i) => i.severity === 'error').map(describePaymentIssue).join('\n')).toMatch(/line 4, column 1 \(Date\): the date is written as .* but earlier lines use n a n \(line 2\)/);
  });
});

describe('a password-protected workbook is named as such', () => {
  it.each([
    ['a password-protected .xlsx', ['EncryptionInfo', 'EncryptedPackage'], /locked\.xlsx is password-protected: save a copy without a password/],
    ['a 97-2003 .xls', ['Workbook'], /locked\.xlsx is an Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/],
  ])('%s: exit 2 with what to do, not "not an Excel .xlsx workbook"', async (_name, streams, message) => {
    const dir = tempDir();
    const wb = join(dir, 'locked.xlsx');
    writeFileSync(wb, cfbFile(streams));
    for (const args of [['reconcile', wb, '--period', '2026-12'], ['payments', join(__dirname, '..', '..', 'assets', 'payments', 'allpay-20261201.csv'), '--profile', 'allpay', '--accounts', wb, '--out', join(dir, 'out')]]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/not an Excel \.xlsx workbook/);
    }
  });

  it('an ordinary .xlsx is not taken for one', async () => {
    expect(notXlsxKind(new Uint8Array(readFileSync(SAMPLE)))).toBeNull();
    expect(await notXlsxFileMessage(new Blob([readFileSync(SAMPLE)]))).toBeNull();
  });

  it('a file not yet read (the page\'s File) is told apart the same way', async () => {
    expect(await notXlsxFileMessage(new Blob([cfbFile(['EncryptionInfo', 'EncryptedPackage']) as Uint8Array<ArrayBuffer>]))).toMatch(/^is password-protected/);
    expect(await notXlsxFileMessage(new Blob([cfbFile(['Workbook']) as Uint8Array<ArrayBuffer>]))).toMatch(/^is an Excel 97-2003 workbook/);
  });
});

describe('every input has a size budget', () => {
  afterEach(() => {
    delete process.env.HL_TEST_INPUT_LIMIT;
  });

  it.each([
    ['the payment file', (f: string, cfg: string, dir: string) => ['payments', f, '--profile', 'allpay', '--accounts', SAMPLE, '--out', join(dir, 'out'), '--config', cfg], /allpay\.csv: the file is \d+ KB, more than a payment file may be \(1 KB\)/],
    ['the config', (f: string, cfg: string, dir: string) => ['payments', f, '--profile', 'allpay', '--accounts', SAMPLE, '--out', join(dir, 'out'), '--config', cfg], /cfg\.json: the file is \d+ KB, more than a config file may be/],
    ['the workbook', (f: string, _cfg: string, dir: string) => ['payments', f, '--profile', 'allpay', '--accounts', SAMPLE, '--out', join(dir, 'out')], /sample-workbook\.xlsx: the file is [\d.]+ (KB|MB), more than a workbook may be/],
  ])('%s over its budget: a located exit 2 before it is read, nothing written', async (what, args, message) => {
    const dir = tempDir();
    const f = join(dir, 'allpay.csv');
    const cfg = join(dir, 'cfg.json');
    // The payment file fits 1 KB only when the test is about something else.
    writeFileSync(f, what === 'the payment file' ? readFileSync(join(__dirname, '..', '..', 'assets', 'payments', 'allpay-20261201.csv')) : '9826849011001000124,00100012,1.00,D,01/12/2026\nT,1,1.00\n');
    writeFileSync(cfg, `{"payments":{}${' '.repeat(what === 'the config' ? 5000 : 0)}}`);
    // 1 KB for the payment file; the config's own budget is lowered the same way.
    process.env.HL_TEST_INPUT_LIMIT = what === 'the workbook' ? '4096' : what === 'the config' ? '2048' : '1024';
    const r = await runCli(args(f, cfg, dir));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
