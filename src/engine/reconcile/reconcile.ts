/**
 * The month-end reconciliation (DOMAIN.md section 5): the roll-forward of the housing system, the GL
 * control account, the components by category, batch matching, the rent roll's account exceptions,
 * the suspense check and the reconciling items that explain the difference. Keying pairs are found in
 * keying.ts; the suggested items (proposals a person decides) are made in suggestions.ts; batches
 * are gathered and matched to the GL in batches.ts.
 */
import { CATEGORIES, type Category } from '../categories';
import { effectiveRentYearStart, type LedgerConfig, type UserReconcilingItem } from '../config';
import { daysBetween, formatUkDate, mondayOnOrBefore, type IsoDate } from '../dates';
import type { InputIssue, Location } from '../issues';
import { formatGBP, toPence, ZERO } from '../money';
import type { GlLine, Posting, SuspenseItem, Tenancy } from '../records';
import { accountLookup, type AccountLookup } from '../sources/account-lookup';
import { compileCalendar, debitRuleFor, isRentFreeWeek, type CompiledCalendar } from '../rent-calendar';
import { BatchCollector, matchBatches } from './batches';
import { findKeyingPairs } from './keying';
import { suggestItems, withSuggestionDecisions, type SuggestionDecision } from './suggestions';
import type {
  AccountException,
  ComponentRow,
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
  readonly accountIndex?: AccountLookup;
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
  const accountAt = roll.map((t) => t.account);
  const accounts = indexAccounts(accountAt, input.accountIndex);
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
  const endAt = roll.map((t) => t.end);
  let lastIdx = -1;
  // Postings come in runs of one category, and a debit run posts one date: the category's index, and
  // the date's week and whether that week is rent-free, are worked out once per run.
  let lastCategory = '';
  let c = 0;
  let lastRentDate = '';
  let monday = '' as IsoDate;
  let rentFree = false;
  let hmsTransactions = 0;
  // An index loop, not for-of: this function runs once per reconciliation, so the loop starts in
  // unoptimised code, where for-of allocates an iterator result per posting (about 40 MB of garbage).
  const postings = input.postings;
  for (let i = 0; i < postings.length; i++) {
    const p = postings[i] as Posting;
    hmsTransactions += p.amount;
    if (p.category !== lastCategory) {
      lastCategory = p.category;
      c = CATEGORY_INDEX[p.category];
    }
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
    if (p.date !== lastRentDate) {
      lastRentDate = p.date;
      let m = weekOf.get(p.date);
      if (m === undefined) {
        m = mondayOnOrBefore(p.date);
        weekOf.set(p.date, m);
      }
      monday = m;
      rentFree = isRentFreeWeek(m, calendar);
    }
    const end = endAt[idx] as IsoDate | null;
    if (end !== null && monday > end) add(totals.rentAfterEnd, idx, p.amount);
    if (rentFree) add(totals.rentInRentFreeWeek, idx, p.amount);
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

/** a[i] += v for the typed totals (whole pence, exact in a double up to 2^53). */
function add(a: Float64Array, i: number, v: number): void {
  a[i] = (a[i] as number) + v;
}

/** Rent-roll accounts by reference, with the leading-zero fallback. */
interface AccountIndex {
  /** Exact references: the hot path, looked up directly. */
  readonly exact: AccountLookup;
  /** A reference not found exactly. */
  fallback(ref: string): number | undefined;
}

function indexAccounts(accountAt: readonly string[], built: AccountLookup | undefined): AccountIndex {
  const exact = built ?? accountLookup(accountAt);
  // Spreadsheets strip leading zeros: a posting to 12345 belongs to 00012345 when that is the only such account.
  let stripped: Map<string, number | null> | undefined;
  return {
    exact,
    fallback(ref) {
      if (!stripped) {
        stripped = new Map();
        accountAt.forEach((a, j) => {
          if (exact.get(a) !== j) return; // a repeated account (only when called without a reader) counts once, as in a map
          const k = a.replace(/^0+/, '');
          stripped?.set(k, stripped.has(k) ? null : j);
        });
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
