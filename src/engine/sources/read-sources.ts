/**
 * Sheet values -> typed records with located issues: the rent roll, the housing system's postings,
 * the GL lines and the suspense items, all read in one pass that reports every problem it finds.
 */
import type { RawCell, SheetData } from '../cells';
import { CATEGORIES } from '../categories';
import { categoryOf, type LedgerConfig, type SourceRole } from '../config';
import type { InputIssue } from '../issues';
import { ZERO } from '../money';
import type { GlLine, Posting, SuspenseItem, Tenancy } from '../records';
import { accountLookup, type AccountLookup } from './account-lookup';
import { CellReader } from './cell-reader';
import { assignRoles, type MappedColumn, type SheetDetection } from './detect';

export interface SourceSheet<T> {
  readonly detection: SheetDetection;
  readonly records: readonly T[];
  /** Data rows read (blank rows and totals rows not counted). */
  readonly rowCount: number;
  /**
   * Rent roll only, when no account repeats: each account -> its position in records, which the
   * reconciliation uses as its account index (see account-lookup.ts).
   */
  readonly accountIndex?: AccountLookup;
}

export interface Sources {
  readonly file: string;
  readonly rentRoll: SourceSheet<Tenancy> | null;
  readonly transactions: SourceSheet<Posting> | null;
  readonly gl: SourceSheet<GlLine> | null;
  readonly suspense: SourceSheet<SuspenseItem> | null;
  readonly issues: readonly InputIssue[];
}

const CATEGORY_LIST = CATEGORIES.join(', ');

interface Columns {
  readonly get: (field: string) => MappedColumn | undefined;
  /** 0-based index into a row of SheetData, or -1 when the field is not mapped. */
  readonly index: (field: string) => number;
  readonly indexes: readonly number[];
}

function columnsOf(sheet: SheetData, d: SheetDetection): Columns {
  return {
    get: (field) => d.columns.get(field),
    index: (field) => {
      const c = d.columns.get(field);
      return c ? c.col - sheet.originCol : -1;
    },
    indexes: [...d.columns.values()].map((c) => c.col - sheet.originCol),
  };
}

const NONE: MappedColumn = { col: 1, header: '' };

/**
 * The data rows below the header: where they start, and whether a row is skipped (blank, or a
 * totals row, said as an issue).
 */
function dataRows(sheet: SheetData, d: SheetDetection, reader: CellReader, keyField: string): { readonly from: number; skip(row: readonly RawCell[], rowNumber: number): boolean } {
  const cols = columnsOf(sheet, d);
  const keyIndex = cols.index(keyField);
  const keyColumn = cols.get(keyField) ?? NONE;
  return { from: d.headerRow - sheet.originRow + 1, skip: (row, rowNumber) => reader.isSkippable(row, cols.indexes, keyIndex, rowNumber, keyColumn) };
}

/** Visits the data rows below the header, skipping blank and totals rows; how many it visited. */
function forEachDataRow(
  sheet: SheetData,
  d: SheetDetection,
  reader: CellReader,
  keyField: string,
  visit: (row: readonly RawCell[], rowNumber: number) => void,
): number {
  const rows = dataRows(sheet, d, reader, keyField);
  let count = 0;
  for (let r = rows.from; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] as readonly RawCell[];
    const rowNumber = sheet.originRow + r;
    if (rows.skip(row, rowNumber)) continue;
    count++;
    visit(row, rowNumber);
  }
  return count;
}

