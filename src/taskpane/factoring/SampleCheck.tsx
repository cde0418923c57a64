/** The sample check, the approval and the release: each step says what still blocks the next. */
import { Badge, Body1, Button, Field, Input, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionState } from '../../engine/approvals';
import type { SampleMark, SampleState } from '../../engine/factoring/sample-check';

export interface SampleCheckProps {
  readonly sample: SampleState;
  readonly approval: ActionState | null;
  readonly now: () => string;
  readonly onMark: (m: SampleMark) => string | null;
  readonly onSignOff: (by: string, at: string) => string | null;
  readonly onApprove: (by: string, at: string) => string | null;
  readonly onRelease: () => void;
  readonly blockers: readonly string[];
}

export function SampleCheck({ sample, approval, now, onMark, onSignOff, onApprove, onRelease, blockers }: SampleCheckProps) {
  const [checker, setChecker] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [approver, setApprover] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const say = (p: string | null): void => setProblem(p);
  const markOf = (bill: string) => sample.marks.find((m) => m.billNo === bill);
  return (
    <section aria-label="Sample check and approval">
      <Subtitle2>Sample check ({sample.marks.length} of {sample.drawn.length} marked)</Subtitle2>
      <Field label="Checker">
        <Input value={checker} onChange={(_, d) => setChecker(d.value)} />
      </Field>
      <ul aria-label="Sample">
        {sample.drawn.map((bill) => {
          const m = markOf(bill);
          return (
            <li key={bill}>
              {bill} {m && <Badge appearance="tint">{m.result} by {m.checker}</Badge>}
              <Button size="small" onClick={() => say(onMark({ billNo: bill, result: 'right', checker, note: '', at: now() }))}>
                Right
              </Button>
              <Input size="small" aria-label={`Correction to ${bill}`} placeholder="what was corrected" value={notes[bill] ?? ''} onChange={(_, d) => setNotes((n) => ({ ...n, [bill]: d.value }))} />
              <Button size="small" onClick={() => say(onMark({ billNo: bill, result: 'corrected', checker, note: notes[bill] ?? '', at: now() }))}>
                Corrected
              </Button>
            </li>
          );
        })}
      </ul>
      {sample.signedOffBy ? (
        <Body1>Sample signed off by {sample.signedOffBy}.</Body1>
      ) : (
        <Button onClick={() => say(onSignOff(checker, now()))}>Sign off the sample</Button>
      )}
      <Subtitle2>Approval</Subtitle2>
      {approval?.status === 'approved' ? (
        <Body1>
          Approved by {approval.approvals.map((a) => a.by).join(' and ')} (prepared by {approval.requestedBy}).
        </Body1>
      ) : (
        <>
          <Field label="Approver (not the preparer)">
            <Input value={approver} onChange={(_, d) => setApprover(d.value)} />
          </Field>
          <Button onClick={() => say(onApprove(approver, now()))}>Approve the run</Button>
        </>
      )}
      <Subtitle2>Release</Subtitle2>
      <Button appearance="primary" onClick={onRelease}>
        Release the bills
      </Button>
      {(problem || blockers.length > 0) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{[problem, ...blockers].filter(Boolean).join('; ')}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
