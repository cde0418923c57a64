/**
 * The Factoring debt page (issue 16): as of a day, the accounts in arrears with their stage and next
 * action, the notices to renew, register or discharge, and "Write report" for the month's P&L and
 * KPI pack. Everything comes from the jobs through the worker; this page shows it and sends intents.
 */
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetData } from '../../engine/cells';
import { describeReportIssue } from '../../engine/factoring/report/messages';
import { formatGBP, sumPence } from '../../engine/money';
import type { SheetSpec } from '../../engine/sheet-spec';
import type { ActionsLogPort } from '../actions/useAccountActions';
import { DebtArrearsList } from './DebtArrearsList';
import { DebtNotices } from './DebtNotices';
import { DebtWriteoffs } from './DebtWriteoffs';
import { ReportWriter } from './ReportWriter';
import { useFactoringDebt, type RunFactoringDebt } from './useFactoringDebt';

const useStyles = makeStyles({ box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }, row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' } });

export interface DebtViewProps {
  readonly run: RunFactoringDebt;
  readonly readSheets: () => Promise<readonly SheetData[]>;
  readonly workbookFile: string;
  /** The config's JSON (its `factoring` object holds the debt procedure and fees). */
  readonly config: unknown;
  /** Writes the report's sheets into the workbook (the pane's host); absent, "Write report" is not offered. */
  readonly writeSheets?: (sheets: readonly SheetSpec[]) => Promise<void>;
  /** On the standalone page: downloads the workbook (with the report) under this name. */
  readonly downloadWorkbook?: (name: string) => Promise<void>;
  /** The clock, for who-did-what-when on the write-offs' log. */
  readonly now: () => string;
  /** Where the write-offs' approval log is kept (the store, or memory in a pane without storage). */
  readonly log: ActionsLogPort;
}

export function DebtView({ run, readSheets, workbookFile, config, writeSheets, downloadWorkbook, now, log }: DebtViewProps) {
  const styles = useStyles();
  const d = useFactoringDebt(run, workbookFile, readSheets, config, log);
  const { state } = d;
  const arrears = state.result?.arrears ?? null;
  const owed = arrears ? arrears.accounts.filter((a) => a.balance > 0) : [];
  const errors = [...(arrears?.issues ?? []), ...(state.result?.nopl?.issues ?? [])].filter((i) => i.severity === 'error');
  const write = async (): Promise<void> => {
    if (!writeSheets) return;
    await d.writeReport(async (sheets) => {
      await writeSheets(sheets);
      await downloadWorkbook?.(`${workbookFile.replace(/\.xlsx$/i, '')} factoring report ${d.month.trim()}.xlsx`);
    });
  };
  return (
    <div className={styles.box}>
      <div className={styles.row}>
        <Field label="As of (YYYY-MM-DD)">
          <Input value={d.asOf} placeholder="2026-12-31" onChange={(_, v) => d.setAsOf(v.value)} />
        </Field>
        <Button appearance="primary" disabled={state.busy || d.asOf.trim() === ''} onClick={() => void d.show()}>
          Show debt
        </Button>
      </div>
      {state.problems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not done</MessageBarTitle>
            <ul>
              {state.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{errors.length} problem(s) in the debt sheets</MessageBarTitle>
            <ul>
              {errors.slice(0, 20).map((i, k) => (
                <li key={k}>{describeReportIssue(i)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {arrears?.ok && (
        <section aria-label="Arrears" className={styles.box}>
          <Subtitle2>
            Arrears ({owed.length} account{owed.length === 1 ? '' : 's'}, {formatGBP(sumPence(owed.map((a) => a.balance)))})
          </Subtitle2>
          {arrears.accounts.length === 0 ? <Body1>No account has a balance.</Body1> : <DebtArrearsList accounts={arrears.accounts} />}
        </section>
      )}
      {state.result?.nopl?.ok && <DebtNotices nopl={state.result.nopl} />}
      {state.result?.writeoffs?.ok && <DebtWriteoffs writeoffs={state.result.writeoffs} accounts={arrears?.accounts ?? []} busy={state.busy} now={now} onStep={d.writeoff} />}
      {writeSheets && <ReportWriter month={d.month} onMonth={d.setMonth} budgetName={d.budget?.name ?? null} onBudget={d.setBudget} busy={state.busy} written={state.written} onWrite={() => void write()} />}
    </div>
  );
}