/** Reads the rent roll: one row per tenancy account; a duplicate account is an error. */
export function readRentRoll(file: string, sheet: SheetData, d: SheetDetection): { sheet: SourceSheet<Tenancy>; issues: InputIssue[] } {
  const reader = new CellReader(file, sheet.name);
  const c = columnsOf(sheet, d);
  const col = (f: string): MappedColumn => c.get(f) ?? NONE;
  const [iAcc, iProp, iTen, iAddr, iPc, iStart, iEnd, iWk, iOpen, iClose] = [
    'account', 'property', 'tenant', 'address', 'postcode', 'start', 'end', 'weeklyCharge', 'opening', 'closing',
  ].map((f) => c.index(f)) as [number, number, number, number, number, number, number, number, number, number];
  const records: Tenancy[] = [];
  // The duplicate check. Rolls are exported in account order: while each account sorts after the
  // one before, none can repeat, and no look-up is needed. From the first account out of order on,
  // accounts read whole -> position in records (built then from the records so far). Accounts of
  // rows with a bad cell -> their row, kept apart as they have no position.
  let positions: Map<string, number> | null = null;
  let previous = '';
  const unread = new Map<string, number>();
  let duplicates = false;
  const cAcc = col('account');
  const [cStart, cEnd, cWk, cOpen, cClose] = [col('start'), col('end'), col('weeklyCharge'), col('opening'), col('closing')];
  const rowCount = forEachDataRow(sheet, d, reader, 'account', (row, n) => {
    const account = reader.ref(row[iAcc], n, cAcc);
    const start = reader.date(row[iStart], n, cStart, false, true);
    const end = reader.date(row[iEnd], n, cEnd, false, true);
    const weeklyCharge = reader.amount(row[iWk], n, cWk);
    const opening = reader.amount(row[iOpen], n, cOpen);
    const closing = reader.amount(row[iClose], n, cClose);
    let first: number | undefined;
    if (account !== null) {
      if (positions === null && account > previous) previous = account;
      else {
        positions ??= new Map(records.map((t, i) => [t.account, i]));
        const at = positions.get(account);
        first = at !== undefined ? (records[at] as Tenancy).row : unread.get(account);
        if (first !== undefined) {
          duplicates = true;
          reader.issue('ref.duplicate', 'error', row[iAcc], n, cAcc, { ref: account, firstRow: String(first) });
        }
      }
    }
    if (start && end && end < start) reader.issue('date.end-before-start', 'error', row[iEnd], n, cEnd, { start });
    if (account === null || start === undefined || end === undefined || weeklyCharge === undefined || opening === undefined || closing === undefined) {
      if (account !== null && first === undefined) unread.set(account, n);
      return;
    }
    if (first === undefined) positions?.set(account, records.length);
    records.push({
      account,
      property: iProp >= 0 ? reader.text(row[iProp]) : '',
      tenant: iTen >= 0 ? reader.name(row[iTen], n, col('tenant')) : '',
      address: iAddr >= 0 ? reader.text(row[iAddr]) : '',
      postcode: iPc >= 0 ? reader.text(row[iPc]) : '',
      start,
      end,
      weeklyCharge,
      opening,
      closing,
      row: n,
    });
  });
  return { sheet: duplicates ? { detection: d, records, rowCount } : { detection: d, records, rowCount, accountIndex: accountLookup(records.map((t) => t.account)) }, issues: reader.issues };
}

/**
 * The rent roll alone, for work that needs no postings (payment files): the sheet recognised as the
 * rent roll with every required column, read with its issues; null when there is none.
 */
export function readRentRollOnly(file: string, sheets: readonly SheetData[], config: LedgerConfig): { sheet: SourceSheet<Tenancy>; issues: InputIssue[] } | null {
  const d = assignRoles(file, sheets, config).detections.get('rentRoll');
  const sheet = d ? sheets.find((s) => s.name === d.sheet) : undefined;
  return d && sheet && d.complete ? readRentRoll(file, sheet, d) : null;
}

