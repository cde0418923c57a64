/**
 * The Account actions mode's state: the refund candidates, the log (read from the store), the
 * request form's outcome, and the approved outputs. Every rule is the jobs' (src/engine/jobs/
 * actions-*.ts, refunds-candidates.ts), run through the worker; this hook only gathers input, calls
 * a job, appends what it returns to the store, and keeps what the user sees.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ActionEvent, ActionState } from '../../engine/approvals/types';
import type { SheetData } from '../../engine/cells';
import type { IsoDate } from '../../engine/dates';
import type { ExportFile } from '../../engine/jobs/actions-export';
import type { ActionsJob, ActionsJobResult } from '../../engine/jobs/actions-worker';
import type { ActionDraft } from '../../engine/jobs/actions-request';
import type { BacsSettingsInput } from '../../engine/jobs/actions-export';
import type { RefundCandidate } from '../../engine/actions/refund-candidates';
import type { DdCollectInput } from '../../engine/jobs/dd-collect';
import type { ActionsImportResult } from '../../engine/jobs/actions-import';

/** Where the log lives: the store's actions table for this workbook, or the pane's memory. */
export interface ActionsLogPort {
  load(): Promise<ActionEvent[]>;
  /** Appends, refusing when the log is no longer `judgedOn` (another pane acted). */
  append(judgedOn: readonly ActionEvent[], events: readonly ActionEvent[]): Promise<void>;
}

/** A log kept in memory, for a pane without storage (it lasts as long as the pane). */
export function memoryLog(): ActionsLogPort {
  let events: ActionEvent[] = [];
  return {
    load: () => Promise.resolve([...events]),
    append: (judgedOn, more) => {
      if (judgedOn.length !== events.length || judgedOn.some((e, i) => e.hash !== events[i]?.hash)) return Promise.reject(new Error('the account actions changed while this step ran: look again'));
      events = [...events, ...more];
      return Promise.resolve();
    },
  };
}

export interface AccountActionsDeps {
  readonly fileName: string;
  /** The workbook's sheets as they are now. */
  readonly readSheets: () => Promise<readonly SheetData[]>;
  /** The config file's JSON. */
  readonly config: unknown;
  readonly run: (job: ActionsJob, config: unknown) => Promise<ActionsJobResult>;
  readonly log: ActionsLogPort;
  readonly holidaysText: string;
  readonly now: () => Date;
  /**
   * The Direct Debit mandate register (the Direct Debits mode's store), for the payer-not-tenant and
   * bank-change risks as the CLI's --mandates; null (or absent) when there is none.
   */
  readonly loadRegister?: () => Promise<DdCollectInput['register'] | null>;
}

/** A CLI actions file read and compared with the log, waiting for the person to bring it over. */
export interface ImportPlan {
  readonly fileName: string;
  readonly judgedOn: readonly ActionEvent[];
  readonly result: Extract<ActionsImportResult, { ok: true }>;
}

export interface ActionsNote {
  readonly intent: 'success' | 'error' | 'warning';
  readonly title: string;
  readonly text: string;
}

