/**
 * Job: request an account action (CLI `actions request`; the pane's Account actions mode). Builds the
 * refund, transfer or write-off request from what a person typed and the workbook, and appends the
 * `requested` event to the log. Nothing is posted: that waits for approval (actions-decide).
 *
 * Decisions (issue 14):
 * - A refund and a write-off read the workbook: a refund must be of an account in credit and no more
 *   than the credit, and carries the candidate's risk flags for the approver; a write-off must be of
 *   an account in arrears, no more than the arrears, and carries the account's postings as history.
 *   A transfer needs no workbook.
 * - Ids are the kind's letter and the request's number in the log (R0001, T0002, W0003) unless given.
 * - Amounts are typed as people type them ("£1,234.50").
 */
import { requestAction } from '../approvals/approvals';
import type { ActionEvent, ActionState } from '../approvals/types';
import type { SheetData } from '../cells';
import type { LedgerConfig } from '../config';
import type { IsoDate } from '../dates';
import type { DdCollectInput } from './dd-collect';
import { parseHolidays } from '../dd/working-days';
import { formatGBP, negPence, parsePence, type Pence } from '../money';
import { refundCandidates } from '../actions/refund-candidates';
import { bankChangesFromMandates, payersFromMandates } from '../actions/refund-sources';
import { REFUND_METHODS, refundRequest, TRANSFER_TYPES, transferRequest, WRITE_OFF_REASONS, writeOffRequest, type BuiltRequest, type Payee, type RefundMethod, type TransferType, type WriteOffReason } from '../actions/requests';
import { readLedger, registerMandates } from './refunds-candidates';
import { stateJson, stateLine } from './actions-list';

export type ActionDraft =
  | { readonly kind: 'refund'; readonly account: string; readonly amount: string; readonly method: string; readonly payee: Payee | null }
  | { readonly kind: 'transfer'; readonly from: string; readonly to: string; readonly amount: string; readonly type: string }
  | { readonly kind: 'writeoff'; readonly account: string; readonly amount: string; readonly reasonCode: string };

export interface ActionsRequestInput {
  readonly log: readonly ActionEvent[];
  readonly draft: ActionDraft;
  readonly reason: string;
  readonly evidence: readonly string[];
  readonly by: string;
  /** The clock: an ISO instant. */
  readonly at: string;
  readonly id: string | null;
  readonly config: LedgerConfig;
  /** The workbook (rent roll and postings), needed for refunds and write-offs. */
  readonly workbook: { readonly file: string; readonly sheets: readonly SheetData[] } | null;
  readonly holidaysText: string;
  readonly register: DdCollectInput['register'] | null;
}

export type ActionsStepResult =
  | { readonly ok: true; readonly events: readonly ActionEvent[]; readonly state: ActionState; readonly text: string; readonly json: unknown }
  | { readonly ok: false; readonly code: string; readonly summary: string; readonly problems: readonly string[] };

type StepFailure = Extract<ActionsStepResult, { ok: false }>;

const fail = (code: string, summary: string, problems: readonly string[] = []): StepFailure => ({ ok: false, code, summary, problems });

const LETTER: Readonly<Record<string, string>> = { refund: 'R', transfer: 'T', writeoff: 'W' };

/** The next id for a kind: its letter and the number of the request in the log. */
export function nextActionId(log: readonly ActionEvent[], kind: string): string {
  const n = log.filter((e) => e.type === 'requested').length + 1;
  return `${LETTER[kind] ?? 'A'}${String(n).padStart(4, '0')}`;
}

function amountOf(text: string): Pence | null {
  const p = parsePence(text.replace(/[£,\s]/g, ''));
  return p !== null && p > 0 ? p : null;
}

