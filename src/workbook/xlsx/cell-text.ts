/**
 * How a cell reads in the workbook view: dates as dd/mm/yyyy and money with two decimals, as Excel
 * would show them, from the cell's number format (the port's raw values keep dates as serials).
 * Computed in the workbook worker (./book-handle.ts), which holds the cells' formats; the standalone
 * page's grid only receives the text of the rows it shows.
 */
import type { XlsxWorkbook } from './xlsx-workbook';
import { isCellError, type RawCell } from '../../engine/cells';
import { formatUkDate, serialToIso } from '../../engine/dates';

export type CellText = (row: number, col: number, raw: RawCell | undefined) => string;

export function plainText(_row: number, _col: number, c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (isCellError(c)) return c.error;
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return String(c);
}

const DATE_FORMAT = /(^|[^"\\])[dy]/i;

export function formattedText(book: XlsxWorkbook, sheet: string): CellText {
  const ws = book.workbook.getWorksheet(sheet);
  if (!ws) return plainText;
  return (row, col, raw) => {
    if (typeof raw !== 'number') return plainText(row, col, raw);
    const cell = ws.getCell(row, col);
    const fmt = cell.numFmt ?? '';
    if (cell.value instanceof Date || (fmt && DATE_FORMAT.test(fmt.replace(/\[[^\]]*\]/g, '')))) {
      const iso = serialToIso(raw);
      if (iso) return formatUkDate(iso);
    }
    if (/0\.00/.test(fmt)) {
      const text = Math.abs(raw).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${raw < 0 ? '-' : ''}${fmt.includes('£') ? '£' : ''}${text}`;
    }
    return String(raw);
  };
}
