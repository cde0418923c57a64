/**
 * The landlord's configuration: rent calendar, GL codes, and their own transaction codes mapped onto
 * the categories; the payment files' postings layout and cash balancing. Everything has a safe
 * default, so a config file is optional. One config serves every job (CLI --config and the pane's
 * settings alike); the payments and balance-cash commands' older files (top-level `postings` and
 * `endedTenancies`; top-level `settlements`, `individual`, `nearTolerancePercent`, `channels`) are
 * still accepted and read into the `payments` and `cashBalance` sections.
 */
import { z } from 'zod';
import { isCategory, type Category } from './categories';
import { addDays, isoDate, parseDayFirst, weekday, type IsoDate } from './dates';
import { parsePence, type Pence } from './money';
import { DEFAULT_SUSPENSE_MATCH, type SuspenseMatchConfig } from './suspense/match-suspense';
import { cashBalanceConfigSchema, DEFAULT_CASH_BALANCE, type CashBalanceConfig } from './payments/cash-balance';
import { DEFAULT_POSTINGS, postingsConfigSchema, type PostingsConfig } from './payments/payment-outputs';

export type SourceRole = 'rentRoll' | 'transactions' | 'gl' | 'suspense';

export type ReconcilingItemType = 'timing' | 'suspense' | 'other';

/** A reconciling item a person adds, with an explanation. */
export interface UserReconcilingItem {
  readonly ref: string;
  readonly type: ReconcilingItemType;
  /** Signed like the difference it explains (housing system minus GL). */
  readonly amount: Pence;
  readonly explanation: string;
  readonly owner: string;
  readonly date: IsoDate | null;
}

export interface LedgerConfig {
  /** The Monday a rent year starts; null: the first Monday of April of the period's rent year. */
  readonly rentYearStart: IsoDate | null;
  readonly rentFreeWeeks: readonly IsoDate[];
  readonly proRata: 'none' | 'daily';
  readonly glControlAccount: string;
  readonly glSuspenseAccount: string;
  /** Landlord code (upper case, trimmed) -> category. Categories map to themselves unless overridden. */
  readonly codes: ReadonlyMap<string, Category>;
  /** A housing-system batch matches a GL line dated the same day or up to this many days later. */
  readonly batchWindowDays: number;
  /** Unmatched housing-system batches dated this many days before the period end or later are suggested as timing differences. */
  readonly timingWindowDays: number;
  /** Whether suggested timing differences count as reconciling items without a person adding them. */
  readonly acceptSuggestedTiming: boolean;
  readonly sheets: Readonly<Partial<Record<SourceRole, string>>>;
  /** Column overrides: role -> field -> header text or column letter. */
  readonly columns: Readonly<Partial<Record<SourceRole, Readonly<Record<string, string>>>>>;
  readonly reconcilingItems: readonly UserReconcilingItem[];
  /** Items held in suspense longer than this many days are flagged (auditors ask about old items). */
  readonly suspenseAgeLimitDays: number;
  /** When the suspense matcher may allocate on its own, and what it shows a person. */
  readonly suspenseMatch: SuspenseMatchConfig;
  /** Payment files: the postings file's layout and what happens to payments for ended tenancies. */
  readonly payments: PaymentsSettings;
  /** Cash balancing: settlement channels, the line-by-line channel, tolerance, channels balanced. */
  readonly cashBalance: CashBalanceConfig;
}

export interface PaymentsSettings {
  readonly postings: PostingsConfig;
  /** A payment to an account whose tenancy ended before it: held in suspense (default) or posted. */
  readonly endedTenancies: 'suspense' | 'post';
}

export const DEFAULT_PAYMENTS: PaymentsSettings = { postings: DEFAULT_POSTINGS, endedTenancies: 'suspense' };

export const DEFAULT_CONFIG: LedgerConfig = {
  rentYearStart: null,
  rentFreeWeeks: [],
  proRata: 'none',
  glControlAccount: '1100',
  glSuspenseAccount: '1190',
  codes: new Map(),
  batchWindowDays: 5,
  timingWindowDays: 5,
  acceptSuggestedTiming: true,
  sheets: {},
  columns: {},
  reconcilingItems: [],
  suspenseAgeLimitDays: 28,
  suspenseMatch: DEFAULT_SUSPENSE_MATCH,
  payments: DEFAULT_PAYMENTS,
  cashBalance: DEFAULT_CASH_BALANCE,
};

