/**
 * Suspense ageing: how long each item has been held, as of a date, and which items are past the
 * landlord's policy limit. Auditors flag items left in suspense for long (DOMAIN.md section 4), so
 * the oldest come first. As CSV and as a sheet for the journal workbook.
 */
import { daysBetween, formatUkDate, type IsoDate } from '../dates';
import { formatPence, sumPence, type Pence } from '../money';
import type { SuspenseItem } from '../records';
import type { CellSpec, SheetSpec } from '../sheet-spec';
import { csvText } from './clearance-journal';
import type { SuspenseDecision, SuspenseMatch } from './match-suspense';

export interface AgeingLine {
  readonly item: string;
  readonly date: IsoDate;
  readonly amount: Pence;
  readonly reference: string;
  readonly payer: string;
  /** Days from the item's date to the as-of date (0 for an item dated later). */
  readonly daysHeld: number;
  /** Held longer than the limit: the same rule as the reconciliation's suspense check. */
  readonly overLimit: boolean;
  /** The matcher's decision and best candidate, if a matching run is given. */
  readonly decision: SuspenseDecision | null;
  readonly bestAccount: string | null;
}

export interface SuspenseAgeing {
  readonly asOf: IsoDate;
  readonly limitDays: number;
  readonly lines: readonly AgeingLine[];
  readonly overLimitCount: number;
  readonly overLimitTotal: Pence;
}

/** Days held per item as of `asOf`, oldest first (ties by item ref); items past `limitDays` flagged. */
export function suspenseAgeing(items: readonly SuspenseItem[], asOf: IsoDate, limitDays: number, matches: readonly SuspenseMatch[] = []): SuspenseAgeing {
  const byItem = new Map(matches.map((m) => [m.item, m]));
  const lines = items
    .map((i): AgeingLine => {
      const daysHeld = Math.max(0, daysBetween(i.date, asOf));
      const m = byItem.get(i.item);
      return { item: i.item, date: i.date, amount: i.amount, reference: i.reference, payer: i.payer, daysHeld, overLimit: daysHeld > limitDays, decision: m?.decision ?? null, bestAccount: m?.candidates[0]?.account ?? null };
    })
    .sort((a, b) => b.daysHeld - a.daysHeld || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const over = lines.filter((l) => l.overLimit);
  return { asOf, limitDays, lines, overLimitCount: over.length, overLimitTotal: sumPence(over.map((l) => l.amount)) };
}

export const AGEING_COLUMNS = ['Item Ref', 'Date', 'Amount', 'Reference', 'Payer', 'Days Held', 'Over Limit', 'Decision', 'Best Candidate'] as const;

/** The ageing as CSV: dd/mm/yyyy dates, decimal money, "YES"/"NO" for over the limit, text defused. */
export function ageingCsv(ageing: SuspenseAgeing): string {
  const rows = ageing.lines.map((l) =>
    [csvText(l.item), formatUkDate(l.date), formatPence(l.amount), csvText(l.reference), csvText(l.payer), String(l.daysHeld), l.overLimit ? 'YES' : 'NO', l.decision ?? '', csvText(l.bestAccount ?? '')].join(','),
  );
  return `${[AGEING_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** What a person (or, for an automatic allocation nobody overrode, the rule) decided for an item. */
export interface PersonDecision {
  /** e.g. "allocated to 00101527", "left in suspense". */
  readonly decided: string;
  /** The person's name, or 'rule'. */
  readonly by: string;
}

/** The columns the pack's ageing adds after the matcher's: what was decided and who decided it (issue 11). */
export const AGEING_DECIDED_COLUMNS = ['Decided', 'Decided By'] as const;

/**
 * The ageing as a sheet of the journal workbook: the as-of date and limit above the table. With
 * `decided` (the audit pack), two more columns say what was decided for each item and who decided
 * it, beside the matcher's own decision.
 */
export function ageingSheet(ageing: SuspenseAgeing, decided?: ReadonlyMap<string, PersonDecision>): SheetSpec {
  const columns: string[] = decided ? [...AGEING_COLUMNS, ...AGEING_DECIDED_COLUMNS] : [...AGEING_COLUMNS];
  const t = (value: string): CellSpec => ({ kind: 'text', value });
  const n = ageing.lines.length;
  const rows: (CellSpec | null)[][] = [
    [{ kind: 'text', value: 'Suspense ageing', style: 'title' }],
    [{ kind: 'text', value: 'As of', style: 'label' }, { kind: 'date', value: ageing.asOf }],
    [{ kind: 'text', value: 'Policy limit (days)', style: 'label' }, { kind: 'number', value: ageing.limitDays }],
    [
      { kind: 'text', value: 'Items over the limit', style: 'label' },
      { kind: 'formula', formula: n > 0 ? `COUNTIF(G6:G${n + 5},"YES")` : '0', result: { kind: 'number', value: ageing.overLimitCount } },
      { kind: 'formula', formula: n > 0 ? `ROUND(SUMIF(G6:G${n + 5},"YES",C6:C${n + 5}),2)` : '0', result: { kind: 'money', value: ageing.overLimitTotal } },
    ],
    columns.map((c): CellSpec => ({ kind: 'text', value: c, style: 'heading' })),
  ];
  for (const l of ageing.lines) {
    rows.push([
      t(l.item),
      { kind: 'date', value: l.date },
      { kind: 'money', value: l.amount },
      t(l.reference),
      t(l.payer),
      { kind: 'number', value: l.daysHeld },
      l.overLimit ? { kind: 'text', value: 'YES', style: 'status-bad' } : t('NO'),
      t(l.decision ?? ''),
      t(l.bestAccount ?? ''),
      ...(decided ? [t(decided.get(l.item)?.decided ?? ''), t(decided.get(l.item)?.by ?? '')] : []),
    ]);
  }
  return {
    key: 'suspense.ageing',
    name: 'HL Suspense ageing',
    rows,
    columnWidths: [12, 12, 12, 20, 24, 10, 10, 10, 14, ...(decided ? [24, 18] : [])],
    tables: [{ name: 'HL_Suspense_ageing', headerRow: 4, firstCol: 0, columns, rowCount: n }],
    freeze: { rows: 5, cols: 0 },
    protect: true,
  };
}
