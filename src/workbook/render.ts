/**
 * How a SheetSpec becomes cells, decided once for both adapters: number formats, the look of each
 * cell style, sheet and table names Excel accepts, print setup, the `_HL_` marker that identifies
 * a product sheet, and Excel serial dates. Pure: no office-js and no exceljs here; the xlsx adapter
 * (exceljs) and the Excel adapter (office-js) each translate these decisions into their API's terms,
 * and the port contract suite checks that both end with the same workbook.
 */
import { isoToSerial, serialToIso, type IsoDate } from '../engine/dates';
import { penceToPounds } from '../engine/money';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from '../engine/sheet-spec';
import { columnLetter } from '../engine/cells';

// ---- number formats -------------------------------------------------------------------------

/** Pounds with two decimals and thousands separators; negatives in red with a minus sign (a UK ledger reads "-£12.50", not "(12.50)"). */
export const MONEY_FORMAT = '"£"#,##0.00;[Red]-"£"#,##0.00';
/** Day first, as a UK reader expects. */
export const DATE_FORMAT = 'dd/mm/yyyy';
/** A whole number computed by a formula (a count), so Excel does not show it as 5.0000001 or with a currency. */
export const INTEGER_FORMAT = '0';
/** What Excel calls no format. */
export const GENERAL_FORMAT = 'General';

/** The number format of a cell, or null to leave Excel's General. */
export function numberFormatOf(cell: CellSpec): string | null {
  switch (cell.kind) {
    case 'money':
      return MONEY_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'formula':
      if (cell.result.kind === 'money') return MONEY_FORMAT;
      // Only a whole cached result gets the integer format: "0" would show 0.5 as 1.
      return cell.result.kind === 'number' && Number.isInteger(cell.result.value) ? INTEGER_FORMAT : null;
    case 'text':
    case 'number':
      return null;
    default: {
      const never: never = cell;
      return never;
    }
  }
}

/** The number a cell holds: money in pounds (the format shows the £), a date as its 1900-system serial; null for text and formulas. */
export function numberOf(cell: CellSpec): number | null {
  switch (cell.kind) {
    case 'number':
      return cell.value;
    case 'money':
      return penceToPounds(cell.value);
    case 'date':
      return isoToSerial(cell.value);
    case 'text':
    case 'formula':
      return null;
    default: {
      const never: never = cell;
      return never;
    }
  }
}

/** A formula's cached result as the cell stores it (money in pounds). */
export function formulaResultOf(cell: Extract<CellSpec, { kind: 'formula' }>): number | string {
  const r = cell.result;
  return r.kind === 'money' ? penceToPounds(r.value) : r.value;
}

/** The formula as both APIs take it: A1 references, no leading "=" (each adapter adds what its API wants). */
export function formulaText(cell: Extract<CellSpec, { kind: 'formula' }>): string {
  return cell.formula.replace(/^=/, '');
}

// ---- styles ---------------------------------------------------------------------------------

/** How a cell style looks, in terms both APIs have. Colours are #RRGGBB. */
export interface CellLook {
  readonly bold: boolean;
  readonly italic: boolean;
  /** Font size in points; null keeps the workbook's default. */
  readonly size: number | null;
  readonly color: string | null;
  readonly fill: string | null;
  /** A thin line above the cell (a total). */
  readonly borderTop: boolean;
}

const PLAIN: CellLook = { bold: false, italic: false, size: null, color: null, fill: null, borderTop: false };

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { ...PLAIN, bold: true, size: 14 },
  heading: { ...PLAIN, bold: true, fill: '#E7E6E6' },
  label: PLAIN,
  total: { ...PLAIN, bold: true, borderTop: true },
  'status-ok': { ...PLAIN, bold: true, color: '#107C10' },
  'status-bad': { ...PLAIN, bold: true, color: '#C50F1F' },
  note: { ...PLAIN, italic: true, color: '#605E5C' },
};

/** The look of an unstyled cell, for comparisons. */
export const PLAIN_LOOK: CellLook = PLAIN;

/** The built-in table style of every product table: light, banded rows, prints well in grey. */
export const TABLE_STYLE = 'TableStyleLight9';

/** The widest digit of the default font (Calibri 11) in pixels, and a column's padding (ECMA-376 18.3.1.13). */
const DIGIT_PX = 7;
const PADDING_PX = 5;
/** Points per pixel at 96 dpi. */
const PT_PER_PX = 0.75;

/**
 * Column width in characters (the spec's unit, and the file format's) as the points office-js's
 * columnWidth takes (its unit is points: OfficeDev/office-js#187): a column n characters wide is
 * n * 7 + 5 pixels in the default font, as ECMA-376 defines it, so 12 characters are 66.75 points.
 */
export function columnWidthPoints(characters: number): number {
  return (characters * DIGIT_PX + PADDING_PX) * PT_PER_PX;
}

/** What a protected product sheet still lets the user do: it guards against accidental edits (no password), not against reading or sorting. */
export const PROTECTION = { selectCells: true, autoFilter: true, sort: true, formatColumns: true, formatRows: true } as const;

// ---- sheet names ----------------------------------------------------------------------------

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts for a sheet: at most 31 characters, none of : \ / ? * [ ], no apostrophe at
 * either end, not blank, and not "History" (Excel reserves it for change tracking).
 */
export function cleanSheetName(wanted: string): string {
  const s = wanted.replace(/[:\\/?*[\]]/g, '-').replace(/^'+|'+$/g, '').slice(0, MAX_SHEET_NAME).trim();
  return s === '' || s.toLowerCase() === 'history' ? `${s || 'Sheet'} (HL)` : s;
}

