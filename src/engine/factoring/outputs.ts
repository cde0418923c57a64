/**
 * What a released run hands out: the bills (one row per item, the PF number on every owner-facing
 * line, Code of Conduct contents: what is charged, how it was calculated, the share), the
 * distribution list, the run summary tying bills to charges and fees by formula, and the postings
 * for the finance system. Nothing owner-facing is built without a PF number.
 */
import { formatUkDate, type IsoDate } from '../dates';
import { formatPence, type Pence } from '../money';
import type { CellSpec, SheetSpec } from '../sheet-spec';
import { csvText } from '../suspense/clearance-journal';
import type { Bill, BillRun } from './bill-run';
import { formatRational } from './rational';
import type { Owner, Property } from './register';

export interface BillRow {
  readonly pfNumber: string;
  readonly billNo: string;
  readonly owner: string;
  readonly ownerName: string;
  readonly property: string;
  readonly address: string;
  readonly item: string;
  readonly description: string;
  readonly invoiceRef: string;
  readonly date: IsoDate | null;
  readonly totalCost: Pence | null;
  readonly share: string;
  readonly working: string;
  readonly charge: Pence;
}

export const billNo = (quarter: string, b: Pick<Bill, 'owner' | 'property'>): string => `${quarter}/${b.owner}/${b.property}`;

/** Every line of every bill, fees and insurance included, in bill order. */
export function billRows(run: BillRun, pfNumber: string, owners: readonly Owner[], properties: readonly Property[]): BillRow[] {
  const ownerBy = new Map(owners.map((o) => [o.ref, o]));
  const propBy = new Map(properties.map((p) => [p.ref, p]));
  const rows: BillRow[] = [];
  for (const b of run.bills) {
    const base = { pfNumber, billNo: billNo(run.quarter.label, b), owner: b.owner, ownerName: ownerBy.get(b.owner)?.name ?? '', property: b.property, address: propBy.get(b.property)?.address ?? '' };
    for (const l of b.lines) rows.push({ ...base, item: l.heading, description: l.description, invoiceRef: l.invoiceRef, date: l.jobDate, totalCost: l.totalCost, share: formatRational(l.share), working: l.working, charge: l.charge });
    for (const l of b.insuranceLines)
      rows.push({ ...base, item: 'INSURANCE', description: `${l.insurer} policy ${l.policy}, ${formatUkDate(l.from)} to ${formatUkDate(l.to)}`, invoiceRef: l.policy, date: l.from, totalCost: l.premiumPart, share: formatRational(l.share), working: l.working, charge: l.charge });
    rows.push({ ...base, item: 'MANAGEMENT FEE', description: `management fee for ${b.days} day(s) owned in ${run.quarter.label}`, invoiceRef: '', date: null, totalCost: null, share: '', working: `annual fee x ${b.days}/${run.quarter.yearDays} days`, charge: b.managementFee });
    if (b.final) rows.push({ ...base, item: 'ADMIN FEE', description: `final account: ownership ended ${b.settlementDate ? formatUkDate(b.settlementDate) : ''}`, invoiceRef: '', date: b.settlementDate, totalCost: null, share: '', working: 'fee on a change of ownership', charge: b.adminFee });
  }
  return rows;
}

const BILL_COLUMNS = ['PF Number', 'Bill No', 'Owner Ref', 'Owner Name', 'Property Ref', 'Address', 'Item', 'Description', 'Invoice Ref', 'Date', 'Total Cost', 'Share', 'How Calculated', 'Charge'] as const;

const money = (p: Pence | null): string => (p === null ? '' : formatPence(p));

