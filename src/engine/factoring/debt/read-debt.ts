/**
 * The debt sheets read from the factoring workbook (issue 16): Owner Transactions, the NoPL
 * register, and the optional Repayment Plans and Acknowledgements sheets. Each sheet is found by its
 * headers (findHeader, title rows skipped), every cell read by the rent sheets' CellReader (day-first
 * text dates, amounts in pence, located issues), and a bad row is left out with its issue.
 */
import { isBlank, type RawCell, type SheetData } from '../../cells';
import type { IsoDate } from '../../dates';
import { cellLocation, sheetLocation } from '../../issues';
import type { Pence } from '../../money';
import { CellReader } from '../../sources/cell-reader';
import { findHeader, type HeaderMatch, type MappedColumn } from '../../sources/detect';
import { DEBT_LAYOUTS, type DebtLayout, type DebtSheet } from './layouts';
import type { DebtIssue } from './messages';

export type TransactionType = 'BILL' | 'PAYMENT' | 'ADJUSTMENT' | 'WRITEOFF' | 'FEE';
export const TRANSACTION_TYPES: readonly TransactionType[] = ['BILL', 'PAYMENT', 'ADJUSTMENT', 'WRITEOFF', 'FEE'];

export interface OwnerTransaction {
  readonly sheet: string;
  readonly row: number;
  /** 0-based position on the sheet: the tiebreak after the Due Date. */
  readonly order: number;
  readonly owner: string;
  readonly property: string;
  readonly date: IsoDate;
  /** The Date when the cell is blank. */
  readonly dueDate: IsoDate;
  readonly type: TransactionType;
  /** Signed as the owner's debt: positive a debit, negative a payment or credit. */
  readonly amount: Pence;
  readonly reference: string;
  readonly disputed: boolean;
}

export interface Notice {
  readonly sheet: string;
  readonly row: number;
  readonly ref: string;
  readonly property: string;
  readonly owner: string;
  readonly registeredOn: IsoDate;
  readonly amount: Pence | null;
  readonly dischargedOn: IsoDate | null;
  readonly renewalOf: string | null;
}

export type Frequency = 'WEEKLY' | 'FORTNIGHTLY' | 'FOUR-WEEKLY' | 'MONTHLY' | 'QUARTERLY';
const FREQUENCIES: Readonly<Record<string, Frequency>> = {
  WEEKLY: 'WEEKLY', WEEK: 'WEEKLY', FORTNIGHTLY: 'FORTNIGHTLY', FORTNIGHT: 'FORTNIGHTLY', '2-WEEKLY': 'FORTNIGHTLY',
  'FOUR-WEEKLY': 'FOUR-WEEKLY', 'FOUR WEEKLY': 'FOUR-WEEKLY', '4-WEEKLY': 'FOUR-WEEKLY', '4 WEEKLY': 'FOUR-WEEKLY',
  MONTHLY: 'MONTHLY', MONTH: 'MONTHLY', QUARTERLY: 'QUARTERLY', QUARTER: 'QUARTERLY',
};

export interface RepaymentPlan {
  readonly sheet: string;
  readonly row: number;
  readonly owner: string;
  readonly property: string;
  /** The first instalment's date. */
  readonly start: IsoDate;
  readonly instalment: Pence;
  readonly frequency: Frequency;
  readonly end: IsoDate | null;
  readonly agreedBy: string;
}

export interface Acknowledgement {
  readonly sheet: string;
  readonly row: number;
  readonly owner: string;
  readonly property: string;
  readonly date: IsoDate;
  readonly reference: string;
}

export interface DebtBook {
  readonly file: string;
  readonly sheets: Readonly<Record<DebtSheet, string | null>>;
  readonly transactions: readonly OwnerTransaction[];
  readonly notices: readonly Notice[];
  readonly plans: readonly RepaymentPlan[];
  readonly acknowledgements: readonly Acknowledgement[];
  /** Where each sheet's columns were found, to locate issues found after reading. */
  readonly columns: Readonly<Record<DebtSheet, ReadonlyMap<string, MappedColumn>>>;
}

interface Found {
  readonly data: SheetData;
  readonly match: HeaderMatch;
}

function findSheet(sheets: readonly SheetData[], layout: DebtLayout): Found | null {
  let best: Found | null = null;
  const isNamed = (d: SheetData): boolean => d.name.trim().toLowerCase() === layout.label.toLowerCase();
  for (const data of sheets) {
    const match = findHeader(data, layout.fields);
    if (match === null || !match.complete) continue;
    if (best === null || (isNamed(data) && !isNamed(best.data)) || (isNamed(data) === isNamed(best.data) && match.confidence > best.match.confidence)) best = { data, match };
  }
  return best;
}

