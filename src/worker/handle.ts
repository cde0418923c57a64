/**
 * What the worker does with a request: the same jobs as the CLI (src/engine/jobs/), with progress by
 * stage. It keeps what the last run read, so later requests (review, search, ageing, the pack,
 * payment files) answer without the sheets crossing again. Kept apart from the Worker global so
 * tests call it directly.
 */
import { runActionsJob } from '../engine/jobs/actions-worker';
import type { RawCell, SheetData } from '../engine/cells';
import { parseConfig, type LedgerConfig } from '../engine/config';
import { parseDayFirst, type IsoDate } from '../engine/dates';
import { fingerprintSheet } from '../engine/fingerprint';
import type { Pence } from '../engine/money';
import { runCashBalance, DEFAULT_STATEMENT_PROFILE } from '../engine/jobs/balance-cash';
import { carryReview } from '../engine/jobs/carry-review';
import { completePaymentImport, detectProfile, matchesFromData, paymentRoll, preparePaymentImport, previewPaymentFile } from '../engine/jobs/import-payments';
import { matchSuspenseFrom } from '../engine/jobs/match-suspense';
import { monthEndAgeing, monthEndPack, runMonthEnd, usedSheets, withFingerprints, type MonthEndReady } from '../engine/jobs/month-end';
import { RollIndex } from '../engine/payments/allocate-payments';
import type { PreparedPaymentFile } from '../engine/payments/process-payment-file';
import { SHIPPED_PROFILES } from '../engine/payments/profile';
import { accountSearchIndex, searchAccounts, type AccountSearchIndex } from '../engine/suspense/account-search';
import { applyChanges, applyReview, reviewChanges, type ReviewState } from '../engine/suspense/review-queue';
import { paneSessionSheet, paneTrailHead } from '../engine/signoff/pane-session';
import { sessionIdentity } from '../engine/signoff/resume';
import { decideSuggestion } from '../engine/signoff/suggestion-decision';
import { withSuggestionDecisions } from '../engine/reconcile/suggestions';
import { answerDd } from './dd-handle';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { SheetStreamMessage } from '../workbook/port';
import { handleFactoring } from './factoring-request';
import { handleFactoringDebt } from './factoring-debt-request';

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

/**
 * The sheets posted over `port` by the workbook's worker (SheetStreamMessage), in the workbook's
 * order once 'end' comes; rejects with its words when the sender failed or was stopped.
 */
export function receiveSheets(port: MessagePort, id: number): Promise<SheetData[]> {
  const parts = new SheetParts();
  return new Promise<SheetData[]>((resolve, reject) => {
    port.onmessage = ({ data }: MessageEvent<SheetStreamMessage>) => {
      if (data.kind === 'part') {
        parts.add({ ...data, kind: 'sheet-part', id });
        return;
      }
      port.onmessage = null;
      port.close();
      if (data.kind === 'failed') {
        reject(new Error(`the sheets could not be read: ${data.message}`));
        return;
      }
      const got = new Map(parts.take(id).map((s) => [s.name, s]));
      resolve(data.names.map((name) => got.get(name) ?? { name, originRow: 1, originCol: 1, rows: [] }));
    };
    port.start();
  });
}

export interface WorkerEnv {
  /** The last run's rent roll, indexed for the review queue's account search (built on the first search). */
  search?: AccountSearchIndex | null;
  /** The last month-end run: its sources, result and suspense matches. */
  run?: MonthEndReady | null;
  /** The review queue of the last run, as the actions left it. */
  review?: ReviewState | null;
  /** The rent roll payment files are allocated to ('load-roll'; else the last run's). */
  roll?: RollIndex | null;
  /** The payment file of the last 'prepare-payments', waiting for the ledger's answer. */
  prepared?: { readonly file: PreparedPaymentFile; readonly settlement: Pence | null } | null;
  /** A faster SHA-256 of the same normalised text (WebCrypto in the browser); the engine's own otherwise. */
  readonly fingerprint?: (sheet: SheetData) => Promise<string>;
  readonly parts?: SheetParts;
  /** The request being answered: the next waits for it (a run awaits its fingerprints, and what follows reads what it keeps). */
  tail?: Promise<void>;
}

