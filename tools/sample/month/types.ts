/**
 * The generator's public types: what a month is made of, the options that shape it, the plants'
 * records and the oracle's figures.
 */
import type { Category } from '../../../src/engine/categories';
import type { RawCell } from '../../../src/engine/cells';
import type { IsoDate } from '../../../src/engine/dates';
import type { Pence } from '../../../src/engine/money';

export const ALL_PLANTS = [
  'gl-missing-batch',
  'gl-wrong-amount',
  'gl-duplicate-line',
  'timing',
  'missing-debit',
  'extra-debit',
  'debit-after-end',
  'debit-in-rent-free-week',
  'balance-break',
  'suspense-difference',
] as const;

export type PlantKind = (typeof ALL_PLANTS)[number];

export type SheetRole = 'rentRoll' | 'transactions' | 'gl' | 'suspense';

/** How the sheets look; none of it changes a single expected figure. */
export interface LayoutOptions {
  /** Title lines above each header row ("Rent roll export — Oak Tree HA", ..., then a blank row). 0 to 19. */
  readonly titleRows?: number;
  /** Headers under the synonyms real exports use (Tenancy Ref, Trans Date, Tran Code, Value, Dr, Cr, ...). */
  readonly useSynonyms?: boolean;
  /** Columns in a shuffled order (deterministic, from the seed). */
  readonly shuffleColumns?: boolean;
  /** Irrelevant columns (Patch, Officer, Posted By, ...). */
  readonly extraColumns?: boolean;
  /** Dates typed as dd/mm/yyyy text instead of Excel serial numbers. */
  readonly textDates?: boolean;
  /** The GL Account column as numbers (1100) instead of text ('1100'). */
  readonly glAccountAsNumber?: boolean;
  /** The landlord's own codes (RNT, HBP, ...) in the Code and Source columns; the mapping is in config.codes. */
  readonly landlordCodes?: boolean;
  /** An empty sheet named 'Notes' after the rent roll. */
  readonly extraEmptySheet?: boolean;
  readonly sheetNames?: Readonly<Partial<Record<SheetRole, string>>>;
}

export interface GenerateOptions {
  readonly seed: number;
  /** Number of tenancy accounts on the rent roll. */
  readonly accounts: number;
  /** "YYYY-MM" */
  readonly period: string;
  /** The Monday the rent year starts; default 2026-04-06. */
  readonly rentYearStart?: string;
  /** Mondays of the weeks not charged; default the two Christmas weeks of 2026. */
  readonly rentFreeWeeks?: readonly string[];
  /** Which discrepancies to plant: 'all' (default), 'none' (a clean month), or a list. */
  readonly plants?: 'all' | 'none' | readonly PlantKind[];
  readonly layout?: LayoutOptions;
  /**
   * Add the suspense traps (tools/sample/month/suspense.ts addTraps): a name with one address clue,
   * a namesake elsewhere, a household member, a former tenant of the same property. Off by default,
   * so the shipped samples are unchanged; the bench and the tests turn it on.
   */
  readonly suspenseTraps?: boolean;
  /**
   * How many suspense items to make (before the month clears some); default 12 + 1.2 * sqrt(accounts).
   * `npm run bench:page` asks for a large landlord's queue (thousands) at 30,000 accounts.
   */
  readonly suspenseItems?: number;
}

export interface GeneratedSheet {
  readonly name: string;
  /** Which input the sheet is; null for the extra empty sheet. */
  readonly role: SheetRole | null;
  readonly rows: RawCell[][];
  /** 0-based columns holding dates (serials, or text with textDates), for writers. */
  readonly dateColumns: number[];
  /** 0-based columns holding money in pounds, for writers. */
  readonly moneyColumns: number[];
  /** 1-based row of the header as Excel shows it; 0 for the empty sheet. */
  readonly headerRow: number;
}

/** The config file of the month (the CLI's --config), in the contract's shape. */
export interface GeneratedConfig {
  readonly rentYearStart: string;
  readonly rentFreeWeeks: string[];
  readonly glControlAccount: string;
  readonly glSuspenseAccount: string;
  /** Landlord code -> category; empty unless layout.landlordCodes. */
  readonly codes: Record<string, Category>;
}

export type ExceptionKind = 'balance' | 'missing-debit' | 'extra-debit' | 'debit-after-end' | 'debit-in-rent-free-week';

