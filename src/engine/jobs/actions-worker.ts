/**
 * The account actions jobs as one worker request (the pane's Account actions mode): a small union
 * the worker passes straight to the job it names, so the protocol gains one entry, not five. Every
 * rule is in the jobs themselves; the config arrives as the config file's JSON and is parsed here.
 */
import type { ActionEvent, ActionStatus } from '../approvals/types';
import { runActionsImport, type ActionsImportResult } from './actions-import';
import type { SheetData } from '../cells';
import { parseConfig } from '../config';
import type { IsoDate } from '../dates';
import { runActionsDecide } from './actions-decide';
import { runActionsExport, type ActionsExportResult, type BacsSettingsInput } from './actions-export';
import { listActions, type ActionsListResult } from './actions-list';
import { runActionsRequest, type ActionDraft, type ActionsStepResult } from './actions-request';
import type { DdCollectInput } from './dd-collect';
import { runRefundCandidates, type RefundCandidatesJobResult } from './refunds-candidates';

export type ActionsJob =
  | { readonly job: 'candidates'; readonly file: string; readonly sheets: readonly SheetData[]; readonly asOf: IsoDate; readonly holidaysText: string; readonly register: DdCollectInput['register'] | null }
  | { readonly job: 'request'; readonly log: readonly ActionEvent[]; readonly draft: ActionDraft; readonly reason: string; readonly evidence: readonly string[]; readonly by: string; readonly at: string; readonly workbook: { readonly file: string; readonly sheets: readonly SheetData[] } | null; readonly holidaysText: string; readonly register: DdCollectInput['register'] | null }
  | { readonly job: 'decide'; readonly log: readonly ActionEvent[]; readonly id: string; readonly decision: 'approve' | 'reject'; readonly by: string; readonly at: string; readonly note: string; readonly digest: string | null }
  | { readonly job: 'list'; readonly log: readonly ActionEvent[]; readonly status: ActionStatus | null }
  | { readonly job: 'export'; readonly log: readonly ActionEvent[]; readonly from: IsoDate | null; readonly to: IsoDate | null; readonly bacs: BacsSettingsInput | null; readonly holidaysText: string; readonly at: string }
  | { readonly job: 'import'; readonly log: readonly ActionEvent[]; readonly fileName: string; readonly fileText: string };

export type ActionsJobResult =
  | { readonly job: 'candidates'; readonly result: RefundCandidatesJobResult }
  | { readonly job: 'request' | 'decide'; readonly result: ActionsStepResult }
  | { readonly job: 'list'; readonly result: ActionsListResult }
  | { readonly job: 'export'; readonly result: ActionsExportResult }
  | { readonly job: 'import'; readonly result: ActionsImportResult }
  | { readonly job: 'config'; readonly problems: readonly string[] };

/** Runs the job named, with the config file's JSON. */
export function runActionsJob(job: ActionsJob, configJson: unknown): ActionsJobResult {
  const parsed = parseConfig(configJson);
  if (!parsed.ok) return { job: 'config', problems: parsed.problems };
  const config = parsed.config;
  // A log that crossed a realm boundary (structured clone into the worker, IndexedDB) is re-made as
  // this realm's plain objects: the canonical digest rightly refuses objects of another prototype.
  if ('log' in job) job = { ...job, log: JSON.parse(JSON.stringify(job.log)) as ActionEvent[] };
  switch (job.job) {
    case 'candidates':
      return { job: 'candidates', result: runRefundCandidates({ file: job.file, sheets: job.sheets, config, asOf: job.asOf, holidaysText: job.holidaysText, register: job.register }) };
    case 'request':
      return { job: 'request', result: runActionsRequest({ log: job.log, draft: job.draft, reason: job.reason, evidence: job.evidence, by: job.by, at: job.at, id: null, config, workbook: job.workbook, holidaysText: job.holidaysText, register: job.register }) };
    case 'decide':
      return { job: 'decide', result: runActionsDecide({ log: job.log, id: job.id, decision: job.decision, by: job.by, at: job.at, note: job.note, digest: job.digest, config }) };
    case 'list':
      return { job: 'list', result: listActions(job.log, config, job.status) };
    case 'export':
      return { job: 'export', result: runActionsExport({ log: job.log, config, from: job.from, to: job.to, bacs: job.bacs, holidaysText: job.holidaysText, at: job.at }) };
    case 'import':
      return { job: 'import', result: runActionsImport({ log: job.log, fileName: job.fileName, fileText: job.fileText, config }) };
    default: {
      const never: never = job;
      throw new Error(`unknown actions job ${JSON.stringify(never)}`);
    }
  }
}
