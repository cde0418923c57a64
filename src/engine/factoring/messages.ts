/**
 * The factoring register's own issue codes and their wording. Issues found while reading cells keep
 * the shared codes (src/engine/issues.ts) and wording (src/engine/messages.ts); these add what only
 * the register can get wrong.
 */
import type { InputIssue, IssueCode, Location, Severity } from '../issues';
import { describeIssue, describeLocation } from '../messages';

export type FactoringCode =
  | 'factoring.sheet-missing'
  | 'factoring.share-invalid'
  | 'factoring.basis-invalid'
  | 'factoring.share-sum'
  | 'factoring.ownership-overlap'
  | 'factoring.ownership-gap'
  | 'factoring.owner-unknown'
  | 'factoring.property-unknown'
  | 'factoring.floor-area-missing'
  | 'factoring.yes-no-invalid'
  | 'factoring.pf-missing'
  | 'factoring.quarter-invalid'
  | 'factoring.ref-duplicate'
  | 'factoring.end-before-start';

export interface FactoringIssue {
  readonly code: IssueCode | FactoringCode;
  readonly severity: Severity;
  readonly raw: string | null;
  readonly location: Location;
  readonly detail: Readonly<Record<string, string>>;
}

const WHAT: Readonly<Record<FactoringCode, (d: Readonly<Record<string, string>>) => string>> = {
  'factoring.sheet-missing': (d) => `no sheet looks like the ${d.sheet ?? ''} sheet (it needs the columns ${d.expected ?? ''})`,
  'factoring.share-invalid': () => 'the share is not a fraction (1/6), a decimal (0.25) or a percentage (25%) between 0 and 1',
  'factoring.basis-invalid': () => 'the basis is not DEEDS, TMS or AGREED',
  'factoring.share-sum': (d) =>
    `the ${d.heading ?? ''} shares of block ${d.block ?? ''} add up to ${d.sum ?? ''}, not 1, from ${d.from ?? ''}${d.to ? ` to ${d.to}` : ''}`,
  'factoring.ownership-overlap': (d) => `property ${d.property ?? ''} has two owners on ${d.day ?? ''} (the other period is at row ${d.otherRow ?? '?'})`,
  'factoring.ownership-gap': (d) => `property ${d.property ?? ''} has no owner from ${d.from ?? ''} to ${d.to ?? ''} in the quarter`,
  'factoring.owner-unknown': (d) => `the owner ${d.ref ?? ''} is not on the Owners sheet`,
  'factoring.property-unknown': (d) => `the property ${d.ref ?? ''} is not on the Properties sheet`,
  'factoring.floor-area-missing': (d) =>
    `the Tenement Management Scheme split of block ${d.block ?? ''} needs every flat's floor area; ${d.ref ?? ''} has none`,
  'factoring.yes-no-invalid': () => 'expected Y or N',
  'factoring.pf-missing': () => 'the config has no factoring.pfNumber (the factor\'s registration number): no owner-facing output is produced without it',
  'factoring.quarter-invalid': (d) => `expected a calendar quarter as YYYY-Qn, e.g. 2026-Q4; found '${d.text ?? ''}'`,
  'factoring.end-before-start': (d) => `the period ends before it starts (from ${d.start ?? ''})`,
  'factoring.ref-duplicate': (d) => `${d.ref ?? ''} appears twice (first at row ${d.firstRow ?? '?'})`,
};

function isFactoringCode(code: string): code is FactoringCode {
  return code in WHAT;
}

/** The whole message for one issue, for a person. */
export function describeFactoringIssue(issue: FactoringIssue): string {
  if (!isFactoringCode(issue.code)) return describeIssue(issue as InputIssue);
  const found = issue.raw !== null ? `; found '${issue.raw}'` : '';
  return `${describeLocation(issue.location)}: ${WHAT[issue.code](issue.detail)}${found}`;
}

/** As the CLI's --json writes issues elsewhere: code, severity, message, raw, location. */
export function factoringIssueJson(i: FactoringIssue): Record<string, unknown> {
  return { code: i.code, severity: i.severity, message: describeFactoringIssue(i), raw: i.raw, location: i.location };
}
