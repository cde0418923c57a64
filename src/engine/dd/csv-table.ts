/**
 * A small CSV (or sheet) table for the Direct Debit inputs: a header row found by its columns'
 * synonyms, then one record per line with its 1-based line number, fields as text. Reading a sheet
 * gives the same table, so the CLI's CSV and the pane's sheet go through the same rules.
 */
import { rawText, type SheetData } from '../cells';
import { splitDelimited, splitLines } from '../payments/read-payment-file';
import { normaliseHeader } from '../sources/fields';

export interface TextTable {
  /** The header cells as given. */
  readonly header: readonly string[];
  /** The header's line (CSV) or row (sheet), 1-based. */
  readonly headerLine: number;
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** Reads CSV text; null when a quote is left open (the line is reported by the caller as unreadable). */
export function csvTable(text: string): { table: TextTable | null; badLine: number | null } {
  const lines = splitLines(text);
  let header: string[] | null = null;
  let headerLine = 0;
  const rows: { line: number; cells: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() === '') continue;
    const cells = splitDelimited(l, ',');
    if (cells === null) return { table: null, badLine: i + 1 };
    if (header === null) {
      header = cells.map((c) => c.trim());
      headerLine = i + 1;
    } else rows.push({ line: i + 1, cells: cells.map((c) => c.trim()) });
  }
  return { table: header === null ? null : { header, headerLine, rows }, badLine: null };
}

/** A sheet's cells as a text table: the header is the first row with at least three cells filled (a title row above it is skipped). */
export function sheetTable(sheet: SheetData): TextTable | null {
  let header: string[] | null = null;
  let headerLine = 0;
  const rows: { line: number; cells: string[] }[] = [];
  sheet.rows.forEach((r, i) => {
    const cells = r.map((c) => (rawText(c) ?? '').trim());
    if (cells.every((c) => c === '')) return;
    if (header === null) {
      if (cells.filter((c) => c !== '').length < 3) return;
      header = cells;
      headerLine = sheet.originRow + i;
    } else rows.push({ line: sheet.originRow + i, cells });
  });
  return header === null ? null : { header, headerLine, rows };
}

/** The column index of each field, found by its synonyms (compared as normaliseHeader does); -1 when absent. */
export function findColumns<K extends string>(header: readonly string[], synonyms: Readonly<Record<K, readonly string[]>>): Record<K, number> {
  const norm = header.map(normaliseHeader);
  const out = {} as Record<K, number>;
  for (const key of Object.keys(synonyms) as K[]) {
    const wanted = new Set(synonyms[key].map(normaliseHeader));
    out[key] = norm.findIndex((h) => wanted.has(h));
  }
  return out;
}
