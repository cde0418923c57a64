/**
 * The quarterly run's arithmetic (issue 15, "The rules of a quarterly run"): which charges are billed
 * and which held back, each charge and each policy's quarter premium split over (property, owner)
 * parts by share and days, the management fee by days of the calendar year, and the admin fee on a
 * final bill. Pure: the register, the resolved shares, the quarter and the config in; bills out.
 */
import type { IsoDate } from '../dates';
import { formatGBP, mulDiv, sumPence, ZERO, type Pence } from '../money';
import { apportion, type WeightedPart } from './apportion';
import type { FactoringConfig } from './factoring-config';
import { inclusiveDays, overlap, type Quarter } from './quarter';
import { formatRational, mul, rational, type Rational } from './rational';
import type { Charge, Ownership, Policy, Register } from './register';
import { sharesOn, type ResolvedShare } from './shares';

export const INSURANCE = 'INSURANCE';

export interface BillLine {
  readonly heading: string;
  readonly description: string;
  readonly invoiceRef: string;
  readonly totalCost: Pence;
  /** The property's share of the heading on the job date. */
  readonly share: Rational;
  readonly charge: Pence;
  readonly jobDate: IsoDate;
  readonly supplier: string;
  /** How the charge was calculated, in words (Code of Conduct). */
  readonly working: string;
}

export interface InsuranceLine {
  readonly policy: string;
  readonly insurer: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The part of the premium that falls in this stretch of the quarter. */
  readonly premiumPart: Pence;
  readonly share: Rational;
  readonly charge: Pence;
  readonly working: string;
}

export interface Bill {
  readonly owner: string;
  readonly property: string;
  readonly block: string;
  readonly days: number;
  /** The owner's ownership of the property ends in the quarter: charges to settlement, the admin fee. */
  readonly final: boolean;
  readonly settlementDate: IsoDate | null;
  readonly lines: readonly BillLine[];
  readonly insuranceLines: readonly InsuranceLine[];
  readonly managementFee: Pence;
  readonly insurance: Pence;
  readonly adminFee: Pence;
  readonly total: Pence;
}

export type HeldBackReason = 'duplicate-invoice' | 'outside-quarter' | 'no-shares';

export interface HeldBack {
  readonly invoiceRef: string;
  readonly reason: HeldBackReason;
  /** The reason in words, with the facts that decided it. */
  readonly text: string;
  readonly sheet: string;
  readonly row: number;
  readonly amount: Pence;
}

export interface RunTotals {
  readonly costs: Pence;
  readonly billed: Pence;
  readonly fees: Pence;
  readonly insurance: Pence;
  readonly adminFees: Pence;
}

export interface BillRun {
  readonly quarter: Quarter;
  readonly bills: readonly Bill[];
  readonly heldBack: readonly HeldBack[];
  readonly billedCharges: readonly Charge[];
  readonly totals: RunTotals;
}

interface Holding {
  readonly property: string;
  readonly owner: string;
  readonly periods: readonly Ownership[];
}

/** Days the owner held the property within [from, to]. */
function daysWithin(h: Holding, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (const p of h.periods) {
    const o = overlap(p.from, p.to, from, to);
    if (o) n += inclusiveDays(o.from, o.to);
  }
  return n;
}

/** Every (property, owner) pair with at least one day of ownership in the quarter. */
function holdings(ownership: readonly Ownership[], q: Quarter): Holding[] {
  const map = new Map<string, { property: string; owner: string; periods: Ownership[] }>();
  for (const o of ownership) {
    if (!overlap(o.from, o.to, q.start, q.end)) continue;
    const k = `${o.property}\u0000${o.owner}`;
    const h = map.get(k) ?? { property: o.property, owner: o.owner, periods: [] };
    h.periods.push(o);
    map.set(k, h);
  }
  return [...map.values()];
}

function partsFor(shares: readonly ResolvedShare[], byProperty: ReadonlyMap<string, Holding[]>, from: IsoDate, to: IsoDate): WeightedPart[] {
  const span = inclusiveDays(from, to);
  const parts: WeightedPart[] = [];
  for (const s of shares) {
    for (const h of byProperty.get(s.property) ?? []) {
      const days = daysWithin(h, from, to);
      if (days > 0) parts.push({ property: s.property, owner: h.owner, weight: mul(s.share, rational(BigInt(days), BigInt(span))) });
    }
  }
  return parts;
}

const key = (property: string, owner: string): string => `${property}\u0000${owner}`;

