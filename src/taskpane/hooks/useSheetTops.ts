/** The workbook's sheets as the Sources step shows them: their top rows, read when the pane opens and refreshed by each run. */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import type { HandedSheets } from '../../workbook/port';
import type { PaneHost } from '../host';
import { readSheetTops, topOf } from '../read-sheet-tops';

export type Load = { readonly state: 'loading'; readonly text: string; readonly fraction: number | undefined } | { readonly state: 'ready' } | { readonly state: 'error'; readonly text: string };

export function useSheetTops(host: Pick<PaneHost, 'port'>) {
  const [load, setLoad] = useState<Load>({ state: 'loading', text: 'Reading the workbook’s sheets…', fraction: undefined });
  const [sheets, setSheets] = useState<readonly SheetData[]>([]);
  const [rowCounts, setRowCounts] = useState<Readonly<Record<string, number>>>({});
  /** The read under way: stopped when the pane closes, so Excel is asked for nothing more. */
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);

  /** Reads the top of each sheet; null (and the reason shown) when the workbook cannot be read. */
  async function read(live: () => boolean): Promise<readonly SheetData[] | null> {
    const stop = new AbortController();
    reading.current?.abort();
    reading.current = stop;
    try {
      const tops = await readSheetTops(host.port, (sheet, fraction) => live() && setLoad({ state: 'loading', text: `Reading sheet ‘${sheet}’…`, fraction }), { signal: stop.signal });
      if (!live() || stop.signal.aborted) return null;
      setSheets(tops.sheets);
      setRowCounts(tops.rowCounts);
      return tops.sheets;
    } catch (e) {
      if (live() && !stop.signal.aborted) setLoad({ state: 'error', text: `The workbook’s sheets could not be read: ${(e as Error).message}. Nothing was changed.` });
      return null;
    } finally {
      if (reading.current === stop) reading.current = null;
    }
  }

  /** After a run read the sheets whole: recognition follows them as they are now (their tops and row counts). */
  function refresh(whole: HandedSheets): void {
    setSheets(whole.tops.map(topOf));
    setRowCounts(whole.rowCounts);
  }

  // The steps are drawn for the first time once ready: as a transition, React yields to the page meanwhile.
  const ready = () => startTransition(() => setLoad({ state: 'ready' }));
  return { load, sheets, rowCounts, read, refresh, ready };
}
