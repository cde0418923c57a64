import 'fake-indexeddb/auto';
import { databaseAt } from './old-database';
import { databaseName, LedgerDb } from '../../src/store/db';
import type { ImportLedgerEntry } from '../../src/engine/payments/import-ledger';
import type { Pence } from '../../src/engine/money';
import { explainStorageError, StoreError } from '../../src/store/errors';
import { LedgerStore, sessionId } from '../../src/store/ledger-store';
import type { Settings } from '../../src/store/schema';
import { upgradeSessionV1toV2 } from '../../src/store/upgrades';

const SETTINGS: Settings = { config: { glControlAccount: '1100', rentFreeWeeks: ['2026-12-21'] }, sheets: { gl: 'GL' }, columns: {} };
const BOUND = { digest: 'd1', status: 'BALANCED' as const };
let n = 0;
const fresh = () => `hl-test-${++n}-${Date.now()}`;
let tick = 0;
const clock = () => new Date(Date.UTC(2027, 0, 5, 9, 0, tick++));

async function storeWith(name = fresh()): Promise<LedgerStore> {
  const db = new LedgerDb(name);
  await db.open();
  return new LedgerStore(db, clock);
}

describe('the session store', () => {
  it('starts a session, and reopening the pane resumes it with everything saved', async () => {
    const name = fresh();
    const store = await storeWith(name);
    const { session, resumed } = await store.openSession('book-1', '2026-12', SETTINGS, 'Alex');
    expect(resumed).toBe(false);
    await store.saveReconcilingItems(session.id, 'Alex', [{ ref: 'U1', type: 'timing', amount: -22306, explanation: 'cash batch of 31/12 in January GL', owner: 'Alex', date: '2026-12-31' }]);
    store.db.close();

    const again = await storeWith(name);
    const reopened = await again.openSession('book-1', '2026-12', SETTINGS, 'Alex');
    expect(reopened.resumed).toBe(true);
    expect(reopened.session.reconcilingItems).toEqual([expect.objectContaining({ ref: 'U1', amount: -22306 })]);
    expect((await again.trail(session.id)).map((e) => e.event)).toEqual(['session.started', 'reconciling-items.saved', 'session.resumed']);
  });

  it('says which source sheets changed since the last run', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('b', '2026-12', SETTINGS, 'A');
    expect(await store.fingerprintChanges(session.id, { GL: 'aa' })).toEqual([]); // never run: nothing to compare
    await store.recordRun(session.id, 'A', { GL: 'aa', 'Rent Roll': 'bb' }, { difference: '0.00' });
    expect(await store.fingerprintChanges(session.id, { GL: 'aa', 'Rent Roll': 'bb' })).toEqual([]);
    expect(await store.fingerprintChanges(session.id, { GL: 'zz', 'Rent Roll': 'bb' })).toEqual([{ sheet: 'GL', was: 'aa', now: 'zz' }]);
  });

  it('refuses a reviewer who is the preparer, and a review before preparation', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('b', '2026-12', SETTINGS, 'Alex');
    await expect(store.signOff(session.id, 'reviewer', 'Sam', BOUND)).rejects.toMatchObject({ kind: 'refused' });
    await store.signOff(session.id, 'preparer', 'Alex Smith', BOUND);
    await expect(store.signOff(session.id, 'reviewer', ' alex  SMITH. ', BOUND)).rejects.toThrow(/different person from the preparer \(Alex Smith\)/);
    const done = await store.signOff(session.id, 'reviewer', 'Sam Patel', BOUND);
    expect(done.signOffs.map((s) => [s.role, s.name, s.digest])).toEqual([['preparer', 'Alex Smith', 'd1'], ['reviewer', 'Sam Patel', 'd1']]);
    expect((await store.trail(session.id)).map((e) => e.event)).toEqual(['session.started', 'signed-off.preparer', 'signed-off.reviewer']);
  });

  it('asks a reason to sign NOT BALANCED, and voids both signatures when the content changes, naming the change', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('b', '2026-12', SETTINGS, 'Alex');
    const notBalanced = { digest: 'd1', status: 'NOT BALANCED' as const };
    await expect(store.signOff(session.id, 'preparer', 'Alex', notBalanced)).rejects.toThrow(/write the reason/);
    await store.signOff(session.id, 'preparer', 'Alex', { ...notBalanced, reason: 'GL journal to follow' });
    await store.signOff(session.id, 'reviewer', 'Sam', { ...notBalanced, reason: 'agreed' });
    expect(await store.voidSignOffs(session.id, 'Alex', 'd1', 'nothing')).toBeNull(); // same content: both stand
    const voided = await store.voidSignOffs(session.id, 'Alex', 'd2', 'item U1 removed, £445.97');
    expect(voided?.signOffs.map((s) => s.voided?.by)).toEqual(['item U1 removed, £445.97', 'item U1 removed, £445.97']);
    expect((await store.trail(session.id)).at(-1)?.detail['message']).toBe('Signatures void (preparer Alex, reviewer Sam): changed after signing: item U1 removed, £445.97');
  });

  it('refuses a reconciling item without an explanation or in fractions of a penny, and keeps what was saved', async () => {
    const store = await storeWith();
    const { session } = await store.openSession('b', '2026-12', SETTINGS, 'A');
    await store.saveReconcilingItems(session.id, 'A', [{ ref: 'U1', type: 'other', amount: 100, explanation: 'ok', owner: '', date: null }]);
    await expect(store.saveReconcilingItems(session.id, 'A', [{ ref: 'U2', type: 'other', amount: 1.5, explanation: 'x', owner: '', date: null }])).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.saveReconcilingItems(session.id, 'A', [{ ref: 'U2', type: 'other', amount: 1, explanation: ' ', owner: '', date: null }])).rejects.toThrow(/needs an explanation/);
    expect((await store.getSession(session.id)).reconcilingItems.map((i) => i.ref)).toEqual(['U1']);
  });

  it('exports a session to a file and imports it elsewhere with its whole trail', async () => {
    const a = await storeWith();
    const { session } = await a.openSession('b', '2026-12', SETTINGS, 'Alex');
    await a.signOff(session.id, 'preparer', 'Alex', BOUND);
    const file = await a.exportSession(session.id);
    const b = await storeWith();
    const imported = await b.importSession(file, 'Sam');
    expect(imported).toEqual(await a.getSession(session.id));
    expect((await b.trail(session.id)).map((e) => e.event)).toEqual(['session.started', 'signed-off.preparer', 'session.imported']);
    await expect(b.importSession(file, 'Sam')).rejects.toMatchObject({ kind: 'refused' });
    await expect(b.importSession('{"nope":1}', 'Sam')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('an import that fails half-way writes nothing (one transaction)', async () => {
    const a = await storeWith();
    const { session } = await a.openSession('b', '2026-12', SETTINGS, 'Alex');
    const file = await a.exportSession(session.id);
    const b = await storeWith();
    // the browser runs out of room after the session is written, while the trail is added
    (b.db.trail as unknown as { bulkAdd: () => Promise<never> }).bulkAdd = () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    await expect(b.importSession(file, 'Sam')).rejects.toMatchObject({ kind: 'quota' });
    expect(await b.db.sessions.count()).toBe(0);
    expect(await b.db.trail.count()).toBe(0);
  });

  it('keeps settings saved under a name', async () => {
    const store = await storeWith();
    await store.saveSettingsAs('Oak Tree HA', SETTINGS);
    await store.saveSettingsAs('Elm Homes', { ...SETTINGS, sheets: {} });
    expect((await store.savedSettings()).map((p) => p.name)).toEqual(['Elm Homes', 'Oak Tree HA']);
  });

  it('names the database after the Office partition when there is one', () => {
    expect(databaseName('abc')).toBe('abc:housing-ledger');
    expect(databaseName(undefined)).toBe('housing-ledger');
  });
});

describe('schema upgrades', () => {
  it('version 1 -> 2 moves each trail into its own table, losing nothing (pure)', () => {
    const v1 = { id: 'b|2026-12', workbookId: 'b', period: '2026-12', createdAt: 't0', updatedAt: 't1', fingerprints: {}, settings: SETTINGS, reconcilingItems: [], signOffs: [], trail: [{ at: 't0', actor: 'A', event: 'session.started', detail: {} }] };
    const { session, trail } = upgradeSessionV1toV2(v1);
    expect(session).not.toHaveProperty('trail');
    expect(trail).toEqual([{ at: 't0', actor: 'A', event: 'session.started', detail: {}, sessionId: 'b|2026-12' }]);
  });

  it('opening a version 1 database upgrades it and keeps every record', async () => {
    const name = fresh();
    const old = databaseAt(name, 1);
    await old.open();
    await old.table('sessions').bulkAdd([
      { id: sessionId('b', '2026-11'), workbookId: 'b', period: '2026-11', createdAt: 't', updatedAt: 't', fingerprints: { GL: 'x' }, settings: SETTINGS, reconcilingItems: [{ ref: 'U1', type: 'other', amount: 5, explanation: 'e', owner: '', date: null }], signOffs: [], trail: [{ at: 't1', actor: 'A', event: 'session.started', detail: {} }, { at: 't2', actor: 'A', event: 'signed-off.preparer', detail: { name: 'A' } }] },
      { id: sessionId('b', '2026-12'), workbookId: 'b', period: '2026-12', createdAt: 't', updatedAt: 't', fingerprints: {}, settings: SETTINGS, reconcilingItems: [], signOffs: [] },
    ]);
    await old.table('profiles').add({ name: 'Oak', updatedAt: 't', settings: SETTINGS });
    old.close();

    const store = await storeWith(name);
    expect(store.db.verno).toBeGreaterThanOrEqual(3); // later versions (5: mandates) add tables only
    const sessions = await store.db.sessions.toArray();
    expect(sessions.map((s) => s.id)).toEqual(['b|2026-11', 'b|2026-12']);
    expect(sessions[0]).toMatchObject({ fingerprints: { GL: 'x' }, reconcilingItems: [{ ref: 'U1', amount: 5 }] });
    expect(sessions.every((s) => !('trail' in s))).toBe(true);
    expect((await store.trail('b|2026-11')).map((e) => e.event)).toEqual(['session.started', 'signed-off.preparer']);
    expect((await store.savedSettings()).map((p) => p.name)).toEqual(['Oak']);
  });
});

describe('storage failures in words', () => {
  it.each([
    [{ name: 'QuotaExceededError' }, 'quota', /no room left .* Everything saved before it is kept/],
    [{ name: 'DatabaseClosedError', inner: { name: 'VersionError' } }, 'blocked', /Another copy of Housing Ledger/],
    [{ name: 'MissingAPIError' }, 'unavailable', /private browsing/],
    [{ name: 'OpenFailedError', inner: { name: 'InvalidStateError' } }, 'unavailable', /export the session to a file/],
    [new Error('boom'), 'refused', /what was saved before is kept/],
  ])('%p', (e, kind, message) => {
    const err = explainStorageError(e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
  });
});

describe('resuming in the pane', () => {
  it('finds the workbook’s sessions, latest first, and records trail events', async () => {
    const store = await storeWith();
    const a = await store.openSession('book-9', '2026-11', SETTINGS, 'Alex');
    const b = await store.openSession('book-9', '2026-12', SETTINGS, 'Alex');
    await store.openSession('other', '2026-12', SETTINGS, 'Alex');
    await store.record(a.session.id, 'Alex', 'audit-pack.written', { sheets: 8 });
    expect((await store.sessionsFor('book-9')).map((s) => s.period)).toEqual(['2026-11', '2026-12']);
    await store.record(b.session.id, 'Sam', 'issue.shown', {});
    expect((await store.sessionsFor('book-9'))[0]?.period).toBe('2026-12');
    expect((await store.trail(a.session.id)).map((e) => e.event)).toEqual(['session.started', 'audit-pack.written']);
    await expect(store.record('nope|2026-12', 'Alex', 'x')).rejects.toThrow(/No saved session/);
  });
});

describe('the payment-file import ledger (version 3)', () => {
  const entry = (hash: string, keys: string[], name = `${hash}.csv`): ImportLedgerEntry => ({
    fileHash: hash, fileName: name, profile: 'allpay', channel: 'ALLPAY', importedAt: `2026-12-0${keys.length}T09:00:00Z`, count: keys.length, total: 1000 as Pence, batches: [], paymentKeys: keys,
  });

  it('opening a version 2 database adds the ledger and keeps every session, trail event and saved settings', async () => {
    const name = fresh();
    const old = databaseAt(name, 2);
    await old.open();
    await old.table('sessions').add({ id: 'b|2026-12', workbookId: 'b', period: '2026-12', createdAt: 't', updatedAt: 't', fingerprints: { GL: 'x' }, settings: SETTINGS, reconcilingItems: [{ ref: 'U1', type: 'other', amount: 5, explanation: 'e', owner: '', date: null }], signOffs: [{ role: 'preparer', name: 'A', at: 't' }] });
    await old.table('trail').bulkAdd([{ sessionId: 'b|2026-12', at: 't1', actor: 'A', event: 'session.started', detail: {} }, { sessionId: 'b|2026-12', at: 't2', actor: 'A', event: 'signed-off.preparer', detail: {} }]);
    await old.table('profiles').add({ name: 'Oak', updatedAt: 't', settings: SETTINGS });
    old.close();
    const store = await storeWith(name);
    expect(store.db.verno).toBeGreaterThanOrEqual(3); // later versions (5: mandates) add tables only
    expect(await store.getSession('b|2026-12')).toMatchObject({ fingerprints: { GL: 'x' }, reconcilingItems: [{ ref: 'U1' }], signOffs: [{ name: 'A' }] });
    expect((await store.trail('b|2026-12')).map((e) => e.event)).toEqual(['session.started', 'signed-off.preparer']);
    expect((await store.savedSettings()).map((p) => p.name)).toEqual(['Oak']);
    expect(await store.imports()).toEqual([]);
  });

  it('finds a file by its hash and payments by their keys, and refuses a second import of either', async () => {
    const store = await storeWith();
    await store.recordImport(entry('h1', ['k1', 'k2']));
    const same = await store.findImports('h1', ['k9']);
    expect(same.file?.fileName).toBe('h1.csv');
    const overlap = await store.findImports('h2', ['k3', 'k2']);
    expect(overlap.file).toBeNull();
    expect([...overlap.payments.keys()]).toEqual(['k2']);
    await expect(store.recordImport(entry('h1', ['k7']))).rejects.toThrow(/imported already; nothing was added/);
    await expect(store.recordImport(entry('h3', ['k8', 'k1']))).rejects.toThrow(/holds a payment imported already/);
    await store.recordImport(entry('h4', ['k4', 'k5', 'k6']));
    expect((await store.imports()).map((e) => e.fileHash)).toEqual(['h4', 'h1']);
  });

  it('two tabs posting at once: the same file, or files sharing a payment, is posted once; different files both', async () => {
    const name = fresh();
    const tabA = await storeWith(name);
    const tabB = await storeWith(name);
    for (let trial = 0; trial < 10; trial++) {
      const same = await Promise.allSettled([tabA.recordImport(entry(`s${trial}`, [`s${trial}k`])), tabB.recordImport(entry(`s${trial}`, [`s${trial}k`]))]);
      expect(same.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const shared = await Promise.allSettled([tabA.recordImport(entry(`p${trial}a`, [`p${trial}k`, `p${trial}a`])), tabB.recordImport(entry(`p${trial}b`, [`p${trial}k`, `p${trial}b`]))]);
      expect(shared.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const different = await Promise.allSettled([tabA.recordImport(entry(`d${trial}a`, [`d${trial}a`])), tabB.recordImport(entry(`d${trial}b`, [`d${trial}b`]))]);
      expect(different.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    }
    const held = await tabA.imports();
    expect(held).toHaveLength(40);
    expect(new Set(held.flatMap((e) => e.paymentKeys)).size).toBe(held.reduce((n, e) => n + e.paymentKeys.length, 0));
  });

  it('keeps import profiles by name', async () => {
    const store = await storeWith();
    await store.saveImportProfile({ name: 'our-bank', channel: 'BANK' });
    await store.saveImportProfile({ name: 'our-bank', channel: 'DD' });
    expect((await store.importProfiles()).map((p) => [p.name, p.profile.channel])).toEqual([['our-bank', 'DD']]);
  });
});
