/**
 * The Direct Debits mode: the mandate register, the day's run and the reports that come back, all
 * through the engine's dd jobs in the worker (dd-register, dd collect, dd report), the same jobs as
 * the CLI. The register and the import ledger live in the pane's IndexedDB store; the modulus data
 * and bank holidays ship with the page. The run reads the workbook's rent roll (through the
 * worker's 'load-roll', as the CLI's --accounts) unless the person unticks it, and takes the unpaids
 * a report found re-presentable (ARUDD reason 0 within a month) as the CLI's --represent: queued in
 * the store by workbook (useRepresentationQueue), so a reload keeps them, and closed as collected
 * once the run's Bacs file is downloaded. This component wires state to the three views.
 */
import { Body1, Button, Field, MessageBar, MessageBarBody, Select, Subtitle2 } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { DdCollectResult } from '../../engine/jobs/dd-collect';
import { registerCsvText } from '../../engine/jobs/dd-register';
import type { DdReportResult } from '../../engine/jobs/dd-report';
import type { ImportLedgerEntry } from '../../engine/payments/import-ledger';
import type { LedgerStore } from '../../store/ledger-store';
import { MandateStore } from '../../store/mandate-store';
import { readUserSheets } from '../../workbook/user-sheets';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { downloadFile } from '../download';
import type { PaneHost } from '../host';
import { fetchDdData, reportText, type DdData } from './dd-data';
import { RegisterView } from './RegisterView';
import { ReportsView } from './ReportsView';
import { RepresentationQueueView } from './RepresentationQueueView';
import { RunView, type RunSettings } from './RunView';
import { useDdRegister } from './useDdRegister';
import { useRepresentationQueue } from './useRepresentationQueue';
import { useDdStyles } from './styles';

export interface DdPanelProps {
  /** The workbook id keys the re-presentation queue (the file name where a host gives none). */
  readonly host: Pick<PaneHost, 'port' | 'fileName'> & Partial<Pick<PaneHost, 'workbookId'>>;
  readonly store: LedgerStore | null;
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
  readonly actor: string;
  /** The shipped data; fetched from the page's own origin unless given (tests). */
  readonly loadData?: () => Promise<DdData>;
  /** Today (YYYY-MM-DD) and now (ISO) from the person's machine: the day a change is recorded on, never a timing rule. */
  readonly now?: () => Date;
  /** The config file's JSON (how the rent roll's columns are read); the defaults when absent. */
  readonly config?: unknown;
}

type View = 'register' | 'run' | 'reports';
const failed = (out: WorkerOutcome): string => (out.kind === 'failure' ? out.message : `unexpected answer ${out.kind}`);

