/**
 * The re-presentation queue in IndexedDB (version 9, issue 13): each workbook's unpaids queued to
 * be re-presented (18), a row each, with who queued it and when, kept until a Bacs file collects it
 * or a person withdraws it (the row stays, closed, with who and when). What is added, what goes to
 * a run and what a run collected are the engine's rules (engine/dd/representation-queue.ts); this
 * only keeps the result. Where the browser keeps no store, the same port works in memory.
 */
import type { IsoDate } from '../engine/dates';
import { queueRepresentations, representationKey, type QueuedRepresentation } from '../engine/dd/representation-queue';
import type { Representation } from '../engine/jobs/dd-collect';
import type { LedgerDb } from './db';
import { explainStorageError } from './errors';

/** Version 9: the re-presentation queue, by workbook (a new table only). */
export const SCHEMA_V9 = { representations: '&key, workbookId' } as const;

export interface StoredRepresentation extends QueuedRepresentation {
  /** `${workbookId}|${reference}|${originalProcessingDay}`. */
  readonly key: string;
  readonly workbookId: string;
}

/** The port the Direct Debits mode uses; Dexie below, memory where there is no store. */
export interface RepresentationQueueStore {
  /** The workbook's queue, every row (closed ones too), oldest unpaid first. */
  list(): Promise<QueuedRepresentation[]>;
  /** Queues a report's re-presentable unpaids (each once); returns how many were new. */
  add(offered: readonly Representation[], by: string): Promise<number>;
  /** Closes the items a run's file collected (keys from the engine's collectedByRun). */
  markCollected(keys: readonly string[], processingDay: IsoDate, by: string): Promise<void>;
  /** Takes the still-queued items out of the queue (a person chose not to re-present them). */
  withdrawAll(by: string): Promise<void>;
}

const rowKey = (workbookId: string, r: Pick<QueuedRepresentation, 'reference' | 'originalProcessingDay'>): string => `${workbookId}|${representationKey(r)}`;
const plain = ({ key: _k, workbookId: _w, ...q }: StoredRepresentation): QueuedRepresentation => q;
const byUnpaid = (a: QueuedRepresentation, b: QueuedRepresentation): number => a.originalProcessingDay.localeCompare(b.originalProcessingDay) || a.reference.localeCompare(b.reference);

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw explainStorageError(e);
  }
}

export function dexieRepresentationQueue(db: LedgerDb, workbookId: string, now: () => Date = () => new Date()): RepresentationQueueStore {
  const rows = () => db.representations.where('workbookId').equals(workbookId).toArray();
  const close = (keys: readonly string[], by: string, status: 'collected' | 'withdrawn', collectedIn: IsoDate | null) =>
    guarded(() =>
      db.transaction('rw', db.representations, async () => {
        const at = now().toISOString();
        const wanted = new Set(keys.map((k) => `${workbookId}|${k}`));
        const open = (await rows()).filter((r) => r.status === 'queued' && (status === 'withdrawn' || wanted.has(r.key)));
        if (open.length) await db.representations.bulkPut(open.map((r) => ({ ...r, status, closedBy: by, closedAt: at, collectedIn })));
      }),
    );
  return {
    list: () => guarded(async () => (await rows()).map(plain).sort(byUnpaid)),
    add: (offered, by) =>
      guarded(() =>
        db.transaction('rw', db.representations, async () => {
          const more = queueRepresentations((await rows()).map(plain), offered, by, now().toISOString());
          if (more.length) await db.representations.bulkAdd(more.map((q) => ({ ...q, key: rowKey(workbookId, q), workbookId })));
          return more.length;
        }),
      ),
    markCollected: (keys, processingDay, by) => close(keys, by, 'collected', processingDay),
    withdrawAll: (by) => close([], by, 'withdrawn', null),
  };
}

/** The same queue kept in memory for this sitting only (a browser that allows no storage). */
export function memoryRepresentationQueue(now: () => Date = () => new Date()): RepresentationQueueStore {
  let queue: QueuedRepresentation[] = [];
  const close = (pick: (q: QueuedRepresentation) => boolean, by: string, status: 'collected' | 'withdrawn', collectedIn: IsoDate | null) => {
    const at = now().toISOString();
    queue = queue.map((q) => (q.status === 'queued' && pick(q) ? { ...q, status, closedBy: by, closedAt: at, collectedIn } : q));
  };
  return {
    list: async () => [...queue].sort(byUnpaid),
    add: async (offered, by) => {
      const more = queueRepresentations(queue, offered, by, now().toISOString());
      queue = [...queue, ...more];
      return more.length;
    },
    markCollected: async (keys, processingDay, by) => {
      const wanted = new Set(keys);
      close((q) => wanted.has(representationKey(q)), by, 'collected', processingDay);
    },
    withdrawAll: async (by) => close(() => true, by, 'withdrawn', null),
  };
}
