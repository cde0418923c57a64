/** The sheets: title rows, headers (standard or synonyms), columns (shuffled, extra), cells. */
import { CATEGORIES } from '../../../src/engine/categories';
import type { RawCell } from '../../../src/engine/cells';
import { isoToSerial } from '../../../src/engine/dates';
import { type Calendar, isoOf, ukOf } from './calendar';
import { DEFAULT_SHEET_NAMES, GL_BAD_DEBT, GL_BANK, GL_BANK_CHARGES, GL_CONTROL, GL_INCOME, GL_SUSPENSE, LANDLORD_CODES } from './conventions';
import { type Accounts, type Batch, CAT, type GlModel, type Interner, type Layout, NO_END, type Order, type PostingStore, type SuspenseItemModel, catName } from './model';
import type { Rng } from './rng';
import type { GeneratedSheet, LayoutOptions, SheetRole } from './types';

type CellKind = 'text' | 'date' | 'money' | 'number';

interface Column {
  readonly header: string;
  readonly synonym: string | null;
  readonly kind: CellKind;
}

const ROLL_COLUMNS: readonly Column[] = [
  { header: 'Account Ref', synonym: 'Tenancy Ref', kind: 'text' },
  { header: 'Property Ref', synonym: null, kind: 'text' },
  { header: 'Tenant Name', synonym: null, kind: 'text' },
  { header: 'Address', synonym: null, kind: 'text' },
  { header: 'Postcode', synonym: null, kind: 'text' },
  { header: 'Start Date', synonym: null, kind: 'date' },
  { header: 'End Date', synonym: null, kind: 'date' },
  { header: 'Weekly Charge', synonym: 'Weekly Rent', kind: 'money' },
  { header: 'Opening Balance', synonym: null, kind: 'money' },
  { header: 'Closing Balance', synonym: null, kind: 'money' },
];
const ROLL_EXTRAS: readonly Column[] = [
  { header: 'Patch', synonym: null, kind: 'text' },
  { header: 'Officer', synonym: null, kind: 'text' },
  { header: 'Tenure', synonym: null, kind: 'text' },
];
const TX_COLUMNS: readonly Column[] = [
  { header: 'Date', synonym: 'Trans Date', kind: 'date' },
  { header: 'Account Ref', synonym: 'Account No', kind: 'text' },
  { header: 'Code', synonym: 'Tran Code', kind: 'text' },
  { header: 'Amount', synonym: 'Value', kind: 'money' },
  { header: 'Batch Ref', synonym: 'Batch No', kind: 'text' },
  { header: 'Description', synonym: 'Narrative', kind: 'text' },
];
const TX_EXTRAS: readonly Column[] = [
  { header: 'Posted By', synonym: null, kind: 'text' },
  { header: 'Rent Week', synonym: null, kind: 'number' },
];
const GL_COLUMNS: readonly Column[] = [
  { header: 'Date', synonym: 'Posting Date', kind: 'date' },
  { header: 'Account', synonym: 'Nominal Code', kind: 'text' },
  { header: 'Journal Ref', synonym: 'Journal No', kind: 'text' },
  { header: 'Source', synonym: null, kind: 'text' },
  { header: 'Description', synonym: 'Narrative', kind: 'text' },
  { header: 'Debit', synonym: 'Dr', kind: 'money' },
  { header: 'Credit', synonym: 'Cr', kind: 'money' },
];
const GL_EXTRAS: readonly Column[] = [
  { header: 'Period', synonym: null, kind: 'text' },
  { header: 'Posted By', synonym: null, kind: 'text' },
];
const SUSPENSE_COLUMNS: readonly Column[] = [
  { header: 'Item Ref', synonym: 'Item No', kind: 'text' },
  { header: 'Date', synonym: null, kind: 'date' },
  { header: 'Amount', synonym: 'Value', kind: 'money' },
  { header: 'Reference', synonym: null, kind: 'text' },
  { header: 'Payer', synonym: 'Payer Name', kind: 'text' },
  { header: 'Narrative', synonym: null, kind: 'text' },
  { header: 'Channel', synonym: 'Payment Method', kind: 'text' },
];
const SUSPENSE_EXTRAS: readonly Column[] = [
  { header: 'Status', synonym: null, kind: 'text' },
  { header: 'Officer', synonym: null, kind: 'text' },
];

