/**
 * The sample's debt sheets (issue 16), fixed rather than random so the tests can check every figure
 * by hand: Owner Transactions, the NoPL register, Repayment Plans and Acknowledgements, as of
 * 31/12/2026 (DEBT_AS_OF). The owner refs are those generate.ts gives the flats (OW0001 owns HC1-1,
 * ..., OW0002 sold HC1-2 to OW0011 on 15/11/2026).
 */
import type { Cell } from './generate';

export const DEBT_AS_OF = '2026-12-31';

export interface DebtSheets {
  readonly sheets: Readonly<Record<string, readonly (readonly Cell[])[]>>;
  readonly plants: readonly { readonly kind: string; readonly detail: string }[];
}

export function debtSheets(): DebtSheets {
  const tx: Cell[][] = [
    ['OW0001', 'HC1-1', '2026-10-01', '2026-10-29', 'BILL', 150, 'Q3-2026 HC1-1', 'N'],
    ['OW0001', 'HC1-1', '2026-10-20', null, 'PAYMENT', -150, 'BACS 20/10', 'N'],
    ['OW0003', 'HC1-3', '2026-11-20', '2026-12-10', 'BILL', 85.4, 'INT-2026-11 HC1-3', 'N'],
    ['OW0003', 'HC1-3', '2026-12-01', null, 'ADJUSTMENT', -5.4, 'Goodwill credit', 'N'],
    ['OW0003', 'HC1-3', '2027-01-05', null, 'PAYMENT', -80, 'After the as-of date', 'N'],
    ['OW0004', 'HC1-4', '2026-07-01', '2026-07-29', 'BILL', 420, 'Q2-2026 HC1-4 roof', 'Y'],
    ['OW0004', 'HC1-4', '2026-10-01', '2026-10-29', 'BILL', 60, 'Q3-2026 HC1-4', 'N'],
    ['OW0005', 'HC1-5', '2026-07-01', '2026-07-29', 'BILL', 310, 'Q2-2026 HC1-5', 'N'],
    ['OW0005', 'HC1-5', '2026-09-15', null, 'PAYMENT', -50, 'Card 15/09', 'N'],
    ['OW0005', 'HC1-5', '2026-10-01', '2026-10-29', 'BILL', 95, 'Q3-2026 HC1-5', 'N'],
    ['OW0006', 'KS2-1', '2026-04-01', '2026-04-29', 'BILL', 540, 'Q1-2026 KS2-1', 'N'],
    ['OW0006', 'KS2-1', '2026-07-01', '2026-07-29', 'BILL', 120, 'Q2-2026 KS2-1', 'N'],
    ['OW0007', 'KS2-2', '2026-04-01', '2026-04-29', 'BILL', 900, 'Q1-2026 KS2-2', 'N'],
    ['OW0007', 'KS2-2', '2026-09-01', null, 'PAYMENT', -100, 'Plan 1', 'N'],
    ['OW0007', 'KS2-2', '2026-10-01', null, 'PAYMENT', -100, 'Plan 2', 'N'],
    ['OW0007', 'KS2-2', '2026-11-02', null, 'PAYMENT', -100, 'Plan 3', 'N'],
    ['OW0007', 'KS2-2', '2026-12-01', null, 'PAYMENT', -100, 'Plan 4', 'N'],
    ['OW0008', 'KS2-3', '2026-08-03', '2026-08-31', 'BILL', 400, 'Q2-2026 KS2-3 stair', 'N'],
    ['OW0008', 'KS2-3', '2026-10-01', null, 'PAYMENT', -100, 'Plan 1', 'N'],
    ['OW0008', 'KS2-3', '2026-11-02', null, 'PAYMENT', -100, 'Plan 2', 'N'],
    ['OW0009', 'WR3-1', '2026-10-01', '2026-10-29', 'BILL', 75, 'Q3-2026 WR3-1', 'N'],
    ['OW0009', 'WR3-1', '2026-10-20', null, 'PAYMENT', -100, 'BACS 20/10', 'N'],
    ['OW0010', 'WR3-2', '2026-07-01', '2026-07-29', 'BILL', 260, 'Q2-2026 WR3-2', 'N'],
    ['OW0010', 'WR3-2', '2026-09-01', null, 'FEE', 25, 'Late payment fee', 'N'],
    ['OW0011', 'HC1-2', '2026-12-15', '2027-01-12', 'BILL', 40, 'Q4-2026 HC1-2 part', 'N'],
    ['OW0002', 'HC1-2', '2026-11-20', '2026-12-18', 'BILL', 310.5, 'FINAL HC1-2', 'N'],
  ];
  const nopl: Cell[][] = [
    ['N-0001', 'HC1-1', 'OW0001', '2025-03-10', 150, null, null],
    ['N-0002', 'KS2-1', 'OW0006', '2024-01-20', 540, null, null],
    ['N-0003', 'KS2-2', 'OW0007', '2024-03-15', 900, null, null],
    ['N-0004', 'HC1-2', 'OW0002', '2023-11-01', 310.5, null, null],
    ['N-0005', 'WR3-2', 'OW0010', '2021-06-10', 180, null, null],
    ['N-0006', 'WR3-2', 'OW0010', '2024-05-20', 180, null, 'N-0005'],
    ['N-0007', 'HC1-3', 'OW0003', '2022-02-01', 95, '2023-05-10', null],
    ['N-0008', 'WR3-1', 'OW0009', '2024-02-29', 75, null, null],
  ];
  const plans: Cell[][] = [
    ['OW0007', 'KS2-2', '2026-09-01', 100, 'MONTHLY', null, 'Fiona Reid'],
    ['OW0008', 'KS2-3', '2026-10-01', 100, 'MONTHLY', null, 'Fiona Reid'],
  ];
  const acks: Cell[][] = [['OW0006', 'KS2-1', '2026-06-15', 'Owner\'s letter of 15/06/2026 admitting the Q1 bill']];
  return {
    sheets: {
      'Owner Transactions': [['Owner Ref', 'Property Ref', 'Date', 'Due Date', 'Type', 'Amount', 'Reference', 'Disputed'], ...tx],
      NoPL: [['Notices of Potential Liability for Costs'], ['Notice Ref', 'Property Ref', 'Owner Ref', 'Registered On', 'Amount', 'Discharged On', 'Renewal Of'], ...nopl],
      'Repayment Plans': [['Owner Ref', 'Property Ref', 'Start Date', 'Instalment', 'Frequency', 'End Date', 'Agreed By'], ...plans],
      Acknowledgements: [['Owner Ref', 'Property Ref', 'Acknowledged On', 'Reference'], ...acks],
    },
    plants: [
      { kind: 'debt-as-of', detail: `the debt sheets are read as of ${DEBT_AS_OF} (factoring arrears/nopl --as-of ${DEBT_AS_OF})` },
      { kind: 'dispute', detail: 'HC1-4: the £420.00 Q2 bill is disputed: in the balance, never in the ageing or the ladder (final notice on the £60.00, not NoPL)' },
      { kind: 'plan-kept', detail: 'KS2-2: £100 a month from 01/09/2026, every instalment paid: only NoPL (which applies while a plan is kept) counts' },
      { kind: 'plan-broken', detail: 'KS2-3: £100 a month from 01/10/2026, December missed: broken on 09/12/2026, back at final notice where it left the ladder' },
      { kind: 'nopl-30', detail: 'N-0002 (KS2-1) valid to 19/01/2027: 30-day alert' },
      { kind: 'nopl-60', detail: 'N-0008 (WR3-1) registered on 29/02/2024, valid to 28/02/2027: 60-day alert; the account is in credit, so it is to discharge' },
      { kind: 'nopl-90', detail: 'N-0003 (KS2-2) registered 15/03/2024, valid to 14/03/2027: 90-day alert' },
      { kind: 'nopl-lapsed', detail: 'N-0004 (HC1-2, the seller) lapsed after 31/10/2026' },
      { kind: 'nopl-renewal', detail: 'N-0006 renewed N-0005 (WR3-2) on 20/05/2024, before it lapsed on 09/06/2024' },
      { kind: 'nopl-missing', detail: 'HC1-5 owes £355.00, 155 days past due, with no notice: listed as missing' },
      { kind: 'nopl-discharge', detail: 'N-0001 is live on HC1-1, whose account is clear: to discharge' },
      { kind: 'acknowledgement', detail: 'KS2-1: a written acknowledgement on 15/06/2026 restarts the Q1 bill\'s prescription (to 15/06/2031)' },
    ],
  };
}
