/**
 * The clearance journal: money moved out of the suspense account onto tenants' accounts, one line
 * per item cleared, with why and by whom. It moves exactly the money of the items it clears and
 * never clears an item twice. As a sheet for the audit pack and as CSV for the housing system.
 */
import { formatUkDate, type IsoDate } from '../dates';
import { formatPence, sumPence, type Pence } from '../money';
import type { SuspenseItem } from '../records';
import { csvText } from '../csv';
import type { CellSpec, SheetSpec } from '../sheet-spec';
import type { SuspenseMatch } from './match-suspense';
import { JOURNAL_REFUSED } from './messages';

export interface ClearanceDecision {
  readonly item: string;
  readonly account: string;
  /** 'rule' for an automatic allocation, else the person who decided. */
  readonly by: string;
  /** When it was decided (ISO date-time from the caller's clock); absent when not recorded. */
  readonly at?: string;
  readonly reason: string;
}

export interface JournalLine {
  readonly item: string;
  readonly date: IsoDate;
  readonly amount: Pence;
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly reason: string;
  /** 'rule' (an automatic allocation) or the named person who chose the account. */
  readonly decidedBy: string;
  /** ISO date-time of the decision, or '' when not recorded. */
  readonly decidedAt: string;
}

export interface ClearanceJournal {
  readonly lines: readonly JournalLine[];
  readonly total: Pence;
  /** Decisions not journalled: an unknown item, or a second decision for an item already cleared. */
  readonly refused: readonly { readonly decision: ClearanceDecision; readonly why: string }[];
}

/** The automatic allocations of a matching run, as decisions by rule (made `at`, when given). */
export function autoDecisions(matches: readonly SuspenseMatch[], at?: string): ClearanceDecision[] {
  return matches.flatMap((m) => (m.decision === 'auto' && m.account !== null ? [{ item: m.item, account: m.account, by: 'rule', ...(at !== undefined ? { at } : {}), reason: m.candidates[0]?.reasons.join('; ') ?? '' }] : []));
}

/** Journals the decisions in order; a person's decision stands over a later one for the same item. */
export function clearanceJournal(items: readonly SuspenseItem[], decisions: readonly ClearanceDecision[], suspenseAccount: string): ClearanceJournal {
  const byItem = new Map(items.map((i) => [i.item, i]));
  const cleared = new Set<string>();
  const lines: JournalLine[] = [];
  const refused: { decision: ClearanceDecision; why: string }[] = [];
  for (const d of decisions) {
    const item = byItem.get(d.item);
    if (!item) {
      refused.push({ decision: d, why: JOURNAL_REFUSED.noSuchItem(d.item) });
      continue;
    }
    if (cleared.has(d.item)) {
      refused.push({ decision: d, why: JOURNAL_REFUSED.alreadyCleared(d.item) });
      continue;
    }
    cleared.add(d.item);
    lines.push({ item: item.item, date: item.date, amount: item.amount, fromAccount: suspenseAccount, toAccount: d.account, reason: d.reason, decidedBy: d.by, decidedAt: d.at ?? '' });
  }
  return { lines, total: sumPence(lines.map((l) => l.amount)), refused };
}

// CSV writing (quoting, formula escaping) lives in ../csv.ts; re-exported for existing callers.
export { csvQuote, csvText } from '../csv';

export const JOURNAL_COLUMNS = ['Item Ref', 'Date', 'Amount', 'From Account', 'To Account', 'Reason', 'Decided By', 'Decided At'] as const;

/** The journal as CSV for import into the housing system: dates dd/mm/yyyy, money as decimal strings. */
export function journalCsv(journal: ClearanceJournal): string {
  // Our own figures go as they are; any text that came from a person or a file is defused.
  const rows = journal.lines.map((l) => [csvText(l.item), formatUkDate(l.date), formatPence(l.amount), csvText(l.fromAccount), csvText(l.toAccount), csvText(l.reason), csvText(l.decidedBy), csvText(l.decidedAt)].join(','));
  return `${[JOURNAL_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The journal as an audit-pack sheet, with a live total. */
export function journalSheet(journal: ClearanceJournal): SheetSpec {
  const t = (value: string): CellSpec => ({ kind: 'text', value });
  const rows: (CellSpec | null)[][] = [JOURNAL_COLUMNS.map((c) => ({ kind: 'text', value: c, style: 'heading' }) as CellSpec)];
  for (const l of journal.lines) rows.push([t(l.item), { kind: 'date', value: l.date }, { kind: 'money', value: l.amount }, t(l.fromAccount), t(l.toAccount), t(l.reason), t(l.decidedBy), t(l.decidedAt)]);
  const n = journal.lines.length;
  rows.push([
    { kind: 'text', value: 'Total cleared', style: 'total' },
    null,
    { kind: 'formula', formula: n > 0 ? `ROUND(SUM(C2:C${n + 1}),2)` : '0', result: { kind: 'money', value: journal.total }, style: 'total' },
  ]);
  return {
    key: 'suspense.journal',
    name: 'HL Clearance journal',
    rows,
    columnWidths: [12, 12, 14, 14, 14, 80, 14, 22],
    tables: [{ name: 'HL_Clearance_journal', headerRow: 0, firstCol: 0, columns: [...JOURNAL_COLUMNS], rowCount: n }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}
