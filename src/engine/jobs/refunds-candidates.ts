/**
 * Job: refund candidates (CLI `refunds candidates`; the pane's Account actions mode). Reads the rent
 * roll and the postings from the workbook, the mandate register when given (payers and bank-detail
 * changes), and returns the accounts in credit with their risk flags.
 *
 * Decisions (issue 14): an error in the rent roll or postings sheet, or in finding them, stops the
 * job; the postings sheet is optional (without it the benefit and Direct Debit flags cannot be
 * judged, and the text says so); as-of defaults to the clock's day.
 */
import type { SheetData } from '../cells';
import type { LedgerConfig } from '../config';
import { formatUkDate, type IsoDate } from '../dates';
import { readMandates, type Mandate } from '../dd/mandates';
import { registerTable, type DdCollectInput } from './dd-collect';
import { parseHolidays } from '../dd/working-days';
import type { InputIssue } from '../issues';
import { describeIssue } from '../messages';
import { formatGBP, formatPence } from '../money';
import type { Posting, Tenancy } from '../records';
import { readSources } from '../sources/read-sources';
import { refundCandidates, type RefundCandidate } from '../actions/refund-candidates';
import { bankChangesFromMandates, payersFromMandates } from '../actions/refund-sources';

export interface RefundCandidatesJobInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  readonly config: LedgerConfig;
  readonly asOf: IsoDate;
  readonly holidaysText: string;
  /** The Direct Debit mandate register (payers and bank-detail changes), when the landlord keeps one. */
  readonly register: DdCollectInput['register'] | null;
}

/** The register's mandates; a problem when it is given but cannot be read (mandates held back are left out). */
export function registerMandates(register: DdCollectInput['register'] | null): { mandates: readonly Mandate[]; problem: string | null } {
  if (register === null) return { mandates: [], problem: null };
  const { table, problem } = registerTable(register);
  if (table === null) return { mandates: [], problem: problem ?? 'the register is empty' };
  const read = readMandates(table);
  if (read.missingColumns.length > 0) return { mandates: [], problem: `the mandate register has no ${read.missingColumns.join(', ')} column(s)` };
  return { mandates: read.mandates, problem: null };
}

export type LedgerRead = { readonly ok: true; readonly tenancies: readonly Tenancy[]; readonly postings: readonly Posting[]; readonly hasPostings: boolean; readonly warnings: readonly InputIssue[] } | { readonly ok: false; readonly summary: string; readonly problems: readonly string[] };

/** The rent roll and postings a job on accounts needs; errors in them (or in finding them) stop it. */
export function readLedger(file: string, sheets: readonly SheetData[], config: LedgerConfig): LedgerRead {
  const sources = readSources(file, sheets, config);
  const used = new Set([sources.rentRoll?.detection.sheet, sources.transactions?.detection.sheet].filter((s): s is string => s !== undefined));
  // Only the rent roll and postings are read: a missing GL or suspense sheet does not stop the job.
  const blocking = sources.issues.filter((i) => i.severity === 'error' && ((i.location.sheet !== null && used.has(i.location.sheet) && !i.code.startsWith('role.')) || i.code.startsWith('workbook.')));
  if (sources.rentRoll === null) {
    const why = sources.issues.filter((i) => i.code.startsWith('role.') && i.detail.role === 'rent roll');
    return { ok: false, summary: 'needs a rent roll sheet', problems: ['no sheet was recognised as the rent roll', ...why.map(describeIssue)] };
  }
  if (blocking.length > 0) return { ok: false, summary: `${blocking.length} problem(s) in the input`, problems: blocking.slice(0, 50).map(describeIssue) };
  return { ok: true, tenancies: sources.rentRoll.records, postings: sources.transactions?.records ?? [], hasPostings: sources.transactions !== null, warnings: sources.issues.filter((i) => i.severity !== 'error' && i.location.sheet !== null && used.has(i.location.sheet)) };
}

export type RefundCandidatesJobResult =
  | { readonly ok: true; readonly candidates: readonly RefundCandidate[]; readonly text: string; readonly json: unknown }
  | { readonly ok: false; readonly summary: string; readonly problems: readonly string[] };

export function candidateJson(c: RefundCandidate): unknown {
  return { account: c.account, tenant: c.tenant, former: c.former, end: c.end, credit: formatPence(c.credit), offset: formatPence(c.offset), refundable: formatPence(c.refundable), risks: c.risks.map((r) => ({ code: r.code, detail: r.detail, ...(r.account !== undefined ? { account: r.account } : {}), ...(r.amount !== undefined ? { amount: formatPence(r.amount) } : {}) })), row: c.row };
}

export function runRefundCandidates(input: RefundCandidatesJobInput): RefundCandidatesJobResult {
  const ledger = readLedger(input.file, input.sheets, input.config);
  if (!ledger.ok) return ledger;
  const register = registerMandates(input.register);
  if (register.problem !== null) return { ok: false, summary: 'the mandate register cannot be read', problems: [register.problem] };
  const candidates = refundCandidates({
    tenancies: ledger.tenancies,
    postings: ledger.postings,
    payers: payersFromMandates(register.mandates),
    bankChanges: bankChangesFromMandates(register.mandates),
    asOf: input.asOf,
    calendar: parseHolidays(input.holidaysText).calendar,
    settings: input.config.approvals.refunds,
  });
  const s = input.config.approvals.refunds;
  const head = `${candidates.length} refund candidate(s) as of ${formatUkDate(input.asOf)} (former tenants in credit; current tenants over ${formatGBP(s.currentTenantOver)}); ${candidates.filter((c) => c.risks.length > 0).length} with risks to resolve first`;
  const lines = candidates.map((c) => [`${c.account}  ${c.tenant}${c.former ? ' (former)' : ''}: credit ${formatGBP(c.credit)}, refundable ${formatGBP(c.refundable)}`, ...c.risks.map((r) => `    ! ${r.code}: ${r.detail}`)].join('\n'));
  const notes = ledger.hasPostings ? [] : ['(no postings sheet: Housing Benefit, Universal Credit and Direct Debit risks were not judged)'];
  return {
    ok: true,
    candidates,
    text: [head, ...notes, ...lines].join('\n'),
    json: { asOf: input.asOf, settings: { currentTenantOver: formatPence(s.currentTenantOver), benefitWeeks: s.benefitWeeks, ddRiskWeeks: s.ddRiskWeeks, ddRecentWorkingDays: s.ddRecentWorkingDays, bankChangeDays: s.bankChangeDays }, postingsRead: ledger.hasPostings, candidates: candidates.map(candidateJson) },
  };
}
