/**
 * The task pane: a step flow over one workbook (Sources, Settings, Run, Review, Suspense, Sign-off)
 * and the payment files, the same in Excel and on the standalone page. This component only wires
 * the hooks (settings, session, engine run, suspense review, audit pack) to the steps; the rules are
 * the engine's, run in the worker. It is about 400 lines because it is the one place the modes and
 * steps are composed (each step, mode and hook lives in its own file); what it grows next goes there.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { withUserItems } from '../../engine/reconcile/user-items';
import { describeReviewChanges } from '../../engine/signoff/describe-review';
import { describeItemChange, signOffLines, stands, VOID_TEXT } from '../../engine/signoff/bound-signoffs';
import { assignRoles } from '../../engine/sources/detect';
import { periodToOffer } from '../../engine/sources/guess-period';
import type { Session, StoredReconcilingItem } from '../../store/schema';
import { readUserSheets } from '../../workbook/user-sheets';
import { FactoringPanel } from '../factoring/FactoringPanel';
import type { PaneHost } from '../host';
import { useAuditPack, type PackProgress } from '../hooks/useAuditPack';
import { useBoundSignOffs } from '../hooks/useBoundSignOffs';
import { useEngineRun } from '../hooks/useEngineRun';
import { useNotices } from '../hooks/useNotices';
import { usePaneSettings } from '../hooks/usePaneSettings';
import { useSession } from '../hooks/useSession';
import { useSheetTops } from '../hooks/useSheetTops';
import { useSourceCheck } from '../hooks/useSourceCheck';
import { useSuggestionDecisions } from '../hooks/useSuggestionDecisions';
import { useStepFocus } from '../hooks/useStepFocus';
import { useSuspenseReview } from '../hooks/useSuspenseReview';
import { useWorkbookSession } from '../hooks/useWorkbookSession';
import { SessionConflictCard } from './SessionConflictCard';
import { SourcesChangedBar } from './SourcesChangedBar';
import { useConfirm } from './ConfirmDialog';
import { formatGBP, type Pence } from '../../engine/money';
import { configOf, localToday, monthLabel, settingsOf, toUserItems, type ConfigJson } from '../model';
import { STEPS, type ReviewCommand, type StepId } from '../pane-state';
import { DdPanel } from '../dd/DdPanel';
import { Notices } from './Notices';
import { PackProgressBar } from './PackProgressBar';
import { PaymentsPanel } from './PaymentsPanel';
import { AccountActionsMode } from '../actions/AccountActionsMode';
import { ReviewStep } from './ReviewStep';
import { RunStep } from './RunStep';
import { SettingsStep } from './SettingsStep';
import { SignOffStep } from './SignOffStep';
import { SourcesStep } from './SourcesStep';
import { SuspenseStep } from './SuspenseStep';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: '300px', boxSizing: 'border-box' },
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: 'none' },
});

/** The pane's modes, in the order their buttons show (a mode is drawn whole when chosen: a transition). */
const MODES = [['month-end', 'Month-end reconciliation'], ['payments', 'Payment files'], ['direct-debits', 'Direct Debits'], ['account-actions', 'Account actions'], ['factoring', 'Factoring']] as const;
type Mode = (typeof MODES)[number][0];

/** No reconciling items (one array, so what is computed from the items is not recomputed each render). */
const NO_ITEMS: readonly StoredReconcilingItem[] = [];

