/**
 * The audit pack: the worker builds it from what the last run kept (the audit sheets, the suspense
 * clearance journal of the kept review, the ageing), the page writes it into the workbook through
 * the port. While it is built, and while its sheets are written (rows written of all), the progress
 * shows and Cancel leaves the workbook as it was: the port takes back a write stopped before its
 * last request (half a pack is never left in the workbook); the xlsx adapter stops between blocks
 * of rows and removes what it wrote. Progress re-renders at most every 100 ms.
 */
import { useRef, useState } from 'react';
import type { UserReconcilingItem } from '../../engine/config';
import type { SuggestionDecision } from '../../engine/reconcile/suggestions';
import type { SignOff } from '../../store/schema';
import { PRODUCT_VERSION } from '../../version';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { wasCancelled } from '../../workbook/port';
import type { PaneSessionArgs } from '../../worker/protocol';
import type { PaneHost } from '../host';
import { nextTask } from '../../next-task';
import { throttled } from '../throttle';
import type { Notify } from '../pane-state';

export interface PackRequest {
  /** The run's stamp. */
  readonly runAt: string;
  readonly userItems: readonly UserReconcilingItem[];
  readonly signOffs: readonly SignOff[];
  /** People's decisions on the suggested reconciling items (issue 11): accepted ones count in the pack. */
  readonly suggestionDecisions?: readonly SuggestionDecision[];
  /** The session written beside the pack (issue 11): its trail's head goes on the Summary. */
  readonly session?: Omit<PaneSessionArgs, 'packSheets'>;
}

/**
 * Where writing the pack is: built in the worker, then its sheets written (`fraction`: rows written
 * of all), then the session written beside it (useWorkbookSession). Cancel stops each of them.
 */
export type PackProgress =
  | { readonly stage: 'building' }
  | { readonly stage: 'writing'; readonly sheets: number; readonly fraction: number }
  | { readonly stage: 'session'; readonly doing: 'reading' | 'writing'; readonly fraction: number };

/** The pack's sheets come from the engine worker in messages of this many rows, each taken in within a few milliseconds. */
const PACK_PART_ROWS = 2_000;

export function useAuditPack(host: Pick<PaneHost, 'port' | 'onWorkbookChanged'>, request: (body: RequestBody) => Promise<WorkerOutcome>, notify: Notify) {
  const [written, setWritten] = useState<string | null>(null);
  const [progress, setProgress] = useState<PackProgress | null>(null);
  /** Settles the build under way as cancelled (its answer is then ignored). */
  const cancelBuild = useRef<(() => void) | null>(null);
  /** Stops the write of the pack's sheets under way. */
  const writing = useRef<AbortController | null>(null);

  /** Builds and writes the pack; the names of the sheets written, or null when it failed (and the workbook is as it was). */
  async function write({ runAt, userItems, signOffs, session, suggestionDecisions }: PackRequest): Promise<string[] | null> {
    const signed = (role: SignOff['role']) => {
      const s = signOffs.find((x) => x.role === role);
      return s ? { name: s.name, at: s.at } : null;
    };
    let stop: AbortController | null = null;
    try {
      setProgress({ stage: 'building' });
      const cancelled = new Promise<'cancelled'>((resolve) => (cancelBuild.current = () => resolve('cancelled')));
      const built = await Promise.race([request({ kind: 'build-pack', productVersion: PRODUCT_VERSION, runAt, preparer: signed('preparer'), reviewer: signed('reviewer'), userItems, ...(suggestionDecisions?.length ? { suggestionDecisions } : {}), ...(session ? { session } : {}), packInParts: PACK_PART_ROWS }), cancelled]);
      cancelBuild.current = null;
      if (built === 'cancelled') {
        notify({ intent: 'info', title: 'The audit pack was not written', text: 'Cancelled before anything was written: the workbook is as it was.' });
        return null;
      }
      if (built.kind !== 'pack') throw new Error(built.kind === 'failure' ? built.message : 'the engine did not build the pack');
      const sheetCount = built.sheets.length;
      setProgress({ stage: 'writing', sheets: sheetCount, fraction: 0 });
      stop = new AbortController();
      writing.current = stop;
      // Let the progress show before the sheets go in (the xlsx adapter writes on this thread).
      await nextTask();
      const report = throttled((fraction: number) => setProgress({ stage: 'writing', sheets: sheetCount, fraction }));
      try {
        await host.port.writeSheets(built.sheets, { signal: stop.signal, onProgress: (p) => report(p.rowsWritten / Math.max(1, p.rowsTotal)) });
      } finally {
        report.cancel();
      }
      const sheets = built.sheets.map((s) => s.name);
      setWritten(new Date().toISOString());
      host.onWorkbookChanged?.();
      notify({ intent: 'success', title: 'Audit pack written', text: `${sheets.length} sheets (${sheets.join(', ')}) were written into the workbook; your own sheets were not changed.` });
      return sheets;
    } catch (e) {
      if (stop && wasCancelled(e, stop.signal)) notify({ intent: 'info', title: 'The audit pack was not written', text: 'Cancelled while its sheets were written: they were taken out again and the workbook is as it was.' });
      else notify({ intent: 'error', title: 'The audit pack was not written', text: `${(e as Error).message}. The workbook is as it was before.` });
      return null;
    } finally {
      cancelBuild.current = null;
      writing.current = null;
      setProgress(null);
    }
  }

  /** Cancels the pack while it is built or its sheets are written (the port takes back what it wrote). */
  const cancel = () => {
    cancelBuild.current?.();
    writing.current?.abort();
  };

  return { written, write, reset: () => setWritten(null), progress, cancel };
}
