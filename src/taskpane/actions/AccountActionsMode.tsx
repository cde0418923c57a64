/**
 * The Account actions mode wired to the pane: the worker runs the jobs, the store's actions table
 * (v6) keeps the log per workbook (the pane's memory when storage is unavailable), downloads go
 * through the browser, the workbook is read whole through the host's port when a job needs it. The
 * only piece the Pane's mode switch renders.
 */
import { useMemo } from 'react';
import type { ActionsJob, ActionsJobResult } from '../../engine/jobs/actions-worker';
import { ActionsRepo } from '../../store/actions-store';
import type { LedgerStore } from '../../store/ledger-store';
import { readUserSheets } from '../../workbook/user-sheets';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { downloadFile } from '../download';
import type { PaneHost } from '../host';
import { AccountActionsPanel } from './AccountActionsPanel';
import { memoryLog, type ActionsLogPort } from './useAccountActions';

export interface AccountActionsModeProps {
  readonly host: Pick<PaneHost, 'port' | 'workbookId' | 'fileName'>;
  /** The config file's JSON. */
  readonly config: unknown;
  readonly store: LedgerStore | null;
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
}

function storeLog(store: LedgerStore, logId: string): ActionsLogPort {
  const repo = new ActionsRepo(store.db);
  return { load: () => repo.load(logId), append: (judgedOn, events) => repo.append(logId, judgedOn, events) };
}

export function AccountActionsMode({ host, config, store, send }: AccountActionsModeProps) {
  const log = useMemo(() => (store ? storeLog(store, host.workbookId) : memoryLog()), [store, host.workbookId]);
  const run = useMemo(
    () =>
      async (job: ActionsJob, cfg: unknown): Promise<ActionsJobResult> => {
        const o = await send({ kind: 'account-actions', job, config: cfg });
        if (o.kind === 'account-actions') return o.result;
        throw new Error(o.kind === 'failure' ? o.message : o.kind === 'input-error' ? o.problems.join('; ') : 'the engine gave no answer');
      },
    [send],
  );
  return (
    <AccountActionsPanel
      fileName={host.fileName}
      // The workbook as it is now: candidates and requests read the rent roll and postings whole.
      readSheets={() => readUserSheets(host.port)}
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
