/**
 * The import ledger: every payment file imported, with its content hash, totals, daily batches and
 * the keys of its payments, so the same file is never imported twice and the same payment never
 * twice across files. Pure data and pure checks; the task pane keeps it in IndexedDB and the CLI in
 * a JSON file (both are adapters over these types). An IndexedDB store answers findInLedger's
 * question with two indexes, `fileHash` and the multi-entry `*paymentKeys`, and builds the
 * LedgerMatches that completePaymentFile takes; rows hold pence as integers, dates as YYYY-MM-DD.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { RECEIPT_CATEGORIES, type Category } from '../categories';
import { parseDayFirst, type IsoDate } from '../dates';
import { formatPence, parsePence, type Pence } from '../money';
import { paymentIssue, type PaymentIssue } from './payment-issues';
import type { PaymentFileRead, PaymentLine } from './read-payment-file';

/** One day's receipts of one channel from one file: a batch for the housing system and the GL. */
export interface LedgerBatch {
  readonly batchRef: string;
  readonly date: IsoDate;
  readonly channel: Category;
  readonly count: number;
  /** All the file's lines of the day: allocated + suspense. */
  readonly total: Pence;
  readonly allocated: Pence;
  readonly suspense: Pence;
}

export interface ImportLedgerEntry {
  /** SHA-256 (hex) of the file's text with line endings normalised to LF. */
  readonly fileHash: string;
  readonly fileName: string;
  readonly profile: string;
  readonly channel: Category;
  /** When it was imported (ISO 8601, given by the caller: the engine has no clock). */
  readonly importedAt: string;
  readonly count: number;
  readonly total: Pence;
  readonly batches: readonly LedgerBatch[];
  /** paymentKey() of every line: hashes, so no card number or reference is kept in clear. */
  readonly paymentKeys: readonly string[];
}

export interface ImportLedger {
  readonly entries: readonly ImportLedgerEntry[];
}

export const EMPTY_LEDGER: ImportLedger = { entries: [] };

/** The content hash of a file: a re-saved copy with other line endings is the same file. */
export function fileHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text.replace(/\r\n?/g, '\n'))));
}

/** 64 bits of some texts (two seeded 32-bit mixes, a separator between texts), as 16 hex digits: enough to tell payments apart. */
function hash64(...parts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    const s = parts[p] as string;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x7c, 2654435761); // '|'
    h2 = Math.imul(h2 ^ 0x7c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(h2) + hex8(h1);
}

function hex8(n: number): string {
  const s = (n >>> 0).toString(16);
  return s.length === 8 ? s : s.padStart(8, '0');
}

/**
 * A reference or transaction id as it means, not as it was typed: upper case, without spaces,
 * punctuation or invisible characters, and without leading zeros ("0010 1887" and "101887" are one
 * ref), so a re-keyed re-send of the same payments still collides.
 */
export function normaliseKeyPart(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^0+/, '');
}

/** One key per line: a second identical payment within the same file gets its own key by its occurrence, so only a payment seen in another file collides. */
function keysByOccurrence(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : hash64(base, String(n));
  });
}

/**
 * The keys of a file's payments, on meaning: channel, date, amount in pence, the reference and the
 * transaction id normalised by normaliseKeyPart. Prefixed "2:" so they never meet a key of the
 * older form (legacyPaymentKeys).
 */
export function paymentKeys(lines: readonly PaymentLine[], channel: Category): string[] {
  return keysByOccurrence(lines.map((l) => `2:${hash64(channel, l.date, String(l.amount), normaliseKeyPart(l.reference), normaliseKeyPart(l.transactionId))}`));
}

/**
 * The keys as ledgers written before keys on meaning hold them (the raw reference, spaces removed
 * only from a reference that was not already plain). Looked up beside paymentKeys, so a ledger
 * written by an older version still refuses its own files' payments (and the file itself by its hash).
 */
export function legacyPaymentKeys(lines: readonly PaymentLine[], channel: Category): string[] {
  return keysByOccurrence(
    lines.map((l) => {
      const ref = /^[0-9A-Z]*$/.test(l.reference) ? l.reference : l.reference.toUpperCase().replace(/\s+/g, '');
      return hash64(channel, l.date, ref, String(l.amount), l.transactionId);
    }),
  );
}

/** The keys to look up for a file's lines: its keys on meaning, then its legacy keys (line i is at i and at n + i). */
export function lookupKeys(lines: readonly PaymentLine[], channel: Category): string[] {
  return [...paymentKeys(lines, channel), ...legacyPaymentKeys(lines, channel)];
}

