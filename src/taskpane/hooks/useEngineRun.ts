/**
 * The engine's Web Worker as the pane uses it: a run of the month-end reconciliation (the sheets read
 * once, whole, then handed to the worker, which keeps them; on the standalone page the workbook's
 * own worker hands them over directly and the page keeps only their tops), its progress in stages,
 * Cancel (of the read too: it stops between blocks and nothing is run), and every later job over
 * what the worker kept. The page's thread only reads cells and renders answers.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { UserReconcilingItem } from '../../engine/config';
import type { SuggestionDecision } from '../../engine/reconcile/suggestions';
import type { ReconcileResult } from '../../engine/reconcile/types';
import type { AccountHit } from '../../engine/suspense/account-search';
import type { Resolution, ReviewState } from '../../engine/suspense/review-queue';
import { EngineClient, type RequestBody, type WorkerOutcome } from '../../worker/client';
import type { Stage } from '../../worker/protocol';
import { wasCancelled, type HandedSheets } from '../../workbook/port';
import { topOf, TOP_ROWS } from '../read-sheet-tops';
import { readUserSheets } from '../../workbook/user-sheets';
import type { PaneHost } from '../host';
import type { RunDone, RunState } from '../pane-state';

/** Review entries a message from the engine's worker (about half a megabyte): each is taken in well inside 100 ms. */
const REVIEW_PART = 400;

export interface RunInput {
  readonly period: string;
  /** The config file's JSON, validated by the worker. */
  readonly config: unknown;
  readonly userItems: readonly UserReconcilingItem[];
  /** The session's saved review, carried into the new run's queue by the worker. */
  readonly carryReview: ReviewState | Readonly<Record<string, Resolution>> | null;
  /** People's decisions on the suggested reconciling items: the result comes with them applied. */
  readonly suggestionDecisions?: readonly SuggestionDecision[];
}