export function billsCsv(rows: readonly BillRow[]): string {
  const lines = [BILL_COLUMNS.join(',')];
  for (const r of rows)
    lines.push([r.pfNumber, r.billNo, r.owner, r.ownerName, r.property, r.address, r.item, r.description, r.invoiceRef, r.date ? formatUkDate(r.date) : '', money(r.totalCost), r.share, r.working, formatPence(r.charge)].map(csvText).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const text = (value: string): CellSpec => ({ kind: 'text', value });

export const BILLS_SHEET = 'HL Factoring Bills';

export function billsSheet(rows: readonly BillRow[]): SheetSpec {
  return {
    key: 'factoring.bills',
    name: BILLS_SHEET,
    rows: [
      BILL_COLUMNS.map((h) => ({ kind: 'text', value: h, style: 'heading' }) as CellSpec),
      ...rows.map((r) => [
        text(r.pfNumber), text(r.billNo), text(r.owner), text(r.ownerName), text(r.property), text(r.address), text(r.item), text(r.description), text(r.invoiceRef),
        r.date ? ({ kind: 'date', value: r.date } as CellSpec) : null,
        r.totalCost === null ? null : ({ kind: 'money', value: r.totalCost } as CellSpec),
        text(r.share), text(r.working), { kind: 'money', value: r.charge } as CellSpec,
      ]),
    ],
    columnWidths: [10, 22, 10, 22, 12, 30, 16, 40, 12, 11, 12, 8, 60, 12],
    tables: [{ name: 'HL_FactoringBills', headerRow: 0, firstCol: 0, columns: [...BILL_COLUMNS], rowCount: rows.length }],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

/** Email unless the owner asked for paper or has no email address. */
export function distributionCsv(run: BillRun, pfNumber: string, owners: readonly Owner[]): string {
  const ownerBy = new Map(owners.map((o) => [o.ref, o]));
  const lines = ['PF Number,Bill No,Owner Ref,Name,Property Ref,Method,Email,Correspondence Address,Total,Final'];
  for (const b of run.bills) {
    const o = ownerBy.get(b.owner);
    const paper = !o || o.paper || o.email === '';
    lines.push([pfNumber, billNo(run.quarter.label, b), b.owner, o?.name ?? '', b.property, paper ? 'paper' : 'email', paper ? '' : (o?.email ?? ''), o?.address ?? '', formatPence(b.total), b.final ? 'Y' : 'N'].map(csvText).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The run summary: the engine's totals beside formulas over the bills sheet that must agree. */
export function summarySheet(run: BillRun, billRowCount: number, heldBackTotal: Pence): SheetSpec {
  const m = (value: Pence): CellSpec => ({ kind: 'money', value });
  const chargeCol = `'${BILLS_SHEET}'!N2:N${billRowCount + 1}`;
  const itemCol = `'${BILLS_SHEET}'!G2:G${billRowCount + 1}`;
  const t = run.totals;
  const sumIf = (item: string, value: Pence): CellSpec => ({ kind: 'formula', formula: `SUMIF(${itemCol},"${item}",${chargeCol})`, result: { kind: 'money', value } });
  return {
    key: 'factoring.summary',
    name: 'HL Factoring Summary',
    rows: [
      [{ kind: 'text', value: `Factoring run ${run.quarter.label} (${formatUkDate(run.quarter.start)} to ${formatUkDate(run.quarter.end)})`, style: 'title' }],
      [text('Charges billed (insurance apart)'), m(t.costs)],
      [text('Management fees'), m(t.fees), text('on the bills'), sumIf('MANAGEMENT FEE', t.fees)],
      [text('Insurance'), m(t.insurance), text('on the bills'), sumIf('INSURANCE', t.insurance)],
      [text('Admin fees'), m(t.adminFees), text('on the bills'), sumIf('ADMIN FEE', t.adminFees)],
      [text('Bills total'), m(t.billed), text('on the bills'), { kind: 'formula', formula: `SUM(${chargeCol})`, result: { kind: 'money', value: t.billed } }],
      [text('Difference (must be 0.00)'), { kind: 'formula', formula: 'B2+B3+B4+B5-B6', result: { kind: 'money', value: (t.costs + t.fees + t.insurance + t.adminFees - t.billed) as Pence } }],
      [text('Held back (not billed)'), m(heldBackTotal), text(`${run.heldBack.length} item(s)`)],
      [text('Bills'), { kind: 'number', value: run.bills.length }, text('final accounts'), { kind: 'number', value: run.bills.filter((b) => b.final).length }],
    ],
    columnWidths: [36, 14, 14, 14],
    tables: [],
    freeze: null,
    protect: true,
  };
}

/** One posting per bill and item for the finance system: the owner's account debited. */
export function postingsCsv(run: BillRun): string {
  const lines = ['Date,Bill No,Owner Ref,Property Ref,Item,Amount'];
  for (const b of run.bills) {
    const by = new Map<string, number>();
    for (const l of b.lines) by.set(l.heading, (by.get(l.heading) ?? 0) + l.charge);
    if (b.insurance !== 0) by.set('INSURANCE', (by.get('INSURANCE') ?? 0) + b.insurance);
    by.set('MANAGEMENT FEE', b.managementFee);
    if (b.final) by.set('ADMIN FEE', b.adminFee);
    for (const [item, amount] of [...by].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0)))
      lines.push([formatUkDate(run.quarter.end), billNo(run.quarter.label, b), b.owner, b.property, item, formatPence(amount as Pence)].map(csvText).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function heldBackCsv(run: BillRun): string {
  const lines = ['Invoice Ref,Sheet,Row,Amount,Reason'];
  for (const h of run.heldBack) lines.push([h.invoiceRef, h.sheet, String(h.row), formatPence(h.amount), h.text].map(csvText).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
