/**
 * The month's fixed conventions: default rent year and rent-free weeks, sheet names, GL account
 * codes, a landlord's own transaction codes, the batch and timing windows.
 */
import type { Category } from '../../../src/engine/categories';
import type { SheetRole } from './types';

export const DEFAULT_RENT_YEAR_START = '2026-04-06';
export const DEFAULT_RENT_FREE_WEEKS: readonly string[] = ['2026-12-21', '2026-12-28'];
export const DEFAULT_SHEET_NAMES: Readonly<Record<SheetRole, string>> = { rentRoll: 'Rent Roll', transactions: 'Transactions', gl: 'GL', suspense: 'Suspense' };
export const GL_CONTROL = '1100';
export const GL_SUSPENSE = '1190';
export const GL_BANK = '1200';
export const GL_INCOME = '4000';
export const GL_BAD_DEBT = '8100';
export const GL_BANK_CHARGES = '7900';

/** A landlord's own transaction codes, as one housing system has them. */
export const LANDLORD_CODES: Readonly<Record<Category, string>> = {
  RENT: 'RNT',
  HB: 'HBP',
  UC: 'UCP',
  DD: 'DDR',
  ALLPAY: 'APY',
  CASH: 'CSH',
  BANK: 'BGC',
  CARD: 'CRD',
  WRITEOFF: 'WOF',
  REFUND: 'RFD',
  TRANSFER: 'TRF',
  ADJUST: 'ADJ',
};

/** The contract's batch window: a GL line dated the same day as its batch or up to 5 days later. */
export const BATCH_WINDOW = 5;
/** Unmatched housing-system batches of the period's last 5 days are suggested as timing differences. */
export const TIMING_WINDOW = 5;
