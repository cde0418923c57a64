/**
 * Job: the approved outputs (CLI `actions export`; the pane's Approved outputs). From the log: the
 * postings the approved actions made (postings.csv, for the housing system), the approved refunds
 * for the finance system (refunds.csv), the refunds paid by Bacs as a Standard 18 credit file checked
 * by the same checker as `dd check` (refunds-bacs.txt, only when the Bacs settings are given), and the
 * write-off schedule (writeoff-schedule.csv). Only approved actions posted from..to (inclusive).
 *
 * Decisions (issue 14): a Bacs file that fails its own check is not returned (the findings are);
 * the processing day must be a Bacs working day by the holiday list.
 */
import { actionStates } from '../approvals/approvals';
import type { ActionEvent } from '../approvals/types';
import type { LedgerConfig } from '../config';
import { formatUkDate, parseDayFirst, type IsoDate } from '../dates';
import { checkStandard18 } from '../dd/standard18-check';
import { isWorkingDay, parseHolidays } from '../dd/working-days';
import { formatGBP, formatPence, sumPence } from '../money';
import { csvText } from '../suspense/clearance-journal';
import { actionPostingsCsv, approvedRefunds, refundBacsFile, refundCsv, writeOffSchedule } from '../actions/outputs';

export interface BacsSettingsInput {
  readonly sun: string;
  /** "SORTCODE:ACCOUNT" (dashes allowed in the sort code). */
  readonly originator: string;
  readonly originatorName: string;
  readonly serviceUserName: string;
  /** The processing day, as typed (YYYY-MM-DD or dd/mm/yyyy). */
  readonly processingDay: string;
  readonly fileNumber: number;
}

export interface ActionsExportInput {
  readonly log: readonly ActionEvent[];
  readonly config: LedgerConfig;
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  readonly bacs: BacsSettingsInput | null;
  readonly holidaysText: string;
  /** The clock: an ISO instant (the Bacs file's creation date). */
  readonly at: string;
}

export interface ExportFile {
  readonly name: string;
  readonly text: string;
}

export type ActionsExportResult = { readonly ok: true; readonly files: readonly ExportFile[]; readonly text: string; readonly json: unknown } | { readonly ok: false; readonly code: string; readonly summary: string; readonly problems: readonly string[] };

export const WRITE_OFF_SCHEDULE_COLUMNS = ['Action', 'Account Ref', 'Tenant', 'Reason', 'Amount', 'Status', 'Requested By', 'History Lines'] as const;

export function runActionsExport(input: ActionsExportInput): ActionsExportResult {
  const states = actionStates(input.log, input.config.approvals);
  const refunds = approvedRefunds(states, input.from, input.to);
  const schedule = writeOffSchedule(states);
  const files: ExportFile[] = [
    { name: 'postings.csv', text: actionPostingsCsv(input.log, input.from, input.to) },
    { name: 'refunds.csv', text: refundCsv(refunds) },
    { name: 'writeoff-schedule.csv', text: `${[WRITE_OFF_SCHEDULE_COLUMNS.join(','), ...schedule.map((l) => [csvText(l.id), csvText(l.account), csvText(l.tenant), csvText(l.reason), formatPence(l.amount), l.status, csvText(l.requestedBy), String(l.historyLines)].join(','))].join('\r\n')}\r\n` },
  ];
  const bacsRefunds = refunds.filter((r) => r.method === 'bacs');
  let bacsLine = `${bacsRefunds.length} Bacs refund(s) ${formatGBP(sumPence(bacsRefunds.map((r) => r.amount)))}: no Bacs file (give the Bacs settings to write one)`;
  if (input.bacs !== null && bacsRefunds.length > 0) {
    const b = input.bacs;
    const m = /^(\d{2}-?\d{2}-?\d{2}):(\d{8})$/.exec(b.originator.trim());
    const day = parseDayFirst(b.processingDay);
    const calendar = parseHolidays(input.holidaysText).calendar;
    const problems: string[] = [];
    if (!/^\d{6}$/.test(b.sun)) problems.push(`the service user number '${b.sun}' is not 6 digits`);
    if (m === null) problems.push(`the originator '${b.originator}' is not SORTCODE:ACCOUNT (6 and 8 digits)`);
    if (day === null) problems.push(`the processing day '${b.processingDay}' is not a date`);
    else if (!isWorkingDay(calendar, day)) problems.push(`the processing day ${formatUkDate(day)} is not a Bacs working day`);
    const created = input.at.slice(0, 10) as IsoDate;
    if (day !== null && created > day) problems.push(`the processing day ${formatUkDate(day)} is before today (${formatUkDate(created)})`);
    if (!Number.isInteger(b.fileNumber) || b.fileNumber < 1 || b.fileNumber > 999) problems.push('the file number must be 1 to 999');
    if (problems.length > 0 || m === null || day === null) return { ok: false, code: 'bacs.settings', summary: 'the Bacs settings are not valid', problems };
    const text = refundBacsFile(bacsRefunds, { sun: b.sun, serviceUserName: b.serviceUserName, originator: { sortCode: (m[1] as string).replace(/-/g, ''), account: m[2] as string, name: b.originatorName }, processingDay: day, created, fileNumber: b.fileNumber }) as string;
    const check = checkStandard18(text, calendar);
    if (!check.passes) return { ok: false, code: 'bacs.check', summary: 'the refunds Bacs file fails the Standard 18 check', problems: check.findings.map((f) => `line ${f.line}:${f.position}: ${f.code}: ${f.message}`) };
    files.push({ name: 'refunds-bacs.txt', text });
    bacsLine = `${bacsRefunds.length} Bacs refund(s) ${formatGBP(sumPence(bacsRefunds.map((r) => r.amount)))} in refunds-bacs.txt for processing day ${formatUkDate(day)}; it passes the Standard 18 check`;
  }
  const postedCount = actionPostingsCsv(input.log, input.from, input.to).trim().split('\r\n').length - 1;
  return {
    ok: true,
    files,
    text: [`${postedCount} posting(s) from approved actions in postings.csv`, `${refunds.length} approved refund(s) in refunds.csv`, bacsLine, `${schedule.length} write-off(s) on the schedule (${schedule.filter((l) => l.status.startsWith('awaiting')).length} awaiting approval)`].join('\n'),
    json: { postings: postedCount, refunds: refunds.length, bacsRefunds: bacsRefunds.length, bacsFile: files.some((f) => f.name === 'refunds-bacs.txt'), writeOffs: schedule.length, files: files.map((f) => f.name) },
  };
}
