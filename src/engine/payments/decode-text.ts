/**
 * A payment file's bytes to text, with the encoding found and named (issue 10 item 7): files arrive
 * as UTF-8 (with or without a BOM; Excel's "CSV UTF-8"), as Windows-1252 (Excel's plain "CSV" on a
 * UK PC: `£` is one byte, 0xA3) or as UTF-16 (Excel's "Unicode Text", with a BOM, rarely without).
 *
 * The order of the tests is the decision, and it is documented in docs/payment-files.md:
 * 1. a BOM names the encoding, and the rest must then decode cleanly under it;
 * 2. without a BOM, text whose every other byte is zero is UTF-16 (LE or BE by which half is zero);
 * 3. bytes that are valid UTF-8 are UTF-8 (plain ASCII is UTF-8 too);
 * 4. otherwise Windows-1252, but only when it is plausible text: none of the five bytes 1252 leaves
 *    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) and no control character but tab, CR and LF.
 * Anything else (a zip such as an .xlsx, a PDF, random bytes) is refused with the first byte that
 * fits no encoding, never decoded with replacement characters (`Zo� Thompson-M�ller`).
 * Pure: no TextDecoder (the engine has no DOM or Node library), a few table lookups per byte.
 */

export type TextEncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'Windows-1252' | 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-16 LE without BOM' | 'UTF-16 BE without BOM';

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly reason: string };

/** Windows-1252's 0x80-0x9F (undefined positions are -1); 0xA0-0xFF are Latin-1, the code point itself. */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

/** How each encoding is named to a person (the preview, the CLI's summary line). */
export function describeEncoding(e: TextEncodingName): string {
  switch (e) {
    case 'UTF-8':
      return 'UTF-8';
    case 'UTF-8 with BOM':
      return 'UTF-8 with a byte order mark (Excel\u2019s \u201cCSV UTF-8\u201d)';
    case 'Windows-1252':
      return 'Windows-1252 (Excel\u2019s plain \u201cCSV\u201d on a UK PC)';
    case 'UTF-16 LE':
    case 'UTF-16 BE':
      return `${e} with a byte order mark (Excel\u2019s \u201cUnicode Text\u201d)`;
    case 'UTF-16 LE without BOM':
    case 'UTF-16 BE without BOM':
      return `${e.replace(' without BOM', '')}, without a byte order mark`;
    default: {
      const never: never = e;
      throw new Error(`unknown encoding ${String(never)}`);
    }
  }
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

const UNREADABLE = 'it is not text in any encoding this tool reads (UTF-8, Windows-1252 or UTF-16)';
const HOW_TO_SAVE = 'save it from Excel as \u201cCSV UTF-8 (Comma delimited)\u201d and try again';

/** Decodes a payment file's bytes; see the module comment for the order of the tests. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const n = bytes.length;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const r = utf8(bytes, 3);
    return typeof r === 'string' ? { ok: true, text: `\ufeff${r}`, encoding: 'UTF-8 with BOM' } : { ok: false, reason: `it starts with a UTF-8 byte order mark but byte ${r + 1} (${hex(bytes[r] ?? 0)}) is not UTF-8; ${HOW_TO_SAVE}` };
  }
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const r = utf16(bytes, 2, le);
    return 'text' in r ? { ok: true, text: r.text, encoding: le ? 'UTF-16 LE' : 'UTF-16 BE' } : { ok: false, reason: `it starts with a UTF-16 byte order mark but ${r.problem}; ${HOW_TO_SAVE}` };
  }
  if (n >= 2 && (bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: 'it is a zip file (an Excel .xlsx workbook?), not a text file: save the sheet from Excel as \u201cCSV UTF-8 (Comma delimited)\u201d' };
  const bare = bareUtf16(bytes);
  if (bare !== null) {
    const r = utf16(bytes, 0, bare);
    if ('text' in r) return { ok: true, text: r.text, encoding: bare ? 'UTF-16 LE without BOM' : 'UTF-16 BE without BOM' };
  }
  const u = utf8(bytes, 0);
  if (typeof u === 'string') return { ok: true, text: u, encoding: 'UTF-8' };
  const w = cp1252(bytes);
  if (typeof w === 'string') return { ok: true, text: w, encoding: 'Windows-1252' };
  return { ok: false, reason: `${UNREADABLE}: byte ${w + 1} (${hex(bytes[w] ?? 0)}) is not valid UTF-8 and ${(bytes[w] ?? 0) < 0x20 ? 'is a control character, not text' : 'is not a Windows-1252 character'}; ${HOW_TO_SAVE}` };
}

/** UTF-16 without a BOM: even length, and in the first 4,000 bytes at least 90% of one half zero and few of the other (ASCII-range text). true = LE. */
function bareUtf16(bytes: Uint8Array): boolean | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const end = Math.min(bytes.length, 4000);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = end / 2;
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.1) return true;
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.1) return false;
  return null;
}

/** Strict UTF-8 from `start`: the text, or the 0-based offset of the first byte that is not UTF-8 (overlongs and surrogates refused). */
function utf8(bytes: Uint8Array, start: number): string | number {
  const parts: string[] = [];
  const units: number[] = [];
  const flush = (): void => {
    parts.push(String.fromCharCode(...units));
    units.length = 0;
  };
  let i = start;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 0) return i;
      units.push(b);
      i++;
    } else {
      let need: number;
      let cp: number;
      let min: number;
      if (b >= 0xc2 && b <= 0xdf) [need, cp, min] = [1, b & 0x1f, 0x80];
      else if (b >= 0xe0 && b <= 0xef) [need, cp, min] = [2, b & 0x0f, 0x800];
      else if (b >= 0xf0 && b <= 0xf4) [need, cp, min] = [3, b & 0x07, 0x10000];
      else return i;
      if (i + need >= n) return i;
      for (let k = 1; k <= need; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) return i;
        cp = (cp << 6) | (c & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else units.push(cp);
      i += need + 1;
    }
    if (units.length >= 8192) flush();
  }
  flush();
  return parts.join('');
}

/** UTF-16 from `start`: the text, or why not (an odd length, a lone surrogate, a NUL). */
function utf16(bytes: Uint8Array, start: number, le: boolean): { text: string } | { problem: string } {
  if ((bytes.length - start) % 2 !== 0) return { problem: 'its length is an odd number of bytes' };
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = start; i < bytes.length; i += 2) {
    const u = le ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8) : ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
    if (u === 0) return { problem: `character ${(i - start) / 2 + 1} is a NUL, not text` };
    units.push(u);
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
  }
  parts.push(String.fromCharCode(...units));
  const text = parts.join('');
  // A lone surrogate is not text.
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) ? { problem: 'it holds a lone UTF-16 surrogate, not text' } : { text };
}

/** Windows-1252 when plausible: the text, or the 0-based offset of the first byte that rules it out. */
function cp1252(bytes: Uint8Array): string | number {
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    let u = b;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return i;
    if (b === 0x7f) return i;
    if (b >= 0x80 && b <= 0x9f) {
      u = CP1252_HIGH[b - 0x80] as number;
      if (u < 0) return i;
    }
    units.push(u);
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}
