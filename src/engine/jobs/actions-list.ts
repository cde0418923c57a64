/**
 * Job: the actions as the log stands (CLI `actions list`; the pane's lists of requests awaiting
 * approval and approved outputs). The chain is checked first: an edited log is reported, not listed.
 */
import { actionStates } from '../approvals/approvals';
import { readActionsFile } from '../approvals/actions-file';
import type { ActionEvent, ActionState, ActionStatus } from '../approvals/types';
import type { LedgerConfig } from '../config';
import { formatGBP, formatPence } from '../money';

export const ACTION_STATUSES: readonly ActionStatus[] = ['awaiting-approval', 'awaiting-second-approval', 'approved', 'rejected'];

/** One line a person reads: id, kind, amount, accounts, status, who. */
export function stateLine(s: ActionState): string {
  const who = [`requested by ${s.requestedBy} ${s.requestedAt}`, ...s.approvals.map((a) => `approved by ${a.by}${a.role !== null ? ` (${a.role})` : ''} ${a.at}`), ...(s.rejected ? [`rejected by ${s.rejected.by} ${s.rejected.at}: ${s.rejected.note}`] : [])];
  return `${s.id} ${s.kind} ${formatGBP(s.request.amount)} ${s.request.accounts.join(' -> ')} [${s.status}${s.status === 'awaiting-second-approval' ? ` ${s.approvals.length}/${s.approversNeeded}` : ''}] ${s.request.reason}; ${who.join('; ')}; digest ${s.digest.slice(0, 12)}`;
}

/** The state as JSON: money as decimal strings; bank details masked to their last 4 digits. */
export function stateJson(s: ActionState): unknown {
  const details = { ...s.request.details } as Record<string, unknown>;
  const payee = details.payee as { name: string; sortCode: string; bankAccount: string } | null | undefined;
  if (payee) details.payee = { name: payee.name, sortCode: `**-**-${payee.sortCode.slice(-2)}`, bankAccount: `****${payee.bankAccount.slice(-4)}` };
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    amount: formatPence(s.request.amount),
    accounts: s.request.accounts,
    reason: s.request.reason,
    evidence: s.request.evidence,
    digest: s.digest,
    requestedBy: s.requestedBy,
    requestedAt: s.requestedAt,
    approversNeeded: s.approversNeeded,
    approvals: s.approvals,
    rejected: s.rejected,
    posted: s.posted,
    postings: s.request.postings.map((p) => ({ ...p, amount: formatPence(p.amount) })),
    details,
  };
}

export interface ActionsListResult {
  readonly ok: boolean;
  readonly states: readonly ActionState[];
  readonly problems: readonly string[];
  readonly text: string;
  readonly json: unknown;
}

/** Reads a parsed actions file (its shape and chain) and lists its actions, optionally of one status. */
export function runActionsList(fileJson: unknown, config: LedgerConfig, status: ActionStatus | null = null): ActionsListResult {
  const read = readActionsFile(fileJson);
  if (!read.ok) return { ok: false, states: [], problems: read.problems, text: read.problems.join('\n'), json: { problems: read.problems } };
  return listActions(read.file.events, config, status);
}

export function listActions(log: readonly ActionEvent[], config: LedgerConfig, status: ActionStatus | null = null): ActionsListResult {
  const states = actionStates(log, config.approvals).filter((s) => status === null || s.status === status);
  const counts = ACTION_STATUSES.map((st) => `${actionStates(log, config.approvals).filter((s) => s.status === st).length} ${st}`).join(', ');
  return { ok: true, states, problems: [], text: [`${log.length} event(s), chain intact; ${counts}`, ...states.map(stateLine)].join('\n'), json: { events: log.length, chainIntact: true, actions: states.map(stateJson) } };
}
