/**
 * Write-offs for the Board (issue 16): the candidates (debts near or past prescription), the schedule
 * of proposals with their status, proposing with a reason and approving or rejecting by someone
 * else. Every step goes through the write-offs job and the approval engine, which refuse an approver
 * who is the requester; nothing is posted before approval.
 */
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatUkDate } from '../../engine/dates';
import type { FactoringWriteoffs, WriteoffStep } from '../../engine/jobs/factoring-writeoffs';
import { formatGBP, type Pence } from '../../engine/money';
import { downloadFile } from '../download';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface DebtWriteoffsProps {
  readonly writeoffs: Extract<FactoringWriteoffs, { ok: true }>;
  /** The accounts as of the day: any owing money may be proposed. */
  readonly accounts: readonly { readonly owner: string; readonly property: string; readonly balance: Pence }[];
  readonly busy: boolean;
  readonly now: () => string;
  /** Takes one step; resolves to the refusal in words, or null when done. */
  readonly onStep: (step: WriteoffStep) => Promise<string | null>;
}

export function DebtWriteoffs({ writeoffs, accounts, busy, now, onStep }: DebtWriteoffsProps) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const [account, setAccount] = useState('');
  const owing = accounts.filter((a) => a.balance > 0);
  const chosen = owing.find((a) => `${a.owner}/${a.property}` === account);
  const candidateOf = new Map(writeoffs.candidates.map((c) => [`${c.owner}/${c.property}`, c]));
  const proposed = new Set(writeoffs.schedule.filter((w) => w.status !== 'rejected').map((w) => `${w.owner}/${w.property}`));
  const step = async (s: WriteoffStep, done: string): Promise<void> => {
    const refused = await onStep(s);
    setMessage(refused ? { intent: 'error', text: refused } : { intent: 'success', text: done });
  };
  return (
    <section aria-label="Write-offs" className={styles.box}>
      <Subtitle2>Write-offs for the Board</Subtitle2>
      <Field label="Your name (proposer or approver)">
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label="Reason for a proposal">
        <Input value={reason} placeholder="e.g. prescribes within the year; owner untraced" onChange={(_, d) => setReason(d.value)} />
      </Field>
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Account to propose">
        <Select value={account} onChange={(_, d) => setAccount(d.value)}>
          <option value="">Choose an account owing money…</option>
          {owing.map((a) => {
            const key = `${a.owner}/${a.property}`;
            const c = candidateOf.get(key);
            return (
              <option key={key} value={key} disabled={proposed.has(key)}>
                {a.owner} · {a.property}: {formatGBP(a.balance)}
                {c ? `, prescribes ${formatUkDate(c.prescribesOn)}` : ''}
                {proposed.has(key) ? ' (proposed)' : ''}
              </option>
            );
          })}
        </Select>
      </Field>
      <Caption1>
        {writeoffs.candidates.length} candidate(s) for the Board: accounts owing a debt that prescribes within a year of {formatUkDate(writeoffs.asOf)}.
      </Caption1>
      <div className={styles.actions}>
        <Button
          disabled={busy || name.trim() === '' || reason.trim() === '' || chosen === undefined}
          onClick={() => chosen && void step({ kind: 'propose', owner: chosen.owner, property: chosen.property, reason, evidence: [], by: name, at: now() }, `Proposed the write-off of ${chosen.owner} · ${chosen.property}.`)}
        >
          Propose write-off
        </Button>
      </div>
      {writeoffs.schedule.length > 0 && (
        <>
          <ul aria-label="Write-off schedule" className={styles.list}>
            {writeoffs.schedule.map((w) => (
              <li key={w.id} className={styles.item}>
                <span>
                  {w.owner} · {w.property}: {formatGBP(w.amount)}, {w.status.replace(/-/g, ' ')}
                </span>
                <Caption1>
                  {w.reason} · asked by {w.requestedBy}
                  {w.approvedBy.length > 0 ? ` · approved by ${w.approvedBy.join(', ')}` : ''}
                  {w.posted ? ` · posted ${formatUkDate(w.posted)}` : ''}
                </Caption1>
                {w.status.startsWith('awaiting') && (
                  <div className={styles.actions}>
                    <Button size="small" disabled={busy || name.trim() === ''} onClick={() => void step({ kind: 'approve', id: w.id, by: name, at: now(), note: '' }, `Approved by ${name}.`)}>
                      Approve
                    </Button>
                    <Button size="small" disabled={busy || name.trim() === ''} onClick={() => void step({ kind: 'reject', id: w.id, by: name, at: now(), note: '' }, `Rejected by ${name}.`)}>
                      Reject
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button size="small" onClick={() => downloadFile('writeoff-schedule.csv', writeoffs.scheduleCsv, 'text/csv;charset=utf-8')}>
              Download the schedule
            </Button>
            <Button size="small" onClick={() => downloadFile('writeoff-postings.csv', writeoffs.postingsCsv, 'text/csv;charset=utf-8')}>
              Download approved postings
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
