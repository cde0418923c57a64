/**
 * What the worker does with a request: the same engine calls as the CLI, with progress by stage.
 * Kept apart from the Worker global so tests call it directly.
 */
import type { RawCell, SheetData } from '../engine/cells';
import { parseConfig } from '../engine/config';
import { monthPeriod } from '../engine/dates';
import { fingerprintSheet } from '../engine/fingerprint';
import { runReconciliation, summariseSources } from '../engine/run-reconciliation';
import type { SuspenseItem } from '../engine/records';
import { accountSearchIndex, searchAccounts, type AccountSearchIndex } from '../engine/suspense/account-search';
import { matchSuspense, type SuspenseMatch } from '../engine/suspense/match-suspense';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { handleFactoring } from './factoring-request';

/** Sheets arriving in blocks ('sheet-part'), kept by request id until the request takes them. */
export class SheetParts {
  private readonly byId = new Map<number, Map<string, { name: string; originRow: number; originCol: number; rows: (readonly RawCell[])[] }>>();

  add(part: Extract<WorkerRequest, { kind: 'sheet-part' }>): void {
    const sheets = this.byId.get(part.id) ?? new Map();
    this.byId.set(part.id, sheets);
    const sheet = sheets.get(part.name) ?? { name: part.name, originRow: part.originRow, originCol: part.originCol, rows: [] };
    sheets.set(part.name, sheet);
    for (const row of part.rows) sheet.rows.push(row);
  }

  take(id: number): SheetData[] {
    const sheets = [...(this.byId.get(id)?.values() ?? [])];
    this.byId.delete(id);
    return sheets;
  }
}

export interface WorkerEnv {
  /** The last run's rent roll, indexed for the review queue's account search. */
  search?: AccountSearchIndex | null;
  /** A faster SHA-256 of the same normalised text (WebCrypto in the browser); the engine's own otherwise. */
  readonly fingerprint?: (sheet: SheetData) => Promise<string>;
  readonly parts?: SheetParts;
}

async function fingerprints(sheets: readonly SheetData[], env: WorkerEnv): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const sheet of sheets) out[sheet.name] = env.fingerprint ? await env.fingerprint(sheet) : fingerprintSheet(sheet);
  return out;
}

export async function handleRequest(request: WorkerRequest, post: (response: WorkerResponse) => void, env: WorkerEnv = {}): Promise<void> {
  const { id } = request;
  try {
    if (request.kind === 'sheet-part') {
      if (!env.parts) throw new Error('this worker does not take sheets in parts');
      env.parts.add(request);
      return;
    }
    if (request.kind === 'search-accounts') {
      if (!env.search) throw new Error('run the reconciliation first: the account search uses its rent roll');
      post({ kind: 'accounts', id, hits: searchAccounts(env.search, request.query, 20) });
      return;
    }
    if (request.kind === 'fingerprint') {
      post({ kind: 'fingerprints', id, fingerprints: await fingerprints(request.sheets, env) });
      return;
    }
    if (request.kind === 'factoring') {
      post(handleFactoring(request));
      return;
    }
    const sheets = request.partsSent ? [...(env.parts?.take(id) ?? []), ...request.sheets] : request.sheets;
    post({ kind: 'progress', id, stage: 'validating' });
    const config = parseConfig(request.config);
    const period = monthPeriod(request.period);
    if (!config.ok || !period) {
      const problems = [...(config.ok ? [] : config.problems), ...(period ? [] : [`the period ${request.period} is not a month (YYYY-MM)`])];
      post({ kind: 'input-error', id, issues: [], problems });
      return;
    }
    post({ kind: 'progress', id, stage: 'reading' });
    const t0 = performance.now();
    const options = { period: { label: request.period, ...period }, config: config.config };
    const outcome = runReconciliation({ file: request.file, sheets }, request.userItems ? { ...options, userItems: request.userItems } : options);
    if (!outcome.ok) {
      post({ kind: 'input-error', id, issues: outcome.issues, problems: [] });
      return;
    }
    const t1 = performance.now();
    post({ kind: 'progress', id, stage: 'fingerprinting' });
    const used = new Set([outcome.sources.rentRoll, outcome.sources.transactions, outcome.sources.gl, outcome.sources.suspense].flatMap((s) => (s ? [s.detection.sheet] : [])));
    const sources = summariseSources(outcome.sources, sheets, await fingerprints(sheets.filter((s) => used.has(s.name)), env));
    const timings = { engineMs: Math.round(t1 - t0), fingerprintMs: Math.round(performance.now() - t1) };
    const { rentRoll, suspense, transactions } = outcome.sources;
    let matched: { items: readonly SuspenseItem[]; matches: readonly SuspenseMatch[] } | undefined;
    if (request.matchSuspense && rentRoll && suspense) {
      matched = { items: suspense.records, matches: matchSuspense(suspense.records, rentRoll.records, config.config.suspenseMatch, transactions?.records ?? []) };
      env.search = accountSearchIndex(rentRoll.records);
    }
    post({ kind: 'result', id, result: outcome.result, issues: outcome.issues, sources, timings, ...(matched ? { suspense: matched } : {}) });
  } catch (e) {
    post({ kind: 'failure', id, message: (e as Error).message ?? String(e) });
  }
}
