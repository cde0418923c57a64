/**
 * Bringing an actions log made elsewhere (a CLI actions file) into this one. Two copies of a log
 * share the events up to where they parted; after that each may have grown. An action changed on
 * one side only is brought over whole (its events re-chained onto this log, their bodies as they
 * were, so every approval still names the digest it saw and was judged on the same history). An
 * action changed on both sides is a conflict: shown, left as it is here, never merged silently.
 * An imported log that does not hold its own chain is refused before anything is compared.
 */
import { appendEvent, type ChainBody, type ChainedEvent } from '../audit/chain';
import type { ActionEvent, ActionEventBody } from './types';

export interface LogConflict {
  readonly id: string;
  readonly why: string;
}

export interface LogMerge {
  /** How many events the two logs share from the start. */
  readonly shared: number;
  /** The incoming events to append here, re-chained onto this log (empty when there is nothing new). */
  readonly events: readonly ActionEvent[];
  /** The actions brought over (new here, or changed only in the incoming log). */
  readonly imported: readonly string[];
  /** Actions changed on both sides since the logs parted: left as they are here. */
  readonly conflicts: readonly LogConflict[];
  /** Actions changed on both sides in the very same way (nothing to do). */
  readonly same: readonly string[];
}

function bodyOf(e: ActionEvent): ActionEventBody {
  const { prev: _prev, hash: _hash, ...body } = e;
  return body as ActionEventBody;
}

/** What the events of one action say, without their place on a chain. */
const story = (events: readonly ActionEvent[]): string => JSON.stringify(events.map((e) => { const { prev: _p, hash: _h, ...b } = e; return b; }));

/** The merge of `incoming` into `local` (both already verified chains): what to append, and what conflicts. */
export function mergeActionLogs(local: readonly ActionEvent[], incoming: readonly ActionEvent[]): LogMerge {
  let shared = 0;
  while (shared < local.length && shared < incoming.length && local[shared]?.hash === incoming[shared]?.hash) shared++;
  const localAfter = local.slice(shared);
  const incomingAfter = incoming.slice(shared);
  const ids = [...new Set(incomingAfter.map((e) => e.id))];
  const imported: string[] = [];
  const conflicts: LogConflict[] = [];
  const same: string[] = [];
  for (const id of ids) {
    const here = localAfter.filter((e) => e.id === id);
    const there = incomingAfter.filter((e) => e.id === id);
    const requestedAgain = there.some((e) => e.type === 'requested') && local.slice(0, shared).some((e) => e.id === id);
    if (requestedAgain) conflicts.push({ id, why: `the file requests ${id} again, but ${id} was requested before the two logs parted` });
    else if (here.length === 0) imported.push(id);
    else if (story(here) === story(there)) same.push(id);
    else {
      const requestedBoth = here.some((e) => e.type === 'requested') && there.some((e) => e.type === 'requested');
      conflicts.push({ id, why: requestedBoth ? `${id} was requested here and in the file for different things` : `${id} was changed here and in the file since the two logs parted (here: ${here.map((e) => `${e.type} by ${e.by}`).join(', ')}; the file: ${there.map((e) => `${e.type} by ${e.by}`).join(', ')})` });
    }
  }
  const take = new Set(imported);
  const events: ActionEvent[] = [];
  for (const e of incomingAfter) {
    if (!take.has(e.id)) continue;
    events.push(appendEvent([...local, ...events] as unknown as readonly ChainedEvent[], bodyOf(e) as unknown as ChainBody) as unknown as ActionEvent);
  }
  return { shared, events, imported, conflicts, same };
}
