/**
 * The month-end audit pack's "Account actions" sheet (issue 14): every action requested, approved,
 * rejected or posted in the period, with who and when, and the postings the approved ones made in the
 * period. Each action's posted amount is a SUMIF over the postings below; the check ties the postings'
 * sum to what the approvers approved (each request's own postings) by formula, so an auditor can
 * re-perform it in any spreadsheet, and a posting changed after approval shows as DOES NOT TIE.
 */
import { actionStates, postedLines } from '../approvals/approvals';
import type { ApprovalsConfig } from '../approvals/approvals-config';
import type { ActionEvent, ActionState } from '../approvals/types';
import { formatUkDate, type IsoDate } from '../dates';
import { sumPence, toPence, type Pence } from '../money';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from '../sheet-spec';

export const ACTIONS_SHEET = { key: 'audit.account-actions', name: 'HL Account actions' } as const;

const ACTION_COLUMNS = ['Action', 'Kind', 'Amount', 'Accounts', 'Reason', 'Status', 'Requested by', 'Requested at', 'Approved by', 'Approved at', 'Rejected by', 'Rejected at', 'Posted on', 'As approved, posted in period (net)', 'Posted in period (net)'] as const;
const POSTING_COLUMNS = ['Action', 'Date', 'Account Ref', 'Code', 'Amount', 'Description'] as const;

const text = (value: string, style?: CellStyle): CellSpec => (style ? { kind: 'text', value, style } : { kind: 'text', value });
const money = (value: Pence): CellSpec => ({ kind: 'money', value });
const inPeriod = (at: string, start: IsoDate, end: IsoDate): boolean => at.slice(0, 10) >= start && at.slice(0, 10) <= end;

/** True when any step of the action falls in the period. */
function touched(log: readonly ActionEvent[], id: string, start: IsoDate, end: IsoDate): boolean {
  return log.some((e) => e.id === id && inPeriod(e.at, start, end));
}

/** The sheet for the period start..end (inclusive). */
export function accountActionsSheet(log: readonly ActionEvent[], period: { readonly start: IsoDate; readonly end: IsoDate }, config: ApprovalsConfig): SheetSpec {
  const states: ActionState[] = actionStates(log, config).filter((s) => touched(log, s.id, period.start, period.end));
  const lines = postedLines(log).filter((p) => p.date >= period.start && p.date <= period.end);
  const rows: (CellSpec | null)[][] = [];
  rows.push([text(`Account actions, ${formatUkDate(period.start)} to ${formatUkDate(period.end)}`, 'title')]);
  rows.push([text('Every refund, transfer and write-off requested, approved, rejected or posted in the period; posted amounts are formulas over the postings below.', 'note')]);
  rows.push([]);
  const actionHeader = rows.length; // 0-based
  rows.push(ACTION_COLUMNS.map((h) => text(h, 'heading')));
  // The postings table sits below the actions table, a blank row and a title row apart.
  const postingsHeader = actionHeader + 1 + states.length + 2;
  const pFirst = postingsHeader + 2; // 1-based Excel row of the first posting
  const pLast = pFirst + Math.max(lines.length, 1) - 1;
  const pAction = `$A$${pFirst}:$A$${pLast}`;
  const pAmount = `$E$${pFirst}:$E$${pLast}`;
  for (const s of states) {
    const excelRow = rows.length + 1;
    const net = sumPence(lines.filter((l) => l.actionId === s.id).map((l) => l.amount));
    rows.push([
      text(s.id),
      text(s.kind),
      money(s.request.amount),
      text(s.request.accounts.join(', ')),
      text(s.request.reason),
      text(s.status),
      text(s.requestedBy),
      text(s.requestedAt),
      text(s.approvals.map((a) => `${a.by}${a.role !== null ? ` (${a.role})` : ''}`).join('; ')),
      text(s.approvals.map((a) => a.at).join('; ')),
      text(s.rejected?.by ?? ''),
      text(s.rejected?.at ?? ''),
      s.posted !== null ? { kind: 'date', value: s.posted.date } : text(''),
      money(s.posted !== null && s.posted.date >= period.start && s.posted.date <= period.end ? sumPence(s.request.postings.map((p) => p.amount)) : toPence(0)),
      { kind: 'formula', formula: `SUMIF(${pAction},A${excelRow},${pAmount})`, result: { kind: 'money', value: net } },
    ]);
  }
  rows.push([]);
  rows.push([text('Postings made by approved actions in the period', 'heading')]);
  rows.push(POSTING_COLUMNS.map((h) => text(h, 'heading')));
  for (const l of lines) rows.push([text(l.actionId), { kind: 'date', value: l.date }, text(l.account), text(l.code), money(l.amount), text(l.description)]);
  if (lines.length === 0) rows.push([text('(none)'), null, null, null, money(toPence(0)), null]);
  rows.push([]);
  const total = sumPence(lines.map((l) => l.amount));
  const aFirst = actionHeader + 2;
  const aLast = actionHeader + 1 + Math.max(states.length, 0);
  const totalRow = rows.length + 1;
  rows.push([text('Postings in the period (sum)', 'label'), null, null, null, { kind: 'formula', formula: `SUM(${pAmount})`, result: { kind: 'money', value: total }, style: 'total' }]);
  const byActionsRow = rows.length + 1;
  // What the approvers approved to post: the requests' own postings, not read from the table above.
  const approvedNet = sumPence(states.filter((s) => s.posted !== null && s.posted.date >= period.start && s.posted.date <= period.end).map((s) => sumPence(s.request.postings.map((p) => p.amount))));
  rows.push([text('As approved, posted in the period (sum)', 'label'), null, null, null, { kind: 'formula', formula: states.length > 0 ? `SUM(N${aFirst}:N${aLast})` : '0', result: { kind: 'money', value: approvedNet }, style: 'total' }]);
  const ties = approvedNet === total;
  rows.push([text('Check', 'label'), null, null, null, { kind: 'formula', formula: `IF(ROUND(E${totalRow}-E${byActionsRow},2)=0,"TIES","DOES NOT TIE")`, result: { kind: 'text', value: ties ? 'TIES' : 'DOES NOT TIE' }, style: ties ? 'status-ok' : 'status-bad' }]);
  const tables: TableSpec[] = [];
  return { key: ACTIONS_SHEET.key, name: ACTIONS_SHEET.name, rows, columnWidths: [10, 10, 12, 18, 36, 22, 18, 22, 24, 22, 18, 22, 12, 16, 16], tables, freeze: { rows: actionHeader + 1, cols: 1 }, protect: true };
}
