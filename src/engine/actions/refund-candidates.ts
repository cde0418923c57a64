/**
 * Refund candidates (issue 14): accounts in credit on the rent roll, former tenants' at any amount
 * and current tenants' over a threshold (rent paid ahead is normal), each flagged with what makes a
 * refund risky. The flags are advice for the requester and the approver, never a block:
 * - benefit: Housing Benefit or Universal Credit credited in the last N weeks may be recovered as an
 *   overpayment, and the refund would then leave arrears (DOMAIN.md: HB is paid to the landlord).
 * - dd-indemnity: a Direct Debit collected inside the indemnity-claim risk window can be reclaimed by
 *   the payer's bank under the Direct Debit Guarantee, after the money has been refunded.
 * - dd-recent: a Direct Debit collected in the last 3 working days may still come back unpaid (ARUDD).
 * - other-debt: the same person owes on another account (a former tenancy's arrears, rechargeable
 *   repairs): offset first.
 * - payer-not-tenant: the money came from someone else (a Direct Debit payer who is not the tenant).
 * - bank-change: the payer's bank details changed in the last 30 days (a common fraud pattern).
 */
import { samePerson, personKey } from '../audit/people';
import { addDays, type IsoDate } from '../dates';
import { formatGBP, negPence, sumPence, toPence, type Pence } from '../money';
import type { Posting, Tenancy } from '../records';
import type { RefundSettings } from '../approvals/approvals-config';
import { workingDaysBetween, type WorkingCalendar } from '../dd/working-days';

export type RefundRiskCode = 'benefit' | 'dd-indemnity' | 'dd-recent' | 'other-debt' | 'payer-not-tenant' | 'bank-change';

export interface RefundRisk {
  readonly code: RefundRiskCode;
  /** What a person reads, with the dates and amounts behind the flag. */
  readonly detail: string;
  /** The other account to offset first (other-debt only). */
  readonly account?: string;
  readonly amount?: Pence;
}

/** Who paid into an account, from outside the rent roll (the mandate register's payer names). */
export interface PayerRecord {
  readonly account: string;
  readonly name: string;
  readonly source: string;
}

/** A change of the payer's bank details on an account (a mandate lodged or amended). */
export interface BankChange {
  readonly account: string;
  readonly date: IsoDate;
  readonly source: string;
}

export interface RefundCandidate {
  readonly account: string;
  readonly tenant: string;
  readonly former: boolean;
  readonly end: IsoDate | null;
  /** The credit, as a positive amount. */
  readonly credit: Pence;
  /** What the same person owes elsewhere, offset first. */
  readonly offset: Pence;
  /** Credit less offset, never below 0. */
  readonly refundable: Pence;
  readonly risks: readonly RefundRisk[];
  readonly row: number;
}

export interface RefundCandidatesInput {
  readonly tenancies: readonly Tenancy[];
  readonly postings: readonly Posting[];
  readonly payers: readonly PayerRecord[];
  readonly bankChanges: readonly BankChange[];
  readonly asOf: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly settings: RefundSettings;
}

