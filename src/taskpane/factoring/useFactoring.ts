/**
 * The Factoring mode's state: the dry run (through the worker, the same job as the CLI), the sample
 * marks and sign-off, the approval and the release. The rules are the engine's: this hook only keeps
 * what the person has done and asks the jobs.
 */
import { useCallback, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import { APPROVAL_PROBLEM_TEXT, approveRun, type RunApproval } from '../../engine/factoring/approval';
import { markBill, SAMPLE_PROBLEM_TEXT, signOffSample, type SampleMark, type SampleState } from '../../engine/factoring/sample-check';
import { newSample, type FactoringDryRun, type ReleasedOutputs } from '../../engine/jobs/factoring-bill';
import type { FactoringRequest, FactoringResponse } from '../../worker/factoring-request';

/** Sends a factoring request to the worker (or, in tests, straight to the handler). */
export type RunFactoring = (request: Omit<FactoringRequest, 'id' | 'kind'>) => Promise<FactoringResponse | null>;

export interface FactoringState {
  readonly busy: boolean;
  readonly problems: readonly string[];
  readonly dry: FactoringDryRun | null;
  readonly sample: SampleState | null;
  readonly approval: RunApproval | null;
  readonly released: ReleasedOutputs | null;
  readonly blockers: readonly string[];
}

const EMPTY: FactoringState = { busy: false, problems: [], dry: null, sample: null, approval: null, released: null, blockers: [] };

export function useFactoring(run: RunFactoring, file: string, sheets: readonly SheetData[], config: unknown) {
  const [state, setState] = useState<FactoringState>(EMPTY);
  const [quarter, setQuarter] = useState('');
  const [preparedBy, setPreparedBy] = useState('');

  const dryRun = useCallback(async () => {
    setState((s) => ({ ...s, busy: true }));
    const r = await run({ file, sheets, quarter, config });
    if (!r) return setState((s) => ({ ...s, busy: false }));
    setState({ ...EMPTY, problems: r.problems, dry: r.dry, sample: r.dry?.ok ? newSample(r.dry) : null });
  }, [run, file, sheets, quarter, config]);

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
    const r = approveRun(state.dry.digest, preparedBy, by, at);
    if ('problem' in r) return APPROVAL_PROBLEM_TEXT[r.problem];
    setState((s) => ({ ...s, approval: r.approval }));
    return null;
  }, [state.dry, preparedBy]);

  const release = useCallback(async () => {
    if (!state.sample) return;
    setState((s) => ({ ...s, busy: true }));
    const r = await run({ file, sheets, quarter, config, release: { sample: state.sample, approval: state.approval } });
    const rel = r?.release ?? null;
    // A register changed since the dry run gives another digest: the job refuses, and says so.
    setState((s) => ({ ...s, busy: false, released: rel?.released ? rel.outputs : null, blockers: rel && !rel.released ? rel.blockers : [] }));
  }, [run, file, sheets, quarter, config, state.sample, state.approval]);

  return { state, quarter, setQuarter, preparedBy, setPreparedBy, dryRun, mark, signOff, approve, release };
}
