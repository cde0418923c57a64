/** Typed records read from the input sheets. Every record keeps its 1-based sheet row for "show in sheet". */
import type { Category } from './categories';
import type { IsoDate } from './dates';
import type { Pence } from './money';

export interface Tenancy {
  readonly account: string;
  readonly property: string;
  readonly tenant: string;
  readonly address: string;
  readonly postcode: string;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  readonly weeklyCharge: Pence;
  readonly opening: Pence;
  readonly closing: Pence;
  readonly row: number;
}

export interface Posting {
  readonly date: IsoDate;
  readonly account: string;
  readonly code: string;
  readonly category: Category;
  /** Positive = charge to the tenant (debit), negative = payment or credit. */
  readonly amount: Pence;
  readonly batch: string;
  readonly description: string;
  readonly row: number;
}

export interface GlLine {
  readonly date: IsoDate;
  readonly account: string;
  readonly journal: string;
  readonly source: string;
  readonly category: Category | 'OPENING';
  readonly description: string;
  readonly debit: Pence;
  readonly credit: Pence;
  readonly row: number;
}

export interface SuspenseItem {
  readonly item: string;
  readonly date: IsoDate;
  /** Positive = money received. */
  readonly amount: Pence;
  readonly reference: string;
  readonly payer: string;
  readonly narrative: string;
  readonly channel: string;
  readonly row: number;
}
