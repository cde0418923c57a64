/**
 * Where an approval log lives in the pane: the store's actions table under a log id (its hash chain
 * checked on every load, an append refused when someone else acted first), or the pane's memory when
 * there is no storage. Account actions keep one log per workbook; the factoring write-offs their own.
 */
import { ActionsRepo } from '../../store/actions-store';
import type { LedgerDb } from '../../store/db';
import { memoryLog, type ActionsLogPort } from './useAccountActions';

export function actionsLogFor(db: LedgerDb | null, logId: string): ActionsLogPort {
  if (!db) return memoryLog();
  const repo = new ActionsRepo(db);
  return { load: () => repo.load(logId), append: (judgedOn, events) => repo.append(logId, judgedOn, events) };
}
