/** The reconcile --json contract: money as decimal strings with two decimals, dates as YYYY-MM-DD. */
import type { InputIssue } from '../issues';
import { describeIssue } from '../messages';
import { formatPence as m } from '../money';
import { KEYING_PROPOSAL } from './keying';
import type { ReconcileResult } from './types';

export function reconcileToJson(r: ReconcileResult, issues: readonly InputIssue[]): Record<string, unknown> {
  return {
    period: { label: r.period.label, start: r.period.start, end: r.period.end, basis: r.basis },
    hms: { opening: m(r.hms.opening), transactions: m(r.hms.transactions), calculatedClosing: m(r.hms.calculatedClosing), reportedClosing: m(r.hms.reportedClosing) },
    gl: { opening: m(r.gl.opening), movement: m(r.gl.movement), closing: m(r.gl.closing) },
    difference: m(r.difference),
    components: r.components.map((c) => ({ category: c.category, hms: m(c.hms), gl: m(c.gl), difference: m(c.difference) })),
    unmatchedBatches: r.unmatchedBatches.map((u) =>
      u.side === 'hms'
        ? { side: 'hms', date: u.date, category: u.category, amount: m(u.amount), batchRef: u.batch, postings: u.postings, row: u.firstRow }
        : { side: 'gl', date: u.date, category: u.category, amount: m(u.amount), journalRef: u.journal, row: u.row },
    ),
    keyingPairs: r.keyingPairs.map((p) => ({
      hms: { date: p.hms.date, category: p.hms.category, amount: m(p.hms.amount), batchRef: p.hms.batch, postings: p.hms.postings, row: p.hms.firstRow },
      gl: { date: p.gl.date, category: p.gl.category, amount: m(p.gl.amount), journalRef: p.gl.journal, row: p.gl.row },
      difference: m(p.difference),
      basis: p.basis,
      proposal: KEYING_PROPOSAL,
    })),
    accountExceptions: r.accountExceptions.map((e) => ({ account: e.account, kind: e.kind, expected: m(e.expected), actual: m(e.actual), row: e.row, note: e.note })),
    suspense: {
      glBalance: m(r.suspense.glBalance),
      itemsTotal: m(r.suspense.itemsTotal),
      difference: m(r.suspense.difference),
      ageLimitDays: r.suspense.ageLimitDays,
      itemsOverLimit: r.suspense.items.filter((i) => i.overLimit).length,
    },
    reconcilingItems: r.reconcilingItems.map((i) => ({ ref: i.ref, type: i.type, date: i.date, amount: m(i.amount), explanation: i.explanation, owner: i.owner, origin: i.origin, counted: i.accepted, ...(i.origin === 'suggested' ? { key: i.key, decidedBy: i.decidedBy ?? null } : {}) })),
    reconcilingTotal: m(r.reconcilingTotal),
    unexplained: m(r.unexplained),
    status: r.status,
    counts: r.counts,
    issues: issues.map((i) => ({ code: i.code, severity: i.severity, message: describeIssue(i), raw: i.raw, location: i.location })),
  };
}