/** Reads the housing system's postings; each code must be a category or mapped onto one by the config. */
export function readTransactions(
  file: string,
  sheet: SheetData,
  d: SheetDetection,
  config: LedgerConfig,
): { sheet: SourceSheet<Posting>; issues: InputIssue[] } {
  const reader = new CellReader(file, sheet.name);
  const c = columnsOf(sheet, d);
  const col = (f: string): MappedColumn => c.get(f) ?? NONE;
  const [iDate, iAcc, iCode, iAmt, iBatch, iDesc] = ['date', 'account', 'code', 'amount', 'batch', 'description'].map((f) =>
    c.index(f),
  ) as [number, number, number, number, number, number];
  const cDate = col('date');
  const cAcc = col('account');
  const cCode = col('code');
  const cAmt = col('amount');
  const categories = new Map<string, ReturnType<typeof categoryOf>>();
  // Postings come in runs of one code (a debit run, a payment file): the last code's category first.
  let lastCode = '';
  let lastCategory: ReturnType<typeof categoryOf> | undefined;
  const records: Posting[] = [];
  // The loop written out, not forEachDataRow's visitor: at a million postings the call per row to a
  // closure shared with the other sheets' readers costs more than the few lines it saves.
  const rows = dataRows(sheet, d, reader, 'account');
  let rowCount = 0;
  for (let r = rows.from; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] as readonly RawCell[];
    const n = sheet.originRow + r;
    if (rows.skip(row, n)) continue;
    rowCount++;
    const date = reader.date(row[iDate], n, cDate, true);
    const account = reader.ref(row[iAcc], n, cAcc);
    const code = reader.text(row[iCode]);
    let category = code === lastCode ? lastCategory : categories.get(code);
    if (category === undefined) {
      category = categoryOf(code, config);
      categories.set(code, category);
    }
    lastCode = code;
    lastCategory = category;
    if (category === null) reader.issue('code.unknown', 'error', row[iCode], n, cCode, { categories: CATEGORY_LIST });
    const amount = reader.amount(row[iAmt], n, cAmt);
    if (!date || account === null || category === null || amount === undefined) continue;
    records.push({
      date,
      account,
      code,
      category,
      amount,
      batch: reader.text(row[iBatch]),
      description: iDesc >= 0 ? reader.text(row[iDesc]) : '',
      row: n,
    });
  }
  return { sheet: { detection: d, records, rowCount }, issues: reader.issues };
}

/** Reads GL lines of every account (the reconciliation picks the control and suspense accounts). */
export function readGl(file: string, sheet: SheetData, d: SheetDetection, config: LedgerConfig): { sheet: SourceSheet<GlLine>; issues: InputIssue[] } {
  const reader = new CellReader(file, sheet.name);
  const c = columnsOf(sheet, d);
  const col = (f: string): MappedColumn => c.get(f) ?? NONE;
  const [iDate, iAcc, iJnl, iSrc, iDesc, iDr, iCr] = ['date', 'account', 'journal', 'source', 'description', 'debit', 'credit'].map((f) =>
    c.index(f),
  ) as [number, number, number, number, number, number, number];
  const relevant = new Set([config.glControlAccount, config.glSuspenseAccount]);
  const records: GlLine[] = [];
  const rowCount = forEachDataRow(sheet, d, reader, 'account', (row, n) => {
    const date = reader.date(row[iDate], n, col('date'), true);
    const account = reader.ref(row[iAcc], n, col('account'));
    const source = reader.text(row[iSrc]);
    const isOpening = source.toUpperCase() === 'OPENING';
    const category = isOpening ? 'OPENING' : categoryOf(source, config);
    // Only the control and suspense accounts need a known source; other accounts are carried, not judged.
    if (category === null && account !== null && relevant.has(account)) {
      reader.issue('source.unknown', 'error', row[iSrc], n, col('source'), { categories: CATEGORY_LIST });
    }
    const debit = reader.amount(row[iDr], n, col('debit'), ZERO);
    const credit = reader.amount(row[iCr], n, col('credit'), ZERO);
    if (debit !== undefined && credit !== undefined && debit !== 0 && credit !== 0) {
      reader.issue('amount.debit-and-credit', 'warning', row[iCr], n, col('credit'));
    }
    if (!date || account === null || debit === undefined || credit === undefined) return;
    records.push({
      date,
      account,
      journal: iJnl >= 0 ? reader.text(row[iJnl]) : '',
      source,
      category: category ?? 'ADJUST',
      description: iDesc >= 0 ? reader.text(row[iDesc]) : '',
      debit,
      credit,
      row: n,
    });
  });
  return { sheet: { detection: d, records, rowCount }, issues: reader.issues };
}

