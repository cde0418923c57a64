/**
 * One payment file from text to postings, suspense and the ledger entry, all or nothing: a file
 * with any error, a control that does not agree, or a file or payment the ledger already holds is
 * refused with every reason, and the caller writes nothing. Two steps, so a store that answers
 * asynchronously (IndexedDB) can look the file up between them: preparePaymentFile, then
 * completePaymentFile with what the ledger holds; processPaymentFile does both over an in-memory ledger.
 */
import { guessDelimiter, splitDelimited, splitLines } from '../csv';
import type { Pence } from '../money';
import { allocatePayments, DEFAULT_ALLOCATION, type Allocation, type AllocationConfig, type RollIndex } from './allocate-payments';
import { checkAgainstLedger, fileHash, findInLedger, paymentKeys, type ImportLedger, type ImportLedgerEntry, type LedgerMatches } from './import-ledger';
import type { PaymentIssue } from './payment-issues';
import type { ImportProfile } from './profile';
import { checkControls, hasPaymentErrors, readPaymentFile, type PaymentFileRead } from './read-payment-file';

export interface PreparedPaymentFile {
  readonly read: PaymentFileRead;
  readonly profile: ImportProfile;
  readonly hash: string;
  /** paymentKeys of read.lines, in line order. */
  readonly keys: readonly string[];
  /** Reading and control issues (errors refuse the file). */
  readonly issues: readonly PaymentIssue[];
}

export type PaymentRun =
  | {
      readonly ok: true;
      readonly read: PaymentFileRead;
      readonly hash: string;
      readonly allocation: Allocation;
      /** The entry to add to the import ledger once the outputs are written. */
      readonly entry: ImportLedgerEntry;
      /** Warnings only. */
      readonly issues: readonly PaymentIssue[];
    }
  | { readonly ok: false; readonly read: PaymentFileRead; readonly issues: readonly PaymentIssue[] };

/** Reads the file and checks its controls (trailer, running balance, settlement). */
export function preparePaymentFile(text: string, profile: ImportProfile, fileName: string, settlement: Pence | null): PreparedPaymentFile {
  const read = readPaymentFile(text, profile, fileName);
  // A file without its trailer can still be controlled: by the settlement, when one is entered.
  const issues = read.issues.filter((i) => !(settlement !== null && i.code === 'trailer.missing'));
  if (!hasPaymentErrors(issues)) issues.push(...checkControls(read, profile, settlement));
  return { read, profile, hash: fileHash(text), keys: paymentKeys(read.lines, profile.channel), issues };
}

/** Checks the file against what the ledger holds of it, then allocates; refused on any error. */
export function completePaymentFile(
  prepared: PreparedPaymentFile,
  matches: LedgerMatches,
  roll: RollIndex,
  importedAt: string,
  config: AllocationConfig = DEFAULT_ALLOCATION,
): PaymentRun {
  const { read, hash, keys, profile } = prepared;
  const issues = [...prepared.issues, ...checkAgainstLedger(read, hash, keys, matches)];
  if (hasPaymentErrors(issues)) return { ok: false, read, issues };
  const allocation = allocatePayments(read.lines, profile.channel, hash, roll, config);
  const entry: ImportLedgerEntry = {
    fileHash: hash,
    fileName: read.file,
    profile: profile.name,
    channel: profile.channel,
    importedAt,
    count: read.lines.length,
    total: read.total,
    batches: allocation.batches,
    paymentKeys: keys,
  };
  return { ok: true, read, hash, allocation, entry, issues };
}

/** The whole run over an in-memory ledger (the CLI's ledger file, tests, the bench). */
export function processPaymentFile(
  input: { readonly text: string; readonly fileName: string; readonly profile: ImportProfile; readonly settlement: Pence | null; readonly importedAt: string },
  roll: RollIndex,
  ledger: ImportLedger,
  config: AllocationConfig = DEFAULT_ALLOCATION,
): PaymentRun {
  const prepared = preparePaymentFile(input.text, input.profile, input.fileName, input.settlement);
  return completePaymentFile(prepared, findInLedger(ledger, prepared.hash, prepared.keys), roll, input.importedAt, config);
}

/** What the task pane shows while a person maps a sample file: the first lines read, the totals and every issue. */
export function previewImport(
  text: string,
  profile: ImportProfile,
  options: { readonly fileName?: string; readonly maxLines?: number; readonly settlement?: Pence | null } = {},
): { readonly lines: PaymentFileRead['lines']; readonly count: number; readonly total: Pence; readonly skipped: number; readonly trailer: PaymentFileRead['trailer']; readonly balance: PaymentFileRead['balance']; readonly issues: readonly PaymentIssue[]; readonly ok: boolean } {
  const prepared = preparePaymentFile(text, profile, options.fileName ?? 'sample', options.settlement ?? null);
  const r = prepared.read;
  // A preview without a settlement yet is not an error: the person enters it on the next step.
  const issues = prepared.issues.filter((i) => i.code !== 'settlement.required');
  return { lines: r.lines.slice(0, options.maxLines ?? 50), count: r.lines.length, total: r.total, skipped: r.skipped, trailer: r.trailer, balance: r.balance, issues, ok: !issues.some((i) => i.severity === 'error') };
}


/**
 * The first lines of a sample file split into columns, for the task pane's mapping step: the
 * delimiter that splits the lines most consistently (or the one given), and the header row if asked.
 */
export function inspectPaymentFile(
  text: string,
  options: { readonly delimiter?: string; readonly skipLines?: number; readonly header?: boolean; readonly maxLines?: number } = {},
): { readonly delimiter: string; readonly headers: readonly string[] | null; readonly rows: readonly (readonly string[])[]; readonly lineCount: number } {
  const all = splitLines(text).filter((l) => l.trim() !== '');
  const body = all.slice(options.skipLines ?? 0);
  const sample = body.slice(0, 20);
  const delimiter = options.delimiter ?? guessDelimiter(sample);
  const split = (l: string): string[] => (splitDelimited(l, delimiter) ?? l.split(delimiter)).map((f) => f.trim());
  const headers = options.header && body[0] !== undefined ? split(body[0]) : null;
  const rows = body.slice(headers ? 1 : 0, (headers ? 1 : 0) + (options.maxLines ?? 10)).map(split);
  return { delimiter, headers, rows, lineCount: all.length };
}
