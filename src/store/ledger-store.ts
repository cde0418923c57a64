/**
 * The store's repository: month-end sessions keyed by workbook and period, their append-only trail,
 * sign-offs (a reviewer is never the preparer), export and import as a file, saved settings, the
 * payment-file import ledger and import profiles.
 * Every change is one read-write transaction that also appends its trail event: all of it or none.
 */
import type { LedgerDb } from './db';
import { explainStorageError, StoreError } from './errors';
import { upgradeReviewToRows } from './upgrades';
import type { Resolution, ReviewChanges, ReviewState } from '../engine/suspense/review-queue';
import type { ImportLedgerEntry, LedgerMatches } from '../engine/payments/import-ledger';
import type { StoredImportProfile } from './schema';
import type { SavedSettings, Session, Settings, SignOff, StoredReconcilingItem, TrailEvent } from './schema';
import { formatUkDate, type IsoDate } from '../engine/dates';
import { signBound, voidChanged } from '../engine/signoff/bound-signoffs';
import type { ResumedSession } from '../engine/signoff/pane-session';
import type { SessionBase } from '../engine/signoff/resume';
import type { SuggestionDecision } from '../engine/reconcile/suggestions';

export const EXPORT_FORMAT = 'housing-ledger-session';
export const EXPORT_VERSION = 2;

export interface SessionFile {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: number;
  readonly session: Session;
  readonly trail: readonly TrailEvent[];
}

export interface FingerprintChange {
  readonly sheet: string;
  readonly was: string | null;
  readonly now: string | null;
}

/** Decision rows put at once: a block's copy into IndexedDB (Dexie's bookkeeping and the structured clone, 30-70 ms for 250 rows on a busy machine) stays well inside a frame. */
const DECISION_BLOCK = 100;

export function sessionId(workbookId: string, period: string): string {
  return `${workbookId}|${period}`;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw explainStorageError(e);
  }
}

export class LedgerStore {
  /** Closes the database (the pane closing); the store is not used after. */
  close(): void {
    this.db.close();
  }

