/**
 * The P&L and KPI pack's own issue codes and their wording (issue 16): the month, the Costs sheet and
 * the budget file. Cells read by the shared CellReader keep the shared codes and wording.
 */
import type { InputIssue, IssueCode, Location, Severity } from '../../issues';
import { describeIssue, describeLocation } from '../../messages';
import { describeDebtIssue, type DebtCode, type DebtIssue } from '../debt/messages';
import { describeFactoringIssue, type FactoringIssue } from '../messages';

export type ReportCode =
  | 'report.month-invalid'
  | 'report.budget-column-missing'
  | 'report.budget-month-invalid'
  | 'report.budget-amount-invalid'
  | 'report.budget-duplicate'
  | 'report.budget-empty'
  | 'report.no-factoring-config';

export interface ReportIssue {
  readonly code: IssueCode | FactoringIssue['code'] | DebtCode | ReportCode;
  readonly severity: Severity;
  readonly raw: string | null;
  readonly location: Location;
  readonly detail: Readonly<Record<string, string>>;
}

const WHAT: Readonly<Record<ReportCode, (d: Readonly<Record<string, string>>) => string>> = {
  'report.month-invalid': () => 'expected a month as YYYY-MM, e.g. 2026-12',
  'report.budget-column-missing': (d) => `the budget needs the columns Line, Month and Amount; ${d.missing ?? ''} is missing`,
  'report.budget-month-invalid': () => 'expected a month as YYYY-MM, e.g. 2026-04',
  'report.budget-amount-invalid': () => 'expected an amount in pounds with at most two decimals',
  'report.budget-duplicate': (d) => `${d.line ?? ''} for ${d.month ?? ''} is budgeted twice (first at row ${d.firstRow ?? '?'})`,
  'report.budget-empty': () => 'the budget file has no rows under its header',
  'report.no-factoring-config': () => 'the config has no factoring object: no bill run is worked out, so management fees, admin fees and recharges are nil',
};

function isReportCode(code: string): code is ReportCode {
  return code in WHAT;
}

/** The whole message for one issue, for a person. */
export function describeReportIssue(issue: ReportIssue): string {
  if (!isReportCode(issue.code)) {
    if (issue.code.startsWith('debt.')) return describeDebtIssue(issue as DebtIssue);
    return issue.code.startsWith('factoring.') ? describeFactoringIssue(issue as FactoringIssue) : describeIssue(issue as InputIssue);
  }
  const found = issue.raw !== null ? `; found '${issue.raw}'` : '';
  return `${describeLocation(issue.location)}: ${WHAT[issue.code](issue.detail)}${found}`;
}

/** As the CLI's --json writes issues elsewhere: code, severity, message, raw, location. */
export function reportIssueJson(i: ReportIssue): Record<string, unknown> {
  return { code: i.code, severity: i.severity, message: describeReportIssue(i), raw: i.raw, location: i.location };
}
