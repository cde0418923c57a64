/**
 * The quarterly factoring bill run (issue 15) as jobs: the dry run (register read and checked, the
 * quarter billed on paper, the sample drawn), and the release (only once the sample is signed off
 * and the run approved by someone other than its preparer, and never without a PF number). The CLI
 * and the pane call these; no rule lives in either.
 */
import { digestOf } from '../audit/canonical';
import type { SheetData } from '../cells';
import { sheetLocation } from '../issues';
import { formatPence, sumPence } from '../money';
import type { SheetSpec } from '../sheet-spec';
import type { ActionEvent, ApprovalsConfig } from '../approvals';
import { runApprovalState, type RunToApprove } from '../factoring/approval';
import { runQuarter, type BillRun } from '../factoring/bill-run';
import type { FactoringConfig } from '../factoring/factoring-config';
import { factoringIssueJson, type FactoringIssue } from '../factoring/messages';
import { billNo, billRows, billsCsv, billsSheet, distributionCsv, heldBackCsv, postingsCsv, summarySheet } from '../factoring/outputs';
import { parseQuarter } from '../factoring/quarter';
import { formatRational } from '../factoring/rational';
import { drawSample, type SampleState } from '../factoring/sample-check';
import { checkFactoringRegister, type RegisterCheck } from './factoring-register';

export interface FactoringBillInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** --quarter as typed: YYYY-Qn. */
  readonly quarter: string;
  /** The config's `factoring` object; undefined when the config has none. */
  readonly config: FactoringConfig | undefined;
}

export interface FactoringDryRun {
  /** False when the input has errors: nothing is billed. */
  readonly ok: boolean;
  readonly quarter: string;
  readonly issues: readonly FactoringIssue[];
  readonly check: RegisterCheck | null;
  readonly run: BillRun | null;
  /** The --json contract of `factoring bill`. */
  readonly json: Record<string, unknown>;
  /** SHA-256 of the JSON: what an approval and a sample sign-off bind to. */
  readonly digest: string;
  /** The bill numbers drawn for the sample check. */
  readonly sample: readonly string[];
}

/** The dry run: everything a person needs to check the quarter before anything goes out. */
export function factoringDryRun(input: FactoringBillInput): FactoringDryRun {
  const issues: FactoringIssue[] = [];
  const config = input.config;
  if (!config?.pfNumber) issues.push({ code: 'factoring.pf-missing', severity: 'error', raw: null, location: sheetLocation('config', null), detail: {} });
  const q = parseQuarter(input.quarter);
  if (!q) issues.push({ code: 'factoring.quarter-invalid', severity: 'error', raw: input.quarter, location: sheetLocation('--quarter', null), detail: { text: input.quarter } });
  const check = checkFactoringRegister({ file: input.file, sheets: input.sheets, quarter: q?.label ?? null });
  issues.push(...check.issues);
  const failed = issues.some((i) => i.severity === 'error');
  const run = failed || !q || !config ? null : runQuarter(check.register, check.shares, q, config);
  const json = runJson(input.quarter, run, issues);
  const digest = digestOf(json);
  const sample = run && config ? drawSample(run.bills.map((b) => ({ billNo: billNo(run.quarter.label, b), block: b.block })), config.sampleSize, `${run.quarter.label}:${digest}`) : [];
  return { ok: run !== null, quarter: input.quarter, issues, check, run, json, digest, sample };
}

