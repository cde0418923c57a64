/**
 * The suspense queue as a worklist: the view a coordinator works through, computed from the review
 * state by one pure function (the worker calls it; components only render its rows). Filters by
 * decision state and by the kind of evidence behind the best candidate, a search over reference,
 * payer, item, account and amount, a sort by amount, days held, score or date, and the running count
 * and £ total of what is shown and of what is decided. Days held are counted to the caller's date
 * (the engine has no clock).
 */
import { daysBetween, type IsoDate } from '../dates';
import { formatPence, parsePence, ZERO, addPence, type Pence } from '../money';
import type { ReviewEntry, ReviewState } from './review-queue';

/** Which items: every one, the open ones (optionally only those the matcher proposed a given way), or the decided ones. */
export type WorklistState = 'all' | 'open' | 'auto' | 'review' | 'none' | 'decided';
/** The kind of evidence behind an item's best candidate. */
export type WorklistEvidence = 'any' | 'reference' | 'name' | 'address' | 'amount' | 'history';
export type WorklistSort = 'item' | 'amount' | 'days' | 'score' | 'date';

export interface WorklistQuery {
  readonly state: WorklistState;
  readonly evidence: WorklistEvidence;
  readonly search: string;
  readonly sort: WorklistSort;
  readonly descending: boolean;
  /** The day days held are counted to (the pane passes today). */
  readonly asOf: IsoDate;
}

export const DEFAULT_WORKLIST_QUERY: Omit<WorklistQuery, 'asOf'> = { state: 'open', evidence: 'any', search: '', sort: 'item', descending: false };

export interface WorklistRow {
  readonly entry: ReviewEntry;
  readonly daysHeld: number;
}

export interface Tally {
  readonly count: number;
  readonly total: Pence;
}

export interface WorklistView {
  readonly rows: readonly WorklistRow[];
  /** What the current filter shows. */
  readonly shown: Tally;
  /** What is decided (allocated or left on purpose), over the whole queue. */
  readonly decided: Tally;
  /** Of the decided, what is allocated to an account. */
  readonly allocated: Tally;
  /** Automatic allocations not yet accepted: what "Accept all automatic" would move. */
  readonly automaticWaiting: Tally;
  readonly all: Tally;
}

/** The kinds of evidence one reason gives (the reasons are the matcher's sentences, messages.ts). */
export function evidenceOf(reason: string): WorklistEvidence[] {
  const kinds: WorklistEvidence[] = [];
  if (/^reference |^account \S+ appears|^property ref /.test(reason)) kinds.push('reference');
  if (/^payer /.test(reason)) kinds.push('name');
  if (/postcode|narrative gives the address|house number/.test(reason)) kinds.push('address');
  if (/^amount /.test(reason)) kinds.push('amount');
  if (/paid this account before|the account was paid .* before/.test(reason)) kinds.push('history');
  return kinds;
}

/** Each reason once, in first-seen order. */
export function uniqueReasons(reasons: readonly string[]): string[] {
  return [...new Set(reasons)];
}

function hasEvidence(entry: ReviewEntry, kind: WorklistEvidence): boolean {
  if (kind === 'any') return true;
  const best = entry.candidates[0];
  return best !== undefined && best.reasons.some((r) => evidenceOf(r).includes(kind));
}

function matchesSearch(entry: ReviewEntry, words: string, pence: Pence | null): boolean {
  if (words === '') return true;
  if (pence !== null && (entry.amount === pence || entry.amount === -pence)) return true;
  if (entry.item.toLowerCase().includes(words) || entry.reference.toLowerCase().includes(words) || entry.payer.toLowerCase().includes(words)) return true;
  if (formatPence(entry.amount).includes(words)) return true;
  return entry.candidates.some((c) => c.account.toLowerCase().includes(words));
}

function add(t: { count: number; total: Pence }, amount: Pence): void {
  t.count += 1;
  t.total = addPence(t.total, amount);
}

/** The part of a query that decides the rows' order and which entries can show, whatever is decided. */
export type WorklistOrderQuery = Omit<WorklistQuery, 'state'>;

/**
 * The entries that pass the evidence filter and the search, with their days held, sorted: it does
 * not depend on any decision, so the pane computes it once per query and a decision only re-filters
 * it by state (worklistFrom), never re-sorts the queue.
 */
export function worklistOrder(entries: readonly ReviewEntry[], query: WorklistOrderQuery): WorklistRow[] {
  const words = query.search.trim().toLowerCase();
  const pence = /\d/.test(words) && /^[£\d.,\s-]+$/.test(words) ? parsePence(words.replace(/[£\s]/g, '')) : null;
  const rows: WorklistRow[] = [];
  for (const entry of entries) {
    if (!hasEvidence(entry, query.evidence) || !matchesSearch(entry, words, pence)) continue;
    rows.push({ entry, daysHeld: Math.max(0, daysBetween(entry.date, query.asOf)) });
  }
  const key = (r: WorklistRow): number | string => {
    switch (query.sort) {
      case 'amount': return r.entry.amount;
      case 'days': return r.daysHeld;
      case 'score': return r.entry.candidates[0]?.score ?? -1;
      case 'date': return r.entry.date;
      default: return r.entry.item;
    }
  };
  const dir = query.descending ? -1 : 1;
  rows.sort((a, b) => {
    const ka = key(a), kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
    return a.entry.item < b.entry.item ? -1 : a.entry.item > b.entry.item ? 1 : 0;
  });
  return rows;
}

function inState(state: ReviewState, entry: ReviewEntry, filter: WorklistState): boolean {
  const resolution = state.resolutions[entry.item];
  return filter === 'all' || (filter === 'decided' ? resolution !== undefined : resolution === undefined && (filter === 'open' || entry.proposed === filter));
}

/**
 * The view from an order (worklistOrder) and the decisions of the state: one pass, no sort; the
 * order itself is the rows when every state is shown.
 */
export function worklistFrom(state: ReviewState, order: readonly WorklistRow[], filter: WorklistState): WorklistView {
  const shown = { count: 0, total: ZERO }, decided = { count: 0, total: ZERO }, allocated = { count: 0, total: ZERO };
  const waiting = { count: 0, total: ZERO }, all = { count: 0, total: ZERO };
  for (const entry of state.entries) {
    const resolution = state.resolutions[entry.item];
    add(all, entry.amount);
    if (resolution) {
      add(decided, entry.amount);
      if (resolution.kind === 'allocated') add(allocated, entry.amount);
    } else if (entry.proposed === 'auto' && entry.candidates.length > 0) add(waiting, entry.amount);
  }
  const rows = filter === 'all' ? order : order.filter((r) => inState(state, r.entry, filter));
  for (const r of rows) add(shown, r.entry.amount);
  return { rows, shown, decided, allocated, automaticWaiting: waiting, all };
}

/** The rows and totals for one query; linear in the queue's size plus the sort. */
export function worklistView(state: ReviewState, query: WorklistQuery): WorklistView {
  const { state: filter, ...order } = query;
  return worklistFrom(state, worklistOrder(state.entries, order), filter);
}