const OFFICERS = ['K. Patel', 'S. Hughes', 'M. Begum', 'D. Walker', 'A. Nowak', 'R. Campbell', 'J. Okafor', 'L. Wright', 'T. Murphy', 'C. Evans'];
const POSTED_BY = ['DEBITRUN', 'HBIMPORT', 'UCIMPORT', 'BACSIMP', 'ALLPAYIF', 'CASHIER', 'BANKREC', 'CARDIMP', 'ARREARS', 'REFUNDS', 'SUSPENSE', 'RENTOFF'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Pence as pounds for a cell: p / 100 is the double nearest the two-decimal value, exactly as penceToPounds gives. */
const pounds = (p: number): number => p / 100;

interface SheetPlan {
  readonly columns: readonly Column[];
  /** Output column of each field (fields first, then extras). */
  readonly pos: Int32Array;
  readonly width: number;
}

function planColumns(fields: readonly Column[], extras: readonly Column[], layout: LayoutOptions, rng: Rng): SheetPlan {
  const columns = layout.extraColumns ? [...fields, ...extras] : [...fields];
  const order = columns.map((_, k) => k);
  if (layout.shuffleColumns) {
    rng.shuffle(order);
    if (order.every((v, k) => v === k) && order.length > 1) order.push(order.shift() as number);
  }
  const pos = new Int32Array(columns.length);
  order.forEach((field, col) => (pos[field] = col));
  return { columns, pos, width: columns.length };
}

export function renderSheets(
  layout: LayoutOptions,
  cal: Calendar,
  a: Accounts,
  p: PostingStore,
  order: Order,
  batches: Batch[],
  gl: GlModel,
  suspense: SuspenseItemModel[],
  descs: Interner,
  rng: Rng,
): Layout {
  const names: Record<SheetRole, string> = { ...DEFAULT_SHEET_NAMES, ...layout.sheetNames };
  const titleRows = layout.titleRows ?? 0;
  const firstData = titleRows + 2; // Excel row of the first data row
  const monthWords = `${MONTH_NAMES[cal.month - 1]} ${cal.year}`;
  const runDate = ukOf(cal.nextWorking(cal.end + 1));

  const dateCache = new Map<number, RawCell>();
  const dateCell = (n: number): RawCell => {
    let c = dateCache.get(n);
    if (c === undefined) {
      c = layout.textDates ? ukOf(n) : isoToSerial(isoOf(n));
      dateCache.set(n, c);
    }
    return c;
  };
  const codeOf = CATEGORIES.map((c) => (layout.landlordCodes ? LANDLORD_CODES[c] : c));
  const glAccount = (code: string): RawCell => (layout.glAccountAsNumber ? Number(code) : code);

  const sheet = (role: SheetRole, plan: SheetPlan, titles: readonly string[], fill: (rows: RawCell[][]) => void): GeneratedSheet => {
    const rows: RawCell[][] = [];
    for (let k = 0; k < titleRows; k++) rows.push(titleRows >= 2 && k === titleRows - 1 ? [] : [titles[k % titles.length] as string]);
    const header: RawCell[] = new Array<RawCell>(plan.width);
    plan.columns.forEach((c, f) => (header[plan.pos[f]!] = layout.useSynonyms && c.synonym !== null ? c.synonym : c.header));
    rows.push(header);
    fill(rows);
    const colsOf = (kind: CellKind): number[] =>
      plan.columns
        .map((c, f) => (c.kind === kind ? plan.pos[f]! : -1))
        .filter((c) => c >= 0)
        .sort((x, y) => x - y);
    return { name: names[role], role, rows, dateColumns: colsOf('date'), moneyColumns: colsOf('money'), headerRow: titleRows + 1 };
  };

  // The rent roll: one row per account, in account order.
  const rollPlan = planColumns(ROLL_COLUMNS, ROLL_EXTRAS, layout, rng);
  const rentRoll = sheet('rentRoll', rollPlan, ['Rent roll export — Oak Tree Housing Association', `Period: ${monthWords}`, `Run on ${runDate} by report RR01`], (rows) => {
    const { pos, width } = rollPlan;
    const closing = new Float64Array(a.n);
    for (let i = 0; i < p.n; i++) if (p.live(i)) closing[p.acc[i]!] = closing[p.acc[i]!]! + p.amt[i]!;
    for (let i = 0; i < a.n; i++) {
      const row = new Array<RawCell>(width);
      row[pos[0]!] = a.ref[i] as string;
      row[pos[1]!] = a.property[i] as string;
      row[pos[2]!] = a.tenant[i] as string;
      row[pos[3]!] = a.address[i] as string;
      row[pos[4]!] = a.postcode[i] as string;
      row[pos[5]!] = dateCell(a.start[i]!);
      row[pos[6]!] = a.end[i] === NO_END ? null : dateCell(a.end[i]!);
      row[pos[7]!] = pounds(a.weekly[i]!);
      row[pos[8]!] = pounds(a.opening[i]!);
      row[pos[9]!] = pounds(a.opening[i]! + closing[i]! + a.closingError[i]!);
      if (width > 10) {
        row[pos[10]!] = `Patch ${(i % 23) + 1}`;
        row[pos[11]!] = OFFICERS[(i * 7) % OFFICERS.length] as string;
        row[pos[12]!] = a.start[i]! > cal.start - 365 ? 'Starter' : a.start[i]! < cal.start - 6000 ? 'Secure' : 'Assured';
      }
      rows.push(row);
    }
  });

  // The transactions: by batch (date, category, batch), then account.
  const txPlan = planColumns(TX_COLUMNS, TX_EXTRAS, layout, rng);
  const transactions = sheet('transactions', txPlan, ['Rent transactions — Oak Tree Housing Association', `Postings dated 01 to ${String(cal.end - cal.start + 1)} ${monthWords}`, `Run on ${runDate} by report TX04`], (rows) => {
    const { pos, width } = txPlan;
    const [pDate, pAcc, pCode, pAmt, pBatch, pDesc] = [pos[0]!, pos[1]!, pos[2]!, pos[3]!, pos[4]!, pos[5]!];
    for (let r = 0; r < order.perm.length; r++) {
      const i = order.perm[r]!;
      const cat = p.cat[i]!;
      const row = new Array<RawCell>(width);
      row[pDate] = dateCell(p.day[i]!);
      row[pAcc] = a.ref[p.acc[i]!] as string;
      row[pCode] = codeOf[cat] as string;
      row[pAmt] = pounds(p.amt[i]!);
      row[pBatch] = (batches[order.batchOf[i]!] as Batch).ref;
      row[pDesc] = descs.list[p.desc[i]!] as string;
      if (width > 6) {
        row[pos[6]!] = POSTED_BY[cat] as string;
        row[pos[7]!] = Math.floor((p.day[i]! - cal.rentYearStart) / 7) + 1;
      }
      rows.push(row);
    }
  });

  // The GL: lines by date, then journal.
  const glPlan = planColumns(GL_COLUMNS, GL_EXTRAS, layout, rng);
  const fiscalMonth = ((cal.month + 8) % 12) + 1; // April is period 1
  const fiscalYear = cal.month >= 4 ? cal.year : cal.year - 1;
  const periodText = `P${String(fiscalMonth).padStart(2, '0')} ${fiscalYear}/${String((fiscalYear + 1) % 100).padStart(2, '0')}`;
  const glSheet = sheet('gl', glPlan, ['General ledger detail — Oak Tree Housing Association', `Accounts ${GL_CONTROL}, ${GL_SUSPENSE}, ${GL_BANK}, ${GL_INCOME}, ${GL_BAD_DEBT}, ${GL_BANK_CHARGES}: ${monthWords}`, `Run on ${runDate}`], (rows) => {
    const { pos, width } = glPlan;
    for (const l of gl.lines) {
      const row = new Array<RawCell>(width);
      row[pos[0]!] = dateCell(l.day);
      row[pos[1]!] = glAccount(l.account);
      row[pos[2]!] = l.journal;
      row[pos[3]!] = l.source === 'OPENING' ? 'OPENING' : (codeOf[CAT[l.source]] as string);
      row[pos[4]!] = l.description;
      row[pos[5]!] = l.net > 0 ? pounds(l.net) : null;
      row[pos[6]!] = l.net < 0 ? pounds(-l.net) : l.net === 0 ? 0 : null;
      if (width > 7) {
        row[pos[7]!] = periodText;
        row[pos[8]!] = l.source === 'OPENING' ? 'YEAREND' : l.account === GL_BANK_CHARGES ? 'FINANCE' : 'HMS-IF';
      }
      rows.push(row);
    }
  });

  // The suspense items still awaiting allocation at the end of the month.
  const susPlan = planColumns(SUSPENSE_COLUMNS, SUSPENSE_EXTRAS, layout, rng);
  const susSheet = sheet('suspense', susPlan, ['Rent suspense — items awaiting allocation', `As at ${ukOf(cal.end)}`, `Run on ${runDate}`], (rows) => {
    const { pos, width } = susPlan;
    suspense.forEach((s, k) => {
      if (!s.listed || s.clearedDay >= 0) return;
      const row = new Array<RawCell>(width);
      row[pos[0]!] = s.ref;
      row[pos[1]!] = dateCell(s.day);
      row[pos[2]!] = pounds(s.amount);
      row[pos[3]!] = s.reference;
      row[pos[4]!] = s.payer;
      row[pos[5]!] = s.narrative;
      row[pos[6]!] = catName(s.channel);
      if (width > 7) {
        row[pos[7]!] = 'Open';
        row[pos[8]!] = OFFICERS[k % OFFICERS.length] as string;
      }
      rows.push(row);
    });
  });

  const sheets = [rentRoll, transactions, glSheet, susSheet];
  if (layout.extraEmptySheet) sheets.splice(1, 0, { name: 'Notes', role: null, rows: [], dateColumns: [], moneyColumns: [], headerRow: 0 });
  return {
    sheets,
    names,
    accountRow: (acc) => firstData + acc,
    postingRow: (i) => firstData + order.rank[i]!,
    batchRows: (b) => [firstData + b.first, firstData + b.first + b.count - 1],
    glRow: (line) => firstData + line.index,
  };
}