const dateText = z.string().refine((s) => parseDayFirst(s) !== null, 'not a date (YYYY-MM-DD or dd/mm/yyyy)');
const mondayText = dateText.refine((s) => {
  const d = parseDayFirst(s);
  return d === null || weekday(d) === 0; // a non-date is already reported by dateText
}, 'not a Monday');
const codeText = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((v) => String(v).trim());
const moneyText = z.union([z.string(), z.number()]).refine((v) => parsePence(String(v)) !== null, 'not an amount with at most two decimals');
const roles = ['rentRoll', 'transactions', 'gl', 'suspense'] as const;
const endedTenancies = z.enum(['suspense', 'post'], { message: 'expected "suspense" or "post"' });

const configSchema = z
  .object({
    rentYearStart: mondayText.optional(),
    rentFreeWeeks: z.array(mondayText).optional(),
    proRata: z.enum(['none', 'daily']).optional(),
    glControlAccount: codeText.optional(),
    glSuspenseAccount: codeText.optional(),
    codes: z.record(z.string(), z.string().refine((c) => isCategory(c.trim().toUpperCase()), 'not a category')).optional(),
    batchWindowDays: z.number().int().min(0).max(31).optional(),
    timingWindowDays: z.number().int().min(0).max(31).optional(),
    acceptSuggestedTiming: z.boolean().optional(),
    sheets: z.partialRecord(z.enum(roles), z.string().min(1)).optional(),
    columns: z.partialRecord(z.enum(roles), z.record(z.string(), z.string().min(1))).optional(),
    reconcilingItems: z
      .array(
        z.object({
          ref: z.string().optional(),
          type: z.enum(['timing', 'suspense', 'other']),
          amount: moneyText,
          explanation: z.string().min(1),
          owner: z.string().optional(),
          date: dateText.optional(),
        }),
      )
      .optional(),
    suspenseAgeLimitDays: z.number().int().min(1).max(3650).optional(),
    suspenseMatch: z
      .object({
        // A wrong automatic allocation harms a tenant (DOMAIN.md section 4): the floor and margin
        // cannot be configured below levels where a keying slip alone would pass.
        autoMinScore: z.number().min(0.8).max(1).optional(),
        autoMargin: z.number().min(0.05).max(1).optional(),
        reviewMinScore: z.number().min(0).max(1).optional(),
        autoAllocate: z.boolean().optional(),
      })
      .strict()
      .refine((m) => (m.reviewMinScore ?? DEFAULT_SUSPENSE_MATCH.reviewMinScore) <= (m.autoMinScore ?? DEFAULT_SUSPENSE_MATCH.autoMinScore), 'reviewMinScore must not be above autoMinScore')
      .optional(),
    payments: z.object({ postings: postingsConfigSchema.optional(), endedTenancies: endedTenancies.optional() }).strict().optional(),
    cashBalance: cashBalanceConfigSchema.optional(),
    // The payments command's own config file (before one config served every job): still accepted.
    postings: postingsConfigSchema.optional(),
    endedTenancies: endedTenancies.optional(),
    // The balance-cash command's own config file: still accepted, read into cashBalance.
    ...cashBalanceConfigSchema.partial().shape,
  })
  .strict();

/** The keys of the balance-cash command's own config file, accepted at the top level. */
const CASH_KEYS = Object.keys(cashBalanceConfigSchema.shape) as (keyof typeof cashBalanceConfigSchema.shape)[];

export type ConfigResult = { ok: true; config: LedgerConfig } | { ok: false; problems: string[] };

