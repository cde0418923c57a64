/**
 * Factoring write-offs (issue 16): the schedule of proposed write-offs for the Board (reason, the
 * account's history, the prescription date of its debts, who asked, who approved), the candidates
 * (accounts owing money with a debt that prescribes within a year of the as-of date, or already
 * has), and one step at a time on the approval engine's log: propose, approve, reject. Nothing is
 * posted before approval, and the approver is never the requester (the engine refuses both). The
 * postings come out as WRITEOFF rows for the Owner Transactions sheet.
 */
import { actionStates, approveAction, postedLines, rejectAction, requestAction, type ActionEvent, type ActionState, type ApprovalsConfig } from '../approvals';
import type { SheetData } from '../cells';
import { csvText } from '../csv';
import { addDays, formatUkDate, type IsoDate } from '../dates';
import { formatPence, type Pence } from '../money';
import { accountId } from '../factoring/debt/ledger';
import type { DebtIssue } from '../factoring/debt/messages';
import { WRITEOFF_KIND, writeoffActionId, writeoffDetails, writeoffRequest } from '../factoring/debt/writeoffs';
import type { FactoringConfig } from '../factoring/factoring-config';
import { DEFAULT_DEBT_PROCEDURE } from '../factoring/debt/debt-config';
import { prescriptions } from '../factoring/debt/prescription';
import { readDebtBook } from '../factoring/debt/read-debt';
import { arrearsAccounts, parseAsOf } from './factoring-arrears';

export type WriteoffStep =
  | { readonly kind: 'propose'; readonly owner: string; readonly property: string; readonly reason: string; readonly evidence: readonly string[]; readonly by: string; readonly at: string }
  | { readonly kind: 'approve'; readonly id: string; readonly by: string; readonly at: string; readonly note: string }
  | { readonly kind: 'reject'; readonly id: string; readonly by: string; readonly at: string; readonly note: string };

export interface FactoringWriteoffsInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  readonly asOf: string;
  readonly config: FactoringConfig | undefined;
  readonly approvals: ApprovalsConfig;
  /** The write-offs' approval log so far. */
  readonly log: readonly ActionEvent[];
  readonly step: WriteoffStep | null;
}

export interface WriteoffCandidate {
  readonly owner: string;
  readonly property: string;
  readonly balance: Pence;
  readonly stage: string | null;
  readonly prescribesOn: IsoDate;
}

export interface WriteoffRow {
  readonly id: string;
  readonly owner: string;
  readonly property: string;
  readonly amount: Pence;
  readonly reason: string;
  readonly prescribesOn: IsoDate | null;
  readonly status: ActionState['status'];
  readonly requestedBy: string;
  readonly approvedBy: readonly string[];
  readonly posted: IsoDate | null;
  readonly history: readonly string[];
}

export type FactoringWriteoffs =
  | {
      readonly ok: true;
      readonly asOf: IsoDate;
      /** The events the step added (append them to the log). */
      readonly events: readonly ActionEvent[];
      readonly candidates: readonly WriteoffCandidate[];
      readonly schedule: readonly WriteoffRow[];
      readonly scheduleCsv: string;
      /** WRITEOFF rows for the Owner Transactions sheet: approved write-offs only. */
      readonly postingsCsv: string;
      readonly issues: readonly DebtIssue[];
    }
  | { readonly ok: false; readonly problems: readonly string[]; readonly issues: readonly DebtIssue[] };

/** A debt prescribing within this many days of the as-of date makes its account a candidate. */
export const CANDIDATE_WINDOW_DAYS = 365;

export const SCHEDULE_COLUMNS = ['Action', 'Owner Ref', 'Property Ref', 'Amount', 'Reason', 'Prescribes On', 'Status', 'Requested By', 'Approved By', 'Posted On', 'History'] as const;
export const POSTING_COLUMNS = ['Owner Ref', 'Property Ref', 'Date', 'Due Date', 'Type', 'Amount', 'Reference', 'Disputed'] as const;

