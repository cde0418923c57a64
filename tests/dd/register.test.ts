/** The pane's register job: reading by header synonyms, the checks of every row, masking, status changes with who and why. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changeMandateStatus, maskedBank, readRegisterRows, registerCsvText, runDdRegisterCheck } from '../../src/engine/jobs/dd-register';
import { parseDayFirst, type IsoDate } from '../../src/engine/dates';

const readIsoDate = (t: string): IsoDate => parseDayFirst(t) as IsoDate;

const DD = join(__dirname, '..', '..', 'assets', 'dd');
const SHIPPED = {
  modulus: { valacdos: readFileSync(join(DD, 'valacdos-v7-90.txt'), 'utf8'), scsubtab: readFileSync(join(DD, 'scsubtab.txt'), 'utf8') },
  holidays: readFileSync(join(DD, 'bank-holidays-england-and-wales.txt'), 'utf8'),
};
const SAMPLE = readFileSync(join(DD, 'sample-mandates.csv'), 'utf8');

describe('the register the pane keeps', () => {
  it('reads the sample register with every row, and writes the same mandates back as CSV', () => {
    const { rows, problems } = readRegisterRows({ kind: 'csv', text: SAMPLE });
    expect(problems).toEqual([]);
    expect(rows.length).toBe(SAMPLE.trim().split('\n').length - 1);
    const again = readRegisterRows({ kind: 'csv', text: registerCsvText(rows) });
    expect(again.rows).toEqual(rows);
  });

  it('reads other header names (synonyms) and says which column is missing', () => {
    const ok = readRegisterRows({ kind: 'csv', text: 'Tenancy Ref,Payer,Sortcode,Account No,Mandate Reference,DD Amount,Freq,Day,Mandate Status,Date Lodged,Start Date\n123,A Payer,08-99-99,01110986,HL00000123,10.00,monthly,5,live,01/09/2026,15/10/2026\n' });
    expect(ok.rows[0]?.['Account Ref']).toBe('123');
    expect(ok.rows[0]?.['DDI Reference']).toBe('HL00000123');
    const bad = readRegisterRows({ kind: 'csv', text: 'Account Ref,Payer Name\n1,A\n' });
    expect(bad.problems[0]).toMatch(/no column Sort Code, Account Number, DDI Reference/);
  });

  it('finds each broken rule in its row: bad bank details, a DDI reference, notice too short; the good rows pass', () => {
    const { rows } = readRegisterRows({ kind: 'csv', text: SAMPLE });
    const good = rows[0]!;
    const edited = [
      good,
      { ...good, 'DDI Reference': 'DDIC123456', 'Account Ref': 'x1' },
      { ...good, 'DDI Reference': 'HL99999991', 'Account Number': '01110987' },
      { ...good, 'DDI Reference': 'HL99999992', 'Lodged On': '01/10/2026', 'First Collection': '05/10/2026' },
    ];
    const { checks, valid } = runDdRegisterCheck({ rows: edited, ...SHIPPED });
    expect(checks[0]?.problems).toEqual([]);
    expect(checks[1]?.problems.join(' ')).toMatch(/DDI Reference 'DDIC123456'/);
    expect(checks[2]?.problems.join(' ')).toMatch(/modulus check/);
    expect(checks[3]?.problems.join(' ')).toMatch(/too soon after lodging on 01\/10\/2026: the earliest is 15\/10\/2026/);
    expect(valid).toBe(1);
  });

  it('masks the bank details for the screen', () => {
    const { rows } = readRegisterRows({ kind: 'csv', text: SAMPLE });
    expect(maskedBank(rows[0]!)).toEqual({ sortCode: '**-**-99', account: '****0986' });
  });

  it('changes a status only with who and why; lodging dates Lodged On', () => {
    const { rows } = readRegisterRows({ kind: 'csv', text: SAMPLE });
    const row = { ...rows[0]!, Status: 'new', 'Lodged On': '' };
    const on = readIsoDate('2026-12-10');
    expect(changeMandateStatus(row, 'lodged', { by: 'Alex', why: '', on })).toEqual({ ok: false, refused: expect.stringMatching(/say why/) });
    expect(changeMandateStatus(row, 'new', { by: 'Alex', why: 'x', on })).toEqual({ ok: false, refused: 'the mandate is new already' });
    const done = changeMandateStatus(row, 'lodged', { by: 'Alex', why: 'paper DDI received', on });
    if (!done.ok) throw new Error(done.refused);
    expect(done.row.Status).toBe('lodged');
    expect(done.row['Lodged On']).toBe('10/12/2026');
    expect(done.change).toEqual({ reference: 'HL00100012', account: '00100012', from: 'new', to: 'lodged', on, by: 'Alex', why: 'paper DDI received' });
  });
});
