/**
 * A seeded generator of a realistic month for a UK housing association: rent roll, the housing
 * system's postings, the GL and the suspense items, with discrepancies planted on purpose. It keeps
 * its own record of what it made and planted (`expected`), computed from its own model and never by
 * calling the reconciliation engine, so tests and the benchmark can check the engine against it.
 */
import type { RawCell } from '../engine/cells';
import { CATEGORIES, type Category } from '../engine/categories';
import { addDays, formatUkDate, isoToSerial, monthPeriod, toDayNumber, weekday, type IsoDate } from '../engine/dates';
import { formatGBP, penceToPounds, toPence, type Pence } from '../engine/money';
import { FIRST_NAMES, STREETS, SURNAMES, TOWNS } from './names';

export type PlantKind =
  | 'missing-gl-batch'
  | 'keyed-wrong-amount'
  | 'duplicate-gl-line'
  | 'timing'
  | 'missing-debit'
  | 'extra-debit'
  | 'debit-after-end'
  | 'debit-in-rent-free-week'
  | 'balance-break'
  | 'suspense-difference';

export const ALL_PLANTS: readonly PlantKind[] = [
  'missing-gl-batch',
  'keyed-wrong-amount',
  'duplicate-gl-line',
  'timing',
  'missing-debit',
  'extra-debit',
  'debit-after-end',
  'debit-in-rent-free-week',
  'balance-break',
  'suspense-difference',
];

export interface LayoutOptions {
  /** Title lines (and a blank row) above each header. */
  readonly titleRows?: number;
  /** Headers under the synonyms real exports use. */
  readonly useSynonyms?: boolean;
  readonly shuffleColumns?: boolean;
  /** Irrelevant columns such as Patch and Officer. */
  readonly extraColumns?: boolean;
  /** Dates typed as dd/mm/yyyy text instead of real dates. */
  readonly textDates?: boolean;
  /** The GL Account column as the number 1100 rather than the text '1100'. */
  readonly glAccountAsNumber?: boolean;
  /** The landlord's own transaction codes (RNT, HBP, ...) mapped in the config. */
  readonly landlordCodes?: boolean;
  readonly extraEmptySheet?: boolean;
}

export interface GenerateOptions {
  readonly seed: number;
  readonly accounts: number;
  /** YYYY-MM */
  readonly period: string;
  readonly rentYearStart?: string;
  readonly rentFreeWeeks?: readonly string[];
  readonly plants?: 'all' | 'none' | readonly PlantKind[];
  readonly layout?: LayoutOptions;
  /** Most postings in one receipt batch (sets the GL line count: ~40 gives ~10,000 lines at 125,000 accounts). */
  readonly batchSize?: number;
}

export interface ExpectedBatch {
  readonly side: 'hms' | 'gl';
  readonly date: IsoDate;
  readonly category: Category;
  readonly amount: Pence;
}

export interface ExpectedException {
  readonly account: string;
  readonly kind: 'balance' | 'missing-debit' | 'extra-debit' | 'debit-after-end' | 'debit-in-rent-free-week';
  readonly expected: Pence;
  readonly actual: Pence;
}

export interface Expected {
  readonly hms: { opening: Pence; transactions: Pence; calculatedClosing: Pence; reportedClosing: Pence };
  readonly gl: { opening: Pence; movement: Pence; closing: Pence };
  readonly difference: Pence;
  readonly components: readonly { category: Category; hms: Pence; gl: Pence; difference: Pence }[];
  readonly unmatchedBatches: readonly ExpectedBatch[];
  readonly accountExceptions: readonly ExpectedException[];
  readonly suspense: { glBalance: Pence; itemsTotal: Pence; difference: Pence };
  /** Housing-system batches of the last days whose GL line falls in the next period. */
  readonly timingSuggestions: readonly ExpectedBatch[];
}

export interface Plant {
  readonly kind: PlantKind;
  readonly description: string;
  readonly amount: Pence;
  readonly account?: string;
  readonly batchRef?: string;
}

export interface GeneratedSheet {
  readonly name: string;
  readonly rows: RawCell[][];
  /** 0-based columns holding dates, for writers that format them. */
  readonly dateColumns: readonly number[];
  /** 0-based columns holding money. */
  readonly moneyColumns: readonly number[];
}

export interface SampleConfig {
  rentYearStart: string;
  rentFreeWeeks: string[];
  glControlAccount: string;
  glSuspenseAccount: string;
  codes: Record<string, string>;
}

