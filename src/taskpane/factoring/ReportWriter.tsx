/**
 * "Write report": the month's factoring P&L and KPI pack drawn into the workbook, with Excel's own
 * charts (office-js in Excel; on the standalone page the workbook in memory, then downloaded).
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { FilePicker } from '../components/FilePicker';

const useStyles = makeStyles({ box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS }, row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' } });

export interface ReportWriterProps {
  readonly month: string;
  readonly onMonth: (month: string) => void;
  readonly budgetName: string | null;
  readonly onBudget: (budget: { name: string; text: string } | null) => void;
  readonly busy: boolean;
  readonly written: string | null;
  readonly onWrite: () => void;
}

export function ReportWriter({ month, onMonth, budgetName, onBudget, busy, written, onWrite }: ReportWriterProps) {
  const styles = useStyles();
  return (
    <section aria-label="Monthly report" className={styles.box}>
      <Subtitle2>Monthly P&amp;L and KPIs</Subtitle2>
      <Field label="Report month (YYYY-MM)">
        <Input value={month} placeholder="2026-12" onChange={(_, d) => onMonth(d.value)} />
      </Field>
      <div className={styles.row}>
        <FilePicker accept=".csv,text/csv" label="Choose a budget CSV (Line, Month, Amount)" onFile={async (file) => onBudget({ name: file.name, text: await file.text() })}>
          Budget CSV…
        </FilePicker>
        <Caption1>{budgetName ? `Budget: ${budgetName}` : 'No budget: actuals only'}</Caption1>
      </div>
      <Button appearance="primary" disabled={busy || month.trim() === ''} onClick={onWrite}>
        Write report
      </Button>
      {written && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{written}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
