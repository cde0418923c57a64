/**
 * One approval engine for every account action (issue 14). A request is made (who, when, reason,
 * evidence, kind, amount, accounts, the postings it would make); a different person approves or
 * rejects it, within their role's limit; over the configured amount a second, different approver is
 * needed. Every approval names the digest of the request it saw, so an amendment after it voids it.
 * The final approval is followed by a `posted` event carrying the postings: nothing is posted before
 * approval, and an approved or rejected action is final. Every step is an event on one hash-chained
 * log (audit/chain.ts); each function returns the events to append and never changes the log given.
 */
import { digestOf } from '../audit/canonical';
import { appendEvent, verifyChain, type ChainBody, type ChainedEvent } from '../audit/chain';
import { personKey, samePerson } from '../audit/people';
import type { IsoDate } from '../dates';
import { formatGBP, type Pence } from '../money';
import type { ApprovalsConfig } from './approvals-config';
import type { ActionApproval, ActionEvent, ActionEventBody, ActionPostingLine, ActionRefusal, ActionRequestBody, ActionState, ApprovalRefusalCode } from './types';

export type StepResult = { readonly ok: true; readonly events: readonly ActionEvent[]; readonly state: ActionState } | ActionRefusal;

function refuse(code: ApprovalRefusalCode, message: string): ActionRefusal {
  return { ok: false, code, message };
}

/** The digest an approver signs: the request body alone (id, who and when are on the events). */
export function requestDigest(request: ActionRequestBody): string {
  return digestOf(request);
}

/** The limit that applies to a kind: its own, else '*', else none. */
function limitFor(table: Readonly<Record<string, Pence>> | undefined, kind: string): Pence | null {
  if (table === undefined) return null;
  return table[kind] ?? table['*'] ?? null;
}

/** How many different approvers an amount needs. */
export function approversNeeded(config: ApprovalsConfig, kind: string, amount: Pence): number {
  const over = limitFor(config.secondApproverOver, kind);
  return over !== null && amount > over ? 2 : 1;
}

/** The role of a person by the config's list (names compared as for sign-offs); null when not listed. */
export function roleOf(config: ApprovalsConfig, person: string): string | null {
  for (const [name, role] of Object.entries(config.approvers)) if (samePerson(name, person)) return role;
  return null;
}

/** Every action as the log now stands, in the order first requested. */
export function actionStates(log: readonly ActionEvent[], config: ApprovalsConfig): ActionState[] {
  const byId = new Map<string, ActionState>();
  for (const e of log) {
    const s = byId.get(e.id);
    switch (e.type) {
      case 'requested':
        byId.set(e.id, {
          id: e.id,
          kind: e.request.kind,
          status: 'awaiting-approval',
          request: e.request,
          digest: e.digest,
          requestedBy: e.by,
          requestedAt: e.at,
          approvals: [],
          approversNeeded: approversNeeded(config, e.request.kind, e.request.amount),
          rejected: null,
          posted: null,
        });
        break;
      case 'amended':
        if (s) byId.set(e.id, { ...s, kind: e.request.kind, request: e.request, digest: e.digest, approvals: [], status: 'awaiting-approval', approversNeeded: approversNeeded(config, e.request.kind, e.request.amount) });
        break;
      case 'approved':
        if (s && e.digest === s.digest) {
          const approvals: ActionApproval[] = [...s.approvals, { by: e.by, at: e.at, role: e.role, note: e.note }];
          byId.set(e.id, { ...s, approvals, status: approvals.length >= s.approversNeeded ? 'approved' : 'awaiting-second-approval' });
        }
        break;
      case 'rejected':
        if (s) byId.set(e.id, { ...s, status: 'rejected', rejected: { by: e.by, at: e.at, note: e.note } });
        break;
      case 'posted':
        if (s) byId.set(e.id, { ...s, posted: { date: e.date, at: e.at } });
        break;
      default: {
        const never: never = e;
        throw new Error(`unknown action event ${JSON.stringify(never)}`);
      }
    }
  }
  return [...byId.values()];
}

function stateOf(log: readonly ActionEvent[], config: ApprovalsConfig, id: string): ActionState | null {
  return actionStates(log, config).find((s) => s.id === id) ?? null;
}

function checkLog(log: readonly ActionEvent[]): ActionRefusal | null {
  const check = verifyChain(log as unknown as readonly ChainedEvent[]);
  return check.intact ? null : refuse('log.broken', `the actions log has been altered: event ${check.brokenAt + 1} does not follow from the one before (${check.why})`);
}

function validRequest(r: ActionRequestBody): string | null {
  if (r.kind.trim() === '') return 'the kind of action is empty';
  if (r.reason.trim() === '') return 'a reason is required';
  if (!Number.isSafeInteger(r.amount) || r.amount <= 0) return 'the amount must be more than £0.00';
  if (r.accounts.length === 0 || r.accounts.some((a) => a.trim() === '')) return 'at least one account is required';
  if (r.postings.some((p) => !Number.isSafeInteger(p.amount))) return 'a posting amount is not a whole number of pence';
  return null;
}

function append(log: readonly ActionEvent[], bodies: readonly ActionEventBody[]): ActionEvent[] {
  const out: ActionEvent[] = [];
  for (const b of bodies) out.push(appendEvent([...log, ...out] as unknown as readonly ChainedEvent[], b as unknown as ChainBody) as unknown as ActionEvent);
  return out;
}

function result(log: readonly ActionEvent[], config: ApprovalsConfig, id: string, bodies: readonly ActionEventBody[]): StepResult {
  const events = append(log, bodies);
  return { ok: true, events, state: stateOf([...log, ...events], config, id) as ActionState };
}

