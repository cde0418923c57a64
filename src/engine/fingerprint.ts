/**
 * A SHA-256 of a sheet's normalised cell values, so an auditor can tell that a figure came from
 * exactly this data. Normalised: every used cell from the origin, row by row, each written with its
 * type (n: number, s: text, b: boolean, e: error, empty), cells joined by TAB and rows by LF;
 * formatting, formulas and cell positions outside the used range do not count.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { isCellError, type RawCell, type SheetData } from './cells';

const SPECIAL = /[\t\n\r\\]/;
const SPECIALS = /[\t\n\r\\]/g;

function cellText(c: RawCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return 'n:' + c;
  // Most cells hold no tab, line break or backslash: those skip the replace.
  if (typeof c === 'string') return c === '' ? '' : SPECIAL.test(c) ? 's:' + c.replace(SPECIALS, (ch) => `\\${ch.charCodeAt(0)}`) : 's:' + c;
  if (typeof c === 'boolean') return `b:${c ? 1 : 0}`;
  return isCellError(c) ? `e:${c.error}` : '';
}

/**
 * The normalised text of a sheet, in pieces of about 1 MB: what the fingerprint hashes (as UTF-8).
 * Exposed so a host with a native SHA-256 (WebCrypto in the worker) computes the same hash faster.
 */
export function* normalisedText(sheet: SheetData): Generator<string> {
  yield `origin:${sheet.originRow},${sheet.originCol}\n`;
  const chunk: string[] = [];
  let size = 0;
  for (const row of sheet.rows) {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end--;
    let line = '';
    for (let i = 0; i < end; i++) line += (i > 0 ? '\t' : '') + cellText(row[i]);
    chunk.push(line);
    size += line.length;
    if (size > 1 << 20) {
      yield chunk.join('\n') + '\n';
      chunk.length = 0;
      size = 0;
    }
  }
  if (chunk.length) yield chunk.join('\n') + '\n';
}

/** Hex SHA-256 of the sheet's normalised values; the same values always give the same hash. */
export function fingerprintSheet(sheet: SheetData): string {
  const h = sha256.create();
  for (const piece of normalisedText(sheet)) h.update(utf8ToBytes(piece));
  return bytesToHex(h.digest());
}
