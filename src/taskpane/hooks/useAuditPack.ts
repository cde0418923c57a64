/**
 * The audit pack: the worker builds it from what the last run kept (the audit sheets, the suspense
 * clearance journal of the kept review, the ageing), the page writes it into the workbook through
 * the port.
 */
import { useState } from 'react';
import type { UserReconcilingItem } from '../../engine/config';
import type { SignOff } from '../../store/schema';
import { PRODUCT_VERSION } from '../../version';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { PaneSessionArgs } from '../../worker/protocol';
import type { PaneHost } from '../host';
import type { Notify } from '../pane-state';

export interface PackRequest {
  /** The run's stamp. */
  readonly runAt: string;
  readonly userItems: readonly UserReconcilingItem[];
  readonly signOffs: readonly SignOff[];
  /** The session written beside the pack (issue 11): its trail's head goes on the Summary. */
  readonly session?: Omit<PaneSessionArgs, 'packSheets'>;
}

export function useAuditPack(host: Pick<PaneHost, 'port' | 'onWorkbookChanged'>, request: (body: RequestBody) => Promise<WorkerOutcome>, notify: Notify) {
  const [written, setWritten] = useState<string | null>(null);

  /** Builds and writes the pack; the names of the sheets written, or null when it failed (and the workbook is as it was). */
  async function write({ runAt, userItems, signOffs, session }: PackRequest): Promise<string[] | null> {
    const signed = (role: SignOff['role']) => {
      const s = signOffs.find((x) => x.role === role);
      return s ? { name: s.name, at: s.at } : null;
    };
    try {
      const built = await request({ kind: 'build-pack', productVersion: PRODUCT_VERSION, runAt, preparer: signed('preparer'), reviewer: signed('reviewer'), userItems, ...(session ? { session } : {}) });
      if (built.kind !== 'pack') throw new Error(built.kind === 'failure' ? built.message : 'the engine did not build the pack');
      await host.port.writeSheets(built.sheets);
      const sheets = built.sheets.map((s) => s.name);
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
