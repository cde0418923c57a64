/**
 * What an account itself says about a suspense item once an index has proposed it: the amount
 * against its weekly charge (a multiple, the monthly equivalent) and its usual payment, its earlier
 * payments in the period (the same payer, channel and amount), and its status (current, ended,
 * not yet started). Each piece is a reason in words with the score it adds; none of it proposes an
 * account on its own, since many tenancies share a charge (DOMAIN.md section 4).
 */
import { formatUkDate, type IsoDate } from '../dates';
import { formatGBP, mulDiv, type Pence } from '../money';
import type { Posting, SuspenseItem, Tenancy } from '../records';
import { EVIDENCE_REASON } from './messages';

/** One reason and what it adds to (or takes from) a candidate's score. */
export interface Evidence {
  readonly reason: string;
  readonly score: number;
}

/** A payment onto an account earlier in the period, as the account's history shows it. */
export interface PaymentSeen {
  readonly date: IsoDate;
  /** Positive: money received. */
  readonly amount: Pence;
  readonly channel: string;
  readonly description: string;
}

/** Multiples of the weekly charge a person plausibly pays at once (up to two months). */
const MAX_WEEKS = 8;

/** What agreeing amount evidence adds: a tie-breaker, never enough to lift a weak candidate to auto. */
export const AMOUNT_SCORE = 0.04;
/** The payer's name in one of the account's earlier payments. */
export const HISTORY_PAYER_SCORE = 0.05;
/** The same channel and amount paid onto the account before. */
export const HISTORY_CHANNEL_SCORE = 0.02;
/** Money dated after a tenancy ended, or before it started, is less likely to be its rent. */
export const STATUS_PENALTY = 0.1;

/** Housing Benefit, Universal Credit and landlord adjustments are not the tenant paying. */
const PAYER_CHANNELS: ReadonlySet<string> = new Set(['DD', 'ALLPAY', 'CASH', 'BANK', 'CARD', 'TRANSFER']);

/**
 * The period's payments of the given accounts (one pass over the postings; only accounts some
 * index proposed are kept), oldest first.
 */
export function paymentHistory(postings: readonly Posting[], accounts: ReadonlySet<string>): Map<string, PaymentSeen[]> {
  const out = new Map<string, PaymentSeen[]>();
  if (accounts.size === 0) return out;
  for (const p of postings) {
    if (p.amount >= 0 || !PAYER_CHANNELS.has(p.category) || !accounts.has(p.account)) continue;
    const seen: PaymentSeen = { date: p.date, amount: -p.amount as Pence, channel: p.category, description: p.description };
    const list = out.get(p.account);
    if (list) list.push(seen);
    else out.set(p.account, [seen]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.amount - b.amount));
  return out;
}

/** The amount most often paid (ties: the larger, then stable); null under two payments of it. */
export function usualPayment(history: readonly PaymentSeen[]): { amount: Pence; times: number } | null {
  const counts = new Map<number, number>();
  for (const h of history) counts.set(h.amount, (counts.get(h.amount) ?? 0) + 1);
  let best: { amount: Pence; times: number } | null = null;
  for (const [amount, times] of counts) if (times >= 2 && (best === null || times > best.times || (times === best.times && amount > best.amount))) best = { amount: amount as Pence, times };
  return best;
}

/** weekly x 52 / 12, half up, memoised: charges repeat across a roll, and the cache is bounded. */
const MONTHLY = new Map<number, Pence>();
function monthlyEquivalent(weekly: Pence): Pence {
  let m = MONTHLY.get(weekly);
  if (m === undefined) {
    if (MONTHLY.size > 50_000) MONTHLY.clear();
    m = mulDiv(weekly, 52, 12);
    MONTHLY.set(weekly, m);
  }
  return m;
}

/**
 * The amount against the account: its weekly charge or a multiple of it (up to 8 weeks), the
 * monthly equivalent (weekly x 52 / 12, to the penny either way), or the account's usual payment.
 * The strongest one reason; null when the amount says nothing.
 */
export function amountEvidence(amount: Pence, tenancy: Tenancy, history: readonly PaymentSeen[]): Evidence | null {
  const weekly = tenancy.weeklyCharge;
  const money = formatGBP(amount);
  if (weekly > 0 && amount > 0) {
    if (amount === weekly) return { reason: EVIDENCE_REASON.weeklyCharge(money), score: AMOUNT_SCORE };
    if (amount % weekly === 0 && amount / weekly <= MAX_WEEKS) return { reason: EVIDENCE_REASON.weeks(money, amount / weekly, formatGBP(weekly)), score: AMOUNT_SCORE };
    // Landlords and tenants round the monthly equivalent either way: a penny's difference is the same figure.
    const monthly = monthlyEquivalent(weekly);
    if (Math.abs(amount - monthly) <= 1) return { reason: EVIDENCE_REASON.monthlyEquivalent(money, formatGBP(weekly)), score: AMOUNT_SCORE };
  }
  const usual = usualPayment(history);
  if (usual && usual.amount === amount) return { reason: EVIDENCE_REASON.usualPayment(money, usual.times), score: AMOUNT_SCORE };
  return null;
}

/** Upper-case words of a name of two letters or more, titles aside: what a description must carry. */
function surnameWords(payer: string): string[] {
  return payer
    .toUpperCase()
    .replace(/[^A-Z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !['MR', 'MRS', 'MS', 'MISS', 'DR', 'MX', 'REV', 'RENT', 'THE', 'AND'].includes(w));
}

/**
 * The account's earlier payments: the payer's name in one of their descriptions (the same person
 * paid this account before), and the same channel with the same amount.
 */
export function historyEvidence(item: SuspenseItem, history: readonly PaymentSeen[]): Evidence[] {
  const out: Evidence[] = [];
  const earlier = history.filter((h) => h.date <= item.date);
  if (earlier.length === 0) return out;
  const words = surnameWords(item.payer);
  if (words.length > 0) {
    const byPayer = earlier.find((h) => {
      const text = ` ${h.description.toUpperCase().replace(/[^A-Z]/g, ' ')} `;
      return words.every((w) => text.includes(` ${w} `));
    });
    if (byPayer) out.push({ reason: EVIDENCE_REASON.payerPaidBefore(item.payer.trim(), formatUkDate(byPayer.date), byPayer.description), score: HISTORY_PAYER_SCORE });
  }
  const channel = item.channel.trim().toUpperCase();
  const same = channel === '' ? undefined : earlier.find((h) => h.channel === channel && h.amount === item.amount);
  if (same) out.push({ reason: EVIDENCE_REASON.channelPaidBefore(formatGBP(item.amount), channel, formatUkDate(same.date)), score: HISTORY_CHANNEL_SCORE });
  return out;
}

/** The tenancy's status on the item's date: current, ended (former tenancy) or not yet started. */
export function statusEvidence(item: SuspenseItem, tenancy: Tenancy): Evidence {
  if (tenancy.end !== null && tenancy.end < item.date) return { reason: EVIDENCE_REASON.ended(formatUkDate(tenancy.end)), score: -STATUS_PENALTY };
  if (tenancy.start !== null && tenancy.start > item.date) return { reason: EVIDENCE_REASON.notStarted(formatUkDate(tenancy.start)), score: -STATUS_PENALTY };
  if (tenancy.end !== null) return { reason: EVIDENCE_REASON.ends(formatUkDate(tenancy.end)), score: 0 };
  return { reason: EVIDENCE_REASON.current, score: 0 };
}
