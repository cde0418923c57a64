/**
 * The Factoring mode's state: the dry run (through the worker, the same job as the CLI), the sample
 * marks and sign-off, the approval and the release. The rules are the engine's: this hook only keeps
 * what the person has done and asks the jobs.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import type { ActionEvent, ApprovalsConfig } from '../../engine/approvals';
import { approveRun, requestRunApproval, runApprovalState } from '../../engine/factoring/approval';
import { markBill, SAMPLE_PROBLEM_TEXT, signOffSample, type SampleMark, type SampleState } from '../../engine/factoring/sample-check';
import { newSample, runToApprove, type FactoringDryRun, type ReleasedOutputs } from '../../engine/jobs/factoring-bill';
import type { FactoringRunStore } from '../../store/factoring-runs';
import type { FactoringRequest, FactoringResponse } from '../../worker/factoring-request';

/** Sends a factoring request to the worker (or, in tests, straight to the handler). */
export type RunFactoring = (request: Omit<FactoringRequest, 'id' | 'kind'>) => Promise<FactoringResponse | null>;

export interface FactoringState {
  readonly busy: boolean;
  readonly problems: readonly string[];
  readonly dry: FactoringDryRun | null;
  readonly sample: SampleState | null;
  /** The approval engine's log for this workbook's runs (issue 14). */
  readonly actions: readonly ActionEvent[];
  readonly released: ReleasedOutputs | null;
  readonly blockers: readonly string[];
}

const EMPTY: FactoringState = { busy: false, problems: [], dry: null, sample: null, actions: [], released: null, blockers: [] };

/** `readSheets` reads the workbook's sheets when a run needs them (the pane keeps only their tops). */
export function useFactoring(run: RunFactoring, file: string, readSheets: () => Promise<readonly SheetData[]>, config: unknown, approvals: ApprovalsConfig, store?: FactoringRunStore) {
  const [state, setState] = useState<FactoringState>(EMPTY);
  const [quarter, setQuarter] = useState('');
  const [preparedBy, setPreparedBy] = useState('');

  const dryRun = useCallback(async () => {
    setState((s) => ({ ...s, busy: true }));
    const r = await run({ file, sheets: await readSheets(), quarter, config });
    if (!r) return setState((s) => ({ ...s, busy: false }));
    const dry = r.dry;
    // What this workbook's quarter went through before (a reload keeps marks and approvals): the same
    // dry run resumes its sample; a changed one draws a new sample, and the log keeps its history.
    const stored = store ? await store.load(quarter).catch(() => null) : null;
    let actions = stored?.actions ?? state.actions;
    const resumed = stored && dry?.ok && stored.digest === dry.digest ? stored.sample : null;
    const blockers: string[] = [];
    if (dry?.ok && runApprovalState(actions, runToApprove(dry), approvals) === null) {
      const asked = requestRunApproval(actions, runToApprove(dry), preparedBy, new Date().toISOString(), approvals);
      if (asked.ok) actions = [...actions, ...asked.events];
      else blockers.push(asked.message);
    }
    setState({ ...EMPTY, problems: r.problems, dry, sample: resumed ?? (dry?.ok ? newSample(dry) : null), actions, blockers });
  }, [run, file, readSheets, quarter, config, approvals, preparedBy, state.actions, store]);

  // Every change to the sample or the log is kept for this workbook and quarter.
  useEffect(() => {
    const { dry, sample, actions } = state;
    if (!store || !dry?.ok || !sample) return;
    void store.save({ quarter: dry.quarter, digest: dry.digest, preparedBy, sample, actions }).catch(() => undefined);
  }, [store, state.dry, state.sample, state.actions, preparedBy]);

  const mark = useCallback((m: SampleMark): string | null => {
    if (!state.sample) return 'run the dry run first';
    const r = markBill(state.sample, m);
    if (r.problem) return SAMPLE_PROBLEM_TEXT[r.problem];
    setState((s) => ({ ...s, sample: r.state }));
    return null;
  }, [state.sample]);

  const signOff = useCallback((by: string, at: string): string | null => {
    if (!state.sample) return 'run the dry run first';
    const r = signOffSample(state.sample, by, at);
    if (r.problem) return SAMPLE_PROBLEM_TEXT[r.problem];
    setState((s) => ({ ...s, sample: r.state }));
    return null;
  }, [state.sample]);

  const approve = useCallback((by: string, at: string): string | null => {
    if (!state.dry) return 'run the dry run first';
    const r = approveRun(state.actions, runToApprove(state.dry), by, at, approvals);
    if (!r.ok) return r.message;
    setState((s) => ({ ...s, actions: [...s.actions, ...r.events] }));
    return null;
  }, [state.dry, state.actions, approvals]);

  const release = useCallback(async () => {
    if (!state.sample) return;
    setState((s) => ({ ...s, busy: true }));
    // The sheets are read again: a register changed since the dry run is another run, and is refused.
    const r = await run({ file, sheets: await readSheets(), quarter, config, release: { sample: state.sample, actions: state.actions } });
    const rel = r?.release ?? null;
    // A register changed since the dry run gives another digest: the job refuses, and says so.
    setState((s) => ({ ...s, busy: false, released: rel?.released ? rel.outputs : null, blockers: rel && !rel.released ? rel.blockers : [] }));
  }, [run, file, readSheets, quarter, config, state.sample, state.actions]);

  const approval = state.dry ? runApprovalState(state.actions, runToApprove(state.dry), approvals) : null;
  return { state, approval, quarter, setQuarter, preparedBy, setPreparedBy, dryRun, mark, signOff, approve, release };
}
