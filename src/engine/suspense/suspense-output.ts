/** match-suspense outputs: the --json contract and the sheets written with --out. */
import { formatPence } from '../money';
import type { SuspenseItem } from '../records';
import type { CellSpec, SheetSpec } from '../sheet-spec';
import type { SuspenseMatch } from './match-suspense';
import type { SuspenseAgeing } from './suspense-ageing';

/**
 * `{ items: [ { item, decision, account|null, score, candidates: [ { account, score, reasons, pass } ] } ] }`
 * (`pass`, the matching pass that found the candidate, added later: MATCH_PASSES names);
 * given the ageing, each item also carries `daysHeld` and `overAgeLimit`, and the object `ageing`
 * `{ asOf, limitDays, overLimitCount, overLimitTotal }` (extra fields; the contract is unchanged).
 */
export function suspenseToJson(matches: readonly SuspenseMatch[], ageing?: SuspenseAgeing): { items: unknown[]; ageing?: unknown } {
  const aged = new Map((ageing?.lines ?? []).map((l) => [l.item, l]));
  const items = matches.map((m) => {
    const a = aged.get(m.item);
    return {
      item: m.item,
      decision: m.decision,
      account: m.account,
      score: m.score,
      candidates: m.candidates.map((c) => ({ account: c.account, score: c.score, reasons: [...c.reasons], pass: c.pass })),
      ...(a ? { daysHeld: a.daysHeld, overAgeLimit: a.overLimit } : {}),
    };
  });
  if (!ageing) return { items };
  return { items, ageing: { asOf: ageing.asOf, limitDays: ageing.limitDays, overLimitCount: ageing.overLimitCount, overLimitTotal: formatPence(ageing.overLimitTotal) } };
}

const t = (value: string): CellSpec => ({ kind: 'text', value });
const h = (value: string): CellSpec => ({ kind: 'text', value, style: 'heading' });

/** The suspense matches sheet: each item with its decision and best candidates, for a person to work through. */
export function buildSuspenseSheets(matches: readonly SuspenseMatch[], items: readonly SuspenseItem[]): SheetSpec[] {
  const byItem = new Map(items.map((i) => [i.item, i]));
  const columns = ['Item Ref', 'Date', 'Amount', 'Reference', 'Payer', 'Decision', 'Account', 'Score', 'Best candidate', 'Reasons', 'Other candidates'];
  const rows: (CellSpec | null)[][] = [columns.map(h)];
  for (const m of matches) {
    const i = byItem.get(m.item);
    const [best, ...others] = m.candidates;
    rows.push([
      t(m.item),
      i ? { kind: 'date', value: i.date } : null,
      i ? { kind: 'money', value: i.amount } : null,
      t(i?.reference ?? ''),
      t(i?.payer ?? ''),
      t(m.decision),
      t(m.account ?? ''),
      { kind: 'number', value: m.score },
      t(best?.account ?? ''),
      t(best?.reasons.join('; ') ?? ''),
      t(others.map((c) => `${c.account} (${c.score.toFixed(2)})`).join(', ')),
    ]);
  }
  return [
    {
      key: 'suspense.matches',
      name: 'HL Suspense matches',
      rows,
      columnWidths: [12, 12, 12, 18, 24, 10, 14, 8, 14, 70, 30],
      tables: [{ name: 'HL_Suspense_matches', headerRow: 0, firstCol: 0, columns, rowCount: matches.length }],
      freeze: { rows: 1, cols: 0 },
      protect: true,
    },
  ];
}
