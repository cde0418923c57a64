/**
 * Job: approve or reject an account action (CLI `actions approve|reject`; the pane's Approve and Reject).
 * The approval engine decides: a different person from the requester, within their role's limit, a
 * second approver over the configured amount, the digest the person saw still current. The final
 * approval posts the action's postings, dated that day.
 */
import { approveAction, rejectAction } from '../approvals/approvals';
import type { ActionEvent } from '../approvals/types';
import type { LedgerConfig } from '../config';
import { formatPence } from '../money';
import { stateJson, stateLine } from './actions-list';
import type { ActionsStepResult } from './actions-request';

export interface ActionsDecideInput {
  readonly log: readonly ActionEvent[];
  readonly id: string;
  readonly decision: 'approve' | 'reject';
  readonly by: string;
  readonly at: string;
  readonly note: string;
  /** The digest the person saw (list shows it); null: the current one. */
  readonly digest: string | null;
  readonly config: LedgerConfig;
}

export function runActionsDecide(input: ActionsDecideInput): ActionsStepResult {
  const step = { id: input.id, by: input.by, at: input.at, note: input.note, ...(input.digest !== null ? { digest: input.digest } : {}) };
  const r = input.decision === 'approve' ? approveAction(input.log, step, input.config.approvals) : rejectAction(input.log, step, input.config.approvals);
  if (!r.ok) return { ok: false, code: r.code, summary: r.message, problems: [] };
  const posted = r.events.find((e) => e.type === 'posted');
  const tail =
    r.state.status === 'awaiting-second-approval'
      ? `  waits for a second approver (${r.state.approvals.length} of ${r.state.approversNeeded}); nothing is posted yet`
      : posted && posted.type === 'posted'
        ? `  posted on ${posted.date}: ${posted.postings.map((p) => `${p.account} ${formatPence(p.amount)} ${p.code}`).join(', ')}`
        : '  nothing is posted';
  return { ok: true, events: r.events, state: r.state, text: [`${input.decision === 'approve' ? 'approved' : 'rejected'} ${stateLine(r.state)}`, tail].join('\n'), json: { [input.decision === 'approve' ? 'approved' : 'rejected']: stateJson(r.state), posted: posted !== undefined } };
}
