/**
 * The debt actions trail (issue 16): every letter issued and every note an officer records, with who
 * and when, on a hash-chained log (audit/chain.ts), so an edited or removed entry breaks the chain.
 * A letter is issued once per account, stage and debt (the oldest unpaid item's Due Date when it was
 * issued): the arrears run leaves out letters the trail already holds.
 */
import { appendEvent, verifyChain, type ChainedEvent } from '../../audit/chain';
import type { IsoDate } from '../../dates';

export interface DebtTrailBody {
  readonly type: 'letter-issued' | 'note';
  /** Owner Ref / Property Ref. */
  readonly account: string;
  readonly stage: string | null;
  readonly letter: string | null;
  /** The oldest unpaid item's Due Date the letter chased (null for a note). */
  readonly episode: IsoDate | null;
  readonly asOf: IsoDate;
  readonly note: string;
  readonly by: string;
  /** An ISO instant passed in by the caller. */
  readonly at: string;
}

export type DebtTrailEvent = DebtTrailBody & { readonly prev: string; readonly hash: string };

/** The key a letter is issued under: account, stage and debt. */
export const letterKey = (account: string, stage: string, episode: IsoDate | null): string => `${account}\u0000${stage}\u0000${episode ?? ''}`;

/** The keys of the letters already on the trail. */
export function issuedLetters(trail: readonly DebtTrailEvent[]): Set<string> {
  return new Set(trail.filter((e) => e.type === 'letter-issued' && e.stage !== null).map((e) => letterKey(e.account, e.stage ?? '', e.episode)));
}

/** New events on the end of the trail (the trail given is not changed). */
export function appendTrail(trail: readonly DebtTrailEvent[], bodies: readonly DebtTrailBody[]): DebtTrailEvent[] {
  const out: DebtTrailEvent[] = [];
  for (const b of bodies) out.push(appendEvent([...trail, ...out] as unknown as readonly ChainedEvent[], b as unknown as Record<string, unknown>) as unknown as DebtTrailEvent);
  return out;
}

/** Null when the trail is intact; else why not, in words. */
export function trailProblem(trail: readonly DebtTrailEvent[]): string | null {
  const check = verifyChain(trail as unknown as readonly ChainedEvent[]);
  return check.intact ? null : `the debt trail has been altered: entry ${check.brokenAt + 1} does not follow from the one before (${check.why})`;
}
