/**
 * Approval of a dry run before anything is released: by a named person who is not the preparer
 * (the audit module's one same-person rule), and bound to the run's digest, so an approval of
 * yesterday's figures never releases today's. Shaped like the approval engine of issue 14
 * (src/engine/approvals/) so it can be moved onto it once that lands.
 */
import { personKey, samePerson } from '../audit/people';

export interface RunApproval {
  readonly runDigest: string;
  readonly preparedBy: string;
  readonly approvedBy: string;
  readonly at: string;
}

export type ApprovalProblem = 'preparer-blank' | 'approver-blank' | 'same-person';

export function approveRun(runDigest: string, preparedBy: string, approvedBy: string, at: string): { approval: RunApproval } | { problem: ApprovalProblem } {
  if (personKey(preparedBy) === '') return { problem: 'preparer-blank' };
  if (personKey(approvedBy) === '') return { problem: 'approver-blank' };
  if (samePerson(preparedBy, approvedBy)) return { problem: 'same-person' };
  return { approval: { runDigest, preparedBy, approvedBy, at } };
}

export const APPROVAL_PROBLEM_TEXT: Readonly<Record<ApprovalProblem, string>> = {
  'preparer-blank': 'the run must name who prepared it',
  'approver-blank': 'the approver must be named',
  'same-person': 'the run must be approved by someone other than whoever prepared it',
};
