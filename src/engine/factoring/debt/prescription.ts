/**
 * When each unpaid debt prescribes (issue 16): five years from its Due Date (the five-year
 * prescription of the Prescription and Limitation (Scotland) Act 1973 s.6), restarted by a relevant
 * acknowledgement (s.10): a payment into the account on or after the Due Date, or a written
 * acknowledgement recorded on the Acknowledgements sheet (Owner Ref, Property Ref, Acknowledged On,
 * Reference). The date given is the fifth anniversary of the latest of those days (29 February ->
 * 1 March); the officer must act (decree, or a new acknowledgement) before it.
 */
import type { IsoDate } from '../../dates';
import type { Pence } from '../../money';
import { anniversary } from './anniversary';
import type { AccountDebt } from './ledger';
import type { Acknowledgement, OwnerTransaction } from './read-debt';

export const PRESCRIPTION_YEARS = 5;

export interface DebtPrescription {
  readonly owner: string;
  readonly property: string;
  readonly reference: string;
  readonly dueDate: IsoDate;
  readonly unpaid: Pence;
  readonly disputed: boolean;
  /** The day the five years run from: the Due Date or the latest payment or acknowledgement after it. */
  readonly runsFrom: IsoDate;
  readonly restartedBy: 'payment' | 'acknowledgement' | null;
  readonly prescribesOn: IsoDate;
  /** Where the item is on the sheet. */
  readonly sheet: string;
  readonly row: number;
}

/** Every unpaid item of the account (undisputed open items, then disputed debits) with its prescription date. */
export function prescriptions(debt: AccountDebt, acknowledgements: readonly Acknowledgement[]): DebtPrescription[] {
  const payments = debt.transactions.filter((t) => t.type === 'PAYMENT').map((t) => t.date);
  const acks = acknowledgements.filter((a) => a.owner === debt.owner && a.property === debt.property && a.date <= debt.asOf).map((a) => a.date);
  const one = (tx: OwnerTransaction, unpaid: Pence): DebtPrescription => {
    const pay = payments.filter((d) => d >= tx.dueDate).sort().at(-1) ?? null;
    const ack = acks.filter((d) => d >= tx.dueDate).sort().at(-1) ?? null;
    let runsFrom = tx.dueDate;
    let restartedBy: DebtPrescription['restartedBy'] = null;
    if (pay !== null && pay > runsFrom) {
      runsFrom = pay;
      restartedBy = 'payment';
    }
    if (ack !== null && ack > runsFrom) {
      runsFrom = ack;
      restartedBy = 'acknowledgement';
    }
    return { owner: debt.owner, property: debt.property, reference: tx.reference, dueDate: tx.dueDate, unpaid, disputed: tx.disputed, runsFrom, restartedBy, prescribesOn: anniversary(runsFrom, PRESCRIPTION_YEARS), sheet: tx.sheet, row: tx.row };
  };
  return [...debt.open.map((o) => one(o.tx, o.unpaid)), ...debt.transactions.filter((t) => t.amount > 0 && t.disputed).map((t) => one(t, t.amount))];
}