export interface RequestInput {
  readonly id: string;
  readonly by: string;
  readonly at: string;
  readonly request: ActionRequestBody;
}

/** A new request: nothing is posted until it is approved. */
export function requestAction(log: readonly ActionEvent[], input: RequestInput, config: ApprovalsConfig): StepResult {
  const broken = checkLog(log);
  if (broken) return broken;
  if (personKey(input.by) === '') return refuse('approval.no-name', 'the requester must give their name');
  if (log.some((e) => e.id === input.id)) return refuse('action.duplicate-id', `an action ${input.id} already exists`);
  const bad = validRequest(input.request);
  if (bad !== null) return refuse('action.invalid', bad);
  return result(log, config, input.id, [{ type: 'requested', id: input.id, by: input.by, at: input.at, request: input.request, digest: requestDigest(input.request) }]);
}

/** A changed request: voids every approval given so far; refused once the action is approved or rejected. */
export function amendAction(log: readonly ActionEvent[], input: RequestInput & { readonly note: string }, config: ApprovalsConfig): StepResult {
  const broken = checkLog(log);
  if (broken) return broken;
  const s = stateOf(log, config, input.id);
  if (s === null) return refuse('action.unknown', `no action ${input.id}`);
  if (s.status === 'approved' || s.status === 'rejected') return refuse('action.final', `action ${input.id} is ${s.status} and cannot be changed`);
  const bad = validRequest(input.request);
  if (bad !== null) return refuse('action.invalid', bad);
  return result(log, config, input.id, [{ type: 'amended', id: input.id, by: input.by, at: input.at, request: input.request, digest: requestDigest(input.request), note: input.note }]);
}

export interface DecisionInput {
  readonly id: string;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
  /** The digest the person saw; when given and no longer current, the decision is refused. */
  readonly digest?: string;
}

function decisionChecks(log: readonly ActionEvent[], config: ApprovalsConfig, input: DecisionInput): ActionRefusal | ActionState {
  const broken = checkLog(log);
  if (broken) return broken;
  const s = stateOf(log, config, input.id);
  if (s === null) return refuse('action.unknown', `no action ${input.id}`);
  if (s.status === 'approved' || s.status === 'rejected') return refuse('action.final', `action ${input.id} is already ${s.status}`);
  if (personKey(input.by) === '') return refuse('approval.no-name', 'the approver must give their name');
  if (input.digest !== undefined && input.digest !== s.digest) return refuse('approval.stale', `action ${input.id} has changed since it was shown (digest ${s.digest.slice(0, 12)}, not ${input.digest.slice(0, 12)}): look at it again`);
  if (samePerson(s.requestedBy, input.by)) return refuse('approval.same-person', `${input.by} requested action ${input.id} and cannot also approve or reject it: a different person must`);
  return s;
}

/** An approval; the final one is followed by the posting, dated the day of `at`. */
export function approveAction(log: readonly ActionEvent[], input: DecisionInput, config: ApprovalsConfig): StepResult {
  const s = decisionChecks(log, config, input);
  if ('ok' in s) return s;
  const earlier = s.approvals.find((a) => samePerson(a.by, input.by));
  if (earlier) return refuse('approval.already-approved-by', `${input.by} has already approved action ${input.id}: a second, different approver is needed`);
  const listed = Object.keys(config.approvers).length > 0;
  const role = roleOf(config, input.by);
  if (listed && role === null) return refuse('approval.not-an-approver', `${input.by} is not on the config's list of approvers`);
  if (role !== null) {
    const limit = limitFor(config.limits[role], s.kind);
    if (limit === null || s.request.amount > limit) {
      return refuse('approval.over-limit', `a ${role} may approve a ${s.kind} of up to ${limit === null ? formatGBP(0 as Pence) : formatGBP(limit)}; this one is ${formatGBP(s.request.amount)}`);
    }
  }
  const approved: ActionEventBody = { type: 'approved', id: input.id, by: input.by, at: input.at, digest: s.digest, role, note: input.note ?? '' };
  const final = s.approvals.length + 1 >= s.approversNeeded;
  const bodies: ActionEventBody[] = [approved];
  if (final) bodies.push({ type: 'posted', id: input.id, by: input.by, at: input.at, digest: s.digest, date: input.at.slice(0, 10) as IsoDate, postings: s.request.postings });
  return result(log, config, input.id, bodies);
}

/** A rejection (a reason is required); final. */
export function rejectAction(log: readonly ActionEvent[], input: DecisionInput, config: ApprovalsConfig): StepResult {
  const s = decisionChecks(log, config, input);
  if ('ok' in s) return s;
  if ((input.note ?? '').trim() === '') return refuse('action.invalid', 'a rejection needs a reason');
  return result(log, config, input.id, [{ type: 'rejected', id: input.id, by: input.by, at: input.at, digest: s.digest, note: input.note ?? '' }]);
}

export interface PostedLine extends ActionPostingLine {
  readonly date: IsoDate;
  readonly actionId: string;
  readonly kind: string;
}

/** Every posting the log has made (approved actions only), in log order. */
export function postedLines(log: readonly ActionEvent[]): PostedLine[] {
  const kinds = new Map<string, string>();
  const out: PostedLine[] = [];
  for (const e of log) {
    if (e.type === 'requested' || e.type === 'amended') kinds.set(e.id, e.request.kind);
    if (e.type === 'posted') for (const p of e.postings) out.push({ ...p, date: e.date, actionId: e.id, kind: kinds.get(e.id) ?? '' });
  }
  return out;
}
