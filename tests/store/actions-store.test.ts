import 'fake-indexeddb/auto';
import { databaseAt } from './old-database';
import { approveAction, requestAction } from '../../src/engine/approvals/approvals';
import { actionsFileText, emptyActionsFile } from '../../src/engine/approvals/actions-file';
import { DEFAULT_APPROVALS } from '../../src/engine/approvals/approvals-config';
import type { ActionEvent } from '../../src/engine/approvals/types';
import { refundRequest } from '../../src/engine/actions/requests';
import { toPence } from '../../src/engine/money';
import { ActionsRepo, actionRows, eventsFromRows, importActionsFile } from '../../src/store/actions-store';
import { LedgerDb } from '../../src/store/db';

let n = 0;
const fresh = (): string => `hl-actions-${++n}-${Date.now()}`;

function log(): ActionEvent[] {
  const r = refundRequest({ account: 'F100', amount: toPence(2000), reason: 'credit', evidence: [], method: 'finance-csv', payee: null, risks: [] });
  if (!r.ok) throw new Error(r.problem);
  const a = requestAction([], { id: 'R0001', by: 'Jo Bloggs', at: '2026-12-01T10:00:00Z', request: r.request }, DEFAULT_APPROVALS);
  if (!a.ok) throw new Error(a.message);
  const b = approveAction(a.events, { id: 'R0001', by: 'Sam Lee', at: '2026-12-02T10:00:00Z' }, DEFAULT_APPROVALS);
  if (!b.ok) throw new Error(b.message);
  return [...a.events, ...b.events];
}

describe('store v6: the account actions log', () => {
  it('rows round-trip in order; a missing or altered row is refused (pure)', () => {
    const events = log();
    const rows = actionRows('book-1', events);
    expect(eventsFromRows([...rows].reverse())).toEqual(events);
    expect(eventsFromRows(rows.slice(1))).toBeNull();
    expect(eventsFromRows(rows.map((r, i) => (i === 0 ? { ...r, event: { ...r.event, by: 'Sam Lee' } as ActionEvent } : r)))).toBeNull();
  });

  it('imports a CLI actions file, refusing an edited one (pure)', () => {
    const text = actionsFileText({ ...emptyActionsFile(), events: log() });
    const ok = importActionsFile('book-1', JSON.parse(text));
    expect(ok.ok && ok.rows.map((r) => r.event.type)).toEqual(['requested', 'approved', 'posted']);
    const bad = importActionsFile('book-1', JSON.parse(text.replace('"Jo Bloggs"', '"Sam Lee"')));
    expect(bad.ok).toBe(false);
  });

  it('upgrading a version 3 database keeps its records and adds the actions table', async () => {
    const name = fresh();
    const v3 = databaseAt(name, 3);
    await v3.open();
    await v3.table('importProfiles').put({ name: 'Allpay', updatedAt: '2026-12-01T00:00:00Z', profile: { a: 1 } });
    v3.close();
    const db = new LedgerDb(name);
    await db.open();
    expect(await db.importProfiles.get('Allpay')).toEqual(expect.objectContaining({ profile: { a: 1 } }));
    expect(await db.actions.count()).toBe(0);
    db.close();
  });

  it('appends in one transaction and refuses a step judged on a log that has moved on', async () => {
    const db = new LedgerDb(fresh());
    await db.open();
    const repo = new ActionsRepo(db);
    const events = log();
    await repo.append('book-1', [], events.slice(0, 1));
    await repo.append('book-1', events.slice(0, 1), events.slice(1));
    expect(await repo.load('book-1')).toEqual(events);
    expect(await repo.load('book-2')).toEqual([]);
    await expect(repo.append('book-1', events.slice(0, 1), events.slice(1))).rejects.toThrow(/changed while this step ran/);
    expect(await repo.load('book-1')).toHaveLength(3);
    db.close();
  });
});
