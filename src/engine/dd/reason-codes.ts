/**
 * The Bacs reason codes of the reports that come back, with what each does to the mandate and what
 * a person must do. ARUDD (unpaid Direct Debits), ADDACS (amendments and cancellations from the
 * payer's bank) and AUDDIS (instructions rejected). The wording is the coordinator's, in one place.
 */

export type MandateEffect = 'cancel' | 'transfer' | 'reinstate' | 'none';

export interface ReasonCode {
  readonly code: string;
  readonly description: string;
  readonly effect: MandateEffect;
  /** What a person must do (actions.csv). */
  readonly todo: string;
}

const r = (code: string, description: string, effect: MandateEffect, todo: string): ReasonCode => ({ code, description, effect, todo });

export const ARUDD_REASONS: readonly ReasonCode[] = [
  r('0', 'REFER TO PAYER', 'none', 'contact the payer; the collection may be re-presented (18) once, within a month of its processing day'),
  r('1', 'INSTRUCTION CANCELLED', 'cancel', 'contact the payer: the Direct Debit was cancelled; arrange another way to pay'),
  r('2', 'PAYER DECEASED', 'cancel', "write to the tenant's estate or next of kin; review the tenancy"),
  r('3', 'ACCOUNT TRANSFERRED', 'none', 'contact the payer for the new bank details (an ADDACS should follow)'),
  r('4', 'ADVANCE NOTICE DISPUTED', 'none', 'contact the payer about the advance notice; do not re-present'),
  r('5', 'NO ACCOUNT', 'cancel', 'contact the payer: the bank details are wrong; ask for a new instruction'),
  r('6', 'NO INSTRUCTION', 'cancel', 'contact the payer: the bank holds no instruction; ask for a new one'),
  r('7', 'AMOUNT DIFFERS', 'none', 'contact the payer: the amount differs from the notice'),
  r('8', 'AMOUNT NOT YET DUE', 'none', 'contact the payer: collected before the date notified'),
  r('9', 'PRESENTATION OVERDUE', 'none', 'contact the payer: presented too late; collect by another way'),
  r('A', 'SERVICE USER DIFFERS', 'none', 'check the service user number and contact the payer'),
  r('B', 'ACCOUNT CLOSED', 'cancel', 'contact the payer: the account is closed; ask for a new instruction'),
];

export const ADDACS_REASONS: readonly ReasonCode[] = [
  r('0', 'INSTRUCTION CANCELLED - REFER TO PAYER', 'cancel', 'contact the payer: their bank cancelled the instruction'),
  r('1', 'INSTRUCTION CANCELLED BY PAYER', 'cancel', 'contact the payer: arrange another way to pay'),
  r('2', 'PAYER DECEASED', 'cancel', "write to the tenant's estate or next of kin; review the tenancy"),
  r('3', 'ACCOUNT TRANSFERRED', 'transfer', 'update the bank details from the ADDACS advice; do NOT send a 0C (the instruction moved with the account)'),
  r('B', 'ACCOUNT CLOSED', 'cancel', 'contact the payer: the account is closed; ask for a new instruction'),
  r('C', 'ACCOUNT TRANSFERRED TO A NEW BANK OR BRANCH', 'transfer', 'update the bank details from the ADDACS advice; do NOT send a 0C (the instruction moved with the account)'),
  r('D', 'ADVANCE NOTICE DISPUTED', 'none', 'contact the payer about the advance notice'),
  r('E', 'INSTRUCTION AMENDED', 'none', 'check the amended instruction details against the register'),
  r('R', 'INSTRUCTION RE-INSTATED', 'reinstate', 'the instruction is live again: resume collections after notice'),
];

export const AUDDIS_REASONS: readonly ReasonCode[] = [
  r('1', 'INSTRUCTION CANCELLED BY PAYER', 'cancel', 'contact the payer'),
  r('2', 'PAYER DECEASED', 'cancel', "write to the tenant's estate or next of kin"),
  r('3', 'ACCOUNT TRANSFERRED', 'cancel', 'contact the payer for the new bank details and lodge again'),
  r('5', 'NO ACCOUNT', 'cancel', 'contact the payer: the bank details are wrong'),
  r('6', 'NO INSTRUCTION', 'cancel', 'contact the payer'),
  r('B', 'ACCOUNT CLOSED', 'cancel', 'contact the payer for a new account'),
  r('C', 'ACCOUNT TRANSFERRED TO A NEW BRANCH', 'cancel', 'contact the payer for the new bank details and lodge again'),
  r('F', 'INVALID ACCOUNT TYPE', 'cancel', 'contact the payer: the account cannot take Direct Debits'),
  r('G', 'BANK WILL NOT ACCEPT DIRECT DEBITS ON ACCOUNT', 'cancel', 'contact the payer: the account cannot take Direct Debits'),
  r('H', 'INSTRUCTION HAS EXPIRED', 'cancel', 'contact the payer for a new instruction'),
  r('I', 'PAYER REFERENCE IS NOT UNIQUE', 'cancel', 'give the mandate a new DDI reference and lodge again'),
  r('K', 'INSTRUCTION CANCELLED BY PAYING BANK', 'cancel', 'contact the payer'),
  r('L', "INCORRECT PAYER'S ACCOUNT DETAILS", 'cancel', 'contact the payer: check the bank details and lodge again'),
  r('M', 'TRANSACTION CODE / USER STATUS INCOMPATIBLE', 'cancel', 'check the service user set-up with the sponsor bank'),
  r('N', "TRANSACTION DISALLOWED AT PAYER'S BRANCH", 'cancel', 'contact the payer'),
  r('O', 'INVALID REFERENCE', 'cancel', 'correct the DDI reference and lodge again'),
  r('P', "PAYER'S NAME NOT PRESENT", 'cancel', "add the payer's name and lodge again"),
  r('Q', "SERVICE USER'S NAME BLANK", 'cancel', 'check the service user name and lodge again'),
];

const norm = (s: string): string => s.toUpperCase().replace(/[^A-Z]/g, '');

/**
 * Finds the reason by its code and, failing that, by its text (ARUDD's returnCode is a 4-digit
 * number whose last digits are not the Bacs reason code: 1012 is INSTRUCTION CANCELLED, reason 1).
 */
export function findReason(table: readonly ReasonCode[], code: string, description: string): ReasonCode | null {
  const byText = description.trim() !== '' ? table.find((x) => norm(description).startsWith(norm(x.description)) || norm(x.description).startsWith(norm(description))) : undefined;
  if (byText) return byText;
  return table.find((x) => x.code === code.trim().toUpperCase()) ?? null;
}

/**
 * What a person does about an item of the Input report, by what Bacs did to it at input (the
 * report gives the reason, INPUT A to Z, beside it; it is shown as given).
 */
export function inputReportTodo(type: string): string {
  switch (type) {
    case 'REJECTED':
      return 'Bacs rejected this item at input: it was not collected; correct it and collect it in a later file';
    case 'AMENDED':
      return 'Bacs amended this item at input: check the amended details against the register';
    case 'RETURNED':
      return 'Bacs returned this item at input: it was not collected; read the reason and act by hand';
    default:
      return `Bacs reported this item at input (${type || 'no type given'}): read the Input report and act by hand`;
  }
}
