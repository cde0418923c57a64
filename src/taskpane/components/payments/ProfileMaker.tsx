/**
 * The profile maker: a new delimited import profile from a sample payment file, in the user's
 * terms (issue 12 item 5): columns picked from the file's own headers, the reference "the whole
 * column / the first 6-10 digit number in it / the word after a label", lines left out when a
 * column "starts with / contains" a text, a regular expression only under Advanced. The engine
 * (profile-draft.ts) turns the form into a profile and says what is missing in words; the worker
 * reads the sample with it as it is made.
 */
import { Body1, Button, Caption1, Card, CardHeader, Field, Input, Select, Switch } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { RECEIPT_CATEGORIES } from '../../../engine/categories';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP } from '../../../engine/money';
import { describePaymentIssue } from '../../../engine/payments/payment-issues';
import type { PaymentPreview } from '../../../engine/jobs/import-payments';
import { inspectPaymentFile } from '../../../engine/payments/process-payment-file';
import { DATE_FORMATS, type ImportProfile } from '../../../engine/payments/profile';
import { DATE_FORMAT_LABELS, EMPTY_DRAFT, LEAVE_OUT_CHOICES, profileFromDraft, REFERENCE_CHOICES, type LeaveOutHow, type ProfileDraft, type ReferenceIs } from '../../../engine/payments/profile-draft';
import type { RequestBody, WorkerOutcome } from '../../../worker/client';
import { usePaymentStyles } from './styles';

export interface ProfileMakerProps {
  readonly text: string;
  readonly fileName: string;
  readonly onSave: (p: ImportProfile) => Promise<void>;
  /** The worker, which reads the sample with the profile as it is being made. */
  readonly send: (body: RequestBody) => Promise<WorkerOutcome>;
}