/** Validates a parsed config file (JSON) and fills in defaults. */
export function parseConfig(json: unknown): ConfigResult {
  const parsed = configSchema.safeParse(json ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`),
    };
  }
  const c = parsed.data;
  // A setting given both in its section and at the top level (the old per-command files) is ambiguous.
  const given = (k: string): boolean => typeof json === 'object' && json !== null && k in json;
  const twice = [
    ...(given('postings') && c.payments?.postings !== undefined ? ['postings: give it once, as payments.postings'] : []),
    ...(given('endedTenancies') && c.payments?.endedTenancies !== undefined ? ['endedTenancies: give it once, as payments.endedTenancies'] : []),
    ...CASH_KEYS.filter((k) => given(k) && c.cashBalance !== undefined).map((k) => `${k}: give it once, as cashBalance.${k}`),
  ];
  if (twice.length > 0) return { ok: false, problems: twice };
  const topCash = Object.fromEntries(CASH_KEYS.filter(given).map((k) => [k, c[k]]));
  const cashBalance = c.cashBalance ?? cashBalanceConfigSchema.parse(topCash);
  const codes = new Map<string, Category>();
  for (const [code, cat] of Object.entries(c.codes ?? {})) codes.set(code.trim().toUpperCase(), cat.trim().toUpperCase() as Category);
  const d = DEFAULT_CONFIG;
  return {
    ok: true,
    config: {
      rentYearStart: c.rentYearStart !== undefined ? parseDayFirst(c.rentYearStart) : d.rentYearStart,
      rentFreeWeeks: (c.rentFreeWeeks ?? []).map((s) => parseDayFirst(s) as IsoDate),
      proRata: c.proRata ?? d.proRata,
      glControlAccount: c.glControlAccount ?? d.glControlAccount,
      glSuspenseAccount: c.glSuspenseAccount ?? d.glSuspenseAccount,
      codes,
      batchWindowDays: c.batchWindowDays ?? d.batchWindowDays,
      timingWindowDays: c.timingWindowDays ?? d.timingWindowDays,
      acceptSuggestedTiming: c.acceptSuggestedTiming ?? d.acceptSuggestedTiming,
      sheets: c.sheets ?? {},
      columns: c.columns ?? {},
      reconcilingItems: (c.reconcilingItems ?? []).map((r, i) => ({
        ref: r.ref ?? `U${i + 1}`,
        type: r.type,
        amount: parsePence(String(r.amount)) as Pence,
        explanation: r.explanation,
        owner: r.owner ?? '',
        date: r.date !== undefined ? parseDayFirst(r.date) : null,
      })),
      suspenseAgeLimitDays: c.suspenseAgeLimitDays ?? d.suspenseAgeLimitDays,
      suspenseMatch: {
        autoMinScore: c.suspenseMatch?.autoMinScore ?? d.suspenseMatch.autoMinScore,
        autoMargin: c.suspenseMatch?.autoMargin ?? d.suspenseMatch.autoMargin,
        reviewMinScore: c.suspenseMatch?.reviewMinScore ?? d.suspenseMatch.reviewMinScore,
        autoAllocate: c.suspenseMatch?.autoAllocate ?? d.suspenseMatch.autoAllocate,
      },
      payments: {
        postings: c.payments?.postings ?? c.postings ?? d.payments.postings,
        endedTenancies: c.payments?.endedTenancies ?? c.endedTenancies ?? d.payments.endedTenancies,
      },
      cashBalance,
    },
  };
}

/** The category a landlord code stands for, or null when neither a category nor mapped. */
export function categoryOf(code: string, config: LedgerConfig): Category | null {
  const key = code.trim().toUpperCase();
  const mapped = config.codes.get(key);
  if (mapped) return mapped;
  return isCategory(key) ? key : null;
}

/** The rent year start to use for a period: the configured one, else the first Monday of April on or before the period. */
export function effectiveRentYearStart(config: LedgerConfig, periodStart: IsoDate): IsoDate {
  if (config.rentYearStart) return config.rentYearStart;
  const year = Number(periodStart.slice(0, 4));
  const firstMondayOfApril = (y: number): IsoDate => {
    const april1 = isoDate(y, 4, 1) as IsoDate;
    return addDays(april1, (7 - weekday(april1)) % 7);
  };
  const thisYear = firstMondayOfApril(year);
  return periodStart >= thisYear ? thisYear : firstMondayOfApril(year - 1);
}
