/**
 * Factoring write-offs (issue 16), through the approval engine of issue 14 (src/engine/approvals), the
 * same one refunds and the factoring bill run use: an officer proposes writing off an owner account's
 * balance with a reason, the account's history and the prescription date of its debts as evidence;
 * a different person (within the approvals config's list and limits, with a second approver over the
 * configured amount for `factoring-writeoff` or '*') approves it for the Board. Nothing is posted
 * before the final approval; the posting is a WRITEOFF row for the Owner Transactions sheet.
 */
import type { ActionPostingLine, ActionRequestBody, ActionState } from '../../approvals';
import { formatUkDate, type IsoDate } from '../../dates';
import { formatPence, type Pence } from '../../money';
import { accountId, type AccountDebt } from './ledger';
import type { DebtPrescription } from './prescription';

export const WRITEOFF_KIND = 'factoring-writeoff';

/** One action per account and as-of day. */
export const writeoffActionId = (owner: string, property: string, asOf: IsoDate): string => `fwo-${owner}-${property}-${asOf}`;

export interface WriteoffDetails {
  readonly owner: string;
  readonly property: string;
  readonly asOf: IsoDate;
  readonly stage: string | null;
  /** The earliest day any of the account's unpaid debts prescribes. */
  readonly prescribesOn: IsoDate | null;
  /** The account's transactions to the as-of day, one line each, for the Board. */
  readonly history: readonly string[];
}

/** The request an officer makes to write off an account's whole balance. */
export function writeoffRequest(debt: AccountDebt, stage: string | null, debts: readonly DebtPrescription[], reason: string, evidence: readonly string[]): ActionRequestBody {
  const account = accountId(debt.owner, debt.property);
  const prescribesOn = debts.map((d) => d.prescribesOn).sort()[0] ?? null;
  const history = debt.transactions.map((t) => `${formatUkDate(t.date)} ${t.type} ${formatPence(t.amount)}${t.dueDate !== t.date ? ` due ${formatUkDate(t.dueDate)}` : ''}${t.reference ? ` ${t.reference}` : ''}${t.disputed ? ' (disputed)' : ''}`);
  const details: WriteoffDetails = { owner: debt.owner, property: debt.property, asOf: debt.asOf, stage, prescribesOn, history };
  const posting: ActionPostingLine = { account, code: 'WRITEOFF', category: 'WRITEOFF', amount: -debt.balance as Pence, description: `Write-off: ${reason}` };
  return { kind: WRITEOFF_KIND, reason, evidence: [...evidence, ...(prescribesOn ? [`prescribes on ${formatUkDate(prescribesOn)}`] : [])], amount: debt.balance, accounts: [account], postings: [posting], details: { ...details } };
}

/** The details a write-off action carries (as the log stores them). */
export function writeoffDetails(s: ActionState): WriteoffDetails {
  return s.request.details as unknown as WriteoffDetails;
}
