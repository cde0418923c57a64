import 'fake-indexeddb/auto';
import { databaseAt } from './old-database';
import { LedgerDb } from '../../src/store/db';
import { dexieFactoringRuns } from '../../src/store/factoring-runs';

let n = 0;
const fresh = () => `hl-factoring-${++n}-${Date.now()}`;
const sample = { runDigest: 'd1', drawn: ['2026-Q4/O1/P1'], marks: [{ billNo: '2026-Q4/O1/P1', result: 'right' as const, checker: 'Iain', note: '', at: 't' }], signedOffBy: 'Iain', signedOffAt: 't' };

describe('the factoring runs kept in IndexedDB (version 7)', () => {
  it('keeps a quarter\'s sample and approval log for the workbook across a reopen, apart from other workbooks', async () => {
    const name = fresh();
    const db = new LedgerDb(name);
    await db.open();
    await dexieFactoringRuns(db, 'book-1', () => new Date(Date.UTC(2027, 0, 5))).save({ quarter: '2026-Q4', digest: 'd1', preparedBy: 'Fiona', sample, actions: [] });
    db.close();
    const again = new LedgerDb(name);
    await again.open();
    expect(await dexieFactoringRuns(again, 'book-1').load('2026-Q4')).toMatchObject({ digest: 'd1', preparedBy: 'Fiona', sample, savedAt: '2027-01-05T00:00:00.000Z' });
    expect(await dexieFactoringRuns(again, 'book-2').load('2026-Q4')).toBeNull();
    again.close();
  });

  it('opens a version 3 database and keeps its records', async () => {
    const name = fresh();
    const old = databaseAt(name, 3);
    await old.open();
    await old.table('importProfiles').put({ name: 'bank', profile: {} });
    old.close();
    const db = new LedgerDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.importProfiles.get('bank')).toEqual({ name: 'bank', profile: {} });
    expect(await db.factoringRuns.count()).toBe(0);
    db.close();
  });
});
