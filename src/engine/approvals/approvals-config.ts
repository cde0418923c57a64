/**
 * The `approvals` section of the config: who may approve what (issue 14). Kept in its own module so
 * config.ts carries only a small hunk. Defaults: anyone other than the requester may approve, and a
 * refund or write-off (rent or factoring) over £500 needs a second approver (the control internal audit asks for).
 *
 * ```json
 * "approvals": {
 *   "approvers": { "Sam Lee": "coordinator", "Priya Shah": "manager" },
 *   "limits": { "coordinator": { "refund": "500.00", "*": "250.00" }, "manager": { "*": "10000.00" } },
 *   "secondApproverOver": { "refund": "500.00", "writeoff": "500.00" }
 * }
 * ```
 * With `approvers` listed, only those people may approve, and only up to their role's limit for the
 * action's kind ('*' for any kind; a role with no limit for the kind may not approve it). With none
 * listed, limits do not apply (there are no roles to hold them) but second approvers still do.
 */
import { z } from 'zod';
import { parsePence, toPence, type Pence } from '../money';

export interface ApprovalsConfig {
  /** Person (as typed) -> role. Empty: anyone but the requester may approve. */
  readonly approvers: Readonly<Record<string, string>>;
  /** Role -> kind (or '*') -> the largest amount that role may approve. */
  readonly limits: Readonly<Record<string, Readonly<Record<string, Pence>>>>;
  /** Kind (or '*') -> above this amount two different approvers are needed. */
  readonly secondApproverOver: Readonly<Record<string, Pence>>;
  /** Which accounts are refund candidates and what makes a refund risky. */
  readonly refunds: RefundSettings;
}

export interface RefundSettings {
  /** A current tenant's credit is a candidate only above this (rent paid ahead is normal). */
  readonly currentTenantOver: Pence;
  /** HB or UC credited within this many weeks may be recovered as an overpayment. */
  readonly benefitWeeks: number;
  /** A Direct Debit collected within this many weeks is inside the indemnity-claim risk window. */
  readonly ddRiskWeeks: number;
  /** A Direct Debit collected within this many working days may still be returned unpaid (ARUDD). */
  readonly ddRecentWorkingDays: number;
  /** Bank details changed within this many days: a common fraud pattern before a refund. */
  readonly bankChangeDays: number;
}

export const DEFAULT_REFUND_SETTINGS: RefundSettings = {
  currentTenantOver: toPence(10000),
  benefitWeeks: 4,
  ddRiskWeeks: 8,
  ddRecentWorkingDays: 3,
  bankChangeDays: 30,
};

export const DEFAULT_APPROVALS: ApprovalsConfig = {
  approvers: {},
  limits: {},
  secondApproverOver: { refund: toPence(50000), writeoff: toPence(50000), 'factoring-writeoff': toPence(50000) },
  refunds: DEFAULT_REFUND_SETTINGS,
};

const money = z.union([z.string(), z.number()]).refine((v) => {
  const p = parsePence(String(v));
  return p !== null && p >= 0;
}, 'not an amount of at least 0 with at most two decimals');

export const approvalsSchema = z
  .object({
    approvers: z.record(z.string().min(1), z.string().min(1)).optional(),
    limits: z.record(z.string().min(1), z.record(z.string().min(1), money)).optional(),
    secondApproverOver: z.record(z.string().min(1), money).optional(),
    refunds: z
      .object({
        currentTenantOver: money.optional(),
        benefitWeeks: z.number().int().min(0).max(104).optional(),
        ddRiskWeeks: z.number().int().min(0).max(104).optional(),
        ddRecentWorkingDays: z.number().int().min(0).max(20).optional(),
        bankChangeDays: z.number().int().min(0).max(365).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ApprovalsConfigInput = z.infer<typeof approvalsSchema>;

const pence = (v: string | number): Pence => parsePence(String(v)) as Pence;

/** The validated section with defaults filled in (an absent key keeps its default). */
export function toApprovalsConfig(input: ApprovalsConfigInput | undefined): ApprovalsConfig {
  if (input === undefined) return DEFAULT_APPROVALS;
  const mapValues = <T, U>(o: Readonly<Record<string, T>>, f: (v: T) => U): Record<string, U> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
  return {
    approvers: input.approvers ?? DEFAULT_APPROVALS.approvers,
    limits: input.limits !== undefined ? mapValues(input.limits, (l) => mapValues(l, pence)) : DEFAULT_APPROVALS.limits,
    secondApproverOver: input.secondApproverOver !== undefined ? mapValues(input.secondApproverOver, pence) : DEFAULT_APPROVALS.secondApproverOver,
    refunds: {
      currentTenantOver: input.refunds?.currentTenantOver !== undefined ? pence(input.refunds.currentTenantOver) : DEFAULT_REFUND_SETTINGS.currentTenantOver,
      benefitWeeks: input.refunds?.benefitWeeks ?? DEFAULT_REFUND_SETTINGS.benefitWeeks,
      ddRiskWeeks: input.refunds?.ddRiskWeeks ?? DEFAULT_REFUND_SETTINGS.ddRiskWeeks,
      ddRecentWorkingDays: input.refunds?.ddRecentWorkingDays ?? DEFAULT_REFUND_SETTINGS.ddRecentWorkingDays,
      bankChangeDays: input.refunds?.bankChangeDays ?? DEFAULT_REFUND_SETTINGS.bankChangeDays,
    },
  };
}
