/**
 * The day's run: the processing day and the service user's details in, the dd collect job through
 * the worker, and on screen what will be collected, what is held back and why, the notice list;
 * the Bacs file and the notice list to download, and the lodgements recorded in the register.
 * The run checks each mandate against the workbook's rent roll (amounts, ended tenancies, the
 * notices of a change) unless unticked, and takes the unpaids queued for re-presentation (18),
 * shown with how each stands on the processing day.
 */
import { Body1, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { formatUkDate } from '../../engine/dates';
import type { DdCollectResult } from '../../engine/jobs/dd-collect';
import { formatGBP } from '../../engine/money';
import { AccountLine, DdTable, type DdColumn } from './DdTable';
import { useDdStyles } from './styles';

const COLLECTION_COLUMNS: readonly DdColumn<DdCollectResult['collections'][number]>[] = [
  { header: 'Account, payer', cell: (c) => <AccountLine account={c.account} second={c.payerName} /> },
  { header: 'Reference', cell: (c) => c.reference },
  { header: 'Code', cell: (c) => c.code },
  { header: 'Amount', cell: (c) => formatGBP(c.amount), amount: true },
];

export interface RunSettings {
  readonly processingDay: string;
  readonly sun: string;
  readonly originator: string;
  readonly serviceUserName: string;
  readonly fileNumber: string;
}

export interface RunViewProps {
  readonly settings: RunSettings;
  readonly onSettings: (s: RunSettings) => void;
  readonly result: DdCollectResult | null;
  readonly onRun: () => Promise<void>;
  readonly onDownloadBacs: () => void;
  readonly onDownloadNotices: () => void;
  readonly onRecordLodgements: () => Promise<void>;
  readonly lodgementsRecorded: boolean;
  readonly useRoll?: boolean;
  readonly rollAvailable?: boolean;
  readonly onUseRoll?: (use: boolean) => void;
  /** The unpaids queued to be re-presented (18) in this run (RepresentationQueueView). */
  readonly queue?: ReactNode;
}

export function RunView({ settings, onSettings, result, onRun, onDownloadBacs, onDownloadNotices, onRecordLodgements, lodgementsRecorded, useRoll = false, rollAvailable = false, onUseRoll, queue = null }: RunViewProps) {
  const styles = useDdStyles();
  const [busy, setBusy] = useState(false);
  const field = (key: keyof RunSettings, label: string, hint?: string) => (
    <Field label={label} hint={hint ?? null} className={styles.grow}>
      <Input value={settings[key]} type={key === 'processingDay' ? 'date' : 'text'} onChange={(_, d) => onSettings({ ...settings, [key]: d.value })} />
    </Field>
  );
  return (
    <section aria-labelledby="hl-dd-run" className={styles.box}>
      <Subtitle2 as="h3" id="hl-dd-run">
        The day’s run
      </Subtitle2>
      <div className={styles.row}>
        {field('processingDay', 'Processing day', 'Payers are debited the next working day')}
        {field('sun', 'Service user number')}
        {field('originator', 'Originator sort code:account')}
        {field('serviceUserName', 'Service user name')}
        {field('fileNumber', 'File number')}
      </div>
      {onUseRoll && (
        <Checkbox
          checked={useRoll}
          disabled={!rollAvailable}
          onChange={(_, d) => onUseRoll(d.checked === true)}
          label="Check against the workbook’s rent roll (accounts, ended tenancies, amounts and their notices)"
        />
      )}
      {queue}
      <Button
        appearance="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onRun().finally(() => setBusy(false));
        }}
      >
        Prepare the collection file
      </Button>
      {result && result.problems.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>No file was made</MessageBarTitle>
            {result.problems.join('; ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && result.problems.length === 0 && result.processingDay && result.collectionDate && (
        <>
          <Body1 role="status">
            Processing day {formatUkDate(result.processingDay)}, payers debited {formatUkDate(result.collectionDate)}: {result.totals.count} collections {formatGBP(result.totals.value)}, {result.lodgements.length} new instructions, {result.heldBack.length} held back, {result.notices.length} notices to send.
          </Body1>
          <div className={styles.row}>
            <Button appearance="primary" onClick={onDownloadBacs}>
              Download the Bacs file
            </Button>
            <Button onClick={onDownloadNotices} disabled={result.notices.length === 0}>
              Download the notice list
            </Button>
            <Button onClick={() => void onRecordLodgements()} disabled={result.changes.length === 0 || lodgementsRecorded}>
              {lodgementsRecorded ? 'Lodgements recorded' : `Record ${result.changes.length} lodgements in the register`}
            </Button>
          </div>
          <DdTable label="Collections" columns={COLLECTION_COLUMNS} rows={result.collections} rowKey={(c) => `${c.reference}-${c.code}`} />
          {result.heldBack.length > 0 && (
            <ul className={styles.list} aria-label="Held back">
              {result.heldBack.map((h, i) => (
                <li key={`${h.reference}-${i}`}>
                  {h.account || '(no account)'} {h.reference || '(no reference)'}: {h.reason}
                </li>
              ))}
            </ul>
          )}
          {result.notices.length > 0 && (
            <ul className={styles.list} aria-label="Notices to send">
              {result.notices.map((n, i) => (
                <li key={`${n.account}-${i}`}>
                  {n.account} {n.payer}: {formatGBP(n.amount)} on {formatUkDate(n.date)} ({n.reason})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
