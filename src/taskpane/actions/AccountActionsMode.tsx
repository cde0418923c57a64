/**
 * The Account actions mode wired to the pane: the worker runs the jobs, the store's actions table
 * (v6) keeps the log per workbook (the pane's memory when storage is unavailable), downloads go
 * through the browser. The only piece the Pane's mode switch renders.
 */
import { useMemo } from 'react';
import type { SheetData } from '../../engine/cells';
import type { ActionsJob, ActionsJobResult } from '../../engine/jobs/actions-worker';
import { ActionsRepo } from '../../store/actions-store';
import type { LedgerStore } from '../../store/ledger-store';
import type { EngineClient } from '../../worker/client';
import { downloadFile } from '../download';
import { AccountActionsPanel } from './AccountActionsPanel';
import { memoryLog, type ActionsLogPort } from './useAccountActions';

export interface AccountActionsModeProps {
  readonly workbookId: string;
  readonly fileName: string;
  readonly sheets: readonly SheetData[];
  /** The config file's JSON. */
  readonly config: unknown;
  readonly store: LedgerStore | null;
  readonly client: EngineClient | null;
}

function storeLog(store: LedgerStore, logId: string): ActionsLogPort {
  const repo = new ActionsRepo(store.db);
  return { load: () => repo.load(logId), append: (judgedOn, events) => repo.append(logId, judgedOn, events) };
}

export function AccountActionsMode({ workbookId, fileName, sheets, config, store, client }: AccountActionsModeProps) {
  const log = useMemo(() => (store ? storeLog(store, workbookId) : memoryLog()), [store, workbookId]);
  const run = useMemo(
    () =>
      async (job: ActionsJob, cfg: unknown): Promise<ActionsJobResult> => {
        if (!client) throw new Error('the engine is not ready');
        const o = await client.run({ kind: 'account-actions', job, config: cfg });
        if (o.kind === 'account-actions') return o.result;
        throw new Error(o.kind === 'failure' ? o.message : o.kind === 'input-error' ? o.problems.join('; ') : 'the engine gave no answer');
      },
    [client],
  );
  return (
    <AccountActionsPanel
      fileName={fileName}
      readSheets={() => Promise.resolve(sheets)}
      config={config}
      run={run}
      log={log}
      // The Bacs holiday list is not shipped to the pane yet: working days are Monday to Friday here.
      holidaysText=""
      now={() => new Date()}
      download={(f) => downloadFile(f.name, f.text, f.name.endsWith('.csv') ? 'text/csv' : 'text/plain')}
    />
  );
}
