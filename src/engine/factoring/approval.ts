/**
 * Approval of a dry run before anything is released, through the approval engine of issue 14
 * (src/engine/approvals): the preparer requests approval of the run, and a different person (the
 * engine's same-person rule, its approver list, limits and second approver) approves it. The request
 * carries the run's digest, so an approval of yesterday's figures never releases today's.
 */
import { actionStates, approveAction, requestAction, type ActionEvent, type ActionRequestBody, type ActionState, type ApprovalsConfig, type StepResult } from '../approvals';
import type { Pence } from '../money';

export const RUN_KIND = 'factoring-bill-run';

export interface RunToApprove {
  readonly quarter: string;
  readonly digest: string;
  readonly billed: Pence;
  readonly owners: readonly string[];
  readonly bills: number;
}

/** One action id per dry run: a changed register is another run and needs its own approval. */
export const runActionId = (run: Pick<RunToApprove, 'quarter' | 'digest'>): string => `factoring-${run.quarter}-${run.digest.slice(0, 16)}`;

function body(run: RunToApprove): ActionRequestBody {
  return {
    kind: RUN_KIND,
    reason: `factoring bills for ${run.quarter}: ${run.bills} bill(s)`,
    evidence: [`dry run ${run.digest}`],
    amount: run.billed,
    accounts: [...new Set(run.owners)].sort(),
    postings: [],
    details: { quarter: run.quarter, runDigest: run.digest },
  };
}

/** The preparer asks for approval of this dry run. */
export function requestRunApproval(log: readonly ActionEvent[], run: RunToApprove, preparedBy: string, at: string, config: ApprovalsConfig): StepResult {
  return requestAction(log, { id: runActionId(run), by: preparedBy, at, request: body(run) }, config);
}

/** Someone other than the preparer approves it (refused with the engine's reason otherwise). */
export function approveRun(log: readonly ActionEvent[], run: RunToApprove, approvedBy: string, at: string, config: ApprovalsConfig): StepResult {
  return approveAction(log, { id: runActionId(run), by: approvedBy, at }, config);
}

/** The approval action of this dry run as the log stands, or null when none was requested. */
export function runApprovalState(log: readonly ActionEvent[], run: Pick<RunToApprove, 'quarter' | 'digest'>, config: ApprovalsConfig): ActionState | null {
  const state = actionStates(log, config).find((s) => s.id === runActionId(run)) ?? null;
  return state && state.kind === RUN_KIND && state.request.details.runDigest === run.digest ? state : null;
}
