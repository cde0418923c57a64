/** Opens the pane's store over IndexedDB: what a composition root passes to the pane through its host. */
import { databaseName, LedgerDb } from './db';
import { LedgerStore } from './ledger-store';

/** Rejects where the browser allows no storage (private windows, blocked site data). */
export async function openLedgerStore(partitionKey: string | null): Promise<LedgerStore> {
  const db = new LedgerDb(databaseName(partitionKey));
  await db.open();
  return new LedgerStore(db);
}
