/**
 * The month-end reconciliation (DOMAIN.md section 5): the roll-forward of the housing system, the GL
 * control account, the components by category, batch matching, the rent roll's account exceptions,
 * the suspense check and the reconciling items that explain the difference. Keying pairs are found in
 * keying.ts; the suggested items (proposals a person decides) are made in suggestions.ts.
 */
import { CATEGORIES, compareCategory, type Category } from '../categories';
import { effectiveRentYearStart, type LedgerConfig, type UserReconcilingItem } from '../config';
import { addDays, daysBetween, formatUkDate, mondayOnOrBefore, type IsoDate } from '../dates';
import type { InputIssue, Location } from '../issues';
import { formatGBP, toPence, ZERO } from '../money';
import type { GlLine, Posting, SuspenseItem, Tenancy } from '../records';
import { compileCalendar, debitRuleFor, isRentFreeWeek, type CompiledCalendar } from '../rent-calendar';
import { findKeyingPairs } from './keying';
import { suggestItems, withSuggestionDecisions, type SuggestionDecision } from './suggestions';
import type {
  AccountException,
  BatchMatch,
  ComponentRow,
  GlBatchLine,
  HmsBatch,
  Period,
  ReconcileResult,
  ReconcilingItem,
  SuspenseAgeing,
} from './types';

export interface ReconcileInput {
  readonly rentRoll: readonly Tenancy[];
  readonly postings: readonly Posting[];
  readonly gl: readonly GlLine[];
  readonly suspense: readonly SuspenseItem[];
  /** Where a posting's account cell is, for issues about it. */
  readonly postingLocation?: (row: number) => Location;
  /** Each rent-roll account -> its position in rentRoll, when the reader built it (accounts unique); built here otherwise. */
  readonly accountIndex?: ReadonlyMap<string, number>;
}

export interface ReconcileOptions {
  readonly period: Period;
  readonly config: LedgerConfig;
  /** Items a person added; defaults to the config's reconcilingItems. */
  readonly userItems?: readonly UserReconcilingItem[];
  /** People's decisions on the suggested items (none: nothing suggested counts unless the config says so). */
  readonly suggestionDecisions?: readonly SuggestionDecision[];
}