/** Reads the suspense items awaiting allocation. */
export function readSuspense(file: string, sheet: SheetData, d: SheetDetection): { sheet: SourceSheet<SuspenseItem>; issues: InputIssue[] } {
  const reader = new CellReader(file, sheet.name);
  const c = columnsOf(sheet, d);
  const col = (f: string): MappedColumn => c.get(f) ?? NONE;
  const idx = (f: string): number => c.index(f);
  const text = (row: readonly RawCell[], f: string): string => (idx(f) >= 0 ? reader.text(row[idx(f)]) : '');
  const name = (row: readonly RawCell[], f: string, n: number): string => (idx(f) >= 0 ? reader.name(row[idx(f)], n, col(f)) : '');
  const records: SuspenseItem[] = [];
  const seen = new Map<string, number>();
  const rowCount = forEachDataRow(sheet, d, reader, 'item', (row, n) => {
    const item = reader.ref(row[idx('item')], n, col('item'));
    const date = reader.date(row[idx('date')], n, col('date'), true);
    const amount = reader.amount(row[idx('amount')], n, col('amount'));
    if (item !== null) {
      const first = seen.get(item);
      if (first !== undefined) reader.issue('ref.duplicate', 'error', row[idx('item')], n, col('item'), { ref: item, firstRow: String(first) });
      else seen.set(item, n);
    }
    if (item === null || !date || amount === undefined) return;
    records.push({
      item,
      date,
      amount,
      reference: name(row, 'reference', n),
      payer: name(row, 'payer', n),
      narrative: name(row, 'narrative', n),
      channel: text(row, 'channel'),
      row: n,
    });
  });
  return { sheet: { detection: d, records, rowCount }, issues: reader.issues };
}

/** Recognises the sheets and reads every role found, collecting all issues in one pass. */
export function readSources(file: string, sheets: readonly SheetData[], config: LedgerConfig): Sources {
  const nonEmpty = sheets.filter((s) => s.rows.some((r) => r.some((c) => c !== null && c !== '')));
  const assignment = assignRoles(file, nonEmpty, config);
  const issues: InputIssue[] = [...assignment.issues];
  if (nonEmpty.length === 0) issues.push({ code: 'workbook.empty', severity: 'error', raw: null, location: { file, sheet: null, row: null, col: null, column: null, header: null, a1: null }, detail: {} });
  const sheetOf = (role: SourceRole): { sheet: SheetData; d: SheetDetection } | null => {
    const d = assignment.detections.get(role);
    const sheet = d ? nonEmpty.find((s) => s.name === d.sheet) : undefined;
    // Without all required columns a role cannot be read; its missing columns are already issues.
    return d && sheet && d.complete ? { sheet, d } : null;
  };
  const read = <T>(role: SourceRole, fn: (s: SheetData, d: SheetDetection) => { sheet: SourceSheet<T>; issues: InputIssue[] }): SourceSheet<T> | null => {
    const s = sheetOf(role);
    if (!s) return null;
    const out = fn(s.sheet, s.d);
    for (const i of out.issues) issues.push(i);
    return out.sheet;
  };
  return {
    file,
    rentRoll: read('rentRoll', (s, d) => readRentRoll(file, s, d)),
    transactions: read('transactions', (s, d) => readTransactions(file, s, d, config)),
    gl: read('gl', (s, d) => readGl(file, s, d, config)),
    suspense: read('suspense', (s, d) => readSuspense(file, s, d)),
    issues,
  };
}

