/**
 * A deterministic generator of one realistic month for a UK housing association: the four input
 * sheets of the standard layout (rent roll, rent transactions, GL, suspense items), discrepancies
 * planted in them, and the reconciliation figures they must produce (the oracle).
 *
 * The oracle is computed from the generator's own model (which postings it made, which GL lines it
 * kept, dropped or mis-keyed), never by running the reconciliation engine or the rent calendar, so
 * the engine is tested against an independent account of the truth.
 *
 * Pure: no clock, no Math.random, no Node APIs. Same options, same output.
 */
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../../src/engine/categories';
import type { RawCell } from '../../src/engine/cells';
import { formatUkDate, fromDayNumber, isoDate, isoToSerial, monthPeriod, parseDayFirst, toDayNumber, type IsoDate } from '../../src/engine/dates';
import { formatGBP, toPence, type Pence } from '../../src/engine/money';
import { FIRST_NAMES, STREETS, SURNAMES, TOWNS } from './names';

// =============================================================================================
// Public types
// =============================================================================================

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
  | 'unidentifiable';

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

export const DEFAULT_RENT_YEAR_START = '2026-04-06';
export const DEFAULT_RENT_FREE_WEEKS: readonly string[] = ['2026-12-21', '2026-12-28'];
export const DEFAULT_SHEET_NAMES: Readonly<Record<SheetRole, string>> = { rentRoll: 'Rent Roll', transactions: 'Transactions', gl: 'GL', suspense: 'Suspense' };
export const GL_CONTROL = '1100';
export const GL_SUSPENSE = '1190';
const GL_BANK = '1200';
const GL_INCOME = '4000';
const GL_BAD_DEBT = '8100';
const GL_BANK_CHARGES = '7900';

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
const BATCH_WINDOW = 5;
/** Unmatched housing-system batches of the period's last 5 days are suggested as timing differences. */
const TIMING_WINDOW = 5;