/** Reconciles the housing system to the GL for one period. Pure: same input, same output. */
export function reconcile(input: ReconcileInput, options: ReconcileOptions): ReconcileResult {
  const { period, config } = options;
  const calendar = compileCalendar({
    rentYearStart: effectiveRentYearStart(config, period.start),
    rentFreeWeeks: config.rentFreeWeeks,
    proRata: config.proRata,
  });
  const issues: InputIssue[] = [];

  // One pass over the postings (the hot loop at a million rows): the roll-forward, totals by
  // category and by account (resolved to its rent-roll index; totals in arrays, exact in whole
  // pence), the batches, and the RENT that a debit check may need to explain.
  const roll = input.rentRoll;
  const accounts = indexAccounts(roll, input.accountIndex);
  const totals: AccountTotals = {
    total: new Float64Array(roll.length),
    rent: new Float64Array(roll.length),
    rentAfterEnd: new Float64Array(roll.length),
    rentInRentFreeWeek: new Float64Array(roll.length),
    strays: new Map(),
  };
  const byCategory = new Float64Array(CATEGORIES.length);
  const seenCategory = new Uint8Array(CATEGORIES.length);
  const batches = new BatchCollector();
  const weekOf = new Map<IsoDate, IsoDate>();
  const exact = accounts.exact;
  // A debit run lists its postings in rent-roll order, and an account's charges come together (rent,
  // then service charge): try the last posting's account and the one after it before the index.
  // Accounts are unique on a rent roll that reaches here (a duplicate stops the run), so any of the
  // three ways finds the same account. The roll's accounts and end dates are copied into dense
  // arrays, so these checks do not load a tenancy record (a cache miss) per posting.
  const accountAt = roll.map((t) => t.account);
  const endAt = roll.map((t) => t.end);
  let lastIdx = -1;
  let hmsTransactions = 0;
  // An index loop, not for-of: this function runs once per reconciliation, so the loop starts in
  // unoptimised code, where for-of allocates an iterator result per posting (about 40 MB of garbage).
  const postings = input.postings;
  for (let i = 0; i < postings.length; i++) {
    const p = postings[i] as Posting;
    hmsTransactions += p.amount;
    const c = CATEGORY_INDEX[p.category];
    add(byCategory, c, p.amount);
    seenCategory[c] = 1;
    batches.add(p);
    const idx =
      lastIdx >= 0 && accountAt[lastIdx] === p.account
        ? lastIdx
        : accountAt[lastIdx + 1] === p.account
          ? lastIdx + 1
          : (exact.get(p.account) ?? accounts.fallback(p.account));
    lastIdx = idx ?? -1;
    if (idx === undefined) {
      const s = totals.strays.get(p.account);
      if (s) s.total += p.amount;
      else totals.strays.set(p.account, { total: p.amount, firstRow: p.row });
      continue;
    }
    add(totals.total, idx, p.amount);
    if (c !== RENT) continue;
    add(totals.rent, idx, p.amount);
    let monday = weekOf.get(p.date);
    if (monday === undefined) {
      monday = mondayOnOrBefore(p.date);
      weekOf.set(p.date, monday);
    }
    const end = endAt[idx] as IsoDate | null;
    if (end !== null && monday > end) add(totals.rentAfterEnd, idx, p.amount);
    if (isRentFreeWeek(monday, calendar)) add(totals.rentInRentFreeWeek, idx, p.amount);
  }
  const hmsByCategory = new Map<Category, number>();
  CATEGORIES.forEach((cat, i) => {
    if (seenCategory[i]) hmsByCategory.set(cat, byCategory[i] as number);
  });
  let hmsOpening = 0;
  let hmsReported = 0;
  for (const t of roll) {
    hmsOpening += t.opening;
    hmsReported += t.closing;
  }

  // The GL control account: OPENING lines are the balance brought forward, the rest the movement.
  const control = input.gl.filter((l) => l.account === config.glControlAccount);
  const suspenseLines = input.gl.filter((l) => l.account === config.glSuspenseAccount);
  let glOpening = 0;
  let glMovement = 0;
  const glByCategory = new Map<Category, number>();
  for (const l of control) {
    const net = l.debit - l.credit;
    if (l.category === 'OPENING') glOpening += net;
    else {
      glMovement += net;
      glByCategory.set(l.category, (glByCategory.get(l.category) ?? 0) + net);
    }
  }

  const components: ComponentRow[] = [];
  for (const category of CATEGORIES) {
    const h = hmsByCategory.get(category);
    const g = glByCategory.get(category);
    if (h === undefined && g === undefined) continue;
    components.push({ category, hms: toPence(h ?? 0), gl: toPence(g ?? 0), difference: toPence((h ?? 0) - (g ?? 0)) });
  }

  const { matched, unmatched } = matchBatches(batches.sorted(), control, config.batchWindowDays);
  const accountExceptions = accountChecks(input, period, calendar, totals, issues);
  const suspense = suspenseCheck(suspenseLines, input.suspense, period, config.suspenseAgeLimitDays);

  const hmsOpeningP = toPence(hmsOpening);
  const reported = toPence(hmsReported);
  const glClosing = toPence(glOpening + glMovement);
  const difference = toPence(reported - glClosing);
  const keyingPairs = findKeyingPairs(unmatched, config.batchWindowDays);
  const reconcilingItems = [
    ...suggestItems(unmatched, keyingPairs, period, config),
    ...(options.userItems ?? config.reconcilingItems).map(
      (u): ReconcilingItem => ({ ...u, origin: 'user', accepted: true, ageDays: u.date ? daysBetween(u.date, period.end) : null }),
    ),
  ];
  const reconcilingTotal = toPence(reconcilingItems.reduce((s, r) => (r.accepted ? s + r.amount : s), 0));
  const unexplained = toPence(difference - reconcilingTotal);

  const result: ReconcileResult = {
    period,
    basis: 'system',
    hms: { opening: hmsOpeningP, transactions: toPence(hmsTransactions), calculatedClosing: toPence(hmsOpening + hmsTransactions), reportedClosing: reported },
    gl: { opening: toPence(glOpening), movement: toPence(glMovement), closing: glClosing },
    difference,
    components,
    matchedBatches: matched,
    unmatchedBatches: unmatched,
    keyingPairs,
    accountExceptions,
    suspense,
    reconcilingItems,
    reconcilingTotal,
    unexplained,
    status: unexplained === 0 ? 'BALANCED' : 'NOT BALANCED',
    counts: {
      accounts: input.rentRoll.length,
      postings: input.postings.length,
      glLines: input.gl.length,
      controlLines: control.length,
      suspenseLines: suspenseLines.length,
      suspenseItems: input.suspense.length,
      hmsBatches: matched.length + unmatched.filter((u) => u.side === 'hms').length,
    },
    issues,
  };
  return withSuggestionDecisions(result, options.suggestionDecisions ?? []);
}

/**
 * Groups postings into batches: one category, one date, one Batch Ref. Indexed by Batch Ref first:
 * a ref almost always belongs to one date and category, so the inner list has one entry.
 */
class BatchCollector {
  private readonly byRef = new Map<string, { category: Category; date: IsoDate; batch: string; amount: number; postings: number; firstRow: number }[]>();

