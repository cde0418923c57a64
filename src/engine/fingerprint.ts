/**
 * A SHA-256 of a sheet's normalised cell values, so an auditor can tell that a figure came from
 * exactly this data. Normalised: every used cell from the origin, row by row, each written with its
 * type (n: number, s: text, b: boolean, e: error, empty), cells joined by TAB and rows by LF;
 * formatting, formulas and cell positions outside the used range do not count.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { isCellError, type RawCell, type SheetData } from './cells';

function cellText(c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return `n:${c}`;
  if (typeof c === 'string') return c === '' ? '' : `s:${c.replace(/[\t\n\r\\]/g, (ch) => `\\${ch.charCodeAt(0)}`)}`;
  if (typeof c === 'boolean') return `b:${c ? 1 : 0}`;
  return isCellError(c) ? `e:${c.error}` : '';
}

/** Hex SHA-256 of the sheet's normalised values; the same values always give the same hash. */
export function fingerprintSheet(sheet: SheetData): string {
  const h = sha256.create();
  h.update(utf8ToBytes(`origin:${sheet.originRow},${sheet.originCol}\n`));
  const chunk: string[] = [];
  let size = 0;
  for (const row of sheet.rows) {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end--;
    const line = row.slice(0, end).map(cellText).join('\t');
    chunk.push(line);
    size += line.length;
    if (size > 1 << 20) {
      h.update(utf8ToBytes(chunk.join('\n') + '\n'));
      chunk.length = 0;
      size = 0;
    }
  }
  if (chunk.length) h.update(utf8ToBytes(chunk.join('\n') + '\n'));
  return bytesToHex(h.digest());
}