export function DdPanel({ host, store, send, actor, loadData = fetchDdData, now = () => new Date(), config = {} }: DdPanelProps) {
  const styles = useDdStyles();
  const [data, setData] = useState<DdData | null>(null);
  const [region, setRegion] = useState<'englandAndWales' | 'scotland'>('englandAndWales');
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<View>('register');
  const [sheets, setSheets] = useState<string[]>([]);
  const mandateStore = useMemo(() => (store ? new MandateStore(store.db) : null), [store]);
  const holidays = data?.holidays[region] ?? '';
  const register = useDdRegister(mandateStore, send, data, holidays, actor, setProblem);
  const today = () => now().toISOString().slice(0, 10);
  const [settings, setSettings] = useState<RunSettings>({ processingDay: today(), sun: '', originator: '', serviceUserName: '', fileNumber: '1' });
  const [run, setRun] = useState<DdCollectResult | null>(null);
  const [recorded, setRecorded] = useState(false);
  const [report, setReport] = useState<{ name: string; result: DdReportResult } | null>(null);
  const [applied, setApplied] = useState(false);
  // Where the browser keeps no store, the reports applied in this sitting still refuse a second time.
  const [memoryLedger, setMemoryLedger] = useState<readonly ImportLedgerEntry[]>([]);
  const [useRoll, setUseRoll] = useState(true);
  // The unpaids the person chose to re-present in the next run (from an applied ARUDD), kept in the store.
  const queue = useRepresentationQueue(store?.db ?? null, host.workbookId ?? host.fileName, actor, now, setProblem);
  const [represented, setRepresented] = useState(false);
  const rollAvailable = sheets.length > 0;

  useEffect(() => {
    loadData().then(setData, (e: Error) => setProblem(`The modulus data and bank holidays could not be loaded: ${e.message}`));
    host.port.listSheets().then((s) => setSheets(s.map((x) => x.name)), () => setSheets([]));
  }, [host]);

  const registerText = () => registerCsvText(register.mandates.map((m) => m.row));

  async function importCsv(file: File): Promise<void> {
    setProblem(null);
    await register.importRegister({ kind: 'csv', text: await file.text() }, file.name);
  }

  async function importSheet(name: string): Promise<void> {
    setProblem(null);
    await register.importRegister({ kind: 'sheet', sheet: await host.port.readSheet(name) }, `the sheet ‘${name}’`);
  }

  /** The workbook's rent roll, read whole as it is now and kept by the worker for the run; a problem in words, or null. */
  async function loadRoll(): Promise<string | null> {
    const out = await send({ kind: 'load-roll', file: host.fileName, sheets: await readUserSheets(host.port), config });
    if (out.kind === 'roll') return null;
    const why = out.kind === 'input-error' ? out.problems.join('; ') : failed(out);
    return `The rent roll could not be read (${why}). Put it right, or untick ‘Check against the workbook’s rent roll’ to run without it.`;
  }

  async function collect(): Promise<void> {
    if (!data) return;
    setProblem(null);
    setRecorded(false);
    const withRoll = useRoll && rollAvailable;
    if (withRoll) {
      const rollProblem = await loadRoll().catch((e: Error) => e.message);
      if (rollProblem) return setProblem(rollProblem);
    }
    const out = await send({
      kind: 'dd-collect',
      input: {
        register: { kind: 'csv', text: registerText() },
        processingDay: settings.processingDay,
        sun: settings.sun,
        originator: settings.originator,
        serviceUserName: settings.serviceUserName,
        modulus: data.modulus,
        holidays,
        representations: queue.forRun(),
        fileNumber: /^\d{1,3}$/.test(settings.fileNumber) ? Number(settings.fileNumber) : 1,
        by: actor,
      },
      withRoll,
      config,
    });
    if (out.kind !== 'dd-collected') return setProblem(failed(out));
    setRun(out.result);
  }

  async function readReport(file: File): Promise<void> {
    setProblem(null);
    setApplied(false);
    setRepresented(false);
    const ledger = store ? await store.imports() : memoryLedger;
    const out = await send({ kind: 'dd-report', reportText: await reportText(file), fileName: file.name, register: { kind: 'csv', text: registerText() }, ledger, importedAt: now().toISOString(), by: actor, withRoll: false });
    if (out.kind !== 'dd-reported') return setProblem(failed(out));
    setReport({ name: file.name, result: out.result });
  }

  async function applyReport(): Promise<void> {
    const entry = report?.result.ledger?.entries.at(-1);
    if (!report || !entry) return;
    try {
      if (store) await store.recordImport(entry);
      else setMemoryLedger([...memoryLedger, entry]);
    } catch (e) {
      setProblem((e as Error).message);
      return;
    }
    await register.applyChanges(report.result.changes);
    setApplied(true);
  }

  const csv = (name: string, text: string) => downloadFile(name, text, 'text/csv;charset=utf-8');
  const base = report?.name.replace(/\.[^.]+$/, '') ?? 'report';
  return (
    <section aria-labelledby="hl-dd" className={styles.box}>
      <Subtitle2 as="h2" id="hl-dd">
        Direct Debits
      </Subtitle2>
      <Body1>The register, the day’s Bacs file and the reports that come back. Everything is read and checked in this browser; bank details leave it only in the Bacs file.</Body1>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {!store && (
        <MessageBar intent="warning">
          <MessageBarBody>This browser does not keep the register here: import it again next time.</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row} role="group" aria-label="Direct Debit views">
        {(['register', 'run', 'reports'] as const).map((v) => (
          <Button key={v} size="small" appearance={view === v ? 'primary' : 'secondary'} aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'register' ? 'Register' : v === 'run' ? 'Day’s run' : 'Reports in'}
          </Button>
        ))}
        <Field label="Bank holidays" className={styles.grow}>
          <Select value={region} onChange={(_, d) => setRegion(d.value as typeof region)}>
            <option value="englandAndWales">England and Wales</option>
            <option value="scotland">Scotland</option>
          </Select>
        </Field>
      </div>
      {data === null && !problem && <Body1>Loading the modulus data and bank holidays…</Body1>}
      {data && view === 'register' && <RegisterView register={register} sheets={sheets} onCsv={importCsv} onSheet={importSheet} today={today} />}
      {data && view === 'run' && (
        <RunView
          settings={settings}
          onSettings={setSettings}
          result={run}
          onRun={collect}
          onDownloadBacs={() => {
            if (!run?.bacsText || !run.processingDay) return;
            downloadFile(`bacs-${run.processingDay}.txt`, run.bacsText, 'text/plain;charset=us-ascii');
            // The file is made and in the person's hands: its re-presentations leave the queue.
            void queue.collected(run, run.processingDay);
          }}
          onDownloadNotices={() => run && csv(`dd-notices-${run.processingDay ?? ''}.csv`, run.noticesCsv)}
          onRecordLodgements={async () => {
            if (!run) return;
            await register.applyChanges(run.changes);
            setRecorded(true);
          }}
          lodgementsRecorded={recorded}
          useRoll={useRoll && rollAvailable}
          rollAvailable={rollAvailable}
          onUseRoll={setUseRoll}
          queue={<RepresentationQueueView queue={queue.queue} processingDay={settings.processingDay} onWithdraw={() => void queue.withdrawAll()} />}
        />
      )}
      {data && view === 'reports' && (
        <ReportsView
          fileName={report?.name ?? null}
          preview={report?.result ?? null}
          applied={applied}
          onFile={readReport}
          onApply={applyReport}
          represented={represented}
          onRepresent={async () => {
            await queue.add(report?.result.representations ?? []);
            setRepresented(true);
          }}
          onDownload={(what) => report && csv(`${base}-${what}.csv`, what === 'postings' ? report.result.postingsCsv : what === 'actions' ? report.result.actionsCsv : report.result.mandatesCsv)}
        />
      )}
    </section>
  );
}
