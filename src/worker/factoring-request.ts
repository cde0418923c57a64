/**
 * The factoring bill run in the worker (issue 15): the pane's requests and answers, and the handler,
 * which calls the same jobs as `housing-ledger factoring bill`.
 */
import type { SheetData } from '../engine/cells';
import { parseConfig } from '../engine/config';
import type { ActionEvent } from '../engine/approvals';
import type { SampleState } from '../engine/factoring/sample-check';
import { factoringDryRun, releaseFactoringBills, type FactoringDryRun, type ReleaseResult } from '../engine/jobs/factoring-bill';

export interface FactoringRequest {
  readonly kind: 'factoring';
  readonly id: number;
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** YYYY-Qn as typed. */
  readonly quarter: string;
  /** The config file's JSON, validated here by the engine's own parser. */
  readonly config: unknown;
  /** Given: release the run if its sample is signed off and it is approved. */
  readonly release?: { readonly sample: SampleState; readonly actions: readonly ActionEvent[] };
}

export interface FactoringResponse {
  readonly kind: 'factoring-result';
  readonly id: number;
  /** Null when the config itself is not valid (then `problems` says why). */
  readonly dry: FactoringDryRun | null;
  readonly release: ReleaseResult | null;
  readonly problems: readonly string[];
}

export function handleFactoring(request: FactoringRequest): FactoringResponse {
  const parsed = parseConfig(request.config);
  if (!parsed.ok) return { kind: 'factoring-result', id: request.id, dry: null, release: null, problems: parsed.problems };
  const config = parsed.config.factoring;
  const dry = factoringDryRun({ file: request.file, sheets: request.sheets, quarter: request.quarter, config });
  const release = request.release ? releaseFactoringBills({ dry, config, sample: request.release.sample, approvals: { log: request.release.actions, config: parsed.config.approvals } }) : null;
  return { kind: 'factoring-result', id: request.id, dry, release, problems: [] };
}
