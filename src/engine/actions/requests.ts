/**
 * The three account actions of issue 14 as requests to the approval engine: each builds the request
 * body (reason, evidence, amount, accounts, the postings it will make once approved, its details).
 * The postings follow the postings sheet's sign: positive is a debit to the tenant's account.
 * - refund: the credit paid out, a debit of the amount to the account (REFUND);
 * - transfer: a debit to the account the money leaves and a credit to the one it joins (TRANSFER),
 *   a pair that sums to zero;
 * - write-off: a credit of the amount to the account in arrears (WRITEOFF).
 */
import type { ActionRequestBody } from '../approvals/types';
import type { IsoDate } from '../dates';
import { formatPence, negPence, type Pence } from '../money';
import type { Posting } from '../records';

export const REFUND_METHODS = ['bacs', 'finance-csv'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];

export interface Payee {
  readonly name: string;
  /** Digits only (the request refuses anything else). */
  readonly sortCode: string;
  readonly bankAccount: string;
}

export interface RefundRequestInput {
  readonly account: string;
  readonly amount: Pence;
  readonly reason: string;
  readonly evidence: readonly string[];
  readonly method: RefundMethod;
  /** Required for a Bacs refund. */
  readonly payee: Payee | null;
  /** The candidate's flags when the request was made, kept with it for the approver. */
  readonly risks: readonly string[];
}

export type BuiltRequest = { readonly ok: true; readonly request: ActionRequestBody } | { readonly ok: false; readonly problem: string };

export function refundRequest(r: RefundRequestInput): BuiltRequest {
  if (r.method === 'bacs') {
    if (r.payee === null) return { ok: false, problem: 'a Bacs refund needs the payee’s name, sort code and account number' };
    if (!/^\d{6}$/.test(r.payee.sortCode)) return { ok: false, problem: `the sort code '${r.payee.sortCode}' is not 6 digits` };
    if (!/^\d{8}$/.test(r.payee.bankAccount)) return { ok: false, problem: `the account number '${r.payee.bankAccount}' is not 8 digits` };
    if (r.payee.name.trim() === '') return { ok: false, problem: 'the payee’s name is empty' };
  }
  return {
    ok: true,
    request: {
      kind: 'refund',
      reason: r.reason,
      evidence: [...r.evidence],
      amount: r.amount,
      accounts: [r.account],
      postings: [{ account: r.account, code: 'REFUND', category: 'REFUND', amount: r.amount, description: `Refund of credit (${r.method === 'bacs' ? 'Bacs' : 'finance system'})` }],
      details: { method: r.method, payee: r.payee === null ? null : { ...r.payee }, risks: [...r.risks] },
    },
  };
}

export const TRANSFER_TYPES = ['former-to-current', 'misposted-payment', 'rechargeable-repair', 'other'] as const;
export type TransferType = (typeof TRANSFER_TYPES)[number];

export interface TransferRequestInput {
  /** The account the amount leaves (its balance goes up by the amount). */
  readonly from: string;
  /** The account the amount joins (its balance goes down by the amount). */
  readonly to: string;
  readonly amount: Pence;
  readonly type: TransferType;
  readonly reason: string;
  readonly evidence: readonly string[];
}

export function transferRequest(r: TransferRequestInput): BuiltRequest {
  if (r.from.trim() === r.to.trim()) return { ok: false, problem: 'a transfer needs two different accounts' };
  return {
    ok: true,
    request: {
      kind: 'transfer',
      reason: r.reason,
      evidence: [...r.evidence],
      amount: r.amount,
      accounts: [r.from, r.to],
      postings: [
        { account: r.from, code: 'TRANSFER', category: 'TRANSFER', amount: r.amount, description: `Transfer to ${r.to} (${r.type})` },
        { account: r.to, code: 'TRANSFER', category: 'TRANSFER', amount: negPence(r.amount), description: `Transfer from ${r.from} (${r.type})` },
      ],
      details: { type: r.type },
    },
  };
}

export const WRITE_OFF_REASONS = ['former-tenant-untraced', 'deceased-no-estate', 'statute-barred', 'uneconomic-to-pursue', 'small-balance'] as const;
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

export const WRITE_OFF_REASON_LABELS: Readonly<Record<WriteOffReason, string>> = {
  'former-tenant-untraced': 'Former tenant untraced',
  'deceased-no-estate': 'Deceased, no estate',
  'statute-barred': 'Statute-barred (Limitation Act 1980, six years)',
  'uneconomic-to-pursue': 'Uneconomic to pursue',
  'small-balance': 'Small balance',
};

export interface HistoryLine {
  readonly date: IsoDate;
  readonly code: string;
  readonly amount: string;
  readonly description: string;
}

export interface WriteOffRequestInput {
  readonly account: string;
  readonly tenant: string;
  readonly amount: Pence;
  readonly reasonCode: WriteOffReason;
  readonly reason: string;
  readonly evidence: readonly string[];
  /** The account's postings, attached to the request for the approving body. */
  readonly history: readonly Posting[];
  readonly balance: Pence;
}

export function writeOffRequest(r: WriteOffRequestInput): BuiltRequest {
  if (r.amount > r.balance) return { ok: false, problem: `the write-off of ${formatPence(r.amount)} is more than the arrears of ${formatPence(r.balance)}` };
  const history: HistoryLine[] = [...r.history]
    .filter((p) => p.account === r.account)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row))
    .map((p) => ({ date: p.date, code: p.code, amount: formatPence(p.amount), description: p.description }));
  return {
    ok: true,
    request: {
      kind: 'writeoff',
      reason: r.reason,
      evidence: [...r.evidence],
      amount: r.amount,
      accounts: [r.account],
      postings: [{ account: r.account, code: 'WRITEOFF', category: 'WRITEOFF', amount: negPence(r.amount), description: `Write-off: ${WRITE_OFF_REASON_LABELS[r.reasonCode]}` }],
      details: { reasonCode: r.reasonCode, tenant: r.tenant, balance: formatPence(r.balance), history },
    },
  };
}
