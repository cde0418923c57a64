/** The model: accounts, postings, batches, GL lines, suspense items. */
import { CATEGORIES, type Category } from '../../../src/engine/categories';
import type { GeneratedSheet, PlantRecord, SheetRole, SuspenseEvidence } from './types';

export const CAT = { RENT: 0, HB: 1, UC: 2, DD: 3, ALLPAY: 4, CASH: 5, BANK: 6, CARD: 7, WRITEOFF: 8, REFUND: 9, TRANSFER: 10, ADJUST: 11 } as const satisfies Record<Category, number>;
export const catName = (c: number): Category => CATEGORIES[c] as Category;
export const RECEIPTS: readonly number[] = [CAT.HB, CAT.UC, CAT.DD, CAT.ALLPAY, CAT.CASH, CAT.BANK, CAT.CARD];

/** Batch Ref prefixes (DR20261207 is the debit run of Monday 7 December 2026). */
export const BATCH_PREFIX = ['DR', 'HB', 'UC', 'DD', 'AP', 'CS', 'BK', 'CD', 'WO', 'RF', 'TR', 'AJ'] as const;

/**
 * Postings per batch before a channel's day is split into more batches (a cash office per till, an
 * Allpay file per outlet type, ...). Tuned so that 125,000 accounts give about 10,000 GL lines.
 */
export const BATCH_CAP: readonly number[] = [Infinity, 200, 80, 160, 60, 30, 60, 50, 40, 40, Infinity, 40];

export const NO_END = 2_147_483_647;
/** A receipt or adjustment whose amount may move by a penny to keep batch totals distinct. */
export const F_ADJUSTABLE = 1;
/** Removed by a plant (a missing debit). */
export const F_DELETED = 2;

/** Column-wise store of the housing system's postings: a million of them fit in a few dozen MB. */
export class PostingStore {
  n = 0;
  day: Int32Array;
  cat: Uint8Array;
  amt: Int32Array;
  acc: Int32Array;
  desc: Int32Array;
  flags: Uint8Array;

  constructor(capacity: number) {
    this.day = new Int32Array(capacity);
    this.cat = new Uint8Array(capacity);
    this.amt = new Int32Array(capacity);
    this.acc = new Int32Array(capacity);
    this.desc = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  push(day: number, cat: number, amt: number, acc: number, desc: number, flags: number): number {
    if (this.n === this.day.length) this.grow();
    const i = this.n++;
    this.day[i] = day;
    this.cat[i] = cat;
    this.amt[i] = amt;
    this.acc[i] = acc;
    this.desc[i] = desc;
    this.flags[i] = flags;
    return i;
  }

  live(i: number): boolean {
    return (this.flags[i]! & F_DELETED) === 0;
  }

  private grow(): void {
    const cap = this.day.length * 2 + 1024;
    const day = new Int32Array(cap);
    day.set(this.day);
    this.day = day;
    const cat = new Uint8Array(cap);
    cat.set(this.cat);
    this.cat = cat;
    const amt = new Int32Array(cap);
    amt.set(this.amt);
    this.amt = amt;
    const acc = new Int32Array(cap);
    acc.set(this.acc);
    this.acc = acc;
    const desc = new Int32Array(cap);
    desc.set(this.desc);
    this.desc = desc;
    const flags = new Uint8Array(cap);
    flags.set(this.flags);
    this.flags = flags;
  }
}

/** Descriptions are few and repeated: each kept once. */
export class Interner {
  readonly list: string[] = [];
  private readonly map = new Map<string, number>();
  id(s: string): number {
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.map.set(s, i);
    }
    return i;
  }
}

export const ST_ONGOING = 0;
export const ST_FORMER = 1;
export const ST_ENDING = 2;
export const ST_NEW = 3;

export interface Accounts {
  readonly n: number;
  readonly ref: string[];
  readonly property: string[];
  readonly tenant: string[];
  readonly firstTenant: string[];
  readonly houseNo: Int32Array;
  readonly street: string[];
  readonly address: string[];
  readonly postcode: string[];
  readonly start: Int32Array;
  /** NO_END when the tenancy has not ended. */
  readonly end: Int32Array;
  readonly weekly: Int32Array;
  /** The debit's elements when posted separately: rent, service charge, another charge (0 when not). */
  readonly el: [Int32Array, Int32Array, Int32Array];
  readonly otherKind: Uint8Array;
  readonly opening: Int32Array;
  readonly status: Uint8Array;
  /** Reported closing minus true closing: non-zero only for a planted balance break. */
  readonly closingError: Int32Array;
  /** Accounts a plant or a suspense allocation already uses. */
  readonly busy: Uint8Array;
}

type BatchFate = 'posted' | 'missing' | 'timing' | 'wrong' | 'duplicated';

export interface Batch {
  readonly cat: number;
  readonly day: number;
  readonly ref: string;
  amount: number;
  count: number;
  /** Data-row index of its first posting in the transactions sheet. */
  first: number;
  fate: BatchFate;
  glDay: number;
  keyed: number;
}

export interface GlLine {
  readonly day: number;
  readonly account: string;
  journal: string;
  /** A category, or OPENING. */
  readonly source: Category | 'OPENING';
  readonly description: string;
  /** Debit - Credit, in pence. */
  readonly net: number;
  readonly group: number;
  /** A control line no batch can claim (a mis-keyed amount, the copy of a duplicate). */
  readonly unmatched: boolean;
  /** Data-row index in the GL sheet, set once sorted. */
  index: number;
}

export interface GlModel {
  readonly lines: GlLine[];
  readonly wrongLine: GlLine | null;
  readonly duplicateLines: [GlLine, GlLine] | null;
}

export interface SuspenseItemModel {
  ref: string;
  readonly day: number;
  amount: number;
  readonly account: number;
  readonly evidence: SuspenseEvidence;
  readonly reference: string;
  readonly payer: string;
  readonly narrative: string;
  readonly channel: number;
  clearedDay: number;
  listed: boolean;
  clearancePosting: number;
  glLine: GlLine | null;
}

export interface Order {
  /** Posting indexes in output order (by batch, then account). */
  readonly perm: Int32Array;
  /** Output position of each posting; -1 when deleted. */
  readonly rank: Int32Array;
  /** Batch of each posting; -1 when deleted. */
  readonly batchOf: Int32Array;
}

/** Where things landed in the sheets, for the plants' row references. */
export interface Layout {
  readonly sheets: GeneratedSheet[];
  readonly names: Readonly<Record<SheetRole, string>>;
  readonly accountRow: (acc: number) => number;
  readonly postingRow: (posting: number) => number;
  readonly batchRows: (b: Batch) => [number, number];
  readonly glRow: (line: GlLine) => number;
}

export interface FinishContext {
  readonly layout: Layout;
  readonly gl: GlModel;
}

export type PlantDraft = (ctx: FinishContext) => PlantRecord;
