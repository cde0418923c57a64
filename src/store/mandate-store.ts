/**
 * The mandate register in IndexedDB: replaced whole by an import, added to and edited row by row,
 * every change on the mandate trail (who, when, why; a status change with its from and to). The
 * rules (what a row must hold, which change is allowed) are the engine's dd-register job's; this
 * only keeps what the pane decided.
 */
import { formatUkDate } from '../engine/dates';
import type { MandateChange } from '../engine/dd/mandates';
import type { RegisterRow } from '../engine/jobs/dd-register';
import type { LedgerDb } from './db';
import { explainStorageError, StoreError } from './errors';
import { storedMandate, type MandateEvent, type StoredMandate } from './mandate-schema';

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw explainStorageError(e);
  }
}

export class MandateStore {
  constructor(
    readonly db: LedgerDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** The register in its order. */
  mandates(): Promise<StoredMandate[]> {
    return guarded(() => this.db.mandates.orderBy('id').toArray());
  }

  /** Replaces the register with an imported one; the trail keeps every earlier event and records the import. */
  importRegister(rows: readonly RegisterRow[], actor: string, source: string): Promise<StoredMandate[]> {
    const at = this.now();
    return guarded(() =>
      this.db.transaction('rw', this.db.mandates, this.db.mandateTrail, async () => {
        await this.db.mandates.clear();
        await this.db.mandates.bulkAdd(rows.map((r) => storedMandate(r, at)));
        await this.db.mandateTrail.add({ reference: '', account: '', at, actor, event: 'imported', from: null, to: null, why: `${rows.length} mandate(s) from ${source}` });
        return this.db.mandates.orderBy('id').toArray();
      }),
    );
  }

  /** Saves a row (new when id is undefined); a status change goes on the trail with its who and why. */
  saveMandate(id: number | undefined, row: RegisterRow, actor: string, change: MandateChange | null, why = ''): Promise<StoredMandate> {
    const at = this.now();
    return guarded(() =>
      this.db.transaction('rw', this.db.mandates, this.db.mandateTrail, async () => {
        if (id !== undefined && (await this.db.mandates.get(id)) === undefined) throw new StoreError('not-found', 'That mandate is no longer in the register (another window replaced it); nothing was changed.');
        const record = storedMandate(row, at, id);
        const key = (await this.db.mandates.put(record)) as number;
        const base = { reference: record.reference, account: record.account, at, actor };
        if (change) await this.db.mandateTrail.add({ ...base, event: 'status', from: change.from, to: change.to, why: change.why });
        else await this.db.mandateTrail.add({ ...base, event: id === undefined ? 'added' : 'edited', from: null, to: null, why });
        return { ...record, id: key };
      }),
    );
  }

  /** Saves the register a run or a report left (dd collect's lodgements, dd report's cancellations), each change on the trail. */
  applyChanges(changes: readonly MandateChange[], actor: string): Promise<StoredMandate[]> {
    const at = this.now();
    return guarded(() =>
      this.db.transaction('rw', this.db.mandates, this.db.mandateTrail, async () => {
        for (const c of changes) {
          const found = await this.db.mandates.where('reference').equals(c.reference).first();
          if (!found) continue;
          const lodged = c.to === 'lodged' && found.row['Lodged On'] === '' ? { 'Lodged On': formatUkDate(c.on) } : {};
          await this.db.mandates.put(storedMandate({ ...found.row, Status: c.to, ...lodged }, at, found.id));
          await this.db.mandateTrail.add({ reference: c.reference, account: c.account, at, actor: c.by || actor, event: 'status', from: c.from, to: c.to, why: c.why });
        }
        return this.db.mandates.orderBy('id').toArray();
      }),
    );
  }

  /** The trail, oldest first; one mandate's when a reference is given. */
  trail(reference?: string): Promise<MandateEvent[]> {
    return guarded(() => (reference === undefined ? this.db.mandateTrail.orderBy('seq').toArray() : this.db.mandateTrail.where('reference').equals(reference.toUpperCase()).sortBy('seq')));
  }
}
