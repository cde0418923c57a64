/**
 * Suspense decisions in the store (version 8): a row per decided item, so a decision writes what it
 * touched and never the queue; the upgrade from version 7 (the queue inside the session record) and
 * the session file keep every decision.
 */
import 'fake-indexeddb/auto';
import { databaseAt } from './old-database';
import type { IsoDate } from '../../src/engine/dates';
import type { Pence } from '../../src/engine/money';
import { applyChanges, reviewChanges, type ReviewAction, type ReviewChanges, type ReviewState } from '../../src/engine/suspense/review-queue';
import { LedgerDb } from '../../src/store/db';
import { LedgerStore } from '../../src/store/ledger-store';
import type { Session, Settings } from '../../src/store/schema';
import { upgradeReviewToRows } from '../../src/store/upgrades';

const SETTINGS: Settings = { config: {}, sheets: {}, columns: {} };
let n = 0;
const fresh = () => `hl-review-${++n}-${Date.now()}`;
const clock = () => new Date(Date.UTC(2027, 0, 5, 9, 0, 0));

/** A queue of `size` items, every third proposed automatically to account A<i>. */
function queue(size: number): ReviewState {
  const entries = Array.from({ length: size }, (_, i) => ({
    item: `SUS${String(i).padStart(5, '0')}`,
    date: '2026-12-01' as IsoDate,
    amount: (1000 + i) as Pence,
    reference: '',
    payer: '',
    proposed: i % 3 === 0 ? ('auto' as const) : ('review' as const),
    candidates: [{ account: `A${i}`, score: 0.9, reasons: ['reference matches'] }],
  }));
  return { version: 1, entries, resolutions: {}, undo: [] };
}

function act(state: ReviewState, action: ReviewAction): { state: ReviewState; changes: ReviewChanges } {
  const decided = reviewChanges(state, action);
  if (!decided.changes) throw new Error(decided.refused);
  return { state: applyChanges(state, decided.changes), changes: decided.changes };
}

async function storeWith(name = fresh()): Promise<LedgerStore> {
  const db = new LedgerDb(name);
  await db.open();
  return new LedgerStore(db, clock);
}

