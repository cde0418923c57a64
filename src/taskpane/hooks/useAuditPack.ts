/**
 * Writing the audit pack (the HL sheets, with the suspense clearance journal and ageing) into the
 * workbook through the port, and the trail event that records it.
 */
import { useState } from 'react';
import type { LedgerConfig } from '../../engine/config';
import type { ReconcileResult } from '../../engine/reconcile/types';
import { journalSheet } from '../../engine/suspense/clearance-journal';
import { reviewJournal, type ReviewState } from '../../engine/suspense/review-queue';
import { ageingSheet, suspenseAgeing } from '../../engine/suspense/suspense-ageing';
import type { SignOff } from '../../store/schema';
import type { PaneHost } from '../host';
import type { Notify, RunDone } from '../pane-state';
import { writeAuditPack } from '../write-audit-pack';

export interface PackRequest {
  readonly done: RunDone;
  /** The run's result with the reconciling items people added. */
  readonly result: ReconcileResult;
  readonly config: LedgerConfig;
  readonly review: ReviewState | null;
  readonly signOffs: readonly SignOff[];
}

export function useAuditPack(host: Pick<PaneHost, 'port' | 'onWorkbookChanged'>, notify: Notify) {
  const [written, setWritten] = useState<string | null>(null);

  /** Writes the pack; the names of the sheets written, or null when it failed (and the workbook is as it was). */
  async function write({ done, result, config, review, signOffs }: PackRequest): Promise<string[] | null> {
    try {
      const extra = [];
      if (done.suspense) {
        if (review) extra.push(journalSheet(reviewJournal(review, done.suspense.items, config.glSuspenseAccount)));
        extra.push(ageingSheet(suspenseAgeing(done.suspense.items, result.period.end, config.suspenseAgeLimitDays, done.suspense.matches)));
      }
      const sheets = await writeAuditPack(host, { result, config, sources: done.sources, issues: done.issues, runAt: done.at, signOffs, extra });
      setWritten(new Date().toISOString());
      host.onWorkbookChanged?.();
      notify({ intent: 'success', title: 'Audit pack written', text: `${sheets.length} sheets (${sheets.join(', ')}) were written into the workbook; your own sheets were not changed.` });
      return sheets;
    } catch (e) {
      notify({ intent: 'error', title: 'The audit pack was not written', text: `${(e as Error).message}. The workbook is as it was before.` });
      return null;
    }
  }

  return { written, write, reset: () => setWritten(null) };
}