  /** Exports list a batch's postings together: the last batch seen saves most look-ups. */
  private last: { category: Category; date: IsoDate; batch: string; amount: number; postings: number; firstRow: number } | undefined;

  add(p: Posting): void {
    const last = this.last;
    if (last !== undefined && last.batch === p.batch && last.date === p.date && last.category === p.category) {
      last.amount += p.amount;
      last.postings++;
      if (p.row < last.firstRow) last.firstRow = p.row;
      return;
    }
    let list = this.byRef.get(p.batch);
    if (!list) {
      list = [];
      this.byRef.set(p.batch, list);
    }
    for (const b of list) {
      if (b.date === p.date && b.category === p.category) {
        b.amount += p.amount;
        b.postings++;
        if (p.row < b.firstRow) b.firstRow = p.row;
        this.last = b;
        return;
      }
    }
    const b = { category: p.category, date: p.date, batch: p.batch, amount: p.amount, postings: 1, firstRow: p.row };
    list.push(b);
    this.last = b;
  }

  /** In date, category and ref order, so matching never depends on input order. */
  sorted(): HmsBatch[] {
    const out: HmsBatch[] = [];
    for (const list of this.byRef.values()) for (const b of list) out.push({ side: 'hms', ...b, amount: toPence(b.amount) });
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareCategory(a.category, b.category) || (a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0)));
  }
}

/** The housing system's batches of a list of postings. */
export function hmsBatches(postings: readonly Posting[]): HmsBatch[] {
  const c = new BatchCollector();
  for (const p of postings) c.add(p);
  return c.sorted();
}

/**
 * A batch matches a GL control-account line of the same category and the same amount to the penny,
 * dated the same day or up to `windowDays` later. Batches are taken in date order and each claims
 * the earliest unclaimed line that fits (then the lowest row), so input order never changes the answer.
 */
export function matchBatches(batches: readonly HmsBatch[], control: readonly GlLine[], windowDays: number): { matched: BatchMatch[]; unmatched: (HmsBatch | GlBatchLine)[] } {
  const lines: GlBatchLine[] = control
    .filter((l): l is GlLine & { category: Category } => l.category !== 'OPENING')
    .map((l) => ({ side: 'gl', category: l.category, date: l.date, journal: l.journal, description: l.description, amount: toPence(l.debit - l.credit), row: l.row }));
  const byKey = new Map<string, GlBatchLine[]>();
  for (const l of lines) {
    const key = `${l.category}\u0000${l.amount}`;
    const list = byKey.get(key);
    if (list) list.push(l);
    else byKey.set(key, [l]);
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  const claimed = new Set<GlBatchLine>();
  const matched: BatchMatch[] = [];
  const unmatched: (HmsBatch | GlBatchLine)[] = [];
  for (const b of batches) {
    const last = addDays(b.date, windowDays);
    const line = byKey.get(`${b.category}\u0000${b.amount}`)?.find((l) => !claimed.has(l) && l.date >= b.date && l.date <= last);
    if (line) {
      claimed.add(line);
      matched.push({ hms: b, gl: line, lagDays: daysBetween(b.date, line.date) });
    } else unmatched.push(b);
  }
  for (const l of [...lines].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row))) if (!claimed.has(l)) unmatched.push(l);
  return { matched, unmatched };
}

/** a[i] += v for the typed totals (whole pence, exact in a double up to 2^53). */
function add(a: Float64Array, i: number, v: number): void {
  a[i] = (a[i] as number) + v;
}

/** Rent-roll accounts by reference, with the leading-zero fallback. */
interface AccountIndex {
  /** Exact references: the hot path, looked up directly. */
  readonly exact: ReadonlyMap<string, number>;
  /** A reference not found exactly. */
  fallback(ref: string): number | undefined;
}

function indexAccounts(roll: readonly Tenancy[], built: ReadonlyMap<string, number> | undefined): AccountIndex {
  const exact = built ?? new Map(roll.map((t, i) => [t.account, i]));
  // Spreadsheets strip leading zeros: a posting to 12345 belongs to 00012345 when that is the only such account.
  let stripped: Map<string, number | null> | undefined;
  return {
    exact,
    fallback(ref) {
      if (!stripped) {
        stripped = new Map();
        for (const [a, j] of exact) {
          const k = a.replace(/^0+/, '');
          stripped.set(k, stripped.has(k) ? null : j);
        }
      }
      return stripped.get(ref.replace(/^0+/, '')) ?? undefined;
    },
  };
}

const CATEGORY_INDEX: Readonly<Record<Category, number>> = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<Category, number>;
const RENT = CATEGORY_INDEX.RENT;