export function Pane({ host }: { readonly host: PaneHost }) {
  const styles = useStyles();
  const [step, showStep] = useState<StepId>('sources');
  // A step is drawn whole when it is shown: as a transition, React yields to the page meanwhile.
  const setStep = (next: StepId) => startTransition(() => showStep(next));
  useStepFocus(step);
  const [mode, setMode] = useState<Mode>('month-end');
  const { notices, announce, notify, dismiss, setAnnounce } = useNotices();
  const settings = usePaneSettings();
  const { config, period, name, actor, parsed, engineConfig } = settings;
  const tops = useSheetTops(host);
  const sessions = useSession(host, notify);
  const engine = useEngineRun(host, setAnnounce);
  const suspense = useSuspenseReview(engine.request, notify);
  const pack = useAuditPack(host, engine.request, notify);
  const inBook = useWorkbookSession(host, sessions, engine.request, notify);
  const sourceCheck = useSourceCheck(host, engine.request, setAnnounce);
  const { confirm, dialog } = useConfirm();
  const { session } = sessions;
  const { run } = engine;

  const assignment = useMemo(() => assignRoles(host.fileName, tops.sheets, engineConfig), [host.fileName, tops.sheets, engineConfig]);
  const items: readonly StoredReconcilingItem[] = session?.period === period ? session.reconcilingItems : NO_ITEMS;
  // Once per change of the run or the items, not per render: every step downstream keys on it.
  const runResult = run.state === 'done' ? run.result : null;
  const result = useMemo(() => runResult && withUserItems(runResult, toUserItems(items)), [runResult, items]);

  // What a signature binds to (issue 11), and the change a void names.
  const { digest, lastChange } = useBoundSignOffs({ run, result, config: parsed.ok ? engineConfig : null, resolutions: suspense.review?.resolutions ?? null, period, actor, sessions, signing: step === 'signoff' });

  // Start: open the store, read the top of each sheet, resume the workbook's latest session.
  useEffect(() => {
    let live = true;
    void (async () => {
      const latest = await sessions.start();
      const read = await tops.read(() => live);
      if (!read || !live) return;
      // The workbook's own copy of the session, when it carries one, newer than this browser's.
      const opened = await inBook.open(latest, actor);
      if (opened.use === 'workbook') {
        settings.setConfig(configOf(opened.session.settings));
        settings.setPeriod(opened.session.period);
      } else if (opened.use === 'conflict') settings.setPeriod(periodToOffer(read, localToday()));
      else if (latest) {
        settings.setConfig(configOf(latest.settings));
        settings.setPeriod(latest.period);
        await sessions.resume(latest, actor);
      } else {
        if (host.initialConfig) settings.setConfig(host.initialConfig as ConfigJson);
        settings.setPeriod(periodToOffer(read, localToday()));
      }
      tops.ready();
      // Resumed: say now, before any run, whether the sources changed since the session was saved.
      const resumed = opened.use === 'workbook' ? opened.session : opened.use === 'conflict' ? null : latest;
      if (resumed && live) void sourceCheck.check(resumed.fingerprints);
    })();
    return () => {
      live = false;
    };
    // Once per host: the hooks' functions change every render, the workbook does not.
  }, [host]);

  const ensureSession = () => sessions.ensure(period, settingsOf(config), actor);
  const suggestions = useSuggestionDecisions({ request: engine.request, replaceResult: engine.replaceResult, sessions, ensureSession, period, actor, lastChange, notify, announce: setAnnounce });

  async function runReconciliation(): Promise<void> {
    if (!parsed.ok) {
      notify({ intent: 'error', title: 'The settings need attention', text: parsed.problems.join('; ') });
      setStep('settings');
      return;
    }
    const s = await ensureSession();
    const ran = await engine.start({ period, config, userItems: toUserItems(s?.reconcilingItems ?? items), carryReview: s ? await sessions.reviewResolutions(s) : null, suggestionDecisions: s?.suggestionDecisions ?? suggestions.decisions });
    if (!ran) return;
    const { done, handed, fingerprinted } = ran;
    sourceCheck.clear(); // the run says it now
    tops.refresh(handed);
    pack.reset();
    suspense.set(done.review);
    // The result is shown (the run step); the run is recorded, and Review opens, once the sources'
    // fingerprints follow it (the session keeps them to tell which sheets changed).
    const sources = await fingerprinted;
    if (s && sources) {
      const fingerprints = Object.fromEntries(sources.map((x) => [x.sheet, x.sha256]));
      const changed = await sessions.changedSince(s, fingerprints);
      if (changed.length) {
        lastChange.current = `source sheets changed: ${changed.join(', ')}`;
        notify({ intent: 'warning', title: 'Source sheets changed since the last run', text: `${changed.map((c) => `‘${c}’`).join(', ')} changed: check that the reconciling items still apply.` });
      }
      const { status, difference, unexplained } = done.result;
      await sessions.save('the run', (st) => st.recordRun(s.id, actor, fingerprints, { status, difference, unexplained, ms: done.ms }));
    }
    if (sources) setStep('review');
  }

  async function saveItems(next: readonly StoredReconcilingItem[]): Promise<boolean> {
    const s = await ensureSession();
    if (!s) {
      notify({ intent: 'warning', title: 'Reconciling items are not being saved', text: 'Storage is not available here; export the session before closing.' });
      return false;
    }
    // Removing an item is destructive (its explanation is lost, signatures go void): ask first.
    const removed = s.reconcilingItems.filter((i) => !next.some((n) => n.ref === i.ref));
    if (removed.length > 0) {
      const refs = removed.map((i) => i.ref).join(', ');
      const signed = s.signOffs.filter((o) => stands(o, digest)).length;
      const ok = await confirm({
        title: `Remove reconciling item ${refs}?`,
        body:
          `${removed.map((i) => `${i.ref}: ${formatGBP(i.amount as Pence)}, ${i.explanation}`).join('; ')}. It no longer explains any of the difference; the trail keeps a record that it was removed.` +
          (signed ? ` The ${signed === 1 ? 'signature' : `${signed} signatures`} given for these figures become void.` : ''),
        action: `Remove ${refs}`,
      });
      if (!ok) return false;
    }
    lastChange.current = describeItemChange(s.reconcilingItems, next);
    return sessions.save('the reconciling items', (st) => st.saveReconcilingItems(s.id, actor, next));
  }

  async function reviewAction(command: ReviewCommand): Promise<void> {
    // An undo that takes back many decisions at once (accept all automatic) asks first.
    const last = command.type === 'undo' ? suspense.lastUndo : null;
    if (last && last.size > 1) {
      const ok = await confirm({
        title: `Undo ${last.size} decisions?`,
        body: `This takes back ${last.action === 'accept-all-automatic' ? 'accepting all automatic allocations' : 'the last step'}: ${last.size} suspense items go back to undecided, all at once.`,
        action: `Undo ${last.size} decisions`,
      });
      if (!ok) return;
    }
    const before = suspense.review;
    lastChange.current = 'a suspense decision';
    const changes = await suspense.act(command, name);
    if (!changes) return;
    // The trail and a voided signature name the item, its amount and the account (engine wording).
    const change = describeReviewChanges(before, changes);
    lastChange.current = change.message;
    setAnnounce(command.type === 'undo' ? 'Undone' : 'Decision recorded');
    // Only the items the action touched are written (one row each), not the queue.
    const s = session?.period === period ? session : await ensureSession();
    if (!s) return;
    const detail = { ...change, ...('item' in command ? { item: command.item } : {}) };
    await sessions.saveReviewChanges(s.id, actor, changes, `suspense.${command.type}`, detail);
  }

  async function searchAccounts(query: string) {
    const found = await engine.search(query);
    if ('hits' in found) return found.hits;
    notify({ intent: 'warning', title: 'Search unavailable', text: found.problem });
    return [];
  }

  async function writePack(current: Session | null = session): Promise<void> {
    if (run.state !== 'done' || !result) return;
    // The Summary shows a name only while its signature stands; a void one, the void notice.
    const lines = signOffLines(current?.signOffs ?? [], digest);
    const packSignOffs = lines.flatMap((l) => (l.signed ? [{ role: l.role, name: l.valid ? l.signed.name : VOID_TEXT, at: l.valid ? l.signed.at : '' }] : []));
    // The session written beside the pack, its trail as it is now: the Summary shows the head it will have.
    const latest = current && sessions.store ? await sessions.store.getSession(current.id).catch(() => current) : current;
    const trail = latest && sessions.store ? await sessions.store.trail(latest.id).catch(() => []) : [];
    const resolutions = suspense.review?.resolutions ?? latest?.carriedResolutions ?? null;
    const suggestionDecisions = latest?.suggestionDecisions ?? suggestions.decisions;
    const book = latest ? { savedAt: new Date().toISOString(), who: actor, config, userItems: toUserItems(latest.reconcilingItems), resolutions, suggestionDecisions, signOffs: latest.signOffs, trail } : null;
    const sheets = await pack.write({ runAt: run.at, userItems: toUserItems(items), signOffs: packSignOffs, suggestionDecisions, ...(book ? { session: book } : {}) });
    if (!sheets || !latest || !book) return;
    await inBook.writeAfterPack(sheets, { session: latest, ...book });
    await sessions.save('the trail', (st) => st.record(latest.id, actor, 'audit-pack.written', { sheets, status: result.status, unexplained: result.unexplained }));
  }

  async function signOff(role: 'preparer' | 'reviewer', who: string, reason: string | null): Promise<void> {
    const next = await sessions.signOff(await ensureSession(), role, who, { digest, status: result?.status ?? 'NOT BALANCED', reason });
    // The sign-off belongs in the audit pack: write it again when it is already there.
    if (next && pack.written) await writePack(next);
  }

  async function chooseCopy(which: 'workbook' | 'working'): Promise<void> {
    const chosen = await inBook.choose(which, actor);
    if (!chosen) return;
    settings.setConfig(configOf(chosen.settings));
    settings.setPeriod(chosen.period);
    if (which === 'working') await sessions.resume(chosen, actor);
    void sourceCheck.check(chosen.fingerprints);
  }

  async function importSession(text: string): Promise<void> {
    const imported = await sessions.importFile(text, actor);
    if (!imported) return;
    settings.setPeriod(imported.period);
    settings.setConfig(configOf(imported.settings));
  }

  async function showInSheet(sheet: string, row: number, col = 1): Promise<void> {
    try {
      await host.selectCell(sheet, row, col);
      setAnnounce(`Selected sheet ${sheet}, row ${row}`);
    } catch (e) {
      notify({ intent: 'error', title: 'Could not show the cell', text: `${sheet} row ${row}: ${(e as Error).message}` });
    }
  }

  if (tops.load.state !== 'ready') {
    const { load } = tops;
    return (
      <main className={styles.root} aria-busy={load.state === 'loading'} aria-labelledby="hl-title">
        <Title3 as="h1" id="hl-title">Housing Ledger</Title3>
        {load.state === 'loading' ? (
          <>
            <ProgressBar {...(load.fraction !== undefined ? { value: load.fraction } : {})} thickness="large" aria-label="Reading the workbook" />
            <Body1 role="status">{load.text}</Body1>
          </>
        ) : (
          <MessageBar intent="error">
            <MessageBarBody>{load.text}</MessageBarBody>
          </MessageBar>
        )}
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
      <Notices notices={notices} announce={announce} onDismiss={dismiss} />
      {sourceCheck.changes && sourceCheck.changes.length > 0 && <SourcesChangedBar changes={sourceCheck.changes} onDismiss={sourceCheck.clear} />}
      {inBook.conflict && <SessionConflictCard conflict={inBook.conflict} onChoose={(w) => void chooseCopy(w)} />}
      <div role="group" aria-label="Task" className={styles.steps}>
        {MODES.map(([m, label]) => (
          <Button key={m} size="small" appearance={mode === m ? 'primary' : 'secondary'} aria-pressed={mode === m} onClick={() => startTransition(() => setMode(m))}>
            {label}
          </Button>
        ))}
      </div>
      {mode === 'direct-debits' && <DdPanel host={host} store={sessions.store} send={engine.request} actor={actor} config={config} />}
      {mode === 'account-actions' && <AccountActionsMode host={host} config={config} store={sessions.store} send={engine.request} />}
      {mode === 'factoring' && (
        <FactoringPanel
          readSheets={() => readUserSheets(host.port)}
          workbookFile={host.fileName}
          config={config}
          approvals={engineConfig.approvals}
          db={sessions.store?.db ?? null}
          workbookId={host.workbookId}
          run={async (r) => {
            const outcome = await engine.request({ kind: 'factoring', ...r });
            return outcome.kind === 'factoring-result' ? outcome : null;
          }}
          runDebt={async (r) => {
            const outcome = await engine.request({ kind: 'factoring-debt', ...r });
            return outcome.kind === 'factoring-debt-result' ? outcome : null;
          }}
          {...(host.downloadWorkbook ? { downloadWorkbook: host.downloadWorkbook } : {})}
          writeSheets={async (specs) => {
            await host.port.writeSheets(specs);
            host.onWorkbookChanged?.();
          }}
        />
      )}
      {mode === 'payments' && <PaymentsPanel host={host} assignment={assignment} config={config} store={sessions.store} send={engine.request} />}
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
              sheets={tops.sheets}
              rowCounts={tops.rowCounts}
              assignment={assignment}
              config={config}
              onConfig={(c) => {
                lastChange.current = 'settings changed';
                settings.setConfig(c);
              }}
              runIssues={run.state === 'done' || run.state === 'input-error' ? run.issues : []}
              onShow={showInSheet}
              onNext={() => setStep('settings')}
            />
          )}
          {step === 'settings' && (
            <SettingsStep
              period={period}
              onPeriod={settings.setPeriod}
              config={config}
              onConfig={(c) => {
                lastChange.current = 'settings changed';
                settings.setConfig(c);
              }}
              problems={parsed.ok ? [] : parsed.problems}
              name={name}
              onName={settings.changeName}
              saved={sessions.saved}
              onSaveAs={(as) => void sessions.saveSettingsAs(as, settingsOf(config))}
              onNext={() => setStep('run')}
            />
          )}
          {step === 'run' && <RunStep run={run} period={period} onRun={() => void runReconciliation()} onCancel={engine.cancel} onShow={showInSheet} onSettings={() => setStep('settings')} />}
          {step === 'review' && result && run.state === 'done' && (
            <ReviewStep result={result} ms={run.ms} assignment={assignment} items={items} owner={actor} onItems={saveItems} onShow={showInSheet} onNext={() => setStep('suspense')} onDecide={(k, to) => void suggestions.decide(k, to)} pendingDecision={suggestions.pending} />
          )}
          {step === 'suspense' &&
            (suspense.review ? (
              <SuspenseStep state={suspense.review} canUndo={suspense.canUndo} reviewer={name} onAction={(a) => void reviewAction(a)} onSearch={searchAccounts} onNext={() => setStep('signoff')} />
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
              trail={sessions.trail}
              auditWritten={pack.written}
              defaultName={name}
              storeAvailable={sessions.store !== null}
              digest={digest}
              onWrite={() => void writePack()}
              packProgress={(pack.progress ?? inBook.progress) && <PackProgressBar progress={pack.progress ?? (inBook.progress as PackProgress)} onCancel={pack.progress ? pack.cancel : inBook.cancel} />}
              onSignOff={signOff}
              onExport={sessions.exportFile}
              onImport={importSession}
            />
          )}
        </>
      )}
      {dialog}
    </main>
  );
}