export interface ExpectedBatch {
  readonly side: 'hms' | 'gl';
  readonly date: IsoDate;
  readonly category: Category;
  /** hms: sum of Amounts; gl: Debit - Credit. */
  readonly amount: Pence;
}

export interface ExpectedException {
  readonly account: string;
  readonly kind: ExceptionKind;
  readonly expected: Pence;
  readonly actual: Pence;
}

export interface ExpectedTiming {
  readonly date: IsoDate;
  readonly category: Category;
  readonly amount: Pence;
  readonly batchRef: string;
}

export interface ExpectedComponent {
  readonly category: Category;
  readonly hms: Pence;
  readonly gl: Pence;
  readonly difference: Pence;
}

/** The reconcile --json figures the month must produce (money as pence), and the timing items to suggest. */
export interface ExpectedReconcile {
  readonly hms: { readonly opening: Pence; readonly transactions: Pence; readonly calculatedClosing: Pence; readonly reportedClosing: Pence };
  readonly gl: { readonly opening: Pence; readonly movement: Pence; readonly closing: Pence };
  /** hms.reportedClosing - gl.closing */
  readonly difference: Pence;
  /** Contract order (RENT ... ADJUST), one row per category with postings on either side. */
  readonly components: ExpectedComponent[];
  /** Housing-system batches first, then GL lines; each by date, category, amount. */
  readonly unmatchedBatches: ExpectedBatch[];
  /** By account, then kind (balance, missing-debit, extra-debit, debit-after-end, debit-in-rent-free-week). */
  readonly accountExceptions: ExpectedException[];
  readonly suspense: { readonly glBalance: Pence; readonly itemsTotal: Pence; readonly difference: Pence };
  /** Unmatched housing-system batches of the last 5 days of the period, by date, category, batch ref. */
  readonly timingSuggestions: ExpectedTiming[];
  readonly timingTotal: Pence;
  /** difference - timingTotal: what is left when the suggested timing items are accepted. */
  readonly unexplained: Pence;
}

export interface PlantRows {
  /** The sheet's name as generated. */
  readonly sheet: string;
  /** 1-based Excel rows, inclusive (title and header rows counted). */
  readonly from: number;
  readonly to: number;
  readonly what: string;
}

export interface PlantRecord {
  readonly kind: PlantKind;
  /** Plain English, with the figures. */
  readonly description: string;
  /**
   * The headline figure: for batch plants and the balance break, the plant's share of
   * expected.difference; for debit plants, actual - expected debit; for the suspense plant, its
   * share of the suspense difference.
   */
  readonly amount: Pence;
  readonly amounts: Readonly<Record<string, Pence>>;
  readonly rows: PlantRows[];
  /** What the plant contributes to the expected figures, exactly as it appears there. */
  readonly effects: {
    readonly unmatchedBatches: ExpectedBatch[];
    readonly accountExceptions: ExpectedException[];
    readonly timingSuggestions: ExpectedTiming[];
    /** Its share of expected.difference (housing system minus GL). */
    readonly difference: Pence;
    /** Its share of expected.suspense.difference. */
    readonly suspenseDifference: Pence;
  };
}

export type SuspenseEvidence =
  | 'one-digit-off'
  | 'digits-swapped'
  | 'digit-missing'
  | 'zeros-dropped'
  | 'ref-in-text'
  | 'property-ref'
  | 'name-and-address'
  | 'unidentifiable'
  // with suspenseTraps only:
  | 'namesake'
  | 'household-member'
  | 'former-tenant';

/** For each suspense item on the list: the account it really belongs to and the kind of clue it carries. */
export interface SuspenseTruth {
  readonly item: string;
  readonly account: string | null;
  readonly evidence: SuspenseEvidence;
}

export interface GeneratedMonth {
  readonly period: string;
  readonly config: GeneratedConfig;
  readonly sheets: GeneratedSheet[];
  readonly expected: ExpectedReconcile;
  readonly plants: PlantRecord[];
  readonly suspenseTruth: SuspenseTruth[];
  readonly counts: {
    readonly accounts: number;
    readonly postings: number;
    readonly hmsBatches: number;
    readonly glLines: number;
    readonly controlLines: number;
    readonly suspenseLines: number;
    readonly suspenseItems: number;
  };
}