/** The request a draft makes, judged against the workbook as the request job judges it (shared with the amend job). */
export function buildRequest(input: ActionsRequestInput): BuiltRequest | StepFailure {
  const d = input.draft;
  const amount = amountOf(d.amount);
  if (amount === null) return fail('action.invalid', `'${d.amount}' is not an amount of more than £0.00 with at most two decimals`);
  switch (d.kind) {
    case 'transfer':
      if (!(TRANSFER_TYPES as readonly string[]).includes(d.type)) return fail('action.invalid', `the transfer type '${d.type}' is not one of ${TRANSFER_TYPES.join(', ')}`);
      return transferRequest({ from: d.from, to: d.to, amount, type: d.type as TransferType, reason: input.reason, evidence: input.evidence });
    case 'refund':
    case 'writeoff': {
      if (input.workbook === null) return fail('action.needs-workbook', `a ${d.kind === 'refund' ? 'refund' : 'write-off'} needs the workbook (the rent roll and its postings)`);
      const ledger = readLedger(input.workbook.file, input.workbook.sheets, input.config);
      if (!ledger.ok) return fail('workbook.unreadable', ledger.summary, ledger.problems);
      const t = ledger.tenancies.find((x) => x.account === d.account);
      if (t === undefined) return fail('action.unknown-account', `no account ${d.account} on the rent roll`);
      if (d.kind === 'refund') {
        if (!(REFUND_METHODS as readonly string[]).includes(d.method)) return fail('action.invalid', `the refund method '${d.method}' is not one of ${REFUND_METHODS.join(', ')}`);
        if (t.closing >= 0) return fail('refund.not-in-credit', `${d.account} is not in credit (balance ${formatGBP(t.closing)})`);
        if (amount > negPence(t.closing)) return fail('refund.over-credit', `the refund of ${formatGBP(amount)} is more than the credit of ${formatGBP(negPence(t.closing))} on ${d.account}`);
        const asOf = input.at.slice(0, 10) as IsoDate;
        const register = registerMandates(input.register);
        if (register.problem !== null) return fail('register.unreadable', 'the mandate register cannot be read', [register.problem]);
        // Every account in credit is judged here (not only the listed candidates), so a current tenant under the threshold still carries its flags.
        const all = refundCandidates({ tenancies: [t, ...ledger.tenancies.filter((x) => x.account !== t.account)], postings: ledger.postings, payers: payersFromMandates(register.mandates), bankChanges: bankChangesFromMandates(register.mandates), asOf, calendar: parseHolidays(input.holidaysText).calendar, settings: { ...input.config.approvals.refunds, currentTenantOver: 0 as Pence } });
        const risks = all.find((c) => c.account === d.account)?.risks.map((r) => `${r.code}: ${r.detail}`) ?? [];
        return refundRequest({ account: d.account, amount, reason: input.reason, evidence: input.evidence, method: d.method as RefundMethod, payee: d.payee, risks });
      }
      if (!(WRITE_OFF_REASONS as readonly string[]).includes(d.reasonCode)) return fail('action.invalid', `the write-off reason '${d.reasonCode}' is not one of ${WRITE_OFF_REASONS.join(', ')}`);
      if (t.closing <= 0) return fail('writeoff.not-in-arrears', `${d.account} is not in arrears (balance ${formatGBP(t.closing)})`);
      return writeOffRequest({ account: d.account, tenant: t.tenant, amount, balance: t.closing, reasonCode: d.reasonCode as WriteOffReason, reason: input.reason, evidence: input.evidence, history: ledger.postings.filter((p) => p.account === d.account) });
    }
    default: {
      const never: never = d;
      throw new Error(`unknown action kind ${JSON.stringify(never)}`);
    }
  }
}

export function runActionsRequest(input: ActionsRequestInput): ActionsStepResult {
  const built = buildRequest(input);
  if ('code' in built) return built;
  if (!built.ok) return fail('action.invalid', built.problem);
  const id = input.id ?? nextActionId(input.log, input.draft.kind);
  const r = requestAction(input.log, { id, by: input.by, at: input.at, request: built.request }, input.config.approvals);
  if (!r.ok) return fail(r.code, r.message);
  const risks = ((built.request.details as { risks?: string[] }).risks ?? []).map((x) => `  ! ${x}`);
  return { ok: true, events: r.events, state: r.state, text: [`requested ${stateLine(r.state)}`, ...risks, `  needs ${r.state.approversNeeded} approver(s) other than ${input.by}; nothing is posted until then`].join('\n'), json: { requested: stateJson(r.state) } };
}