async function fingerprints(sheets: readonly SheetData[], env: WorkerEnv): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const sheet of sheets) out[sheet.name] = env.fingerprint ? await env.fingerprint(sheet) : fingerprintSheet(sheet);
  return out;
}

/** A request's config, or the problems that answer it. */
function configOf(json: unknown, id: number, post: (r: WorkerResponse) => void): LedgerConfig | null {
  const parsed = parseConfig(json);
  if (parsed.ok) return parsed.config;
  post({ kind: 'input-error', id, issues: [], problems: parsed.problems });
  return null;
}

function needRun(env: WorkerEnv): MonthEndReady {
  if (!env.run) throw new Error('run the reconciliation first');
  return env.run;
}

function day(text: string, what: string): IsoDate {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDayFirst(text) : null;
  if (d === null) throw new Error(`${what} ${text} is not a date (YYYY-MM-DD)`);
  return d;
}

/** Answers one request, after the ones before it in the same env have been answered. */
export function handleRequest(request: WorkerRequest, post: (response: WorkerResponse) => void, env: WorkerEnv = {}): Promise<void> {
  const next = (env.tail ?? Promise.resolve()).then(() => answer(request, post, env));
  env.tail = next;
  return next;
}

async function answer(request: WorkerRequest, post: (response: WorkerResponse) => void, env: WorkerEnv): Promise<void> {
  const { id } = request;
  try {
    switch (request.kind) {
      case 'sheet-part':
        if (!env.parts) throw new Error('this worker does not take sheets in parts');
        env.parts.add(request);
        return;
      case 'search-accounts': {
        const roll = env.run?.sources.rentRoll;
        if (!env.search && roll) env.search = accountSearchIndex(roll.records);
        if (!env.search) throw new Error('run the reconciliation first: the account search uses its rent roll');
        post({ kind: 'accounts', id, hits: searchAccounts(env.search, request.query, 20) });
        return;
      }
      case 'fingerprint':
        post({ kind: 'fingerprints', id, fingerprints: await fingerprints(request.sheets, env) });
        return;
      case 'reconcile':
        await reconcile(request, post, env);
        return;
      case 'review': {
        if (!env.review) throw new Error('run the reconciliation first: the review queue comes from its suspense matches');
        if (request.changesOnly) {
          const decided = reviewChanges(env.review, request.action);
          if (decided.changes) env.review = applyChanges(env.review, decided.changes);
          post({ kind: 'review-changes', id, changes: decided.changes, refused: decided.refused });
          return;
        }
        const outcome = applyReview(env.review, request.action);
        env.review = outcome.state;
        post({ kind: 'review-state', id, state: outcome.state, refused: outcome.refused });
        return;
      }
      case 'set-review':
        env.review = request.state;
        post({ kind: 'review-state', id, state: request.state, refused: null });
        return;
      case 'decide-suggestion': {
        // The run kept has no decision applied: the engine recomputes from it, never the page.
        const decided = decideSuggestion(needRun(env).result, request.decisions, { key: request.key, to: request.to, by: request.by, at: request.at });
        if (!decided.ok) throw new Error(decided.message);
        post({ kind: 'suggestion-decided', id, decisions: decided.decisions, result: decided.result, change: decided.change });
        return;
      }
      case 'ageing': {
        const run = needRun(env);
        post({ kind: 'ageing', id, ageing: request.asOf === undefined ? monthEndAgeing(run) : monthEndAgeing(run, day(request.asOf, 'the ageing date')) });
        return;
      }
      case 'build-pack': {
        const run = needRun(env);
        const { productVersion, runAt, preparer, reviewer, userItems, session } = request;
        const suggestionDecisions = request.suggestionDecisions ?? [];
        const trailHead = session
          ? paneTrailHead(run, monthEndPack(run, { productVersion, runAt, preparer: null, reviewer: null, review: null, userItems: session.userItems, suggestionDecisions: session.suggestionDecisions ?? [] }).result, session)
          : undefined;
        const pack = monthEndPack(run, { productVersion, runAt, preparer, reviewer, review: env.review ?? null, suggestionDecisions, ...(userItems ? { userItems } : {}), ...(trailHead ? { trailHead } : {}) });
        const part = request.packInParts ?? 0;
        if (part <= 0) {
          post({ kind: 'pack', id, result: pack.result, sheets: pack.sheets });
          return;
        }
        pack.sheets.forEach((sheet, i) => {
          for (let from = part; from < sheet.rows.length; from += part) post({ kind: 'pack-rows', id, sheet: i, rows: sheet.rows.slice(from, from + part) });
        });
        post({ kind: 'pack', id, result: pack.result, sheets: pack.sheets.map((s) => (s.rows.length > part ? { ...s, rows: s.rows.slice(0, part) } : s)), sheetsInParts: true });
        return;
      }
      case 'pack-session': {
        const run = needRun(env);
        const result = monthEndPack(run, { productVersion: '', runAt: request.args.savedAt, preparer: null, reviewer: null, review: null, userItems: request.args.userItems, suggestionDecisions: request.args.suggestionDecisions ?? [] }).result;
        const made = paneSessionSheet(run, result, request.sheetsFrom ? { ...request.args, packSheets: await receiveSheets(request.sheetsFrom, id) } : request.args);
        post({ kind: 'pack-session', id, sheet: made.sheet, identity: sessionIdentity(made.session), savedAt: made.session.savedAt });
        return;
      }
      case 'match-suspense': {
        const run = needRun(env);
        const config = configOf(request.config, id, post);
        if (!config) return;
        const matched = matchSuspenseFrom(run.sources, { config, asOf: request.asOf === null ? null : day(request.asOf, 'the ageing date'), now: request.now });
        if (!matched.ok) {
          post({ kind: 'input-error', id, issues: matched.issues, problems: [matched.summary, ...matched.problems] });
          return;
        }
        post({ kind: 'suspense-matched', id, sheets: matched.sheets, journalCsv: matched.journalCsv, ageingCsv: matched.ageingCsv, json: matched.json, counts: matched.counts });
        return;
      }
      case 'load-roll': {
        const config = configOf(request.config, id, post);
        if (!config) return;
        const roll = paymentRoll(request.file, request.sheets, config);
        if (!roll.ok) {
          env.roll = null;
          post({ kind: 'input-error', id, issues: roll.issues, problems: [roll.summary, ...roll.problems] });
          return;
        }
        env.roll = roll.roll;
        post({ kind: 'roll', id, accounts: roll.accounts });
        return;
      }
      case 'detect-profile':
        post({ kind: 'profile-detected', id, name: detectProfile(request.text, request.profiles, request.fileName) });
        return;
      case 'preview-payments':
        post({ kind: 'payments-preview', id, preview: previewPaymentFile(request.text, request.profile, { fileName: request.fileName, maxLines: request.maxLines, settlement: request.settlement }) });
        return;
      case 'prepare-payments': {
        const prepared = preparePaymentImport({ text: request.text, fileName: request.fileName, profile: request.profile, settlement: request.settlement });
        env.prepared = { file: prepared, settlement: request.settlement };
        post({ kind: 'payments-prepared', id, hash: prepared.hash, keys: prepared.keys, issues: prepared.issues });
        return;
      }
      case 'post-payments': {
        const prepared = env.prepared;
        if (!prepared) throw new Error('prepare the payment file first');
        const config = configOf(request.config, id, post);
        if (!config) return;
        const rollRecords = env.run?.sources.rentRoll?.records;
        const roll = env.roll ?? (rollRecords ? (env.roll = new RollIndex(rollRecords)) : null);
        if (!roll) throw new Error('load the rent roll first: payments are allocated to its accounts');
        const outcome = completePaymentImport(prepared.file, matchesFromData(request.ledger), roll, request.importedAt, config, prepared.settlement);
        env.prepared = null;
        post({ kind: 'payments-posted', id, outcome });
        return;
      }
      case 'account-actions':
        post({ kind: 'account-actions', id, result: runActionsJob(request.job, request.config) });
        return;
      case 'balance-cash': {
        const config = configOf(request.config, id, post);
        if (!config) return;
        const profile = request.profile ?? SHIPPED_PROFILES.get(DEFAULT_STATEMENT_PROFILE);
        if (!profile) throw new Error(`no statement profile ${DEFAULT_STATEMENT_PROFILE}`);
        const carried = request.carried ? { asOf: day(request.carried.asOf, 'the carried as-of date'), items: request.carried.items } : null;
        const run = runCashBalance({
          statement: request.statement,
          profile,
          ledger: request.ledger,
          asOf: day(request.asOf, 'the as-of date'),
          from: request.from === null ? null : day(request.from, 'the from date'),
          carried,
          channels: request.channels,
          config,
        });
        post({ kind: 'cash-balance', id, run });
        return;
      }
      case 'factoring':
        post(handleFactoring(request));
        return;
      case 'factoring-debt':
        post(handleFactoringDebt(request));
        return;
      case 'dd-bank-check':
      case 'dd-collect':
      case 'dd-report':
      case 'dd-register':
        post(answerDd(request, env.roll?.roll ?? env.run?.sources.rentRoll?.records ?? null));
        return;
      default: {
        const never: never = request;
        throw new Error(`unknown request ${JSON.stringify(never)}`);
      }
    }
  } catch (e) {
    post({ kind: 'failure', id, message: (e as Error).message ?? String(e) });
  }
}