function runJson(quarter: string, run: BillRun | null, issues: readonly FactoringIssue[]): Record<string, unknown> {
  return {
    quarter,
    bills: (run?.bills ?? []).map((b) => ({
      owner: b.owner,
      property: b.property,
      days: b.days,
      final: b.final,
      lines: b.lines.map((l) => ({ heading: l.heading, description: l.description, invoiceRef: l.invoiceRef, totalCost: formatPence(l.totalCost), share: formatRational(l.share), charge: formatPence(l.charge) })),
      managementFee: formatPence(b.managementFee),
      insurance: formatPence(b.insurance),
      adminFee: formatPence(b.adminFee),
      total: formatPence(b.total),
    })),
    heldBack: (run?.heldBack ?? []).map((h) => ({ invoiceRef: h.invoiceRef, reason: h.text })),
    totals: {
      costs: formatPence(run?.totals.costs ?? sumPence([])),
      billed: formatPence(run?.totals.billed ?? sumPence([])),
      fees: formatPence(run?.totals.fees ?? sumPence([])),
      insurance: formatPence(run?.totals.insurance ?? sumPence([])),
    },
    issues: issues.map(factoringIssueJson),
  };
}

/** What the approval engine is asked to approve for a dry run. */
export function runToApprove(dry: FactoringDryRun): RunToApprove {
  return { quarter: dry.quarter, digest: dry.digest, billed: dry.run?.totals.billed ?? sumPence([]), owners: (dry.run?.bills ?? []).map((b) => b.owner), bills: dry.run?.bills.length ?? 0 };
}

/** A fresh sample state for a dry run. */
export function newSample(dry: FactoringDryRun): SampleState {
  return { runDigest: dry.digest, drawn: dry.sample, marks: [], signedOffBy: null, signedOffAt: null };
}

export interface ReleaseInput {
  readonly dry: FactoringDryRun;
  readonly config: FactoringConfig | undefined;
  readonly sample: SampleState | null;
  /** The approval engine's log and settings (issue 14), where the run's approval is recorded. */
  readonly approvals: { readonly log: readonly ActionEvent[]; readonly config: ApprovalsConfig };
}

export interface ReleasedOutputs {
  readonly sheets: readonly SheetSpec[];
  /** File name -> text: bills.csv, distribution.csv, postings.csv, held-back.csv. */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

export type ReleaseResult = { readonly released: true; readonly outputs: ReleasedOutputs } | { readonly released: false; readonly blockers: readonly string[] };

/** What still stops release, in words; empty when the run may go out. */
export function releaseBlockers(input: ReleaseInput): string[] {
  const { dry, sample, approvals } = input;
  const out: string[] = [];
  if (!input.config?.pfNumber) out.push('no PF number in the config (factoring.pfNumber)');
  if (!dry.ok) out.push('the dry run has errors in the input');
  if (!sample || sample.runDigest !== dry.digest) out.push('the sample has not been drawn for this dry run');
  else if (sample.signedOffBy === null) out.push(`the sample check is not signed off (${sample.marks.length} of ${sample.drawn.length} bills marked)`);
  const approval = runApprovalState(approvals.log, { quarter: dry.quarter, digest: dry.digest }, approvals.config);
  if (approval === null) out.push('approval of this dry run has not been requested (an approval of another dry run does not count)');
  else if (approval.status !== 'approved') out.push(`the run is ${approval.status.replace(/-/g, ' ')} (${approval.approvals.length} of ${approval.approversNeeded} approval(s))`);
  return out;
}

/** The release: the owner-facing outputs, only when nothing blocks it. */
export function releaseFactoringBills(input: ReleaseInput): ReleaseResult {
  const blockers = releaseBlockers(input);
  const run = input.dry.run;
  const pf = input.config?.pfNumber;
  const check = input.dry.check;
  if (blockers.length > 0 || !run || !pf || !check) return { released: false, blockers };
  const rows = billRows(run, pf, check.register.owners, check.register.properties);
  return {
    released: true,
    outputs: {
      sheets: [billsSheet(rows), summarySheet(run, rows.length, sumPence(run.heldBack.map((h) => h.amount)))],
      files: [
        { name: 'bills.csv', text: billsCsv(rows) },
        { name: 'distribution.csv', text: distributionCsv(run, pf, check.register.owners) },
        { name: 'postings.csv', text: postingsCsv(run) },
        { name: 'held-back.csv', text: heldBackCsv(run) },
      ],
    },
  };
}