/** What the ledger already holds of a file: the entry with the same hash, and entries holding any of its payment keys. */
export interface LedgerMatches {
  readonly file: ImportLedgerEntry | null;
  readonly payments: ReadonlyMap<string, ImportLedgerEntry>;
}

/** Looks a file up in an in-memory ledger (an IndexedDB store answers the same question with its indexes). */
export function findInLedger(ledger: ImportLedger, hash: string, keys: readonly string[]): LedgerMatches {
  const wanted = new Set(keys);
  const payments = new Map<string, ImportLedgerEntry>();
  let file: ImportLedgerEntry | null = null;
  for (const e of ledger.entries) {
    if (e.fileHash === hash && file === null) file = e;
    for (const k of e.paymentKeys) if (wanted.has(k) && !payments.has(k)) payments.set(k, e);
  }
  return { file, payments };
}

/** The ledger's verdict on a file: refused when the file, or any payment in it, was imported before. */
export function checkAgainstLedger(read: PaymentFileRead, hash: string, keys: readonly string[], matches: LedgerMatches): PaymentIssue[] {
  if (matches.file) {
    return [paymentIssue('ledger.file-imported', { file: read.file, line: null, column: null, field: null }, null, { when: matches.file.importedAt, name: matches.file.fileName, hash: hash.slice(0, 12) })];
  }
  const issues: PaymentIssue[] = [];
  const n = read.lines.length;
  const reported = new Set<number>();
  // keys may be lookupKeys (each line twice: on meaning, then legacy): a line is reported once.
  keys.forEach((k, i) => {
    const e = matches.payments.get(k);
    const l = n > 0 ? read.lines[i % n] : undefined;
    if (e && l && !reported.has(i % n)) {
      reported.add(i % n);
      issues.push(
        paymentIssue('ledger.payment-imported', { file: read.file, line: l.line, column: null, field: null }, null, {
          payment: `${l.date} ref ${l.reference || '(none)'} ${formatPence(l.amount)}`,
          name: e.fileName,
          // The entry's keys are in its file's line order: the original payment's place in its file.
          at: String(e.paymentKeys.indexOf(k) + 1),
          when: e.importedAt,
        }),
      );
    }
  });
  return issues;
}

/** The ledger with one more file. */
export function appendToLedger(ledger: ImportLedger, entry: ImportLedgerEntry): ImportLedger {
  return { entries: [...ledger.entries, entry] };
}

// The JSON file form (CLI): money as decimal strings, dates as YYYY-MM-DD.

const money = z.string().refine((s) => parsePence(s) !== null, 'not an amount with two decimals');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => parseDayFirst(s) !== null, 'not a date');
const channel = z.enum(RECEIPT_CATEGORIES as unknown as [Category, ...Category[]]);
const ledgerFileSchema = z
  .object({
    format: z.literal('housing-ledger/import-ledger'),
    version: z.literal(1),
    entries: z.array(
      z.object({
        fileHash: z.string().regex(/^[0-9a-f]{64}$/),
        fileName: z.string(),
        profile: z.string(),
        channel,
        importedAt: z.string(),
        count: z.number().int().min(0),
        total: money,
        batches: z.array(z.object({ batchRef: z.string(), date: day, channel, count: z.number().int().min(0), total: money, allocated: money, suspense: money })),
        paymentKeys: z.array(z.string()),
      }),
    ),
  })
  .strict();

const pence = (s: string): Pence => parsePence(s) as Pence;

/** Reads the JSON file form; problems name the key. */
export function ledgerFromJson(json: unknown): { ok: true; ledger: ImportLedger } | { ok: false; problems: string[] } {
  const parsed = ledgerFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`) };
  return {
    ok: true,
    ledger: {
      entries: parsed.data.entries.map((e) => ({
        ...e,
        total: pence(e.total),
        batches: e.batches.map((b) => ({ ...b, date: b.date as IsoDate, total: pence(b.total), allocated: pence(b.allocated), suspense: pence(b.suspense) })),
      })),
    },
  };
}

export function ledgerToJson(ledger: ImportLedger): unknown {
  return {
    format: 'housing-ledger/import-ledger',
    version: 1,
    entries: ledger.entries.map((e) => ({
      ...e,
      total: formatPence(e.total),
      batches: e.batches.map((b) => ({ ...b, total: formatPence(b.total), allocated: formatPence(b.allocated), suspense: formatPence(b.suspense) })),
    })),
  };
}
