/**
 * The re-presentation queue in the pane: kept in the store by workbook (in memory where the
 * browser keeps none), read again whenever the pane opens, so a reload loses nothing. The engine
 * decides what is added, what goes to the run, how each item stands on the processing day and what
 * a run collected; this hook keeps the rows and reports a storage problem in words.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IsoDate } from '../../engine/dates';
import { collectedByRun, queuedForRun, type QueuedRepresentation } from '../../engine/dd/representation-queue';
import type { DdCollectResult, Representation } from '../../engine/jobs/dd-collect';
import type { LedgerDb } from '../../store/db';
import { dexieRepresentationQueue, memoryRepresentationQueue } from '../../store/representation-store';

export function useRepresentationQueue(db: LedgerDb | null, workbookId: string, actor: string, now: () => Date, say: (problem: string) => void) {
  const store = useMemo(() => (db ? dexieRepresentationQueue(db, workbookId, now) : memoryRepresentationQueue(now)), [db, workbookId]);
  const [queue, setQueue] = useState<readonly QueuedRepresentation[]>([]);

  const reload = useCallback(async () => {
    setQueue(await store.list());
  }, [store]);

  useEffect(() => {
    reload().catch((e: Error) => say(e.message));
  }, [reload]);

  async function change(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      await reload();
    } catch (e) {
      say((e as Error).message);
    }
  }

  return {
    queue,
    /** What the next run takes (every item still queued; the run refuses an expired one with its reason). */
    forRun: (): Representation[] => queuedForRun(queue),
    add: (offered: readonly Representation[]) => change(() => store.add(offered, actor)),
    /** After the run's Bacs file is made and downloaded: its 18s leave the queue as collected. */
    collected: (run: DdCollectResult, processingDay: IsoDate) => change(() => store.markCollected(collectedByRun(queue, run), processingDay, actor)),
    withdrawAll: () => change(() => store.withdrawAll(actor)),
  };
}
