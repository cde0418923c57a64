/**
 * The P&L and KPI pack as sheets (issue 16, item 5): four detail sheets (the P&L's lines, the year's
 * owner transactions, the accounts as of the month's end, the notices) and two summary sheets whose
 * every figure is a formula over them, with native charts over the summary cells, so a change in the
 * detail moves the figures and the charts. Each formula's cached result is the engine's figure
 * (./figures.ts); a recalculation must give the same.
 *
 * Criteria in the formulas are numbers (a line's number, a month's number) or the product's own words
 * (BILL, Y, live), never a person's text: a cost category such as "<50" or "Legal*" would otherwise
 * be read by SUMIFS as a comparison or a wildcard.
 */
import { columnLetter } from '../../cells';
import { formatUkDate, type IsoDate } from '../../dates';
import { sumPence, toPence, type Pence } from '../../money';
import type { CellSpec, ChartSpec, SheetSpec } from '../../sheet-spec';
import { billOnTime, BUCKETS, LINE, statementInYear, type DebtAccount, type DetailLine, type Group, type Kpis, type NoticeLine, type Pnl, type ReportTransaction } from './figures';
import { categoryKey } from './costs';

export const SHEET = {
  pnl: 'HL Factoring P&L',
  kpis: 'HL Factoring KPIs',
  detail: 'HL Factoring P&L Detail',
  transactions: 'HL Factoring Transactions',
  debt: 'HL Factoring Debt',
  notices: 'HL Factoring Notices',
} as const;

const GROUPS: readonly Group[] = ['Own income', 'Recharges', 'Costs', 'Write-offs'];

