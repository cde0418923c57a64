import fc from 'fast-check';
import { approveAction, actionStates, postedLines, requestAction } from '../approvals/approvals';
import { DEFAULT_APPROVALS, DEFAULT_REFUND_SETTINGS } from '../approvals/approvals-config';
import type { ActionEvent, ActionRequestBody } from '../approvals/types';
import type { Category } from '../categories';
import type { IsoDate } from '../dates';
import { checkStandard18 } from '../dd/standard18-check';
import { parseHolidays } from '../dd/working-days';
import { sumPence, toPence, type Pence } from '../money';
import type { Posting, Tenancy } from '../records';
import { actionPostingsCsv, approvedRefunds, refundBacsFile, refundCsv, writeOffSchedule, writeOffScheduleSheet } from './outputs';
import { refundCandidates, type RefundCandidatesInput, type RefundRiskCode } from './refund-candidates';
import { refundRequest, transferRequest, writeOffRequest } from './requests';

const d = (s: string): IsoDate => s as IsoDate;
const p = (n: number): Pence => toPence(n);
const calendar = parseHolidays('2026-12-25\n2026-12-28\n').calendar;

function tenancy(account: string, tenant: string, closing: number, end: string | null = null): Tenancy {
  return { account, property: 'P1', tenant, address: '1 High St', postcode: 'AB1 2CD', start: d('2020-04-06'), end: end === null ? null : d(end), weeklyCharge: p(10000), opening: p(0), closing: p(closing), row: 2 };
}
function posting(account: string, date: string, category: Category, amount: number): Posting {
  return { date: d(date), account, code: category, category, amount: p(amount), batch: 'B1', description: '', row: 2 };
}
const base = (over: Partial<RefundCandidatesInput>): RefundCandidatesInput => ({ tenancies: [], postings: [], payers: [], bankChanges: [], asOf: d('2026-12-31'), calendar, settings: DEFAULT_REFUND_SETTINGS, ...over });
const codes = (c: { risks: readonly { code: RefundRiskCode }[] } | undefined): RefundRiskCode[] => (c?.risks ?? []).map((r) => r.code);

describe('refund candidates', () => {
  it('lists former tenants in credit at any amount, current tenants only over the threshold', () => {
    const r = refundCandidates(base({ tenancies: [tenancy('F1', 'Ann Lee', -500, '2026-11-30'), tenancy('C1', 'Bob Ray', -9000), tenancy('C2', 'Cy Dee', -25000), tenancy('C3', 'Di Fox', 4000)] }));
    expect(r.map((c) => [c.account, c.former, c.refundable])).toEqual([
      ['C2', false, 25000],
      ['F1', true, 500],
    ]);
  });

  it.each<[string, Partial<RefundCandidatesInput>, RefundRiskCode]>([
    ['Housing Benefit credited in the last 4 weeks', { postings: [posting('F1', '2026-12-14', 'HB', -40000)] }, 'benefit'],
    ['Universal Credit credited in the last 4 weeks', { postings: [posting('F1', '2026-12-10', 'UC', -30000)] }, 'benefit'],
    ['a Direct Debit inside its indemnity-claim risk window', { postings: [posting('F1', '2026-11-20', 'DD', -20000)] }, 'dd-indemnity'],
    // 24/12 is 3 working days before 31/12 when 25/12 and 28/12 are bank holidays
    ['a Direct Debit collected in the last 3 working days', { postings: [posting('F1', '2026-12-24', 'DD', -20000)] }, 'dd-recent'],
    ['another debt of the same person', { tenancies: [tenancy('F1', 'Ann Lee', -50000, '2026-11-30'), tenancy('F0', 'ANN LEE', 12000, '2019-03-31')] }, 'other-debt'],
    ['a payer who is not the tenant', { payers: [{ account: 'F1', name: 'Carl Lee', source: 'mandate' }] }, 'payer-not-tenant'],
    ['a bank detail change in the last 30 days', { bankChanges: [{ account: 'F1', date: d('2026-12-15'), source: 'mandate lodged' }] }, 'bank-change'],
  ])('flags %s', (_what, over, code) => {
    const r = refundCandidates(base({ tenancies: [tenancy('F1', 'Ann Lee', -50000, '2026-11-30')], ...over }));
    const f1 = r.find((c) => c.account === 'F1');
    expect(codes(f1)).toContain(code);
  });

  it.each<[string, Partial<RefundCandidatesInput>, RefundRiskCode]>([
    ['benefit older than 4 weeks', { postings: [posting('F1', '2026-11-30', 'HB', -40000)] }, 'benefit'],
    ['a Direct Debit older than the risk window', { postings: [posting('F1', '2026-10-01', 'DD', -20000)] }, 'dd-indemnity'],
    ['a Direct Debit 4 working days ago', { postings: [posting('F1', '2026-12-23', 'DD', -20000)] }, 'dd-recent'],
    ['another account of a different person', { tenancies: [tenancy('F1', 'Ann Lee', -50000, '2026-11-30'), tenancy('F0', 'Anne Leigh', 12000, '2019-03-31')] }, 'other-debt'],
    ['the tenant paying, named another way', { payers: [{ account: 'F1', name: 'ann  LEE', source: 'mandate' }] }, 'payer-not-tenant'],
    ['a bank change 31 days ago', { bankChanges: [{ account: 'F1', date: d('2026-11-30'), source: 'mandate lodged' }] }, 'bank-change'],
  ])('does not flag %s', (_what, over, code) => {
    const r = refundCandidates(base({ tenancies: [tenancy('F1', 'Ann Lee', -50000, '2026-11-30')], ...over }));
    expect(codes(r.find((c) => c.account === 'F1'))).not.toContain(code);
  });

  it('offsets the other debt first: the refundable amount is the credit less the debt', () => {
    const r = refundCandidates(base({ tenancies: [tenancy('F1', 'Ann Lee', -50000, '2026-11-30'), tenancy('F0', 'Ann Lee', 12000, '2019-03-31')] }));
    expect(r[0]).toMatchObject({ account: 'F1', credit: 50000, offset: 12000, refundable: 38000 });
  });
});