describe('suspense decisions kept a row each', () => {
  it('writes the one item a decision touched, all that accept-all touched, and takes them back on undo', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('book-1', '2026-12', SETTINGS, 'Alex');
    // 300 automatic: more than one block of rows.
    let state = queue(900);
    const one = act(state, { type: 'reject', item: 'SUS00001', by: 'Alex', at: 't1' });
    state = one.state;
    expect(one.changes.changed).toHaveLength(1);
    await store.saveReviewChanges(session.id, 'Alex', one.changes, 'suspense.reject', { item: 'SUS00001' });
    expect(await store.reviewResolutions(session.id)).toEqual({ SUS00001: expect.objectContaining({ kind: 'rejected', decidedBy: 'Alex' }) });

    const all = act(state, { type: 'accept-all-automatic', by: 'Alex', at: 't2' });
    state = all.state;
    expect(all.changes.changed).toHaveLength(300);
    await store.saveReviewChanges(session.id, 'Alex', all.changes, 'suspense.accept-all-automatic', {});
    expect(Object.keys(await store.reviewResolutions(session.id))).toHaveLength(301);

    const undo = act(state, { type: 'undo' });
    await store.saveReviewChanges(session.id, 'Alex', undo.changes, 'suspense.undo', {});
    expect(Object.keys(await store.reviewResolutions(session.id))).toEqual(['SUS00001']);
    // The trail has each step; the session record itself was not rewritten by any of them.
    expect((await store.trail(session.id)).map((e) => e.event)).toEqual(['session.started', 'suspense.reject', 'suspense.accept-all-automatic', 'suspense.undo']);
    expect((await store.getSession(session.id)).updatedAt).toBe(session.updatedAt);
  });

  it('keeps each session\'s decisions apart', async () => {
    const store = await storeWith();
    const a = (await store.openSession('book-1', '2026-12', SETTINGS, 'Alex')).session;
    const b = (await store.openSession('book-2', '2026-12', SETTINGS, 'Alex')).session;
    const { changes } = act(queue(3), { type: 'pick-candidate', item: 'SUS00002', candidate: 0, by: 'Alex', at: 't' });
    await store.saveReviewChanges(a.id, 'Alex', changes, 'suspense.pick-candidate', {});
    expect(Object.keys(await store.reviewResolutions(a.id))).toEqual(['SUS00002']);
    expect(await store.reviewResolutions(b.id)).toEqual({});
  });

  it('carries the decisions in the session file, and an imported file\'s decisions become rows', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('book-1', '2026-12', SETTINGS, 'Alex');
    const { changes } = act(queue(6), { type: 'accept-all-automatic', by: 'Alex', at: 't' });
    await store.saveReviewChanges(session.id, 'Alex', changes, 'suspense.accept-all-automatic', {});
    const text = await store.exportSession(session.id);
    expect(Object.keys((JSON.parse(text) as { session: Session }).session.suspenseReview?.resolutions ?? {})).toEqual(['SUS00000', 'SUS00003']);

    const other = await storeWith();
    const imported = await other.importSession(text, 'Sam');
    expect(imported.suspenseReview).toBeUndefined();
    expect(Object.keys(await other.reviewResolutions(imported.id))).toEqual(['SUS00000', 'SUS00003']);
  });

  it('moves a version 7 session\'s queue into rows when the database is upgraded, losing no decision', async () => {
    const name = fresh();
    const old = databaseAt(name, 7);
    await old.open();
    const decided = act(queue(9), { type: 'accept-all-automatic', by: 'Alex', at: 't' }).state;
    const session: Session = { id: 'book-1|2026-12', workbookId: 'book-1', period: '2026-12', createdAt: 't', updatedAt: 't', fingerprints: {}, settings: SETTINGS, reconcilingItems: [], signOffs: [], suspenseReview: decided };
    await old.table('sessions').put(session);
    old.close();

    const store = await storeWith(name);
    expect(store.db.verno).toBeGreaterThanOrEqual(8);
    expect((await store.getSession(session.id)).suspenseReview).toBeUndefined();
    expect(await store.reviewResolutions(session.id)).toEqual(decided.resolutions);
  });

  it('upgradeReviewToRows: a row per resolution, the session without its queue', () => {
    const decided = act(queue(4), { type: 'reject', item: 'SUS00003', by: 'Alex', at: 't' }).state;
    const session: Session = { id: 's', workbookId: 'b', period: '2026-12', createdAt: 't', updatedAt: 't', fingerprints: {}, settings: SETTINGS, reconcilingItems: [], signOffs: [], suspenseReview: decided };
    const { session: after, decisions } = upgradeReviewToRows(session);
    expect(after).not.toHaveProperty('suspenseReview');
    expect(decisions).toEqual([{ sessionId: 's', item: 'SUS00003', resolution: decided.resolutions.SUS00003 }]);
  });

  it('a session taken from the workbook replaces this browser\'s decisions with its own, a row each', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('book-9', '2026-12', SETTINGS, 'Alex');
    const local = act(queue(6), { type: 'reject', item: 'SUS00002', by: 'Alex', at: 't1' });
    await store.saveReviewChanges(session.id, 'Alex', local.changes, 'suspense.reject', { item: 'SUS00002' });
    const fromBook = act(queue(6), { type: 'accept-all-automatic', by: 'Kim', at: 't2' }).state.resolutions;
    const adopted = await store.adoptWorkbookSession(
      'book-9',
      { period: '2026-12', config: {}, items: [], resolutions: fromBook, fingerprints: {}, signOffs: [], trail: [] },
      { id: 'wb-1', savedAt: '2027-01-05T08:00:00.000Z', state: 'x' },
      'Kim',
      SETTINGS,
    );
    const rows = await store.reviewResolutions(adopted.id);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(fromBook).sort());
    expect(rows['SUS00002']).toBeUndefined();
    // An undo after resuming is a row with no decision, which a reload respects.
    const undo = { action: 'undo' as const, changed: [{ item: 'SUS00000', resolution: null }] };
    await store.saveReviewChanges(adopted.id, 'Kim', undo, 'suspense.undo', {});
    expect((await store.reviewResolutions(adopted.id))['SUS00000']).toBeUndefined();
  });
});
