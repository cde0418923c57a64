/**
 * The IndexedDB database (Dexie). The schema changes only by appending a version; each upgrade is
 * a pure function in upgrades.ts. In Excel on the web, storage is partitioned per top-level site:
 * the database name carries Office.context.partitionKey where there is one.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ImportLedgerEntry } from '../engine/payments/import-ledger';
import type { SavedSettings, Session, StoredImportProfile, StoredReviewDecision, TrailEvent } from './schema';
import type { StoredFactoringRun } from './factoring-runs';
import type { MandateEvent, StoredMandate } from './mandate-schema';
import { upgradeReviewToRows, upgradeSessionV1toV2, type SessionV1 } from './upgrades';
import { SCHEMA_V6, type StoredActionEvent } from './actions-store';
import { SCHEMA_V9, type StoredRepresentation } from './representation-store';

export const DB_BASE_NAME = 'housing-ledger';

export function databaseName(partitionKey?: string | null): string {
  return partitionKey ? `${partitionKey}:${DB_BASE_NAME}` : DB_BASE_NAME;
}

/** Version 1's tables, kept so the upgrade path can be tested and replayed. */
export const SCHEMA_V1 = { sessions: 'id, workbookId, period', profiles: 'name' } as const;
export const SCHEMA_V2 = { trail: '++seq, sessionId' } as const;
/** Version 3: the payment-file import ledger (file hash, and every payment's key, indexed) and import profiles. */
export const SCHEMA_V3 = { imports: '&fileHash, importedAt, *paymentKeys', importProfiles: 'name' } as const;
/** Version 7 (issue 15): each workbook's factoring runs (sample marks, the approval log), by workbook and quarter. */
export const SCHEMA_V7 = { factoringRuns: '&key, workbookId' } as const;
/** Version 8 (issue 12): each suspense decision in its own row, by session and item. */
export const SCHEMA_V8 = { reviewDecisions: '[sessionId+item], sessionId' } as const;

/**
 * Version 5: the Direct Debit mandate register (one row per mandate, in register order) and its
 * append-only trail of status changes. New tables only: every record of earlier versions is kept.
 */
export const SCHEMA_V5 = { mandates: '++id, reference, account', mandateTrail: '++seq, reference' } as const;

export class LedgerDb extends Dexie {
  sessions!: EntityTable<Session, 'id'>;
  trail!: EntityTable<TrailEvent, 'seq'>;
  /** The saved settings (named `profiles` since version 1; see schema.ts on the two meanings). */
  profiles!: EntityTable<SavedSettings, 'name'>;
  imports!: EntityTable<ImportLedgerEntry, 'fileHash'>;
  importProfiles!: EntityTable<StoredImportProfile, 'name'>;
  actions!: EntityTable<StoredActionEvent, 'seq'>;
  factoringRuns!: EntityTable<StoredFactoringRun, 'key'>;
  mandates!: EntityTable<StoredMandate, 'id'>;
  mandateTrail!: EntityTable<MandateEvent, 'seq'>;
  reviewDecisions!: Table<StoredReviewDecision, [string, string]>;
  /** Version 9 (issue 13): each workbook's unpaids queued for re-presentation (18). */
  representations!: EntityTable<StoredRepresentation, 'key'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const sessions = tx.table<SessionV1, string>('sessions');
        const trail = tx.table<TrailEvent, number>('trail');
        const old = await sessions.toArray();
        for (const s of old) {
          const { session, trail: events } = upgradeSessionV1toV2(s);
          await sessions.put(session);
          if (events.length) await trail.bulkAdd(events);
        }
      });
    // New tables only: every record of version 2 is kept as it is.
    this.version(3).stores(SCHEMA_V3);
    this.version(5).stores(SCHEMA_V5);
    // Version 6 (issue 14; 4, 5 and 7 belong to other work): the account actions log, a new table only.
    this.version(6).stores(SCHEMA_V6);
    // A new table only (versions 4-6 are other issues'): nothing earlier is changed, so no upgrader.
    this.version(7).stores(SCHEMA_V7);
    // The decisions a session kept inside its record move to a row each (upgrades.ts).
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => {
        const sessions = tx.table<Session, string>('sessions');
        const decisions = tx.table<StoredReviewDecision, [string, string]>('reviewDecisions');
        for (const s of await sessions.toArray()) {
          if (!s.suspenseReview) continue;
          const { session, decisions: rows } = upgradeReviewToRows(s);
          await sessions.put(session);
          if (rows.length) await decisions.bulkPut(rows);
        }
      });
    // Version 9 (issue 13): the re-presentation queue, a new table only: nothing earlier changes, so no upgrader.
    this.version(9).stores(SCHEMA_V9);
  }
}
