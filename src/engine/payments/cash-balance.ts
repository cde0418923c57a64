/**
 * Cash balancing: the receipts posted per channel per day against the bank statement's credits, to
 * the penny. A channel settled in one credit a day (Allpay, the cash office's banking, card
 * settlements) is matched day total to credit within a lag; a channel credited line by line (bank
 * transfers) is compared day by day. Differences are listed, aged, and carried forward as open items
 * until a later credit clears them.
 */
import { z } from 'zod';
import type { Category } from '../categories';
import { addDays, daysBetween, type IsoDate } from '../dates';
import { formatPence, parsePence, sumPence, toPence, type Pence } from '../money';
import type { CellSpec, SheetSpec } from '../sheet-spec';
import type { LedgerBatch } from './import-ledger';
import { CASH_NOTE } from './messages';
import { receiptChannel, regexText } from './profile';

/** Receipts posted for one channel on one day (the batches of every file imported for it). */
export interface ReceiptDay {
  readonly channel: Category;
  readonly date: IsoDate;
  readonly amount: Pence;
  readonly batchRefs: readonly string[];
}

export interface BankCredit {
  readonly date: IsoDate;
  readonly amount: Pence;
  /** The statement's description (bank details masked). */
  readonly text: string;
  /** Where it is: "statement.csv line 7". */
  readonly source: string;
}

/** A difference not yet cleared, carried from one balancing to the next. */
export interface OpenItem {
  readonly kind: 'unsettled' | 'unexpected-credit';
  readonly channel: Category;
  /** The receipts day (unsettled) or the credit's date (unexpected). */
  readonly date: IsoDate;
  /** Outstanding, always positive: money posted not yet credited, or credited with no receipts behind it. */
  readonly amount: Pence;
  readonly batchRefs: readonly string[];
  readonly note: string;
}

export type CashStatus = 'agreed' | 'short' | 'over' | 'missing' | 'pending' | 'unexpected' | 'cleared';

export interface CashBalanceRow {
  readonly channel: Category;
  readonly date: IsoDate;
  readonly batchRefs: readonly string[];
  readonly receipts: Pence;
  readonly credited: Pence;
  /** receipts - credited: positive = money posted to tenants but not in the bank. */
  readonly difference: Pence;
  readonly status: CashStatus;
  readonly creditDate: IsoDate | null;
  readonly creditText: string;
  readonly ageDays: number;
  /** Brought forward from an earlier balancing. */
  readonly broughtForward: boolean;
}

export interface CashBalance {
  readonly asOf: IsoDate;
  readonly rows: readonly CashBalanceRow[];
  /** What to carry to the next balancing. */
  readonly open: readonly OpenItem[];
  readonly totals: { readonly receipts: Pence; readonly credited: Pence; readonly difference: Pence };
}


export const cashBalanceConfigSchema = z
  .object({
    /** Channels settled by one credit a day, recognised by a pattern over the statement's description, within lagDays of the receipts day. */
    settlements: z
      .array(z.object({ channel: receiptChannel, pattern: regexText, lagDays: z.number().int().min(0).max(31).default(5) }).strict())
      .default([
        { channel: 'ALLPAY', pattern: '^ALLPAY', lagDays: 5 },
        { channel: 'CASH', pattern: '^CASH OFFICE', lagDays: 5 },
        { channel: 'CARD', pattern: '^CARD SETTLEMENT', lagDays: 5 },
      ]),
    /** The channel credited line by line: every other credit on the statement belongs to it. */
    individual: receiptChannel.default('BANK'),
    /** A settlement differing from its day's receipts by more than this share is not taken as that day's (short or over) settlement. */
    nearTolerancePercent: z.number().min(0).max(100).default(10),
    /** The channels to balance; empty: every channel above. */
    channels: z.array(receiptChannel).default([]),
  })
  .strict();

export type CashBalanceConfig = z.output<typeof cashBalanceConfigSchema>;
export const DEFAULT_CASH_BALANCE: CashBalanceConfig = cashBalanceConfigSchema.parse({});

