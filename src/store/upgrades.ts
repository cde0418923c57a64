/**
 * Schema upgrades as pure functions, tested without IndexedDB. Version 1 kept a session's trail
 * inside the session record; version 2 keeps it in its own append-only table, so adding an event
 * never rewrites the session (and a long month-end's trail never makes every save bigger).
 */
import type { Session, StoredReviewDecision, TrailEvent } from './schema';

/** A version 1 session: the trail inside it. */
export type SessionV1 = Omit<Session, never> & { readonly trail?: readonly Omit<TrailEvent, 'sessionId' | 'seq'>[] };

/** Splits a version 1 session into the version 2 session and its trail events, losing nothing. */
export function upgradeSessionV1toV2(old: SessionV1): { session: Session; trail: TrailEvent[] } {
  const { trail = [], ...session } = old;
  return { session, trail: trail.map((e) => ({ ...e, sessionId: old.id })) };
}

/**
 * Version 8: a session's suspense decisions leave the session record for a row each, so a decision
 * writes one row and accept-all one bulk write of what it touched (the queue's entries are rebuilt
 * by every run and were never needed in the store). Loses nothing: every resolution becomes a row.
 */
export function upgradeReviewToRows(old: Session): { session: Session; decisions: StoredReviewDecision[] } {
  const { suspenseReview, ...session } = old;
  const resolutions = suspenseReview?.resolutions ?? {};
  return { session, decisions: Object.keys(resolutions).map((item) => ({ sessionId: old.id, item, resolution: resolutions[item] as StoredReviewDecision['resolution'] })) };
}
