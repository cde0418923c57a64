/**
 * Reports in (ARUDD, ADDACS, AUDDIS, Input): choose the file, see the preview with its control (the
 * report's own totals agreed), then apply: the import ledger records it (a report seen before is
 * refused by the dd report job itself), the register takes the mandate changes, and the postings,
 * actions and register CSVs are there to download. Unpaids the job found re-presentable (ARUDD
 * reason 0 within a month) can be put into the next day's run.
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from '@fluentui/react-components';
import type { DdReportResult } from '../../engine/jobs/dd-report';
import { formatGBP } from '../../engine/money';
import { FilePicker } from '../components/FilePicker';
import { AccountLine, DdTable, type DdColumn } from './DdTable';
import { useDdStyles } from './styles';

const ITEM_COLUMNS: readonly DdColumn<DdReportResult['records'][number]>[] = [
  { header: 'Account, reference', cell: (r) => <AccountLine account={r.account || '(not in the register)'} second={r.reference} /> },
  { header: 'Reason', cell: (r) => `${r.code} ${r.description}` },
  { header: 'Action', cell: (r) => r.todo || r.action },
  { header: 'Amount', cell: (r) => formatGBP(r.amount), amount: true },
];

export interface ReportsViewProps {
  readonly fileName: string | null;
  readonly preview: DdReportResult | null;
  readonly applied: boolean;
  readonly onFile: (file: File) => Promise<void>;
  readonly onApply: () => Promise<void>;
  readonly onDownload: (what: 'postings' | 'actions' | 'mandates') => void;
  /** Puts the report's re-presentable unpaids into the next run. */
  readonly onRepresent?: () => void;
  readonly represented?: boolean;
}

export function ReportsView({ fileName, preview, applied, onFile, onApply, onDownload, onRepresent, represented = false }: ReportsViewProps) {
  const styles = useDdStyles();
  return (
    <section aria-labelledby="hl-dd-reports" className={styles.box}>
      <Subtitle2 as="h3" id="hl-dd-reports">
        Reports in
      </Subtitle2>
      <div className={styles.row}>
        <FilePicker accept=".xml,text/xml,application/xml" label="Bacs report to read" onFile={onFile}>
          Choose a report (ARUDD, ADDACS, AUDDIS, Input)…
        </FilePicker>
        {fileName && <Caption1>{fileName}</Caption1>}
      </div>
      {preview && preview.problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{fileName} was refused</MessageBarTitle>
            <span aria-label="Why the report was refused">{preview.problems.join('; ')}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.problems.length === 0 && (
        <section aria-label="Report preview" className={styles.box}>
          <Body1 role="status">
            {preview.type}: {preview.totals.count} items {formatGBP(preview.totals.value)}. {preview.control}
          </Body1>
          {!preview.controlAgrees && (
            <MessageBar intent="warning">
              <MessageBarBody>The report’s own totals do not agree with its items: nothing can be applied.</MessageBarBody>
            </MessageBar>
          )}
          <DdTable label="Report items" columns={ITEM_COLUMNS} rows={preview.records} rowKey={(r) => `${r.line}-${r.reference}-${r.action}`} />
          <div className={styles.row}>
            <Button appearance="primary" disabled={!preview.controlAgrees || applied} onClick={() => void onApply()}>
              {applied ? 'Applied' : 'Apply the report'}
            </Button>
            {applied && (
              <>
                <Button onClick={() => onDownload('postings')}>Download postings</Button>
                <Button onClick={() => onDownload('actions')}>Download actions</Button>
                <Button onClick={() => onDownload('mandates')}>Download the register (masked)</Button>
                {onRepresent && preview.representations.length > 0 && (
                  <Button onClick={onRepresent} disabled={represented}>
                    {represented ? `${preview.representations.length} added to the next run` : `Re-present ${preview.representations.length} unpaid in the next run`}
                  </Button>
                )}
              </>
            )}
          </div>
        </section>
      )}
    </section>
  );
}
