/**
 * The debt sheets' own issue codes and wording (issue 16). Cell problems keep the shared codes
 * (src/engine/issues.ts) and the register's (../messages.ts); these add what only the debt sheets
 * can get wrong. Same shape as the register's issues, so one list can hold both.
 */
import type { IssueCode, Location, Severity } from '../../issues';
import { describeLocation } from '../../messages';
import { describeFactoringIssue, type FactoringCode } from '../messages';

export type DebtCode =
  | 'debt.type-invalid'
  | 'debt.sign-invalid'
  | 'debt.frequency-invalid'
  | 'debt.disputed-credit'
  | 'debt.renewal-unknown'
  | 'debt.renewal-late'
  | 'debt.discharged-before-registered'
  | 'debt.as-of-invalid'
  | 'debt.trail-broken';

export interface DebtIssue {
  readonly code: IssueCode | FactoringCode | DebtCode;
  readonly severity: Severity;
  readonly raw: string | null;
  readonly location: Location;
  readonly detail: Readonly<Record<string, string>>;
}

const WHAT: Readonly<Record<DebtCode, (d: Readonly<Record<string, string>>) => string>> = {
  'debt.type-invalid': () => 'the Type is not BILL, PAYMENT, ADJUSTMENT, WRITEOFF or FEE',
  'debt.sign-invalid': (d) => `a ${d.type ?? ''} is ${d.type === 'BILL' || d.type === 'FEE' ? 'a debt and must be positive' : 'a credit and must be negative'} (amounts are signed as the owner's debt)`,
  'debt.frequency-invalid': () => 'the Frequency is not WEEKLY, FORTNIGHTLY, FOUR-WEEKLY, MONTHLY or QUARTERLY',
  'debt.disputed-credit': () => 'a payment or credit cannot be disputed: it is applied as undisputed',
  'debt.renewal-unknown': (d) => `the notice it renews, ${d.ref ?? ''}, is not on the NoPL sheet`,
  'debt.renewal-late': (d) => `registered after ${d.ref ?? ''} lapsed (its last valid day was ${d.lastValidDay ?? ''}): it is a new notice, not a renewal`,
  'debt.discharged-before-registered': (d) => `discharged before it was registered (${d.registeredOn ?? ''})`,
  'debt.trail-broken': (d) => d.problem ?? 'the debt trail has been altered',
  'debt.as-of-invalid': () => 'expected the as-of date as YYYY-MM-DD (or dd/mm/yyyy)',
};

function isDebtCode(code: string): code is DebtCode {
  return code in WHAT;
}

/** The whole message for one issue, for a person. */
export function describeDebtIssue(issue: DebtIssue): string {
  if (!isDebtCode(issue.code)) return describeFactoringIssue(issue as Parameters<typeof describeFactoringIssue>[0]);
  const found = issue.raw !== null ? `; found '${issue.raw}'` : '';
  return `${describeLocation(issue.location)}: ${WHAT[issue.code](issue.detail)}${found}`;
}

/** As the CLI's --json writes issues: code, severity, message, raw, location. */
export function debtIssueJson(i: DebtIssue): Record<string, unknown> {
  return { code: i.code, severity: i.severity, message: describeDebtIssue(i), raw: i.raw, location: i.location };
}
