/**
 * The Account actions mode wired to the pane: the worker runs the jobs, the store's actions table
 * (v6) keeps the log per workbook (the pane's memory when storage is unavailable), downloads go
 * through the browser, the workbook is read whole through the host's port when a job needs it. The
 * Direct Debits mode's mandate register (the store's mandates) gives the refund risks that need
 * it (a payer who is not the tenant, a bank change), and the shipped England and Wales bank
 * holidays the Bacs working days, as the CLI's --mandates and holiday list do. The only piece the
 * Pane's mode switch renders.
 */
import { useEffect, useMemo, useState } from 'react';
import { registerCsvText } from '../../engine/jobs/dd-register';
import { MandateStore } from '../../store/mandate-store';
import { fetchBankHolidays } from '../dd/dd-data';
import type { ActionsJob, ActionsJobResult } from '../../engine/jobs/actions-worker';
import type { LedgerStore } from '../../store/ledger-store';
import { readUserSheets } from '../../workbook/user-sheets';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { downloadFile } from '../download';
import type { PaneHost } from '../host';
import { AccountActionsPanel } from './AccountActionsPanel';
import { actionsLogFor } from './actions-log';

export interface AccountActionsModeProps {
  readonly host: Pick<PaneHost, 'port' | 'workbookId' | 'fileName'>;
  /** The config file's JSON. */
  readonly config: unknown;
  readonly store: LedgerStore | null;
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
  /** The Bacs bank holidays; fetched from the page's own origin unless given (tests). */
  readonly loadHolidays?: () => Promise<string>;
}

export function AccountActionsMode({ host, config, store, send, loadHolidays = fetchBankHolidays }: AccountActionsModeProps) {
  const log = useMemo(() => actionsLogFor(store?.db ?? null, host.workbookId), [store, host.workbookId]);
  // Until the list arrives (or where it cannot be fetched) working days are Monday to Friday.
  const [holidays, setHolidays] = useState('');
  useEffect(() => {
    loadHolidays().then(setHolidays, () => setHolidays(''));
  }, [loadHolidays]);
  const loadRegister = useMemo(
    () => async () => {
      if (!store) return null;
      const mandates = await new MandateStore(store.db).mandates();
      return mandates.length === 0 ? null : { kind: 'csv' as const, text: registerCsvText(mandates.map((m) => m.row)) };
    },
    [store],
  );
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
      holidaysText={holidays}
      loadRegister={loadRegister}
      now={() => new Date()}
      download={(f) => downloadFile(f.name, f.text, f.name.endsWith('.csv') ? 'text/csv' : 'text/plain')}
    />
  );
}
