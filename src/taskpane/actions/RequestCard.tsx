/** A new request: a refund, a transfer between accounts, or a write-off; the job checks it. */
import { Button, Card, CardHeader, Field, Input, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { REFUND_METHODS, TRANSFER_TYPES, WRITE_OFF_REASONS } from '../../engine/actions/requests';
import type { ActionDraft } from '../../engine/jobs/actions-request';
import { useActionStyles } from './styles';

export interface RequestPrefill {
  readonly account: string;
  readonly amount: string;
}

export interface RequestCardProps {
  readonly busy: boolean;
  readonly prefill: RequestPrefill | null;
  readonly onRequest: (draft: ActionDraft, reason: string, evidence: readonly string[], by: string) => void;
}

type Kind = ActionDraft['kind'];

export function RequestCard({ busy, prefill, onRequest }: RequestCardProps) {
  const s = useActionStyles();
  const [kind, setKind] = useState<Kind>('refund');
  const [account, setAccount] = useState('');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [option, setOption] = useState<string>(REFUND_METHODS[0]);
  const [payee, setPayee] = useState({ name: '', sortCode: '', bankAccount: '' });
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [by, setBy] = useState('');

  useEffect(() => {
    if (prefill === null) return;
    setKind('refund');
    setOption(REFUND_METHODS[0]);
    setAccount(prefill.account);
    setAmount(prefill.amount);
  }, [prefill]);

  const options: readonly string[] = kind === 'refund' ? REFUND_METHODS : kind === 'transfer' ? TRANSFER_TYPES : WRITE_OFF_REASONS;
  const changeKind = (k: Kind) => {
    setKind(k);
    setOption((k === 'refund' ? REFUND_METHODS : k === 'transfer' ? TRANSFER_TYPES : WRITE_OFF_REASONS)[0]);
  };
  const draft = (): ActionDraft =>
    kind === 'refund'
      ? { kind, account, amount, method: option, payee: option === 'bacs' ? { name: payee.name, sortCode: payee.sortCode.replace(/[-\s]/g, ''), bankAccount: payee.bankAccount.replace(/\s/g, '') } : null }
      : kind === 'transfer'
        ? { kind, from: account, to, amount, type: option }
        : { kind, account, amount, reasonCode: option };
  const ready = account.trim() !== '' && amount.trim() !== '' && reason.trim() !== '' && by.trim() !== '' && (kind !== 'transfer' || to.trim() !== '');

  return (
    <Card>
      <CardHeader header={<Subtitle2>New request</Subtitle2>} />
      <div className={s.row}>
        <Field label="Action" className={s.grow}>
          <Select value={kind} onChange={(_, d) => changeKind(d.value as Kind)}>
            <option value="refund">Refund</option>
            <option value="transfer">Transfer between accounts</option>
            <option value="writeoff">Write-off</option>
          </Select>
        </Field>
        <Field label={kind === 'transfer' ? 'From account' : 'Account'} className={s.grow}>
          <Input value={account} onChange={(_, d) => setAccount(d.value)} />
        </Field>
        {kind === 'transfer' && (
          <Field label="To account" className={s.grow}>
            <Input value={to} onChange={(_, d) => setTo(d.value)} />
          </Field>
        )}
        <Field label="Amount" className={s.grow}>
          <Input value={amount} onChange={(_, d) => setAmount(d.value)} />
        </Field>
        <Field label={kind === 'refund' ? 'Method' : kind === 'transfer' ? 'Type' : 'Reason code'} className={s.grow}>
          <Select value={option} onChange={(_, d) => setOption(d.value)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {kind === 'refund' && option === 'bacs' && (
        <div className={s.row}>
          <Field label="Payee" className={s.grow}>
            <Input value={payee.name} onChange={(_, d) => setPayee({ ...payee, name: d.value })} />
          </Field>
          <Field label="Sort code" className={s.grow}>
            <Input value={payee.sortCode} onChange={(_, d) => setPayee({ ...payee, sortCode: d.value })} />
          </Field>
          <Field label="Bank account" className={s.grow}>
            <Input value={payee.bankAccount} onChange={(_, d) => setPayee({ ...payee, bankAccount: d.value })} />
          </Field>
        </div>
      )}
      <Field label="Reason">
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <Field label="Evidence (one item a line)">
        <Textarea value={evidence} onChange={(_, d) => setEvidence(d.value)} />
      </Field>
      <div className={s.row}>
        <Field label="Requested by" className={s.grow}>
          <Input value={by} onChange={(_, d) => setBy(d.value)} />
        </Field>
        <Button appearance="primary" disabled={busy || !ready} onClick={() => onRequest(draft(), reason, evidence.split('\n').map((e) => e.trim()).filter((e) => e !== ''), by)}>
          Request
        </Button>
      </div>
    </Card>
  );
}
