/**
 * The month a workbook most likely reconciles: the month most of the housing system's postings
 * fall in. Only a suggestion for the Settings step; the person confirms it.
 */
import type { SheetData } from '../cells';
import { DEFAULT_CONFIG, type LedgerConfig } from '../config';
import { parseDayFirst, serialToIso, type IsoDate } from '../dates';
import { assignRoles } from './detect';

export function guessPeriod(sheets: readonly SheetData[], config: LedgerConfig = DEFAULT_CONFIG): string | null {
  const tx = assignRoles('', sheets, config).detections.get('transactions');
  if (!tx) return null;
  const sheet = sheets.find((s) => s.name === tx.sheet);
  const col = tx.columns.get('date');
  if (!sheet || !col) return null;
  const counts = new Map<string, number>();
  const i = col.col - sheet.originCol;
  for (let r = tx.headerRow - sheet.originRow + 1; r < sheet.rows.length; r++) {
    const c = sheet.rows[r]?.[i];
    const d: IsoDate | null = typeof c === 'number' ? serialToIso(c) : typeof c === 'string' ? parseDayFirst(c) : null;
    if (!d) continue;
    const m = d.slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [m, n] of counts) if (n > most || (n === most && best !== null && m > best)) [best, most] = [m, n];
  return best;
}

/**
 * The period the Settings step offers: the month most postings fall in, else the month before
 * `today` (month-end work is done after the month closes). `today` comes from the caller's clock.
 */
export function periodToOffer(sheets: readonly SheetData[], today: IsoDate, config: LedgerConfig = DEFAULT_CONFIG): string {
  const guessed = guessPeriod(sheets, config);
  if (guessed !== null) return guessed;
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