/** Runs the quarter. The register must be free of errors (shares sum to 1, every day owned). */
export function runQuarter(register: Register, shares: readonly ResolvedShare[], q: Quarter, config: FactoringConfig): BillRun {
  const held = holdings(register.ownership, q);
  const byProperty = new Map<string, Holding[]>();
  for (const h of held) byProperty.set(h.property, [...(byProperty.get(h.property) ?? []), h]);
  const lines = new Map<string, BillLine[]>();
  const insLines = new Map<string, InsuranceLine[]>();
  const heldBack: HeldBack[] = [];
  const billed: Charge[] = [];

  const firstRow = new Map<string, Charge>();
  for (const c of register.charges) {
    const first = firstRow.get(c.invoiceRef);
    const hold = (reason: HeldBackReason, text: string): void => {
      heldBack.push({ invoiceRef: c.invoiceRef, reason, text, sheet: c.sheet, row: c.row, amount: c.amount });
    };
    if (first) {
      hold('duplicate-invoice', `invoice ${c.invoiceRef} is already on row ${first.row}; billed once`);
      continue;
    }
    firstRow.set(c.invoiceRef, c);
    if (c.jobDate < q.start || c.jobDate > q.end) {
      hold('outside-quarter', `job date ${c.jobDate} is outside ${q.label} (${q.start} to ${q.end})`);
      continue;
    }
    const active = sharesOn(shares, c.block, c.heading, c.jobDate);
    if (active.length === 0) {
      hold('no-shares', `nobody holds shares in ${c.heading} for block ${c.block} on ${c.jobDate}`);
      continue;
    }
    const parts = partsFor(active, byProperty, q.start, q.end);
    const amounts = apportion(c.amount, parts);
    billed.push(c);
    parts.forEach((p, i) => {
      const share = (active.find((s) => s.property === p.property) as ResolvedShare).share;
      const h = (byProperty.get(p.property) ?? []).find((x) => x.owner === p.owner) as Holding;
      const days = daysWithin(h, q.start, q.end);
      const line: BillLine = {
        heading: c.heading,
        description: c.description,
        invoiceRef: c.invoiceRef,
        totalCost: c.amount,
        share,
        charge: amounts[i] as Pence,
        jobDate: c.jobDate,
        supplier: c.supplier,
        working: `${formatGBP(c.amount)} x share ${formatRational(share)} x ${days}/${q.days} days owned`,
      };
      lines.set(key(p.property, p.owner), [...(lines.get(key(p.property, p.owner)) ?? []), line]);
    });
  }

  for (const p of register.policies) insure(p, q, shares, byProperty, insLines, heldBack);

  const landlord = config.landlordOwnerRef;
  const blockOf = new Map(register.properties.map((p) => [p.ref, p.block]));
  const bills: Bill[] = held.map((h) => {
    const days = daysWithin(h, q.start, q.end);
    const lastEnd = h.periods.reduce<IsoDate | null | 'open'>((acc, p) => (acc === 'open' || p.to === null ? 'open' : acc === null || p.to > acc ? p.to : acc), null);
    const final = lastEnd !== 'open' && lastEnd !== null && lastEnd <= q.end;
    const isLandlord = landlord !== null && h.owner === landlord;
    const bl = lines.get(key(h.property, h.owner)) ?? [];
    const il = insLines.get(key(h.property, h.owner)) ?? [];
    const managementFee = isLandlord ? ZERO : mulDiv(config.managementFee, days, q.yearDays, 'half-up');
    const insurance = sumPence(il.map((l) => l.charge));
    const adminFee = final && !isLandlord ? config.adminFee : ZERO;
    const total = sumPence([...bl.map((l) => l.charge), managementFee, insurance, adminFee]);
    return {
      owner: h.owner,
      property: h.property,
      block: blockOf.get(h.property) ?? '',
      days,
      final,
      settlementDate: final ? (lastEnd as IsoDate) : null,
      lines: bl,
      insuranceLines: il,
      managementFee,
      insurance,
      adminFee,
      total,
    };
  });
  bills.sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : a.property < b.property ? -1 : a.property > b.property ? 1 : 0));
  const totals: RunTotals = {
    costs: sumPence(billed.map((c) => c.amount)),
    billed: sumPence(bills.map((b) => b.total)),
    fees: sumPence(bills.map((b) => b.managementFee)),
    insurance: sumPence(bills.map((b) => b.insurance)),
    adminFees: sumPence(bills.map((b) => b.adminFee)),
  };
  return { quarter: q, bills, heldBack, billedCharges: billed, totals };
}

/** A policy's quarter premium, split like an INSURANCE charge over whoever owned each flat while it ran. */
function insure(p: Policy, q: Quarter, shares: readonly ResolvedShare[], byProperty: ReadonlyMap<string, Holding[]>, out: Map<string, InsuranceLine[]>, heldBack: HeldBack[]): void {
  const o = overlap(p.from, p.to, q.start, q.end);
  if (!o) return;
  const inside = inclusiveDays(o.from, o.to);
  const whole = inclusiveDays(p.from, p.to);
  const premiumPart = mulDiv(p.premium, inside, whole, 'half-up');
  const active = sharesOn(shares, p.block, INSURANCE, o.from);
  if (active.length === 0) {
    heldBack.push({ invoiceRef: p.policy, reason: 'no-shares', text: `nobody holds INSURANCE shares for block ${p.block} on ${o.from}`, sheet: p.sheet, row: p.row, amount: premiumPart });
    return;
  }
  const parts = partsFor(active, byProperty, o.from, o.to);
  const amounts = apportion(premiumPart, parts);
  parts.forEach((part, i) => {
    const share = (active.find((s) => s.property === part.property) as ResolvedShare).share;
    const h = (byProperty.get(part.property) ?? []).find((x) => x.owner === part.owner) as Holding;
    const days = daysWithin(h, o.from, o.to);
    const line: InsuranceLine = {
      policy: p.policy,
      insurer: p.insurer,
      from: o.from,
      to: o.to,
      premiumPart,
      share,
      charge: amounts[i] as Pence,
      working: `premium ${formatGBP(p.premium)} x ${inside}/${whole} days of the policy in the quarter = ${formatGBP(premiumPart)}; x share ${formatRational(share)} x ${days}/${inside} days owned`,
    };
    out.set(key(part.property, part.owner), [...(out.get(key(part.property, part.owner)) ?? []), line]);
  });
}