// =============================================================================================
// Randomness: sfc32, seeded through a splitmix-style mixer so nearby seeds give unrelated streams.
// =============================================================================================

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number: ${seed}`);
    let s = (Math.floor(seed / 4294967296) ^ seed ^ Math.imul(stream + 1, 0x9e3779b9)) | 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** A whole number from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new RangeError('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = xs[i] as T;
      xs[i] = xs[j] as T;
      xs[j] = t;
    }
    return xs;
  }
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// =============================================================================================
// The calendar of the month: working days (England and Wales bank holidays), Mondays, rent-free weeks.
// Days are day numbers (days since 1970-01-01) inside the generator.
// =============================================================================================

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;
const dayOf = (y: number, m: number, d: number): number => toDayNumber(isoDate(y, m, d) as IsoDate);
const isoOf = (n: number): IsoDate => fromDayNumber(n);
const ukOf = (n: number): string => formatUkDate(fromDayNumber(n));
const compactOf = (n: number): string => fromDayNumber(n).replace(/-/g, '');

function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

/** The regular bank holidays of England and Wales as ISO dates (substitute days included; one-off holidays left out). */
export function englandBankHolidays(year: number): IsoDate[] {
  const out: number[] = [];
  const jan1 = dayOf(year, 1, 1);
  out.push(weekdayOf(jan1) === 5 ? jan1 + 2 : weekdayOf(jan1) === 6 ? jan1 + 1 : jan1);
  const easter = easterSunday(year);
  out.push(easter - 2, easter + 1);
  const may1 = dayOf(year, 5, 1);
  out.push(may1 + ((7 - weekdayOf(may1)) % 7));
  const may31 = dayOf(year, 5, 31);
  out.push(may31 - weekdayOf(may31));
  const aug31 = dayOf(year, 8, 31);
  out.push(aug31 - weekdayOf(aug31));
  const xmas = dayOf(year, 12, 25);
  const w = weekdayOf(xmas);
  if (w <= 3) out.push(xmas, xmas + 1);
  else if (w === 4) out.push(xmas, xmas + 3);
  else if (w === 5) out.push(xmas + 2, xmas + 3);
  else out.push(xmas + 1, xmas + 2);
  return out.map(isoOf);
}

interface Calendar {
  readonly year: number;
  readonly month: number;
  readonly start: number;
  readonly end: number;
  readonly rentYearStart: number;
  readonly mondays: readonly number[];
  /** Mondays of the period that are not rent-free. */
  readonly chargeable: readonly number[];
  readonly rentFree: ReadonlySet<number>;
  readonly rentFreeInPeriod: readonly number[];
  /** Working days of the period. */
  readonly working: readonly number[];
  readonly nextWorking: (n: number) => number;
  readonly addWorking: (n: number, k: number) => number;
}

function buildCalendar(period: string, rentYearStart: IsoDate, rentFreeWeeks: readonly IsoDate[]): Calendar {
  const p = monthPeriod(period);
  if (!p) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const start = toDayNumber(p.start);
  const end = toDayNumber(p.end);
  const year = Number(period.slice(0, 4));
  const holidays = new Set<number>();
  for (let y = year - 1; y <= year + 1; y++) for (const h of englandBankHolidays(y)) holidays.add(toDayNumber(h));
  const isWorking = (n: number): boolean => weekdayOf(n) < 5 && !holidays.has(n);
  const nextWorking = (n: number): number => {
    let d = n;
    while (!isWorking(d)) d++;
    return d;
  };
  const addWorking = (n: number, k: number): number => {
    let d = n;
    for (let i = 0; i < k; i++) d = nextWorking(d + 1);
    return d;
  };
  const rys = toDayNumber(rentYearStart);
  if (weekdayOf(rys) !== 0) throw new RangeError(`rentYearStart must be a Monday: ${rentYearStart}`);
  const rentFree = new Set<number>();
  for (const w of rentFreeWeeks) {
    const n = toDayNumber(w);
    if (weekdayOf(n) !== 0) throw new RangeError(`a rent-free week must be given by its Monday: ${w}`);
    rentFree.add(n);
  }
  const mondays: number[] = [];
  for (let d = start + ((7 - weekdayOf(start)) % 7); d <= end; d += 7) mondays.push(d);
  const working: number[] = [];
  for (let d = start; d <= end; d++) if (isWorking(d)) working.push(d);
  return {
    year,
    month: Number(period.slice(5, 7)),
    start,
    end,
    rentYearStart: rys,
    mondays,
    chargeable: mondays.filter((m) => !rentFree.has(m)),
    rentFree,
    rentFreeInPeriod: mondays.filter((m) => rentFree.has(m)),
    working,
    nextWorking,
    addWorking,
  };
}

// =============================================================================================
// The model: accounts, postings, batches, GL lines, suspense items.
// =============================================================================================

const CAT = { RENT: 0, HB: 1, UC: 2, DD: 3, ALLPAY: 4, CASH: 5, BANK: 6, CARD: 7, WRITEOFF: 8, REFUND: 9, TRANSFER: 10, ADJUST: 11 } as const satisfies Record<Category, number>;
const catName = (c: number): Category => CATEGORIES[c] as Category;
const RECEIPTS: readonly number[] = [CAT.HB, CAT.UC, CAT.DD, CAT.ALLPAY, CAT.CASH, CAT.BANK, CAT.CARD];

/** Batch Ref prefixes (DR20261207 is the debit run of Monday 7 December 2026). */
const BATCH_PREFIX = ['DR', 'HB', 'UC', 'DD', 'AP', 'CS', 'BK', 'CD', 'WO', 'RF', 'TR', 'AJ'] as const;

/**
 * Postings per batch before a channel's day is split into more batches (a cash office per till, an
 * Allpay file per outlet type, ...). Tuned so that 125,000 accounts give about 10,000 GL lines.
 */
const BATCH_CAP: readonly number[] = [Infinity, 200, 80, 160, 60, 30, 60, 50, 40, 40, Infinity, 40];

const NO_END = 2_147_483_647;
/** A receipt or adjustment whose amount may move by a penny to keep batch totals distinct. */
const F_ADJUSTABLE = 1;
/** Removed by a plant (a missing debit). */
const F_DELETED = 2;

/** Column-wise store of the housing system's postings: a million of them fit in a few dozen MB. */
class PostingStore {
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
class Interner {
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

const ST_ONGOING = 0;
const ST_FORMER = 1;
const ST_ENDING = 2;
const ST_NEW = 3;

interface Accounts {
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

interface Batch {
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

interface GlLine {
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

interface GlModel {
  readonly lines: GlLine[];
  readonly wrongLine: GlLine | null;
  readonly duplicateLines: [GlLine, GlLine] | null;
}

interface SuspenseItemModel {
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

interface Order {
  /** Posting indexes in output order (by batch, then account). */
  readonly perm: Int32Array;
  /** Output position of each posting; -1 when deleted. */
  readonly rank: Int32Array;
  /** Batch of each posting; -1 when deleted. */
  readonly batchOf: Int32Array;
}

/** Where things landed in the sheets, for the plants' row references. */
interface Layout {
  readonly sheets: GeneratedSheet[];
  readonly names: Readonly<Record<SheetRole, string>>;
  readonly accountRow: (acc: number) => number;
  readonly postingRow: (posting: number) => number;
  readonly batchRows: (b: Batch) => [number, number];
  readonly glRow: (line: GlLine) => number;
}

interface FinishContext {
  readonly layout: Layout;
  readonly gl: GlModel;
}

type PlantDraft = (ctx: FinishContext) => PlantRecord;

// =============================================================================================
// generateMonth
// =============================================================================================

/** Generates one month of the four input sheets, with its planted discrepancies and expected figures. */
export function generateMonth(options: GenerateOptions): GeneratedMonth {
  if (!Number.isInteger(options.accounts) || options.accounts < 1) throw new RangeError(`accounts must be a whole number >= 1: ${options.accounts}`);
  const layoutOptions = options.layout ?? {};
  const titleRows = layoutOptions.titleRows ?? 0;
  if (!Number.isInteger(titleRows) || titleRows < 0 || titleRows > 19) throw new RangeError('titleRows must be 0 to 19 (headers are searched in the first 20 rows)');
  const rysText = options.rentYearStart ?? DEFAULT_RENT_YEAR_START;
  const rys = parseDayFirst(rysText);
  if (!rys) throw new RangeError(`rentYearStart is not a date: ${rysText}`);
  const rentFreeWeeks = (options.rentFreeWeeks ?? DEFAULT_RENT_FREE_WEEKS).map((w) => {
    const d = parseDayFirst(w);
    if (!d) throw new RangeError(`rent-free week is not a date: ${w}`);
    return d;
  });
  const cal = buildCalendar(options.period, rys, rentFreeWeeks);
  const selected = new Set<PlantKind>(options.plants === 'none' ? [] : options.plants === undefined || options.plants === 'all' ? ALL_PLANTS : options.plants);

  // Separate streams, so a plant or a layout choice never shifts the randomness of the month itself.
  const rng = new Rng(options.seed, 0);
  const plantRng = new Rng(options.seed, 2);
  const batchRng = new Rng(options.seed, 3);
  const layoutRng = new Rng(options.seed, 7);

  const descs = new Interner();
  const accounts = makeAccounts(options.accounts, cal, rng);
  const postings = new PostingStore(Math.ceil(options.accounts * 9.5) + 1024);
  makePostings(accounts, postings, cal, rng, descs);
  const suspense = makeSuspense(accounts, postings, cal, rng, descs);

  const plants: PlantDraft[] = [];
  plantAccountExceptions(selected, accounts, postings, cal, plantRng, descs, plants);

  const { batches, order } = makeBatches(postings, accounts.n, batchRng);
  keepBatchTotalsDistinct(batches, postings, order, suspense);
  plantGlDiscrepancies(selected, batches, cal, plantRng, plants);
  const gl = makeGl(batches, accounts, suspense, cal, options.seed);
  plantSuspenseDifference(selected, suspense, plantRng, plants);

  const expected = computeExpected(accounts, postings, batches, gl, suspense, cal);
  const layout = renderSheets(layoutOptions, cal, accounts, postings, order, batches, gl, suspense, descs, layoutRng);
  const ctx: FinishContext = { layout, gl };
  const records = plants.map((finish) => finish(ctx));

  const codes: Record<string, Category> = {};
  if (layoutOptions.landlordCodes) for (const c of CATEGORIES) codes[LANDLORD_CODES[c]] = c;
  const listed = suspense.filter((s) => s.listed && s.clearedDay < 0);

  return {
    period: options.period,
    config: { rentYearStart: rys, rentFreeWeeks: rentFreeWeeks.map((w) => String(w)), glControlAccount: GL_CONTROL, glSuspenseAccount: GL_SUSPENSE, codes },
    sheets: layout.sheets,
    expected,
    plants: records,
    suspenseTruth: listed.map((s) => ({ item: s.ref, account: s.account >= 0 ? (accounts.ref[s.account] as string) : null, evidence: s.evidence })),
    counts: {
      accounts: accounts.n,
      postings: order.perm.length,
      hmsBatches: batches.length,
      glLines: gl.lines.length,
      controlLines: gl.lines.filter((l) => l.account === GL_CONTROL).length,
      suspenseLines: gl.lines.filter((l) => l.account === GL_SUSPENSE).length,
      suspenseItems: listed.length,
    },
  };
}

// =============================================================================================
// Accounts
// =============================================================================================

const OTHER_ELEMENTS = ['Water rates', 'Heating charge', 'Support charge'] as const;
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function makeAccounts(n: number, cal: Calendar, rng: Rng): Accounts {
  const a: Accounts = {
    n,
    ref: new Array<string>(n),
    property: new Array<string>(n),
    tenant: new Array<string>(n),
    firstTenant: new Array<string>(n),
    houseNo: new Int32Array(n),
    street: new Array<string>(n),
    address: new Array<string>(n),
    postcode: new Array<string>(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    weekly: new Int32Array(n),
    el: [new Int32Array(n), new Int32Array(n), new Int32Array(n)],
    otherKind: new Uint8Array(n),
    opening: new Int32Array(n),
    status: new Uint8Array(n),
    closingError: new Int32Array(n),
    busy: new Uint8Array(n),
  };
  const { start: ps, end: pe } = cal;
  for (let i = 0; i < n; i++) {
    // Eight-digit references with leading zeros, increasing, with gaps (closed and void accounts).
    a.ref[i] = String(100000 + i * 7 + rng.int(0, 6)).padStart(8, '0');
    a.property[i] = 'P' + String(1000000 + i * 3 + rng.int(0, 2)).padStart(7, '0');
    const first = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    a.firstTenant[i] = first;
    if (rng.chance(0.15)) {
      const surname = first.slice(first.indexOf(' ') + 1);
      a.tenant[i] = `${first} & ${rng.pick(FIRST_NAMES)} ${rng.chance(0.7) ? surname : rng.pick(SURNAMES)}`;
    } else a.tenant[i] = first;
    const houseNo = rng.int(1, 180);
    const street = rng.pick(STREETS);
    const [town, area] = rng.pick(TOWNS);
    a.houseNo[i] = houseNo;
    a.street[i] = street;
    a.address[i] = `${rng.chance(0.25) ? `Flat ${rng.int(1, 24)}, ` : ''}${houseNo} ${street}, ${town}`;
    a.postcode[i] = `${area}${rng.int(1, 28)} ${rng.int(1, 9)}${POSTCODE_LETTERS[rng.int(0, 19)]}${POSTCODE_LETTERS[rng.int(0, 19)]}`;

    const kind = rng.next();
    let status = ST_ONGOING;
    let start: number;
    let end = NO_END;
    if (kind < 0.01) {
      status = ST_FORMER;
      start = ps - rng.int(400, 6000);
      end = ps - rng.int(7, 360);
    } else if (kind < 0.025) {
      status = ST_ENDING;
      start = ps - rng.int(60, 8000);
      end = rng.int(ps, pe);
    } else if (kind < 0.04) {
      status = ST_NEW;
      start = rng.chance(0.6) && cal.mondays.length > 0 ? rng.pick(cal.mondays) : rng.int(ps, pe);
    } else start = ps - rng.int(20, 9000);
    a.status[i] = status;
    a.start[i] = start;
    a.end[i] = end;

    const weekly = rng.int(8500, 19000);
    a.weekly[i] = weekly;
    // Some housing systems post the debit by element; most of these accounts show one line a week.
    if (rng.chance(0.12)) {
      const service = rng.int(450, 2600);
      const other = rng.chance(0.5) ? rng.int(150, 950) : 0;
      a.el[1][i] = service;
      a.el[2][i] = other;
      a.el[0][i] = weekly - service - other;
      a.otherKind[i] = rng.int(0, 2);
    } else a.el[0][i] = weekly;

    let opening: number;
    const r = rng.next();
    if (status === ST_NEW) opening = 0;
    else if (status === ST_FORMER) opening = rng.int(2000, 250000);
    else if (r < 0.18) opening = 0;
    else if (r < 0.22) opening = rng.int(1, 199);
    else if (r < 0.55) opening = rng.int(200, weekly * 3);
    else if (r < 0.7) opening = rng.int(weekly * 3, weekly * 15);
    else if (r < 0.96) opening = -rng.int(100, weekly * 2);
    else opening = -rng.int(weekly * 2, weekly * 6);
    a.opening[i] = opening;
  }
  return a;
}

// =============================================================================================
// Postings: the debit, receipts by channel, and the occasional write-off, refund and adjustment.
// =============================================================================================

const CHANNEL_DESCS: ReadonlyMap<number, readonly string[]> = new Map([
  [CAT.ALLPAY, ['Allpay - Post Office', 'Allpay - PayPoint', 'Allpay - online', 'Allpay - telephone', 'Allpay - app']],
  [CAT.CASH, ['Cash office payment', 'Cheque payment', 'Cash - payment kiosk']],
  [CAT.BANK, ['Standing order', 'Faster Payment', 'Bank Giro Credit', 'BACS credit']],
  [CAT.CARD, ['Card payment - online', 'Card payment - telephone', 'Card payment - kiosk']],
]);

interface PaymentDays {
  /** [weekday 0-4][0: even weeks, 1: odd weeks, 2: every week] -> posting days in the period. */
  readonly weekly: number[][][];
  readonly monthly: (dom: number) => number[];
  /** Two councils' Housing Benefit runs. */
  readonly hbRuns: number[][];
  /** Universal Credit payment days for each of the 28 offsets of a four-weekly cycle. */
  readonly ucDays: number[][];
}

function paymentDays(cal: Calendar): PaymentDays {
  const weekly: number[][][] = Array.from({ length: 5 }, () => [[], [], []]);
  for (let m = cal.start - weekdayOf(cal.start) - 7; m <= cal.end; m += 7) {
    const parity = Math.floor((m - 4) / 7) % 2; // day 4 (5 January 1970) was a Monday
    for (let wd = 0; wd < 5; wd++) {
      // A payment due on a bank holiday is posted on the next working day.
      const d = cal.nextWorking(m + wd);
      if (d < cal.start || d > cal.end) continue;
      const slot = weekly[wd] as number[][];
      (slot[parity] as number[]).push(d);
      (slot[2] as number[]).push(d);
    }
  }
  const monthlyCache = new Map<number, number[]>();
  const monthly = (dom: number): number[] => {
    let days = monthlyCache.get(dom);
    if (!days) {
      const d = cal.nextWorking(dayOf(cal.year, cal.month, dom));
      days = d <= cal.end ? [d] : [];
      monthlyCache.set(dom, days);
    }
    return days;
  };
  const cycle = (anchor: number): number[] => {
    const out: number[] = [];
    const k0 = Math.floor((cal.start - anchor) / 28) - 1;
    for (let k = k0; k <= k0 + 4; k++) {
      const d = cal.nextWorking(anchor + 28 * k);
      if (d >= cal.start && d <= cal.end && !out.includes(d)) out.push(d);
    }
    return out;
  };
  // Councils pay Housing Benefit four-weekly in arrears, each on its own cycle (a Monday, a Thursday).
  const hbRuns = [cycle(cal.rentYearStart + 14), cycle(cal.rentYearStart + 3)];
  const ucDays = Array.from({ length: 28 }, (_, offset) => cycle(cal.rentYearStart + offset));
  return { weekly, monthly, hbRuns, ucDays };
}

const P_HB_FULL = 0;
const P_HB_PART = 1;
const P_UC = 2;
const P_DD = 3;
const P_ALLPAY = 4;
const P_BANK = 5;
const P_CASH = 6;
const P_CARD = 7;
const P_NONE = 8;

function makePostings(a: Accounts, p: PostingStore, cal: Calendar, rng: Rng, descs: Interner): void {
  const days = paymentDays(cal);
  const rentDesc = cal.mondays.map((m) => {
    const wc = ukOf(m);
    return {
      whole: descs.id(`Rent and charges w/c ${wc}`),
      rent: descs.id(`Rent w/c ${wc}`),
      service: descs.id(`Service charge w/c ${wc}`),
      other: OTHER_ELEMENTS.map((o) => descs.id(`${o} w/c ${wc}`)),
    };
  });
  const channelDesc = new Map<number, number[]>();
  for (const [cat, list] of CHANNEL_DESCS) channelDesc.set(cat, list.map((s) => descs.id(s)));
  const hbDesc = new Map<number, number>();
  const dHbFinal = descs.id('Housing Benefit final payment');
  const dUc = descs.id('Universal Credit managed payment (APA)');
  const dDd = [descs.id('Direct Debit collection - weekly'), descs.id('Direct Debit collection - fortnightly'), descs.id('Direct Debit collection - monthly')];
  const dAdvance = descs.id('Rent in advance at sign-up');
  const dLump = descs.id('Lump sum payment');
  const dWoFormer = descs.id('Former tenant arrears written off');
  const dWoSmall = descs.id('Small balance write-off');
  const dRefund = descs.id('Refund of credit balance by BACS');
  const adjustments = [
    { d: descs.id('Rechargeable repair - replacement door'), lo: 8000, hi: 45000 },
    { d: descs.id('Rechargeable repair - lock change'), lo: 4500, hi: 12000 },
    { d: descs.id('Court costs'), lo: 5000, hi: 35500 },
    { d: descs.id('Reversal of payment posted in error'), lo: -20000, hi: -1000 },
    { d: descs.id('Correction of service charge'), lo: -3000, hi: -200 },
  ];
  const anyDay = cal.working.length > 0 ? cal.working : [cal.start];
  // Write-offs go through the arrears panel on one or two days; refunds are paid on Thursdays.
  const mid = cal.working.filter((d) => d >= cal.start + 9 && d <= cal.end - 8);
  const woDays = mid.length > 0 ? [...new Set([rng.pick(mid), rng.pick(mid)])] : anyDay.slice(0, 1);
  const thursdays = (days.weekly[3]?.[2] ?? []).filter((d) => d <= cal.end - 6);
  const refundDays = thursdays.length > 0 ? thursdays : anyDay.slice(0, 1);

  const pay = (i: number, day: number, cat: number, amount: number, desc: number): void => {
    if (amount > 0) p.push(day, cat, -amount, i, desc, F_ADJUSTABLE);
  };

  for (let i = 0; i < a.n; i++) {
    const start = a.start[i]!;
    const end = a.end[i]!;
    const weekly = a.weekly[i]!;
    const opening = a.opening[i]!;
    const status = a.status[i]!;
    const split = a.el[1][i]! > 0;

    // The debit (the contract's rule): every Monday within the tenancy that is not rent-free.
    for (let k = 0; k < cal.mondays.length; k++) {
      const m = cal.mondays[k]!;
      if (m < start || m > end || cal.rentFree.has(m)) continue;
      const d = rentDesc[k]!;
      if (!split) p.push(m, CAT.RENT, weekly, i, d.whole, 0);
      else {
        p.push(m, CAT.RENT, a.el[0][i]!, i, d.rent, 0);
        p.push(m, CAT.RENT, a.el[1][i]!, i, d.service, 0);
        if (a.el[2][i]! > 0) p.push(m, CAT.RENT, a.el[2][i]!, i, d.other[a.otherKind[i]!]!, 0);
      }
    }

    const lastPayable = end === NO_END ? NO_END : end + 14;
    const payable = (d: number): boolean => d >= start && d <= lastPayable;
    const arrangement = opening > 2 * weekly ? rng.int(200, 1500) : 0;
    const descOf = (cat: number): number => rng.pick(channelDesc.get(cat) as number[]);
    /** freq 0 weekly, 1 fortnightly, 2 monthly (52 weeks over 12 months, half up to the penny). */
    const selfPay = (cat: number, perWeek: number, freq: number, round: boolean, desc: number, missP: number): void => {
      let base = perWeek + arrangement;
      if (round) base = Math.ceil(base / 500) * 500;
      if (freq === 2) {
        const dom = cat === CAT.DD ? rng.pick([1, 8, 15, 22, 28]) : rng.int(1, 28);
        const monthlyAmount = Math.floor((base * 52 + 6) / 12);
        for (const d of days.monthly(dom)) if (payable(d) && !rng.chance(missP)) pay(i, d, cat, monthlyAmount, desc);
        return;
      }
      // Direct Debits are collected on Fridays; others pay on a weekday of their choosing.
      const wd = cat === CAT.DD ? 4 : rng.int(0, 4);
      const list = days.weekly[wd]![freq === 0 ? 2 : rng.int(0, 1)]!;
      for (const d of list) if (payable(d) && !rng.chance(missP)) pay(i, d, cat, freq === 0 ? base : base * 2, desc);
    };
    const freqOf = (): number => {
      const r = rng.next();
      return r < 0.55 ? 0 : r < 0.75 ? 1 : 2;
    };

    if (status === ST_FORMER) {
      // Former tenants: some pay an arrangement, some arrears are written off.
      if (opening > 0 && rng.chance(0.25)) {
        const cat = rng.pick([CAT.ALLPAY, CAT.BANK]);
        for (const d of days.monthly(rng.int(1, 28))) pay(i, d, cat, Math.min(opening, rng.int(500, 3000)), descOf(cat));
      } else if (opening > 0 && rng.chance(0.3)) p.push(rng.pick(woDays), CAT.WRITEOFF, -opening, i, dWoFormer, F_ADJUSTABLE);
      continue;
    }
    if (status === ST_NEW) {
      const d = cal.nextWorking(start);
      if (d <= cal.end) {
        const cat = rng.chance(0.5) ? CAT.CARD : CAT.CASH;
        pay(i, d, cat, weekly * rng.int(1, 2), dAdvance);
      }
    }

    const r = rng.next();
    const profile =
      r < 0.14 ? P_HB_FULL : r < 0.24 ? P_HB_PART : r < 0.44 ? P_UC : r < 0.64 ? P_DD : r < 0.78 ? P_ALLPAY : r < 0.88 ? P_BANK : r < 0.91 ? P_CASH : r < 0.97 ? P_CARD : P_NONE;
    switch (profile) {
      case P_HB_FULL:
      case P_HB_PART: {
        const council = rng.int(0, 1);
        // Heating is not eligible for Housing Benefit; a partial award leaves the tenant a top-up to pay.
        const hbWeekly = profile === P_HB_FULL ? weekly - (a.otherKind[i] === 1 ? a.el[2][i]! : 0) : Math.floor((weekly * rng.int(30, 90)) / 100);
        for (const d of days.hbRuns[council]!) {
          if (d < start + 7 || d > (end === NO_END ? NO_END : end + 28)) continue;
          let desc = hbDesc.get(d);
          if (desc === undefined) {
            desc = descs.id(`Housing Benefit 4 weeks to ${ukOf(d - 1)}`);
            hbDesc.set(d, desc);
          }
          pay(i, d, CAT.HB, 4 * hbWeekly, end !== NO_END && d > end ? dHbFinal : desc);
        }
        if (profile === P_HB_PART) {
          const cat = rng.pick([CAT.ALLPAY, CAT.ALLPAY, CAT.CASH, CAT.BANK, CAT.CARD]);
          selfPay(cat, weekly - hbWeekly, rng.chance(0.7) ? 0 : 1, cat === CAT.ALLPAY && rng.chance(0.3), descOf(cat), 0.08);
        }
        break;
      }
      case P_UC: {
        // The housing element paid direct (an APA), four-weekly, sometimes skipped; a top-up from the tenant.
        const offset = rng.int(0, 27);
        const share = rng.int(60, 100);
        const apa = Math.floor((weekly * share * 52) / 1200);
        for (const d of days.ucDays[offset]!) if (d >= start + 28 && d <= end && !rng.chance(0.08)) pay(i, d, CAT.UC, apa, dUc);
        if (share < 100 && rng.chance(0.6)) {
          const cat = rng.pick([CAT.ALLPAY, CAT.BANK, CAT.CARD]);
          selfPay(cat, Math.floor((weekly * (100 - share)) / 100), rng.chance(0.6) ? 0 : 1, cat === CAT.ALLPAY && rng.chance(0.3), descOf(cat), 0.1);
        }
        break;
      }
      case P_DD: {
        const rf = rng.next();
        const freq = rf < 0.45 ? 0 : rf < 0.6 ? 1 : 2;
        selfPay(CAT.DD, weekly, freq, false, dDd[freq]!, 0.02);
        break;
      }
      case P_ALLPAY:
      case P_BANK:
      case P_CASH:
      case P_CARD: {
        const cat = profile === P_ALLPAY ? CAT.ALLPAY : profile === P_BANK ? CAT.BANK : profile === P_CASH ? CAT.CASH : CAT.CARD;
        selfPay(cat, weekly, freqOf(), (cat === CAT.ALLPAY || cat === CAT.CASH) && rng.chance(0.3), descOf(cat), 0.07);
        break;
      }
      case P_NONE:
        break;
      default:
        throw new Error(`unknown payment profile ${profile}`);
    }

    if (rng.chance(0.04)) {
      const cat = rng.pick([CAT.CARD, CAT.BANK, CAT.ALLPAY]);
      const d = rng.pick(anyDay);
      if (payable(d)) pay(i, d, cat, rng.int(10, 80) * 500, dLump);
    }
    if (opening > 0 && opening < 200 && rng.chance(0.5)) p.push(rng.pick(woDays), CAT.WRITEOFF, -opening, i, dWoSmall, F_ADJUSTABLE);
    if (opening < -2 * weekly && profile !== P_HB_FULL && profile !== P_HB_PART && rng.chance(0.2)) {
      p.push(rng.pick(refundDays), CAT.REFUND, -opening - weekly, i, dRefund, F_ADJUSTABLE);
    }
    if (rng.chance(0.005)) {
      const adj = rng.pick(adjustments);
      p.push(rng.pick(anyDay), CAT.ADJUST, rng.int(adj.lo, adj.hi), i, adj.d, F_ADJUSTABLE);
    }
  }
}

// =============================================================================================
// Suspense: money received without a usable reference; some of it allocated to accounts in the month.
// =============================================================================================

function makeSuspense(a: Accounts, p: PostingStore, cal: Calendar, rng: Rng, descs: Interner): SuspenseItemModel[] {
  const count = Math.round(12 + 1.2 * Math.sqrt(a.n));
  const items: SuspenseItemModel[] = [];
  const ongoing: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.status[i] === ST_ONGOING) ongoing.push(i);
  if (ongoing.length === 0 || cal.working.length === 0) return items;
  for (let k = 0; k < count; k++) {
    const before = rng.chance(0.35);
    const day = before ? cal.nextWorking(cal.start - rng.int(3, 120)) : rng.pick(cal.working);
    const acc = rng.chance(0.85) ? rng.pick(ongoing) : -1;
    const amount = acc >= 0 && rng.chance(0.6) ? a.weekly[acc]! * rng.pick([1, 1, 2, 4]) : rng.int(500, 60000);
    const channel = rng.pick([CAT.BANK, CAT.BANK, CAT.BANK, CAT.ALLPAY, CAT.ALLPAY, CAT.CASH, CAT.CARD]);
    const clue = acc >= 0 ? describeClue(a, acc, rng) : unidentifiable(rng);
    items.push({ ref: '', day: Math.min(day, cal.end), amount, account: acc, ...clue, channel, clearedDay: -1, listed: true, clearancePosting: -1, glLine: null });
  }
  items.sort((x, y) => x.day - y.day);
  items.forEach((it, k) => (it.ref = `SUS${String(1000 + k).padStart(6, '0')}`));

  // Nearly half the identified items are allocated to their account during the month: a TRANSFER.
  for (const it of items) {
    if (it.account < 0 || !rng.chance(0.45)) continue;
    const from = Math.max(cal.start, it.day + 1);
    const options = cal.working.filter((d) => d >= from);
    if (options.length === 0) continue;
    it.clearedDay = rng.pick(options);
    it.clearancePosting = p.push(it.clearedDay, CAT.TRANSFER, -it.amount, it.account, descs.id(`Allocated from suspense item ${it.ref}`), 0);
    a.busy[it.account] = 1;
  }
  // Transfers between accounts ride in the same TRANSFER batches (a pair nets to nothing in the GL).
  const clearanceDays = [...new Set(items.filter((it) => it.clearedDay >= 0).map((it) => it.clearedDay))].sort((x, y) => x - y);
  if (clearanceDays.length > 0 && ongoing.length > 1) {
    const pairs = Math.max(1, Math.round(a.n / 500));
    for (let k = 0; k < pairs; k++) {
      const from = rng.pick(ongoing);
      let to = rng.pick(ongoing);
      if (to === from) to = ongoing[(ongoing.indexOf(from) + 1) % ongoing.length]!;
      const amount = rng.int(1000, 30000);
      const day = rng.pick(clearanceDays);
      p.push(day, CAT.TRANSFER, amount, from, descs.id(`Transfer to account ${a.ref[to]}`), 0);
      p.push(day, CAT.TRANSFER, -amount, to, descs.id(`Transfer from account ${a.ref[from]}`), 0);
    }
  }
  return items;
}

function payerVariant(full: string, rng: Rng): string {
  const space = full.indexOf(' ');
  const first = full.slice(0, space);
  const surname = full.slice(space + 1);
  switch (rng.int(0, 4)) {
    case 0:
      return `${first[0] ?? ''} ${surname}`.toUpperCase();
    case 1:
      return `${rng.pick(['MR', 'MRS', 'MS', 'MISS'])} ${first} ${surname}`.toUpperCase();
    case 2:
      return `${surname} ${first[0] ?? ''}`.toUpperCase();
    case 3: {
      if (surname.length < 4) return full.toUpperCase();
      // A misspelling: one letter of the surname changed.
      const pos = rng.int(1, surname.length - 1);
      const vowels = 'AEIOUY'.replace((surname[pos] ?? '').toUpperCase(), '');
      return `${first} ${surname.slice(0, pos)}${vowels[rng.int(0, vowels.length - 1)] ?? 'E'}${surname.slice(pos + 1)}`.toUpperCase();
    }
    default:
      return full;
  }
}

type Clue = Pick<SuspenseItemModel, 'evidence' | 'reference' | 'payer' | 'narrative'>;

function describeClue(a: Accounts, acc: number, rng: Rng): Clue {
  const ref = a.ref[acc] as string;
  const payer = payerVariant(a.firstTenant[acc] as string, rng);
  const digits = ref.split('');
  const r = rng.next();
  let evidence: SuspenseEvidence;
  let reference: string;
  if (r < 0.16) {
    evidence = 'one-digit-off';
    const pos = rng.int(2, 7);
    digits[pos] = String((Number(digits[pos]) + rng.int(1, 9)) % 10);
    reference = digits.join('');
  } else if (r < 0.3) {
    evidence = 'digits-swapped';
    const candidates = [2, 3, 4, 5, 6].filter((k) => digits[k] !== digits[k + 1]);
    const pos = candidates.length > 0 ? rng.pick(candidates) : 6;
    const t = digits[pos] as string;
    digits[pos] = digits[pos + 1] as string;
    digits[pos + 1] = t;
    reference = digits.join('');
  } else if (r < 0.4) {
    evidence = 'digit-missing';
    digits.splice(rng.int(2, 7), 1);
    reference = digits.join('');
  } else if (r < 0.52) {
    evidence = 'zeros-dropped';
    reference = ref.replace(/^0+/, '');
  } else if (r < 0.68) {
    evidence = 'ref-in-text';
    reference = rng.chance(0.5) ? `RENT ${ref} FLAT ${rng.int(1, 24)}` : `${ref} ${rng.pick(['RENT', 'ARREARS', 'HOUSING'])}`;
  } else if (r < 0.8) {
    evidence = 'property-ref';
    reference = a.property[acc] as string;
  } else {
    evidence = 'name-and-address';
    reference = rng.pick(['', 'RENT', 'HOUSING']);
  }
  const narrative =
    evidence === 'name-and-address'
      ? `${payer} RENT ${a.houseNo[acc]} ${(a.street[acc] as string).toUpperCase()} ${a.postcode[acc]}`
      : `${rng.pick(['FP', 'BGC', 'SO'])} ${payer} ${reference}`.trim();
  return { evidence, reference, payer, narrative };
}

function unidentifiable(rng: Rng): Clue {
  const payer = `${rng.pick(['MR', 'MRS', 'MS'])} ${rng.pick(FIRST_NAMES)[0]} ${rng.pick(SURNAMES)}`.toUpperCase();
  const reference = rng.pick(['', 'RENT', 'PAYMENT', 'HOUSING', String(rng.int(1000, 9999))]);
  return { evidence: 'unidentifiable', reference, payer, narrative: `FP ${payer} ${reference}`.trim() };
}

// =============================================================================================
// Plants in the housing system: account exceptions (the debit control) and a balance break.
// =============================================================================================

const NO_DIFFERENCE = toPence(0);

function takeAccount(pool: number[], a: Accounts, rng: Rng): number | null {
  while (pool.length > 0) {
    const k = rng.int(0, pool.length - 1);
    const acc = pool[k] as number;
    pool.splice(k, 1);
    if (a.busy[acc] === 0) {
      a.busy[acc] = 1;
      return acc;
    }
  }
  return null;
}

/** The rule's debit for an account: its weekly charge for each chargeable Monday within the tenancy. */
function ruleDebit(a: Accounts, acc: number, cal: Calendar): number {
  let weeks = 0;
  for (const m of cal.chargeable) if (m >= a.start[acc]! && m <= a.end[acc]!) weeks++;
  return weeks * a.weekly[acc]!;
}

function postingsOf(p: PostingStore, acc: number, filter: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) if (p.acc[i] === acc && p.live(i) && filter(i)) out.push(i);
  return out;
}

function postedRent(p: PostingStore, acc: number): number {
  return postingsOf(p, acc, (i) => p.cat[i] === CAT.RENT).reduce((s, i) => s + p.amt[i]!, 0);
}

function plantAccountExceptions(selected: ReadonlySet<PlantKind>, a: Accounts, p: PostingStore, cal: Calendar, rng: Rng, descs: Interner, plants: PlantDraft[]): void {
  const pool: number[] = [];
  for (let i = 0; i < a.n; i++) if (a.status[i] === ST_ONGOING && a.busy[i] === 0 && a.start[i]! < cal.start - 30) pool.push(i);
  const who = (acc: number): string => `account ${a.ref[acc]} (${a.tenant[acc]})`;
  const gbp = (n: number): string => formatGBP(toPence(n));
  const rollRows = (layout: Layout, acc: number): PlantRows => {
    const r = layout.accountRow(acc);
    return { sheet: layout.names.rentRoll, from: r, to: r, what: `rent roll line of account ${a.ref[acc]}` };
  };
  const postingRows = (layout: Layout, list: readonly number[], what: string): PlantRows[] => {
    if (list.length === 0) return [];
    const rows = list.map((i) => layout.postingRow(i));
    return [{ sheet: layout.names.transactions, from: Math.min(...rows), to: Math.max(...rows), what }];
  };
  const debitPlant = (kind: ExceptionKind & PlantKind, acc: number, expected: number, actual: number, text: string, rows: (layout: Layout) => PlantRows[]): PlantDraft => {
    const ex: ExpectedException = { account: a.ref[acc] as string, kind, expected: toPence(expected), actual: toPence(actual) };
    return ({ layout }) => ({
      kind,
      description: text,
      amount: toPence(actual - expected),
      amounts: { weeklyCharge: toPence(a.weekly[acc]!), expected: ex.expected, actual: ex.actual },
      rows: [rollRows(layout, acc), ...rows(layout)],
      effects: { unmatchedBatches: [], accountExceptions: [ex], timingSuggestions: [], difference: NO_DIFFERENCE, suspenseDifference: NO_DIFFERENCE },
    });
  };

  if (selected.has('missing-debit') && cal.chargeable.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const monday = rng.pick(cal.chargeable);
      const expected = ruleDebit(a, acc, cal);
      for (const i of postingsOf(p, acc, (k) => p.cat[k] === CAT.RENT && p.day[k] === monday)) p.flags[i] = p.flags[i]! | F_DELETED;
      const actual = postedRent(p, acc);
      plants.push(
        debitPlant(
          'missing-debit',
          acc,
          expected,
          actual,
          `The debit run of Monday ${ukOf(monday)} left out ${who(acc)}: it should have been charged ${gbp(expected)} in the period but was charged ${gbp(actual)}, one week of ${gbp(a.weekly[acc]!)} short.`,
          () => [],
        ),
      );
    }
  }

  if (selected.has('extra-debit') && cal.chargeable.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const monday = rng.pick(cal.chargeable);
      const expected = ruleDebit(a, acc, cal);
      const added = postingsOf(p, acc, (k) => p.cat[k] === CAT.RENT && p.day[k] === monday).map((i) => p.push(monday, CAT.RENT, p.amt[i]!, acc, p.desc[i]!, 0));
      const actual = postedRent(p, acc);
      plants.push(
        debitPlant(
          'extra-debit',
          acc,
          expected,
          actual,
          `The debit run of Monday ${ukOf(monday)} charged ${who(acc)} twice: ${gbp(actual)} posted in the period against ${gbp(expected)} expected, an extra week of ${gbp(a.weekly[acc]!)}.`,
          (layout) => postingRows(layout, added, 'the duplicated debit'),
        ),
      );
    }
  }

  if (selected.has('debit-after-end') && cal.chargeable.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      // The tenancy ended a few days before the last chargeable Monday, but the debit run still charged it.
      const last = cal.chargeable[cal.chargeable.length - 1] as number;
      a.end[acc] = last - rng.int(1, 4);
      a.status[acc] = ST_ENDING;
      const expected = ruleDebit(a, acc, cal);
      const actual = postedRent(p, acc);
      const after = postingsOf(p, acc, (k) => p.cat[k] === CAT.RENT && p.day[k] === last);
      plants.push(
        debitPlant(
          'debit-after-end',
          acc,
          expected,
          actual,
          `The tenancy of ${who(acc)} ended on ${ukOf(a.end[acc]!)}, but the debit run of Monday ${ukOf(last)} still charged it ${gbp(a.weekly[acc]!)}: ${gbp(actual)} posted in the period against ${gbp(expected)} expected.`,
          (layout) => postingRows(layout, after, 'the debit after the end date'),
        ),
      );
    }
  }

  if (selected.has('debit-in-rent-free-week') && cal.rentFreeInPeriod.length > 0) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const monday = rng.pick(cal.rentFreeInPeriod);
      const expected = ruleDebit(a, acc, cal);
      const wc = ukOf(monday);
      const added = [p.push(monday, CAT.RENT, a.weekly[acc]!, acc, descs.id(`Rent and charges w/c ${wc}`), 0)];
      const actual = postedRent(p, acc);
      plants.push(
        debitPlant(
          'debit-in-rent-free-week',
          acc,
          expected,
          actual,
          `${who(acc).replace(/^a/, 'A')} was charged ${gbp(a.weekly[acc]!)} for the week commencing Monday ${wc}, a rent-free week: ${gbp(actual)} posted in the period against ${gbp(expected)} expected.`,
          (layout) => postingRows(layout, added, 'the debit in the rent-free week'),
        ),
      );
    }
  }

  if (selected.has('balance-break')) {
    const acc = takeAccount(pool, a, rng);
    if (acc !== null) {
      const delta = (rng.chance(0.5) ? 1 : -1) * rng.int(500, 9999);
      a.closingError[acc] = delta;
      plants.push(({ layout }) => {
        // Computed at the end: receipts may have moved by a penny to keep batch totals distinct.
        const postings = postingsOf(p, acc, () => true).reduce((s, i) => s + p.amt[i]!, 0);
        const expected = a.opening[acc]! + postings;
        const actual = expected + delta;
        return {
          kind: 'balance-break',
          description: `The rent roll reports a closing balance of ${gbp(actual)} for ${who(acc)}, but its opening balance ${gbp(a.opening[acc]!)} plus its postings ${gbp(postings)} come to ${gbp(expected)}: the roll shows ${gbp(Math.abs(delta))} ${delta > 0 ? 'more' : 'less'} than the transactions explain.`,
          amount: toPence(delta),
          amounts: { opening: toPence(a.opening[acc]!), postings: toPence(postings), expected: toPence(expected), actual: toPence(actual) },
          rows: [rollRows(layout, acc)],
          effects: {
            unmatchedBatches: [],
            accountExceptions: [{ account: a.ref[acc] as string, kind: 'balance', expected: toPence(expected), actual: toPence(actual) }],
            timingSuggestions: [],
            difference: toPence(delta),
            suspenseDifference: NO_DIFFERENCE,
          },
        };
      });
    }
  }
}

// =============================================================================================
// Batches: the postings of one category, one date and one Batch Ref.
// =============================================================================================

function makeBatches(p: PostingStore, accounts: number, rng: Rng): { batches: Batch[]; order: Order } {
  // Counting sort by account (stable): each batch lists its postings in account order.
  const counts = new Int32Array(accounts + 1);
  for (let i = 0; i < p.n; i++) counts[p.acc[i]! + 1]!++;
  for (let k = 1; k <= accounts; k++) counts[k] = counts[k]! + counts[k - 1]!;
  const byAccount = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) byAccount[counts[p.acc[i]!]!++] = i;

  const keyOf = (i: number): number => p.day[i]! * 16 + p.cat[i]!;
  const sizes = new Map<number, number>();
  for (let i = 0; i < p.n; i++) if (p.live(i)) sizes.set(keyOf(i), (sizes.get(keyOf(i)) ?? 0) + 1);
  const batches: Batch[] = [];
  const groups = new Map<number, { first: number; nb: number; used: number }>();
  for (const key of [...sizes.keys()].sort((x, y) => x - y)) {
    const size = sizes.get(key) as number;
    const cat = key % 16;
    const day = (key - cat) / 16;
    const cap = BATCH_CAP[cat] ?? Infinity;
    let nb = Math.max(1, Math.ceil(size / cap));
    // Now and then a second batch the same day: a second till, a second file.
    if (cap !== Infinity && size > nb && rng.chance(0.15)) nb++;
    groups.set(key, { first: batches.length, nb, used: 0 });
    for (let s = 0; s < nb; s++) {
      const ref = `${BATCH_PREFIX[cat]}${compactOf(day)}${nb > 1 ? `-${s + 1}` : ''}`;
      batches.push({ cat, day, ref, amount: 0, count: 0, first: 0, fate: 'posted', glDay: day, keyed: 0 });
    }
  }
  const batchOf = new Int32Array(p.n).fill(-1);
  for (let j = 0; j < byAccount.length; j++) {
    const i = byAccount[j]!;
    if (!p.live(i)) continue;
    const g = groups.get(keyOf(i)) as { first: number; nb: number; used: number };
    // The first postings seed every batch of the day; the rest land at random.
    const s = g.used < g.nb ? g.used++ : g.nb === 1 ? 0 : rng.int(0, g.nb - 1);
    const b = batches[g.first + s] as Batch;
    batchOf[i] = g.first + s;
    b.amount += p.amt[i]!;
    b.count++;
  }
  let offset = 0;
  for (const b of batches) {
    b.first = offset;
    offset += b.count;
  }
  const next = new Int32Array(batches.length);
  batches.forEach((b, k) => (next[k] = b.first));
  const perm = new Int32Array(offset);
  const rank = new Int32Array(p.n).fill(-1);
  for (let j = 0; j < byAccount.length; j++) {
    const i = byAccount[j]!;
    const b = batchOf[i]!;
    if (b < 0) continue;
    const r = next[b]!++;
    perm[r] = i;
    rank[i] = r;
  }
  return { batches, order: { perm, rank, batchOf } };
}

/**
 * Batch matching pairs a batch with a GL line of the same category and amount within 5 days. Two
 * batches of one category with equal totals within 5 days of each other would make it ambiguous,
 * so the later one moves by a penny (one receipt a penny bigger). Debit runs are 7 days apart.
 */
function keepBatchTotalsDistinct(batches: Batch[], p: PostingStore, order: Order, suspense: SuspenseItemModel[]): void {
  const seen = new Map<string, number[]>();
  const clash = (b: Batch): boolean => b.amount === 0 || (seen.get(`${b.cat}:${b.amount}`) ?? []).some((d) => Math.abs(d - b.day) <= BATCH_WINDOW);
  batches.forEach((b, index) => {
    for (let guard = 0; clash(b); guard++) {
      if (guard > 50) throw new Error(`cannot make the total of batch ${b.ref} distinct`);
      let moved = false;
      for (let r = b.first; r < b.first + b.count && !moved; r++) {
        const i = order.perm[r]!;
        if (p.flags[i]! & F_ADJUSTABLE) {
          const step = p.amt[i]! < 0 ? -1 : 1;
          p.amt[i] = p.amt[i]! + step;
          b.amount += step;
          moved = true;
        }
      }
      if (!moved) {
        // Suspense allocations only: the item itself was a penny more.
        const item = suspense.find((s) => s.clearancePosting >= 0 && order.batchOf[s.clearancePosting] === index);
        if (!item) throw new Error(`batch ${b.ref} has no posting that may move`);
        item.amount += 1;
        p.amt[item.clearancePosting] = p.amt[item.clearancePosting]! - 1;
        b.amount -= 1;
      }
    }
    const key = `${b.cat}:${b.amount}`;
    const list = seen.get(key);
    if (list) list.push(b.day);
    else seen.set(key, [b.day]);
  });
}

// =============================================================================================
// Plants in the GL: a missing batch, a keyed-wrong amount, a duplicated line, timing at month end.
// =============================================================================================

/** Amounts with two adjacent digits swapped (the classic keying error), never with a leading zero. */
function transpositions(amount: number): number[] {
  const s = String(Math.abs(amount));
  const out: number[] = [];
  for (let k = 0; k + 1 < s.length; k++) {
    if (s[k] === s[k + 1] || (k === 0 && s[1] === '0')) continue;
    out.push(Math.sign(amount) * Number(s.slice(0, k) + (s[k + 1] as string) + (s[k] as string) + s.slice(k + 2)));
  }
  return out;
}

function batchWords(b: Batch): string {
  return `${CATEGORY_LABELS[catName(b.cat)]} batch ${b.ref} of ${ukOf(b.day)} (${formatGBP(toPence(b.amount))}, ${b.count} posting${b.count === 1 ? '' : 's'})`;
}

function plantGlDiscrepancies(selected: ReadonlySet<PlantKind>, batches: Batch[], cal: Calendar, rng: Rng, plants: PlantDraft[]): void {
  // Mid-month, well before the timing window, so only the month-end plant is suggested as timing.
  const midMonth = batches.filter((b) => RECEIPTS.includes(b.cat) && b.day >= cal.start + 2 && b.day <= cal.end - TIMING_WINDOW - 3);
  const taken = new Set<Batch>();
  const take = (list: readonly Batch[], prefer: readonly number[]): Batch | null => {
    const free = list.filter((b) => !taken.has(b));
    const preferred = free.filter((b) => prefer.includes(b.cat));
    const pool = preferred.length > 0 ? preferred : free;
    if (pool.length === 0) return null;
    const b = rng.pick(pool);
    taken.add(b);
    return b;
  };
  const hmsSide = (b: Batch): ExpectedBatch => ({ side: 'hms', date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount) });
  const batchRows = (layout: Layout, b: Batch): PlantRows => {
    const [from, to] = layout.batchRows(b);
    return { sheet: layout.names.transactions, from, to, what: `the postings of batch ${b.ref}` };
  };
  const glRows = (layout: Layout, line: GlLine, what: string): PlantRows => ({ sheet: layout.names.gl, from: layout.glRow(line), to: layout.glRow(line), what });

  if (selected.has('gl-missing-batch')) {
    const b = take(midMonth, [CAT.CASH, CAT.BANK]);
    if (b) {
      b.fate = 'missing';
      plants.push(({ layout }) => ({
        kind: 'gl-missing-batch',
        description: `The ${batchWords(b)} is in the housing system but was never posted to the GL control account ${GL_CONTROL}.`,
        amount: toPence(b.amount),
        amounts: { batch: toPence(b.amount) },
        rows: [batchRows(layout, b)],
        effects: { unmatchedBatches: [hmsSide(b)], accountExceptions: [], timingSuggestions: [], difference: toPence(b.amount), suspenseDifference: NO_DIFFERENCE },
      }));
    }
  }

  if (selected.has('gl-wrong-amount')) {
    const b = take(
      midMonth.filter((x) => Math.abs(x.amount) >= 1000 && transpositions(x.amount).length > 0),
      [CAT.BANK, CAT.ALLPAY, CAT.DD],
    );
    // The keyed amount must not be the total of another batch the line could then match.
    const others = b ? new Set(batches.filter((o) => o.cat === b.cat && Math.abs(o.day - b.day) <= 2 * BATCH_WINDOW).map((o) => o.amount)) : new Set<number>();
    const keyed = b ? transpositions(b.amount).find((t) => !others.has(t)) : undefined;
    if (b && keyed !== undefined) {
      b.fate = 'wrong';
      b.keyed = keyed;
      plants.push(({ layout, gl }) => {
        const line = gl.wrongLine as GlLine;
        return {
          kind: 'gl-wrong-amount',
          description: `The GL line for the ${batchWords(b)} was keyed as ${formatGBP(toPence(keyed))} instead of ${formatGBP(toPence(b.amount))} (two digits transposed; journal ${line.journal} of ${ukOf(line.day)}): the batch and the GL line are both unmatched, and they differ by ${formatGBP(toPence(Math.abs(keyed - b.amount)))}.`,
          amount: toPence(b.amount - keyed),
          amounts: { batch: toPence(b.amount), keyed: toPence(keyed) },
          rows: [batchRows(layout, b), glRows(layout, line, `GL line of journal ${line.journal}`)],
          effects: {
            unmatchedBatches: [hmsSide(b), { side: 'gl', date: isoOf(line.day), category: catName(b.cat), amount: toPence(keyed) }],
            accountExceptions: [],
            timingSuggestions: [],
            difference: toPence(b.amount - keyed),
            suspenseDifference: NO_DIFFERENCE,
          },
        };
      });
    }
  }

  if (selected.has('gl-duplicate-line')) {
    const b = take(midMonth, [CAT.ALLPAY, CAT.CARD, CAT.UC]);
    if (b) {
      b.fate = 'duplicated';
      plants.push(({ layout, gl }) => {
        const [original, copy] = gl.duplicateLines as [GlLine, GlLine];
        return {
          kind: 'gl-duplicate-line',
          description: `The GL line for the ${batchWords(b)} was posted twice, as journal ${original.journal} and again as journal ${copy.journal}, both dated ${ukOf(copy.day)}: one copy matches the batch, the other is unmatched.`,
          amount: toPence(-b.amount),
          amounts: { batch: toPence(b.amount) },
          rows: [batchRows(layout, b), glRows(layout, original, `GL line of journal ${original.journal}`), glRows(layout, copy, `GL line of journal ${copy.journal} (the copy)`)],
          effects: {
            unmatchedBatches: [{ side: 'gl', date: isoOf(copy.day), category: catName(b.cat), amount: toPence(b.amount) }],
            accountExceptions: [],
            timingSuggestions: [],
            difference: toPence(-b.amount),
            suspenseDifference: NO_DIFFERENCE,
          },
        };
      });
    }
  }

  if (selected.has('timing')) {
    // A receipts batch of the last working day (or the one before), whose GL line falls into next month.
    const lastDays = cal.working.filter((d) => d >= cal.end - (TIMING_WINDOW - 1)).slice(-2).reverse();
    let chosen: Batch | undefined;
    for (const day of lastDays) {
      for (const cat of [CAT.ALLPAY, CAT.CARD, CAT.BANK, CAT.DD, CAT.CASH, CAT.UC, CAT.HB]) {
        chosen ??= batches.find((x) => x.cat === cat && x.day === day && !taken.has(x));
      }
    }
    if (chosen) {
      const b = chosen;
      taken.add(b);
      b.fate = 'timing';
      b.glDay = cal.nextWorking(Math.max(cal.end + 1, b.day + 1));
      const t: ExpectedTiming = { date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount), batchRef: b.ref };
      plants.push(({ layout }) => ({
        kind: 'timing',
        description: `The ${batchWords(b)} was posted in the housing system at the end of the month and reaches the GL on ${ukOf(b.glDay)}, in the next period: it is absent from this GL export, a timing difference the reconciliation should suggest.`,
        amount: toPence(b.amount),
        amounts: { batch: toPence(b.amount) },
        rows: [batchRows(layout, b)],
        effects: { unmatchedBatches: [hmsSide(b)], accountExceptions: [], timingSuggestions: [t], difference: toPence(b.amount), suspenseDifference: NO_DIFFERENCE },
      }));
    }
  }
}

function plantSuspenseDifference(selected: ReadonlySet<PlantKind>, items: SuspenseItemModel[], rng: Rng, plants: PlantDraft[]): void {
  if (!selected.has('suspense-difference')) return;
  const candidates = items.filter((s) => s.clearedDay < 0 && s.glLine !== null);
  if (candidates.length === 0) return;
  const it = rng.pick(candidates);
  it.listed = false;
  const line = it.glLine as GlLine;
  plants.push(({ layout }) => ({
    kind: 'suspense-difference',
    description: `Suspense item ${it.ref} of ${ukOf(it.day)} (${formatGBP(toPence(it.amount))} from ${it.payer}, reference '${it.reference}') was credited to the GL suspense account ${GL_SUSPENSE} (journal ${line.journal}) but is missing from the suspense item list: the GL holds ${formatGBP(toPence(it.amount))} more than the list.`,
    amount: toPence(it.amount),
    amounts: { item: toPence(it.amount) },
    rows: [{ sheet: layout.names.gl, from: layout.glRow(line), to: layout.glRow(line), what: `GL suspense line of journal ${line.journal}` }],
    effects: { unmatchedBatches: [], accountExceptions: [], timingSuggestions: [], difference: NO_DIFFERENCE, suspenseDifference: toPence(it.amount) },
  }));
}

// =============================================================================================
// The GL: control account 1100, suspense 1190, and the other side of every journal.
// =============================================================================================

const CONTRA: readonly string[] = [GL_INCOME, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BANK, GL_BAD_DEBT, GL_BANK, GL_SUSPENSE, GL_INCOME];
const GL_WORDS: readonly string[] = [
  'Debit run',
  'Housing Benefit schedule',
  'UC managed payments schedule',
  'Direct Debit collection',
  'Allpay file',
  'Cash office banking',
  'Bank statement receipts',
  'Card settlement',
  'Write-offs approved',
  'Tenant refunds',
  'Suspense allocations and transfers',
  'Rent account adjustments',
];

interface Entry {
  readonly account: string;
  readonly source: Category | 'OPENING';
  readonly description: string;
  readonly net: number;
  readonly unmatched?: boolean;
}

function makeGl(batches: Batch[], a: Accounts, suspense: SuspenseItemModel[], cal: Calendar, seed: number): GlModel {
  const lines: GlLine[] = [];
  let group = 0;
  const journal = (day: number, entries: readonly Entry[], ref = ''): GlLine[] => {
    const g = group++;
    const out = entries.map((e): GlLine => ({ day, account: e.account, journal: ref, source: e.source, description: e.description, net: e.net, group: g, unmatched: e.unmatched ?? false, index: -1 }));
    lines.push(...out);
    return out;
  };

  // Balances brought forward: the control account equals the rent roll's opening balances.
  const ym = `${cal.year}${String(cal.month).padStart(2, '0')}`;
  let opening = 0;
  for (let i = 0; i < a.n; i++) opening += a.opening[i]!;
  journal(cal.start, [{ account: GL_CONTROL, source: 'OPENING', description: 'Balance brought forward', net: opening }], `BF${ym}`);
  let suspenseOpening = 0;
  for (const s of suspense) if (s.day < cal.start) suspenseOpening += s.amount;
  journal(cal.start, [{ account: GL_SUSPENSE, source: 'OPENING', description: 'Balance brought forward', net: -suspenseOpening }], `BF${ym}`);

  let wrongLine: GlLine | null = null;
  let duplicateLines: [GlLine, GlLine] | null = null;
  for (const b of batches) {
    if (b.fate === 'missing' || b.fate === 'timing') continue;
    // The interface posts the same day or a few working days later, never beyond the window or the period.
    const r = new Rng(seed, hashString(`${b.ref}:${b.cat}`)).next();
    let lag = r < 0.5 ? 0 : r < 0.8 ? 1 : r < 0.92 ? 2 : 3;
    let glDay = lag === 0 ? b.day : cal.addWorking(b.day, lag);
    while (lag > 0 && (glDay - b.day > BATCH_WINDOW || glDay > cal.end)) {
      lag--;
      glDay = lag === 0 ? b.day : cal.addWorking(b.day, lag);
    }
    b.glDay = glDay;
    const amount = b.fate === 'wrong' ? b.keyed : b.amount;
    const words = `${GL_WORDS[b.cat]} ${b.ref}`;
    const source = catName(b.cat);
    const entries: Entry[] = [
      { account: GL_CONTROL, source, description: words, net: amount, unmatched: b.fate === 'wrong' },
      { account: CONTRA[b.cat] as string, source, description: words, net: -amount },
    ];
    const posted = journal(glDay, entries);
    if (b.fate === 'wrong') wrongLine = posted[0] as GlLine;
    if (b.fate === 'duplicated') {
      const copy = journal(glDay, [{ ...(entries[0] as Entry), unmatched: true }, entries[1] as Entry]);
      duplicateLines = [posted[0] as GlLine, copy[0] as GlLine];
    }
  }

  // Money without a usable reference: Dr bank, Cr suspense, a line per receipt.
  for (const s of suspense) {
    if (s.day < cal.start) continue;
    const words = `Unidentified receipt ${s.ref} ${s.payer}`;
    const source = catName(s.channel);
    s.glLine = journal(s.day, [
      { account: GL_SUSPENSE, source, description: words, net: -s.amount },
      { account: GL_BANK, source, description: words, net: s.amount },
    ])[0] as GlLine;
  }

  // Lines on other accounts only, which the reconciliation must ignore.
  if (cal.working.length > 0) {
    const last = cal.working[cal.working.length - 1] as number;
    const feeRng = new Rng(seed, 11);
    const fee = feeRng.int(2500, 4000) + Math.round(a.n / 10);
    journal(last, [
      { account: GL_BANK_CHARGES, source: 'ADJUST', description: 'Bank charges', net: fee },
      { account: GL_BANK, source: 'ADJUST', description: 'Bank charges', net: -fee },
    ]);
    const commission = feeRng.int(1500, 3000) + Math.round(a.n / 4);
    journal(last, [
      { account: GL_BANK_CHARGES, source: 'ALLPAY', description: 'Allpay transaction charges', net: commission },
      { account: GL_BANK, source: 'ALLPAY', description: 'Allpay transaction charges', net: -commission },
    ]);
  }

  // Journals are numbered in date order; the export lists lines by date, then journal.
  const groupDay: number[] = [];
  for (const l of lines) groupDay[l.group] = l.day;
  const groups = groupDay.map((_, g) => g).sort((x, y) => (groupDay[x] as number) - (groupDay[y] as number) || x - y);
  const numberOf = new Int32Array(groups.length);
  groups.forEach((g, k) => (numberOf[g] = k));
  const base = 40000 + ((cal.year * 12 + cal.month) % 50) * 1000;
  for (const l of lines) if (l.journal === '') l.journal = `JNL${String(base + numberOf[l.group]!).padStart(6, '0')}`;
  lines.sort((x, y) => x.day - y.day || numberOf[x.group]! - numberOf[y.group]!);
  lines.forEach((l, k) => (l.index = k));
  return { lines, wrongLine, duplicateLines };
}

// =============================================================================================
// The oracle: the reconcile --json figures, from the model.
// =============================================================================================

const KIND_ORDER: Readonly<Record<ExceptionKind, number>> = { balance: 0, 'missing-debit': 1, 'extra-debit': 2, 'debit-after-end': 3, 'debit-in-rent-free-week': 4 };

function computeExpected(a: Accounts, p: PostingStore, batches: Batch[], gl: GlModel, suspense: SuspenseItemModel[], cal: Calendar): ExpectedReconcile {
  const total = new Float64Array(a.n);
  const rent = new Float64Array(a.n);
  const afterEnd = new Float64Array(a.n);
  const inRentFree = new Float64Array(a.n);
  const hmsByCat = new Float64Array(CATEGORIES.length);
  const hmsSeen = new Uint8Array(CATEGORIES.length);
  let transactions = 0;
  for (let i = 0; i < p.n; i++) {
    if (!p.live(i)) continue;
    const acc = p.acc[i]!;
    const amt = p.amt[i]!;
    const cat = p.cat[i]!;
    transactions += amt;
    total[acc] = total[acc]! + amt;
    hmsByCat[cat] = hmsByCat[cat]! + amt;
    hmsSeen[cat] = 1;
    if (cat === CAT.RENT) {
      rent[acc] = rent[acc]! + amt;
      const monday = p.day[i]! - weekdayOf(p.day[i]!);
      if (monday > a.end[acc]!) afterEnd[acc] = afterEnd[acc]! + amt;
      if (cal.rentFree.has(monday)) inRentFree[acc] = inRentFree[acc]! + amt;
    }
  }

  let opening = 0;
  let reported = 0;
  const exceptions: ExpectedException[] = [];
  for (let acc = 0; acc < a.n; acc++) {
    const calc = a.opening[acc]! + total[acc]!;
    const closing = calc + a.closingError[acc]!;
    opening += a.opening[acc]!;
    reported += closing;
    const ref = a.ref[acc] as string;
    if (closing !== calc) exceptions.push({ account: ref, kind: 'balance', expected: toPence(calc), actual: toPence(closing) });
    const expected = ruleDebit(a, acc, cal);
    const actual = rent[acc]!;
    if (expected !== actual) {
      const excess = actual - expected;
      const kind: ExceptionKind =
        excess < 0 ? 'missing-debit' : afterEnd[acc]! > 0 && afterEnd[acc]! >= excess ? 'debit-after-end' : inRentFree[acc]! > 0 && inRentFree[acc]! >= excess ? 'debit-in-rent-free-week' : 'extra-debit';
      exceptions.push({ account: ref, kind, expected: toPence(expected), actual: toPence(actual) });
    }
  }
  exceptions.sort((x, y) => (x.account < y.account ? -1 : x.account > y.account ? 1 : KIND_ORDER[x.kind] - KIND_ORDER[y.kind]));

  let glOpening = 0;
  let movement = 0;
  const glByCat = new Float64Array(CATEGORIES.length);
  const glSeen = new Uint8Array(CATEGORIES.length);
  let suspenseBalance = 0;
  for (const l of gl.lines) {
    if (l.account === GL_SUSPENSE) suspenseBalance -= l.net;
    if (l.account !== GL_CONTROL) continue;
    if (l.source === 'OPENING') glOpening += l.net;
    else {
      const c = CAT[l.source];
      movement += l.net;
      glByCat[c] = glByCat[c]! + l.net;
      glSeen[c] = 1;
    }
  }
  const components: ExpectedComponent[] = [];
  CATEGORIES.forEach((category, c) => {
    if (!hmsSeen[c] && !glSeen[c]) return;
    components.push({ category, hms: toPence(hmsByCat[c]!), gl: toPence(glByCat[c]!), difference: toPence(hmsByCat[c]! - glByCat[c]!) });
  });

  const byDateCategoryAmount = (x: ExpectedBatch, y: ExpectedBatch): number =>
    (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || CAT[x.category] - CAT[y.category] || x.amount - y.amount;
  const unmatchedHms: ExpectedBatch[] = batches
    .filter((b) => b.fate === 'missing' || b.fate === 'timing' || b.fate === 'wrong')
    .map((b) => ({ side: 'hms', date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount) }));
  const unmatchedGl: ExpectedBatch[] = gl.lines
    .filter((l) => l.unmatched)
    .map((l) => ({ side: 'gl', date: isoOf(l.day), category: l.source as Category, amount: toPence(l.net) }));

  const timingFrom = cal.end - (TIMING_WINDOW - 1);
  const timingSuggestions: ExpectedTiming[] = batches
    .filter((b) => b.fate !== 'posted' && b.fate !== 'duplicated' && b.day >= timingFrom)
    .map((b) => {
      // The oracle's own invariant: only the month-end plant may leave a batch unmatched this late.
      if (b.fate !== 'timing') throw new Error(`batch ${b.ref} is unmatched in the timing window without being a timing plant`);
      return { date: isoOf(b.day), category: catName(b.cat), amount: toPence(b.amount), batchRef: b.ref };
    })
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || CAT[x.category] - CAT[y.category] || (x.batchRef < y.batchRef ? -1 : 1));
  const timingTotal = timingSuggestions.reduce((s, t) => s + t.amount, 0);

  let itemsTotal = 0;
  for (const s of suspense) if (s.listed && s.clearedDay < 0) itemsTotal += s.amount;

  const glClosing = glOpening + movement;
  const difference = reported - glClosing;
  return {
    hms: { opening: toPence(opening), transactions: toPence(transactions), calculatedClosing: toPence(opening + transactions), reportedClosing: toPence(reported) },
    gl: { opening: toPence(glOpening), movement: toPence(movement), closing: toPence(glClosing) },
    difference: toPence(difference),
    components,
    unmatchedBatches: [...unmatchedHms.sort(byDateCategoryAmount), ...unmatchedGl.sort(byDateCategoryAmount)],
    accountExceptions: exceptions,
    suspense: { glBalance: toPence(suspenseBalance), itemsTotal: toPence(itemsTotal), difference: toPence(suspenseBalance - itemsTotal) },
    timingSuggestions,
    timingTotal: toPence(timingTotal),
    unexplained: toPence(difference - timingTotal),
  };
}

// =============================================================================================
// The sheets: title rows, headers (standard or synonyms), columns (shuffled, extra), cells.
// =============================================================================================

type CellKind = 'text' | 'date' | 'money' | 'number';

interface Column {
  readonly header: string;
  readonly synonym: string | null;
  readonly kind: CellKind;
}

const ROLL_COLUMNS: readonly Column[] = [
  { header: 'Account Ref', synonym: 'Tenancy Ref', kind: 'text' },
  { header: 'Property Ref', synonym: null, kind: 'text' },
  { header: 'Tenant Name', synonym: null, kind: 'text' },
  { header: 'Address', synonym: null, kind: 'text' },
  { header: 'Postcode', synonym: null, kind: 'text' },
  { header: 'Start Date', synonym: null, kind: 'date' },
  { header: 'End Date', synonym: null, kind: 'date' },
  { header: 'Weekly Charge', synonym: 'Weekly Rent', kind: 'money' },
  { header: 'Opening Balance', synonym: null, kind: 'money' },
  { header: 'Closing Balance', synonym: null, kind: 'money' },
];
const ROLL_EXTRAS: readonly Column[] = [
  { header: 'Patch', synonym: null, kind: 'text' },
  { header: 'Officer', synonym: null, kind: 'text' },
  { header: 'Tenure', synonym: null, kind: 'text' },
];
const TX_COLUMNS: readonly Column[] = [
  { header: 'Date', synonym: 'Trans Date', kind: 'date' },
  { header: 'Account Ref', synonym: 'Account No', kind: 'text' },
  { header: 'Code', synonym: 'Tran Code', kind: 'text' },
  { header: 'Amount', synonym: 'Value', kind: 'money' },
  { header: 'Batch Ref', synonym: 'Batch No', kind: 'text' },
  { header: 'Description', synonym: 'Narrative', kind: 'text' },
];
const TX_EXTRAS: readonly Column[] = [
  { header: 'Posted By', synonym: null, kind: 'text' },
  { header: 'Rent Week', synonym: null, kind: 'number' },
];
const GL_COLUMNS: readonly Column[] = [
  { header: 'Date', synonym: 'Posting Date', kind: 'date' },
  { header: 'Account', synonym: 'Nominal Code', kind: 'text' },
  { header: 'Journal Ref', synonym: 'Journal No', kind: 'text' },
  { header: 'Source', synonym: null, kind: 'text' },
  { header: 'Description', synonym: 'Narrative', kind: 'text' },
  { header: 'Debit', synonym: 'Dr', kind: 'money' },
  { header: 'Credit', synonym: 'Cr', kind: 'money' },
];
const GL_EXTRAS: readonly Column[] = [
  { header: 'Period', synonym: null, kind: 'text' },
  { header: 'Posted By', synonym: null, kind: 'text' },
];
const SUSPENSE_COLUMNS: readonly Column[] = [
  { header: 'Item Ref', synonym: 'Item No', kind: 'text' },
  { header: 'Date', synonym: null, kind: 'date' },
  { header: 'Amount', synonym: 'Value', kind: 'money' },
  { header: 'Reference', synonym: null, kind: 'text' },
  { header: 'Payer', synonym: 'Payer Name', kind: 'text' },
  { header: 'Narrative', synonym: null, kind: 'text' },
  { header: 'Channel', synonym: 'Payment Method', kind: 'text' },
];
const SUSPENSE_EXTRAS: readonly Column[] = [
  { header: 'Status', synonym: null, kind: 'text' },
  { header: 'Officer', synonym: null, kind: 'text' },
];

const OFFICERS = ['K. Patel', 'S. Hughes', 'M. Begum', 'D. Walker', 'A. Nowak', 'R. Campbell', 'J. Okafor', 'L. Wright', 'T. Murphy', 'C. Evans'];
const POSTED_BY = ['DEBITRUN', 'HBIMPORT', 'UCIMPORT', 'BACSIMP', 'ALLPAYIF', 'CASHIER', 'BANKREC', 'CARDIMP', 'ARREARS', 'REFUNDS', 'SUSPENSE', 'RENTOFF'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Pence as pounds for a cell: p / 100 is the double nearest the two-decimal value, exactly as penceToPounds gives. */
const pounds = (p: number): number => p / 100;

interface SheetPlan {
  readonly columns: readonly Column[];
  /** Output column of each field (fields first, then extras). */
  readonly pos: Int32Array;
  readonly width: number;
}

function planColumns(fields: readonly Column[], extras: readonly Column[], layout: LayoutOptions, rng: Rng): SheetPlan {
  const columns = layout.extraColumns ? [...fields, ...extras] : [...fields];
  const order = columns.map((_, k) => k);
  if (layout.shuffleColumns) {
    rng.shuffle(order);
    if (order.every((v, k) => v === k) && order.length > 1) order.push(order.shift() as number);
  }
  const pos = new Int32Array(columns.length);
  order.forEach((field, col) => (pos[field] = col));
  return { columns, pos, width: columns.length };
}

function renderSheets(
  layout: LayoutOptions,
  cal: Calendar,
  a: Accounts,
  p: PostingStore,
  order: Order,
  batches: Batch[],
  gl: GlModel,
  suspense: SuspenseItemModel[],
  descs: Interner,
  rng: Rng,
): Layout {
  const names: Record<SheetRole, string> = { ...DEFAULT_SHEET_NAMES, ...layout.sheetNames };
  const titleRows = layout.titleRows ?? 0;
  const firstData = titleRows + 2; // Excel row of the first data row
  const monthWords = `${MONTH_NAMES[cal.month - 1]} ${cal.year}`;
  const runDate = ukOf(cal.nextWorking(cal.end + 1));

  const dateCache = new Map<number, RawCell>();
  const dateCell = (n: number): RawCell => {
    let c = dateCache.get(n);
    if (c === undefined) {
      c = layout.textDates ? ukOf(n) : isoToSerial(isoOf(n));
      dateCache.set(n, c);
    }
    return c;
  };
  const codeOf = CATEGORIES.map((c) => (layout.landlordCodes ? LANDLORD_CODES[c] : c));
  const glAccount = (code: string): RawCell => (layout.glAccountAsNumber ? Number(code) : code);

  const sheet = (role: SheetRole, plan: SheetPlan, titles: readonly string[], fill: (rows: RawCell[][]) => void): GeneratedSheet => {
    const rows: RawCell[][] = [];
    for (let k = 0; k < titleRows; k++) rows.push(titleRows >= 2 && k === titleRows - 1 ? [] : [titles[k % titles.length] as string]);
    const header: RawCell[] = new Array<RawCell>(plan.width);
    plan.columns.forEach((c, f) => (header[plan.pos[f]!] = layout.useSynonyms && c.synonym !== null ? c.synonym : c.header));
    rows.push(header);
    fill(rows);
    const colsOf = (kind: CellKind): number[] =>
      plan.columns
        .map((c, f) => (c.kind === kind ? plan.pos[f]! : -1))
        .filter((c) => c >= 0)
        .sort((x, y) => x - y);
    return { name: names[role], role, rows, dateColumns: colsOf('date'), moneyColumns: colsOf('money'), headerRow: titleRows + 1 };
  };

  // The rent roll: one row per account, in account order.
  const rollPlan = planColumns(ROLL_COLUMNS, ROLL_EXTRAS, layout, rng);
  const rentRoll = sheet('rentRoll', rollPlan, ['Rent roll export — Oak Tree Housing Association', `Period: ${monthWords}`, `Run on ${runDate} by report RR01`], (rows) => {
    const { pos, width } = rollPlan;
    const closing = new Float64Array(a.n);
    for (let i = 0; i < p.n; i++) if (p.live(i)) closing[p.acc[i]!] = closing[p.acc[i]!]! + p.amt[i]!;
    for (let i = 0; i < a.n; i++) {
      const row = new Array<RawCell>(width);
      row[pos[0]!] = a.ref[i] as string;
      row[pos[1]!] = a.property[i] as string;
      row[pos[2]!] = a.tenant[i] as string;
      row[pos[3]!] = a.address[i] as string;
      row[pos[4]!] = a.postcode[i] as string;
      row[pos[5]!] = dateCell(a.start[i]!);
      row[pos[6]!] = a.end[i] === NO_END ? null : dateCell(a.end[i]!);
      row[pos[7]!] = pounds(a.weekly[i]!);
      row[pos[8]!] = pounds(a.opening[i]!);
      row[pos[9]!] = pounds(a.opening[i]! + closing[i]! + a.closingError[i]!);
      if (width > 10) {
        row[pos[10]!] = `Patch ${(i % 23) + 1}`;
        row[pos[11]!] = OFFICERS[(i * 7) % OFFICERS.length] as string;
        row[pos[12]!] = a.start[i]! > cal.start - 365 ? 'Starter' : a.start[i]! < cal.start - 6000 ? 'Secure' : 'Assured';
      }
      rows.push(row);
    }
  });

  // The transactions: by batch (date, category, batch), then account.
  const txPlan = planColumns(TX_COLUMNS, TX_EXTRAS, layout, rng);
  const transactions = sheet('transactions', txPlan, ['Rent transactions — Oak Tree Housing Association', `Postings dated 01 to ${String(cal.end - cal.start + 1)} ${monthWords}`, `Run on ${runDate} by report TX04`], (rows) => {
    const { pos, width } = txPlan;
    const [pDate, pAcc, pCode, pAmt, pBatch, pDesc] = [pos[0]!, pos[1]!, pos[2]!, pos[3]!, pos[4]!, pos[5]!];
    for (let r = 0; r < order.perm.length; r++) {
      const i = order.perm[r]!;
      const cat = p.cat[i]!;
      const row = new Array<RawCell>(width);
      row[pDate] = dateCell(p.day[i]!);
      row[pAcc] = a.ref[p.acc[i]!] as string;
      row[pCode] = codeOf[cat] as string;
      row[pAmt] = pounds(p.amt[i]!);
      row[pBatch] = (batches[order.batchOf[i]!] as Batch).ref;
      row[pDesc] = descs.list[p.desc[i]!] as string;
      if (width > 6) {
        row[pos[6]!] = POSTED_BY[cat] as string;
        row[pos[7]!] = Math.floor((p.day[i]! - cal.rentYearStart) / 7) + 1;
      }
      rows.push(row);
    }
  });

  // The GL: lines by date, then journal.
  const glPlan = planColumns(GL_COLUMNS, GL_EXTRAS, layout, rng);
  const fiscalMonth = ((cal.month + 8) % 12) + 1; // April is period 1
  const fiscalYear = cal.month >= 4 ? cal.year : cal.year - 1;
  const periodText = `P${String(fiscalMonth).padStart(2, '0')} ${fiscalYear}/${String((fiscalYear + 1) % 100).padStart(2, '0')}`;
  const glSheet = sheet('gl', glPlan, ['General ledger detail — Oak Tree Housing Association', `Accounts ${GL_CONTROL}, ${GL_SUSPENSE}, ${GL_BANK}, ${GL_INCOME}, ${GL_BAD_DEBT}, ${GL_BANK_CHARGES}: ${monthWords}`, `Run on ${runDate}`], (rows) => {
    const { pos, width } = glPlan;
    for (const l of gl.lines) {
      const row = new Array<RawCell>(width);
      row[pos[0]!] = dateCell(l.day);
      row[pos[1]!] = glAccount(l.account);
      row[pos[2]!] = l.journal;
      row[pos[3]!] = l.source === 'OPENING' ? 'OPENING' : (codeOf[CAT[l.source]] as string);
      row[pos[4]!] = l.description;
      row[pos[5]!] = l.net > 0 ? pounds(l.net) : null;
      row[pos[6]!] = l.net < 0 ? pounds(-l.net) : l.net === 0 ? 0 : null;
      if (width > 7) {
        row[pos[7]!] = periodText;
        row[pos[8]!] = l.source === 'OPENING' ? 'YEAREND' : l.account === GL_BANK_CHARGES ? 'FINANCE' : 'HMS-IF';
      }
      rows.push(row);
    }
  });

  // The suspense items still awaiting allocation at the end of the month.
  const susPlan = planColumns(SUSPENSE_COLUMNS, SUSPENSE_EXTRAS, layout, rng);
  const susSheet = sheet('suspense', susPlan, ['Rent suspense — items awaiting allocation', `As at ${ukOf(cal.end)}`, `Run on ${runDate}`], (rows) => {
    const { pos, width } = susPlan;
    suspense.forEach((s, k) => {
      if (!s.listed || s.clearedDay >= 0) return;
      const row = new Array<RawCell>(width);
      row[pos[0]!] = s.ref;
      row[pos[1]!] = dateCell(s.day);
      row[pos[2]!] = pounds(s.amount);
      row[pos[3]!] = s.reference;
      row[pos[4]!] = s.payer;
      row[pos[5]!] = s.narrative;
      row[pos[6]!] = catName(s.channel);
      if (width > 7) {
        row[pos[7]!] = 'Open';
        row[pos[8]!] = OFFICERS[k % OFFICERS.length] as string;
      }
      rows.push(row);
    });
  });

  const sheets = [rentRoll, transactions, glSheet, susSheet];
  if (layout.extraEmptySheet) sheets.splice(1, 0, { name: 'Notes', role: null, rows: [], dateColumns: [], moneyColumns: [], headerRow: 0 });
  return {
    sheets,
    names,
    accountRow: (acc) => firstData + acc,
    postingRow: (i) => firstData + order.rank[i]!,
    batchRows: (b) => [firstData + b.first, firstData + b.first + b.count - 1],
    glRow: (line) => firstData + line.index,
  };
}

// =============================================================================================
// The plants in words, for the page beside the sample workbook.
// =============================================================================================

/** A Markdown page describing the month and every planted discrepancy with its figures, generated from the record. */
export function describeMonth(month: GeneratedMonth, title = 'The sample workbook'): string {
  const e = month.expected;
  const g = (p: Pence): string => formatGBP(p);
  const c = month.counts;
  const lines = [
    `# ${title}`,
    '',
    `A month (${month.period}) of a fictional housing association, made by the seeded generator in`,
    '`src/sample/generate.ts`. Names, addresses and references are invented. This page is generated',
    'from the generator\'s own record of what it planted: edit the generator, not this page.',
    '',
    `- ${c.accounts} tenancy accounts, ${c.postings} postings in ${c.hmsBatches} batches, ${c.glLines} GL lines (${c.controlLines} on the control account ${month.config.glControlAccount}, ${c.suspenseLines} on suspense ${month.config.glSuspenseAccount}), ${c.suspenseItems} suspense items.`,
    `- Rent year from ${month.config.rentYearStart}; rent-free weeks: ${month.config.rentFreeWeeks.join(', ') || 'none'}.`,
    '',
    '## Planted discrepancies',
    '',
  ];
  if (month.plants.length === 0) lines.push('None: the month is clean.', '');
  month.plants.forEach((p, k) => {
    lines.push(`${k + 1}. **${p.kind}** (${g(p.amount)}). ${p.description}`);
    for (const r of p.rows) lines.push(`   - ${r.what}: sheet '${r.sheet}', row${r.from === r.to ? ` ${r.from}` : `s ${r.from}-${r.to}`}`);
  });
  lines.push(
    '',
    '## What the reconciliation must find',
    '',
    '| figure | amount |',
    '|---|---:|',
    `| Opening balances (rent roll) | ${g(e.hms.opening)} |`,
    `| Postings in the period | ${g(e.hms.transactions)} |`,
    `| Calculated closing balance | ${g(e.hms.calculatedClosing)} |`,
    `| Reported closing balance (rent roll) | ${g(e.hms.reportedClosing)} |`,
    `| GL control opening | ${g(e.gl.opening)} |`,
    `| GL control movement | ${g(e.gl.movement)} |`,
    `| GL control closing | ${g(e.gl.closing)} |`,
    `| Difference (rent roll - GL) | ${g(e.difference)} |`,
    `| Suggested timing differences | ${g(e.timingTotal)} |`,
    `| Unexplained after timing | ${g(e.unexplained)} |`,
    `| GL suspense balance | ${g(e.suspense.glBalance)} |`,
    `| Suspense items listed | ${g(e.suspense.itemsTotal)} |`,
    `| Suspense difference | ${g(e.suspense.difference)} |`,
    '',
    '### Components',
    '',
    '| category | housing system | GL | difference |',
    '|---|---:|---:|---:|',
    ...e.components.map((x) => `| ${x.category} | ${g(x.hms)} | ${g(x.gl)} | ${g(x.difference)} |`),
    '',
    '### Unmatched batches',
    '',
    '| side | date | category | amount |',
    '|---|---|---|---:|',
    ...e.unmatchedBatches.map((b) => `| ${b.side} | ${b.date} | ${b.category} | ${g(b.amount)} |`),
    '',
    '### Account exceptions',
    '',
    '| account | kind | expected | actual |',
    '|---|---|---:|---:|',
    ...e.accountExceptions.map((x) => `| ${x.account} | ${x.kind} | ${g(x.expected)} | ${g(x.actual)} |`),
    '',
  );
  return lines.join('\n');
}
