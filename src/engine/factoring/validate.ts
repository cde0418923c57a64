/**
 * The register's cross-sheet checks: refs that exist, one of each ref, ownership periods of a
 * property that never overlap, and (for a quarter) every day of every property owned by someone,
 * so that every charge's parts sum to the charge and every owner-day is billed once.
 */
import { addDays, type IsoDate } from '../dates';
import { cellLocation } from '../issues';
import type { FactoringIssue } from './messages';
import type { Quarter } from './quarter';
import type { Register, RowRef } from './register';

export function checkRegister(reg: Register, quarter: Quarter | null): FactoringIssue[] {
  const issues: FactoringIssue[] = [];
  const at = (sheet: keyof Register['columns'], r: RowRef, field: string, code: FactoringIssue['code'], raw: string | null, detail: Record<string, string>): void => {
    const c = reg.columns[sheet].get(field);
    issues.push({ code, severity: 'error', raw, location: cellLocation(reg.file, r.sheet, r.row, c?.col ?? 1, c?.header ?? null), detail });
  };
  const owners = new Map<string, RowRef>();
  for (const o of reg.owners) {
    const first = owners.get(o.ref);
    if (first) at('owners', o, 'owner', 'factoring.ref-duplicate', o.ref, { ref: o.ref, firstRow: String(first.row) });
    else owners.set(o.ref, o);
  }
  const properties = new Map<string, RowRef>();
  for (const p of reg.properties) {
    const first = properties.get(p.ref);
    if (first) at('properties', p, 'property', 'factoring.ref-duplicate', p.ref, { ref: p.ref, firstRow: String(first.row) });
    else properties.set(p.ref, p);
  }
  for (const o of reg.ownership) {
    if (!properties.has(o.property)) at('ownership', o, 'property', 'factoring.property-unknown', o.property, { ref: o.property });
    if (!owners.has(o.owner)) at('ownership', o, 'owner', 'factoring.owner-unknown', o.owner, { ref: o.owner });
  }
  for (const s of reg.shares) if (!properties.has(s.property)) at('shares', s, 'property', 'factoring.property-unknown', s.property, { ref: s.property });

  const byProperty = new Map<string, (typeof reg.ownership)[number][]>();
  for (const o of reg.ownership) byProperty.set(o.property, [...(byProperty.get(o.property) ?? []), o]);
  for (const [property, periods] of byProperty) {
    const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.row - b.row));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as (typeof sorted)[number];
      const cur = sorted[i] as (typeof sorted)[number];
      if (prev.to === null || prev.to >= cur.from) at('ownership', cur, 'from', 'factoring.ownership-overlap', cur.from, { property, day: cur.from, otherRow: String(prev.row) });
    }
  }
  if (quarter) {
    for (const p of reg.properties) {
      const sorted = [...(byProperty.get(p.ref) ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
      let next: IsoDate = quarter.start; // the first day not yet known to be owned
      const gap = (to: IsoDate): void => at('properties', p, 'property', 'factoring.ownership-gap', p.ref, { property: p.ref, from: next, to });
      for (const o of sorted) {
        if (next > quarter.end) break;
        if (o.to !== null && o.to < next) continue;
        if (o.from > next) gap(o.from > quarter.end ? quarter.end : addDays(o.from, -1));
        next = o.to === null ? addDays(quarter.end, 1) : addDays(o.to, 1);
      }
      if (next <= quarter.end) gap(quarter.end);
    }
  }
  return issues;
}
