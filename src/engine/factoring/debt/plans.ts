/**
 * Repayment plans (issue 16): an instalment and a frequency from a start date, kept or broken by the
 * payments. Instalment k (1, 2, ...) falls on the start date plus k-1 periods (weeks, fortnights,
 * four weeks, calendar months or quarters; a day the month lacks becomes its last day). The plan is
 * broken on the first day an instalment is more than `graceDays` late: the day after instalment k's
 * date plus the grace, when the payments from the start date to that date add up to less than k
 * instalments. A plan that ended (its End Date passed) or whose account is clear no longer holds the
 * ladder back. The latest plan started on or before the as-of date is the account's plan.
 */
import { addDays, daysBetween, type IsoDate } from '../../dates';
import { sumPence, type Pence } from '../../money';
import { addMonths } from './anniversary';
import type { OwnerTransaction, RepaymentPlan } from './read-debt';

export type PlanStatus = 'kept' | 'broken' | 'ended' | 'cleared';

export interface PlanCheck {
  readonly plan: RepaymentPlan;
  readonly status: PlanStatus;
  /** The first day the plan was broken (kept for the record on a cleared plan); null when never broken. */
  readonly brokenOn: IsoDate | null;
  /** Instalments fallen due by the as-of date (or the End Date). */
  readonly instalmentsDue: number;
  readonly due: Pence;
  /** Payments from the start date to the as-of date. */
  readonly paid: Pence;
}

/** The date of instalment k (1-based). */
export function instalmentDate(plan: Pick<RepaymentPlan, 'start' | 'frequency'>, k: number): IsoDate {
  const n = k - 1;
  switch (plan.frequency) {
    case 'WEEKLY':
      return addDays(plan.start, 7 * n);
    case 'FORTNIGHTLY':
      return addDays(plan.start, 14 * n);
    case 'FOUR-WEEKLY':
      return addDays(plan.start, 28 * n);
    case 'MONTHLY':
      return addMonths(plan.start, n);
    case 'QUARTERLY':
      return addMonths(plan.start, 3 * n);
    default: {
      const never: never = plan.frequency;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
}

/** Payments into the account from the plan's start to `to` inclusive (positive pence). */
function paidBetween(transactions: readonly OwnerTransaction[], from: IsoDate, to: IsoDate): Pence {
  return -sumPence(transactions.filter((t) => t.type === 'PAYMENT' && t.date >= from && t.date <= to).map((t) => t.amount)) as Pence;
}

/**
 * Where a plan stands on the as-of date. `cleared` is decided by the caller's balance (nothing
 * undisputed left to pay); a plan not started by the as-of date is not checked (returns null).
 */
export function checkPlan(plan: RepaymentPlan, transactions: readonly OwnerTransaction[], asOf: IsoDate, graceDays: number, cleared: boolean): PlanCheck | null {
  if (plan.start > asOf) return null;
  const last = plan.end !== null && plan.end < asOf ? plan.end : asOf;
  let k = 1;
  let brokenOn: IsoDate | null = null;
  for (;; k++) {
    const d = instalmentDate(plan, k);
    if (d > last) break;
    const deadline = addDays(d, graceDays);
    if (brokenOn === null && deadline < asOf && paidBetween(transactions, plan.start, deadline) < plan.instalment * k) brokenOn = addDays(deadline, 1);
    if (daysBetween(plan.start, d) > 366 * 50) break;
  }
  const instalmentsDue = k - 1;
  const base = { plan, instalmentsDue, due: (plan.instalment * instalmentsDue) as Pence, paid: paidBetween(transactions, plan.start, asOf) };
  // A clear account has nothing left to chase, whatever happened to the plan on the way.
  if (cleared) return { ...base, status: 'cleared', brokenOn };
  if (brokenOn !== null) return { ...base, status: 'broken', brokenOn };
  if (plan.end !== null && plan.end < asOf) return { ...base, status: 'ended', brokenOn: null };
  return { ...base, status: 'kept', brokenOn: null };
}

/** The account's plan: the latest one started on or before the as-of date (sheet order breaks a tie). */
export function currentPlan(plans: readonly RepaymentPlan[], owner: string, property: string, asOf: IsoDate): RepaymentPlan | null {
  let best: RepaymentPlan | null = null;
  for (const p of plans) if (p.owner === owner && p.property === property && p.start <= asOf && (best === null || p.start >= best.start)) best = p;
  return best;
}
