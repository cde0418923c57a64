/**
 * Shares as the run uses them: TMS rows with no share given resolved by the Tenement Management
 * Scheme rule (with the working shown), and every block, heading and day checked to sum to exactly 1
 * as fractions.
 */
import { addDays, type IsoDate } from '../dates';
import { cellLocation } from '../issues';
import type { FactoringIssue } from './messages';
import { add, cmp, div, eq, formatRational, rational, R_ONE, R_ZERO, type Rational } from './rational';
import type { Basis, Property, ShareRow } from './register';

export interface ResolvedShare {
  readonly block: string;
  readonly property: string;
  readonly heading: string;
  readonly share: Rational;
  readonly basis: Basis;
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
  /** How a TMS share was worked out, in words; null when the share was given. */
  readonly working: string | null;
  readonly sheet: string;
  readonly row: number;
}

const THREE_HALVES = rational(3n, 2n);
const EARLIEST = '0001-01-01' as IsoDate;

const groupKey = (r: { block: string; heading: string }): string => `${r.block}\u0000${r.heading}`;

function formatArea(a: Rational): string {
  return a.d === 1n ? a.n.toString() : (Number(a.n) / Number(a.d)).toString();
}

/**
 * The Tenement Management Scheme rule (Tenements (Scotland) Act 2004, schedule 1): equal shares,
 * unless the largest flat's floor area is more than one and a half times the smallest's, then in
 * proportion to floor area. Exactly 1.5 times is still equal.
 */
export function tmsShares(areas: readonly { property: string; area: Rational }[]): { shares: Map<string, Rational>; working: string } {
  const n = BigInt(areas.length);
  let max = areas[0]?.area ?? R_ONE;
  let min = max;
  let total = R_ZERO;
  for (const a of areas) {
    if (cmp(a.area, max) > 0) max = a.area;
    if (cmp(a.area, min) < 0) min = a.area;
    total = add(total, a.area);
  }
  const ratio = div(max, min);
  const byArea = cmp(ratio, THREE_HALVES) > 0;
  const shares = new Map<string, Rational>();
  for (const a of areas) shares.set(a.property, byArea ? div(a.area, total) : rational(1n, n));
  const head = `TMS: ${areas.length} flats; largest ${formatArea(max)} m², smallest ${formatArea(min)} m²; ratio ${formatRational(ratio)}`;
  const working = byArea
    ? `${head} is more than 1.5, so shares follow floor area (each flat's area / ${formatArea(total)} m²)`
    : `${head} is not more than 1.5, so equal shares of 1/${areas.length}`;
  return { shares, working };
}

/** Resolves TMS rows and checks the sums; issues are located at the Shares sheet's cells. */
export function resolveShares(file: string, rows: readonly ShareRow[], properties: readonly Property[], shareCol: number): { shares: ResolvedShare[]; issues: FactoringIssue[] } {
  const issues: FactoringIssue[] = [];
  const area = new Map(properties.map((p) => [p.ref, p.floorArea]));
  const out: ResolvedShare[] = [];
  const tms = new Map<string, ShareRow[]>();
  for (const r of rows) {
    if (r.share !== null) out.push({ ...r, share: r.share, working: null });
    else {
      const k = `${groupKey(r)}\u0000${r.from ?? ''}\u0000${r.to ?? ''}`;
      tms.set(k, [...(tms.get(k) ?? []), r]);
    }
  }
  for (const group of tms.values()) {
    const missing = group.filter((r) => !area.get(r.property));
    if (missing.length > 0) {
      for (const r of missing) issues.push({ code: 'factoring.floor-area-missing', severity: 'error', raw: null, location: cellLocation(file, r.sheet, r.row, shareCol, 'Share'), detail: { block: r.block, ref: r.property } });
      continue;
    }
    const { shares, working } = tmsShares(group.map((r) => ({ property: r.property, area: area.get(r.property) as Rational })));
    for (const r of group) out.push({ ...r, share: shares.get(r.property) as Rational, working });
  }
  out.sort((a, b) => a.row - b.row);
  issues.push(...checkSums(file, out, shareCol));
  return { shares: out, issues };
}

/** For each block, heading and day the shares must sum to exactly 1; one issue per stretch of days that do not. */
function checkSums(file: string, shares: readonly ResolvedShare[], shareCol: number): FactoringIssue[] {
  const issues: FactoringIssue[] = [];
  const groups = new Map<string, ResolvedShare[]>();
  for (const s of shares) groups.set(groupKey(s), [...(groups.get(groupKey(s)) ?? []), s]);
  for (const group of groups.values()) {
    const points = new Set<string>();
    for (const s of group) {
      points.add(s.from ?? EARLIEST);
      if (s.to !== null) points.add(addDays(s.to, 1));
    }
    const sorted = [...points].sort() as IsoDate[];
    for (let i = 0; i < sorted.length; i++) {
      const day = sorted[i] as IsoDate;
      const active = group.filter((s) => (s.from ?? EARLIEST) <= day && (s.to === null || s.to >= day));
      if (active.length === 0) continue;
      const seen = new Map<string, ResolvedShare>();
      for (const s of active) {
        const first = seen.get(s.property);
        if (first) issues.push({ code: 'factoring.ref-duplicate', severity: 'error', raw: s.property, location: cellLocation(file, s.sheet, s.row, shareCol, 'Share'), detail: { ref: `${s.property} (${s.heading})`, firstRow: String(first.row) } });
        seen.set(s.property, s);
      }
      const sum = active.reduce((t, s) => add(t, s.share), R_ZERO);
      if (!eq(sum, R_ONE)) {
        const next = sorted[i + 1];
        const first = active[0] as ResolvedShare;
        issues.push({
          code: 'factoring.share-sum',
          severity: 'error',
          raw: formatRational(sum),
          location: cellLocation(file, first.sheet, first.row, shareCol, 'Share'),
          detail: { block: first.block, heading: first.heading, sum: formatRational(sum), from: day === EARLIEST ? 'the start' : day, to: next ? addDays(next as IsoDate, -1) : '' },
        });
      }
    }
  }
  return issues;
}

/** The shares of a block and heading valid on a day, by property ref. */
export function sharesOn(shares: readonly ResolvedShare[], block: string, heading: string, day: IsoDate): ResolvedShare[] {
  return shares.filter((s) => s.block === block && s.heading === heading && (s.from === null || s.from <= day) && (s.to === null || s.to >= day));
}