function approve(request: ActionRequestBody, id: string, log: ActionEvent[] = []): ActionEvent[] {
  const r1 = requestAction(log, { id, by: 'Jo Bloggs', at: '2026-12-01T09:00:00Z', request }, DEFAULT_APPROVALS);
  if (!r1.ok) throw new Error(r1.message);
  let out = [...log, ...r1.events];
  for (const by of ['Sam Lee', 'Priya Shah']) {
    const s = actionStates(out, DEFAULT_APPROVALS).find((x) => x.id === id);
    if (s?.status === 'approved') break;
    const r = approveAction(out, { id, by, at: '2026-12-02T15:00:00Z' }, DEFAULT_APPROVALS);
    if (!r.ok) throw new Error(r.message);
    out = [...out, ...r.events];
  }
  return out;
}

describe('refund outputs', () => {
  const payee = { name: "Ann O'Lee-Smith", sortCode: '089999', bankAccount: '66374958' };
  it('an approved refund makes a Bacs credit file (code 99) that passes the Standard 18 check', () => {
    const a = refundRequest({ account: 'F1', amount: p(50000), reason: 'Former tenant in credit', evidence: [], method: 'bacs', payee, risks: [] });
    const b = refundRequest({ account: 'F2', amount: p(12345), reason: 'Former tenant in credit', evidence: [], method: 'bacs', payee: { ...payee, name: 'B Jones' }, risks: [] });
    if (!a.ok || !b.ok) throw new Error('request');
    const log = approve(b.request, 'R2', approve(a.request, 'R1'));
    const refunds = approvedRefunds(actionStates(log, DEFAULT_APPROVALS));
    const text = refundBacsFile(refunds, { sun: '123456', serviceUserName: 'HOUSING', originator: { sortCode: '401276', account: '12345678', name: 'LANDLORD' }, processingDay: d('2026-12-03'), created: d('2026-12-02'), fileNumber: 1 });
    if (text === null) throw new Error('no file');
    const lines = text.split('\r\n');
    expect(lines.filter((l) => l.slice(15, 17) === '99').map((l) => [l.slice(0, 6), Number(l.slice(35, 46))])).toEqual([
      ['089999', 50000],
      ['089999', 12345],
    ]);
    const check = checkStandard18(text, calendar);
    expect(check.findings).toEqual([]);
    expect(check.summary.credits).toEqual({ count: 2, value: 62345 });
    expect(refundCsv(refunds).split('\r\n')[1]).toBe("R1,F1,Ann O'Lee-Smith,500.00,bacs,02/12/2026,Sam Lee");
  });

  it('an unbalanced credit file fails the check', () => {
    const a = refundRequest({ account: 'F1', amount: p(50000), reason: 'x', evidence: [], method: 'bacs', payee, risks: [] });
    if (!a.ok) throw new Error('request');
    const text = refundBacsFile(approvedRefunds(actionStates(approve(a.request, 'R1'), DEFAULT_APPROVALS)), { sun: '123456', serviceUserName: 'HOUSING', originator: { sortCode: '401276', account: '12345678', name: 'LANDLORD' }, processingDay: d('2026-12-03'), created: d('2026-12-02'), fileNumber: 1 }) as string;
    const damaged = text.replace('00000050000', '00000050001');
    expect(checkStandard18(damaged, calendar).findings.map((f) => f.code)).toContain('contra.amount');
  });

  it('refuses a Bacs refund without good bank details', () => {
    expect(refundRequest({ account: 'F1', amount: p(100), reason: 'x', evidence: [], method: 'bacs', payee: { ...payee, sortCode: '08-99-99' }, risks: [] }).ok).toBe(false);
    expect(refundRequest({ account: 'F1', amount: p(100), reason: 'x', evidence: [], method: 'bacs', payee: null, risks: [] }).ok).toBe(false);
    expect(refundRequest({ account: 'F1', amount: p(100), reason: 'x', evidence: [], method: 'finance-csv', payee: null, risks: [] }).ok).toBe(true);
  });
});

