/**
 * The config file's `factoring` object (issue 15): the factor's registration number, the landlord's
 * own Owner Ref, the management fee per property per year and the admin fee on a change of
 * ownership (decimal strings), and the size of the sample checked before bills go out.
 */
import { z } from 'zod';
import { parsePence, type Pence } from '../money';
import { debtProcedureSchema, toDebtProcedure, type DebtProcedure } from './debt/debt-config';

export interface FactoringConfig {
  /** Null when the config has none: no owner-facing output is produced then. */
  readonly pfNumber: string | null;
  readonly landlordOwnerRef: string | null;
  readonly managementFee: Pence;
  readonly adminFee: Pence;
  /** Bills drawn for the sample check (at least one per block while there are bills). */
  readonly sampleSize: number;
  /** The debt procedure's ladder (issue 16); absent: the example ladder (DEFAULT_DEBT_PROCEDURE). */
  readonly debtProcedure?: DebtProcedure;
}

export const DEFAULT_FACTORING: FactoringConfig = { pfNumber: null, landlordOwnerRef: null, managementFee: 0 as Pence, adminFee: 0 as Pence, sampleSize: 10 };

const money = z.union([z.string(), z.number()]).refine((v) => parsePence(String(v)) !== null, 'not an amount with at most two decimals');

export const factoringConfigSchema = z
  .object({
    pfNumber: z.string().regex(/^PF\d{6}$/, 'a registration number such as PF000123').optional(),
    landlordOwnerRef: z.string().min(1).optional(),
    managementFee: money.optional(),
    adminFee: money.optional(),
    sampleSize: z.number().int().min(1).max(1000).optional(),
    debtProcedure: debtProcedureSchema.optional(),
  })
  .strict();

export function toFactoringConfig(c: z.infer<typeof factoringConfigSchema>): FactoringConfig {
  const d = DEFAULT_FACTORING;
  return {
    pfNumber: c.pfNumber ?? d.pfNumber,
    landlordOwnerRef: c.landlordOwnerRef?.trim() ?? d.landlordOwnerRef,
    managementFee: c.managementFee !== undefined ? (parsePence(String(c.managementFee)) as Pence) : d.managementFee,
    adminFee: c.adminFee !== undefined ? (parsePence(String(c.adminFee)) as Pence) : d.adminFee,
    sampleSize: c.sampleSize ?? d.sampleSize,
    ...(c.debtProcedure !== undefined ? { debtProcedure: toDebtProcedure(c.debtProcedure) } : {}),
  };
}
