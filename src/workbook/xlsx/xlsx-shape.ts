/**
 * A cheap look at an .xlsx's shape before exceljs loads it (Node only, like xlsx-file.ts): the zip's
 * central directory is read by hand and each worksheet's XML streamed through zlib, counting cells
 * without keeping the text, and the shared-string count read from the first bytes of its part.
 * exceljs holds every cell as an object, so a legal sheet of 1,048,576 x 12 cells or 25M shared
 * strings would run V8 out of memory; this lets the CLI refuse them with a located message first.
 * Anything this reader does not understand (zip64, odd compression) is left for exceljs to judge.
 */
import { createInflateRaw } from 'node:zlib';

/** Cells over all worksheets, and shared strings, that the CLI reads at most. */
export const MAX_WORKBOOK_CELLS = 5_000_000;

export interface ShapeProblem {
  /** The sheet's name as the user sees it, or null for a workbook-wide part (shared strings). */
  readonly sheet: string | null;
  readonly found: string;
  readonly limit: string;
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function centralDirectory(buf: Buffer): Entry[] | null {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (p === 0xffffffff || count === 0xffff) return null; // zip64: left to exceljs
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function dataOf(buf: Buffer, e: Entry): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * Streams a part's XML, calling `chunk` with each piece of text (the last few bytes of the previous
 * piece carried over, so a tag split between pieces is seen); `chunk` returns false to stop early.
 */
function streamPart(buf: Buffer, e: Entry, chunk: (text: string) => boolean): Promise<void> {
  const data = dataOf(buf, e);
  if (!data) return Promise.resolve();
  if (e.method === 0) {
    chunk(data.toString('latin1'));
    return Promise.resolve();
  }
  if (e.method !== 8) return Promise.resolve();
  return new Promise((resolve) => {
    const z = createInflateRaw();
    let carry = '';
    let stopped = false;
    z.on('data', (d: Buffer) => {
      if (stopped) return;
      const text = carry + d.toString('latin1');
      carry = text.slice(-2);
      if (!chunk(text)) {
        stopped = true;
        z.destroy();
        resolve();
      }
    });
    z.on('error', () => resolve()); // a broken part is exceljs's to report
    z.on('end', () => resolve());
    z.on('close', () => resolve());
    z.end(data);
  });
}

/**
 * Cells in a piece of worksheet XML: each <c ...> or <c> element. The two bytes carried from the
 * previous piece complete a tag split between pieces without counting any tag twice.
 */
function countCells(text: string): number {
  let n = 0;
  let i = text.indexOf('<c');
  while (i >= 0) {
    const next = text.charCodeAt(i + 2);
    if (next === 32 || next === 62) n++; // "<c " or "<c>", not "<col" or "<cfRule"
    i = text.indexOf('<c', i + 2);
  }
  return n;
}

/** Worksheet part path -> the sheet's name, from xl/workbook.xml and its relationships. */
async function sheetNames(buf: Buffer, entries: readonly Entry[]): Promise<Map<string, string>> {
  const read = async (name: string): Promise<string> => {
    const e = entries.find((x) => x.name === name);
    let text = '';
    if (e) await streamPart(buf, e, (t) => ((text += t.slice(text === '' ? 0 : 2)), true));
    return text;
  };
  const [book, rels] = await Promise.all([read('xl/workbook.xml'), read('xl/_rels/workbook.xml.rels')]);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, name.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return out;
}

/**
 * The first problem with the workbook's size, or null when it is within the budget (or this reader
 * cannot tell: exceljs then judges the file as before).
 */
export async function checkXlsxShape(bytes: Buffer, maxCells: number = MAX_WORKBOOK_CELLS): Promise<ShapeProblem | null> {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  const limit = maxCells.toLocaleString('en-GB');
  const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (sst) {
    let unique = 0;
    await streamPart(bytes, sst, (t) => {
      const m = /<(?:\w+:)?sst\b[^>]*>/.exec(t);
      if (m) unique = Number(/\buniqueCount="(\d+)"/.exec(m[0])?.[1] ?? /\bcount="(\d+)"/.exec(m[0])?.[1] ?? 0);
      return !m && t.length < 4096;
    });
    if (unique > maxCells) return { sheet: null, found: `${unique.toLocaleString('en-GB')} shared strings`, limit: `${limit} strings` };
  }
  const names = await sheetNames(bytes, entries);
  let total = 0;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    let cells = 0;
    await streamPart(bytes, e, (t) => {
      cells += countCells(t);
      return total + cells <= maxCells;
    });
    total += cells;
    if (total > maxCells) {
      return { sheet: names.get(e.name) ?? e.name, found: `more than ${limit} cells in the workbook up to this sheet`, limit: `${limit} cells` };
    }
  }
  return null;
}
