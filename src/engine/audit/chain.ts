/**
 * A tamper-evident trail: each event holds the hash of the one before it, so removing, reordering or
 * editing any event breaks every hash after it. The first event's `prev` is GENESIS. The hash covers
 * the event's own fields and `prev` (canonical JSON, SHA-256), never the `hash` field itself.
 */
import { digestOf } from './canonical';

export const GENESIS = '0'.repeat(64);

/** What a caller records; `prev` and `hash` are added by `appendEvent`. */
export type ChainBody = Readonly<Record<string, unknown>>;

export type ChainedEvent<T extends ChainBody = ChainBody> = T & { readonly prev: string; readonly hash: string };

/** The hash an event must carry, given its body and the hash before it. */
export function eventHash(body: ChainBody, prev: string): string {
  const { hash: _ignored, ...rest } = body as Record<string, unknown>;
  return digestOf({ ...rest, prev });
}

/** The chain's head: the last event's hash, GENESIS for an empty chain. */
export function chainHead(events: readonly { readonly hash: string }[]): string {
  return events.length === 0 ? GENESIS : (events[events.length - 1] as { hash: string }).hash;
}

/** A new event on the end of the chain (the input chain is not changed). */
export function appendEvent<T extends ChainBody>(events: readonly ChainedEvent[], body: T): ChainedEvent<T> {
  const prev = chainHead(events);
  const { prev: _p, hash: _h, ...clean } = body as Record<string, unknown>;
  return { ...(clean as T), prev, hash: eventHash(clean, prev) };
}

export type ChainCheck = { readonly intact: true; readonly events: number } | { readonly intact: false; readonly events: number; readonly brokenAt: number; readonly why: 'prev' | 'hash' };

/** Re-computes every link; `brokenAt` is the 0-based index of the first event that does not hold. */
export function verifyChain(events: readonly ChainedEvent[]): ChainCheck {
  let prev = GENESIS;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ChainedEvent;
    if (e.prev !== prev) return { intact: false, events: events.length, brokenAt: i, why: 'prev' };
    const { prev: _p, hash: _h, ...body } = e as Record<string, unknown>;
    if (eventHash(body, prev) !== e.hash) return { intact: false, events: events.length, brokenAt: i, why: 'hash' };
    prev = e.hash;
  }
  return { intact: true, events: events.length };
}