/**
 * The cleaned name, or "Name (2)", "Name (3)" ... when a sheet (the user's) already has it; the
 * suffix replaces the end of a long name so the whole stays within 31 characters. `taken` holds
 * the names in use, lower-cased (Excel's sheet names are case-insensitive).
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean = cleanSheetName(wanted);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** 'Rent Roll' quoted for a reference, quotes doubled: 'Dec''s summary'. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---- table names ----------------------------------------------------------------------------

/** Excel's limit on a table (or any defined) name's length. */
const MAX_TABLE_NAME = 255;

/**
 * A name Excel accepts for a table: letters, digits, "_" and "." only, starting with a letter or
 * "_", at most 255 characters, and not something Excel reads as a cell reference (A1, R1C1, or a
 * bare R or C).
 */
export function cleanTableName(wanted: string): string {
  let s = wanted.replace(/[^A-Za-z0-9_.]/g, '_');
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s) || /^[RrCc]$/.test(s)) s = `_${s}`;
  return s.slice(0, MAX_TABLE_NAME);
}

/**
 * The cleaned table name, or Name_2, Name_3 ... when a table or a workbook name elsewhere (the
 * user's) has it: Excel wants every table and defined name distinct, case-insensitively. `taken`
 * holds those names lower-cased; the name chosen is added to it.
 */
export function freeTableName(wanted: string, taken: Set<string>): string {
  const clean = cleanTableName(wanted);
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, MAX_TABLE_NAME - `_${i}`.length)}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Where a table sits, 1-based and inclusive. */
export interface TableBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** "B3:C33" */
  readonly address: string;
}

/**
 * A table covers its header and exactly rowCount rows. Excel cannot open a table without a data
 * row, so an empty one (rowCount 0) gets a single blank row under its header: the filter buttons
 * stay, and the sheet shows an empty list rather than no table at all.
 */
export function tableBox(t: TableSpec): TableBox {
  const top = t.headerRow + 1;
  const left = t.firstCol + 1;
  const bottom = top + Math.max(1, t.rowCount);
  const right = t.firstCol + t.columns.length;
  return { top, left, bottom, right, address: `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}` };
}

// ---- print setup ----------------------------------------------------------------------------

export interface PrintSetup {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Pages across: the sheet is scaled to fit one page wide. */
  readonly fitToWidth: 1;
  /** Pages down: 0 means as many as the rows need. */
  readonly fitToHeight: 0;
  /** Rows repeated at the top of every page (1-based, inclusive), or null. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
}

/** Above this total width (characters) a sheet prints in landscape. */
const LANDSCAPE_ABOVE = 100;

/** Auditors print: A4, one page wide, wide sheets in landscape, the first table's header on every page. */
export function printSetupOf(spec: SheetSpec): PrintSetup {
  const width = spec.columnWidths.reduce((a, b) => a + b, 0);
  const first = spec.tables[0];
  return {
    paper: 'A4',
    orientation: width > LANDSCAPE_ABOVE ? 'landscape' : 'portrait',
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: first ? { first: first.headerRow + 1, last: first.headerRow + 1 } : null,
  };
}

/** Title rows as a print-titles reference: "$1:$1". */
export function titleRowsReference(rows: { readonly first: number; readonly last: number }): string {
  return `$${rows.first}:$${rows.last}`;
}

// ---- the marker -----------------------------------------------------------------------------

/**
 * Workbook-level names mark the sheets the product wrote (`_HL_<key>` -> 'Sheet'!$A$1); Excel keeps
 * a name pointing at its sheet when the sheet is renamed, so the mark survives renaming.
 */
export const MARKER_PREFIX = '_HL_';

/** Keys are lower-case words joined by "." or "-" ("audit.reconciling-items"), so the marker name maps back to the key exactly. */
const KEY_PATTERN = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

export function markerName(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`sheet key '${key}' must be lower-case words joined by '.' or '-'`);
  return `${MARKER_PREFIX}${key.replace(/-/g, '__').replace(/\./g, '_')}`;
}

export function isMarkerName(name: string): boolean {
  return name.startsWith(MARKER_PREFIX);
}

export function keyFromMarker(marker: string): string {
  return marker.slice(MARKER_PREFIX.length).replace(/__/g, '-').replace(/_/g, '.');
}

/** What a marker refers to: the sheet's A1, "'HL Summary'!$A$1". */
export function markerReference(sheet: string): string {
  return `${quoteSheetName(sheet)}!$A$1`;
}

/** The sheet a workbook name refers to: "='HL Summary'!$A$1" -> "HL Summary"; null for anything else (#REF!, a constant). */
export function sheetOfReference(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'"]+))!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
}

// ---- serial dates ---------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a 1900-system serial (25569), from the one serial rule in engine/dates. */
const UNIX_EPOCH_SERIAL = isoToSerial('1970-01-01' as IsoDate);

/**
 * A JavaScript Date (as exceljs gives a date cell: UTC, the file's 1900 or 1904 system already
 * applied) as a 1900-system serial; whole days stay integers, a time of day is the fraction.
 * Dates before 1 March 1900 are one day out, as in every reader of Excel's phantom 29 Feb 1900.
 */
export function serialOfDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Midnight UTC of the date, as exceljs wants a date cell; the inverse of serialOfDate. */
export function dateOfIso(iso: IsoDate): Date {
  // Through the serial, so the days before 1 March 1900 agree with exceljs's reading.
  return new Date((isoToSerial(iso) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

export { isoToSerial, serialToIso };