export interface GeneratedMonth {
  readonly period: string;
  readonly config: SampleConfig;
  readonly sheets: readonly GeneratedSheet[];
  readonly expected: Expected;
  readonly plants: readonly Plant[];
  readonly counts: { accounts: number; postings: number; glLines: number; suspenseItems: number };
}

/** sfc32-like small fast PRNG (mulberry32): deterministic for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Account {
  ref: string;
  property: string;
  tenant: string;
  address: string;
  postcode: string;
  start: IsoDate;
  end: IsoDate | null;
  weekly: number; // pence
  opening: number;
  total: number; // sum of postings
  rent: number; // sum of RENT postings
  closingDrift: number;
  method: Category;
}

interface Post {
  date: IsoDate;
  account: number;
  category: Category;
  amount: number;
  batch: string;
  description: string;
}

interface Batch {
  category: Category;
  date: IsoDate;
  ref: string;
  amount: number;
  postings: number;
}

interface GlRow {
  date: IsoDate;
  account: string;
  journal: string;
  source: Category | 'OPENING';
  description: string;
  debit: number;
  credit: number;
}

const LANDLORD_CODES: Readonly<Record<Category, string>> = {
  RENT: 'RNT', HB: 'HBP', UC: 'UCP', DD: 'DDR', ALLPAY: 'APY', CASH: 'CSH', BANK: 'BGC', CARD: 'CRD', WRITEOFF: 'WOF', REFUND: 'RFD', TRANSFER: 'TRF', ADJUST: 'ADJ',
};

const ymd = (d: IsoDate): string => d.replace(/-/g, '');

/** Generates one month. Same options, same output, byte for byte. */
export function generateMonth(options: GenerateOptions): GeneratedMonth {
  const rnd = prng(options.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const period = monthPeriod(options.period);
  if (!period) throw new Error(`bad period ${options.period}`);
  const { start: pStart, end: pEnd } = period;
  const rentYearStart = (options.rentYearStart ?? '2026-04-06') as IsoDate;
  const rentFree = new Set((options.rentFreeWeeks ?? []) as IsoDate[]);
  const plants = new Set<PlantKind>(options.plants === 'none' ? [] : options.plants === 'all' || options.plants === undefined ? ALL_PLANTS : options.plants);
  const batchSize = options.batchSize ?? 40;
  const layout = options.layout ?? {};

  const days: IsoDate[] = [];
  for (let d = pStart; d <= pEnd; d = addDays(d, 1)) days.push(d);
  const workingDays = days.filter((d) => weekday(d) < 5);
  const mondays = days.filter((d) => weekday(d) === 0);
  const chargeable = mondays.filter((m) => !rentFree.has(m));
  const lastWorking = workingDays[workingDays.length - 1] as IsoDate;
  // Dates whose GL line can lag up to 3 days and still land in the period; the last days post same-day.
  const glDate = (d: IsoDate): IsoDate => {
    let lagged = addDays(d, int(0, 3));
    if (weekday(lagged) >= 5) lagged = addDays(lagged, 7 - weekday(lagged)); // the ledger posts on working days
    return lagged > pEnd ? d : lagged;
  };

  // ---- The rent roll.
  const accounts: Account[] = [];
  const methods: [Category, number][] = [['HB', 0.25], ['UC', 0.25], ['DD', 0.2], ['ALLPAY', 0.1], ['BANK', 0.1], ['CASH', 0.05], ['CARD', 0.05]];
  for (let i = 0; i < options.accounts; i++) {
    const [town, area] = pick(TOWNS);
    const surname = pick(SURNAMES);
    const joint = rnd() < 0.1;
    const tenant = joint ? `${pick(FIRST_NAMES)} ${surname} & ${pick(FIRST_NAMES)} ${surname}` : `${pick(FIRST_NAMES)} ${surname}`;
    const roll = rnd();
    let start = addDays(pStart, -int(30, 6000));
    let end: IsoDate | null = null;
    if (roll < 0.02) start = pick(days);
    else if (roll < 0.04) end = pick(days);
    let m = rnd();
    let method: Category = 'BANK';
    for (const [c, p] of methods) {
      if (m < p) {
        method = c;
        break;
      }
      m -= p;
    }
    const opening = rnd() < 0.3 || start >= pStart ? 0 : int(-30000, 80000);
    accounts.push({
      ref: String(100000 + i * 3).padStart(8, '0'),
      property: `P${String(500000 + i).padStart(7, '0')}`,
      tenant,
      address: `${int(1, 180)} ${pick(STREETS)}, ${town}`,
      postcode: `${area}${int(1, 28)} ${int(1, 9)}${String.fromCharCode(65 + int(0, 25))}${String.fromCharCode(65 + int(0, 25))}`,
      start,
      end,
      weekly: int(8500, 19000),
      opening,
      total: 0,
      rent: 0,
      closingDrift: 0,
      method,
    });
  }
  const inTenancy = (a: Account, monday: IsoDate): boolean => a.start <= monday && (a.end === null || a.end >= monday);

  // Accounts reserved for account plants: whole-month tenancies.
  const whole = accounts.map((a, i) => ({ a, i })).filter(({ a }) => a.start < pStart && a.end === null);
  const reserve = (): Account | undefined => {
    const j = whole.splice(int(0, Math.max(0, whole.length - 1)), 1)[0];
    return j?.a;
  };
  const missingDebit = plants.has('missing-debit') && chargeable.length > 0 ? reserve() : undefined;
  const extraDebit = plants.has('extra-debit') && chargeable.length > 0 ? reserve() : undefined;
  const afterEnd = plants.has('debit-after-end') && chargeable.length > 1 ? reserve() : undefined;
  const rentFreeMondays = mondays.filter((m) => rentFree.has(m));
  const inRentFree = plants.has('debit-in-rent-free-week') && rentFreeMondays.length > 0 ? reserve() : undefined;
  const balanceBreak = plants.has('balance-break') ? reserve() : undefined;
  // The tenancy that ended, but the debit run kept charging: ends the Wednesday after the first chargeable Monday.
  const afterEndDate = afterEnd ? addDays(chargeable[0] as IsoDate, 2) : null;
  if (afterEnd) afterEnd.end = afterEndDate;

  const posts: Post[] = [];
  const post = (a: Account, idx: number, date: IsoDate, category: Category, amount: number, batch: string, description: string): void => {
    posts.push({ date, account: idx, category, amount, batch, description });
    a.total += amount;
    if (category === 'RENT') a.rent += amount;
  };
  const plantRecords: Plant[] = [];
  const expectedExceptions: ExpectedException[] = [];

  // ---- The debit run: every chargeable Monday, one batch.
  for (const monday of chargeable) {
    const batch = `DR${ymd(monday)}`;
    accounts.forEach((a, idx) => {
      const chargedAnyway = a === afterEnd && monday > (afterEndDate as IsoDate);
      if (!inTenancy(a, monday) && !chargedAnyway) return;
      if (a === missingDebit && monday === chargeable[chargeable.length - 1]) return;
      post(a, idx, monday, 'RENT', a.weekly, batch, `Rent w/c ${formatUkDate(monday)}`);
      if (a === extraDebit && monday === chargeable[0]) post(a, idx, monday, 'RENT', a.weekly, batch, `Rent w/c ${formatUkDate(monday)}`);
    });
  }
  const expectedRent = (a: Account): number => chargeable.filter((m) => inTenancy(a, m)).length * a.weekly;
  if (missingDebit) {
    expectedExceptions.push({ account: missingDebit.ref, kind: 'missing-debit', expected: toPence(expectedRent(missingDebit)), actual: toPence(missingDebit.rent) });
    plantRecords.push({ kind: 'missing-debit', account: missingDebit.ref, amount: toPence(missingDebit.weekly), description: `account ${missingDebit.ref} was not charged on ${formatUkDate(chargeable[chargeable.length - 1] as IsoDate)}` });
  }
  if (extraDebit) {
    expectedExceptions.push({ account: extraDebit.ref, kind: 'extra-debit', expected: toPence(expectedRent(extraDebit)), actual: toPence(extraDebit.rent) });
    plantRecords.push({ kind: 'extra-debit', account: extraDebit.ref, amount: toPence(extraDebit.weekly), description: `account ${extraDebit.ref} was charged twice on ${formatUkDate(chargeable[0] as IsoDate)}` });
  }
  if (afterEnd && afterEnd.rent !== expectedRent(afterEnd)) {
    expectedExceptions.push({ account: afterEnd.ref, kind: 'debit-after-end', expected: toPence(expectedRent(afterEnd)), actual: toPence(afterEnd.rent) });
    plantRecords.push({ kind: 'debit-after-end', account: afterEnd.ref, amount: toPence(afterEnd.rent - expectedRent(afterEnd)), description: `account ${afterEnd.ref} ended on ${formatUkDate(afterEndDate as IsoDate)} but was charged for later weeks` });
  }
  // A manual debit on a rent-free Monday: its own batch.
  if (inRentFree) {
    const monday = rentFreeMondays[0] as IsoDate;
    post(inRentFree, accounts.indexOf(inRentFree), monday, 'RENT', inRentFree.weekly, `MAN${ymd(monday)}`, 'Manual rent debit');
    expectedExceptions.push({ account: inRentFree.ref, kind: 'debit-in-rent-free-week', expected: toPence(expectedRent(inRentFree)), actual: toPence(inRentFree.rent) });
    plantRecords.push({ kind: 'debit-in-rent-free-week', account: inRentFree.ref, amount: toPence(inRentFree.weekly), description: `account ${inRentFree.ref} was charged in the rent-free week of ${formatUkDate(monday)}` });
  }

  // ---- Receipts by channel.
  const hbRuns = days.filter((d) => (toDayNumber(d) - toDayNumber('2026-01-05' as IsoDate)) % 28 === 3); // Thursdays, 4-weekly
  const ddDates = [1, 15, 28].map((n) => days[n - 1]).filter((d): d is IsoDate => d !== undefined).map((d) => (weekday(d) === 5 ? addDays(d, 2) : weekday(d) === 6 ? addDays(d, 1) : d)).filter((d) => d <= pEnd);
  const monthly = (a: Account): number => Math.round((a.weekly * 52) / 12);
  accounts.forEach((a, idx) => {
    const live = a.start <= pEnd && (a.end === null || a.end >= pStart);
    if (!live) return;
    switch (a.method) {
      case 'HB':
        for (const d of hbRuns) post(a, idx, d, 'HB', -a.weekly * 4, '', 'Housing Benefit');
        break;
      case 'UC':
        post(a, idx, pick(workingDays), 'UC', -monthly(a), '', 'UC managed payment');
        break;
      case 'DD':
        post(a, idx, pick(ddDates.length ? ddDates : workingDays), 'DD', -monthly(a), '', 'Direct Debit');
        break;
      default: {
        const n = int(1, 4);
        for (let k = 0; k < n; k++) post(a, idx, pick(workingDays), a.method, -int(1000, Math.max(1100, Math.round((a.weekly * 5) / 4))), '', `${a.method} payment`);
      }
    }
    if (rnd() < 0.003) post(a, idx, pick(workingDays), 'WRITEOFF', -int(500, 20000), '', 'Former tenant arrears written off');
    if (rnd() < 0.003) post(a, idx, pick(workingDays), 'REFUND', int(1000, 15000), '', 'Refund of credit balance');
    if (rnd() < 0.003) post(a, idx, pick(workingDays), 'ADJUST', rnd() < 0.5 ? -int(100, 5000) : int(100, 5000), '', 'Journal adjustment');
  });

  // ---- Batches: receipts per category per day, split into batches of batchSize.
  const receiptIdx = new Map<string, number[]>();
  posts.forEach((p, i) => {
    if (p.category === 'RENT') return;
    const key = `${p.category}|${p.date}`;
    const l = receiptIdx.get(key);
    if (l) l.push(i);
    else receiptIdx.set(key, [i]);
  });
  for (const [key, idxs] of [...receiptIdx].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const [cat, date] = key.split('|') as [Category, IsoDate];
    for (let k = 0; k * batchSize < idxs.length; k++) {
      const ref = `${cat.slice(0, 3)}${ymd(date)}-${k + 1}`;
      for (const i of idxs.slice(k * batchSize, (k + 1) * batchSize)) (posts[i] as Post).batch = ref;
    }
  }

  // ---- Suspense: items held from before the period, items received in it, some cleared into accounts.
  const nSuspense = Math.max(12, Math.round(options.accounts / 40));
  interface Item { ref: string; date: IsoDate; amount: number; reference: string; payer: string; narrative: string; channel: string; cleared: boolean }
  const items: Item[] = [];
  for (let k = 0; k < nSuspense; k++) {
    const a = pick(accounts);
    const date = rnd() < 0.35 ? addDays(pStart, -int(1, 90)) : pick(workingDays);
    const variants = [
      a.ref.slice(0, 3) + a.ref[4] + a.ref[3] + a.ref.slice(5),
      a.ref.replace(/^0+/, ''),
      a.property,
      `RENT ${a.ref} FLAT ${int(1, 9)}`,
      '',
      a.ref.slice(0, -1),
    ];
    items.push({
      ref: `S${String(k + 1).padStart(5, '0')}`,
      date,
      amount: int(500, 60000),
      reference: pick(variants),
      payer: rnd() < 0.5 ? `${(a.tenant[0] ?? 'X').toUpperCase()} ${a.tenant.split(' ')[1]?.toUpperCase() ?? ''}` : a.tenant.split(' & ')[0] ?? a.tenant,
      narrative: rnd() < 0.3 ? `${a.postcode} ${a.address.split(',')[0] ?? ''}` : 'FASTER PAYMENT',
      channel: pick(['BANK', 'ALLPAY', 'CASH', 'CARD']),
      cleared: false,
    });
  }
  // Clear a few in-period items to accounts (TRANSFER out of suspense).
  for (const it of items) {
    if (it.date < pStart || rnd() > 0.2) continue;
    it.cleared = true;
    const a = pick(accounts);
    const idx = accounts.indexOf(a);
    const clearDate = it.date;
    post(a, idx, clearDate, 'TRANSFER', -it.amount, `TRF${ymd(clearDate)}-${it.ref}`, `Cleared from suspense item ${it.ref}`);
  }

  // ---- Housing-system batches.
  const batchMap = new Map<string, Batch>();
  for (const p of posts) {
    const key = `${p.category}|${p.date}|${p.batch}`;
    const b = batchMap.get(key);
    if (b) {
      b.amount += p.amount;
      b.postings++;
    } else batchMap.set(key, { category: p.category, date: p.date, ref: p.batch, amount: p.amount, postings: 1 });
  }
  const batches = [...batchMap.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.ref < b.ref ? -1 : 1));

  // ---- Timing: a cash batch on the last working day whose GL line is in next month's GL.
  const unmatched: ExpectedBatch[] = [];
  const timing: ExpectedBatch[] = [];
  if (plants.has('timing')) {
    const cashAcc = accounts.filter((a) => a.start < pStart && a.end === null && !whole.every((w) => w.a !== a)).slice(0, 3);
    const from = cashAcc.length ? cashAcc : accounts.slice(0, 3);
    const ref = `CAS${ymd(lastWorking)}-LATE`;
    let total = 0;
    from.forEach((a) => {
      const amt = -int(2000, 9000);
      post(a, accounts.indexOf(a), lastWorking, 'CASH', amt, ref, 'Cash office takings');
      total += amt;
    });
    const b: Batch = { category: 'CASH', date: lastWorking, ref, amount: total, postings: from.length };
    batches.push(b);
    const e: ExpectedBatch = { side: 'hms', date: lastWorking, category: 'CASH', amount: toPence(total) };
    unmatched.push(e);
    timing.push(e);
    plantRecords.push({ kind: 'timing', batchRef: ref, amount: toPence(total), description: `cash batch ${ref} of ${formatUkDate(lastWorking)} reaches the GL next month` });
  }

  // ---- The GL.
  const gl: GlRow[] = [];
  let journal = 5000;
  const jnl = (): string => `JNL${++journal}`;
  const openingTotal = accounts.reduce((s, a) => s + a.opening, 0);
  gl.push({ date: pStart, account: '1100', journal: jnl(), source: 'OPENING', description: 'Balance brought forward', debit: Math.max(0, openingTotal), credit: Math.max(0, -openingTotal) });
  const heldBefore = items.filter((i) => i.date < pStart).reduce((s, i) => s + i.amount, 0);
  gl.push({ date: pStart, account: '1190', journal: jnl(), source: 'OPENING', description: 'Suspense brought forward', debit: 0, credit: heldBefore });

  // Plant candidates: receipt batches mid-month whose amount is unique in their category (so matching cannot pair them otherwise).
  const amountCount = new Map<string, number>();
  for (const b of batches) amountCount.set(`${b.category}|${b.amount}`, (amountCount.get(`${b.category}|${b.amount}`) ?? 0) + 1);
  const midMonth = batches.filter((b) => b.category !== 'RENT' && b.category !== 'TRANSFER' && !b.ref.endsWith('-LATE') && Number(b.date.slice(8)) >= 8 && Number(b.date.slice(8)) <= 22 && amountCount.get(`${b.category}|${b.amount}`) === 1 && b.amount < -1000);
  const taken = new Set<Batch>();
  const choose = (): Batch | undefined => {
    const free = midMonth.filter((b) => !taken.has(b));
    const b = free.length ? free[int(0, free.length - 1)] : undefined;
    if (b) taken.add(b);
    return b;
  };
  const missingGl = plants.has('missing-gl-batch') ? choose() : undefined;
  const keyedWrong = plants.has('keyed-wrong-amount') ? choose() : undefined;
  const duplicated = plants.has('duplicate-gl-line') ? choose() : undefined;

  const dailyBank = new Map<IsoDate, number>();
  for (const b of batches) {
    if (b.ref.endsWith('-LATE')) continue; // in next month's GL
    if (b === missingGl) {
      unmatched.push({ side: 'hms', date: b.date, category: b.category, amount: toPence(b.amount) });
      plantRecords.push({ kind: 'missing-gl-batch', batchRef: b.ref, amount: toPence(b.amount), description: `${b.category} batch ${b.ref} of ${formatUkDate(b.date)} was never posted to the GL` });
      continue;
    }
    let amount = b.amount;
    const date = b.category === 'RENT' ? b.date : glDate(b.date);
    if (b === keyedWrong) {
      amount = transposed(b.amount, (x) => x !== b.amount && !amountCount.has(`${b.category}|${x}`));
      unmatched.push({ side: 'hms', date: b.date, category: b.category, amount: toPence(b.amount) });
      unmatched.push({ side: 'gl', date, category: b.category, amount: toPence(amount) });
      plantRecords.push({ kind: 'keyed-wrong-amount', batchRef: b.ref, amount: toPence(amount - b.amount), description: `${b.category} batch ${b.ref}: the GL has ${formatPounds(amount)} for ${formatPounds(b.amount)} (digits transposed)` });
    }
    const line: GlRow = { date, account: '1100', journal: jnl(), source: b.category, description: `${b.category} batch ${b.ref}`, debit: Math.max(0, amount), credit: Math.max(0, -amount) };
    gl.push(line);
    if (b === duplicated) {
      gl.push({ ...line });
      unmatched.push({ side: 'gl', date, category: b.category, amount: toPence(amount) });
      plantRecords.push({ kind: 'duplicate-gl-line', batchRef: b.ref, amount: toPence(amount), description: `${b.category} batch ${b.ref}: its GL line ${line.journal} was posted twice` });
    }
    if (b.category === 'RENT') gl.push({ date, account: '4000', journal: line.journal, source: 'RENT', description: 'Rent income', debit: 0, credit: b.amount });
    else if (b.category !== 'TRANSFER') dailyBank.set(date, (dailyBank.get(date) ?? 0) - amount);
  }
  for (const [date, amount] of [...dailyBank].sort()) gl.push({ date, account: '1200', journal: jnl(), source: 'BANK', description: 'Bank receipts', debit: Math.max(0, amount), credit: Math.max(0, -amount) });

  // Suspense account movements in the period: receipts credited, clearances debited.
  let missingItem: Item | undefined;
  const inPeriodItems = items.filter((i) => i.date >= pStart && !i.cleared);
  if (plants.has('suspense-difference') && inPeriodItems.length) missingItem = inPeriodItems[int(0, inPeriodItems.length - 1)];
  for (const it of items) {
    if (it.date >= pStart) gl.push({ date: it.date, account: '1190', journal: jnl(), source: 'BANK', description: `Unidentified receipt ${it.ref}`, debit: 0, credit: it.amount });
    if (it.cleared) gl.push({ date: it.date, account: '1190', journal: jnl(), source: 'TRANSFER', description: `Suspense item ${it.ref} cleared`, debit: it.amount, credit: 0 });
  }
  if (missingItem) plantRecords.push({ kind: 'suspense-difference', amount: toPence(missingItem.amount), description: `suspense receipt ${missingItem.ref} of ${formatUkDate(missingItem.date)} is in GL 1190 but missing from the item list` });
  const listedItems = items.filter((i) => !i.cleared && i !== missingItem);

  // ---- Closing balances, with the planted break.
  if (balanceBreak) {
    balanceBreak.closingDrift = 1234;
    expectedExceptions.push({ account: balanceBreak.ref, kind: 'balance', expected: toPence(balanceBreak.opening + balanceBreak.total), actual: toPence(balanceBreak.opening + balanceBreak.total + 1234) });
    plantRecords.push({ kind: 'balance-break', account: balanceBreak.ref, amount: toPence(1234), description: `account ${balanceBreak.ref}: the reported closing balance is £12.34 more than opening + postings` });
  }

  // ---- The oracle: every figure from the model itself.
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const hmsOpening = openingTotal;
  const hmsTransactions = sum(posts.map((p) => p.amount));
  const reported = sum(accounts.map((a) => a.opening + a.total + a.closingDrift));
  const control = gl.filter((l) => l.account === '1100');
  const glOpening = sum(control.filter((l) => l.source === 'OPENING').map((l) => l.debit - l.credit));
  const glMovement = sum(control.filter((l) => l.source !== 'OPENING').map((l) => l.debit - l.credit));
  const components = CATEGORIES.flatMap((c) => {
    const h = posts.filter((p) => p.category === c);
    const g = control.filter((l) => l.source === c);
    if (!h.length && !g.length) return [];
    const hv = sum(h.map((p) => p.amount));
    const gv = sum(g.map((l) => l.debit - l.credit));
    return [{ category: c, hms: toPence(hv), gl: toPence(gv), difference: toPence(hv - gv) }];
  });
  const suspGl = sum(gl.filter((l) => l.account === '1190').map((l) => l.credit - l.debit));
  const suspItems = sum(listedItems.map((i) => i.amount));

  const expected: Expected = {
    hms: { opening: toPence(hmsOpening), transactions: toPence(hmsTransactions), calculatedClosing: toPence(hmsOpening + hmsTransactions), reportedClosing: toPence(reported) },
    gl: { opening: toPence(glOpening), movement: toPence(glMovement), closing: toPence(glOpening + glMovement) },
    difference: toPence(reported - glOpening - glMovement),
    components,
    unmatchedBatches: unmatched,
    accountExceptions: expectedExceptions.sort((a, b) => (a.account < b.account ? -1 : 1)),
    suspense: { glBalance: toPence(suspGl), itemsTotal: toPence(suspItems), difference: toPence(suspGl - suspItems) },
    timingSuggestions: timing,
  };

  // ---- Sheets.
  const codeOf = (c: Category): string => (layout.landlordCodes ? LANDLORD_CODES[c] : c);
  const dateCell = (d: IsoDate | null): RawCell => (d === null ? null : layout.textDates ? formatUkDate(d) : isoToSerial(d));
  const money = (p: number): RawCell => penceToPounds(toPence(p));
  const shuffle = rnd; // reuse the same stream so layout variants stay deterministic
  const sheetOf = (name: string, title: string, headers: readonly [string, string][], rows: RawCell[][], dateCols: number[], moneyCols: number[]): GeneratedSheet =>
    makeSheet(name, title, headers, rows, dateCols, moneyCols, layout, shuffle);

  const rollRows: RawCell[][] = accounts.map((a) => [a.ref, a.property, a.tenant, a.address, a.postcode, dateCell(a.start), dateCell(a.end), money(a.weekly), money(a.opening), money(a.opening + a.total + a.closingDrift)]);
  const txRows: RawCell[][] = posts
    .map((p, i) => ({ p, i }))
    .sort((x, y) => (x.p.date < y.p.date ? -1 : x.p.date > y.p.date ? 1 : x.i - y.i))
    .map(({ p }) => [dateCell(p.date), (accounts[p.account] as Account).ref, codeOf(p.category), money(p.amount), p.batch, p.description]);
  const glAccount = (a: string): RawCell => (layout.glAccountAsNumber ? Number(a) : a);
  const glRows: RawCell[][] = gl.map((l) => [dateCell(l.date), glAccount(l.account), l.journal, l.source === 'OPENING' ? 'OPENING' : codeOf(l.source), l.description, l.debit ? money(l.debit) : null, l.credit ? money(l.credit) : null]);
  const suspenseRows: RawCell[][] = listedItems.map((i) => [i.ref, dateCell(i.date), money(i.amount), i.reference, i.payer, i.narrative, i.channel]);

  const syn = layout.useSynonyms;
  const sheets: GeneratedSheet[] = [
    sheetOf('Rent Roll', 'Rent roll export: Oak Tree Housing Association', [
      ['Account Ref', 'Tenancy Ref'], ['Property Ref', 'Property Reference'], ['Tenant Name', 'Tenant'], ['Address', 'Address'], ['Postcode', 'Post Code'],
      ['Start Date', 'Tenancy Start'], ['End Date', 'Tenancy End'], ['Weekly Charge', 'Weekly Rent'], ['Opening Balance', 'Balance B/F'], ['Closing Balance', 'Balance C/F'],
    ].map(([a, b]) => [syn ? (b as string) : (a as string), a as string]), rollRows, [5, 6], [7, 8, 9]),
    sheetOf('Transactions', `Rent transactions ${options.period}`, [
      ['Date', 'Trans Date'], ['Account Ref', 'Payment Reference'], ['Code', 'Tran Code'], ['Amount', 'Value'], ['Batch Ref', 'Batch No'], ['Description', 'Narrative'],
    ].map(([a, b]) => [syn ? (b as string) : (a as string), a as string]), txRows, [0], [3]),
    sheetOf('GL', 'Nominal ledger detail', [
      ['Date', 'Posting Date'], ['Account', 'Nominal Code'], ['Journal Ref', 'Journal No'], ['Source', 'Source'], ['Description', 'Narrative'], ['Debit', 'Dr'], ['Credit', 'Cr'],
    ].map(([a, b]) => [syn ? (b as string) : (a as string), a as string]), glRows, [0], [5, 6]),
    sheetOf('Suspense', 'Suspense items awaiting allocation', [
      ['Item Ref', 'Item No'], ['Date', 'Date'], ['Amount', 'Value'], ['Reference', 'Reference'], ['Payer', 'Payer Name'], ['Narrative', 'Narrative'], ['Channel', 'Payment Method'],
    ].map(([a, b]) => [syn ? (b as string) : (a as string), a as string]), suspenseRows, [1], [2]),
  ];
  if (layout.extraEmptySheet) sheets.splice(1, 0, { name: 'Notes', rows: [], dateColumns: [], moneyColumns: [] });

  const codes: Record<string, string> = {};
  if (layout.landlordCodes) for (const c of CATEGORIES) codes[LANDLORD_CODES[c]] = c;
  return {
    period: options.period,
    config: { rentYearStart, rentFreeWeeks: [...rentFree].sort(), glControlAccount: '1100', glSuspenseAccount: '1190', codes },
    sheets,
    expected,
    plants: plantRecords,
    counts: { accounts: accounts.length, postings: posts.length, glLines: gl.length, suspenseItems: listedItems.length },
  };
}

