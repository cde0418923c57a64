/**
 * The engine's front door for the month-end reconciliation: sheet values in, a result (or the
 * located issues that stop it) out. The CLI, the worker and the tests all call this.
 */
import type { SheetData } from './cells';
import { columnLetter } from './cells';
import type { LedgerConfig, UserReconcilingItem } from './config';
import { fingerprintSheet } from './fingerprint';
import { cellLocation, type InputIssue } from './issues';
import { blockingIssues, sheetsOf } from './jobs/common';
import { reconcile } from './reconcile/reconcile';
import type { Period, ReconcileResult } from './reconcile/types';
import { ROLE_BY_NAME } from './sources/fields';
import { readSources, type Sources } from './sources/read-sources';
import type { SourceSummary } from './audit-pack';

export interface RunInput {
  /** The file name as the user knows it, for messages. */
  readonly file: string;
  readonly sheets: readonly SheetData[];
}

export interface RunOptions {
  readonly period: Period;
  readonly config: LedgerConfig;
  readonly userItems?: readonly UserReconcilingItem[];
}

/** The reconciliation's outcome (the worker client's answers are `WorkerOutcome`). */
export type ReconciliationOutcome =
  | { readonly ok: true; readonly result: ReconcileResult; readonly sources: Sources; readonly issues: readonly InputIssue[] }
  | { readonly ok: false; readonly sources: Sources; readonly issues: readonly InputIssue[] };

/**
 * Reads the sources and reconciles. An error in any of the four sheets it reads (or in finding them)
 * stops it before reconciling, with every issue reported; see blockingIssues.
 */
export function runReconciliation(input: RunInput, options: RunOptions): ReconciliationOutcome {
  const sources = readSources(input.file, input.sheets, options.config);
  const blocking = blockingIssues(sources.issues, sheetsOf(sources, ['rentRoll', 'transactions', 'gl', 'suspense']));
  if (blocking.length > 0 || !sources.rentRoll || !sources.transactions || !sources.gl) {
    return { ok: false, sources, issues: sources.issues };
  }
  const tx = sources.transactions;
  const accountCol = tx.detection.columns.get('account');
  const postingLocation = (row: number) =>
    cellLocation(input.file, tx.detection.sheet, row, accountCol?.col ?? 1, accountCol?.header ?? null);
  const reconcileOptions = options.userItems ? { period: options.period, config: options.config, userItems: options.userItems } : { period: options.period, config: options.config };
  const result = reconcile(
    {
      rentRoll: sources.rentRoll.records,
      postings: tx.records,
      gl: sources.gl.records,
      suspense: sources.suspense?.records ?? [],
      postingLocation,
      ...(sources.rentRoll.accountIndex ? { accountIndex: sources.rentRoll.accountIndex } : {}),
    },
    reconcileOptions,
  );
  const issues = [...sources.issues, ...result.issues, ...periodIssues(sources, options.period)];
  return { ok: true, result, sources, issues };
}

/** Postings dated outside the period are still counted, but said (once per sheet, at the first such row). */
function periodIssues(sources: Sources, period: Period): InputIssue[] {
  const out: InputIssue[] = [];
  const tx = sources.transactions;
  if (!tx) return out;
  let first: (typeof tx.records)[number] | undefined;
  let count = 0;
  // An index loop: for-of allocates an iterator result per posting before the loop is optimised (see reconcile).
  // Postings come in runs of one date (the reader hands out one string per date): compare a date once per run.
  let lastDate = '';
  let lastInside = true;
  for (let i = 0; i < tx.records.length; i++) {
    const p = tx.records[i] as (typeof tx.records)[number];
    if (p.date !== lastDate) {
      lastDate = p.date;
      lastInside = p.date >= period.start && p.date <= period.end;
    }
    if (lastInside) continue;
    first ??= p;
    count++;
  }
  const col = tx.detection.columns.get('date');
  if (first && col) {
    out.push({
      code: 'date.outside-period',
      severity: 'warning',
      raw: first.date,
      location: cellLocation(sources.file, tx.detection.sheet, first.row, col.col, col.header),
      detail: { period: `${period.start} to ${period.end} (${count} postings)` },
    });
  }
  return out;
}

/** What the Sources sheet says about each input: mapping used, rows, hash. */
export function summariseSources(sources: Sources, sheets: readonly SheetData[], fingerprints?: Readonly<Record<string, string>>): SourceSummary[] {
  const out: SourceSummary[] = [];
  for (const s of [sources.rentRoll, sources.transactions, sources.gl, sources.suspense]) {
    if (!s) continue;
    const d = s.detection;
    const role = ROLE_BY_NAME.get(d.role);
    const mapping = (role?.fields ?? [])
      .filter((f) => d.columns.has(f.field))
      .map((f) => {
        const c = d.columns.get(f.field);
        return `${f.label} <- '${c?.header ?? ''}' (${columnLetter(c?.col ?? 1)})`;
      })
      .join('; ');
    const sheet = sheets.find((x) => x.name === d.sheet);
    out.push({
      role: role?.label ?? d.role,
      file: sources.file,
      sheet: d.sheet,
      headerRow: d.headerRow,
      rowCount: s.rowCount,
      mapping,
      sha256: fingerprints?.[d.sheet] ?? (sheet ? fingerprintSheet(sheet) : ''),
    });
  }
  return out;
}
