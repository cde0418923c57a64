/**
 * The config's `factoring.debtProcedure` (issue 16): the written debt procedure as an ordered ladder
 * of stages, each with its two triggers (days past the oldest unpaid item's Due Date, and the
 * undisputed overdue balance), the letter it sends, and whether it still applies while the owner
 * keeps a repayment plan; `noplStage` names the stage at which a Notice of Potential Liability is
 * registered. Extended additively: `planGraceDays` (how late an instalment may be before a plan is
 * broken) and `debtAdvice` (the text every letter carries) are optional.
 *
 * ```json
 * "debtProcedure": {
 *   "stages": [
 *     { "name": "reminder", "daysOverdue": 14, "minBalance": "10.00", "letter": "reminder", "appliesWhilePlanKept": false },
 *     { "name": "final notice", "daysOverdue": 28, "minBalance": "10.00", "letter": "final-notice", "appliesWhilePlanKept": false },
 *     { "name": "NoPL", "daysOverdue": 42, "minBalance": "250.00", "letter": "nopl-intimation", "appliesWhilePlanKept": true },
 *     { "name": "court action", "daysOverdue": 70, "minBalance": "500.00", "letter": "court-warning", "appliesWhilePlanKept": false }
 *   ],
 *   "noplStage": "NoPL"
 * }
 * ```
 */
import { z } from 'zod';
import { parsePence, toPence, type Pence } from '../../money';

export interface DebtStage {
  readonly name: string;
  readonly daysOverdue: number;
  readonly minBalance: Pence;
  /** The mail-merge template's name; null when the stage sends no letter. */
  readonly letter: string | null;
  readonly appliesWhilePlanKept: boolean;
}

export interface DebtProcedure {
  /** In ladder order, lowest first. */
  readonly stages: readonly DebtStage[];
  /** The stage at which a NoPL is registered; null when the ladder has none. */
  readonly noplStage: string | null;
  /** Days after an instalment's date before a plan is broken by it not being paid. */
  readonly planGraceDays: number;
  /** Free debt-advice signposting printed on every letter (the Code of Conduct expects it). */
  readonly debtAdvice: string;
}

export const DEFAULT_DEBT_ADVICE =
  'If you are having difficulty paying, please contact us to agree a repayment plan. Free, confidential and impartial debt advice is available from Citizens Advice Scotland (www.cas.org.uk, 0800 028 1456), Money Advice Scotland (www.moneyadvicescotland.org.uk) and National Debtline (0808 808 4000).';

/** The issue's example ladder: used when the config has no debtProcedure. */
export const DEFAULT_DEBT_PROCEDURE: DebtProcedure = {
  stages: [
    { name: 'reminder', daysOverdue: 14, minBalance: toPence(1000), letter: 'reminder', appliesWhilePlanKept: false },
    { name: 'final notice', daysOverdue: 28, minBalance: toPence(1000), letter: 'final-notice', appliesWhilePlanKept: false },
    { name: 'NoPL', daysOverdue: 42, minBalance: toPence(25000), letter: 'nopl-intimation', appliesWhilePlanKept: true },
    { name: 'court action', daysOverdue: 70, minBalance: toPence(50000), letter: 'court-warning', appliesWhilePlanKept: false },
  ],
  noplStage: 'NoPL',
  planGraceDays: 7,
  debtAdvice: DEFAULT_DEBT_ADVICE,
};

/** The same ladder as the config file writes it (the sample config carries it). */
export const EXAMPLE_DEBT_PROCEDURE_JSON = {
  stages: DEFAULT_DEBT_PROCEDURE.stages.map((s) => ({ name: s.name, daysOverdue: s.daysOverdue, minBalance: (s.minBalance / 100).toFixed(2), letter: s.letter, appliesWhilePlanKept: s.appliesWhilePlanKept })),
  noplStage: 'NoPL',
};

const money = z.union([z.string(), z.number()]).refine((v) => {
  const p = parsePence(String(v));
  return p !== null && p >= 0;
}, 'not an amount of at least 0 with at most two decimals');

const stageSchema = z
  .object({
    name: z.string().trim().min(1),
    daysOverdue: z.number().int().min(0).max(36500),
    minBalance: money,
    letter: z.string().trim().min(1).nullable().optional(),
    appliesWhilePlanKept: z.boolean().optional(),
  })
  .strict();

export const debtProcedureSchema = z
  .object({
    stages: z.array(stageSchema).min(1),
    noplStage: z.string().trim().min(1).nullable().optional(),
    planGraceDays: z.number().int().min(0).max(90).optional(),
    debtAdvice: z.string().trim().min(1).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const names = d.stages.map((s) => s.name.trim().toLowerCase());
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['stages', i, 'name'], message: `the stage name '${d.stages[i]?.name ?? ''}' is used twice` });
    });
    for (let i = 1; i < d.stages.length; i++) {
      if ((d.stages[i]?.daysOverdue ?? 0) < (d.stages[i - 1]?.daysOverdue ?? 0)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'daysOverdue'], message: 'the ladder goes up: each stage needs at least as many days overdue as the one before' });
    }
    if (d.noplStage != null && !names.includes(d.noplStage.trim().toLowerCase())) ctx.addIssue({ code: 'custom', path: ['noplStage'], message: `'${d.noplStage}' is not one of the stages` });
  });

export type DebtProcedureInput = z.infer<typeof debtProcedureSchema>;

/** The validated ladder with its defaults filled in. */
export function toDebtProcedure(input: DebtProcedureInput): DebtProcedure {
  const stages = input.stages.map((s) => ({ name: s.name.trim(), daysOverdue: s.daysOverdue, minBalance: parsePence(String(s.minBalance)) as Pence, letter: s.letter ?? null, appliesWhilePlanKept: s.appliesWhilePlanKept ?? false }));
  const nopl = input.noplStage == null ? null : (stages.find((s) => s.name.toLowerCase() === (input.noplStage ?? '').trim().toLowerCase())?.name ?? null);
  return { stages, noplStage: nopl, planGraceDays: input.planGraceDays ?? DEFAULT_DEBT_PROCEDURE.planGraceDays, debtAdvice: input.debtAdvice ?? DEFAULT_DEBT_PROCEDURE.debtAdvice };
}
