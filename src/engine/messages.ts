/** All user-facing wording for input issues lives here, so every surface (CLI, pane, audit pack) says the same thing. */
import type { InputIssue, IssueCode, Location } from './issues';

const WHAT: Readonly<Record<IssueCode, (d: Readonly<Record<string, string>>) => string>> = {
  'workbook.empty': () => 'the workbook has no sheets with data',
  'role.missing': (d) =>
    `no sheet looks like the ${d.role ?? 'required'} sheet (it needs the columns ${d.expected ?? ''}); check the headers or name the sheet in the config`,
  'role.ambiguous': (d) => `both '${d.first ?? ''}' and '${d.second ?? ''}' look like the ${d.role ?? ''} sheet; name the one to use in the config (sheets.${d.key ?? ''})`,
  'column.missing': (d) =>
    `the ${d.role ?? ''} sheet has no column for ${d.field ?? ''} (headers accepted: ${d.expected ?? ''}); headers found: ${d.found ?? ''}`,
  'cell.error': () => 'the cell holds a spreadsheet error instead of a value',
  'amount.blank': () => 'the amount is blank',
  'amount.not-number': () => 'the amount is not a number of pounds (expected e.g. 1234.50, £1,234.50, (123.45) or 123.45 CR)',
  'amount.too-many-decimals': () => 'the amount has more than two decimal places; money must be whole pence',
  'amount.debit-and-credit': () => 'both Debit and Credit are filled on one line; only one of them was expected',
  'date.blank': () => 'the date is blank',
  'date.invalid': () => 'not a valid date (expected a real Excel date or day-first text such as 03/04/2026)',
  'date.outside-period': (d) => `the date is outside the period ${d.period ?? ''}; the posting is still counted`,
  'date.end-before-start': (d) => `the tenancy ends before it starts (start ${d.start ?? ''})`,
  'ref.blank': () => 'the reference is blank',
  'ref.duplicate': (d) => `the account ${d.ref ?? ''} appears twice on the rent roll (first at row ${d.firstRow ?? '?'})`,
  'code.unknown': (d) =>
    `the transaction code is not one of the categories (${d.categories ?? ''}) and the config does not map it`,
  'source.unknown': (d) => `the GL source is not OPENING, a category (${d.categories ?? ''}) or a code the config maps`,
  'account.not-on-roll': (d) => `the account ${d.ref ?? ''} has postings but is not on the rent roll; it is shown as a balance exception`,
  'row.total-skipped': () => 'a totals row was skipped',
  'config.invalid': (d) => `the config is not valid: ${d.problem ?? ''}`,
  'amount.double-sign': () => 'the amount carries two signs (e.g. (-282.08), --282.08 or -282.08 CR), so it could mean either; write it with one sign',
  'amount.out-of-range': (d) => `the amount is beyond the largest amount a cell may hold (${d.limit ?? '£1,000,000,000.00'})`,
  'column.ambiguous': (d) =>
    `both column ${d.first ?? ''} and column ${d.second ?? ''} could be ${d.field ?? ''} on the ${d.role ?? ''} sheet; name the one to use in the config (columns.${d.key ?? ''}.${d.fieldKey ?? ''})`,
  'ref.invisible-removed': () => 'invisible characters (zero-width space, non-breaking space or byte-order mark) were removed from the reference before it was compared',
  'ref.too-long': (d) => `the text is longer than ${d.limit ?? ''} characters; only the first ${d.limit ?? ''} are used for matching`,
  'text.mojibake': () => 'the text holds characters that did not survive a change of encoding (shown as �); the file was probably saved in another encoding such as Windows-1252',
  'date.two-digit-year': (d) =>
    d.refused === 'yes'
      ? 'the date has a two-digit year, which is not accepted for a tenancy date; write the year in full'
      : `the date has a two-digit year, read as ${d.year ?? ''}; write the year in full to be sure`,
  'sheet.too-large': (d) => `the sheet is larger than this tool reads (${d.found ?? ''}; the limit is ${d.limit ?? ''})`,
};

/** Where, in words: "sample.xlsx, sheet 'GL', row 14, column F (Credit)". */
export function describeLocation(loc: Location): string {
  const parts = [loc.file];
  if (loc.sheet !== null) parts.push(`sheet '${loc.sheet}'`);
  if (loc.row !== null) parts.push(`row ${loc.row}`);
  if (loc.column !== null) parts.push(`column ${loc.column}${loc.header ? ` (${loc.header})` : ''}`);
  return parts.join(', ');
}

/** The whole message for one issue, for a person. */
export function describeIssue(issue: InputIssue): string {
  const what = WHAT[issue.code](issue.detail);
  const found = issue.raw !== null ? `; found '${issue.raw}'` : '';
  return `${describeLocation(issue.location)}: ${what}${found}`;
}

export function severityLabel(issue: InputIssue): string {
  return issue.severity === 'error' ? 'Error' : issue.severity === 'warning' ? 'Warning' : 'Note';
}
