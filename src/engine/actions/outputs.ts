/**
 * What approved actions produce: the postings (CSV for the housing system), the refunds as a Bacs
 * Standard 18 credit file (transaction code 99, through the same writer the Direct Debits use) or a
 * CSV for the finance system, and the write-off schedule for the approving body. Only approved actions
 * appear: the approval engine posts nothing before approval.
 */
import { postedLines, type PostedLine } from '../approvals/approvals';
import type { ActionState } from '../approvals/types';
import { formatUkDate, type IsoDate } from '../dates';
import { writeStandard18, type Std18Record } from '../dd/standard18';
import { formatPence, sumPence, toPence, type Pence } from '../money';
import type { SheetSpec, CellSpec } from '../sheet-spec';
import { csvText } from '../suspense/clearance-journal';
import type { ActionEvent } from '../approvals/types';
import { WRITE_OFF_REASON_LABELS, type Payee, type RefundMethod, type WriteOffReason } from './requests';

export const ACTION_POSTINGS_COLUMNS = ['Account Ref', 'Date', 'Amount', 'Code', 'Batch', 'Description'] as const;

/** The postings the approved actions made (dated from..to inclusive when given), as the postings sheet lays them out. */
export function actionPostingsCsv(log: readonly ActionEvent[], from: IsoDate | null = null, to: IsoDate | null = null): string {
  const lines = postedLines(log).filter((p) => (from === null || p.date >= from) && (to === null || p.date <= to));
  const rows = lines.map((p) => [csvText(p.account), formatUkDate(p.date), formatPence(p.amount), csvText(p.code), csvText(p.actionId), csvText(p.description)].join(','));
  return `${[ACTION_POSTINGS_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export interface ApprovedRefund {
  readonly id: string;
  readonly account: string;
  readonly amount: Pence;
  readonly method: RefundMethod;
  readonly payee: Payee | null;
  readonly postedOn: IsoDate;
  readonly approvedBy: string;
}

/** Approved refunds (posted from..to inclusive when given), in log order. */
export function approvedRefunds(states: readonly ActionState[], from: IsoDate | null = null, to: IsoDate | null = null): ApprovedRefund[] {
  return states
    .filter((s) => s.kind === 'refund' && s.status === 'approved' && s.posted !== null && (from === null || s.posted.date >= from) && (to === null || s.posted.date <= to))
    .map((s) => {
      const d = s.request.details as { method?: RefundMethod; payee?: Payee | null };
      return {
        id: s.id,
        account: s.request.accounts[0] ?? '',
        amount: s.request.amount,
        method: d.method ?? 'finance-csv',
        payee: d.payee ?? null,
        postedOn: (s.posted as { date: IsoDate }).date,
        approvedBy: s.approvals.map((a) => a.by).join(' & '),
      };
    });
}

export interface RefundBacsSettings {
  readonly sun: string;
  readonly serviceUserName: string;
  readonly originator: { readonly sortCode: string; readonly account: string; readonly name: string };
  readonly processingDay: IsoDate;
  readonly created: IsoDate;
  readonly fileNumber: number;
}

/** The Bacs credit file for the approved refunds paid by Bacs; null when there are none. */
export function refundBacsFile(refunds: readonly ApprovedRefund[], s: RefundBacsSettings): string | null {
  const records: Std18Record[] = refunds
    .filter((r) => r.method === 'bacs' && r.payee !== null)
    .map((r) => ({ sortCode: (r.payee as Payee).sortCode, account: (r.payee as Payee).bankAccount, code: '99', amount: r.amount, reference: `REFUND ${r.account}`, payerName: (r.payee as Payee).name }));
  if (records.length === 0) return null;
  return writeStandard18({ sun: s.sun, serviceUserName: s.serviceUserName, originator: s.originator, processingDay: s.processingDay, created: s.created, fileNumber: s.fileNumber, records });
}

export const REFUND_CSV_COLUMNS = ['Action', 'Account Ref', 'Payee', 'Amount', 'Method', 'Approved On', 'Approved By'] as const;

/** Every approved refund for the finance system (the Bacs ones too, marked so), money as decimals. */
export function refundCsv(refunds: readonly ApprovedRefund[]): string {
  const rows = refunds.map((r) => [csvText(r.id), csvText(r.account), csvText(r.payee?.name ?? ''), formatPence(r.amount), r.method, formatUkDate(r.postedOn), csvText(r.approvedBy)].join(','));
  return `${[REFUND_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export interface WriteOffScheduleLine {
  readonly id: string;
  readonly account: string;
  readonly tenant: string;
  readonly reason: string;
  readonly amount: Pence;
  readonly status: string;
  readonly requestedBy: string;
  readonly historyLines: number;
}

/** The write-offs awaiting the approving body (and those decided), for its meeting. */
export function writeOffSchedule(states: readonly ActionState[]): WriteOffScheduleLine[] {
  return states
    .filter((s) => s.kind === 'writeoff')
    .map((s) => {
      const d = s.request.details as { reasonCode?: WriteOffReason; tenant?: string; history?: unknown[] };
      return {
        id: s.id,
        account: s.request.accounts[0] ?? '',
        tenant: d.tenant ?? '',
        reason: d.reasonCode !== undefined ? WRITE_OFF_REASON_LABELS[d.reasonCode] : '',
        amount: s.request.amount,
        status: s.status,
        requestedBy: s.requestedBy,
        historyLines: d.history?.length ?? 0,
      };
    });
}

/** The schedule as a sheet: one row per write-off and a total by formula. */
export function writeOffScheduleSheet(lines: readonly WriteOffScheduleLine[]): SheetSpec {
  const header = ['Action', 'Account Ref', 'Tenant', 'Reason', 'Amount', 'Status', 'Requested by', 'History lines'];
  const t = (value: string, style?: 'heading' | 'title' | 'label' | 'total'): CellSpec => (style ? { kind: 'text', value, style } : { kind: 'text', value });
  const rows: (CellSpec | null)[][] = [[t('Write-off schedule', 'title')], header.map((h) => t(h, 'heading'))];
  for (const l of lines) rows.push([t(l.id), t(l.account), t(l.tenant), t(l.reason), { kind: 'money', value: l.amount }, t(l.status), t(l.requestedBy), { kind: 'number', value: l.historyLines }]);
  const first = 3;
  const last = 2 + lines.length;
  const total = sumPence(lines.map((l) => l.amount));
  rows.push([t('Total', 'total'), null, null, null, { kind: 'formula', formula: lines.length > 0 ? `SUM(E${first}:E${last})` : '0', result: { kind: 'money', value: lines.length > 0 ? total : toPence(0) }, style: 'total' }]);
  return { key: 'actions.writeoff-schedule', name: 'HL Write-off schedule', rows, columnWidths: [10, 14, 26, 40, 14, 22, 22, 14], tables: [], freeze: { rows: 2, cols: 0 }, protect: true };
}

export type { PostedLine };
