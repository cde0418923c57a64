/**
 * The Factoring debt page in the worker (issue 16): arrears with stages and next actions, the NoPL
 * register's alerts, what is missing and what to discharge, and the month's P&L and KPI pack, by
 * the same jobs as `housing-ledger factoring arrears|nopl|report`.
 */
import type { SheetData } from '../engine/cells';
import { parseConfig } from '../engine/config';
import { runFactoringArrears, type FactoringArrears } from '../engine/jobs/factoring-arrears';
import { runFactoringNopl, type FactoringNopl } from '../engine/jobs/factoring-nopl';
import { factoringReport, type FactoringReport } from '../engine/jobs/factoring-report';
import { runFactoringWriteoffs, type FactoringWriteoffs, type WriteoffStep } from '../engine/jobs/factoring-writeoffs';
import type { ActionEvent } from '../engine/approvals';

export interface FactoringDebtRequest {
  readonly kind: 'factoring-debt';
  readonly id: number;
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** YYYY-MM-DD as typed: the day arrears and notices are read as of. */
  readonly asOf: string;
  /** The config file's JSON, validated here by the engine's own parser. */
  readonly config: unknown;
  /** Given: the month's P&L and KPI pack as well. */
  readonly report?: { readonly month: string; readonly budget: { readonly name: string; readonly text: string } | null };
  /** The write-offs' approval log so far, and a step to take on it (propose, approve, reject) or none. */
  readonly writeoffs?: { readonly log: readonly ActionEvent[]; readonly step: WriteoffStep | null };
}

export interface FactoringDebtResponse {
  readonly kind: 'factoring-debt-result';
  readonly id: number;
  /** Null when the config itself is not valid (then `problems` says why). */
  readonly arrears: FactoringArrears | null;
  readonly nopl: FactoringNopl | null;
  readonly report: FactoringReport | null;
  /** The write-off schedule and candidates (and the step's new events), when asked. */
  readonly writeoffs: FactoringWriteoffs | null;
  readonly problems: readonly string[];
}

export function handleFactoringDebt(request: FactoringDebtRequest): FactoringDebtResponse {
  const parsed = parseConfig(request.config);
  if (!parsed.ok) return { kind: 'factoring-debt-result', id: request.id, arrears: null, nopl: null, report: null, writeoffs: null, problems: parsed.problems };
  const config = parsed.config.factoring;
  const input = { file: request.file, sheets: request.sheets, asOf: request.asOf, config };
  const report = request.report ? factoringReport({ file: request.file, sheets: request.sheets, month: request.report.month, config, budget: request.report.budget }) : null;
  const w = request.writeoffs;
  const writeoffs = w ? runFactoringWriteoffs({ ...input, approvals: parsed.config.approvals, log: w.log, step: w.step }) : null;
  return { kind: 'factoring-debt-result', id: request.id, arrears: runFactoringArrears(input), nopl: runFactoringNopl(input), report, writeoffs, problems: [] };
}
