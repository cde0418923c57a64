/**
 * The factoring register read from the workbook: each sheet found by its headers (title rows above
 * them skipped), every cell read by the rent sheets' CellReader, and every bad cell a located issue.
 */
import { isBlank, type RawCell, type SheetData } from '../cells';
import type { IsoDate } from '../dates';
import { sheetLocation, cellLocation } from '../issues';
import type { Pence } from '../money';
import { CellReader } from '../sources/cell-reader';
import { findHeader, type HeaderMatch, type MappedColumn } from '../sources/detect';
import { LAYOUTS, type Layout, type RegisterSheet } from './layouts';
import type { FactoringIssue } from './messages';
import { parseDecimal, parseShareText, shareFromNumber, type Rational } from './rational';

export type Basis = 'DEEDS' | 'TMS' | 'AGREED';

/** Where a record came from, for located issues. */
export interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

export interface Owner extends RowRef {
  readonly ref: string;
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly paper: boolean;
}
export interface Property extends RowRef {
  readonly ref: string;
  readonly block: string;
  readonly address: string;
  readonly floorArea: Rational | null;
}
export interface Ownership extends RowRef {
  readonly property: string;
  readonly owner: string;
  readonly from: IsoDate;
  /** Inclusive; null while current. */
  readonly to: IsoDate | null;
}
export interface ShareRow extends RowRef {
  readonly block: string;
  readonly property: string;
  readonly heading: string;
  /** Null: a TMS row with no share given (the scheme's rule decides). */
  readonly share: Rational | null;
  readonly basis: Basis;
  readonly from: IsoDate | null;
  readonly to: IsoDate | null;
}
export interface Charge extends RowRef {
  readonly block: string;
  readonly heading: string;
  readonly description: string;
  readonly amount: Pence;
  readonly jobDate: IsoDate;
  readonly invoiceRef: string;
  readonly supplier: string;
}
export interface Policy extends RowRef {
  readonly block: string;
  readonly policy: string;
  readonly insurer: string;
  readonly premium: Pence;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly sumInsured: Pence | null;
  readonly excess: Pence | null;
}

export interface Register {
  readonly file: string;
  readonly sheets: Readonly<Record<RegisterSheet, string | null>>;
  readonly owners: readonly Owner[];
  readonly properties: readonly Property[];
  readonly ownership: readonly Ownership[];
  readonly shares: readonly ShareRow[];
  readonly charges: readonly Charge[];
  readonly policies: readonly Policy[];
  /** Where each sheet's columns were found, to locate issues found after reading. */
  readonly columns: Readonly<Record<RegisterSheet, ReadonlyMap<string, MappedColumn>>>;
}

/** Cost headings and blocks are compared trimmed and upper case ("Common repairs" = "COMMON REPAIRS"). */
export const headingKey = (s: string): string => s.trim().replace(/\s+/g, ' ').toUpperCase();

interface SheetCursor {
  readonly data: SheetData;
  readonly match: HeaderMatch;
  readonly reader: CellReader;
}

const NONE: MappedColumn = { col: 1, header: '' };

function eachRow(c: SheetCursor, keyField: string, visit: (cell: (field: string) => RawCell | undefined, col: (field: string) => MappedColumn, row: number) => void): void {
  const { data, match, reader } = c;
  const idx = (field: string): number => {
    const m = match.columns.get(field);
    return m ? m.col - data.originCol : -1;
  };
  const indexes = [...match.columns.values()].map((m) => m.col - data.originCol);
  const col = (field: string): MappedColumn => match.columns.get(field) ?? NONE;
  for (let r = match.headerRow - data.originRow + 1; r < data.rows.length; r++) {
    const row = data.rows[r] ?? [];
    const rowNumber = data.originRow + r;
    if (reader.isSkippable(row, indexes, idx(keyField), rowNumber, col(keyField))) continue;
    visit((field) => (idx(field) >= 0 ? row[idx(field)] : undefined), col, rowNumber);
  }
}

/** Picks a sheet for each layout: the most complete header match not already taken. */
function assign(file: string, sheets: readonly SheetData[], issues: FactoringIssue[]): Map<RegisterSheet, { data: SheetData; match: HeaderMatch }> {
  const out = new Map<RegisterSheet, { data: SheetData; match: HeaderMatch }>();
  const taken = new Set<string>();
  for (const layout of LAYOUTS) {
    let best: { data: SheetData; match: HeaderMatch } | null = null;
    for (const data of sheets) {
      if (taken.has(data.name)) continue;
      const match = findHeader(data, layout.fields);
      if (match === null || !match.complete) continue;
      const named = data.name.trim().toLowerCase() === layout.label.toLowerCase();
      const bestNamed = best !== null && best.data.name.trim().toLowerCase() === layout.label.toLowerCase();
      if (best === null || (named && !bestNamed) || (named === bestNamed && match.confidence > best.match.confidence)) best = { data, match };
    }
    if (best) {
      out.set(layout.sheet, best);
      taken.add(best.data.name);
    } else {
      issues.push(missingSheet(file, layout));
    }
  }
  return out;
}

