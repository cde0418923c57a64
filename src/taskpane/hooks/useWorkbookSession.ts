/**
 * The session inside the workbook (issue 11): on opening, the workbook's `HL Session` copy is
 * compared with this browser's working copy (the engine's resumeChoice decides: newer, older or a
 * conflict) and resumed, or the conflict is shown for the person to choose, never merged; after the
 * audit pack is written, the session is written beside it and becomes the working copy's base.
 */
import { useRef, useState } from 'react';
import { workingStateHash } from '../../engine/signoff/bound-signoffs';
import type { PlainTrailEvent } from '../../engine/signoff/pane-session';
import { resumeChoice, type WorkingCopy } from '../../engine/signoff/resume';
import { readSessionSheet, SESSION_SHEET, type WorkbookSession } from '../../engine/signoff/session-sheet';
import type { Resolution } from '../../engine/suspense/review-queue';
import type { Session } from '../../store/schema';
import type { PaneSessionArgs } from '../../worker/protocol';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { wasCancelled } from '../../workbook/port';
import type { PaneHost } from '../host';
import type { Notify } from '../pane-state';
import type { PackProgress } from './useAuditPack';
import type { SessionApi } from './useSession';

export interface SessionConflict {
  readonly inWorkbook: WorkbookSession;
  readonly working: Session;
}

/** The working copy as resumeChoice sees it, with its suspense decisions (kept a row each in the store). */
export function workingCopy(s: Session, resolutions: Readonly<Record<string, Resolution>>): WorkingCopy {
  return {
    base: s.base ?? null,
    state: workingStateHash({ config: s.settings.config, items: s.reconcilingItems, resolutions, signOffs: s.signOffs, suggestionDecisions: s.suggestionDecisions }),
    hasWork: s.reconcilingItems.length > 0 || s.signOffs.length > 0 || Object.keys(resolutions).length > 0 || (s.suggestionDecisions?.length ?? 0) > 0,
    updatedAt: s.updatedAt,
  };
}

export function useWorkbookSession(host: Pick<PaneHost, 'port' | 'workbookId' | 'onWorkbookChanged'>, sessions: SessionApi, request: (body: RequestBody, transfer?: Transferable[]) => Promise<WorkerOutcome>, notify: Notify) {
  const [conflict, setConflict] = useState<SessionConflict | null>(null);
  /** Writing the session beside the pack: the pack read back, then the sheet written; Cancel stops either. */
  const [progress, setProgress] = useState<Extract<PackProgress, { stage: 'session' }> | null>(null);
  const writing = useRef<AbortController | null>(null);

  /** The workbook's session, if it carries one; a damaged one is said, and ignored. */
  async function readFromWorkbook(): Promise<WorkbookSession | null> {
    let sheet;
    try {
      sheet = await host.port.readSheet(SESSION_SHEET.name);
    } catch {
      return null; // no session sheet: a workbook like any other
    }
    const read = readSessionSheet([sheet]);
    if (read.ok) return read.session;
    if (read.reason === 'damaged') notify({ intent: 'warning', title: 'The workbook’s session was not resumed', text: `${read.message}. This browser’s copy, if any, is used.` });
    return null;
  }

  /**
   * Which session to open: the workbook's (adopted as the working copy), this browser's, or neither;
   * on a conflict, null and the conflict is shown until the person chooses.
   */
  async function open(latest: Session | null, actor: string): Promise<{ use: 'workbook'; session: Session } | { use: 'working' | 'none' | 'conflict' }> {
    const inWorkbook = await readFromWorkbook();
    const working = latest && inWorkbook && latest.period !== inWorkbook.period ? null : latest;
    const choice = resumeChoice(working ? workingCopy(working, await sessions.reviewResolutions(working)) : null, inWorkbook);
    if (choice.use === 'workbook' && inWorkbook) {
      const adopted = await sessions.adopt(host.workbookId, inWorkbook, actor);
      return adopted ? { use: 'workbook', session: adopted } : { use: latest ? 'working' : 'none' };
    }
    if (choice.use === 'conflict' && inWorkbook && working) {
      setConflict({ inWorkbook, working });
      return { use: 'conflict' };
    }
    return { use: latest ? 'working' : 'none' };
  }

  /** The person's choice on a conflict: the copy to open (the other is left as it is: in the workbook, or replaced here). */
  async function choose(which: 'workbook' | 'working', actor: string): Promise<Session | null> {
    const c = conflict;
    setConflict(null);
    if (!c) return null;
    if (which === 'working') return c.working;
    return sessions.adopt(host.workbookId, c.inWorkbook, actor);
  }

  /**
   * Writes the session into the workbook beside the pack just written (the pack's sheets read back
   * give verify its image) and records it as the working copy's base. False when it was not written.
   */
  async function writeAfterPack(written: readonly string[], args: Omit<PaneSessionArgs, 'packSheets' | 'trail'> & { readonly session: Session; readonly trail: readonly PlainTrailEvent[] }): Promise<boolean> {
    const stop = new AbortController();
    writing.current = stop;
    try {
      const { session, ...rest } = args;
      const made = await packSession(written, rest, stop.signal);
      if (made.kind !== 'pack-session') throw new Error(made.kind === 'failure' ? made.message : 'the engine did not make the session sheet');
      setProgress({ stage: 'session', doing: 'writing', fraction: 0 });
      await host.port.writeSheets([made.sheet], { signal: stop.signal, onProgress: (p) => setProgress({ stage: 'session', doing: 'writing', fraction: p.rowsWritten / Math.max(1, p.rowsTotal) }) });
      host.onWorkbookChanged?.();
      const now = workingCopy({ ...session, signOffs: args.signOffs }, args.resolutions ?? {});
      await sessions.setBase(session, { id: made.identity, savedAt: made.savedAt, state: now.state });
      return true;
    } catch (e) {
      const why = wasCancelled(e, stop.signal) ? 'Cancelled' : (e as Error).message;
      notify({ intent: 'warning', title: 'The session was not written into the workbook', text: `${why}. The audit pack is written; a reviewer elsewhere will not see the decisions until it is written again.` });
      return false;
    } finally {
      writing.current = null;
      setProgress(null);
    }
  }

  /**
   * The session sheet made by the engine worker from the pack's sheets as written. A port whose
   * workbook lives in a worker hands them over worker to worker (the page never reads a pack sheet
   * back); any other port reads them here.
   */
  async function packSession(written: readonly string[], rest: Omit<PaneSessionArgs, 'packSheets'>, signal: AbortSignal): Promise<WorkerOutcome> {
    const reading = (name: string, fraction: number) => setProgress({ stage: 'session', doing: 'reading', fraction: (written.indexOf(name) + fraction) / Math.max(1, written.length) });
    if (host.port.sendSheets) {
      const channel = new MessageChannel();
      const made = request({ kind: 'pack-session', args: { ...rest, packSheets: [] }, sheetsFrom: channel.port2 }, [channel.port2]);
      await host.port.sendSheets(written, channel.port1, { signal, onProgress: reading });
      return made;
    }
    const packSheets = [];
    for (const name of written) {
      reading(name, 0);
      packSheets.push(await host.port.readSheet(name, undefined, { signal }));
    }
    return request({ kind: 'pack-session', args: { ...rest, packSheets } });
  }

  return { conflict, open, choose, writeAfterPack, progress, cancel: () => writing.current?.abort() };
}