describe('transfers', () => {
  it('property: the postings of any transfer sum to zero and touch both accounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), fc.stringMatching(/^[A-Z0-9]{1,8}$/), fc.stringMatching(/^[A-Z0-9]{1,8}$/), (amount, from, to) => {
        fc.pre(from !== to);
        const r = transferRequest({ from, to, amount: p(amount), type: 'former-to-current', reason: 'credit to current tenancy', evidence: [] });
        if (!r.ok) throw new Error(r.problem);
        expect(sumPence(r.request.postings.map((x) => x.amount))).toBe(0);
        expect(r.request.postings.map((x) => x.account)).toEqual([from, to]);
        const log = approve(r.request, 'T1');
        expect(sumPence(postedLines(log).map((x) => x.amount))).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
  it('refuses a transfer to the same account', () => {
    expect(transferRequest({ from: 'A1', to: 'A1', amount: p(100), type: 'other', reason: 'x', evidence: [] }).ok).toBe(false);
  });
});

describe('write-offs', () => {
  const history = [posting('F0', '2019-03-01', 'RENT', 40000), posting('F0', '2019-03-08', 'CASH', -28000), posting('X9', '2019-03-08', 'CASH', -1)];
  it('attaches the account history, posts only after approval, and lists on the schedule with a total formula', () => {
    const r = writeOffRequest({ account: 'F0', tenant: 'Ann Lee', amount: p(12000), balance: p(12000), reasonCode: 'statute-barred', reason: 'Last payment March 2019', evidence: ['Trace report'], history });
    if (!r.ok) throw new Error(r.problem);
    expect((r.request.details as { history: unknown[] }).history).toEqual([
      { date: '2019-03-01', code: 'RENT', amount: '400.00', description: '' },
      { date: '2019-03-08', code: 'CASH', amount: '-280.00', description: '' },
    ]);
    const first = requestAction([], { id: 'W1', by: 'Jo Bloggs', at: '2026-12-01T09:00:00Z', request: r.request }, DEFAULT_APPROVALS);
    if (!first.ok) throw new Error(first.message);
    expect(actionPostingsCsv(first.events).trim().split('\r\n')).toHaveLength(1);
    const log = approve(r.request, 'W1');
    expect(actionPostingsCsv(log).split('\r\n')[1]).toBe('F0,02/12/2026,-120.00,WRITEOFF,W1,"Write-off: Statute-barred (Limitation Act 1980, six years)"');
    const schedule = writeOffSchedule(actionStates(log, DEFAULT_APPROVALS));
    expect(schedule).toEqual([expect.objectContaining({ account: 'F0', amount: 12000, status: 'approved', historyLines: 2 })]);
    const sheet = writeOffScheduleSheet(schedule);
    expect(sheet.rows.at(-1)?.[4]).toEqual({ kind: 'formula', formula: 'SUM(E3:E3)', result: { kind: 'money', value: 12000 }, style: 'total' });
  });
  it('refuses a write-off larger than the arrears', () => {
    expect(writeOffRequest({ account: 'F0', tenant: 'A', amount: p(12001), balance: p(12000), reasonCode: 'small-balance', reason: 'x', evidence: [], history: [] }).ok).toBe(false);
  });
});
