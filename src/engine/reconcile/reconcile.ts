/**
 * The month-end reconciliation (DOMAIN.md section 5): the roll-forward of the housing system, the GL
 * control account, the components by category, batch matching, the rent roll's account exceptions,
 * the suspense check and the reconciling items that explain the difference.
 */
import { CATEGORIES, compareCategory, type Category } from '../categories';
import { effectiveRentYearStart, type LedgerConfig, type UserReconcilingItem } from '../config';
import { addDays, daysBetween, formatUkDate, mondayOnOrBefore, type IsoDate } from '../dates';
import type { InputIssue, Location } from '../issues';
import { formatGBP, toPence, ZERO } from '../money';
import type { GlLine, Posting, SuspenseItem, Tenancy } from '../records';
import { compileCalendar, expectedDebit, isRentFreeWeek, type CompiledCalendar } from '../rent-calendar';
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
}

export interface ReconcileOptions {
  readonly period: Period;
  readonly config: LedgerConfig;
  /** Items a person added; defaults to the config's reconcilingItems. */
  readonly userItems?: readonly UserReconcilingItem[];
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

  // Roll-forward of the housing system, and totals by category and account in one pass.
  const hmsByCategory = new Map<Category, number>();
  const byAccount = new Map<string, { total: number; rent: number; firstRow: number }>();
  let hmsTransactions = 0;
  for (const p of input.postings) {
    hmsTransactions += p.amount;
    hmsByCategory.set(p.category, (hmsByCategory.get(p.category) ?? 0) + p.amount);
    let acc = byAccount.get(p.account);
    if (!acc) {
      acc = { total: 0, rent: 0, firstRow: p.row };
      byAccount.set(p.account, acc);
    }
    acc.total += p.amount;
    if (p.category === 'RENT') acc.rent += p.amount;
  }
  let hmsOpening = 0;
  let hmsReported = 0;
  for (const t of input.rentRoll) {
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

  const { matched, unmatched } = matchBatches(input.postings, control, config.batchWindowDays);
  const accountExceptions = accountChecks(input, period, calendar, byAccount, issues);
  const suspense = suspenseCheck(suspenseLines, input.suspense, period, config.suspenseAgeLimitDays);

  const hmsOpeningP = toPence(hmsOpening);
  const reported = toPence(hmsReported);
  const glClosing = toPence(glOpening + glMovement);
  const difference = toPence(reported - glClosing);
  const reconcilingItems = [
    ...suggestTiming(unmatched, period, config),
    ...(options.userItems ?? config.reconcilingItems).map(
      (u): ReconcilingItem => ({ ...u, origin: 'user', accepted: true, ageDays: u.date ? daysBetween(u.date, period.end) : null }),
    ),
  ];
  const reconcilingTotal = toPence(reconcilingItems.reduce((s, r) => (r.accepted ? s + r.amount : s), 0));
  const unexplained = toPence(difference - reconcilingTotal);

  return {
    period,
    basis: 'system',
    hms: { opening: hmsOpeningP, transactions: toPence(hmsTransactions), calculatedClosing: toPence(hmsOpening + hmsTransactions), reportedClosing: reported },
    gl: { opening: toPence(glOpening), movement: toPence(glMovement), closing: glClosing },
    difference,
    components,
    matchedBatches: matched,
    unmatchedBatches: unmatched,
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
}

/** Groups postings into batches: one category, one date, one Batch Ref. */
export function hmsBatches(postings: readonly Posting[]): HmsBatch[] {
  const batches = new Map<string, { category: Category; date: IsoDate; batch: string; amount: number; postings: number; firstRow: number }>();
  for (const p of postings) {
    const key = `${p.category}\u0000${p.date}\u0000${p.batch}`;
    const b = batches.get(key);
    if (b) {
      b.amount += p.amount;
      b.postings++;
      if (p.row < b.firstRow) b.firstRow = p.row;
    } else batches.set(key, { category: p.category, date: p.date, batch: p.batch, amount: p.amount, postings: 1, firstRow: p.row });
  }
  return [...batches.values()]
    .map((b): HmsBatch => ({ side: 'hms', ...b, amount: toPence(b.amount) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareCategory(a.category, b.category) || (a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0)));
}

/**
 * A batch matches a GL control-account line of the same category and the same amount to the penny,
 * dated the same day or up to `windowDays` later. Batches are taken in date order and each claims
 * the earliest unclaimed line that fits (then the lowest row), so input order never changes the answer.
 */
export function matchBatches(postings: readonly Posting[], control: readonly GlLine[], windowDays: number): { matched: BatchMatch[]; unmatched: (HmsBatch | GlBatchLine)[] } {
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
  for (const b of hmsBatches(postings)) {
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

/**
 * Rent roll control: each account's RENT postings against the debit rule, and opening + postings
 * against the reported closing balance. One debit kind per account, the most specific.
 */
function accountChecks(
  input: ReconcileInput,
  period: Period,
  calendar: CompiledCalendar,
  byAccount: ReadonlyMap<string, { total: number; rent: number; firstRow: number }>,
  issues: InputIssue[],
): AccountException[] {
  const out: AccountException[] = [];
  const onRoll = new Map<string, Tenancy>();
  for (const t of input.rentRoll) onRoll.set(t.account, t);
  // Spreadsheets strip leading zeros: a posting to 12345 belongs to 00012345 when that is the only such account.
  const byStripped = new Map<string, string | null>();
  for (const a of onRoll.keys()) {
    const k = a.replace(/^0+/, '');
    byStripped.set(k, byStripped.has(k) ? null : a);
  }
  const totals = new Map<string, { total: number; rent: number; firstRow: number }>();
  const strays: { account: string; total: number; firstRow: number }[] = [];
  for (const [account, acc] of byAccount) {
    const target = onRoll.has(account) ? account : byStripped.get(account.replace(/^0+/, '')) ?? null;
    if (target === null) {
      strays.push({ account, ...acc });
      continue;
    }
    const t = totals.get(target);
    if (t) {
      t.total += acc.total;
      t.rent += acc.rent;
    } else totals.set(target, { ...acc });
  }

  const debitExceptions = new Map<string, { expected: number; actual: number; tenancy: Tenancy }>();
  for (const t of input.rentRoll) {
    const acc = totals.get(t.account);
    const expected = expectedDebit({ start: t.start, end: t.end, weeklyCharge: t.weeklyCharge }, period, calendar).total;
    const actual = acc?.rent ?? 0;
    if (expected !== actual) debitExceptions.set(t.account, { expected, actual, tenancy: t });
    const expectedClosing = t.opening + (acc?.total ?? 0);
    if (expectedClosing !== t.closing) {
      out.push({
        account: t.account,
        kind: 'balance',
        expected: toPence(expectedClosing),
        actual: t.closing,
        row: t.row,
        sheetRole: 'rentRoll',
        note: `opening ${formatGBP(t.opening)} + postings ${formatGBP(toPence(acc?.total ?? 0))} = ${formatGBP(toPence(expectedClosing))}, but the rent roll reports ${formatGBP(t.closing)}`,
      });
    }
  }

  // Which RENT postings explain an excess: after the tenancy ended, or in a rent-free week.
  if (debitExceptions.size > 0) {
    const suspicious = new Map<string, { afterEnd: number; rentFree: number }>();
    for (const p of input.postings) {
      if (p.category !== 'RENT') continue;
      const account = onRoll.has(p.account) ? p.account : byStripped.get(p.account.replace(/^0+/, '')) ?? null;
      const ex = account === null ? undefined : debitExceptions.get(account);
      if (!ex || account === null) continue;
      const monday = mondayOnOrBefore(p.date);
      let s = suspicious.get(account);
      if (!s) {
        s = { afterEnd: 0, rentFree: 0 };
        suspicious.set(account, s);
      }
      if (ex.tenancy.end !== null && monday > ex.tenancy.end) s.afterEnd += p.amount;
      if (isRentFreeWeek(monday, calendar)) s.rentFree += p.amount;
    }
    for (const [account, ex] of debitExceptions) {
      const excess = ex.actual - ex.expected;
      const s = suspicious.get(account) ?? { afterEnd: 0, rentFree: 0 };
      const kind: AccountException['kind'] =
        excess < 0
          ? 'missing-debit'
          : s.afterEnd > 0 && s.afterEnd >= excess
            ? 'debit-after-end'
            : s.rentFree > 0 && s.rentFree >= excess
              ? 'debit-in-rent-free-week'
              : 'extra-debit';
      out.push({
        account,
        kind,
        expected: toPence(ex.expected),
        actual: toPence(ex.actual),
        row: ex.tenancy.row,
        sheetRole: 'rentRoll',
        note: debitNote(kind, ex.expected, ex.actual, ex.tenancy),
      });
    }
  }

  for (const s of strays.sort((a, b) => a.firstRow - b.firstRow)) {
    out.push({
      account: s.account,
      kind: 'balance',
      expected: toPence(s.total),
      actual: ZERO,
      row: s.firstRow,
      sheetRole: 'transactions',
      note: `postings of ${formatGBP(toPence(s.total))} to an account that is not on the rent roll`,
    });
    if (input.postingLocation) {
      issues.push({ code: 'account.not-on-roll', severity: 'warning', raw: s.account, location: input.postingLocation(s.firstRow), detail: { ref: s.account } });
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

/**
 * A housing-system batch posted in the last days of the period with no GL line is most likely on
 * its way: the GL will carry it next period. Suggest it as a timing difference.
 */
function suggestTiming(unmatched: readonly (HmsBatch | GlBatchLine)[], period: Period, config: LedgerConfig): ReconcilingItem[] {
  const from = addDays(period.end, -(config.timingWindowDays - 1));
  return unmatched
    .filter((u): u is HmsBatch => u.side === 'hms' && u.date >= from && u.date <= period.end)
    .map((b, i) => ({
      ref: `T${i + 1}`,
      type: 'timing' as const,
      amount: b.amount,
      explanation: `${b.category} batch ${b.batch || '(no ref)'} of ${formatUkDate(b.date)} (${formatGBP(b.amount)}, ${b.postings} postings) is in the housing system but not yet in the GL: expected in the next period's GL`,
      owner: '',
      date: b.date,
      origin: 'suggested' as const,
      accepted: config.acceptSuggestedTiming,
      ageDays: daysBetween(b.date, period.end),
    }));
}