function formatPounds(p: number): string {
  return formatGBP(toPence(p));
}

/** The amount with two adjacent digits swapped (a keying error), the first swap that gives an acceptable amount. */
function transposed(amount: number, ok: (x: number) => boolean): number {
  const sign = amount < 0 ? -1 : 1;
  const digits = String(Math.abs(amount)).split('');
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const d = [...digits];
    [d[i], d[i + 1]] = [d[i + 1] as string, d[i] as string];
    const x = sign * Number(d.join(''));
    if (ok(x)) return x;
  }
  return amount + sign * 900; // all digits equal: a different keying slip
}

/** Lays out one sheet: optional title rows, synonyms, shuffled and extra columns. */
function makeSheet(
  name: string,
  title: string,
  headers: readonly [string, string][],
  rows: RawCell[][],
  dateCols: number[],
  moneyCols: number[],
  layout: LayoutOptions,
  rnd: () => number,
): GeneratedSheet {
  const order = headers.map((_h, i) => i);
  if (layout.shuffleColumns) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
  }
  const extra = layout.extraColumns ? ['Patch', 'Officer'] : [];
  const width = order.length + extra.length;
  const header: RawCell[] = [...order.map((i) => (headers[i] as [string, string])[0]), ...extra];
  const body = rows.map((r) => {
    const out: RawCell[] = new Array<RawCell>(width);
    for (let k = 0; k < order.length; k++) out[k] = r[order[k] as number] ?? null;
    for (let k = 0; k < extra.length; k++) out[order.length + k] = k === 0 ? 'North' : null;
    return out;
  });
  const titleRows: RawCell[][] = [];
  const n = layout.titleRows ?? 0;
  for (let k = 0; k < n; k++) titleRows.push(k === 0 ? [title] : []);
  if (n > 0) titleRows.push([]);
  const pos = (c: number): number => order.indexOf(c);
  return { name, rows: [...titleRows, header, ...body], dateColumns: dateCols.map(pos), moneyColumns: moneyCols.map(pos) };
}