/** "Mr J Smith & Ms K Jones": a payer named as either joint tenant is the tenant. */
function isTenant(tenant: string, payer: string): boolean {
  if (samePerson(tenant, payer)) return true;
  return tenant.split(/&|\band\b|\//i).some((part) => samePerson(part, payer)) || (personKey(payer).length > 3 && personKey(tenant).includes(personKey(payer)));
}

const gbp = (p: Pence): string => formatGBP(toPence(Math.abs(p)));

/** The candidates, largest refundable first, then by account. */
export function refundCandidates(input: RefundCandidatesInput): RefundCandidate[] {
  const { settings, asOf } = input;
  const byAccount = new Map<string, Posting[]>();
  for (const p of input.postings) {
    if (p.date > asOf) continue;
    const list = byAccount.get(p.account);
    if (list) list.push(p);
    else byAccount.set(p.account, [p]);
  }
  const out: RefundCandidate[] = [];
  for (const t of input.tenancies) {
    if (t.closing >= 0) continue;
    const credit = negPence(t.closing);
    const former = t.end !== null && t.end <= asOf;
    if (!former && credit <= settings.currentTenantOver) continue;
    const risks: RefundRisk[] = [];
    const postings = byAccount.get(t.account) ?? [];

    const benefitFrom = addDays(asOf, -7 * settings.benefitWeeks);
    const benefit = postings.filter((p) => (p.category === 'HB' || p.category === 'UC') && p.amount < 0 && p.date > benefitFrom);
    if (benefit.length > 0) {
      const last = benefit.map((p) => p.date).sort().at(-1) as IsoDate;
      risks.push({ code: 'benefit', detail: `${benefit.map((p) => p.category).filter((c, i, a) => a.indexOf(c) === i).join(' and ')} of ${gbp(negPence(sumPence(benefit.map((p) => p.amount))))} credited in the last ${settings.benefitWeeks} weeks (latest ${last}): it may be recovered as an overpayment`, amount: negPence(sumPence(benefit.map((p) => p.amount))) });
    }
    const dds = postings.filter((p) => p.category === 'DD' && p.amount < 0);
    const recent = dds.filter((p) => workingDaysBetween(input.calendar, p.date, asOf) <= settings.ddRecentWorkingDays && p.date <= asOf);
    if (recent.length > 0) risks.push({ code: 'dd-recent', detail: `a Direct Debit collected on ${recent.map((p) => p.date).sort().at(-1) as string}, within ${settings.ddRecentWorkingDays} working days: it may still be returned unpaid`, amount: negPence(sumPence(recent.map((p) => p.amount))) });
    const riskFrom = addDays(asOf, -7 * settings.ddRiskWeeks);
    const inWindow = dds.filter((p) => p.date > riskFrom);
    if (inWindow.length > 0) risks.push({ code: 'dd-indemnity', detail: `${inWindow.length} Direct Debit collection(s) of ${gbp(negPence(sumPence(inWindow.map((p) => p.amount))))} in the last ${settings.ddRiskWeeks} weeks: the payer's bank may still claim them back under the Direct Debit Guarantee`, amount: negPence(sumPence(inWindow.map((p) => p.amount))) });

    let offset = 0;
    for (const other of input.tenancies) {
      if (other.account === t.account || other.closing <= 0 || !samePerson(other.tenant, t.tenant)) continue;
      const what = other.end !== null && other.end <= asOf ? "a former tenancy's arrears" : 'a debt on another account (e.g. rechargeable repairs)';
      risks.push({ code: 'other-debt', detail: `${t.tenant} owes ${gbp(other.closing)} on ${other.account}, ${what}: offset it first`, account: other.account, amount: other.closing });
      offset += other.closing;
    }
    for (const payer of input.payers.filter((p) => p.account === t.account)) {
      if (!isTenant(t.tenant, payer.name)) risks.push({ code: 'payer-not-tenant', detail: `payments came from ${payer.name} (${payer.source}), not the tenant ${t.tenant}: refund the payer, not the tenant, or get their consent` });
    }
    const changeFrom = addDays(asOf, -settings.bankChangeDays);
    const changes = input.bankChanges.filter((c) => c.account === t.account && c.date > changeFrom && c.date <= asOf);
    if (changes.length > 0) risks.push({ code: 'bank-change', detail: `bank details changed on ${changes.map((c) => c.date).sort().at(-1) as string} (${changes[0]?.source ?? ''}), within ${settings.bankChangeDays} days: confirm with the tenant by a known contact before paying` });

    const refundable = toPence(Math.max(0, credit - offset));
    out.push({ account: t.account, tenant: t.tenant, former, end: t.end, credit, offset: toPence(Math.min(offset, credit)), refundable, risks, row: t.row });
  }
  return out.sort((a, b) => b.refundable - a.refundable || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}
