/**
 * What every job shares: which input errors stop it, the refusal it returns, and the small parsers
 * both front ends apply to what a person types (an amount, a list of channels).
 */
import { RECEIPT_CATEGORIES, type Category } from '../categories';
import type { IsoDate } from '../dates';
import type { InputIssue } from '../issues';
import { parsePence, type Pence } from '../money';
import type { Sources } from '../sources/read-sources';

/** A job that did not run: a short summary, every reason in words (the first MAX_LISTED), and the located issues. */
export interface JobRefusal<I = InputIssue> {
  readonly ok: false;
  /** "3 problem(s) in the input", "needs a rent roll sheet": the front end adds what was not done. */
  readonly summary: string;
  readonly problems: readonly string[];
  readonly issues: readonly I[];
}

/** A broken file can have thousands of bad lines: the first 50 say enough. */
export const MAX_LISTED = 50;

export function firstProblems(lines: readonly string[]): string[] {
  return lines.length <= MAX_LISTED ? [...lines] : [...lines.slice(0, MAX_LISTED), `... and ${lines.length - MAX_LISTED} more`];
}

/**
 * The errors that stop a job: those in a sheet the job reads, those located in no sheet, and those
 * about finding the sheets and columns (a missing or ambiguous role, a missing column). An error in a
 * sheet the job does not read (the GL, for suspense matching) does not stop it; it is still reported.
 */
export function blockingIssues(issues: readonly InputIssue[], usedSheets: readonly string[]): InputIssue[] {
  const used = new Set(usedSheets);
  return issues.filter(
    (i) => i.severity === 'error' && (i.location.sheet === null || used.has(i.location.sheet) || i.code.startsWith('role.') || i.code.startsWith('workbook.') || i.code === 'column.missing'),
  );
}

/** The sheets of the given roles that were found. */
export function sheetsOf(sources: Sources, roles: readonly ('rentRoll' | 'transactions' | 'gl' | 'suspense')[]): string[] {
  return roles.flatMap((r) => {
    const s = sources[r];
    return s ? [s.detection.sheet] : [];
  });
}

/** The day of an instant (UTC), e.g. the clock's day when no as-of date is given. */
export function dayOf(instant: string): IsoDate {
  return instant.slice(0, 10) as IsoDate;
}

/** An amount as a person types it: "£1,234.56", "1234.5", " 12 "; null when not an amount with at most two decimals. */
export function parseAmountInput(text: string): Pence | null {
  return parsePence(text.replace(/[£,\s]/g, ''));
}

/** "ALLPAY, cash" -> the receipt channels; null when empty or any is not a receipt channel. */
export function parseChannelList(text: string): Category[] | null {
  const list = text
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  if (list.length === 0 || list.some((c) => !RECEIPT_CATEGORIES.includes(c as Category))) return null;
  return list as Category[];
}
