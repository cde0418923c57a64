/**
 * Job: a payment file's import (CLI `payments`; the pane's Payment files panel through the worker).
 * Detect the profile, read, check the controls, check against the import ledger through a port,
 * allocate, and give the outputs: postings (laid out by config.payments.postings), suspense and
 * summary CSV, the ledger entry, the CLI's JSON object. All or nothing: a refused file gives no
 * output and no ledger entry.
 *
 * Decisions (issue 9):
 * - Allocation uses the config's suspenseMatch and payments.endedTenancies in every front end (the
 *   CLI used the defaults, the pane the settings' suspenseMatch and always 'suspense').
 * - The rent roll is found and read with the config's sheet and column settings; an error in the
 *   rent roll stops the import (the pane allocated over whatever rows it could read).
 * - The postings file follows config.payments.postings in both front ends.
 * - The ledger entry is recorded by the caller once the outputs exist (a file in the ledger is
 *   refused next time, so its outputs must be written first).
 */
import type { SheetData } from '../cells';
import type { LedgerConfig } from '../config';
import { describeIssue } from '../messages';
import { formatPence, sumPence, type Pence } from '../money';
import { RollIndex, type AllocationConfig } from '../payments/allocate-payments';
import { appendToLedger, findInLedger, type ImportLedger, type ImportLedgerEntry, type LedgerMatches } from '../payments/import-ledger';
import { describePaymentIssue, type PaymentIssue } from '../payments/payment-issues';
import { postingsCsv, summaryCsv, suspenseCsv } from '../payments/payment-outputs';
import { completePaymentFile, preparePaymentFile, previewImport, type PaymentRun, type PreparedPaymentFile } from '../payments/process-payment-file';
import type { ImportProfile } from '../payments/profile';
import { readRentRollOnly } from '../sources/read-sources';
import { firstProblems, type JobRefusal } from './common';

/** The import ledger, wherever it is kept: a JSON file for the CLI, IndexedDB for the pane (LedgerStore fits as it is). */
export interface ImportLedgerPort {
  /** The entry holding this file, and the entries holding any of these payment keys. */
  findImports(hash: string, keys: readonly string[]): Promise<LedgerMatches>;
  /** Adds the entry; refuses (rejects) a file or payment it holds already. */
  recordImport(entry: ImportLedgerEntry): Promise<void>;
}

/** A ledger held in memory (the CLI's file once read, tests): the port over it, and the ledger after. */
export function memoryLedgerPort(initial: ImportLedger): ImportLedgerPort & { readonly ledger: () => ImportLedger } {
  let ledger = initial;
  return {
    findImports: (hash, keys) => Promise.resolve(findInLedger(ledger, hash, keys)),
    recordImport: (entry) => {
      const seen = findInLedger(ledger, entry.fileHash, entry.paymentKeys);
      if (seen.file || seen.payments.size > 0) return Promise.reject(new Error(`${entry.fileName} was imported already; nothing was added.`));
      ledger = appendToLedger(ledger, entry);
      return Promise.resolve();
    },
    ledger: () => ledger,
  };
}

/** LedgerMatches as plain data (for the worker protocol: no Map). */
export interface LedgerMatchesData {
  readonly file: ImportLedgerEntry | null;
  readonly payments: readonly (readonly [string, ImportLedgerEntry])[];
}

export function matchesToData(m: LedgerMatches): LedgerMatchesData {
  return { file: m.file, payments: [...m.payments] };
}

export function matchesFromData(d: LedgerMatchesData): LedgerMatches {
  return { file: d.file, payments: new Map(d.payments) };
}

export type PaymentRoll = { readonly ok: true; readonly roll: RollIndex; readonly accounts: number } | JobRefusal;

/** The rent roll to allocate to, alone (a workbook's month of postings is not needed); any error in it stops the import. */
export function paymentRoll(file: string, sheets: readonly SheetData[], config: LedgerConfig): PaymentRoll {
  const found = readRentRollOnly(file, sheets, config);
  if (!found) {
    const summary = 'no sheet looks like a rent roll (Account Ref, Start Date, End Date, Weekly Charge, Opening Balance, Closing Balance)';
    return { ok: false, summary, problems: [], issues: [] };
  }
  const errors = found.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, summary: `${errors.length} problem(s) in the rent roll`, problems: firstProblems(errors.map(describeIssue)), issues: found.issues };
  return { ok: true, roll: new RollIndex(found.sheet.records), accounts: found.sheet.records.length };
}

/**
 * The profile that reads the file with no error and the most lines (ten points a line, a thousand
 * off an error): a suggestion the person can change; null when none reads a line cleanly.
 */
export function detectProfile(text: string, profiles: readonly ImportProfile[], fileName: string): string | null {
  let best: { name: string; score: number } | null = null;
  for (const p of profiles) {
    const r = previewImport(text, p, { fileName, maxLines: 0 });
    const errors = r.issues.filter((i) => i.severity === 'error').length;
    const score = r.count > 0 ? r.count * 10 - errors * 1000 : -1e9;
    if (!best || score > best.score) best = { name: p.name, score };
  }
  return best && best.score > 0 ? best.name : null;
}

export type PaymentPreview = ReturnType<typeof previewImport>;

/** What the pane shows before posting: the first lines, the totals, the controls and every issue. */
export function previewPaymentFile(text: string, profile: ImportProfile, options: { readonly fileName: string; readonly maxLines: number; readonly settlement: Pence | null }): PaymentPreview {
  return previewImport(text, profile, options);
}

