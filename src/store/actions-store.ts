/**
 * Version 6 of the store (issue 14): the account actions log, one row per event of the hash-chained
 * approval log, kept per log (a landlord's actions for one workbook). Rows are the engine's events as
 * plain data; appending re-checks, inside the rw transaction, that the stored log is still the one
 * the step was judged on, so two panes approving at once never lose or reorder each other's events.
 * The v6 upgrade only adds the table: every record of earlier versions is kept as it is.
 */
import type { Table } from 'dexie';
import { verifyChain, type ChainedEvent } from '../engine/audit/chain';
import { readActionsFile } from '../engine/approvals/actions-file';
import type { ActionEvent } from '../engine/approvals/types';
import type { LedgerDb } from './db';
import { StoreError } from './errors';

/** Version 6's table: events by log, in order. */
export const SCHEMA_V6 = { actions: '++seq, logId, [logId+index]' } as const;

export interface StoredActionEvent {
  /** Assigned by the store, increasing. */
  readonly seq?: number;
  readonly logId: string;
  /** 0-based position of the event in its log. */
  readonly index: number;
  readonly event: ActionEvent;
}

/** The rows for a log's events (pure). */
export function actionRows(logId: string, events: readonly ActionEvent[], from = 0): StoredActionEvent[] {
  return events.map((event, i) => ({ logId, index: from + i, event }));
}

/** A log read back from its rows: ordered by index, the chain verified; null when it does not hold. */
export function eventsFromRows(rows: readonly StoredActionEvent[]): ActionEvent[] | null {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  if (sorted.some((r, i) => r.index !== i)) return null;
  // Re-made as this realm's plain objects: IndexedDB's structured clone may hand back objects of
  // another realm's prototype, which the canonical digest (rightly) refuses as not plain data.
  const events = sorted.map((r) => JSON.parse(JSON.stringify(r.event)) as ActionEvent);
  return verifyChain(events as unknown as readonly ChainedEvent[]).intact ? events : null;
}

/** An actions file made by the CLI, as rows for the pane (pure): its shape and chain checked first. */
export function importActionsFile(logId: string, json: unknown): { ok: true; rows: StoredActionEvent[] } | { ok: false; problems: readonly string[] } {
  const read = readActionsFile(json);
  return read.ok ? { ok: true, rows: actionRows(logId, read.file.events) } : { ok: false, problems: read.problems };
}

export class ActionsRepo {
  constructor(private readonly db: LedgerDb) {}

  private get table(): Table<StoredActionEvent, number> {
    return this.db.table<StoredActionEvent, number>('actions');
  }

  /** The log's events; a log whose chain does not hold is an error (the store was altered). */
  async load(logId: string): Promise<ActionEvent[]> {
    const rows = await this.table.where('logId').equals(logId).toArray();
    const events = eventsFromRows(rows);
    if (events === null) throw new StoreError('invalid', `the account actions log '${logId}' has been altered and cannot be used`);
    return events;
  }

  /** Appends the events, refusing when the stored log has moved on from `judgedOn` (someone else acted). */
  async append(logId: string, judgedOn: readonly ActionEvent[], events: readonly ActionEvent[]): Promise<void> {
    await this.db.transaction('rw', this.table, async () => {
      const rows = await this.table.where('logId').equals(logId).toArray();
      const now = eventsFromRows(rows);
      if (now === null || now.length !== judgedOn.length || now.some((e, i) => e.hash !== judgedOn[i]?.hash)) {
        throw new StoreError('refused', 'the account actions changed while this step ran (another pane?): nothing was saved, look again');
      }
      await this.table.bulkAdd(actionRows(logId, events, judgedOn.length));
    });
  }
}
