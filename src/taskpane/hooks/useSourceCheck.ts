/**
 * On resume (issue 11): whether the sources changed since the session was saved, said BEFORE any run.
 * The session holds each source sheet's SHA-256 from its last run (or from the workbook's session);
 * the same sheets are read now and fingerprinted in the worker (the same function the run uses, so
 * the two agree), and the engine's changedSources says which differ (shown by SourcesChangedBar). It
 * runs in the background once the pane is ready; a run started meanwhile supersedes it.
 */
import { useState } from 'react';
import { changedSources, sourcesChangedText, type SourceChange } from '../../engine/signoff/resume';
import type { SheetData } from '../../engine/cells';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { PaneHost } from '../host';

export const SOURCES_CHANGED_TITLE = 'The sources changed since this session was saved';

export function useSourceCheck(host: Pick<PaneHost, 'port'>, request: (body: RequestBody) => Promise<WorkerOutcome>, announce: (text: string) => void) {
  const [changes, setChanges] = useState<readonly SourceChange[] | null>(null);

  /** Compares the sheets now with the saved fingerprints; the changes (none when the session never ran), or null when it could not tell. */
  async function check(saved: Readonly<Record<string, string>>): Promise<readonly SourceChange[] | null> {
    const names = Object.keys(saved).filter((n) => saved[n]);
    if (names.length === 0) return [];
    try {
      const present = new Set((await host.port.listSheets()).map((s) => s.name));
      const sheets: SheetData[] = [];
      for (const name of names) if (present.has(name)) sheets.push(await host.port.readSheet(name));
      const out = await request({ kind: 'fingerprint', sheets });
      if (out.kind !== 'fingerprints') return null;
      const found = changedSources(saved, Object.fromEntries(names.map((n) => [n, out.fingerprints[n] ?? null])));
      setChanges(found);
      // Said in words for screen readers too (the bar itself is SourcesChangedBar).
      if (found.length) announce(`${SOURCES_CHANGED_TITLE}: ${sourcesChangedText(found)}`);
      return found;
    } catch {
      return null; // the run will say it
    }
  }

  /** Forgets what was found (dismissed, or a run says it now). */
  const clear = () => setChanges(null);

  return { changes, check, clear };
}
