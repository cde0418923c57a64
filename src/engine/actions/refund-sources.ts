/**
 * Where the refund risks outside the rent roll come from: the Direct Debit mandate register names who
 * pays (payer-not-tenant), and a mandate lodged, or a notice of change sent, is a change of bank details
 * on the account (bank-change).
 */
import type { Mandate } from '../dd/mandates';
import type { BankChange, PayerRecord } from './refund-candidates';

export function payersFromMandates(mandates: readonly Mandate[]): PayerRecord[] {
  return mandates.filter((m) => m.status !== 'cancelled').map((m) => ({ account: m.account, name: m.payerName, source: `Direct Debit mandate ${m.reference}` }));
}

export function bankChangesFromMandates(mandates: readonly Mandate[]): BankChange[] {
  const out: BankChange[] = [];
  for (const m of mandates) {
    if (m.lodgedOn !== null) out.push({ account: m.account, date: m.lodgedOn, source: `mandate ${m.reference} lodged` });
    if (m.status === 'amended' && m.noticeSent !== null) out.push({ account: m.account, date: m.noticeSent, source: `mandate ${m.reference} amended` });
  }
  return out;
}