export interface PaymentFileInput {
  readonly text: string;
  readonly fileName: string;
  readonly profile: ImportProfile;
  /** The bank credit for the file, when entered (required by a settlement-controlled profile). */
  readonly settlement: Pence | null;
}

/** Step one: read and check the controls (the caller then asks its ledger about `hash` and `keys`). */
export function preparePaymentImport(input: PaymentFileInput): PreparedPaymentFile {
  return preparePaymentFile(input.text, input.profile, input.fileName, input.settlement);
}

export interface PaymentOutputs {
  readonly postings: string;
  readonly suspense: string;
  readonly summary: string;
}

export type PaymentImport =
  | {
      readonly ok: true;
      readonly run: Extract<PaymentRun, { ok: true }>;
      readonly profile: ImportProfile;
      readonly settlement: Pence | null;
      /** The entry to record once the outputs are written. */
      readonly entry: ImportLedgerEntry;
      readonly outputs: PaymentOutputs;
      readonly allocatedTotal: Pence;
      readonly suspenseTotal: Pence;
    }
  | (JobRefusal<PaymentIssue> & { readonly run: Extract<PaymentRun, { ok: false }> });

export function allocationConfig(config: LedgerConfig): AllocationConfig {
  return { endedTenancies: config.payments.endedTenancies, match: config.suspenseMatch };
}

/** Step two: the ledger's answer in, the allocation and every output out (or the refusal with every reason). */
export function completePaymentImport(prepared: PreparedPaymentFile, matches: LedgerMatches, roll: RollIndex, importedAt: string, config: LedgerConfig, settlement: Pence | null): PaymentImport {
  const run = completePaymentFile(prepared, matches, roll, importedAt, allocationConfig(config));
  if (!run.ok) {
    const errors = run.issues.filter((i) => i.severity === 'error');
    return { ok: false, run, summary: `refused (${errors.length} problem(s))`, problems: firstProblems(errors.map(describePaymentIssue)), issues: run.issues };
  }
  const a = run.allocation;
  const file = run.read.file;
  return {
    ok: true,
    run,
    profile: prepared.profile,
    settlement,
    entry: run.entry,
    outputs: { postings: postingsCsv(a, config.payments.postings), suspense: suspenseCsv(a, file), summary: summaryCsv(a, file) },
    allocatedTotal: sumPence(a.batches.map((b) => b.allocated)),
    suspenseTotal: sumPence(a.batches.map((b) => b.suspense)),
  };
}

/** Both steps over a ledger port (the entry is not recorded: see the decisions above). */
export async function importPaymentFile(input: PaymentFileInput, roll: RollIndex, ledger: Pick<ImportLedgerPort, 'findImports'>, importedAt: string, config: LedgerConfig): Promise<PaymentImport> {
  const prepared = preparePaymentImport(input);
  return completePaymentImport(prepared, await ledger.findImports(prepared.hash, prepared.keys), roll, importedAt, config, input.settlement);
}

/** The file's control as the JSON and the summary line say it. */
export function paymentControl(run: Extract<PaymentRun, { ok: true }>): { kind: 'trailer'; count: number | null; total: string | null } | { kind: 'balance'; opening: string; closing: string } | { kind: 'none' } {
  const { trailer, balance } = run.read;
  if (trailer) return { kind: 'trailer', count: trailer.count, total: trailer.total === null ? null : formatPence(trailer.total) };
  if (balance) return { kind: 'balance', opening: formatPence(balance.opening), closing: formatPence(balance.closing) };
  return { kind: 'none' };
}

/** The `payments --json` object (README.md); the paths are where the front end wrote the outputs. */
export function paymentsJson(imp: Extract<PaymentImport, { ok: true }>, paths: { readonly outputs: { readonly postings: string; readonly suspense: string; readonly summary: string }; readonly ledger: string | null }): Record<string, unknown> {
  const { run, profile, settlement } = imp;
  const a = run.allocation;
  return {
    file: run.read.file,
    profile: profile.name,
    channel: profile.channel,
    fileHash: run.hash,
    count: run.read.lines.length,
    total: formatPence(run.read.total),
    skipped: run.read.skipped,
    control: { ...paymentControl(run), settlement: settlement === null ? null : formatPence(settlement), agreed: true },
    allocated: { count: a.allocated.length, total: formatPence(imp.allocatedTotal), exact: a.allocated.filter((x) => x.how === 'exact').length, repaired: a.allocated.filter((x) => x.how === 'repaired').length },
    suspense: { count: a.suspense.length, total: formatPence(imp.suspenseTotal) },
    batches: a.batches.map((b) => ({ batchRef: b.batchRef, date: b.date, channel: b.channel, count: b.count, total: formatPence(b.total), allocated: formatPence(b.allocated), suspense: formatPence(b.suspense) })),
    suspenseItems: a.suspense.map((s) => ({ item: s.itemRef, line: s.line.line, date: s.line.date, amount: formatPence(s.line.amount), reference: s.line.reference, reason: s.reason })),
    repairs: a.allocated.filter((x) => x.how === 'repaired').map((x) => ({ line: x.line.line, reference: x.line.reference, account: x.account, reason: x.reason })),
    outputs: paths.outputs,
    ledger: paths.ledger,
    issues: run.issues.map(describePaymentIssue),
  };
}
