/**
 * The re-presentation queue (version 9): the engine's rules for what is queued, what a run takes,
 * how an item stands on a processing day and what a run collected; and the store keeping it by
 * workbook across a re-open, next to every earlier table.
 */
import 'fake-indexeddb/auto';
import { databaseAt } from './old-database';
import type { IsoDate } from '../../src/engine/dates';
import { collectedByRun, queueRepresentations, queueStanding, queuedForRun } from '../../src/engine/dd/representation-queue';
import type { Collection, Representation } from '../../src/engine/jobs/dd-collect';
import type { Pence } from '../../src/engine/money';
import { LedgerDb } from '../../src/store/db';
import { dexieRepresentationQueue, memoryRepresentationQueue } from '../../src/store/representation-store';

const unpaid = (reference: string, pence: number, day: string): Representation => ({ reference, amount: pence as Pence, originalProcessingDay: day as IsoDate });
const ANN = unpaid('HL00100001', 12000, '2026-12-10');
const BOB = unpaid('HL00100002', 9500, '2026-12-31');
let n = 0;
const fresh = () => `hl-dd13-queue-${++n}-${Date.now()}`;
const clock = () => new Date('2026-12-16T09:30:00Z');

describe('the re-presentation queue rules (engine)', () => {
  it('queues each unpaid once, with who and when, and the run takes every item still queued', () => {
    const first = queueRepresentations([], [ANN, ANN], 'Alex Smith', '2026-12-16T09:30:00.000Z');
    expect(first).toEqual([{ ...ANN, queuedBy: 'Alex Smith', queuedAt: '2026-12-16T09:30:00.000Z', status: 'queued', closedBy: null, closedAt: null, collectedIn: null }]);
    // The same report offered again adds nothing; another unpaid is added.
    const more = queueRepresentations(first, [ANN, BOB], 'Sam Jones', 'later');
    expect(more.map((q) => q.reference)).toEqual(['HL00100002']);
    expect(queuedForRun([...more, ...first])).toEqual([ANN, BOB]);
    // A collected one is never queued again, nor taken by a run.
    const collected = first.map((q) => ({ ...q, status: 'collected' as const }));
    expect(queueRepresentations(collected, [ANN], 'x', 'y')).toEqual([]);
    expect(queuedForRun(collected)).toEqual([]);
  });

  it.each([
    ['2027-01-08', null],
    ['2027-01-10', null],
    ['2027-01-11', 're-presentation too late: the unpaid collection of 10/12/2026 may be re-presented until 10/01/2027'],
    ['', null],
  ])('on processing day %p the unpaid of 10/12/2026 stands expired: %p', (day, expired) => {
    const [standing] = queueStanding(queueRepresentations([], [ANN], 'Alex', 'now'), day);
    expect(standing?.until).toBe('2027-01-10');
    expect(standing?.expired).toBe(expired);
  });

  it('a run collected the queued items its file re-presents (18, same reference and original day), none when it made no file', () => {
    const queue = queueRepresentations([], [ANN, BOB], 'Alex', 'now');
    const c = (reference: string, code: Collection['code'], represents?: string): Collection => ({ account: 'x', reference, code, amount: 1 as Pence, payerName: 'P', ...(represents ? { represents: represents as IsoDate } : {}) });
    const run = { bacsText: 'VOL1…', collections: [c('HL00100001', '17'), c('HL00100001', '18', '2026-12-10'), c('HL00100002', '18', '2026-11-30')] };
    expect(collectedByRun(queue, run)).toEqual(['HL00100001|2026-12-10']);
    expect(collectedByRun(queue, { ...run, bacsText: null })).toEqual([]);
  });
});

describe('the re-presentation queue in IndexedDB (version 9)', () => {
  it('upgrading a version 8 database keeps what it held and adds an empty queue', async () => {
    const name = fresh();
    const old = databaseAt(name, 8);
    await old.open();
    await old.table('mandates').add({ reference: 'HL00100001', account: '00100001', row: {}, updatedAt: 'x' });
    old.close();
    const db = new LedgerDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9); // later versions add tables of their own
    expect(await db.mandates.count()).toBe(1);
    expect(await dexieRepresentationQueue(db, 'wb').list()).toEqual([]);
    db.close();
  });

  it('keeps each workbook’s queue across a re-open; collected and withdrawn items stay as closed rows with who and when', async () => {
    const name = fresh();
    let db = new LedgerDb(name);
    await db.open();
    expect(await dexieRepresentationQueue(db, 'wb-1', clock).add([ANN, BOB], 'Alex Smith')).toBe(2);
    expect(await dexieRepresentationQueue(db, 'wb-1', clock).add([ANN], 'Alex Smith')).toBe(0);
    await dexieRepresentationQueue(db, 'wb-2', clock).add([ANN], 'Pat Lee');
    db.close();

    db = new LedgerDb(name);
    await db.open();
    const later = () => new Date('2026-12-17T08:00:00Z');
    const wb1 = dexieRepresentationQueue(db, 'wb-1', later);
    expect((await wb1.list()).map((q) => [q.reference, q.queuedBy, q.queuedAt, q.status])).toEqual([
      ['HL00100001', 'Alex Smith', '2026-12-16T09:30:00.000Z', 'queued'],
      ['HL00100002', 'Alex Smith', '2026-12-16T09:30:00.000Z', 'queued'],
    ]);
    await wb1.markCollected(['HL00100001|2026-12-10'], '2026-12-17' as IsoDate, 'Sam Jones');
    await wb1.withdrawAll('Sam Jones');
    expect((await wb1.list()).map((q) => [q.reference, q.status, q.closedBy, q.closedAt, q.collectedIn])).toEqual([
      ['HL00100001', 'collected', 'Sam Jones', '2026-12-17T08:00:00.000Z', '2026-12-17'],
      ['HL00100002', 'withdrawn', 'Sam Jones', '2026-12-17T08:00:00.000Z', null],
    ]);
    // The other workbook's queue is its own.
    expect((await dexieRepresentationQueue(db, 'wb-2').list()).map((q) => [q.queuedBy, q.status])).toEqual([['Pat Lee', 'queued']]);
    db.close();
  });

  it('the memory queue (no store) follows the same rules', async () => {
    const q = memoryRepresentationQueue(clock);
    expect(await q.add([ANN, ANN, BOB], 'Alex')).toBe(2);
    await q.markCollected(['HL00100002|2026-12-31'], '2027-01-05' as IsoDate, 'Alex');
    expect(queuedForRun(await q.list())).toEqual([ANN]);
  });
});