export function ProfileMaker({ text, fileName, onSave, send }: ProfileMakerProps) {
  const styles = usePaymentStyles();
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [advanced, setAdvanced] = useState(false);
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const seen = useMemo(() => inspectPaymentFile(text, { header: draft.header, skipLines: draft.skipLines, maxLines: 3 }), [text, draft.header, draft.skipLines]);
  const columns = (seen.headers ?? seen.rows[0] ?? []).map((h, i) => ({ key: seen.headers ? h : String(i + 1), label: seen.headers ? h : `Column ${i + 1} (${h})` }));
  const made = profileFromDraft({ ...draft, delimiter: seen.delimiter });
  const candidate = made.ok ? made.profile : null;
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
  const pick = (label: string, value: string, onPick: (v: string) => void, optional = false) => (
    <Field className={styles.grow} label={label}>
      <Select value={value} onChange={(_, d) => onPick(d.value)}>
        <option value="">{optional ? 'None' : 'Choose a column'}</option>
        {columns.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  const rule = (i: number, patch: Partial<ProfileDraft['leaveOut'][number]>) => set('leaveOut', draft.leaveOut.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <Card size="small" aria-label="Make a profile">
      <CardHeader
        header={
          <Body1>
            <strong>New profile</strong> from {fileName} ({seen.lineCount.toLocaleString('en-GB')} {seen.lineCount === 1 ? 'line' : 'lines'}, columns split at “{seen.delimiter === '\t' ? 'tab' : seen.delimiter}”)
          </Body1>
        }
      />
      <div className={styles.box}>
        <div className={styles.row}>
          <Field className={styles.grow} label="Profile name (lower case, digits, hyphens)">
            <Input value={draft.name} onChange={(_, d) => set('name', d.value)} />
          </Field>
          <Field className={styles.grow} label="Channel">
            <Select value={draft.channel} onChange={(_, d) => set('channel', d.value)}>
              {RECEIPT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Switch checked={draft.header} onChange={(_, d) => set('header', d.checked)} label="First line is a header" />
          <Field label="Title lines to skip">
            <Input type="number" min={0} max={50} value={String(draft.skipLines)} onChange={(_, d) => set('skipLines', Math.max(0, Math.min(50, Number(d.value) || 0)))} />
          </Field>
        </div>
        <div className={styles.row}>
          {pick('Date column', draft.date, (v) => set('date', v))}
          <Field className={styles.grow} label="Date format">
            <Select value={draft.dateFormat} onChange={(_, d) => set('dateFormat', d.value)}>
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {DATE_FORMAT_LABELS[f]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Amounts">
          <Select value={draft.amountKind} onChange={(_, d) => set('amountKind', d.value as ProfileDraft['amountKind'])}>
            <option value="signed">One column, receipts positive</option>
            <option value="debit-credit">Debit and credit columns</option>
          </Select>
        </Field>
        <div className={styles.row}>
          {draft.amountKind === 'signed' ? (
            pick('Amount column', draft.amount, (v) => set('amount', v))
          ) : (
            <>
              {pick('Debit column', draft.debit, (v) => set('debit', v))}
              {pick('Credit column', draft.credit, (v) => set('credit', v))}
            </>
          )}
        </div>
        <div className={styles.row}>
          {pick('Reference column', draft.reference, (v) => set('reference', v))}
          <Field className={styles.grow} label="The account reference is">
            <Select value={draft.referenceIs} onChange={(_, d) => set('referenceIs', d.value as ReferenceIs)}>
              {REFERENCE_CHOICES.filter((c) => advanced || !c.advanced || draft.referenceIs === c.value).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          {draft.referenceIs === 'after' && (
            <Field className={styles.grow} label="Label before the reference">
              <Input value={draft.referenceWord} placeholder="REF" onChange={(_, d) => set('referenceWord', d.value)} />
            </Field>
          )}
          {draft.referenceIs === 'pattern' && (
            <Field className={styles.grow} label="Reference pattern (the first group is the reference)">
              <Input value={draft.pattern} placeholder="e.g. (\d{8})" onChange={(_, d) => set('pattern', d.value)} />
            </Field>
          )}
        </div>
        {pick('Payer or description column', draft.payer, (v) => set('payer', v), true)}
        <div className={styles.row}>
          {pick('Running balance column (bank statements)', draft.balance, (v) => set('balance', v), true)}
          {draft.balance && (
            <Field className={styles.grow} label="Line order">
              <Select value={draft.order} onChange={(_, d) => set('order', d.value as ProfileDraft['order'])}>
                <option value="newest-first">Newest first</option>
                <option value="oldest-first">Oldest first</option>
              </Select>
            </Field>
          )}
        </div>
        <Caption1>
          {draft.balance
            ? 'The running balance controls the file: each line must follow from the one before; money paid out is skipped.'
            : 'Without a running balance the file is controlled by the settlement you enter (the bank credit for the file).'}
        </Caption1>
        <fieldset className={styles.group} aria-label="Lines to leave out">
          <Body1 as="p">Lines to leave out (for example a statement’s Allpay settlements, already imported from Allpay’s own file):</Body1>
          {draft.leaveOut.map((r, i) => (
            <div key={i} className={styles.row}>
              {pick(`Leave out lines whose column`, r.column, (v) => rule(i, { column: v }))}
              <Field className={styles.grow} label="How">
                <Select value={r.how} onChange={(_, d) => rule(i, { how: d.value as LeaveOutHow })}>
                  {LEAVE_OUT_CHOICES.filter((c) => advanced || !c.advanced || r.how === c.value).map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field className={styles.grow} label="Text">
                <Input value={r.text} placeholder="ALLPAY" onChange={(_, d) => rule(i, { text: d.value })} />
              </Field>
              <Button onClick={() => set('leaveOut', draft.leaveOut.filter((_, k) => k !== i))}>Remove</Button>
            </div>
          ))}
          <div>
            <Button onClick={() => set('leaveOut', [...draft.leaveOut, { column: draft.payer || '', how: 'starts-with', text: '' }])}>Add a line to leave out</Button>
          </div>
        </fieldset>
        <Switch checked={advanced} onChange={(_, d) => setAdvanced(d.checked)} label="Advanced: offer regular expressions" />
        {!made.ok && (
          <div role="status" aria-label="To finish the profile">
            <Caption1>To finish:</Caption1>
            <ul className={styles.list}>
              {made.problems.slice(0, 4).map((p) => (
                <li key={p}>
                  <Caption1>{p}</Caption1>
                </li>
              ))}
            </ul>
          </div>
        )}
        {trial && (
          <Body1 role="status">
            Preview: {trial.count.toLocaleString('en-GB')} {trial.count === 1 ? 'payment' : 'payments'}, total {formatGBP(trial.total)}
            {trialErrors[0]
              ? `; ${trialErrors.length} ${trialErrors.length === 1 ? 'problem' : 'problems'}, the first: ${describePaymentIssue(trialErrors[0])}`
              : trial.lines[0]
                ? `; first: ${formatUkDate(trial.lines[0].date)} ${trial.lines[0].reference || '(no reference)'} ${formatGBP(trial.lines[0].amount)}`
                : ''}
          </Body1>
        )}
        <div>
          <Button appearance="primary" disabled={!made.ok || !trial || trial.count === 0 || trialErrors.length > 0} onClick={() => made.ok && void onSave(made.profile)}>
            Save profile
          </Button>
        </div>
      </div>
    </Card>
  );
}
