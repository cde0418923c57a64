/**
 * UK bank details checked by the Pay.UK modulus rules ("Validating account numbers - UK modulus
 * checking", v7.x): standard modulus 10, modulus 11 and double alternate over the 14 digits of sort
 * code and account number (u v w x y z a b c d e f g h), with exceptions 1 to 14 and exception 5's
 * sort-code substitution table. A pass only says the pair could exist; a sort code the weight table
 * does not list cannot be checked and is accepted, as the specification says.
 *
 * Positions: u..z are the sort code (index 0-5), a..h the account number (index 6-13).
 */
import { rowsFor, type ModulusTables, type WeightRow } from './modulus-data';

export interface BankCheck {
  /** The sort code as 6 digits, or the text given when it could not be read. */
  readonly sortCode: string;
  /** The account number as 8 digits, or the text given when it could not be read. */
  readonly account: string;
  readonly valid: boolean;
  readonly reason: string;
}

const A = 6;
const B = 7;
const C = 8;
const G = 12;
const H = 13;

/** Exception 2's substitute weights: a != 0 and g != 9, and a != 0 and g = 9. */
const EXC2_WEIGHTS = [0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1];
const EXC2_G9_WEIGHTS = [0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1];
/** Exception 8 runs the check as if the sort code were 090126; exception 9 as if it were 309634. */
const EXC8_SORT_CODE = '090126';
const EXC9_SORT_CODE = '309634';

/** Sort code: 6 digits, with or without dashes or spaces. */
export function normaliseSortCode(text: string): string | null {
  const s = text.trim().replace(/[-\s]/g, '');
  return /^\d{6}$/.test(s) ? s : null;
}

/**
 * Account number: 8 digits; 6 or 7 digits are padded with leading zeros as the specification's
 * non-standard account numbers section says. 9 and 10 digit numbers (some building societies and
 * banks) need the bank's own translation and are refused: a Bacs record holds 8 digits.
 */
export function normaliseAccount(text: string): string | null {
  const s = text.trim().replace(/[-\s]/g, '');
  return /^\d{6,8}$/.test(s) ? s.padStart(8, '0') : null;
}

function digitsOf(text: string): number[] {
  return [...text].map(Number);
}

/** One check: one row of the weight table, on the sort code and account given (after any substitution). */
function runCheck(row: WeightRow, sortCode: string, account: string): boolean {
  const d = digitsOf(sortCode + account);
  let w = [...row.weights];
  const g = d[G] as number;
  if (row.exception === 2 && d[A] !== 0) w = g === 9 ? [...EXC2_G9_WEIGHTS] : [...EXC2_WEIGHTS];
  // Exception 7: g = 9 zeroises u to b. Exception 10: ab = 09 or 99 and g = 9 does the same.
  const ab = `${d[A] as number}${d[B] as number}`;
  if ((row.exception === 7 && g === 9) || (row.exception === 10 && (ab === '09' || ab === '99') && g === 9)) {
    for (let i = 0; i <= B; i++) w[i] = 0;
  }
  let total = 0;
  for (let i = 0; i < 14; i++) {
    const p = (d[i] as number) * (w[i] as number);
    // Double alternate adds the digits of each product (16 counts as 1 + 6).
    total += row.algorithm === 'DBLAL' ? Math.floor(p / 10) + (p % 10) : p;
  }
  if (row.exception === 1) total += 27;
  const h = d[H] as number;
  switch (row.algorithm) {
    case 'MOD11': {
      const rem = total % 11;
      if (row.exception === 4) return rem === g * 10 + h;
      if (row.exception === 5) return rem === 0 ? g === 0 : rem !== 1 && 11 - rem === g;
      return rem === 0;
    }
    case 'MOD10':
    case 'DBLAL': {
      const rem = total % 10;
      if (row.exception === 5) return rem === 0 ? h === 0 : 10 - rem === h;
      return rem === 0;
    }
    default: {
      const never: never = row.algorithm;
      throw new Error(`unknown modulus algorithm ${String(never)}`);
    }
  }
}

/** The sort code a row's calculation uses: exception 5's table, exception 8's and 9's fixed codes. */
function calcSortCode(row: WeightRow, sortCode: string, tables: ModulusTables): string {
  if (row.exception === 8) return EXC8_SORT_CODE;
  if (row.exception === 9) return EXC9_SORT_CODE;
  if (row.exception === 5) return tables.substitutions.get(sortCode) ?? sortCode;
  return sortCode;
}

function check(row: WeightRow, sortCode: string, account: string, tables: ModulusTables): boolean {
  return runCheck(row, calcSortCode(row, sortCode, tables), account);
}

function describeRows(rows: readonly WeightRow[]): string {
  return rows.map((r) => (r.exception ? `${r.algorithm} exception ${r.exception}` : r.algorithm)).join(', ');
}

/** Checks one sort code and account number; malformed input is a result with valid false and the reason. */
export function checkBankDetails(tables: ModulusTables, sortCodeText: string, accountText: string): BankCheck {
  const sortCode = normaliseSortCode(sortCodeText);
  const account = normaliseAccount(accountText);
  if (sortCode === null) return { sortCode: sortCodeText.trim(), account: account ?? accountText.trim(), valid: false, reason: 'the sort code must be 6 digits (dashes allowed)' };
  if (account === null) return { sortCode, account: accountText.trim(), valid: false, reason: 'the account number must be 6 to 8 digits' };
  const verdict = (valid: boolean, reason: string): BankCheck => ({ sortCode, account, valid, reason });
  const rows = rowsFor(tables, sortCode);
  const [first, second] = rows;
  if (first === undefined) return verdict(true, 'sort code not in the modulus table: it cannot be checked, so it is accepted');
  const d = digitsOf(sortCode + account);
  // Exception 6: a = 4-8 and g = h marks a foreign currency account, which the checks cannot test.
  if (first.exception === 6 && (d[A] as number) >= 4 && (d[A] as number) <= 8 && d[G] === d[H]) return verdict(true, 'foreign currency account (exception 6): not checkable, accepted');
  const what = describeRows(rows);
  const pass = verdict(true, `passes the modulus check (${what})`);
  const fail = verdict(false, `fails the modulus check (${what})`);
  const r1 = check(first, sortCode, account, tables);
  if (second === undefined) {
    if (r1) return pass;
    // Exception 14: a failing account whose h is 0, 1 or 9 is checked again shifted right with a leading 0.
    if (first.exception === 14 && [0, 1, 9].includes(d[H] as number)) return check(first, sortCode, `0${account.slice(0, 7)}`, tables) ? pass : fail;
    return fail;
  }
  // Exceptions 2 & 9, 10 & 11, 12 & 13: the account is valid when either check passes.
  const either = (first.exception === 2 && second.exception === 9) || (first.exception === 10 && second.exception === 11) || (first.exception === 12 && second.exception === 13);
  if (either) return r1 || check(second, sortCode, account, tables) ? pass : fail;
  // Exception 3: c = 6 or 9 skips the second (double alternate) check.
  if (second.exception === 3 && (d[C] === 6 || d[C] === 9)) return r1 ? pass : fail;
  // Otherwise, exception 5 included, both checks must pass.
  return r1 && check(second, sortCode, account, tables) ? pass : fail;
}
