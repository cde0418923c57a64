/**
 * The profile maker: map a sample payment file's columns onto a new delimited import profile, see
 * the engine (in the worker) read the file with it, and save it.
 */
import { Body1, Button, Caption1, Card, CardHeader, Field, Input, Select, Switch } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { RECEIPT_CATEGORIES } from '../../../engine/categories';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP } from '../../../engine/money';
import { describePaymentIssue } from '../../../engine/payments/payment-issues';
import type { PaymentPreview } from '../../../engine/jobs/import-payments';
import { inspectPaymentFile } from '../../../engine/payments/process-payment-file';
import { DATE_FORMATS, parseProfile, type ImportProfile } from '../../../engine/payments/profile';
import type { RequestBody, WorkerOutcome } from '../../../worker/client';
import { usePaymentStyles } from './styles';

/** Map a sample file's columns onto a new delimited profile, preview it, save it. */
export interface ProfileMakerProps {
  readonly text: string;
  readonly fileName: string;
  readonly onSave: (p: ImportProfile) => Promise<void>;
  /** The worker, which reads the sample with the profile as it is being made. */
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
}

export function ProfileMaker({ text, fileName, onSave, send }: ProfileMakerProps) {
  const styles = usePaymentStyles();
  const [header, setHeader] = useState(true);
  const [skip, setSkip] = useState(0);
  const seen = useMemo(() => inspectPaymentFile(text, { header, skipLines: skip, maxLines: 3 }), [text, header, skip]);
  const columns = (seen.headers ?? seen.rows[0] ?? []).map((h, i) => ({ ref: seen.headers ? h : i + 1, label: seen.headers ? h : `Column ${i + 1} (${h})` }));
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<string>('BANK');
  const [date, setDate] = useState('');
  const [dateFormat, setDateFormat] = useState<string>('day-first');
  const [amountKind, setAmountKind] = useState<'signed' | 'debit-credit'>('signed');
  const [amount, setAmount] = useState('');
  const [debit, setDebit] = useState('');
  const [credit, setCredit] = useState('');
  const [reference, setReference] = useState('');
  const [pattern, setPattern] = useState('');
  const [payer, setPayer] = useState('');
  const [balance, setBalance] = useState('');
  const [order, setOrder] = useState<'newest-first' | 'oldest-first'>('newest-first');
  const ref = (v: string): string | number => (seen.headers ? v : Number(v));
  const input = {
    name,
    channel,
    layout: { kind: 'delimited', delimiter: seen.delimiter, header },
    skipLines: skip,
    dateFormat,
    date: ref(date),
    amount: amountKind === 'signed' ? { kind: 'signed', field: ref(amount) } : { kind: 'debit-credit', debit: ref(debit), credit: ref(credit) },
    reference: pattern.trim() ? { from: 'pattern', field: ref(reference), pattern } : { from: 'field', field: ref(reference) },
    ...(payer ? { payer: ref(payer), narrative: ref(payer) } : {}),
    // A statement's running balance controls the file (and marks money paid out, which is skipped).
    ...(balance ? { balance: { field: ref(balance), order } } : {}),
    control: balance ? 'balance' : 'settlement',
  };
  const parsed = parseProfile(input);
  const candidate = parsed.ok ? parsed.profile : null;
  const key = candidate ? JSON.stringify(candidate) : '';
  const [answer, setAnswer] = useState<{ key: string; preview: PaymentPreview } | null>(null);
  useEffect(() => {
    if (!candidate) return;
    let live = true;
    void send({ kind: 'preview-payments', text, fileName, profile: candidate, settlement: null, maxLines: 3 }).then((o) => {
      if (live && o.kind === 'payments-preview') setAnswer({ key, preview: o.preview });
    });
    return () => {
      live = false;
    };
    // The profile is rebuilt every render; its JSON says when it changed.
  }, [key, text, fileName, send]);
  const trial = candidate && answer?.key === key ? answer.preview : null;
  const trialErrors = trial ? trial.issues.filter((i) => i.severity === 'error') : [];
  const pick = (label: string, value: string, set: (v: string) => void, optional = false) => (
    <Field className={styles.grow} label={label}>
      <Select value={value} onChange={(_, d) => set(d.value)}>
        <option value="">{optional ? 'None' : 'Choose a column'}</option>
        {columns.map((c) => (
          <option key={String(c.ref)} value={String(c.ref)}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <Card size="small" aria-label="Make a profile">
      <CardHeader header={<Body1><strong>New profile</strong> from {fileName} ({seen.lineCount} lines, delimiter “{seen.delimiter}”)</Body1>} />
      <div className={styles.box}>
        <div className={styles.row}>
          <Field className={styles.grow} label="Profile name (lower case, digits, hyphens)">
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field className={styles.grow} label="Channel">
            <Select value={channel} onChange={(_, d) => setChannel(d.value)}>
              {RECEIPT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Switch checked={header} onChange={(_, d) => setHeader(d.checked)} label="First line is a header" />
          <Field label="Title lines to skip">
            <Input type="number" min={0} max={50} value={String(skip)} onChange={(_, d) => setSkip(Math.max(0, Math.min(50, Number(d.value) || 0)))} />
          </Field>
        </div>
        <div className={styles.row}>
          {pick('Date column', date, setDate)}
          <Field className={styles.grow} label="Date format">
            <Select value={dateFormat} onChange={(_, d) => setDateFormat(d.value)}>
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Amounts">
          <Select value={amountKind} onChange={(_, d) => setAmountKind(d.value as 'signed' | 'debit-credit')}>
            <option value="signed">One column, receipts positive</option>
            <option value="debit-credit">Debit and credit columns</option>
          </Select>
        </Field>
        <div className={styles.row}>
          {amountKind === 'signed' ? pick('Amount column', amount, setAmount) : (
            <>
              {pick('Debit column', debit, setDebit)}
              {pick('Credit column', credit, setCredit)}
            </>
          )}
        </div>
        <div className={styles.row}>
          {pick('Reference column', reference, setReference)}
          <Field className={styles.grow} label="Reference pattern (optional; the first group is the reference)">
            <Input value={pattern} placeholder="e.g. (\d{8})" onChange={(_, d) => setPattern(d.value)} />
          </Field>
        </div>
        {pick('Payer or description column', payer, setPayer, true)}
        <div className={styles.row}>
          {pick('Running balance column (bank statements)', balance, setBalance, true)}
          {balance && (
            <Field className={styles.grow} label="Line order">
              <Select value={order} onChange={(_, d) => setOrder(d.value as 'newest-first' | 'oldest-first')}>
                <option value="newest-first">Newest first</option>
                <option value="oldest-first">Oldest first</option>
              </Select>
            </Field>
          )}
        </div>
        <Caption1>
          {balance
            ? 'The running balance controls the file: each line must follow from the one before; money paid out is skipped.'
            : 'Without a running balance the file is controlled by the settlement you enter (the bank credit for the file).'}
        </Caption1>
        {!parsed.ok && <Caption1 role="status">To finish: {parsed.problems.slice(0, 4).join('; ')}</Caption1>}
        {trial && (
          <Body1 role="status">
            Preview: {trial.count} payments, total {formatGBP(trial.total)}
            {trialErrors[0]
              ? `; ${trialErrors.length} problem(s), the first: ${describePaymentIssue(trialErrors[0])}`
              : trial.lines[0]
                ? `; first: ${formatUkDate(trial.lines[0].date)} ${trial.lines[0].reference || '(no reference)'} ${formatGBP(trial.lines[0].amount)}`
                : ''}
          </Body1>
        )}
        <div>
          <Button appearance="primary" disabled={!parsed.ok || !trial || trial.count === 0 || trialErrors.length > 0} onClick={() => parsed.ok && void onSave(parsed.profile)}>
            Save profile
          </Button>
        </div>
      </div>
    </Card>
  );
}
