/**
 * Job: the month-end reconciliation and its audit pack (CLI `reconcile`, `demo`; the task pane's Run,
 * Review and Sign-off steps through the worker). One place decides what the pack holds and how it
 * is dated, so one workbook gives one pack whichever front end writes it.
 *
 * Decisions (issue 9):
 * - Blocking errors: an error in any sheet the reconciliation reads (rent roll, transactions, GL,
 *   suspense) or in finding them stops the run; see blockingIssues.
 * - Ageing date: the pack ages suspense as of the period end (the pack describes the month), never
 *   as of the day it is written. `match-suspense` ages as of --as-of, else the clock's day.
 * - Clearance journal: the automatic allocations of the rules clear their items unless a person
 *   decided otherwise (a person's allocation replaces the rule's, a rejection keeps the item in
 *   suspense); with `suspenseMatch.autoAllocate` false only people's decisions clear items. The CLI
 *   has no review, so its pack holds the rules' allocations; the pane's holds the review's.
 * - The pack holds the audit sheets, then, when the workbook has a rent roll and a suspense sheet,
 *   the clearance journal and the suspense ageing.
 */
import type { ActionEvent } from '../approvals/types';
import { buildAuditPack, type SourceSummary } from '../audit-pack';
import type { SheetData } from '../cells';
import type { LedgerConfig, UserReconcilingItem } from '../config';
import { monthPeriod, type IsoDate } from '../dates';
import type { InputIssue } from '../issues';
import { describeIssue } from '../messages';
import { toPence, type Pence } from '../money';
import type { SuspenseItem } from '../records';
import { reconcileToJson } from '../reconcile/to-json';
import type { Period, ReconcileResult } from '../reconcile/types';
import { withSuggestionDecisions, type SuggestionDecision } from '../reconcile/suggestions';
import { withUserItems } from '../reconcile/user-items';
import { runReconciliation, summariseSources } from '../run-reconciliation';
import type { Sources } from '../sources/read-sources';
import type { SheetSpec } from '../sheet-spec';
import { autoDecisions, clearanceJournal, journalSheet, type ClearanceDecision, type ClearanceJournal } from '../suspense/clearance-journal';
import { matchSuspense, type SuspenseMatch } from '../suspense/match-suspense';
import { reviewDecisions, type ReviewState } from '../suspense/review-queue';
import { ageingSheet, suspenseAgeing, type PersonDecision, type SuspenseAgeing } from '../suspense/suspense-ageing';
import { firstProblems, sheetsOf, type JobRefusal } from './common';

export interface MonthEndInput {
  /** The workbook's name as the user knows it, for messages. */
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** "YYYY-MM". */
  readonly period: string;
  readonly config: LedgerConfig;
  /** The reconciling items people added; the config's when absent. */
  readonly userItems?: readonly UserReconcilingItem[];
  /** Also rank candidate accounts for each suspense item (needed for the pack's journal and ageing, and the review queue). */
  readonly matchSuspense: boolean;
  /**
   * SHA-256 per sheet name when the caller computed them; computed here when absent; 'deferred':
   * left empty for the caller to add with withFingerprints (the worker hashes with WebCrypto).
   */
  readonly fingerprints?: Readonly<Record<string, string>> | 'deferred';
}

export interface MonthEndSuspense {
  readonly items: readonly SuspenseItem[];
  readonly matches: readonly SuspenseMatch[];
}

export interface MonthEndReady {
  readonly ok: true;
  readonly period: Period;
  readonly config: LedgerConfig;
  readonly result: ReconcileResult;
  readonly sources: Sources;
  /** What the Sources sheet and the pane say about each input. */
  readonly summaries: readonly SourceSummary[];
  readonly issues: readonly InputIssue[];
  /** The suspense items and the matcher's ranking, when asked for and the workbook has both sheets. */
  readonly suspense: MonthEndSuspense | null;
}