export function useEngineRun(host: Pick<PaneHost, 'port' | 'fileName' | 'spawnWorker'>, announce: (text: string) => void) {
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const client = useRef<EngineClient | null>(null);
  /** Stops the read of the sheets under way, if any (Cancel while reading). */
  const reading = useRef<AbortController | null>(null);

  useEffect(() => {
    const c = new EngineClient(() => host.spawnWorker());
    client.current = c;
    return () => c.dispose();
  }, [host]);

  /**
   * Reads the sheets and reconciles them in the worker; the finished run and what the page keeps of
   * the sheets (their tops and row counts), or null. A port that can hand the sheets to the engine's
   * worker itself (sendUserSheets) does so; any other is read here and the sheets posted.
   * The result comes first; `fingerprinted` settles with the sources' fingerprints after it (the
   * session needs them, showing the result does not; the worker's pack waits for them itself), or
   * null when none are coming (cancelled).
   */
  async function start(input: RunInput): Promise<{ done: RunDone; handed: HandedSheets; fingerprinted: Promise<RunDone['sources'] | null> } | null> {
    const engine = client.current;
    if (!engine) return null;
    const stop = new AbortController();
    reading.current?.abort();
    reading.current = stop;
    const request = { kind: 'reconcile', file: host.fileName, period: input.period, config: input.config, userItems: input.userItems, matchSuspense: true, keepMatches: true, reviewInParts: REVIEW_PART, carryReview: input.carryReview, ...(input.suggestionDecisions?.length ? { suggestionDecisions: input.suggestionDecisions } : {}) } as const;
    const onRead = (sheet: string, fraction: number) => !stop.signal.aborted && setRun({ state: 'reading', sheet, fraction });
    let handed: HandedSheets;
    let outcomeOf: (onStage: (stage: Stage) => void) => Promise<WorkerOutcome>;
    try {
      if (host.port.sendUserSheets) {
        // The workbook lives in its own worker: it posts the sheets straight to the engine's worker
        // over a channel, so the page's thread never holds or clones their cells.
        const channel = new MessageChannel();
        let stages: ((stage: Stage) => void) | null = null;
        const outcome = engine.run({ ...request, sheets: [], sheetsFrom: channel.port2 }, (stage) => stages?.(stage), [channel.port2]);
        try {
          handed = await host.port.sendUserSheets(channel.port1, TOP_ROWS, { signal: stop.signal, onProgress: onRead });
        } catch (e) {
          engine.cancel();
          throw e;
        }
        outcomeOf = (onStage) => {
          stages = onStage;
          return outcome;
        };
      } else {
        const sheets = await readUserSheets(host.port, onRead, { signal: stop.signal });
        handed = { tops: sheets.map(topOf), rowCounts: Object.fromEntries(sheets.map((sh) => [sh.name, sh.rows.length])) };
        outcomeOf = (onStage) => (stop.signal.aborted ? Promise.resolve({ kind: 'cancelled', id: 0 }) : engine.run({ ...request, sheets }, onStage));
      }
    } catch (e) {
      if (wasCancelled(e, stop.signal)) {
        setRun({ state: 'cancelled' });
        announce('Reconciliation cancelled');
      } else setRun({ state: 'failed', message: `The sheets could not be read: ${(e as Error).message}` });
      return null;
    } finally {
      if (reading.current === stop) reading.current = null;
    }
    if (stop.signal.aborted) {
      // Cancelled as the last block arrived: nothing is run (sheets already handed over are dropped).
      if (host.port.sendUserSheets) engine.cancel();
      setRun({ state: 'cancelled' });
      announce('Reconciliation cancelled');
      return null;
    }
    const startedAt = performance.now();
    setRun({ state: 'running', stage: 'validating', startedAt });
    announce('Reconciliation started');
    const outcome = await outcomeOf((stage) => setRun({ state: 'running', stage, startedAt }));
    const ms = Math.round(performance.now() - startedAt);
    if (outcome.kind === 'cancelled') {
      setRun({ state: 'cancelled' });
      announce('Reconciliation cancelled');
      return null;
    }
    if (outcome.kind === 'input-error') {
      setRun({ state: 'input-error', issues: outcome.issues, problems: outcome.problems });
      announce('The reconciliation stopped: the input has problems');
      return null;
    }
    if (outcome.kind !== 'result') {
      setRun({ state: 'failed', message: outcome.kind === 'failure' ? outcome.message : 'unexpected answer from the engine' });
      return null;
    }
    const done: RunDone = { state: 'done', result: outcome.result, issues: outcome.issues, sources: outcome.sources, ms, at: new Date().toISOString(), review: outcome.review ?? null };
    // The result is drawn as a transition: React yields to the page meanwhile.
    startTransition(() => setRun(done));
    announce(`Reconciliation finished: ${outcome.result.status}`);
    const fingerprinted = outcome.fingerprintsFollow
      ? engine.fingerprints(outcome.id).then((f) => {
          // The same run (its result may have been replaced by a decision meanwhile).
          if (f) setRun((now) => (now.state === 'done' && now.at === done.at ? { ...now, sources: f.sources } : now));
          return f?.sources ?? null;
        })
      : Promise.resolve(outcome.sources);
    return { done, handed, fingerprinted };
  }

  /** Accounts on the last run's rent roll by ref, name or postcode; a failure as words. */
  async function search(query: string): Promise<{ hits: readonly AccountHit[] } | { problem: string }> {
    const outcome = await client.current?.run({ kind: 'search-accounts', query });
    if (outcome?.kind === 'accounts') return { hits: outcome.hits };
    return { problem: outcome?.kind === 'failure' ? outcome.message : 'Run the reconciliation again, then search.' };
  }

  /** Any other job for the worker (review actions, the pack, payment files); it answers over what it kept. */
  const request = useCallback(
    (body: RequestBody, transfer: Transferable[] = []): Promise<WorkerOutcome> => (client.current ? client.current.run(body, undefined, transfer) : Promise.resolve({ kind: 'failure', id: 0, message: 'the engine is not running' })),
    [],
  );

  /** Cancel: stops the read of the sheets (no further block is asked of Excel) or the engine's work, whichever is under way. */
  const cancel = () => {
    reading.current?.abort();
    client.current?.cancel();
  };

  /** The finished run's result as the engine recomputed it after a decision (the worker's answer, never the page's sums). */
  const replaceResult = useCallback((result: ReconcileResult) => setRun((now) => (now.state === 'done' ? { ...now, result } : now)), []);

  return { run, start, cancel, search, request, replaceResult };
}