const text = (value: string, style?: CellSpec['style']): CellSpec => (style ? { kind: 'text', value, style } : { kind: 'text', value });
const money = (value: Pence, style?: CellSpec['style']): CellSpec => (style ? { kind: 'money', value, style } : { kind: 'money', value });
const num = (value: number): CellSpec => ({ kind: 'number', value });
const date = (value: IsoDate | null): CellSpec | null => (value === null ? null : { kind: 'date', value });
const fm = (formula: string, value: Pence, style?: CellSpec['style']): CellSpec => ({ kind: 'formula', formula, result: { kind: 'money', value }, ...(style ? { style } : {}) });
const fn = (formula: string, value: number, style?: CellSpec['style']): CellSpec => ({ kind: 'formula', formula, result: { kind: 'number', value }, ...(style ? { style } : {}) });
const q = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
/** A column of a detail sheet's data rows: 'HL Factoring Debt'!$C$2:$C$41 (one blank row when empty, as the table has). */
const col = (sheet: string, letter: string, rows: number): string => `${q(sheet)}!$${letter}$2:$${letter}$${Math.max(1, rows) + 1}`;
const heading = (labels: readonly string[]): CellSpec[] => labels.map((h) => text(h, 'heading'));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-12" as "Dec 2026". */
export const monthLabel = (m: string): string => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? m.slice(5, 7)} ${m.slice(0, 4)}`;

// ---- the P&L detail -------------------------------------------------------------------------

const DETAIL_COLUMNS = ['Month', 'Month No', 'Group', 'Group No', 'Line', 'Line No', 'Source', 'Reference', 'Amount'] as const;

/** The P&L line number (1-based, report order) of a detail line. */
function lineNumberOf(pnl: Pnl, l: { group: Group; line: string }): number {
  return pnl.lines.findIndex((x) => x.group === l.group && categoryKey(x.line) === categoryKey(l.line)) + 1;
}

export function detailSheet(pnl: Pnl, detail: readonly DetailLine[]): SheetSpec {
  const monthNo = new Map(pnl.months.map((m, i) => [m, i + 1]));
  return {
    key: 'factoring.report.detail',
    name: SHEET.detail,
    rows: [
      heading(DETAIL_COLUMNS),
      ...detail.map((l) => [text(l.month), num(monthNo.get(l.month) ?? 0), text(l.group), num(GROUPS.indexOf(l.group) + 1), text(l.line), num(lineNumberOf(pnl, l)), text(l.source), text(l.reference), money(l.amount)]),
    ],
    columnWidths: [9, 9, 12, 9, 26, 8, 22, 34, 13],
    tables: [{ name: 'HL_FactoringPnlDetail', headerRow: 0, firstCol: 0, columns: [...DETAIL_COLUMNS], rowCount: detail.length }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

// ---- the P&L --------------------------------------------------------------------------------

/** Where the P&L sheet keeps the totals the KPI sheet reads (1-based rows). */
export interface PnlCells {
  readonly management: number;
  readonly ownIncome: number;
  readonly costs: number;
}

export function pnlSheet(pnl: Pnl, detailRows: number, budgetName: string | null): { sheet: SheetSpec; cells: PnlCells } {
  const amount = col(SHEET.detail, 'I', detailRows);
  const monthNo = col(SHEET.detail, 'B', detailRows);
  const groupNo = col(SHEET.detail, 'D', detailRows);
  const lineNo = col(SHEET.detail, 'F', detailRows);
  const thisMonth = pnl.months.length;
  const hasBudget = pnl.budgetTotals !== null;
  const first = pnl.months[0] as string;
  const rows: (CellSpec | null)[][] = [
    [text(`Factoring P&L, ${monthLabel(pnl.month)}`, 'title')],
    [text(`Year to date: ${monthLabel(first)} to ${monthLabel(pnl.month)}. Every figure is a formula over '${SHEET.detail}'. Budget: ${budgetName ?? 'none given'}. Variance = year to date - budget.`, 'note')],
    [],
    heading(['Line', 'This month', 'Year to date', 'Budget to date', 'Variance']),
  ];
  const r = (): number => rows.length + 1; // the Excel row the next push lands on
  const totals = new Map<Group, number>();
  const lineRows = new Map<string, number>();
  for (const group of GROUPS) {
    const lines = pnl.lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.group === group);
    rows.push([text(group === 'Recharges' ? 'Pass-through recharges (billed to owners, paid to suppliers; not income)' : group === 'Write-offs' ? 'Bad debt and write-offs' : group, 'heading')]);
    const start = r();
    for (const { l, n } of lines) {
      const row = r();
      lineRows.set(`${group}|${l.line}`, row);
      rows.push([
        text(l.line),
        fm(`SUMIFS(${amount},${lineNo},${n},${monthNo},${thisMonth})`, l.month),
        fm(`SUMIFS(${amount},${lineNo},${n})`, l.yearToDate),
        l.budget === null ? null : money(l.budget),
        l.budget === null ? null : fm(`C${row}-D${row}`, toPence(l.yearToDate - l.budget)),
      ]);
    }
    if (group === 'Write-offs') {
      totals.set(group, start);
      continue;
    }
    const end = r() - 1;
    const row = r();
    const sum = (letter: string, value: Pence): CellSpec => (end >= start ? fm(`SUM(${letter}${start}:${letter}${end})`, value, 'total') : money(value, 'total'));
    const of = (pick: (l: Pnl['lines'][number]) => Pence | null): Pence => sumPence(lines.map(({ l }) => pick(l) ?? (0 as Pence)));
    const budgeted = hasBudget && group !== 'Recharges';
    rows.push([
      text(`Total ${group.toLowerCase()}`, 'total'),
      sum('B', of((l) => l.month)),
      sum('C', of((l) => l.yearToDate)),
      budgeted ? sum('D', of((l) => l.budget)) : null,
      budgeted ? fm(`C${row}-D${row}`, toPence(of((l) => l.yearToDate) - of((l) => l.budget)), 'total') : null,
    ]);
    totals.set(group, row);
  }
  const own = totals.get('Own income') as number;
  const costs = totals.get('Costs') as number;
  const writeOffs = totals.get('Write-offs') as number;
  const netRow = r();
  const t = pnl.totals;
  const b = pnl.budgetTotals;
  const monthNet = toPence((pnl.byMonth.at(-1)?.ownIncome ?? 0) - (pnl.byMonth.at(-1)?.costs ?? 0) - (pnl.byMonth.at(-1)?.writeOffs ?? 0));
  rows.push([
    text('Net (own income - costs - write-offs)', 'total'),
    fm(`B${own}-B${costs}-B${writeOffs}`, monthNet, 'total'),
    fm(`C${own}-C${costs}-C${writeOffs}`, t.net, 'total'),
    b ? fm(`D${own}-D${costs}-D${writeOffs}`, b.net, 'total') : null,
    b ? fm(`C${netRow}-D${netRow}`, toPence(t.net - b.net), 'total') : null,
  ]);
  rows.push([]);
  // Month by month: the first chart's data.
  const byMonthTop = rows.length;
  rows.push(heading(['Month', 'Own income', 'Costs', 'Write-offs']));
  pnl.byMonth.forEach((m, i) => {
    const g = (n: number, v: Pence): CellSpec => fm(`SUMIFS(${amount},${groupNo},${n},${monthNo},${i + 1})`, v);
    rows.push([text(monthLabel(m.month)), g(1, m.ownIncome), g(3, m.costs), g(4, m.writeOffs)]);
  });
  const byMonthBottom = rows.length - 1;
  rows.push([]);
  // Year to date against budget: the second chart's data.
  const ytdTop = rows.length;
  rows.push(heading(hasBudget ? ['Year to date', 'Actual', 'Budget'] : ['Year to date', 'Actual']));
  const ytdRow = (label: string, row: number, actual: Pence, budget: Pence | undefined): (CellSpec | null)[] => [text(label), fm(`C${row}`, actual), ...(b && budget !== undefined ? [fm(`D${row}`, budget)] : [])];
  rows.push(ytdRow('Own income', own, t.ownIncome, b?.ownIncome));
  rows.push(ytdRow('Costs', costs, t.costs, b?.costs));
  rows.push(ytdRow('Write-offs', writeOffs, t.writeOffs, b?.writeOffs));
  rows.push(ytdRow('Net', netRow, t.net, b?.net));
  const ytdBottom = rows.length - 1;
  const charts: ChartSpec[] = [
    { type: 'column', title: 'Own income, costs and write-offs by month', data: { top: byMonthTop, left: 0, bottom: byMonthBottom, right: 3 }, at: { row: 3, col: 6, cols: 9, rows: 16 } },
    { type: 'column', title: hasBudget ? 'Year to date against budget' : 'Year to date', data: { top: ytdTop, left: 0, bottom: ytdBottom, right: hasBudget ? 2 : 1 }, at: { row: 20, col: 6, cols: 9, rows: 16 } },
  ];
  const management = lineRows.get(`Own income|${LINE.management}`) as number;
  return {
    sheet: { key: 'factoring.report.pnl', name: SHEET.pnl, rows, columnWidths: [44, 14, 14, 15, 14], tables: [], freeze: null, protect: true, charts },
    cells: { management, ownIncome: own, costs },
  };
}

// ---- transactions, accounts, notices --------------------------------------------------------

const TX_COLUMNS = ['Date', 'Due Date', 'Owner Ref', 'Property Ref', 'Type', 'Amount', 'Reference', 'Disputed', 'Bill On Time'] as const;

export function transactionsSheet(tx: readonly ReportTransaction[]): SheetSpec {
  return {
    key: 'factoring.report.transactions',
    name: SHEET.transactions,
    rows: [
      heading(TX_COLUMNS),
      ...tx.map((t) => [date(t.date), date(t.dueDate), text(t.owner), text(t.property), text(t.type), money(t.amount), text(t.reference), text(t.disputed ? 'Y' : 'N'), t.type === 'BILL' ? text(billOnTime(t.date) ? 'Y' : 'N') : null]),
    ],
    columnWidths: [11, 11, 10, 12, 11, 12, 24, 9, 12],
    tables: [{ name: 'HL_FactoringYearTransactions', headerRow: 0, firstCol: 0, columns: [...TX_COLUMNS], rowCount: tx.length }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

const DEBT_COLUMNS = ['Owner Ref', 'Property Ref', 'Balance', ...BUCKETS, 'Disputed', 'Stage', 'Next Action', 'Next Action On', 'Last Bill', 'Statement In Year'] as const;

export function debtSheet(accounts: readonly DebtAccount[], asOf: IsoDate): SheetSpec {
  return {
    key: 'factoring.report.debt',
    name: SHEET.debt,
    rows: [
      heading(DEBT_COLUMNS),
      ...accounts.map((a) => [
        text(a.owner), text(a.property), money(a.balance), ...BUCKETS.map((b) => money(a.aged[b])), money(a.disputed),
        a.stage === null ? null : text(a.stage), a.nextAction === null ? null : text(a.nextAction), date(a.nextActionOn), date(a.lastBill),
        text(statementInYear(a.lastBill, asOf) ? 'Y' : 'N'),
      ]),
    ],
    columnWidths: [10, 12, 12, 11, 11, 11, 11, 11, 11, 14, 14, 14, 11, 10],
    tables: [{ name: 'HL_FactoringDebt', headerRow: 0, firstCol: 0, columns: [...DEBT_COLUMNS], rowCount: accounts.length }],
    freeze: { rows: 1, cols: 2 },
    protect: true,
  };
}

const NOTICE_COLUMNS = ['Notice Ref', 'Property Ref', 'Owner Ref', 'Registered On', 'Last Valid Day', 'Status', 'Alert', 'Renewed By', 'To Discharge'] as const;

export function noticesSheet(notices: readonly NoticeLine[]): SheetSpec {
  return {
    key: 'factoring.report.notices',
    name: SHEET.notices,
    rows: [
      heading(NOTICE_COLUMNS),
      ...notices.map((n) => [text(n.notice), text(n.property), text(n.owner), date(n.registeredOn), date(n.lastValidDay), text(n.status), n.alert === null ? null : num(n.alert), n.renewedBy === null ? null : text(n.renewedBy), text(n.toDischarge ? 'Y' : 'N')]),
    ],
    columnWidths: [12, 12, 10, 13, 13, 11, 7, 12, 12],
    tables: [{ name: 'HL_FactoringNotices', headerRow: 0, firstCol: 0, columns: [...NOTICE_COLUMNS], rowCount: notices.length }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

// ---- the KPIs -------------------------------------------------------------------------------

export function kpiSheet(k: Kpis, asOf: IsoDate, counts: { readonly transactions: number; readonly accounts: number; readonly notices: number }, pnlCells: PnlCells): SheetSpec {
  const tx = (letter: string): string => col(SHEET.transactions, letter, counts.transactions);
  const debt = (letter: string): string => col(SHEET.debt, letter, counts.accounts);
  const nt = (letter: string): string => col(SHEET.notices, letter, counts.notices);
  const pnl = (cell: string): string => `${q(SHEET.pnl)}!${cell}`;
  const rows: (CellSpec | null)[][] = [
    [text(`Factoring KPIs as of ${formatUkDate(asOf)}`, 'title')],
    [text(`Year to date from 1 April. Every figure is a formula over the detail sheets ('${SHEET.transactions}', '${SHEET.debt}', '${SHEET.notices}') and the P&L; docs/factoring-report.md defines each.`, 'note')],
    [],
    heading(['Measure', 'Value', 'How it is worked out']),
  ];
  const r = (): number => rows.length + 1;
  const billedRow = r();
  rows.push([text('Billed in the year (£)'), fm(`SUMIFS(${tx('F')},${tx('E')},"BILL")+SUMIFS(${tx('F')},${tx('E')},"FEE")`, k.billedInYear), text('BILL and FEE amounts dated in the year')]);
  const collectedRow = r();
  rows.push([text('Collected in the year (£)'), fm(`-SUMIFS(${tx('F')},${tx('E')},"PAYMENT")`, k.collectedInYear), text('PAYMENT amounts dated in the year')]);
  const arrearsRow = r();
  rows.push([text('Arrears (£)'), fm(`SUMIF(${debt('C')},">0")`, k.arrears), text('balances owed at the month end')]);
  rows.push([text('Collection rate (%)'), fn(`ROUND(IF(B${billedRow}=0,0,B${collectedRow}/B${billedRow}*100),1)`, k.collectionRate, 'total'), text('collected / billed x 100')]);
  rows.push([text('Arrears as % of billed'), fn(`ROUND(IF(B${billedRow}=0,0,B${arrearsRow}/B${billedRow}*100),1)`, k.arrearsPercent, 'total'), text('arrears / billed x 100')]);
  rows.push([
    text('Bills issued on time (%)'),
    fn(`ROUND(IF(COUNTIF(${tx('E')},"BILL")=0,0,COUNTIFS(${tx('E')},"BILL",${tx('I')},"Y")/COUNTIF(${tx('E')},"BILL")*100),1)`, k.billsOnTime, 'total'),
    text('bills dated within 30 days of a quarter end'),
  ]);
  rows.push([
    text('Statements in the last 12 months (%)'),
    fn(`ROUND(IF(COUNTA(${debt('A')})=0,0,COUNTIF(${debt('N')},"Y")/COUNTA(${debt('A')})*100),1)`, k.statementsOnTime, 'total'),
    text('accounts billed in the 12 months to the month end'),
  ]);
  const unitsRow = r();
  rows.push([text('Units factored'), num(k.units), text("properties on the register not the landlord's own")]);
  rows.push([text('Fee per unit, year to date (£)'), fm(`ROUND(IF(B${unitsRow}=0,0,${pnl(`C${pnlCells.management}`)}/B${unitsRow}),2)`, k.feePerUnit, 'total'), text('management fees / units')]);
  rows.push([
    text('Cost recovery (%)'),
    fn(`ROUND(IF(${pnl(`C${pnlCells.costs}`)}=0,0,${pnl(`C${pnlCells.ownIncome}`)}/${pnl(`C${pnlCells.costs}`)}*100),1)`, k.costRecovery, 'total'),
    text('own income / costs x 100'),
  ]);
  rows.push([]);
  const agedTop = rows.length;
  rows.push(heading(['Aged debt (days past due)', 'Amount']));
  BUCKETS.forEach((b, i) => rows.push([text(b), fm(`SUM(${debt(columnLetter(4 + i))})`, k.aged[b])]));
  const agedBottom = rows.length - 1;
  rows.push([text('Disputed (not aged)'), fm(`SUM(${debt('I')})`, k.disputed)]);
  rows.push([]);
  const nTop = rows.length;
  rows.push(heading(['Notices of Potential Liability', 'Count']));
  rows.push([text('Live'), fn(`COUNTIF(${nt('F')},"live")`, k.notices.live)]);
  rows.push([text('Expiring (alert at 90, 60 or 30 days)'), fn(`COUNTIFS(${nt('F')},"live",${nt('G')},">0")`, k.notices.expiring)]);
  rows.push([text('Missing (debt over the NoPL trigger, no notice)'), fn(`COUNTIF(${nt('F')},"missing")`, k.notices.missing)]);
  rows.push([text('Lapsed'), fn(`COUNTIF(${nt('F')},"lapsed")`, k.notices.lapsed)]);
  rows.push([text('To discharge (account cleared)'), fn(`COUNTIF(${nt('I')},"Y")`, k.notices.toDischarge)]);
  const nBottom = rows.length - 1;
  const charts: ChartSpec[] = [
    { type: 'column', title: 'Aged debt (undisputed), £', data: { top: agedTop, left: 0, bottom: agedBottom, right: 1 }, at: { row: 3, col: 4, cols: 8, rows: 15 } },
    { type: 'bar', title: 'Notices of Potential Liability', data: { top: nTop, left: 0, bottom: nBottom, right: 1 }, at: { row: 19, col: 4, cols: 8, rows: 15 } },
  ];
  return { key: 'factoring.report.kpis', name: SHEET.kpis, rows, columnWidths: [44, 14, 44], tables: [], freeze: null, protect: true, charts };
}