async function reconcile(request: Extract<WorkerRequest, { kind: 'reconcile' }>, post: (response: WorkerResponse) => void, env: WorkerEnv): Promise<void> {
  const { id } = request;
  const sheets = request.sheetsFrom ? await receiveSheets(request.sheetsFrom, id) : request.partsSent ? [...(env.parts?.take(id) ?? []), ...request.sheets] : request.sheets;
  post({ kind: 'progress', id, stage: 'validating' });
  const config = parseConfig(request.config);
  if (!config.ok) {
    const problems = [...config.problems, ...(/^\d{4}-\d{2}$/.test(request.period.trim()) ? [] : [`the period ${request.period} is not a month (YYYY-MM)`])];
    post({ kind: 'input-error', id, issues: [], problems });
    return;
  }
  post({ kind: 'progress', id, stage: 'reading' });
  const t0 = performance.now();
  const run = runMonthEnd({
    file: request.file,
    sheets,
    period: request.period,
    config: config.config,
    matchSuspense: request.matchSuspense === true,
    fingerprints: 'deferred',
    ...(request.userItems ? { userItems: request.userItems } : {}),
  });
  // A new run replaces what the last one left: a stale queue or roll must not answer for it.
  env.run = null;
  env.review = null;
  env.search = null;
  env.roll = null;
  if (!run.ok) {
    post({ kind: 'input-error', id, issues: run.issues, problems: run.sources === null ? run.problems : [] });
    return;
  }
  const t1 = performance.now();
  // The result first: the fingerprints are needed only by the session and the pack, so they follow
  // in their own message. The next request (the pack among them) waits for them (env.tail).
  // (runMonthEnd with 'deferred' leaves each source's sha256 empty until then.)
  const placeholder = run;
  const review = placeholder.suspense ? carryReview(placeholder.suspense.matches, placeholder.suspense.items, request.carryReview ?? null) : null;
  env.review = review;
  const inParts = review && request.carryReview !== undefined && request.reviewInParts !== undefined && request.reviewInParts > 0 ? request.reviewInParts : 0;
  if (review && inParts > 0) for (let i = 0; i < review.entries.length; i += inParts) post({ kind: 'review-part', id, entries: review.entries.slice(i, i + inParts) });
  post({
    kind: 'result',
    id,
    // With people's decisions on the suggested items; env.run keeps the result as the run made it.
    result: withSuggestionDecisions(placeholder.result, request.suggestionDecisions ?? []),
    issues: placeholder.issues,
    sources: placeholder.summaries,
    timings: { engineMs: Math.round(t1 - t0), fingerprintMs: 0 },
    fingerprintsFollow: true,
    ...(placeholder.suspense && request.keepMatches !== true ? { suspense: placeholder.suspense } : {}),
    ...(review && request.carryReview !== undefined ? (inParts > 0 ? { review: { ...review, entries: [] }, reviewInParts: true } : { review }) : {}),
  });
  post({ kind: 'progress', id, stage: 'fingerprinting' });
  const t2 = performance.now();
  const used = new Set(usedSheets(run.sources));
  const ready = withFingerprints(run, sheets, await fingerprints(sheets.filter((s) => used.has(s.name)), env));
  env.run = ready;
  post({ kind: 'source-fingerprints', id, sources: ready.summaries, fingerprintMs: Math.round(performance.now() - t2) });
}
