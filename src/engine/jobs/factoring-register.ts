/**
 * Register checks (issue 15): the six sheets read, the TMS shares worked out (with the working), the
 * shares summed as exact fractions for every block, heading and day, refs and ownership periods
 * checked, and, for a quarter, every day of every property owned by someone.
 */
import type { SheetData } from '../cells';
import { formatRational } from '../factoring/rational';
import type { FactoringIssue } from '../factoring/messages';
import { parseQuarter } from '../factoring/quarter';
import { readRegister, type Register } from '../factoring/register';
import { resolveShares, type ResolvedShare } from '../factoring/shares';
import { checkRegister } from '../factoring/validate';

export interface RegisterCheckInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** YYYY-Qn, or null for the checks that do not depend on a quarter. */
  readonly quarter: string | null;
}

export interface RegisterCheck {
  readonly register: Register;
  readonly shares: readonly ResolvedShare[];
  readonly issues: readonly FactoringIssue[];
  /** The TMS shares and how each was worked out, for the officer to see. */
  readonly tms: readonly { readonly block: string; readonly heading: string; readonly property: string; readonly share: string; readonly working: string }[];
  readonly counts: { readonly owners: number; readonly properties: number; readonly ownership: number; readonly shares: number; readonly charges: number; readonly policies: number };
}

export function checkFactoringRegister(input: RegisterCheckInput): RegisterCheck {
  const { register, issues } = readRegister(input.file, input.sheets);
  const shareCol = register.columns.shares.get('share')?.col ?? 1;
  const resolved = resolveShares(input.file, register.shares, register.properties, shareCol);
  const q = input.quarter === null ? null : parseQuarter(input.quarter);
  const all = [...issues, ...resolved.issues, ...checkRegister(register, q)];
  return {
    register,
    shares: resolved.shares,
    issues: all,
    tms: resolved.shares.filter((s) => s.working !== null).map((s) => ({ block: s.block, heading: s.heading, property: s.property, share: formatRational(s.share), working: s.working ?? '' })),
    counts: {
      owners: register.owners.length,
      properties: register.properties.length,
      ownership: register.ownership.length,
      shares: register.shares.length,
      charges: register.charges.length,
      policies: register.policies.length,
    },
  };
}