  constructor(
    readonly db: LedgerDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private event(sessionId: string, actor: string, event: string, detail: Record<string, unknown> = {}): TrailEvent {
    return { sessionId, at: this.now(), actor, event, detail };
  }

  /** The session of this workbook and period: resumed when it exists, started otherwise. */
  openSession(workbookId: string, period: string, settings: Settings, actor: string): Promise<{ session: Session; resumed: boolean }> {
    return guarded(() =>
      this.db.transaction('rw', this.db.sessions, this.db.trail, async () => {
        const id = sessionId(workbookId, period);
        const existing = await this.db.sessions.get(id);
        if (existing) {
          await this.db.trail.add(this.event(id, actor, 'session.resumed'));
          return { session: existing, resumed: true };
        }
        const at = this.now();
        const session: Session = { id, workbookId, period, createdAt: at, updatedAt: at, fingerprints: {}, settings, reconcilingItems: [], signOffs: [] };
        await this.db.sessions.add(session);
        await this.db.trail.add(this.event(id, actor, 'session.started', { period }));
        return { session, resumed: false };
      }),
    );
  }

  async getSession(id: string): Promise<Session> {
    const s = await guarded(() => this.db.sessions.get(id));
    if (!s) throw new StoreError('not-found', `No saved session ${id}.`);
    return s;
  }

  /** The sheets whose contents changed since the session last ran: say so before reusing anything. */
  async fingerprintChanges(id: string, current: Readonly<Record<string, string>>): Promise<FingerprintChange[]> {
    const s = await this.getSession(id);
    const sheets = [...new Set([...Object.keys(s.fingerprints), ...Object.keys(current)])].sort();
    return sheets
      .map((sheet) => ({ sheet, was: s.fingerprints[sheet] ?? null, now: current[sheet] ?? null }))
      .filter((c) => c.was !== c.now && Object.keys(s.fingerprints).length > 0);
  }

  private update(id: string, actor: string, event: string, detail: Record<string, unknown>, change: (s: Session) => Session): Promise<Session> {
    return guarded(() =>
      this.db.transaction('rw', this.db.sessions, this.db.trail, async () => {
        const s = await this.db.sessions.get(id);
        if (!s) throw new StoreError('not-found', `No saved session ${id}.`);
        const next = { ...change(s), updatedAt: this.now() };
        await this.db.sessions.put(next);
        await this.db.trail.add(this.event(id, actor, event, detail));
        return next;
      }),
    );
  }

  recordRun(id: string, actor: string, fingerprints: Readonly<Record<string, string>>, summary: Record<string, unknown>): Promise<Session> {
    return this.update(id, actor, 'reconciliation.run', summary, (s) => ({ ...s, fingerprints: { ...fingerprints } }));
  }

  saveSettings(id: string, actor: string, settings: Settings): Promise<Session> {
    return this.update(id, actor, 'settings.changed', {}, (s) => ({ ...s, settings }));
  }

  async saveReconcilingItems(id: string, actor: string, items: readonly StoredReconcilingItem[]): Promise<Session> {
    for (const i of items) {
      if (!Number.isSafeInteger(i.amount)) throw new StoreError('invalid', `Reconciling item ${i.ref}: the amount must be whole pence.`);
      if (i.explanation.trim() === '') throw new StoreError('invalid', `Reconciling item ${i.ref} needs an explanation.`);
    }
    return this.update(id, actor, 'reconciling-items.saved', { count: items.length, refs: items.map((i) => i.ref) }, (s) => ({ ...s, reconcilingItems: [...items] }));
  }

  /** Saves the decisions on suggested reconciling items after one change, with its trail event naming the item, amount, from and to. */
  saveSuggestionDecisions(id: string, actor: string, decisions: readonly SuggestionDecision[], event: string, detail: Record<string, unknown>): Promise<Session> {
    return this.update(id, actor, event, detail, (s) => ({ ...s, suggestionDecisions: decisions.map((d) => ({ ...d })) }));
  }

  /**
   * Saves a whole review queue's decisions (a queue replaced at once): every row of the session is
   * replaced by the state's resolutions. A decision saves only what it changed (saveReviewChanges).
   */
  saveSuspenseReview(id: string, actor: string, state: ReviewState, event: string, detail: Record<string, unknown>): Promise<Session> {
    return guarded(() =>
      this.db.transaction('rw', this.db.sessions, this.db.trail, this.db.reviewDecisions, async () => {
        await this.db.reviewDecisions.where('sessionId').equals(id).delete();
        await this.db.reviewDecisions.bulkPut(Object.keys(state.resolutions).map((item) => ({ sessionId: id, item, resolution: state.resolutions[item] ?? null })));
        return this.update(id, actor, event, detail, (s) => s);
      }),
    );
  }

  /**
   * Saves what one review action changed and its trail event, in one transaction: one bulk put of a
   * row per item touched (an item open again keeps a row with no resolution: Dexie's bulkDelete
   * tracks every deleted key for its live queries, which costs the page's thread far more than a
   * put), so a decision writes one row and accept-all or its undo one bulk write, whatever the
   * queue's size. The session record is not rewritten. Returns the trail event added. The rows go
   * in blocks, each put once the last is stored: one transaction still (all of them or none), but
   * IndexedDB copies each block in its own task, so accept-all over thousands never holds the
   * page's thread for the whole copy.
   */
  saveReviewChanges(id: string, actor: string, changes: ReviewChanges, event: string, detail: Record<string, unknown>): Promise<TrailEvent> {
    return guarded(() =>
      this.db.transaction('rw', this.db.trail, this.db.reviewDecisions, async () => {
        const rows = changes.changed.map((c) => ({ sessionId: id, item: c.item, resolution: c.resolution }));
        for (let i = 0; i < rows.length; i += DECISION_BLOCK) await this.db.reviewDecisions.bulkPut(rows.slice(i, i + DECISION_BLOCK));
        const e = this.event(id, actor, event, detail);
        const seq = (await this.db.trail.add(e)) as number;
        return { ...e, seq };
      }),
    );
  }

  /** The session's suspense decisions, item ref -> resolution (what a new run carries over). */
  reviewResolutions(id: string): Promise<Record<string, Resolution>> {
    return guarded(async () => {
      const out: Record<string, Resolution> = {};
      for (const r of await this.db.reviewDecisions.where('sessionId').equals(id).toArray()) if (r.resolution) out[r.item] = r.resolution;
      return out;
    });
  }

  /**
   * Signs the content whose digest is given, under the engine's rules (preparer first, a different
   * reviewer, a written reason when NOT BALANCED): a refusal is a StoreError('refused') in its words.
   */
  async signOff(id: string, role: SignOff['role'], name: string, bound: { digest: string; status: 'BALANCED' | 'NOT BALANCED'; reason?: string | null }): Promise<Session> {
    const s = await this.getSession(id);
    const out = signBound(s.signOffs, { role, name, at: this.now(), reason: bound.reason ?? null }, bound.digest, bound.status);
    if (!out.ok) throw new StoreError('refused', out.message);
    const who = out.signOff.name;
    return this.update(id, who, `signed-off.${role}`, { name: who, to: bound.digest, ...(out.signOff.reason ? { reason: out.signOff.reason } : {}), message: `Signed as ${role} by ${who}${out.signOff.reason ? ` (NOT BALANCED; reason: ${out.signOff.reason})` : ''}` }, (x) => ({ ...x, signOffs: out.signOffs }));
  }

  /** Voids the standing sign-offs the content no longer matches, naming the change; nothing when none. */
  async voidSignOffs(id: string, actor: string, digest: string, change: string): Promise<Session | null> {
    const s = await this.getSession(id);
    const out = voidChanged(s.signOffs, digest, { at: this.now(), by: change });
    if (out.voided.length === 0) return null;
    const names = out.voided.map((v) => `${v.role} ${v.name}`).join(', ');
    return this.update(id, actor, 'signoffs.voided', { message: `Signatures void (${names}): changed after signing: ${change}` }, (x) => ({ ...x, signOffs: out.signOffs }));
  }

  /**
   * Takes a workbook's session as this workbook's working copy (replacing the one here, in one
   * transaction): its settings, items, decisions, sign-offs and trail, and the base it came from.
   */
  adoptWorkbookSession(workbookId: string, from: ResumedSession, base: SessionBase, actor: string, settings: Settings): Promise<Session> {
    return guarded(() =>
      this.db.transaction('rw', this.db.sessions, this.db.trail, this.db.reviewDecisions, async () => {
        const id = sessionId(workbookId, from.period);
        const at = this.now();
        const existing = await this.db.sessions.get(id);
        const session: Session = {
          id,
          workbookId,
          period: from.period,
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
          fingerprints: { ...from.fingerprints },
          settings,
          reconcilingItems: from.items.map((i) => ({ ref: i.ref, type: i.type, amount: i.amount, explanation: i.explanation, owner: i.owner, date: i.date })),
          signOffs: from.signOffs.map((o) => ({ ...o })),
          ...(from.suggestionDecisions?.length ? { suggestionDecisions: from.suggestionDecisions.map((d) => ({ ...d })) } : {}),
          base,
        };
        // The workbook's decisions replace this browser's, a row each as the pane keeps them.
        await this.db.reviewDecisions.where('sessionId').equals(id).delete();
        const rows = Object.keys(from.resolutions).map((item) => ({ sessionId: id, item, resolution: from.resolutions[item] ?? null }));
        for (let i = 0; i < rows.length; i += DECISION_BLOCK) await this.db.reviewDecisions.bulkPut(rows.slice(i, i + DECISION_BLOCK));
        await this.db.trail.where('sessionId').equals(id).delete();
        await this.db.sessions.put(session);
        if (from.trail.length) await this.db.trail.bulkAdd(from.trail.map((e) => ({ ...e, sessionId: id })));
        await this.db.trail.add(this.event(id, actor, 'session.from-workbook', { message: `Session resumed from the workbook (written ${formatUkDate(base.savedAt.slice(0, 10) as IsoDate)} ${base.savedAt.slice(11, 16)} UTC)` }));
        return session;
      }),
    );
  }

  /** Records the workbook copy this working copy is now in step with (after writing it into the workbook). */
  setBase(id: string, base: SessionBase): Promise<Session> {
    return guarded(() =>
      this.db.transaction('rw', this.db.sessions, async () => {
        const s = await this.db.sessions.get(id);
        if (!s) throw new StoreError('not-found', `No saved session ${id}.`);
        const next = { ...s, base };
        await this.db.sessions.put(next);
        return next;
      }),
    );
  }

  /** The workbook's saved sessions, the most recently changed first: the pane resumes the first. */
  sessionsFor(workbookId: string): Promise<Session[]> {
    return guarded(async () => (await this.db.sessions.where('workbookId').equals(workbookId).toArray()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
  }

  /** Appends an event to the trail (an audit pack written, a read issue shown) and touches the session. */
  record(id: string, actor: string, event: string, detail: Record<string, unknown> = {}): Promise<Session> {
    return this.update(id, actor, event, detail, (s) => s);
  }

  trail(id: string): Promise<TrailEvent[]> {
    return guarded(() => this.db.trail.where('sessionId').equals(id).sortBy('seq'));
  }

  async exportSession(id: string): Promise<string> {
    const stored = await this.getSession(id);
    const trail = await this.trail(id);
    // The file keeps the decisions where it always had them: a queue with their resolutions (a run rebuilds the entries).
    const resolutions = await this.reviewResolutions(id);
    const session: Session = Object.keys(resolutions).length ? { ...stored, suspenseReview: { version: 1, entries: [], resolutions, undo: [] } } : stored;
    const file: SessionFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, session, trail };
    return JSON.stringify(file, null, 2);
  }

  /** Imports a session file in one transaction; an existing session of the same id is replaced only when asked. */
  importSession(text: string, actor: string, options: { replace?: boolean } = {}): Promise<Session> {
    let file: SessionFile;
    try {
      file = JSON.parse(text) as SessionFile;
    } catch {
      return Promise.reject(new StoreError('invalid', 'The file is not a Housing Ledger session (not JSON).'));
    }
    if (file?.format !== EXPORT_FORMAT || typeof file.session?.id !== 'string' || !Array.isArray(file.trail)) {
      return Promise.reject(new StoreError('invalid', 'The file is not a Housing Ledger session.'));
    }
    if (file.version > EXPORT_VERSION) return Promise.reject(new StoreError('invalid', `The session file is from a newer Housing Ledger (format ${file.version}).`));
    return guarded(() =>
      this.db.transaction('rw', this.db.sessions, this.db.trail, this.db.reviewDecisions, async () => {
        const id = file.session.id;
        if ((await this.db.sessions.get(id)) && !options.replace) {
          throw new StoreError('refused', `A session for ${file.session.workbookId} ${file.session.period} is already saved here; import it again choosing to replace it.`);
        }
        await this.db.trail.where('sessionId').equals(id).delete();
        await this.db.reviewDecisions.where('sessionId').equals(id).delete();
        const { session, decisions } = upgradeReviewToRows(file.session);
        await this.db.sessions.put(session);
        if (decisions.length) await this.db.reviewDecisions.bulkPut(decisions);
        await this.db.trail.bulkAdd(file.trail.map(({ seq: _seq, ...e }) => ({ ...e, sessionId: id })));
        await this.db.trail.add(this.event(id, actor, 'session.imported', { events: file.trail.length }));
        return session;
      }),
    );
  }

  /** What the import ledger holds of a file: the same file (hash) and any of its payments (keys), by index. */
  findImports(hash: string, keys: readonly string[]): Promise<LedgerMatches> {
    return guarded(async () => {
      const file = (await this.db.imports.get(hash)) ?? null;
      const payments = new Map<string, ImportLedgerEntry>();
      const wanted = new Set(keys);
      if (keys.length > 0) {
        for (const e of await this.db.imports.where('paymentKeys').anyOf([...wanted]).toArray()) {
          for (const k of e.paymentKeys) if (wanted.has(k) && !payments.has(k)) payments.set(k, e);
        }
      }
      return { file, payments };
    });
  }

  /**
   * Records an imported file, in one transaction that checks the ledger again first: a file or a
   * payment imported meanwhile (another window) is refused and nothing is added.
   */
  recordImport(entry: ImportLedgerEntry): Promise<void> {
    return guarded(() =>
      this.db.transaction('rw', this.db.imports, async () => {
        if (await this.db.imports.get(entry.fileHash)) throw new StoreError('refused', `${entry.fileName} was imported already; nothing was added.`);
        if (entry.paymentKeys.length > 0 && (await this.db.imports.where('paymentKeys').anyOf([...entry.paymentKeys]).count()) > 0) {
          throw new StoreError('refused', `${entry.fileName} holds a payment imported already; nothing was added.`);
        }
        await this.db.imports.add(entry);
      }),
    );
  }

  /** The import history, newest first. */
  imports(): Promise<ImportLedgerEntry[]> {
    return guarded(() => this.db.imports.orderBy('importedAt').reverse().toArray());
  }

  saveImportProfile(profile: Readonly<Record<string, unknown>> & { name: string }): Promise<void> {
    return guarded(async () => {
      await this.db.importProfiles.put({ name: profile.name, updatedAt: this.now(), profile });
    });
  }

  importProfiles(): Promise<StoredImportProfile[]> {
    return guarded(() => this.db.importProfiles.orderBy('name').toArray());
  }

  /** Keeps the settings under a name (replacing any saved under the same name). */
  saveSettingsAs(name: string, settings: Settings): Promise<void> {
    const n = name.trim();
    if (!n) return Promise.reject(new StoreError('invalid', 'Saved settings need a name.'));
    return guarded(async () => {
      await this.db.profiles.put({ name: n, updatedAt: this.now(), settings });
    });
  }

  savedSettings(): Promise<SavedSettings[]> {
    return guarded(() => this.db.profiles.orderBy('name').toArray());
  }
}