interface AccountTotals {
  readonly total: Float64Array;
  readonly rent: Float64Array;
  /** RENT posted for weeks after the tenancy's end date. */
  readonly rentAfterEnd: Float64Array;
  /** RENT posted in rent-free weeks. */
  readonly rentInRentFreeWeek: Float64Array;
  /** Postings to accounts not on the rent roll. */
  readonly strays: Map<string, { total: number; firstRow: number }>;
}

/**
 * Rent roll control: each account's RENT postings against the debit rule, and opening + postings
 * against the reported closing balance. One debit kind per account, the most specific: an excess
 * explained by debits after the end or in rent-free weeks is named as such.
 */
function accountChecks(input: ReconcileInput, period: Period, calendar: CompiledCalendar, totals: AccountTotals, issues: InputIssue[]): AccountException[] {
  const out: AccountException[] = [];
  const debitRule = debitRuleFor(period, calendar);
  input.rentRoll.forEach((t, i) => {
    const expected = debitRule(t);
    const actual = totals.rent[i] as number;
    if (expected !== actual) {
      const excess = actual - expected;
      const afterEnd = totals.rentAfterEnd[i] as number;
      const rentFree = totals.rentInRentFreeWeek[i] as number;
      const kind: AccountException['kind'] =
        excess < 0 ? 'missing-debit' : afterEnd > 0 && afterEnd >= excess ? 'debit-after-end' : rentFree > 0 && rentFree >= excess ? 'debit-in-rent-free-week' : 'extra-debit';
      out.push({ account: t.account, kind, expected: toPence(expected), actual: toPence(actual), row: t.row, sheetRole: 'rentRoll', note: debitNote(kind, expected, actual, t) });
    }
    const postings = totals.total[i] as number;
    const expectedClosing = t.opening + postings;
    if (expectedClosing !== t.closing) {
      out.push({
        account: t.account,
        kind: 'balance',
        expected: toPence(expectedClosing),
        actual: t.closing,
        row: t.row,
        sheetRole: 'rentRoll',
        note: `opening ${formatGBP(t.opening)} + postings ${formatGBP(toPence(postings))} = ${formatGBP(toPence(expectedClosing))}, but the rent roll reports ${formatGBP(t.closing)}`,
      });
    }
  });

  for (const [account, s] of [...totals.strays].sort((a, b) => a[1].firstRow - b[1].firstRow)) {
    out.push({
      account,
      kind: 'balance',
      expected: toPence(s.total),
      actual: ZERO,
      row: s.firstRow,
      sheetRole: 'transactions',
      note: `postings of ${formatGBP(toPence(s.total))} to an account that is not on the rent roll`,
    });
    if (input.postingLocation) {
      issues.push({ code: 'account.not-on-roll', severity: 'warning', raw: account, location: input.postingLocation(s.firstRow), detail: { ref: account } });
    }
  }
  const kindOrder: Record<AccountException['kind'], number> = { balance: 0, 'missing-debit': 1, 'extra-debit': 2, 'debit-after-end': 3, 'debit-in-rent-free-week': 4 };
  return out.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : kindOrder[a.kind] - kindOrder[b.kind]));
}

function debitNote(kind: AccountException['kind'], expected: number, actual: number, t: Tenancy): string {
  const e = formatGBP(toPence(expected));
  const a = formatGBP(toPence(actual));
  switch (kind) {
    case 'missing-debit':
      return `debit posted ${a}, the rules expect ${e} (${formatGBP(t.weeklyCharge)} a week): a week was not charged`;
    case 'extra-debit':
      return `debit posted ${a}, the rules expect ${e}: charged more than the weeks allow (a double debit?)`;
    case 'debit-after-end':
      return `debit posted ${a}, the rules expect ${e}: charged after the tenancy ended on ${t.end ? formatUkDate(t.end) : '?'}`;
    case 'debit-in-rent-free-week':
      return `debit posted ${a}, the rules expect ${e}: charged in a rent-free week`;
    case 'balance':
      return '';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** GL suspense balance (credits - debits, opening included) against the items awaiting allocation, with their age. */
function suspenseCheck(lines: readonly GlLine[], items: readonly SuspenseItem[], period: Period, limit: number): ReconcileResult['suspense'] {
  const glBalance = toPence(lines.reduce((s, l) => s + l.credit - l.debit, 0));
  const itemsTotal = toPence(items.reduce((s, i) => s + i.amount, 0));
  const aged = items
    .map((i): SuspenseAgeing => {
      const ageDays = Math.max(0, daysBetween(i.date, period.end));
      return { item: i.item, date: i.date, amount: i.amount, reference: i.reference, payer: i.payer, ageDays, overLimit: ageDays > limit, row: i.row };
    })
    .sort((a, b) => b.ageDays - a.ageDays || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  return { glBalance, itemsTotal, difference: toPence(glBalance - itemsTotal), ageLimitDays: limit, items: aged };
}
