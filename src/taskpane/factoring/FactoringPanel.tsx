/**
 * Factoring mode (issue 15): register checks and the dry run, the sample check, approval by someone
 * other than the preparer, and the release of the bills, the distribution list, the summary and the
 * postings. Everything is decided by the jobs in src/engine/jobs/factoring-*.ts, through the worker.
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApprovalsConfig } from '../../engine/approvals';
import type { SheetData } from '../../engine/cells';
import type { SheetSpec } from '../../engine/sheet-spec';
import type { LedgerDb } from '../../store/db';
import { dexieFactoringRuns } from '../../store/factoring-runs';
import { actionsLogFor } from '../actions/actions-log';
import { FilePicker } from '../components/FilePicker';
import { FactoringPages } from './DebtPages';
import { downloadFile } from '../download';
import { DebtView } from './DebtView';
import { DryRunView } from './DryRunView';
import { SampleCheck } from './SampleCheck';
import { useFactoring, type RunFactoring } from './useFactoring';
import type { RunFactoringDebt } from './useFactoringDebt';

const useStyles = makeStyles({ box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export interface FactoringPanelProps {
  /** Reads the workbook's sheets (each dry run and the release read them afresh). */
  readonly readSheets: () => Promise<readonly SheetData[]>;
  readonly workbookFile: string;
  /** The config file's JSON (its `factoring` object holds the PF number and fees). */
  readonly config: unknown;
  readonly run: RunFactoring;
  /** Who may approve, and when a second approver is needed (the config's approvals section). */
  readonly approvals: ApprovalsConfig;
  /** Writes the released sheets into the workbook (the pane's host); absent, they are not written. */
  readonly writeSheets?: (sheets: readonly SheetSpec[]) => Promise<void>;
  readonly now?: () => string;
  /** The pane's database, where the sample marks and the approval log are kept between sessions; null when storage is unavailable. */
  readonly db?: LedgerDb | null;
  readonly workbookId?: string;
  /** The Factoring debt page's requests (issue 16); absent, the page is not offered. */
  readonly runDebt?: RunFactoringDebt;
  /** On the standalone page: downloads the workbook under a name (after the report is written into it). */
  readonly downloadWorkbook?: (name: string) => Promise<void>;
}

export function FactoringPanel({ readSheets, workbookFile, config, run, approvals, writeSheets, now = () => new Date().toISOString(), db = null, workbookId = '', runDebt, downloadWorkbook }: FactoringPanelProps) {
  const styles = useStyles();
  // A factoring config file chosen here (the sample's sits beside the sample register) overrides the pane's `factoring` object.
  const [chosen, setChosen] = useState<{ name: string; json: unknown } | null>(null);
  const [configProblem, setConfigProblem] = useState<string | null>(null);
  const effective = chosen ? { ...((config ?? {}) as Record<string, unknown>), factoring: (chosen.json as Record<string, unknown> | null)?.factoring } : config;
  const store = useMemo(() => (db ? dexieFactoringRuns(db, workbookId) : undefined), [db, workbookId]);
  const f = useFactoring(run, workbookFile, readSheets, effective, approvals, store);
  // The write-offs' approval log, kept in the store beside the account actions (its own log), so a
  // proposal and its approvals outlive the pane.
  const writeoffLog = useMemo(() => actionsLogFor(db, `${workbookId}#factoring-writeoffs`), [db, workbookId]);
  const { state } = f;
  const release = async (): Promise<void> => {
    await f.release();
  };
  const [page, setPage] = useState<'bills' | 'debt'>('bills');
  const pages = runDebt && <FactoringPages page={page} onPage={setPage} />;
  if (page === 'debt' && runDebt) {
    return (
      <div className={styles.box}>
        {pages}
        <DebtView run={runDebt} readSheets={readSheets} workbookFile={workbookFile} config={effective} now={now} log={writeoffLog} {...(writeSheets ? { writeSheets } : {})} {...(downloadWorkbook ? { downloadWorkbook } : {})} />
      </div>
    );
  }
  return (
    <div className={styles.box}>
      {pages}
      <Field label="Quarter (YYYY-Qn)">
        <Input value={f.quarter} placeholder="2026-Q4" onChange={(_, d) => f.setQuarter(d.value)} />
      </Field>
      <Field label="Prepared by">
        <Input value={f.preparedBy} onChange={(_, d) => f.setPreparedBy(d.value)} />
      </Field>
      <FilePicker
        accept=".json,application/json"
        label="Choose a config file with a factoring object"
        onFile={async (file) => {
          try {
            setChosen({ name: file.name, json: JSON.parse(await file.text()) as unknown });
            setConfigProblem(null);
          } catch (e) {
            setConfigProblem(`${file.name} is not valid JSON (${(e as Error).message})`);
          }
        }}
      >
        Use a factoring config file…
      </FilePicker>
      {chosen && <Caption1>Factoring settings from {chosen.name}</Caption1>}
      {configProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{configProblem}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={state.busy} onClick={() => void f.dryRun()}>
        Check the register and dry run
      </Button>
      {state.problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>The config is not valid: {state.problems.join('; ')}</MessageBarBody>
        </MessageBar>
      )}
      {state.dry && <DryRunView dry={state.dry} />}
      {state.dry?.ok && state.sample && (
        <SampleCheck sample={state.sample} approval={f.approval} now={now} onMark={f.mark} onSignOff={f.signOff} onApprove={f.approve} onRelease={() => void release()} blockers={state.blockers} />
      )}
      {state.released && (
        <section aria-label="Released">
          {state.released.files.map((file) => (
            <Button key={file.name} onClick={() => downloadFile(file.name, file.text, 'text/csv;charset=utf-8')}>
              Download {file.name}
            </Button>
          ))}
          {writeSheets && <Button onClick={() => void writeSheets(state.released?.sheets ?? [])}>Write the bills and summary into the workbook</Button>}
        </section>
      )}
    </div>
  );
}
