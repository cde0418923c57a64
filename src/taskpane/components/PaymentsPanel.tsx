/**
 * Daily payment files: choose a file (read here, never uploaded), pick or detect its import profile,
 * preview with the control total, then check and post: the file is refused whole if anything is
 * wrong or it (or any payment in it) was imported before, and nothing is recorded. Posted files
 * give postings, suspense and summary CSVs and join the import history. A new import profile is
 * made from a sample file in the profile maker. This component wires usePaymentImport to the panels.
 */
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { describePaymentIssue } from '../../engine/payments/payment-issues';
import { ukTimesIn } from './payments/when';
import type { RoleAssignment } from '../../engine/sources/detect';
import type { LedgerStore } from '../../store/ledger-store';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import { downloadFile } from '../download';
import type { PaneHost } from '../host';
import { usePaymentImport } from '../hooks/usePaymentImport';
import { FilePicker } from './FilePicker';
import { ImportHistory } from './payments/ImportHistory';
import { PaymentPreview } from './payments/PaymentPreview';
import { PostedResult } from './payments/PostedResult';
import { ProfileMaker } from './payments/ProfileMaker';
import { usePaymentStyles } from './payments/styles';
import { CashBalancePanel } from '../payments/CashBalancePanel';

export interface PaymentsProps {
  readonly host: Pick<PaneHost, 'port' | 'fileName'>;
  readonly assignment: RoleAssignment;
  /** The config file's JSON (validated by the worker). */
  readonly config: unknown;
  readonly store: LedgerStore | null;
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
}

const download = (name: string, text: string): void => downloadFile(name, text, 'text/csv;charset=utf-8');

export function PaymentsPanel({ host, assignment, config, store, send }: PaymentsProps) {
  const styles = usePaymentStyles();
  const p = usePaymentImport(host, assignment, config, store, send);
  const [building, setBuilding] = useState(false);
  const { file, profile } = p;
  const base = file?.name.replace(/\.[^.]+$/, '') ?? 'payments';
  return (
    <section aria-labelledby="hl-payments" className={styles.box}>
      <Subtitle2 as="h2" id="hl-payments">
        Payment files
      </Subtitle2>
      <Body1>An Allpay, bank or cash-office file in; postings and suspense out. The file is read in this browser and never sent anywhere.</Body1>
      <div className={styles.row}>
        <FilePicker appearance="primary" accept=".csv,.txt,text/csv,text/plain" label="Payment file to import" onFile={p.choose}>
          Choose a payment file…
        </FilePicker>
        {file && <Caption1>{file.name}</Caption1>}
      </div>
      {file && (
        <div className={styles.row}>
          <Field className={styles.grow} label="Profile" hint={profile?.label || null}>
            <Select value={p.profileName} onChange={(_, d) => p.chooseProfile(d.value)}>
              <option value="">Choose a profile</option>
              {p.profiles.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name} ({x.channel})
                </option>
              ))}
            </Select>
          </Field>
          <Field
            className={styles.grow}
            label="Settlement (the bank credit, £)"
            hint={profile?.control === 'settlement' ? 'Required for this profile' : 'Optional: checked against the file total'}
            validationState={p.settlementBad ? 'error' : 'none'}
            validationMessage={p.settlementBad ? 'An amount with at most two decimals' : null}
          >
            <Input value={p.settlement} inputMode="decimal" onChange={(_, d) => p.changeSettlement(d.value)} />
          </Field>
        </div>
      )}
      {p.note && (
        <MessageBar intent={p.note.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p.note.title}</MessageBarTitle> {p.note.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {p.preview && <PaymentPreview preview={p.preview} settlement={p.settlementPence} prior={p.prior} posted={p.posted !== null} encoding={file?.encoding} onPost={() => void p.post()} />}
      {p.refused && (
        <ul className={styles.list} aria-label="Why the file was refused">
          {p.refused.slice(0, 30).map((i, k) => (
            <li key={k}>
              <Body1>{ukTimesIn(describePaymentIssue(i))}</Body1>
            </li>
          ))}
        </ul>
      )}
      {p.posted && <PostedResult posted={p.posted} baseName={base} onDownload={download} />}
      {file && (
        <div>
          <Button onClick={() => setBuilding((b) => !b)} aria-expanded={building}>
            {building ? 'Close the profile maker' : 'Make a profile from this file…'}
          </Button>
        </div>
      )}
      {file && building && (
        <ProfileMaker
          text={file.text}
          fileName={file.name}
          send={send}
          onSave={async (made) => {
            await p.saveProfile(made);
            setBuilding(false);
          }}
        />
      )}
      <ImportHistory history={p.history} storeAvailable={store !== null} />
      <CashBalancePanel ledger={p.history} profiles={p.profiles} config={config} send={send} />
    </section>
  );
}
