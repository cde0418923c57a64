/**
 * The month-end session in the store the host opened: resume the workbook's latest one, start one
 * for the chosen period, save each change (a failure said in words, nothing saved lost), sign-offs,
 * saved settings, and the session file. Without storage the pane still works and says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { explainStorageError } from '../../store/errors';
import type { Resolution, ReviewChanges } from '../../engine/suspense/review-queue';
import type { LedgerStore } from '../../store/ledger-store';
import type { SavedSettings, Session, Settings, TrailEvent } from '../../store/schema';
import type { PaneHost } from '../host';
import { signOffLines, workingStateHash } from '../../engine/signoff/bound-signoffs';
import { signOffDigest } from '../../engine/signoff/digest';
import { resumedFrom } from '../../engine/signoff/pane-session';
import { sessionIdentity, type SessionBase } from '../../engine/signoff/resume';
import type { WorkbookSession } from '../../engine/signoff/session-sheet';
import { monthLabel, settingsOf, ukDateTime, type ConfigJson } from '../model';
import { STORAGE_WARNING, type Notify } from '../pane-state';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function useSession(host: Pick<PaneHost, 'openStore' | 'workbookId'>, notify: Notify) {
  const [store, setStore] = useState<LedgerStore | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [trail, setTrail] = useState<TrailEvent[]>([]);
  const [saved, setSaved] = useState<SavedSettings[]>([]);
  const opened = useRef<LedgerStore | null>(null);

  useEffect(
    () => () => {
      opened.current?.close();
      opened.current = null;
    },
    [host],
  );

  const refreshTrail = useCallback(async (st: LedgerStore, id: string) => {
    try {
      setTrail(await st.trail(id));
    } catch {
      /* the trail is shown when it can be read */
    }
  }, []);

  /** Opens the store; returns the workbook's most recently changed session, if any. */
  const start = useCallback(async (): Promise<Session | null> => {
    let st: LedgerStore;
    try {
      st = await host.openStore();
    } catch (e) {
      notify({ intent: 'warning', title: STORAGE_WARNING, text: explainStorageError(e).message });
      return null;
    }
    opened.current = st;
    setStore(st);
    setSaved(await st.savedSettings().catch(() => []));
    return (await st.sessionsFor(host.workbookId).catch(() => []))[0] ?? null;
  }, [host, notify]);

  /** Runs a store change; a failure is said in words and nothing already saved is lost. */
  async function save(what: string, change: (s: LedgerStore) => Promise<Session | void>): Promise<boolean> {
    if (!store) return false;
    try {
      const next = await change(store);
      if (next) {
        setSession(next);
        await refreshTrail(store, next.id);
      }
      return true;
    } catch (e) {
      notify({ intent: 'error', title: `Could not save ${what}`, text: explainStorageError(e).message });
      return false;
    }
  }

  /** Opens a saved session again and says what was resumed. */
  async function resume(s: Session, actor: string, st: LedgerStore | null = opened.current): Promise<void> {
    if (!st) return;
    try {
      const { session: open } = await st.openSession(s.workbookId, s.period, s.settings, actor);
      setSession(open);
      await refreshTrail(st, open.id);
      const items = open.reconcilingItems.length;
      const prepared = open.signOffs.find((o) => o.role === 'preparer');
      notify({
        intent: 'info',
        title: `Resumed your ${monthLabel(open.period)} session`,
        text:
          `Saved ${ukDateTime(open.updatedAt)}: ${items} reconciling item${items === 1 ? '' : 's'}${prepared ? `, prepared by ${prepared.name}` : ''}. ` +
          (Object.keys(open.fingerprints).length
            ? 'Run to see the figures again (any source sheet changed since is said as soon as it is checked).'
            : 'It has not been run yet.'),
      });
    } catch (e) {
      notify({ intent: 'error', title: 'The saved session could not be opened', text: explainStorageError(e).message });
    }
  }

  /** The session for the period, started when there is none; the settings saved into it. */
  async function ensure(period: string, settings: Settings, actor: string): Promise<Session | null> {
    if (!store) return null;
    if (session && session.period === period) {
      if (!same(session.settings.config, settings.config)) await save('the settings', (s) => s.saveSettings(session.id, actor, settings));
      return store.getSession(session.id).catch(() => session);
    }
    try {
      const open = await store.openSession(host.workbookId, period, settings, actor);
      const next = open.resumed && !same(open.session.settings.config, settings.config) ? await store.saveSettings(open.session.id, actor, settings) : open.session;
      setSession(next);
      await refreshTrail(store, next.id);
      return next;
    } catch (e) {
      notify({ intent: 'error', title: 'The session could not be saved', text: explainStorageError(e).message });
      return null;
    }
  }

  async function saveSettingsAs(name: string, settings: Settings): Promise<void> {
    if (await save('the settings', (st) => st.saveSettingsAs(name, settings))) {
      setSaved((await store?.savedSettings().catch(() => null)) ?? saved);
      notify({ intent: 'success', title: 'Settings saved', text: `‘${name.trim()}’ can be applied to any workbook from now on.` });
    }
  }

  /** Signs the content whose digest is given; the engine's refusal (same person, no reason) is said in words. */
  async function signOff(s: Session | null, role: 'preparer' | 'reviewer', who: string, bound: { digest: string | null; status: 'BALANCED' | 'NOT BALANCED'; reason: string | null }): Promise<Session | null> {
    if (!s || !store) {
      notify({ intent: 'error', title: 'Sign-off needs saved sessions', text: 'Storage is not available here, so a sign-off cannot be recorded.' });
      return null;
    }
    if (bound.digest === null) {
      notify({ intent: 'warning', title: 'Not signed yet', text: 'The sources’ fingerprints are still being worked out; sign in a moment.' });
      return null;
    }
    try {
      const next = await store.signOff(s.id, role, who, { digest: bound.digest, status: bound.status, reason: bound.reason });
      setSession(next);
      await refreshTrail(store, next.id);
      notify({ intent: 'success', title: role === 'preparer' ? 'Prepared' : 'Reviewed', text: `Signed by ${who.trim()} at ${ukDateTime(new Date().toISOString())}.` });
      return next;
    } catch (e) {
      notify({ intent: 'error', title: 'Sign-off refused', text: explainStorageError(e).message });
      return null;
    }
  }

  /** Voids the signatures the content now differs from, naming the change (nothing when they still stand). */
  async function voidIfChanged(s: Session, actor: string, digest: string, change: string): Promise<void> {
    await save('the void signatures', async (st) => (await st.voidSignOffs(s.id, actor, digest, change)) ?? undefined);
  }

  /** Takes a workbook's session as the working copy and says what was resumed. */
  async function adopt(workbookId: string, ws: WorkbookSession, actor: string): Promise<Session | null> {
    const st = opened.current;
    if (!st) return null;
    const from = resumedFrom(ws);
    const config = from.config as ConfigJson;
    const base: SessionBase = { id: sessionIdentity(ws), savedAt: ws.savedAt, state: workingStateHash({ config, items: from.items, resolutions: from.resolutions, signOffs: from.signOffs, suggestionDecisions: from.suggestionDecisions }) };
    try {
      const next = await st.adoptWorkbookSession(workbookId, from, base, actor, settingsOf(config));
      setSession(next);
      await refreshTrail(st, next.id);
      const decided = Object.keys(from.resolutions).length;
      const suggested = from.suggestionDecisions?.length ?? 0;
      const signed = signOffLines(from.signOffs, ws.content ? signOffDigest(ws.content) : null).filter((l) => l.signed);
      notify({
        intent: 'info',
        title: `Resumed the ${monthLabel(ws.period)} session from this workbook`,
        text:
          `Written ${ukDateTime(ws.savedAt)}: ${from.items.length} reconciling item${from.items.length === 1 ? '' : 's'}, ${decided} suspense decision${decided === 1 ? '' : 's'}` +
          `${suggested ? `, ${suggested} suggested item${suggested === 1 ? '' : 's'} decided` : ''}` +
          `${signed.length ? `, signed by ${signed.map((l) => `${l.signed?.name} (${l.role}${l.valid ? '' : ', void'})`).join(' and ')}` : ''}. ` +
          'Run to see the figures (any source sheet changed since it was written is said as soon as it is checked).',
      });
      return next;
    } catch (e) {
      notify({ intent: 'error', title: 'The workbook’s session could not be resumed', text: explainStorageError(e).message });
      return null;
    }
  }

  /** Records the workbook copy just written as this working copy's base. */
  async function setBase(s: Session, base: SessionBase): Promise<void> {
    await save('the session', (st) => st.setBase(s.id, base));
  }

  async function importFile(text: string, actor: string): Promise<Session | null> {
    if (!store) return null;
    try {
      const imported = await store.importSession(text, actor, { replace: true });
      const next = await store.getSession(imported.id);
      setSession(next);
      await refreshTrail(store, imported.id);
      notify({ intent: 'success', title: 'Session imported', text: `${monthLabel(imported.period)}: run again to see its figures.` });
      return next;
    } catch (e) {
      notify({ intent: 'error', title: 'The session file was not imported', text: `${explainStorageError(e).message} Nothing was changed.` });
      return null;
    }
  }

  /** The sheets whose contents changed since the session last ran (none when it never ran). */
  async function changedSince(s: Session, fingerprints: Readonly<Record<string, string>>): Promise<string[]> {
    if (!store) return [];
    return (await store.fingerprintChanges(s.id, fingerprints).catch(() => [])).map((c) => c.sheet);
  }

  /**
   * Saves what a review action changed (a row per item touched) with its trail event, which joins
   * the trail shown: the session record and the trail are not read again, so a decision costs the
   * same in a queue of any size.
   */
  async function saveReviewChanges(id: string, actor: string, changes: ReviewChanges, event: string, detail: Record<string, unknown>): Promise<boolean> {
    if (!store) return false;
    try {
      const added = await store.saveReviewChanges(id, actor, changes, event, detail);
      setTrail((t) => [...t, added]);
      return true;
    } catch (e) {
      notify({ intent: 'error', title: 'Could not save the suspense decision', text: explainStorageError(e).message });
      return false;
    }
  }

  /** The session's saved suspense decisions (a new run carries them over); none without storage. */
  async function reviewResolutions(s: Session): Promise<Readonly<Record<string, Resolution>>> {
    const saved = store ? await store.reviewResolutions(s.id).catch(() => ({})) : {};
    return { ...(s.suspenseReview?.resolutions ?? s.carriedResolutions ?? {}), ...saved };
  }

  const exportFile = async (): Promise<string | null> => (session && store ? store.exportSession(session.id) : null);

  return { store, session, trail, saved, start, save, resume, ensure, changedSince, saveSettingsAs, signOff, voidIfChanged, adopt, setBase, importFile, exportFile, saveReviewChanges, reviewResolutions };
}

export type SessionApi = ReturnType<typeof useSession>;
