/**
 * The task pane: a step flow over one workbook (Sources, Settings, Run, Review, Sign-off), the same
 * in Excel and on the standalone page. State lives here; each step is a component that renders it.
 * The session (settings, reconciling items, sign-offs, trail) is saved to IndexedDB as it changes.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../../engine/config';
import type { InputIssue } from '../../engine/issues';
import type { ReconcileResult } from '../../engine/reconcile/types';
import { withUserItems } from '../../engine/reconcile/user-items';
import { assignRoles } from '../../engine/sources/detect';
import { guessPeriod } from '../../engine/sources/guess-period';
import type { SourceSummary } from '../../engine/audit-pack';
import { LedgerDb, databaseName } from '../../store/db';
import { explainStorageError } from '../../store/errors';
import { LedgerStore } from '../../store/ledger-store';
import type { Profile, Session, StoredReconcilingItem, TrailEvent } from '../../store/schema';
import { EngineClient } from '../../worker/client';
import type { Stage } from '../../worker/protocol';
import { readUserSheets } from '../../workbook/user-sheets';
import type { PaneHost } from '../host';
import { configOf, monthLabel, settingsOf, toUserItems, ukDateTime, type ConfigJson } from '../model';
import { ReviewStep } from './ReviewStep';
import { RunStep } from './RunStep';
import { SettingsStep } from './SettingsStep';
import { SignOffStep } from './SignOffStep';
import { SourcesStep } from './SourcesStep';
import { writeAuditPack } from '../write-audit-pack';
import type { SuspenseItem } from '../../engine/records';
import type { AccountHit } from '../../engine/suspense/account-search';
import { journalSheet } from '../../engine/suspense/clearance-journal';
import type { SuspenseMatch } from '../../engine/suspense/match-suspense';
import { applyReview, reviewJournal, reviewQueue, type Resolution, type ReviewAction, type ReviewState } from '../../engine/suspense/review-queue';
import { ageingSheet, suspenseAgeing } from '../../engine/suspense/suspense-ageing';
import { SuspenseStep, type ReviewCommand } from './SuspenseStep';
import { PaymentsPanel } from './PaymentsPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: '300px', boxSizing: 'border-box' },
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export type StepId = 'sources' | 'settings' | 'run' | 'review' | 'suspense' | 'signoff';
const STEPS: readonly { id: StepId; label: string }[] = [
  { id: 'sources', label: '1 Sources' },
  { id: 'settings', label: '2 Settings' },
  { id: 'run', label: '3 Run' },
  { id: 'review', label: '4 Review' },
  { id: 'suspense', label: '5 Suspense' },
  { id: 'signoff', label: '6 Sign-off' },
];

export type RunState =
  | { readonly state: 'idle' }
  | { readonly state: 'reading'; readonly sheet: string; readonly fraction: number }
  | { readonly state: 'running'; readonly stage: Stage; readonly startedAt: number }
  | {
      readonly state: 'done';
      readonly result: ReconcileResult;
      readonly issues: readonly InputIssue[];
      readonly sources: readonly SourceSummary[];
      readonly ms: number;
      readonly at: string;
      readonly suspense: { readonly items: readonly SuspenseItem[]; readonly matches: readonly SuspenseMatch[] } | null;
    }
  | { readonly state: 'input-error'; readonly issues: readonly InputIssue[]; readonly problems: readonly string[] }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'cancelled' };

export interface Notice {
  readonly intent: 'info' | 'success' | 'warning' | 'error';
  readonly title: string;
  readonly text: string;
}

const STORAGE_WARNING = 'Sessions will not be saved';

type Load = { readonly state: 'loading'; readonly text: string; readonly fraction: number | undefined } | { readonly state: 'ready' } | { readonly state: 'error'; readonly text: string };

export function Pane({ host }: { readonly host: PaneHost }) {
  const styles = useStyles();
  const [step, setStep] = useState<StepId>('sources');
  const [mode, setMode] = useState<'month-end' | 'payments'>('month-end');
  const [load, setLoad] = useState<Load>({ state: 'loading', text: 'Reading the workbook’s sheets…', fraction: undefined });
  const [sheets, setSheets] = useState<SheetData[]>([]);
  const [config, setConfig] = useState<ConfigJson>({});
  const [period, setPeriod] = useState('');
  const [name, setName] = useState(() => readName());
  const [session, setSession] = useState<Session | null>(null);
  const [trail, setTrail] = useState<TrailEvent[]>([]);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  /** The last run's sources with their fingerprints, which follow its result (null: none coming). */
  const fingerprinted = useRef<Promise<readonly SourceSummary[] | null> | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [announce, setAnnounce] = useState('');
  const [auditWritten, setAuditWritten] = useState<string | null>(null);
  const [review, setReview] = useState<ReviewState | null>(null);
  const store = useRef<LedgerStore | null>(null);
  const client = useRef<EngineClient | null>(null);

  const notify = useCallback((n: Notice) => {
    // One message at a time, but a warning that sessions are not being saved stays until dismissed.
    setNotices((all) => [...all.filter((x) => x.title !== n.title && x.title === STORAGE_WARNING), n]);
    setAnnounce(`${n.title}. ${n.text}`);
  }, []);
  const actor = name.trim() || 'unnamed user';

  const parsed = useMemo(() => parseConfig(config), [config]);
  const engineConfig: LedgerConfig = parsed.ok ? parsed.config : DEFAULT_CONFIG;
  const assignment = useMemo(() => assignRoles(host.fileName, sheets, engineConfig), [host.fileName, sheets, engineConfig]);

  const refreshTrail = useCallback(async (id: string) => {
    if (!store.current) return;
    try {
      setTrail(await store.current.trail(id));
    } catch {
      /* the trail is shown when it can be read */
    }
  }, []);

  /** Runs a store change; a failure is said in words and nothing already saved is lost. */
  const save = useCallback(
    async (what: string, change: (s: LedgerStore) => Promise<Session | void>): Promise<boolean> => {
      if (!store.current) return false;
      try {
        const next = await change(store.current);
        if (next) {
          setSession(next);
          await refreshTrail(next.id);
        }
        return true;
      } catch (e) {
        notify({ intent: 'error', title: `Could not save ${what}`, text: explainStorageError(e).message });
        return false;
      }
    },
    [notify, refreshTrail],
  );

  // Start: open the store, read the sheets, resume the workbook's latest session.
  useEffect(() => {
    let live = true;
    client.current = new EngineClient(() => host.spawnWorker());
    (async () => {
      try {
        const db = new LedgerDb(databaseName(host.partitionKey));
        await db.open();
        store.current = new LedgerStore(db);
        setProfiles(await store.current.profiles());
      } catch (e) {
        store.current = null;
        if (live) notify({ intent: 'warning', title: STORAGE_WARNING, text: explainStorageError(e).message });
      }
      let read: SheetData[];
      try {
        read = await readUserSheets(host.port, (sheet, fraction) => live && setLoad({ state: 'loading', text: `Reading sheet ‘${sheet}’…`, fraction }));
      } catch (e) {
        if (live) setLoad({ state: 'error', text: `The workbook’s sheets could not be read: ${(e as Error).message}. Nothing was changed.` });
        return;
      }
      if (!live) return;
      setSheets(read);
      const saved = store.current ? await store.current.sessionsFor(host.workbookId).catch(() => []) : [];
      const latest = saved[0];
      if (latest) {
        setConfig(configOf(latest.settings));
        setPeriod(latest.period);
        await resume(latest, read);
      } else {
        setPeriod(guessPeriod(read) ?? previousMonth());
      }
      setLoad({ state: 'ready' });
    })();
    return () => {
      live = false;
      client.current?.dispose();
      store.current?.db.close();
    };
  }, [host]);

  /** Opens (or starts) the session of this workbook and period, and says what was resumed. */
  async function resume(s: Session, read: readonly SheetData[]): Promise<void> {
    if (!store.current) return;
    try {
      const opened = await store.current.openSession(s.workbookId, s.period, s.settings, actor);
      setSession(opened.session);
      await refreshTrail(opened.session.id);
      const items = opened.session.reconcilingItems.length;
      const prepared = opened.session.signOffs.find((o) => o.role === 'preparer');
      let changed: string[] = [];
      if (Object.keys(opened.session.fingerprints).length > 0 && client.current) {
        const names = Object.keys(opened.session.fingerprints);
        const outcome = await client.current.run({ kind: 'fingerprint', sheets: read.filter((x) => names.includes(x.name)) });
        if (outcome.kind === 'fingerprints') changed = names.filter((n) => outcome.fingerprints[n] !== opened.session.fingerprints[n]);
      }
      notify({
        intent: changed.length ? 'warning' : 'info',
        title: `Resumed your ${monthLabel(opened.session.period)} session`,
        text:
          `Saved ${ukDateTime(opened.session.updatedAt)}: ${items} reconciling item${items === 1 ? '' : 's'}` +
          `${prepared ? `, prepared by ${prepared.name}` : ''}. ` +
          (changed.length
            ? `Since it last ran, ${changed.map((c) => `‘${c}’`).join(', ')} changed: run again and check that the reconciling items still apply.`
            : Object.keys(opened.session.fingerprints).length
              ? 'The source sheets are unchanged since it last ran. Run to see the figures again.'
              : 'It has not been run yet.'),
      });
    } catch (e) {
      notify({ intent: 'error', title: 'The saved session could not be opened', text: explainStorageError(e).message });
    }
  }

  /** The session for the chosen period, started when there is none; settings saved into it. */
  async function ensureSession(): Promise<Session | null> {
    if (!store.current) return null;
    if (session && session.period === period) {
      if (JSON.stringify(session.settings.config) !== JSON.stringify(config)) await save('the settings', (s) => s.saveSettings(session.id, actor, settingsOf(config)));
      return store.current.getSession(session.id).catch(() => session);
    }
    try {
      const opened = await store.current.openSession(host.workbookId, period, settingsOf(config), actor);
      if (opened.resumed && JSON.stringify(opened.session.settings.config) !== JSON.stringify(config)) {
        const next = await store.current.saveSettings(opened.session.id, actor, settingsOf(config));
        setSession(next);
        await refreshTrail(next.id);
        return next;
      }
      setSession(opened.session);
      await refreshTrail(opened.session.id);
      return opened.session;
    } catch (e) {
      notify({ intent: 'error', title: 'The session could not be saved', text: explainStorageError(e).message });
      return null;
    }
  }

  const items: readonly StoredReconcilingItem[] = session?.period === period ? session.reconcilingItems : [];

  async function runReconciliation(): Promise<void> {
    if (!parsed.ok) {
      notify({ intent: 'error', title: 'The settings need attention', text: parsed.problems.join('; ') });
      setStep('settings');
      return;
    }
    const s = await ensureSession();
    let read: SheetData[];
    try {
      read = await readUserSheets(host.port, (sheet, fraction) => setRun({ state: 'reading', sheet, fraction }));
    } catch (e) {
      setRun({ state: 'failed', message: `The sheets could not be read: ${(e as Error).message}` });
      return;
    }
    setSheets(read);
    const startedAt = performance.now();
    setRun({ state: 'running', stage: 'validating', startedAt });
    setAnnounce('Reconciliation started');
    const stored = s?.reconcilingItems ?? items;
    const outcome = await client.current!.run(
      { kind: 'reconcile', file: host.fileName, sheets: read, period, config, userItems: toUserItems(stored), matchSuspense: true },
      (stage) => setRun({ state: 'running', stage, startedAt }),
    );
    const ms = Math.round(performance.now() - startedAt);
    if (outcome.kind === 'cancelled') {
      setRun({ state: 'cancelled' });
      setAnnounce('Reconciliation cancelled');
      return;
    }
    if (outcome.kind === 'input-error') {
      setRun({ state: 'input-error', issues: outcome.issues, problems: outcome.problems });
      setAnnounce('The reconciliation stopped: the input has problems');
      return;
    }
    if (outcome.kind !== 'result') {
      setRun({ state: 'failed', message: outcome.kind === 'failure' ? outcome.message : 'unexpected answer from the engine' });
      return;
    }
    const at = new Date().toISOString();
    setRun({ state: 'done', result: outcome.result, issues: outcome.issues, sources: outcome.sources, ms, at, suspense: outcome.suspense ?? null });
    setAuditWritten(null);
    if (outcome.suspense) {
      // Decisions already made on items still in suspense carry over to the new run.
      const fresh = reviewQueue(outcome.suspense.matches, outcome.suspense.items);
      const saved = s?.suspenseReview?.resolutions ?? {};
      const kept: Record<string, Resolution> = {};
      for (const e of fresh.entries) {
        const r = saved[e.item];
        if (r) kept[e.item] = r;
      }
      setReview({ ...fresh, resolutions: kept });
    } else setReview(null);
    setAnnounce(`Reconciliation finished: ${outcome.result.status}`);
    // The result comes first; the sources' fingerprints follow (the session and the pack need them).
    const follow = outcome.fingerprintsFollow ? client.current!.fingerprints(outcome.id).then((f) => f?.sources ?? null) : Promise.resolve(outcome.sources);
    fingerprinted.current = follow;
    setStep('review');
    const sources = await follow;
    if (!sources) return;
    setRun((prev) => (prev.state === 'done' && prev.at === at ? { ...prev, sources } : prev));
    if (s) {
      const fingerprints = Object.fromEntries(sources.map((x) => [x.sheet, x.sha256]));
      await save('the run', (st) =>
        st.recordRun(s.id, actor, fingerprints, { status: outcome.result.status, difference: outcome.result.difference, unexplained: outcome.result.unexplained, ms }),
      );
    }
  }

  const result = run.state === 'done' ? withUserItems(run.result, toUserItems(items)) : null;

  async function saveItems(next: readonly StoredReconcilingItem[]): Promise<boolean> {
    const s = await ensureSession();
    if (!s) {
      notify({ intent: 'warning', title: 'Reconciling items are not being saved', text: 'Storage is not available here; export the session before closing.' });
      return false;
    }
    return save('the reconciling items', (st) => st.saveReconcilingItems(s.id, actor, next));
  }

  async function reviewAction(command: ReviewCommand): Promise<void> {
    if (!review) return;
    const action = (command.type === 'undo' ? command : { ...command, by: name.trim(), at: new Date().toISOString() }) as ReviewAction;
    const outcome = applyReview(review, action);
    if (outcome.refused) {
      notify({ intent: 'warning', title: 'Nothing changed', text: `${outcome.refused[0]?.toUpperCase()}${outcome.refused.slice(1)}.` });
      return;
    }
    setReview(outcome.state);
    setAnnounce(command.type === 'undo' ? 'Undone' : 'Decision recorded');
    const s = await ensureSession();
    if (s) {
      const detail = 'item' in command ? { item: command.item, ...('account' in command ? { account: command.account } : {}) } : {};
      await save('the suspense decision', (st) => st.saveSuspenseReview(s.id, actor, outcome.state, `suspense.${command.type}`, detail));
    }
  }

  async function searchAccounts(query: string): Promise<readonly AccountHit[]> {
    const outcome = await client.current!.run({ kind: 'search-accounts', query });
    if (outcome.kind === 'accounts') return outcome.hits;
    notify({ intent: 'warning', title: 'Search unavailable', text: outcome.kind === 'failure' ? outcome.message : 'Run the reconciliation again, then search.' });
    return [];
  }

  async function writePack(current: Session | null = session): Promise<void> {
    if (run.state !== 'done' || !result) return;
    try {
      const extra = [];
      if (run.suspense) {
        if (review) extra.push(journalSheet(reviewJournal(review, run.suspense.items, engineConfig.glSuspenseAccount)));
        extra.push(ageingSheet(suspenseAgeing(run.suspense.items, result.period.end, engineConfig.suspenseAgeLimitDays, run.suspense.matches)));
      }
      // The pack records each source's fingerprint: wait for them if they are still coming.
      const sources = (await fingerprinted.current) ?? null;
      if (!sources) throw new Error('the sources were not fingerprinted (the run was cancelled); run the reconciliation again');
      const written = await writeAuditPack(host, { result, config: engineConfig, sources, issues: run.issues, runAt: run.at, signOffs: current?.signOffs ?? [], extra });
      setAuditWritten(new Date().toISOString());
      host.onWorkbookChanged?.();
      notify({ intent: 'success', title: 'Audit pack written', text: `${written.length} sheets (${written.join(', ')}) were written into the workbook; your own sheets were not changed.` });
      if (current) await save('the trail', (st) => st.record(current.id, actor, 'audit-pack.written', { sheets: written, status: result.status, unexplained: result.unexplained }));
    } catch (e) {
      notify({ intent: 'error', title: 'The audit pack was not written', text: `${(e as Error).message}. The workbook is as it was before.` });
    }
  }

  async function signOff(role: 'preparer' | 'reviewer', who: string): Promise<void> {
    const s = await ensureSession();
    if (!s || !store.current) {
      notify({ intent: 'error', title: 'Sign-off needs saved sessions', text: 'Storage is not available here, so a sign-off cannot be recorded.' });
      return;
    }
    try {
      const next = await store.current.signOff(s.id, role, who);
      setSession(next);
      await refreshTrail(next.id);
      notify({ intent: 'success', title: role === 'preparer' ? 'Prepared' : 'Reviewed', text: `Signed by ${who.trim()} at ${ukDateTime(new Date().toISOString())}.` });
      // The sign-off belongs in the audit pack: write it again when it is already there.
      if (auditWritten) await writePack(next);
    } catch (e) {
      notify({ intent: 'error', title: 'Sign-off refused', text: explainStorageError(e).message });
    }
  }

  async function showInSheet(sheet: string, row: number, col = 1): Promise<void> {
    try {
      await host.selectCell(sheet, row, col);
      setAnnounce(`Selected sheet ${sheet}, row ${row}`);
    } catch (e) {
      notify({ intent: 'error', title: 'Could not show the cell', text: `${sheet} row ${row}: ${(e as Error).message}` });
    }
  }

  function changeName(next: string): void {
    setName(next);
    try {
      localStorage.setItem('housing-ledger.name', next);
    } catch {
      /* the name is remembered where storage allows */
    }
  }

  if (load.state === 'loading') {
    return (
      <main className={styles.root} aria-busy="true" aria-labelledby="hl-title">
        <Title3 as="h1" id="hl-title">Housing Ledger</Title3>
        <ProgressBar {...(load.fraction !== undefined ? { value: load.fraction } : {})} thickness="large" aria-label="Reading the workbook" />
        <Body1 role="status">{load.text}</Body1>
      </main>
    );
  }
  if (load.state === 'error') {
    return (
      <main className={styles.root} aria-labelledby="hl-title">
        <Title3 as="h1" id="hl-title">Housing Ledger</Title3>
        <MessageBar intent="error">
          <MessageBarBody>{load.text}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }

  return (
    <main className={styles.root} aria-labelledby="hl-title">
      <header>
        <Title3 as="h1" id="hl-title" block>
          Housing Ledger
        </Title3>
        <Caption1 block>
          {host.fileName}
          {period ? ` · ${monthLabel(period)}` : ''}
          {session ? ' · session saved' : ''}
        </Caption1>
      </header>
      <div className={styles.live} aria-live="polite" role="status">
        {announce}
      </div>
      {notices.length > 0 && (
        <section aria-label="Messages" className={styles.notices}>
      {notices.map((n) => (
        <MessageBar key={n.title} intent={n.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle> {n.text}
          </MessageBarBody>
          <Button size="small" appearance="transparent" onClick={() => setNotices((all) => all.filter((x) => x !== n))} aria-label={`Dismiss: ${n.title}`}>
            Dismiss
          </Button>
        </MessageBar>
      ))}
        </section>
      )}
      <div role="group" aria-label="Task" className={styles.steps}>
        <Button size="small" appearance={mode === 'month-end' ? 'primary' : 'secondary'} aria-pressed={mode === 'month-end'} onClick={() => setMode('month-end')}>
          Month-end reconciliation
        </Button>
        <Button size="small" appearance={mode === 'payments' ? 'primary' : 'secondary'} aria-pressed={mode === 'payments'} onClick={() => setMode('payments')}>
          Payment files
        </Button>
      </div>
      {mode === 'payments' && <PaymentsPanel sheets={sheets} workbookFile={host.fileName} config={engineConfig} store={store.current} />}
      {mode === 'month-end' && (
      <>
      <nav aria-label="Steps">
        <ol className={styles.steps}>
          {STEPS.map((s) => (
            <li key={s.id}>
              <Button
                size="small"
                appearance={s.id === step ? 'primary' : 'subtle'}
                aria-current={s.id === step ? 'step' : undefined}
                disabled={(s.id === 'review' || s.id === 'suspense' || s.id === 'signoff') && run.state !== 'done'}
                onClick={() => setStep(s.id)}
              >
                {s.label}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      {step === 'sources' && (
        <SourcesStep
          sheets={sheets}
          assignment={assignment}
          config={config}
          onConfig={setConfig}
          runIssues={run.state === 'done' || run.state === 'input-error' ? run.issues : []}
          onShow={showInSheet}
          onNext={() => setStep('settings')}
        />
      )}
      {step === 'settings' && (
        <SettingsStep
          period={period}
          onPeriod={setPeriod}
          config={config}
          onConfig={setConfig}
          problems={parsed.ok ? [] : parsed.problems}
          name={name}
          onName={changeName}
          profiles={profiles}
          onSaveProfile={async (profileName) => {
            if (await save('the profile', (st) => st.saveProfile(profileName, settingsOf(config)))) {
              setProfiles((await store.current?.profiles()) ?? []);
              notify({ intent: 'success', title: 'Profile saved', text: `‘${profileName.trim()}’ can be applied to any workbook from now on.` });
            }
          }}
          onNext={() => setStep('run')}
        />
      )}
      {step === 'run' && (
        <RunStep
          run={run}
          period={period}
          onRun={() => void runReconciliation()}
          onCancel={() => client.current?.cancel()}
          onShow={showInSheet}
          onSettings={() => setStep('settings')}
        />
      )}
      {step === 'review' && result && run.state === 'done' && (
        <ReviewStep result={result} ms={run.ms} assignment={assignment} items={items} owner={actor} onItems={saveItems} onShow={showInSheet} onNext={() => setStep('suspense')} />
      )}
      {step === 'suspense' &&
        (review ? (
          <SuspenseStep state={review} reviewer={name} onAction={(a) => void reviewAction(a)} onSearch={searchAccounts} onNext={() => setStep('signoff')} />
        ) : (
          <section aria-label="Suspense review">
            <Body1 block>This workbook has no suspense items sheet (or no rent roll), so there is nothing to review.</Body1>
            <Button appearance="primary" onClick={() => setStep('signoff')}>
              Next: Audit pack and sign-off
            </Button>
          </section>
        ))}
      {step === 'signoff' && result && (
        <SignOffStep
          result={result}
          session={session}
          trail={trail}
          auditWritten={auditWritten}
          defaultName={name}
          storeAvailable={store.current !== null}
          onWrite={() => void writePack()}
          onSignOff={signOff}
          onExport={async () => (session && store.current ? store.current.exportSession(session.id) : null)}
          onImport={async (text) => {
            if (!store.current) return;
            try {
              const imported = await store.current.importSession(text, actor, { replace: true });
              setPeriod(imported.period);
              setConfig(configOf(imported.settings));
              setSession(await store.current.getSession(imported.id));
              await refreshTrail(imported.id);
              notify({ intent: 'success', title: 'Session imported', text: `${monthLabel(imported.period)}: run again to see its figures.` });
            } catch (e) {
              notify({ intent: 'error', title: 'The session file was not imported', text: `${explainStorageError(e).message} Nothing was changed.` });
            }
          }}
        />
      )}
      </>
      )}
    </main>
  );
}

function readName(): string {
  try {
    return localStorage.getItem('housing-ledger.name') ?? '';
  } catch {
    return '';
  }
}

function previousMonth(): string {
  const d = new Date();
  const m = d.getMonth() === 0 ? 12 : d.getMonth();
  const y = d.getMonth() === 0 ? d.getFullYear() - 1 : d.getFullYear();
  return `${y}-${String(m).padStart(2, '0')}`;
}