export type MonthEndRun = MonthEndReady | (JobRefusal & { readonly sources: Sources | null });

/** Reads the sources, reconciles, and (when asked) ranks candidates for each suspense item. */
export function runMonthEnd(input: MonthEndInput): MonthEndRun {
  const months = monthPeriod(input.period);
  if (!months) return { ok: false, summary: `the period ${input.period} is not a month (YYYY-MM)`, problems: [`the period ${input.period} is not a month (YYYY-MM)`], issues: [], sources: null };
  const period: Period = { label: input.period.trim(), ...months };
  const options = { period, config: input.config };
  const outcome = runReconciliation({ file: input.file, sheets: input.sheets }, input.userItems ? { ...options, userItems: input.userItems } : options);
  if (!outcome.ok) {
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    return { ok: false, summary: `${errors.length} problem(s) in the input`, problems: firstProblems(errors.map(describeIssue)), issues: outcome.issues, sources: outcome.sources };
  }
  const { rentRoll, suspense, transactions } = outcome.sources;
  const matched =
    input.matchSuspense && rentRoll && suspense
      ? { items: suspense.records, matches: matchSuspense(suspense.records, rentRoll.records, input.config.suspenseMatch, transactions?.records ?? []) }
      : null;
  return {
    ok: true,
    period,
    config: input.config,
    result: outcome.result,
    sources: outcome.sources,
    summaries: summariseSources(outcome.sources, input.sheets, input.fingerprints === 'deferred' ? Object.fromEntries(usedSheets(outcome.sources).map((n) => [n, ''])) : input.fingerprints),
    issues: outcome.issues,
    suspense: matched,
  };
}

/** The sheets the reconciliation read (the ones to fingerprint). */
export function usedSheets(sources: Sources): string[] {
  return sheetsOf(sources, ['rentRoll', 'transactions', 'gl', 'suspense']);
}

/** The run with the sources' fingerprints filled in (after 'deferred'). */
export function withFingerprints(run: MonthEndReady, sheets: readonly SheetData[], fingerprints: Readonly<Record<string, string>>): MonthEndReady {
  return { ...run, summaries: summariseSources(run.sources, sheets, fingerprints) };
}

/** A sign-off as the pack shows it: the name, and the instant (its day is printed). */
export interface PackSignOff {
  readonly name: string;
  readonly at: string;
}

export interface MonthEndPackOptions {
  readonly productVersion: string;
  /** ISO instant of the run: the pack's run stamp (on the Summary). */
  readonly runAt: string;
  readonly preparer: PackSignOff | null;
  readonly reviewer: PackSignOff | null;
  /** The reconciling items people hold now (applied to the result without running again); the run's when absent. */
  readonly userItems?: readonly UserReconcilingItem[];
  /** The suspense review's decisions; null when nobody reviewed (the CLI). */
  readonly review: ReviewState | null;
  /** People's decisions on the suggested reconciling items (accepted or rejected); none: nothing suggested counts. */
  readonly suggestionDecisions?: readonly SuggestionDecision[];
  /** The account actions log: when given, the pack gains the HL Account actions sheet for the period (issue 14). */
  readonly actions?: readonly ActionEvent[];
  /** The session trail's head after this pack is written (issue 11), shown on the Summary. */
  readonly trailHead?: string;
}

export interface MonthEndPack {
  readonly result: ReconcileResult;
  /** Every sheet to write, in order. */
  readonly sheets: readonly SheetSpec[];
  readonly journal: ClearanceJournal | null;
  readonly ageing: SuspenseAgeing | null;
}

/**
 * The journal's decisions: people's first (in queue order), then the rules' automatic allocations of
 * the items nobody decided (stamped `at` when given).
 */
export function journalDecisions(matches: readonly SuspenseMatch[], review: ReviewState | null, at?: string): ClearanceDecision[] {
  const people = review ? reviewDecisions(review) : [];
  const decided = new Set(review ? Object.keys(review.resolutions) : []);
  return [...people, ...autoDecisions(matches, at).filter((d) => !decided.has(d.item))];
}

