/**
 * Job: amend an account action not yet decided (CLI `actions amend`). The change is a new
 * `amended` event on the log, never a rewrite of the request: the request as first made stays on
 * the hash chain, and every approval given before the amendment is void (approvals bind the digest
 * they saw). Refused once the action is approved or rejected (`action.final`), by anyone but the
 * requester (who may never approve it: an amendment by another would let them write what they then
 * approve), and without a note saying why. What is not given keeps its value; the request is rebuilt and judged as a new
 * request is (a refund still within the credit, a write-off within the arrears).
 */
import { actionStates, amendAction } from '../approvals/approvals';
import { samePerson } from '../audit/people';
import type { ActionRequestBody } from '../approvals/types';
import { formatPence } from '../money';
import type { Payee } from '../actions/requests';
import { stateJson, stateLine } from './actions-list';
import { buildRequest, type ActionDraft, type ActionsRequestInput, type ActionsStepResult } from './actions-request';

/** What the person changes; anything absent keeps the request's current value. */
export interface ActionChanges {
  readonly amount?: string;
  readonly reason?: string;
  readonly evidence?: readonly string[];
  /** Refund, write-off: the account; transfer: the account the money leaves. */
  readonly account?: string;
  readonly to?: string;
  readonly type?: string;
  readonly method?: string;
  readonly payee?: Payee | null;
  readonly reasonCode?: string;
}

export interface ActionsAmendInput extends Omit<ActionsRequestInput, 'draft' | 'reason' | 'evidence' | 'id'> {
  readonly id: string;
  readonly changes: ActionChanges;
  /** Why the request changes: kept on the event. */
  readonly note: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The draft the request was built from, with the changes laid over it. */
export function draftOf(request: ActionRequestBody, c: ActionChanges): ActionDraft | null {
  const amount = c.amount ?? formatPence(request.amount);
  const d = request.details;
  switch (request.kind) {
    case 'refund':
      return { kind: 'refund', account: c.account ?? text(request.accounts[0]), amount, method: c.method ?? text(d.method), payee: c.payee !== undefined ? c.payee : ((d.payee as Payee | null | undefined) ?? null) };
    case 'transfer':
      return { kind: 'transfer', from: c.account ?? text(request.accounts[0]), to: c.to ?? text(request.accounts[1]), amount, type: c.type ?? text(d.type) };
    case 'writeoff':
      return { kind: 'writeoff', account: c.account ?? text(request.accounts[0]), amount, reasonCode: c.reasonCode ?? text(d.reasonCode) };
    default:
      return null;
  }
}

export function runActionsAmend(input: ActionsAmendInput): ActionsStepResult {
  const fail = (code: string, summary: string, problems: readonly string[] = []): ActionsStepResult => ({ ok: false, code, summary, problems });
  const current = actionStates(input.log, input.config.approvals).find((s) => s.id === input.id) ?? null;
  if (current === null) return fail('action.unknown', `no action ${input.id}`);
  if (current.status === 'approved' || current.status === 'rejected') return fail('action.final', `action ${input.id} is ${current.status}: it cannot be changed; request a new action instead`);
  // Only the requester amends: anyone else could write the request and then approve it themselves.
  if (!samePerson(current.requestedBy, input.by)) return fail('approval.not-the-requester', `${input.by} did not request ${input.id}: only ${current.requestedBy} may amend it; reject it with a note, or request a new action`);
  if (input.note.trim() === '') return fail('action.invalid', 'say why the request changes (--note): it is kept on the log');
  const draft = draftOf(current.request, input.changes);
  if (draft === null) return fail('action.invalid', `a ${current.kind} is amended where it was requested, not here`);
  const built = buildRequest({ ...input, draft, reason: input.changes.reason ?? current.request.reason, evidence: input.changes.evidence ?? current.request.evidence, id: input.id });
  if ('code' in built) return built;
  if (!built.ok) return fail('action.invalid', built.problem);
  const r = amendAction(input.log, { id: input.id, by: input.by, at: input.at, request: built.request, note: input.note.trim() }, input.config.approvals);
  if (!r.ok) return fail(r.code, r.message);
  const voided = current.approvals.length > 0 ? `  the approval by ${current.approvals.map((a) => a.by).join(', ')} no longer counts: the request changed` : '';
  return {
    ok: true,
    events: r.events,
    state: r.state,
    text: [`amended ${stateLine(r.state)}`, ...(voided ? [voided] : []), `  needs ${r.state.approversNeeded} approver(s) other than ${r.state.requestedBy}; nothing is posted until then`].join('\n'),
    json: { amended: stateJson(r.state), note: input.note.trim() },
  };
}