export function useAccountActions(deps: AccountActionsDeps) {
  const { fileName, readSheets, config, run, log, holidaysText, now, loadRegister = () => Promise.resolve(null) } = deps;
  const [importPlan, setImportPlan] = useState<ImportPlan | null>(null);
  const [events, setEvents] = useState<ActionEvent[]>([]);
  const [states, setStates] = useState<readonly ActionState[]>([]);
  const [candidates, setCandidates] = useState<readonly RefundCandidate[] | null>(null);
  const [note, setNote] = useState<ActionsNote | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async (): Promise<ActionEvent[]> => {
    const loaded = await log.load();
    setEvents(loaded);
    const listed = await run({ job: 'list', log: loaded, status: null }, config);
    if (listed.job === 'list') setStates(listed.result.states);
    return loaded;
  }, [log, run, config]);

  useEffect(() => {
    refresh().catch((e: unknown) => setNote({ intent: 'error', title: 'The account actions could not be read', text: (e as Error).message }));
  }, [refresh]);

  const guard = async (what: string, body: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await body();
    } catch (e) {
      setNote({ intent: 'error', title: `${what} failed`, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const findCandidates = (asOf: IsoDate) =>
    guard('Finding refund candidates', async () => {
      const r = await run({ job: 'candidates', file: fileName, sheets: await readSheets(), asOf, holidaysText, register: await loadRegister() }, config);
      if (r.job === 'config') throw new Error(r.problems.join('; '));
      if (r.job !== 'candidates') return;
      if (!r.result.ok) {
        setNote({ intent: 'error', title: r.result.summary, text: r.result.problems.slice(0, 5).join('; ') });
        return;
      }
      setCandidates(r.result.candidates);
      setNote(null);
    });

  /** The step's events appended to the log the job judged; the store refuses if the log moved on. */
  const step = async (judgedOn: readonly ActionEvent[], r: ActionsJobResult, done: string): Promise<void> => {
    if (r.job === 'config') throw new Error(r.problems.join('; '));
    if (r.job !== 'request' && r.job !== 'decide') return;
    if (!r.result.ok) {
      setNote({ intent: 'error', title: 'Refused', text: [r.result.summary, ...r.result.problems].join(' ') });
      return;
    }
    await log.append(judgedOn, r.result.events);
    setNote({ intent: 'success', title: done, text: r.result.text.split('\n').slice(1).join(' ').trim() });
    await refresh();
  };

  const request = (draft: ActionDraft, reason: string, evidence: readonly string[], by: string) =>
    guard('The request', async () => {
      const judgedOn = await log.load();
      const workbook = draft.kind === 'transfer' ? null : { file: fileName, sheets: await readSheets() };
      const r = await run({ job: 'request', log: judgedOn, draft, reason, evidence, by, at: now().toISOString(), workbook, holidaysText, register: draft.kind === 'refund' ? await loadRegister() : null }, config);
      await step(judgedOn, r, 'Requested: nothing is posted until a different person approves');
    });

  const decide = (id: string, decision: 'approve' | 'reject', by: string, note: string, digest: string) =>
    guard(decision === 'approve' ? 'The approval' : 'The rejection', async () => {
      const judgedOn = await log.load();
      const r = await run({ job: 'decide', log: judgedOn, id, decision, by, at: now().toISOString(), note, digest }, config);
      await step(judgedOn, r, decision === 'approve' ? `Approved ${id}` : `Rejected ${id}`);
    });

  const exportOutputs = async (bacs: BacsSettingsInput | null): Promise<readonly ExportFile[] | null> => {
    let files: readonly ExportFile[] | null = null;
    await guard('The export', async () => {
      const r = await run({ job: 'export', log: await log.load(), from: null, to: null, bacs, holidaysText, at: now().toISOString() }, config);
      if (r.job === 'config') throw new Error(r.problems.join('; '));
      if (r.job !== 'export') return;
      if (!r.result.ok) {
        setNote({ intent: 'error', title: r.result.summary, text: r.result.problems.slice(0, 5).join('; ') });
        return;
      }
      files = r.result.files;
      setNote({ intent: 'success', title: 'Approved outputs ready', text: r.result.text.replace(/\n/g, '; ') });
    });
    return files;
  };

  /** Reads a CLI actions file and compares it with the log: the plan is shown, nothing is saved yet. */
  const readActionsFile = (file: { name: string; text: () => Promise<string> }) =>
    guard('Reading the actions file', async () => {
      setImportPlan(null);
      const judgedOn = await log.load();
      const r = await run({ job: 'import', log: judgedOn, fileName: file.name, fileText: await file.text() }, config);
      if (r.job === 'config') throw new Error(r.problems.join('; '));
      if (r.job !== 'import') return;
      if (!r.result.ok) {
        setNote({ intent: 'error', title: r.result.summary, text: r.result.problems.slice(0, 5).join('; ') });
        return;
      }
      setImportPlan({ fileName: file.name, judgedOn, result: r.result });
      setNote(null);
    });

  /** Brings the plan's actions over: refused when the log moved on since the plan was made. */
  const confirmImport = () =>
    guard('The import', async () => {
      if (!importPlan) return;
      const n = importPlan.result.merge.imported.length;
      await log.append(importPlan.judgedOn, importPlan.result.merge.events);
      setImportPlan(null);
      setNote({ intent: 'success', title: `Brought over ${n} action(s) from ${importPlan.fileName}`, text: importPlan.result.merge.conflicts.length > 0 ? `${importPlan.result.merge.conflicts.length} conflict(s) were left as they are here.` : '' });
      await refresh();
    });

  return { events, states, candidates, note, busy, findCandidates, request, decide, exportOutputs, importPlan, readActionsFile, confirmImport, cancelImport: () => setImportPlan(null), dismiss: () => setNote(null) };
}
