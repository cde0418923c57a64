/**
 * The queue of unpaid collections a coordinator chose to re-present (ARUDD reason 0, code 18), as
 * the pane keeps it between sittings: who queued each and when, and whether a Bacs file has
 * collected it. The rules are here and nowhere else: what a report's offer adds to the queue (each
 * unpaid once), which items go to the next run (every one still queued: the run itself refuses, with
 * its reason, one whose window has passed), how each stands on a processing day (a month from the
 * original processing day, judged against the run's processing day, never the clock), and which
 * items a run collected (its 18s, matched by reference and original processing day). dd collect
 * and dd report take the window (addMonth) and its words (tooLate) from here.
 */
import { formatUkDate, parseDayFirst, type IsoDate } from '../dates';
import type { DdCollectResult, Representation } from '../jobs/dd-collect';
import type { Pence } from '../money';

export type QueueStatus = 'queued' | 'collected' | 'withdrawn';

/** One queued re-presentation, as plain data (the store keeps it as it is). */
export interface QueuedRepresentation {
  readonly reference: string;
  readonly amount: Pence;
  readonly originalProcessingDay: IsoDate;
  readonly queuedBy: string;
  /** ISO timestamp. */
  readonly queuedAt: string;
  readonly status: QueueStatus;
  /** When it left the queue (collected or withdrawn), by whom, and for a collection the run's processing day. */
  readonly closedBy: string | null;
  readonly closedAt: string | null;
  readonly collectedIn: IsoDate | null;
}

/** How a queued item stands on a processing day: the last day it may be re-presented, and why it may not be if so. */
export interface QueueStanding {
  readonly item: QueuedRepresentation;
  readonly until: IsoDate;
  /** Null while it may still be re-presented (or when the processing day is not a date yet). */
  readonly expired: string | null;
}

/** The key an unpaid is queued under: one collection is re-presented at most once. */
export const representationKey = (r: Pick<Representation, 'reference' | 'originalProcessingDay'>): string => `${r.reference.trim().toUpperCase()}|${r.originalProcessingDay}`;

/** The same day next month (the 31st running into a short month takes its last day). */
export function addMonth(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  const mo = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  const ny = mo === 12 ? y + 1 : y;
  const nm = mo === 12 ? 1 : mo + 1;
  for (let dd = day; dd >= 28; dd--) {
    const t = parseDayFirst(`${ny}-${String(nm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`);
    if (t) return t;
  }
  return parseDayFirst(`${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`) as IsoDate;
}

/** The last processing day on which an unpaid of this original processing day may be re-presented (a month on). */
export function representationLimit(originalProcessingDay: IsoDate): IsoDate {
  return addMonth(originalProcessingDay);
}

/** The reason the run gives for an item past its window (the same words as dd collect's held-back list). */
export function tooLate(r: Pick<Representation, 'originalProcessingDay'>): string {
  return `re-presentation too late: the unpaid collection of ${formatUkDate(r.originalProcessingDay)} may be re-presented until ${formatUkDate(representationLimit(r.originalProcessingDay))}`;
}

/** The items a report's offer adds to the queue: each unpaid not already queued, collected or withdrawn, with who and when. */
export function queueRepresentations(queue: readonly QueuedRepresentation[], offered: readonly Representation[], by: string, at: string): QueuedRepresentation[] {
  const known = new Set(queue.map(representationKey));
  const out: QueuedRepresentation[] = [];
  for (const r of offered) {
    const key = representationKey(r);
    if (known.has(key)) continue;
    known.add(key);
    out.push({ reference: r.reference.trim().toUpperCase(), amount: r.amount, originalProcessingDay: r.originalProcessingDay, queuedBy: by, queuedAt: at, status: 'queued', closedBy: null, closedAt: null, collectedIn: null });
  }
  return out;
}

/** What goes to the next run as --represent does: every item still queued, oldest unpaid first. */
export function queuedForRun(queue: readonly QueuedRepresentation[]): Representation[] {
  return queue
    .filter((q) => q.status === 'queued')
    .sort((a, b) => a.originalProcessingDay.localeCompare(b.originalProcessingDay) || a.reference.localeCompare(b.reference))
    .map((q) => ({ reference: q.reference, amount: q.amount, originalProcessingDay: q.originalProcessingDay }));
}

/** Each queued item on the processing day typed (YYYY-MM-DD): expired once that day is after its last day. */
export function queueStanding(queue: readonly QueuedRepresentation[], processingDay: string): QueueStanding[] {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(processingDay.trim()) ? parseDayFirst(processingDay) : null;
  return queue
    .filter((q) => q.status === 'queued')
    .map((item) => {
      const until = representationLimit(item.originalProcessingDay);
      return { item, until, expired: day !== null && day > until ? tooLate(item) : null };
    });
}

/**
 * The keys of the queued items a run's file collected: one per 18 the run made, matched by its
 * reference and the original processing day it re-presents. None when the run made no file.
 */
export function collectedByRun(queue: readonly QueuedRepresentation[], run: Pick<DdCollectResult, 'collections' | 'bacsText'>): string[] {
  if (run.bacsText === null) return [];
  const queued = new Set(queue.filter((q) => q.status === 'queued').map(representationKey));
  return run.collections.flatMap((c) => {
    if (c.code !== '18' || c.represents === undefined) return [];
    const key = representationKey({ reference: c.reference, originalProcessingDay: c.represents });
    return queued.has(key) ? [key] : [];
  });
}
