/**
 * Requests awaiting approval: each with who asked, why, the evidence, the risks kept with it and the
 * digest the approver sees. Approve or reject by a named person; the job refuses the requester.
 */
import { Badge, Body1, Button, Caption1, Card, CardHeader, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionState } from '../../engine/approvals/types';
import { formatGBP } from '../../engine/money';
import { useActionStyles } from './styles';

export interface PendingCardProps {
  readonly states: readonly ActionState[];
  readonly busy: boolean;
  readonly onDecide: (id: string, decision: 'approve' | 'reject', by: string, note: string, digest: string) => void;
}

export function PendingCard({ states, busy, onDecide }: PendingCardProps) {
  const s = useActionStyles();
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const pending = states.filter((x) => x.status === 'awaiting-approval' || x.status === 'awaiting-second-approval');
  return (
    <Card>
      <CardHeader header={<Subtitle2>Awaiting approval ({pending.length})</Subtitle2>} />
      <div className={s.row}>
        <Field label="Your name" className={s.grow}>
          <Input value={by} onChange={(_, d) => setBy(d.value)} />
        </Field>
        <Field label="Note (a rejection needs one)" className={s.grow}>
          <Input value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
      </div>
      {pending.length === 0 && <Body1>Nothing is waiting.</Body1>}
      <ul className={s.list} aria-label="Awaiting approval">
        {pending.map((x) => {
          const risks = ((x.request.details as { risks?: string[] }).risks ?? []);
          return (
            <li key={x.id}>
              <Body1>
                <strong>{x.id}</strong> {x.kind} {formatGBP(x.request.amount)} {x.request.accounts.join(' → ')}: {x.request.reason}
              </Body1>{' '}
              <Badge appearance="tint" color={x.status === 'awaiting-second-approval' ? 'important' : 'informative'}>
                {x.status === 'awaiting-second-approval' ? `second approver needed (${x.approvals.length}/${x.approversNeeded})` : `needs ${x.approversNeeded} approver(s)`}
              </Badge>
              <br />
              <Caption1>
                Requested by {x.requestedBy} at {x.requestedAt}
                {x.approvals.map((a) => `; approved by ${a.by}`).join('')}; digest {x.digest.slice(0, 12)}
              </Caption1>
              {x.request.evidence.length > 0 && <Caption1> Evidence: {x.request.evidence.join('; ')}</Caption1>}
              {risks.length > 0 && (
                <ul className={s.list}>
                  {risks.map((r) => (
                    <li key={r}>
                      <Caption1>{r}</Caption1>
                    </li>
                  ))}
                </ul>
              )}
              <div className={s.row}>
                <Button size="small" appearance="primary" disabled={busy || by.trim() === ''} onClick={() => onDecide(x.id, 'approve', by, note, x.digest)}>
                  Approve {x.id}
                </Button>
                <Button size="small" disabled={busy || by.trim() === '' || note.trim() === ''} onClick={() => onDecide(x.id, 'reject', by, note, x.digest)}>
                  Reject {x.id}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