/** What was decided for each item and by whom (the ageing's person columns): allocations, and items a person left in suspense. */
function decidedByItem(decisions: readonly ClearanceDecision[], review: ReviewState | null): Map<string, PersonDecision> {
  const out = new Map<string, PersonDecision>(decisions.map((d) => [d.item, { decided: `allocated to ${d.account}`, by: d.by }]));
  for (const [item, r] of Object.entries(review?.resolutions ?? {})) {
    if (r.kind === 'rejected') out.set(item, { decided: 'left in suspense', by: r.decidedBy });
    else if (r.how === 'automatic') out.set(item, { decided: `allocated to ${r.account} (automatic, accepted)`, by: r.confirmedBy });
  }
  return out;
}

/** The audit pack of a run: the audit sheets, the clearance journal and the ageing as of the period end. */
export function monthEndPack(run: MonthEndReady, options: MonthEndPackOptions): MonthEndPack {
  const result = withSuggestionDecisions(options.userItems ? withUserItems(run.result, options.userItems) : run.result, options.suggestionDecisions ?? []);
  // A void signature's line has no day (its name is the void notice).
  const day = (s: PackSignOff | null): IsoDate | null => (s?.at ? (s.at.slice(0, 10) as IsoDate) : null);
  const audit = buildAuditPack(result, run.config, {
    productVersion: options.productVersion,
    runAt: options.runAt,
    preparedBy: options.preparer?.name ?? '',
    preparedOn: day(options.preparer),
    reviewedBy: options.reviewer?.name ?? '',
    reviewedOn: day(options.reviewer),
    sources: run.summaries,
    issues: run.issues,
    ...(options.actions !== undefined ? { actions: options.actions } : {}),
    ...(options.trailHead !== undefined ? { trailHead: options.trailHead } : {}),
  });
  if (!run.suspense) return { result, sheets: audit, journal: null, ageing: null };
  const { items, matches } = run.suspense;
  // The rules' allocations carry no time of their own: they follow from the inputs (the run's stamp
  // is on the Summary), so the same inputs give the same pack.
  const decisions = journalDecisions(matches, options.review);
  const journal = clearanceJournal(items, decisions, run.config.glSuspenseAccount);
  const ageing = monthEndAgeing(run);
  return { result, sheets: [...audit, journalSheet(journal), ageingSheet(ageing, decidedByItem(decisions, options.review))], journal, ageing };
}

/** The suspense ageing of the month: as of the period end (see the decisions above), or of the day a person asks for. */
export function monthEndAgeing(run: MonthEndReady, asOf: IsoDate = run.period.end): SuspenseAgeing {
  return suspenseAgeing(run.suspense?.items ?? run.sources.suspense?.records ?? [], asOf, run.config.suspenseAgeLimitDays, run.suspense?.matches ?? []);
}

/** The `reconcile --json` object (the contract in README.md), with the people's items applied when given. */
export function monthEndJson(run: MonthEndReady, userItems?: readonly UserReconcilingItem[], decisions: readonly SuggestionDecision[] = []): Record<string, unknown> {
  return reconcileToJson(withSuggestionDecisions(userItems ? withUserItems(run.result, userItems) : run.result, decisions), run.issues);
}

/**
 * The unexplained difference if a draft item were saved (the review step shows it as a person
 * types): the result's unexplained difference, less the draft, plus what the item it replaces held.
 */
export function unexplainedWithDraft(result: ReconcileResult, items: readonly { readonly ref: string; readonly amount: number }[], draft: { readonly ref: string | null; readonly amount: Pence | null }): Pence {
  const replaced = draft.ref ? (items.find((i) => i.ref === draft.ref)?.amount ?? 0) : 0;
  return toPence(result.unexplained - (draft.amount ?? 0) + replaced);
}
