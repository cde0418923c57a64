/**
 * The IndexedDB database (Dexie). The schema changes only by appending a version; each upgrade is
 * a pure function in upgrades.ts. In Excel on the web, storage is partitioned per top-level site:
 * the database name carries Office.context.partitionKey where there is one.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ImportLedgerEntry } from '../engine/payments/import-ledger';
import type { SavedSettings, Session, StoredImportProfile, TrailEvent } from './schema';
import { upgradeSessionV1toV2, type SessionV1 } from './upgrades';
import { SCHEMA_V6, type StoredActionEvent } from './actions-store';

export const DB_BASE_NAME = 'housing-ledger';

export function databaseName(partitionKey?: string | null): string {
  return partitionKey ? `${partitionKey}:${DB_BASE_NAME}` : DB_BASE_NAME;
}

/** Version 1's tables, kept so the upgrade path can be tested and replayed. */
export const SCHEMA_V1 = { sessions: 'id, workbookId, period', profiles: 'name' } as const;
export const SCHEMA_V2 = { trail: '++seq, sessionId' } as const;
/** Version 3: the payment-file import ledger (file hash, and every payment's key, indexed) and import profiles. */
export const SCHEMA_V3 = { imports: '&fileHash, importedAt, *paymentKeys', importProfiles: 'name' } as const;

export class LedgerDb extends Dexie {
  sessions!: EntityTable<Session, 'id'>;
  trail!: EntityTable<TrailEvent, 'seq'>;
  /** The saved settings (named `profiles` since version 1; see schema.ts on the two meanings). */
  profiles!: EntityTable<SavedSettings, 'name'>;
  imports!: EntityTable<ImportLedgerEntry, 'fileHash'>;
  importProfiles!: EntityTable<StoredImportProfile, 'name'>;
  actions!: EntityTable<StoredActionEvent, 'seq'>;

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
    // Version 6 (issue 14; 4, 5 and 7 belong to other work): the account actions log, a new table only.
    this.version(6).stores(SCHEMA_V6);
  }
}
