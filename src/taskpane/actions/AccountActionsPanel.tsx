/**
 * The Account actions mode (issue 14): refund candidates, a new request, the requests awaiting
 * approval, and the approved outputs. Composition only: the hook runs the jobs through the worker
 * and keeps the log in the store; each card renders state and sends intents.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import type { IsoDate } from '../../engine/dates';
import type { ExportFile } from '../../engine/jobs/actions-export';
import { formatPence } from '../../engine/money';
import { CandidatesCard } from './CandidatesCard';
import { ImportCard } from './ImportCard';
import { OutputsCard } from './OutputsCard';
import { PendingCard } from './PendingCard';
import { RequestCard, type RequestPrefill } from './RequestCard';
import { useActionStyles } from './styles';
import { useAccountActions, type AccountActionsDeps } from './useAccountActions';

export interface AccountActionsProps extends AccountActionsDeps {
  readonly download: (file: ExportFile) => void;
}

export function AccountActionsPanel(props: AccountActionsProps) {
  const s = useActionStyles();
  const a = useAccountActions(props);
  const [prefill, setPrefill] = useState<RequestPrefill | null>(null);
  return (
    <div className={s.box}>
      {a.note && (
        <MessageBar intent={a.note.intent} role={a.note.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            <MessageBarTitle>{a.note.title}</MessageBarTitle>
            {a.note.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <CandidatesCard candidates={a.candidates} busy={a.busy} today={props.now().toISOString().slice(0, 10) as IsoDate} onFind={(d) => void a.findCandidates(d)} onRequest={(c) => setPrefill({ account: c.account, amount: formatPence(c.refundable) })} />
      <RequestCard busy={a.busy} prefill={prefill} onRequest={(d, reason, evidence, by) => void a.request(d, reason, evidence, by)} />
      <PendingCard states={a.states} busy={a.busy} onDecide={(id, decision, by, note, digest) => void a.decide(id, decision, by, note, digest)} />
      <OutputsCard states={a.states} busy={a.busy} onExport={a.exportOutputs} download={props.download} />
      <ImportCard busy={a.busy} plan={a.importPlan} onFile={(f) => void a.readActionsFile(f)} onConfirm={() => void a.confirmImport()} onCancel={a.cancelImport} />
    </div>
  );
}
