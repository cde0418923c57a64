/**
 * The factoring runs a workbook has been through in the pane (issue 15): for each quarter, the dry
 * run's digest, its sample with the checker's marks, and the approval engine's log, so a reload of
 * the pane does not lose a sign-off or an approval. Plain data only (the log is JSON-safe).
 */
import type { ActionEvent } from '../engine/approvals';
import type { SampleState } from '../engine/factoring/sample-check';
import type { LedgerDb } from './db';

export interface StoredFactoringRun {
  /** `${workbookId}|${quarter}`. */
  readonly key: string;
  readonly workbookId: string;
  readonly quarter: string;
  readonly digest: string;
  readonly preparedBy: string;
  readonly sample: SampleState;
  readonly actions: readonly ActionEvent[];
  readonly savedAt: string;
}

export const factoringRunKey = (workbookId: string, quarter: string): string => `${workbookId}|${quarter}`;

/** The port the pane's Factoring mode uses; the Dexie table below is one implementation. */
export interface FactoringRunStore {
  load(quarter: string): Promise<StoredFactoringRun | null>;
  save(run: Omit<StoredFactoringRun, 'key' | 'workbookId' | 'savedAt'>): Promise<void>;
}

export function dexieFactoringRuns(db: LedgerDb, workbookId: string, now: () => Date = () => new Date()): FactoringRunStore {
  return {
    load: async (quarter) => (await db.factoringRuns.get(factoringRunKey(workbookId, quarter))) ?? null,
    save: async (run) => {
      await db.factoringRuns.put({ ...run, key: factoringRunKey(workbookId, run.quarter), workbookId, savedAt: now().toISOString() });
    },
  };
}
