/**
 * Job: suspense matching with its clearance journal and ageing (CLI `match-suspense`; the pane's
 * ageing through the worker). Decisions (issue 9):
 * - Blocking errors: errors in the sheets it reads (the rent roll, the suspense items and, when the
 *   workbook has them, the period's postings, which give each candidate's payment history) or in
 *   finding them stop it; an error in the GL sheet, which it does not read, does not.
 * - Ageing date: as of the date given (--as-of), else the clock's day.
 * - The journal clears the rules' automatic allocations (nobody has reviewed here).
 * - Sheets: the matches, the journal and the ageing, the same whichever front end writes them.
 */
import type { SheetData } from '../cells';
import type { LedgerConfig } from '../config';
import type { IsoDate } from '../dates';
import { describeIssue } from '../messages';
import { readSources, type Sources } from '../sources/read-sources';
import type { SheetSpec } from '../sheet-spec';
import { autoDecisions, clearanceJournal, journalCsv, journalSheet, type ClearanceJournal } from '../suspense/clearance-journal';
import { matchSuspense, type SuspenseMatch } from '../suspense/match-suspense';
import { buildSuspenseSheets, suspenseToJson } from '../suspense/suspense-output';
import { ageingCsv, ageingSheet, suspenseAgeing, type SuspenseAgeing } from '../suspense/suspense-ageing';
import { blockingIssues, dayOf, firstProblems, sheetsOf, type JobRefusal } from './common';

export interface MatchSuspenseInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  readonly config: LedgerConfig;
  /** The ageing date; null: the clock's day. */
  readonly asOf: IsoDate | null;
  /** The clock (ISO instant): the day of the ageing when no asOf, and when the rules' allocations were made. */
  readonly now: string;
}

export interface MatchSuspenseReady {
  readonly ok: true;
  readonly sources: Sources;
  readonly matches: readonly SuspenseMatch[];
  readonly ageing: SuspenseAgeing;
  readonly journal: ClearanceJournal;
  /** The sheets --out writes: matches, clearance journal, ageing. */
  readonly sheets: readonly SheetSpec[];
  readonly journalCsv: string;
  readonly ageingCsv: string;
  /** The --json object. */
  readonly json: Record<string, unknown>;
  readonly counts: { readonly auto: number; readonly review: number; readonly none: number };
}

export type MatchSuspenseRun = MatchSuspenseReady | (JobRefusal & { readonly sources: Sources });

export function runMatchSuspense(input: MatchSuspenseInput): MatchSuspenseRun {
  return matchSuspenseFrom(readSources(input.file, input.sheets, input.config), input);
}

/** The same job over sources already read (the worker keeps them between requests). */
export function matchSuspenseFrom(sources: Sources, input: Pick<MatchSuspenseInput, 'config' | 'asOf' | 'now'>): MatchSuspenseRun {
  const errors = blockingIssues(sources.issues, sheetsOf(sources, ['rentRoll', 'suspense', 'transactions']));
  if (!sources.rentRoll || !sources.suspense || errors.length > 0) {
    const missing = [!sources.rentRoll && 'a rent roll sheet', !sources.suspense && 'a suspense items sheet'].filter(Boolean).join(' and ');
    return { ok: false, summary: missing ? `needs ${missing}` : `${errors.length} problem(s) in the input`, problems: firstProblems(errors.map(describeIssue)), issues: sources.issues, sources };
  }
  const { config } = input;
  const items = sources.suspense.records;
  const matches = matchSuspense(items, sources.rentRoll.records, config.suspenseMatch, sources.transactions?.records ?? []);
  const ageing = suspenseAgeing(items, input.asOf ?? dayOf(input.now), config.suspenseAgeLimitDays, matches);
  const journal = clearanceJournal(items, autoDecisions(matches, input.now), config.glSuspenseAccount);
  const n = (d: string): number => matches.filter((m) => m.decision === d).length;
  return {
    ok: true,
    sources,
    matches,
    ageing,
    journal,
    sheets: [...buildSuspenseSheets(matches, items), journalSheet(journal), ageingSheet(ageing)],
    journalCsv: journalCsv(journal),
    ageingCsv: ageingCsv(ageing),
    json: suspenseToJson(matches, ageing),
    counts: { auto: n('auto'), review: n('review'), none: n('none') },
  };
}
