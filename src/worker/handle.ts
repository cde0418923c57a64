/**
 * What the worker does with a request: the same engine calls as the CLI, with progress by stage.
 * Kept apart from the Worker global so tests call it directly.
 */
import { parseConfig } from '../engine/config';
import { fingerprintSheet } from '../engine/fingerprint';
import { monthPeriod } from '../engine/dates';
import { runReconciliation, summariseSources } from '../engine/run-reconciliation';
import type { WorkerRequest, WorkerResponse } from './protocol';

export function handleRequest(request: WorkerRequest, post: (response: WorkerResponse) => void): void {
  const { id } = request;
  try {
    if (request.kind === 'fingerprint') {
      const fingerprints: Record<string, string> = {};
      for (const sheet of request.sheets) fingerprints[sheet.name] = fingerprintSheet(sheet);
      post({ kind: 'fingerprints', id, fingerprints });
      return;
    }
    post({ kind: 'progress', id, stage: 'validating' });
    const config = parseConfig(request.config);
    const period = monthPeriod(request.period);
    if (!config.ok || !period) {
      const problems = [...(config.ok ? [] : config.problems), ...(period ? [] : [`the period ${request.period} is not a month (YYYY-MM)`])];
      post({ kind: 'input-error', id, issues: [], problems });
      return;
    }
    post({ kind: 'progress', id, stage: 'reading' });
    const options = { period: { label: request.period, ...period }, config: config.config };
    const outcome = runReconciliation({ file: request.file, sheets: request.sheets }, request.userItems ? { ...options, userItems: request.userItems } : options);
    if (!outcome.ok) {
      post({ kind: 'input-error', id, issues: outcome.issues, problems: [] });
      return;
    }
    post({ kind: 'progress', id, stage: 'fingerprinting' });
    const sources = summariseSources(outcome.sources, request.sheets);
    post({ kind: 'result', id, result: outcome.result, issues: outcome.issues, sources });
  } catch (e) {
    post({ kind: 'failure', id, message: (e as Error).message ?? String(e) });
  }
}