function eachRow(found: Found, reader: CellReader, keyField: string, visit: (cell: (field: string) => RawCell | undefined, col: (field: string) => MappedColumn, row: number, order: number) => void): void {
  const { data, match } = found;
  const idx = (field: string): number => {
    const m = match.columns.get(field);
    return m ? m.col - data.originCol : -1;
  };
  const indexes = [...match.columns.values()].map((m) => m.col - data.originCol);
  const col = (field: string): MappedColumn => match.columns.get(field) ?? { col: 1, header: '' };
  let order = 0;
  for (let r = match.headerRow - data.originRow + 1; r < data.rows.length; r++) {
    const row = data.rows[r] ?? [];
    const rowNumber = data.originRow + r;
    if (reader.isSkippable(row, indexes, idx(keyField), rowNumber, col(keyField))) continue;
    visit((field) => (idx(field) >= 0 ? row[idx(field)] : undefined), col, rowNumber, order++);
  }
}

/** Which debt sheets a job needs: a missing required sheet is an error, a missing optional one nothing. */
export interface DebtSheetsNeeded {
  readonly transactions: boolean;
  readonly nopl: boolean;
}

/** Reads the debt sheets; every bad cell is a located issue and its row is left out. */
export function readDebtBook(file: string, sheets: readonly SheetData[], needed: DebtSheetsNeeded): { book: DebtBook; issues: DebtIssue[] } {
  const issues: DebtIssue[] = [];
  const located = new Map<DebtSheet, Found>();
  for (const layout of DEBT_LAYOUTS) {
    const found = findSheet(sheets, layout);
    if (found) located.set(layout.sheet, found);
    else if ((layout.sheet === 'transactions' && needed.transactions) || (layout.sheet === 'nopl' && needed.nopl)) {
      const expected = layout.fields.filter((x) => x.required).map((x) => x.label).join(', ');
      issues.push({ code: 'factoring.sheet-missing', severity: 'error', raw: null, location: sheetLocation(file, null), detail: { sheet: layout.label, expected } });
    }
  }
  const readers: CellReader[] = [];
  const open = (s: DebtSheet): { found: Found; reader: CellReader } | null => {
    const found = located.get(s);
    if (!found) return null;
    const reader = new CellReader(file, found.data.name);
    readers.push(reader);
    return { found, reader };
  };
  const own = (sheet: string, code: DebtIssue['code'], raw: string | null, row: number, column: MappedColumn, detail: Record<string, string> = {}, severity: DebtIssue['severity'] = 'error'): void => {
    issues.push({ code, severity, raw, location: cellLocation(file, sheet, row, column.col, column.header), detail });
  };
  const yesNo = (reader: CellReader, sheet: string, raw: RawCell | undefined, row: number, column: MappedColumn): boolean | null => {
    const t = reader.text(raw).toUpperCase();
    if (t === '' || t === 'N' || t === 'NO') return false;
    if (t === 'Y' || t === 'YES') return true;
    own(sheet, 'factoring.yes-no-invalid', reader.text(raw), row, column);
    return null;
  };

  const transactions: OwnerTransaction[] = [];
  const t = open('transactions');
  if (t) {
    const sheet = t.found.data.name;
    eachRow(t.found, t.reader, 'owner', (cell, col, row, order) => {
      const owner = t.reader.ref(cell('owner'), row, col('owner'));
      const property = t.reader.ref(cell('property'), row, col('property'));
      const date = t.reader.date(cell('date'), row, col('date'), true);
      const due = t.reader.date(cell('dueDate'), row, col('dueDate'), false);
      const typeText = t.reader.text(cell('type')).toUpperCase().replace(/[\s_-]+/g, '');
      const type = TRANSACTION_TYPES.find((x) => x === typeText) ?? null;
      if (type === null) own(sheet, 'debt.type-invalid', t.reader.text(cell('type')) || null, row, col('type'));
      const amount = t.reader.amount(cell('amount'), row, col('amount'));
      let disputed = yesNo(t.reader, sheet, cell('disputed'), row, col('disputed'));
      if (type !== null && amount !== undefined) {
        const debit = type === 'BILL' || type === 'FEE';
        const credit = type === 'PAYMENT' || type === 'WRITEOFF';
        if ((debit && amount < 0) || (credit && amount > 0)) {
          own(sheet, 'debt.sign-invalid', t.reader.text(cell('amount')), row, col('amount'), { type });
          return;
        }
        if (amount < 0 && disputed === true) {
          own(sheet, 'debt.disputed-credit', t.reader.text(cell('disputed')), row, col('disputed'), {}, 'warning');
          disputed = false;
        }
      }
      if (owner === null || property === null || !date || due === undefined || type === null || amount === undefined || disputed === null) return;
      transactions.push({ sheet, row, order, owner, property, date, dueDate: due ?? date, type, amount, reference: t.reader.text(cell('reference')), disputed });
    });
  }

  const notices: Notice[] = [];
  const n = open('nopl');
  if (n) {
    const sheet = n.found.data.name;
    const seen = new Map<string, number>();
    eachRow(n.found, n.reader, 'notice', (cell, col, row) => {
      const ref = n.reader.ref(cell('notice'), row, col('notice'));
      const property = n.reader.ref(cell('property'), row, col('property'));
      const owner = n.reader.ref(cell('owner'), row, col('owner'));
      const registeredOn = n.reader.date(cell('registeredOn'), row, col('registeredOn'), true);
      const dischargedOn = n.reader.date(cell('dischargedOn'), row, col('dischargedOn'), false);
      const amount = isBlank(cell('amount')) ? null : n.reader.amount(cell('amount'), row, col('amount'));
      const renewalText = n.reader.text(cell('renewalOf'));
      if (ref !== null) {
        const first = seen.get(ref.toUpperCase());
        if (first !== undefined) {
          own(sheet, 'factoring.ref-duplicate', ref, row, col('notice'), { ref, firstRow: String(first) });
          return;
        }
        seen.set(ref.toUpperCase(), row);
      }
      if (registeredOn && dischargedOn && dischargedOn < registeredOn) {
        own(sheet, 'debt.discharged-before-registered', n.reader.text(cell('dischargedOn')), row, col('dischargedOn'), { registeredOn });
        return;
      }
      if (ref === null || property === null || owner === null || !registeredOn || dischargedOn === undefined || amount === undefined) return;
      notices.push({ sheet, row, ref, property, owner, registeredOn, amount, dischargedOn, renewalOf: renewalText === '' ? null : renewalText });
    });
    const refs = new Set(notices.map((x) => x.ref.toUpperCase()));
    const renewalCol = n.found.match.columns.get('renewalOf') ?? { col: 1, header: '' };
    for (const x of notices) if (x.renewalOf !== null && !refs.has(x.renewalOf.toUpperCase())) own(sheet, 'debt.renewal-unknown', x.renewalOf, x.row, renewalCol, { ref: x.renewalOf }, 'warning');
  }

  const plans: RepaymentPlan[] = [];
  const p = open('plans');
  if (p) {
    const sheet = p.found.data.name;
    eachRow(p.found, p.reader, 'owner', (cell, col, row) => {
      const owner = p.reader.ref(cell('owner'), row, col('owner'));
      const property = p.reader.ref(cell('property'), row, col('property'));
      const start = p.reader.date(cell('start'), row, col('start'), true);
      const end = p.reader.date(cell('end'), row, col('end'), false);
      const instalment = p.reader.amount(cell('amount'), row, col('amount'));
      const freqText = p.reader.text(cell('frequency')).toUpperCase().trim();
      const frequency = FREQUENCIES[freqText] ?? null;
      if (frequency === null) own(sheet, 'debt.frequency-invalid', p.reader.text(cell('frequency')) || null, row, col('frequency'));
      if (instalment !== undefined && instalment <= 0) {
        own(sheet, 'amount.not-number', p.reader.text(cell('amount')), row, col('amount'));
        return;
      }
      if (start && end && end < start) {
        own(sheet, 'factoring.end-before-start', p.reader.text(cell('end')), row, col('end'), { start });
        return;
      }
      if (owner === null || property === null || !start || end === undefined || instalment === undefined || frequency === null) return;
      plans.push({ sheet, row, owner, property, start, instalment, frequency, end, agreedBy: p.reader.text(cell('agreedBy')) });
    });
  }

  const acknowledgements: Acknowledgement[] = [];
  const a = open('acknowledgements');
  if (a) {
    const sheet = a.found.data.name;
    eachRow(a.found, a.reader, 'owner', (cell, col, row) => {
      const owner = a.reader.ref(cell('owner'), row, col('owner'));
      const property = a.reader.ref(cell('property'), row, col('property'));
      const date = a.reader.date(cell('date'), row, col('date'), true);
      if (owner === null || property === null || !date) return;
      acknowledgements.push({ sheet, row, owner, property, date, reference: a.reader.text(cell('reference')) });
    });
  }

  for (const r of readers) issues.push(...r.issues);
  const name = (s: DebtSheet): string | null => located.get(s)?.data.name ?? null;
  const cols = (s: DebtSheet): ReadonlyMap<string, MappedColumn> => located.get(s)?.match.columns ?? new Map();
  return {
    book: {
      file,
      sheets: { transactions: name('transactions'), nopl: name('nopl'), plans: name('plans'), acknowledgements: name('acknowledgements') },
      transactions,
      notices,
      plans,
      acknowledgements,
      columns: { transactions: cols('transactions'), nopl: cols('nopl'), plans: cols('plans'), acknowledgements: cols('acknowledgements') },
    },
    issues,
  };
}
