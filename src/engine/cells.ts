/**
 * Raw cells as every workbook adapter delivers them: dates as Excel serial numbers (what office-js
 * returns for values), errors as their Excel code, empty as null.
 */
export interface CellError {
  readonly error: string; // "#N/A", "#VALUE!", ...
}

export type RawCell = string | number | boolean | null | CellError;

export function isCellError(c: RawCell | undefined): c is CellError {
  return typeof c === 'object' && c !== null && 'error' in c;
}

export function isBlank(c: RawCell | undefined): boolean {
  if (typeof c !== 'string') return c === null || c === undefined;
  // Hot path (every data row's cells): text starting with a visible ASCII character is not blank,
  // and needs no trim to say so.
  const first = c.charCodeAt(0);
  return first > 32 && first < 127 ? false : c.trim() === '';
}

/** A sheet's used range as read: rows[0][0] is the cell at (originRow, originCol), both 1-based. */
export interface SheetData {
  readonly name: string;
  readonly originRow: number;
  readonly originCol: number;
  readonly rows: readonly (readonly RawCell[])[];
}

/** 1 -> A, 27 -> AA. */
export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'Rent Roll'!C14: the sheet name is always quoted, with quotes doubled. */
export function a1(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${columnLetter(col)}${row}`;
}

/** Display text of a raw cell, for messages. */
export function rawText(c: RawCell | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (isCellError(c)) return c.error;
  return String(c);
}
