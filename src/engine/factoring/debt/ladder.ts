/**
 * The debt procedure's ladder applied to one account (issue 16). An account is at the highest stage
 * whose both triggers hold on the as-of date: its oldest undisputed unpaid item is at least
 * `daysOverdue` days past its Due Date, and its undisputed overdue balance is at least `minBalance`.
 * The next action is the next stage up, on the date its day trigger will hold, when its balance
 * trigger holds now; otherwise none.
 *
 * Repayment plans (our rules, docs/factoring-debt.md):
 * - While a plan is kept, only stages with `appliesWhilePlanKept` can be reached or be next.
 * - A broken plan re-enters the ladder where it left it: at least the stage the account was at the
 *   day the plan started, and the days spent under the plan (start to the day it broke) do not
 *   count towards any day trigger, so the ladder resumes its clock where it stopped.
 */
import { addDays, daysBetween, type IsoDate } from '../../dates';
import type { DebtProcedure, DebtStage } from './debt-config';
import { accountDebt, type AccountDebt } from './ledger';
import { checkPlan, currentPlan, type PlanCheck } from './plans';
import type { OwnerTransaction, RepaymentPlan } from './read-debt';

export interface LadderPosition {
  /** Index into the ladder; -1 below the first stage. */
  readonly stage: number;
  readonly next: number | null;
  readonly nextOn: IsoDate | null;
  readonly plan: PlanCheck | null;
  /** Days under a kept plan that do not count towards the day triggers (a broken plan's pause). */
  readonly pausedDays: number;
  /** The stage the account was at when its plan started (-1 none); null without a plan. */
  readonly stageAtPlanStart: number | null;
}

/** The highest stage whose both triggers hold, of those `allowed`; -1 when none. */
export function triggeredStage(stages: readonly DebtStage[], daysPastDue: number | null, overdue: number, allowed: (s: DebtStage) => boolean = () => true): number {
  if (daysPastDue === null) return -1;
  let best = -1;
  stages.forEach((s, i) => {
    if (allowed(s) && daysPastDue >= s.daysOverdue && overdue >= s.minBalance) best = i;
  });
  return best;
}

/** True when both triggers of the named stage hold (raw: no plan considered). */
export function stageTriggersHold(debt: AccountDebt, stage: DebtStage): boolean {
  return debt.oldestDaysPastDue !== null && debt.oldestDaysPastDue >= stage.daysOverdue && debt.overdue >= stage.minBalance;
}

function nextUp(procedure: DebtProcedure, debt: AccountDebt, from: number, pausedDays: number, allowed: (s: DebtStage) => boolean): { next: number | null; nextOn: IsoDate | null } {
  const stages = procedure.stages;
  let j = from + 1;
  while (j < stages.length && !allowed(stages[j] as DebtStage)) j++;
  const s = stages[j];
  if (s === undefined || debt.oldestDue === null || debt.overdue < s.minBalance) return { next: null, nextOn: null };
  return { next: j, nextOn: addDays(debt.oldestDue, pausedDays + s.daysOverdue) };
}

/** The account's stage and next action, with its plan (if any) applied. */
export function ladderPosition(procedure: DebtProcedure, debt: AccountDebt, allTransactions: readonly OwnerTransaction[], plans: readonly RepaymentPlan[]): LadderPosition {
  const stages = procedure.stages;
  const any = (): boolean => true;
  const plan = currentPlan(plans, debt.owner, debt.property, debt.asOf);
  const check = plan ? checkPlan(plan, debt.transactions, debt.asOf, procedure.planGraceDays, debt.open.length === 0) : null;
  if (check === null || !plan || check.status === 'ended' || check.status === 'cleared') {
    const stage = triggeredStage(stages, debt.oldestDaysPastDue, debt.overdue);
    return { stage, ...nextUp(procedure, debt, stage, 0, any), plan: check, pausedDays: 0, stageAtPlanStart: null };
  }
  // Where the account stood the day the plan started (its transactions before that day).
  const before = accountDebt(debt.owner, debt.property, allTransactions.filter((t) => t.date < plan.start), plan.start);
  const atStart = triggeredStage(stages, before.oldestDaysPastDue, before.overdue);
  if (check.status === 'kept') {
    const whileKept = (s: DebtStage): boolean => s.appliesWhilePlanKept;
    const stage = triggeredStage(stages, debt.oldestDaysPastDue, debt.overdue, whileKept);
    return { stage, ...nextUp(procedure, debt, stage, 0, whileKept), plan: check, pausedDays: 0, stageAtPlanStart: atStart };
  }
  const pausedDays = Math.max(0, daysBetween(plan.start, check.brokenOn ?? debt.asOf));
  const days = debt.oldestDaysPastDue === null ? null : debt.oldestDaysPastDue - pausedDays;
  const stage = Math.max(atStart, triggeredStage(stages, days, debt.overdue));
  return { stage, ...nextUp(procedure, debt, stage, pausedDays, any), plan: check, pausedDays, stageAtPlanStart: atStart };
}