/** The ledger's batches summed per channel per day. */
export function receiptDays(batches: readonly LedgerBatch[]): ReceiptDay[] {
  const m = new Map<string, { channel: Category; date: IsoDate; amount: number; refs: string[] }>();
  for (const b of batches) {
    const k = `${b.channel}|${b.date}`;
    const e = m.get(k);
    if (e) {
      e.amount += b.total;
      e.refs.push(b.batchRef);
    } else m.set(k, { channel: b.channel, date: b.date, amount: b.total, refs: [b.batchRef] });
  }
  return [...m.values()].map((e) => ({ channel: e.channel, date: e.date, amount: toPence(e.amount), batchRefs: e.refs })).sort((a, b) => cmp(a.date, b.date) || cmp(a.channel, b.channel));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Due {
  readonly channel: Category;
  readonly date: IsoDate;
  readonly amount: Pence;
  readonly batchRefs: readonly string[];
  readonly carried: boolean;
  readonly note: string;
}

interface Credit extends BankCredit {
  claimed: boolean;
  readonly carried: boolean;
  readonly channel: Category;
}

/**
 * Balances the receipts posted against the statement's credits as of a day. `receipts` are the days
 * to balance (callers choose the range); `carried` are the open items of the last balancing.
 */
export function balanceCash(receipts: readonly ReceiptDay[], credits: readonly BankCredit[], carried: readonly OpenItem[], asOf: IsoDate, config: CashBalanceConfig = DEFAULT_CASH_BALANCE): CashBalance {
  const rows: CashBalanceRow[] = [];
  const open: OpenItem[] = [];
  const wanted = (c: Category): boolean => config.channels.length === 0 || config.channels.includes(c);
  const rules = config.settlements.filter((s) => wanted(s.channel)).map((s) => ({ ...s, re: new RegExp(s.pattern, 'i') }));
  const settled = new Set(rules.map((r) => r.channel));
  const allRules = config.settlements.map((s) => ({ ...s, re: new RegExp(s.pattern, 'i') }));
  const classify = (c: BankCredit): Category => allRules.find((r) => r.re.test(c.text))?.channel ?? config.individual;
  const age = (d: IsoDate): number => Math.max(0, daysBetween(d, asOf));
  const carriedDays = new Set(carried.filter((o) => o.kind === 'unsettled').map((o) => `${o.channel}|${o.date}`));

  const allCredits: Credit[] = [
    ...carried.filter((o) => o.kind === 'unexpected-credit').map((o): Credit => ({ date: o.date, amount: o.amount, text: o.note, source: 'brought forward', claimed: false, carried: true, channel: o.channel })),
    ...credits.map((c): Credit => ({ ...c, claimed: false, carried: false, channel: classify(c) })),
  ];

  // Channels settled in one credit a day: exact amounts first, then the nearest credit in the window.
  for (const rule of rules) {
    const dues: Due[] = [
      ...carried.filter((o) => o.kind === 'unsettled' && o.channel === rule.channel).map((o): Due => ({ ...o, carried: true })),
      // A day carried forward is balanced by its carried item (what is still outstanding), not again in full.
      ...receipts.filter((r) => r.channel === rule.channel && !carriedDays.has(`${r.channel}|${r.date}`)).map((r): Due => ({ ...r, carried: false, note: '' })),
    ].sort((a, b) => cmp(a.date, b.date) || Number(b.carried) - Number(a.carried));
    const pool = allCredits.filter((c) => c.channel === rule.channel).sort((a, b) => cmp(a.date, b.date) || a.amount - b.amount);
    const inWindow = (d: Due, c: Credit): boolean => !c.claimed && c.date >= d.date && c.date <= addDays(d.date, rule.lagDays);
    const left: Due[] = [];
    for (const d of dues) {
      const c = pool.find((x) => inWindow(d, x) && x.amount === d.amount);
      if (!c) {
        left.push(d);
        continue;
      }
      c.claimed = true;
      rows.push({ channel: d.channel, date: d.date, batchRefs: d.batchRefs, receipts: d.amount, credited: c.amount, difference: toPence(0), status: d.carried ? 'cleared' : 'agreed', creditDate: c.date, creditText: c.text, ageDays: age(d.date), broughtForward: d.carried });
    }
    // Near matches: the pairs within the window whose amounts differ least go first, so a short
    // settlement pairs with its own day, not a neighbour's; beyond the tolerance it is no pair.
    const pairs: { d: Due; c: Credit; gap: number }[] = [];
    for (const d of left) {
      for (const c of pool) {
        if (!inWindow(d, c) || c.carried) continue;
        const gap = Math.abs(c.amount - d.amount);
        if (gap * 100 <= d.amount * config.nearTolerancePercent) pairs.push({ d, c, gap });
      }
    }
    pairs.sort((a, b) => a.gap - b.gap || cmp(a.d.date, b.d.date) || cmp(a.c.date, b.c.date));
    const paired = new Map<Due, Credit>();
    for (const p of pairs) {
      if (paired.has(p.d) || p.c.claimed) continue;
      p.c.claimed = true;
      paired.set(p.d, p.c);
    }
    for (const d of left) {
      const c = paired.get(d);
      if (c) {
        const difference = toPence(d.amount - c.amount);
        const status: CashStatus = difference > 0 ? 'short' : 'over';
        rows.push({ channel: d.channel, date: d.date, batchRefs: d.batchRefs, receipts: d.amount, credited: c.amount, difference, status, creditDate: c.date, creditText: c.text, ageDays: age(d.date), broughtForward: d.carried });
        if (difference > 0) open.push({ kind: 'unsettled', channel: d.channel, date: d.date, amount: difference, batchRefs: d.batchRefs, note: CASH_NOTE.settledShort(formatPence(difference), c.text, c.date) });
        else open.push({ kind: 'unexpected-credit', channel: d.channel, date: c.date, amount: toPence(-difference), batchRefs: d.batchRefs, note: CASH_NOTE.overSettled(formatPence(toPence(-difference)), c.date, c.text) });
        continue;
      }
      const due = daysBetween(d.date, asOf) <= rule.lagDays;
      rows.push({ channel: d.channel, date: d.date, batchRefs: d.batchRefs, receipts: d.amount, credited: toPence(0), difference: d.amount, status: due ? 'pending' : 'missing', creditDate: null, creditText: '', ageDays: age(d.date), broughtForward: d.carried });
      open.push({ kind: 'unsettled', channel: d.channel, date: d.date, amount: d.amount, batchRefs: d.batchRefs, note: d.note || (due ? CASH_NOTE.notYetDue : CASH_NOTE.noCredit) });
    }
  }

  // The channel credited line by line: day by day, posted receipts against the other credits.
  const ind = config.individual;
  if (!settled.has(ind) && wanted(ind)) {
    const byDay = new Map<IsoDate, { receipts: number; refs: string[]; credited: number; texts: string[]; carried: boolean }>();
    const at = (d: IsoDate) => {
      let e = byDay.get(d);
      if (!e) byDay.set(d, (e = { receipts: 0, refs: [], credited: 0, texts: [], carried: false }));
      return e;
    };
    for (const r of receipts) if (r.channel === ind) Object.assign(at(r.date), { receipts: at(r.date).receipts + r.amount, refs: [...at(r.date).refs, ...r.batchRefs] });
    for (const c of allCredits) if (c.channel === ind && !c.carried) {
      const e = at(c.date);
      e.credited += c.amount;
      e.texts.push(c.text);
    }
    for (const o of carried) if (o.channel === ind && !byDay.has(o.date)) open.push(o);
    for (const o of carried) if (o.channel === ind && byDay.has(o.date)) at(o.date).carried = true;
    for (const [date, e] of [...byDay.entries()].sort(([a], [b]) => cmp(a, b))) {
      const difference = toPence(e.receipts - e.credited);
      const status: CashStatus = difference === 0 ? (e.carried ? 'cleared' : 'agreed') : difference > 0 ? 'short' : 'over';
      rows.push({ channel: ind, date, batchRefs: e.refs, receipts: toPence(e.receipts), credited: toPence(e.credited), difference, status, creditDate: e.credited ? date : null, creditText: e.texts.length === 1 ? (e.texts[0] as string) : `${e.texts.length} credits`, ageDays: age(date), broughtForward: e.carried });
      if (difference !== 0)
        open.push({ kind: difference > 0 ? 'unsettled' : 'unexpected-credit', channel: ind, date, amount: toPence(Math.abs(difference)), batchRefs: e.refs, note: difference > 0 ? CASH_NOTE.notCredited : CASH_NOTE.notPosted });
    }
  }

  // Credits no receipts explain.
  for (const c of allCredits) {
    if (c.claimed || !settled.has(c.channel)) continue;
    rows.push({ channel: c.channel, date: c.date, batchRefs: [], receipts: toPence(0), credited: c.amount, difference: toPence(-c.amount), status: 'unexpected', creditDate: c.date, creditText: c.text, ageDays: age(c.date), broughtForward: c.carried });
    open.push({ kind: 'unexpected-credit', channel: c.channel, date: c.date, amount: c.amount, batchRefs: [], note: c.text });
  }
  rows.sort((a, b) => cmp(a.channel, b.channel) || cmp(a.date, b.date));
  open.sort((a, b) => cmp(a.channel, b.channel) || cmp(a.date, b.date));
  const totals = { receipts: sumPence(rows.map((r) => r.receipts)), credited: sumPence(rows.map((r) => r.credited)), difference: sumPence(rows.map((r) => r.difference)) };
  return { asOf, rows, open, totals };
}

export const CASH_COLUMNS = ['Channel', 'Date', 'Batch Refs', 'Receipts Posted', 'Credited', 'Difference', 'Status', 'Credit Date', 'Credit', 'Age (days)', 'Brought Forward'] as const;

/** The balancing as an audit-pack sheet: one row per channel's day, live totals, differences aged. */
export function cashBalanceSheet(result: CashBalance): SheetSpec {
  const t = (value: string): CellSpec => ({ kind: 'text', value });
  const rows: (CellSpec | null)[][] = [CASH_COLUMNS.map((c): CellSpec => ({ kind: 'text', value: c, style: 'heading' }))];
  for (const r of result.rows) {
    rows.push([
      t(r.channel),
      { kind: 'date', value: r.date },
      t(r.batchRefs.join(' ')),
      { kind: 'money', value: r.receipts },
      { kind: 'money', value: r.credited },
      { kind: 'money', value: r.difference },
      { kind: 'text', value: r.status, style: r.status === 'agreed' || r.status === 'cleared' || r.status === 'pending' ? 'status-ok' : 'status-bad' },
      r.creditDate ? { kind: 'date', value: r.creditDate } : null,
      t(r.creditText),
      { kind: 'number', value: r.ageDays },
      t(r.broughtForward ? 'yes' : ''),
    ]);
  }
  const n = result.rows.length;
  const sum = (col: string, v: Pence): CellSpec => ({ kind: 'formula', formula: n > 0 ? `ROUND(SUM(${col}2:${col}${n + 1}),2)` : '0', result: { kind: 'money', value: v }, style: 'total' });
  rows.push([{ kind: 'text', value: `Total as of ${result.asOf}`, style: 'total' }, null, null, sum('D', result.totals.receipts), sum('E', result.totals.credited), sum('F', result.totals.difference)]);
  return {
    key: 'payments.cash-balancing',
    name: 'HL Cash balancing',
    rows,
    columnWidths: [10, 12, 30, 16, 16, 14, 12, 12, 40, 10, 10],
    tables: [{ name: 'HL_Cash_balancing', headerRow: 0, firstCol: 0, columns: [...CASH_COLUMNS], rowCount: n }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

// The carried-forward file (CLI): money as decimal strings.
const openSchema = z.object({
  format: z.literal('housing-ledger/cash-open-items'),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  items: z.array(
    z.object({
      kind: z.enum(['unsettled', 'unexpected-credit']),
      channel: receiptChannel,
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      amount: z.string().refine((s) => parsePence(s) !== null && (parsePence(s) as number) > 0, 'not a positive amount'),
      batchRefs: z.array(z.string()),
      note: z.string(),
    }),
  ),
});

export function openItemsToJson(result: CashBalance): unknown {
  return { format: 'housing-ledger/cash-open-items', asOf: result.asOf, items: result.open.map((o) => ({ ...o, amount: formatPence(o.amount) })) };
}

export function openItemsFromJson(json: unknown): { ok: true; asOf: IsoDate; items: OpenItem[] } | { ok: false; problems: string[] } {
  const p = openSchema.safeParse(json);
  if (!p.success) return { ok: false, problems: p.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`) };
  return { ok: true, asOf: p.data.asOf as IsoDate, items: p.data.items.map((i) => ({ ...i, date: i.date as IsoDate, amount: parsePence(i.amount) as Pence })) };
}