function scheduleOf(states: readonly ActionState[]): WriteoffRow[] {
  return states
    .filter((s) => s.kind === WRITEOFF_KIND)
    .map((s) => {
      const d = writeoffDetails(s);
      return { id: s.id, owner: d.owner, property: d.property, amount: s.request.amount, reason: s.request.reason, prescribesOn: d.prescribesOn, status: s.status, requestedBy: s.requestedBy, approvedBy: s.approvals.map((a) => a.by), posted: s.posted?.date ?? null, history: d.history };
    });
}

/** The schedule, the candidates and (when asked) one step on the log. */
export function runFactoringWriteoffs(input: FactoringWriteoffsInput): FactoringWriteoffs {
  const procedure = input.config?.debtProcedure ?? DEFAULT_DEBT_PROCEDURE;
  const parsed = parseAsOf(input.asOf);
  const read = readDebtBook(input.file, input.sheets, { transactions: true, nopl: false });
  const issues: DebtIssue[] = [...parsed.issues, ...read.issues];
  const asOf = parsed.asOf;
  if (asOf === null || issues.some((i) => i.severity === 'error')) return { ok: false, problems: [], issues };
  const accounts = arrearsAccounts(read.book, asOf, procedure, []);
  const allDebts = accounts.flatMap((a) => prescriptions(a.debt, read.book.acknowledgements));
  const window = addDays(asOf, CANDIDATE_WINDOW_DAYS);
  const candidates: WriteoffCandidate[] = [];
  for (const a of accounts) {
    if (a.balance <= 0) continue;
    const first = allDebts.filter((p) => p.owner === a.owner && p.property === a.property).map((p) => p.prescribesOn).sort()[0];
    if (first !== undefined && first <= window) candidates.push({ owner: a.owner, property: a.property, balance: a.balance, stage: a.stage, prescribesOn: first });
  }
  let events: readonly ActionEvent[] = [];
  const step = input.step;
  if (step !== null) {
    let r;
    if (step.kind === 'propose') {
      const a = accounts.find((x) => x.owner === step.owner && x.property === step.property);
      if (!a) return { ok: false, problems: [`no account ${accountId(step.owner, step.property)} on the Owner Transactions sheet`], issues: issues };
      if (a.balance <= 0) return { ok: false, problems: [`account ${accountId(step.owner, step.property)} owes nothing on ${formatUkDate(asOf)}: nothing to write off`], issues: issues };
      const debts = allDebts.filter((p) => p.owner === a.owner && p.property === a.property);
      r = requestAction(input.log, { id: writeoffActionId(a.owner, a.property, asOf), by: step.by, at: step.at, request: writeoffRequest(a.debt, a.stage, debts, step.reason, step.evidence) }, input.approvals);
    } else if (step.kind === 'approve') {
      r = approveAction(input.log, { id: step.id, by: step.by, at: step.at, note: step.note }, input.approvals);
    } else {
      r = rejectAction(input.log, { id: step.id, by: step.by, at: step.at, note: step.note }, input.approvals);
    }
    if (!r.ok) return { ok: false, problems: [r.message], issues: issues };
    events = r.events;
  }
  const log = [...input.log, ...events];
  const schedule = scheduleOf(actionStates(log, input.approvals));
  const day = (d: IsoDate | null): string => (d === null ? '' : formatUkDate(d));
  const scheduleCsv = `${[SCHEDULE_COLUMNS.join(','), ...schedule.map((w) => [csvText(w.id), csvText(w.owner), csvText(w.property), formatPence(w.amount), csvText(w.reason), day(w.prescribesOn), w.status, csvText(w.requestedBy), csvText(w.approvedBy.join('; ')), day(w.posted), csvText(w.history.join(' | '))].join(','))].join('\r\n')}\r\n`;
  const byId = new Map(schedule.map((w) => [w.id, w]));
  const posted = postedLines(log).filter((p) => p.kind === WRITEOFF_KIND);
  const postingsCsv = `${[POSTING_COLUMNS.join(','), ...posted.map((p) => {
    const w = byId.get(p.actionId);
    return [csvText(w?.owner ?? ''), csvText(w?.property ?? ''), p.date, '', 'WRITEOFF', formatPence(p.amount), csvText(p.actionId), 'N'].join(',');
  })].join('\r\n')}\r\n`;
  return { ok: true, asOf, events, candidates, schedule, scheduleCsv, postingsCsv, issues: issues };
}
