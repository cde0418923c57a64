import 'fake-indexeddb/auto';
import { databaseAt } from './old-database';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDayFirst, type IsoDate } from '../../src/engine/dates';
import { changeMandateStatus, readRegisterRows } from '../../src/engine/jobs/dd-register';
import { LedgerDb } from '../../src/store/db';
import { storedMandate } from '../../src/store/mandate-schema';
import { MandateStore } from '../../src/store/mandate-store';

const { rows } = readRegisterRows({ kind: 'csv', text: readFileSync(join(__dirname, '..', '..', 'assets', 'dd', 'sample-mandates.csv'), 'utf8') });
let n = 0;
const fresh = () => `hl-dd-${++n}-${Date.now()}`;
const clock = () => new Date('2026-12-10T09:00:00Z');

describe('the mandate register in IndexedDB (version 5)', () => {
  it('upgrading a version 3 database keeps every session, trail event and import, and adds an empty register', async () => {
    const name = fresh();
    const old = databaseAt(name, 3);
    await old.open();
    await old.table('sessions').add({ id: 'b|2026-11', workbookId: 'b', period: '2026-11', reconcilingItems: [{ ref: 'U1', amount: -100 }] });
    await old.table('trail').add({ sessionId: 'b|2026-11', at: 'x', actor: 'Alex', event: 'session.started', detail: {} });
    await old.table('imports').add({ fileHash: 'h1', fileName: 'a.csv', importedAt: '2026-12-01T00:00:00Z', paymentKeys: ['k1'], batches: [] });
    await old.table('profiles').add({ name: 'mine', updatedAt: 'x', settings: {} });
    old.close();

    const db = new LedgerDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5); // 6 and 7 add tables of their own
    expect(await db.sessions.toArray()).toEqual([expect.objectContaining({ id: 'b|2026-11', reconcilingItems: [{ ref: 'U1', amount: -100 }] })]);
    expect(await db.trail.count()).toBe(1);
    expect((await db.imports.toArray()).map((e) => e.paymentKeys)).toEqual([['k1']]);
    expect(await db.profiles.count()).toBe(1);
    expect(await db.mandates.count()).toBe(0);
    db.close();
  });

  it('storedMandate keys the row by its reference upper-cased and its account', () => {
    const r = storedMandate({ ...rows[0]!, 'DDI Reference': ' hl00100012 ' }, '2026-12-10T09:00:00.000Z');
    expect(r).toEqual({ reference: 'HL00100012', account: '00100012', row: expect.objectContaining({ 'Payer Name': 'Aisha Thomas' }), updatedAt: '2026-12-10T09:00:00.000Z' });
  });

  it('keeps an imported register in order, and each status change on the trail with who and why', async () => {
    const db = new LedgerDb(fresh());
    await db.open();
    const store = new MandateStore(db, clock);
    const saved = await store.importRegister(rows, 'Alex', 'sample-mandates.csv');
    expect(saved.map((m) => m.reference)).toEqual(rows.map((r) => r['DDI Reference']));
    const first = saved[0]!;
    const done = changeMandateStatus(first.row, 'cancelled', { by: 'Alex', why: 'tenant asked by phone', on: parseDayFirst('2026-12-10') as IsoDate });
    if (!done.ok) throw new Error(done.refused);
    await store.saveMandate(first.id, done.row, 'Alex', done.change);
    const reopened = new MandateStore(db, clock);
    expect((await reopened.mandates())[0]?.row.Status).toBe('cancelled');
    expect(await reopened.trail(first.reference)).toEqual([expect.objectContaining({ event: 'status', from: 'live', to: 'cancelled', actor: 'Alex', why: 'tenant asked by phone' })]);
    expect((await reopened.trail())[0]).toEqual(expect.objectContaining({ event: 'imported', why: `${rows.length} mandate(s) from sample-mandates.csv` }));
  });
});