function missingSheet(file: string, layout: Layout): FactoringIssue {
  const expected = layout.fields.filter((x) => x.required).map((x) => x.label).join(', ');
  return { code: 'factoring.sheet-missing', severity: 'error', raw: null, location: sheetLocation(file, null), detail: { sheet: layout.label, expected } };
}

/** Reads the six sheets; a missing sheet or a bad cell is an issue, and its rows are left out. */
export function readRegister(file: string, sheets: readonly SheetData[]): { register: Register; issues: FactoringIssue[] } {
  const issues: FactoringIssue[] = [];
  const found = assign(file, sheets, issues);
  const cursor = (s: RegisterSheet): SheetCursor | null => {
    const x = found.get(s);
    return x ? { ...x, reader: new CellReader(file, x.data.name) } : null;
  };
  const mine = (c: SheetCursor, code: FactoringIssue['code'], raw: RawCell | undefined, row: number, column: MappedColumn, detail: Record<string, string> = {}): void => {
    issues.push({ code, severity: 'error', raw: isBlank(raw) || raw === undefined ? null : c.reader.text(raw), location: cellLocation(file, c.data.name, row, column.col, column.header), detail });
  };
  const text = (c: SheetCursor, raw: RawCell | undefined): string => c.reader.text(raw ?? null);

  const owners: Owner[] = [];
  const cOwners = cursor('owners');
  if (cOwners) {
    eachRow(cOwners, 'owner', (cell, col, row) => {
      const ref = cOwners.reader.ref(cell('owner'), row, col('owner'));
      const paperText = text(cOwners, cell('paper')).toUpperCase();
      if (!['', 'Y', 'N', 'YES', 'NO'].includes(paperText)) mine(cOwners, 'factoring.yes-no-invalid', cell('paper'), row, col('paper'));
      if (ref === null) return;
      owners.push({ sheet: cOwners.data.name, row, ref, name: text(cOwners, cell('name')), address: text(cOwners, cell('address')), email: text(cOwners, cell('email')), paper: paperText.startsWith('Y') });
    });
  }

  const properties: Property[] = [];
  const cProps = cursor('properties');
  if (cProps) {
    eachRow(cProps, 'property', (cell, col, row) => {
      const ref = cProps.reader.ref(cell('property'), row, col('property'));
      const block = cProps.reader.ref(cell('block'), row, col('block'));
      const areaRaw = cell('floorArea');
      let floorArea: Rational | null = null;
      if (!isBlank(areaRaw)) {
        floorArea = typeof areaRaw === 'number' ? parseDecimal(String(areaRaw)) : parseDecimal(text(cProps, areaRaw).replace(/\s*m(²|2)$/i, ''));
        if (floorArea === null || floorArea.n <= 0n) {
          cProps.reader.issue('amount.not-number', 'error', areaRaw, row, col('floorArea'));
          floorArea = null;
        }
      }
      if (ref === null || block === null) return;
      properties.push({ sheet: cProps.data.name, row, ref, block, address: text(cProps, cell('address')), floorArea });
    });
  }

  const ownership: Ownership[] = [];
  const cOwn = cursor('ownership');
  if (cOwn) {
    eachRow(cOwn, 'property', (cell, col, row) => {
      const property = cOwn.reader.ref(cell('property'), row, col('property'));
      const owner = cOwn.reader.ref(cell('owner'), row, col('owner'));
      const from = cOwn.reader.date(cell('from'), row, col('from'), true);
      const to = cOwn.reader.date(cell('to'), row, col('to'), false);
      if (property === null || owner === null || !from || to === undefined) return;
      if (to !== null && to < from) {
        mine(cOwn, 'factoring.end-before-start', cell('to'), row, col('to'), { start: from });
        return;
      }
      ownership.push({ sheet: cOwn.data.name, row, property, owner, from, to });
    });
  }

  const shares: ShareRow[] = [];
  const cShares = cursor('shares');
  if (cShares) {
    eachRow(cShares, 'property', (cell, col, row) => {
      const block = cShares.reader.ref(cell('block'), row, col('block'));
      const property = cShares.reader.ref(cell('property'), row, col('property'));
      const heading = cShares.reader.ref(cell('heading'), row, col('heading'));
      const basisText = text(cShares, cell('basis')).toUpperCase();
      const basis = basisText === 'DEEDS' || basisText === 'TMS' || basisText === 'AGREED' ? basisText : null;
      if (basis === null) mine(cShares, 'factoring.basis-invalid', cell('basis'), row, col('basis'));
      const rawShare = cell('share');
      let share: Rational | null = null;
      let shareOk = true;
      if (!isBlank(rawShare)) {
        share = typeof rawShare === 'number' ? shareFromNumber(rawShare) : parseShareText(text(cShares, rawShare));
        if (share === null || share.n < 0n || share.n > share.d) {
          mine(cShares, 'factoring.share-invalid', rawShare, row, col('share'));
          shareOk = false;
        }
      } else if (basis !== 'TMS' && basis !== null) {
        mine(cShares, 'factoring.share-invalid', rawShare, row, col('share'));
        shareOk = false;
      }
      const from = cShares.reader.date(cell('from'), row, col('from'), false);
      const to = cShares.reader.date(cell('to'), row, col('to'), false);
      if (block === null || property === null || heading === null || basis === null || !shareOk || from === undefined || to === undefined) return;
      if (from !== null && to !== null && to < from) {
        mine(cShares, 'factoring.end-before-start', cell('to'), row, col('to'), { start: from });
        return;
      }
      shares.push({ sheet: cShares.data.name, row, block, property, heading: headingKey(heading), share, basis, from, to });
    });
  }

  const charges: Charge[] = [];
  const cCharges = cursor('charges');
  if (cCharges) {
    eachRow(cCharges, 'invoiceRef', (cell, col, row) => {
      const block = cCharges.reader.ref(cell('block'), row, col('block'));
      const heading = cCharges.reader.ref(cell('heading'), row, col('heading'));
      const amount = cCharges.reader.amount(cell('amount'), row, col('amount'));
      const jobDate = cCharges.reader.date(cell('jobDate'), row, col('jobDate'), true);
      const invoiceRef = cCharges.reader.ref(cell('invoiceRef'), row, col('invoiceRef'));
      if (block === null || heading === null || amount === undefined || !jobDate || invoiceRef === null) return;
      charges.push({ sheet: cCharges.data.name, row, block, heading: headingKey(heading), description: text(cCharges, cell('description')), amount, jobDate, invoiceRef, supplier: text(cCharges, cell('supplier')) });
    });
  }

  const policies: Policy[] = [];
  const cIns = cursor('insurance');
  if (cIns) {
    eachRow(cIns, 'policy', (cell, col, row) => {
      const block = cIns.reader.ref(cell('block'), row, col('block'));
      const policy = cIns.reader.ref(cell('policy'), row, col('policy'));
      const premium = cIns.reader.amount(cell('premium'), row, col('premium'));
      const from = cIns.reader.date(cell('from'), row, col('from'), true);
      const to = cIns.reader.date(cell('to'), row, col('to'), true);
      const sumInsured = isBlank(cell('sumInsured')) ? null : (cIns.reader.amount(cell('sumInsured'), row, col('sumInsured')) ?? null);
      const excess = isBlank(cell('excess')) ? null : (cIns.reader.amount(cell('excess'), row, col('excess')) ?? null);
      if (block === null || policy === null || premium === undefined || !from || !to) return;
      if (to < from) {
        mine(cIns, 'factoring.end-before-start', cell('to'), row, col('to'), { start: from });
        return;
      }
      policies.push({ sheet: cIns.data.name, row, block, policy, insurer: text(cIns, cell('insurer')), premium, from, to, sumInsured, excess });
    });
  }

  for (const c of [cOwners, cProps, cOwn, cShares, cCharges, cIns]) if (c) issues.push(...c.reader.issues);
  const sheetName = (s: RegisterSheet): string | null => found.get(s)?.data.name ?? null;
  return {
    register: {
      file,
      sheets: { owners: sheetName('owners'), properties: sheetName('properties'), ownership: sheetName('ownership'), shares: sheetName('shares'), charges: sheetName('charges'), insurance: sheetName('insurance') },
      owners,
      properties,
      ownership,
      shares,
      charges,
      policies,
      columns: {
        owners: found.get('owners')?.match.columns ?? new Map(),
        properties: found.get('properties')?.match.columns ?? new Map(),
        ownership: found.get('ownership')?.match.columns ?? new Map(),
        shares: found.get('shares')?.match.columns ?? new Map(),
        charges: found.get('charges')?.match.columns ?? new Map(),
        insurance: found.get('insurance')?.match.columns ?? new Map(),
      },
    },
    issues,
  };
}
