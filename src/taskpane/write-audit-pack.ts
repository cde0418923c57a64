/** Writes the audit pack (the same HL sheets as the CLI's --out) into the workbook through the port. */
import { buildAuditPack, type SourceSummary } from '../engine/audit-pack';
import type { LedgerConfig } from '../engine/config';
import type { IsoDate } from '../engine/dates';
import type { InputIssue } from '../engine/issues';
import type { ReconcileResult } from '../engine/reconcile/types';
import type { SheetSpec } from '../engine/sheet-spec';
import type { SignOff } from '../store/schema';
import { PRODUCT_VERSION } from '../version';
import type { PaneHost } from './host';

export interface PackInput {
  readonly result: ReconcileResult;
  readonly config: LedgerConfig;
  readonly sources: readonly SourceSummary[];
  readonly issues: readonly InputIssue[];
  readonly runAt: string;
  readonly signOffs: readonly SignOff[];
  /** Further sheets of the pack: the clearance journal and the suspense ageing. */
  readonly extra?: readonly SheetSpec[];
}

/** Returns the names of the sheets written. */
export async function writeAuditPack(host: Pick<PaneHost, 'port'>, input: PackInput): Promise<string[]> {
  const preparer = input.signOffs.find((s) => s.role === 'preparer');
  const reviewer = input.signOffs.find((s) => s.role === 'reviewer');
  const specs = buildAuditPack(input.result, input.config, {
    productVersion: PRODUCT_VERSION,
    runAt: input.runAt,
    preparedBy: preparer?.name ?? '',
    preparedOn: preparer ? (preparer.at.slice(0, 10) as IsoDate) : null,
    reviewedBy: reviewer?.name ?? '',
    reviewedOn: reviewer ? (reviewer.at.slice(0, 10) as IsoDate) : null,
    sources: input.sources,
    issues: input.issues,
  });
  const all = [...specs, ...(input.extra ?? [])];
  await host.port.writeSheets(all);
  return all.map((s) => s.name);
}
