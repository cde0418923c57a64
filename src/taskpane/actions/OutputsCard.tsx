/** Approved outputs: the decided actions, and their files (postings, refunds, the write-off schedule, the Bacs credit file). */
import { Body1, Button, Caption1, Card, CardHeader, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionState } from '../../engine/approvals/types';
import type { BacsSettingsInput, ExportFile } from '../../engine/jobs/actions-export';
import { formatGBP } from '../../engine/money';
import { useActionStyles } from './styles';

export interface OutputsCardProps {
  readonly states: readonly ActionState[];
  readonly busy: boolean;
  readonly onExport: (bacs: BacsSettingsInput | null) => Promise<readonly ExportFile[] | null>;
  readonly download: (file: ExportFile) => void;
}

export function OutputsCard({ states, busy, onExport, download }: OutputsCardProps) {
  const s = useActionStyles();
  const [sun, setSun] = useState('');
  const [originator, setOriginator] = useState('');
  const [day, setDay] = useState('');
  const [files, setFiles] = useState<readonly ExportFile[]>([]);
  const decided = states.filter((x) => x.status === 'approved' || x.status === 'rejected');
  const bacs: BacsSettingsInput | null = sun.trim() || originator.trim() || day.trim() ? { sun: sun.trim(), originator: originator.trim(), originatorName: 'HOUSING', serviceUserName: 'HOUSING REFUNDS', processingDay: day.trim(), fileNumber: 1 } : null;
  return (
    <Card>
      <CardHeader header={<Subtitle2>Approved outputs</Subtitle2>} />
      <ul className={s.list} aria-label="Decided actions">
        {decided.map((x) => (
          <li key={x.id}>
            <Body1>
              <strong>{x.id}</strong> {x.kind} {formatGBP(x.request.amount)} {x.request.accounts.join(' → ')}: {x.status}
              {x.posted ? `, posted ${x.posted.date}` : ''}
            </Body1>
            <br />
            <Caption1>{x.status === 'rejected' ? `rejected by ${x.rejected?.by ?? ''}: ${x.rejected?.note ?? ''}` : `approved by ${x.approvals.map((a) => a.by).join(' and ')}`}</Caption1>
          </li>
        ))}
      </ul>
      {decided.length === 0 && <Body1>No action has been decided yet.</Body1>}
      <div className={s.row}>
        <Field label="Service user number (Bacs refunds)" className={s.grow}>
          <Input value={sun} onChange={(_, d) => setSun(d.value)} />
        </Field>
        <Field label="Originator SORTCODE:ACCOUNT" className={s.grow}>
          <Input value={originator} onChange={(_, d) => setOriginator(d.value)} />
        </Field>
        <Field label="Processing day" className={s.grow}>
          <Input value={day} onChange={(_, d) => setDay(d.value)} />
        </Field>
      </div>
      <Button disabled={busy} onClick={() => void onExport(bacs).then((f) => setFiles(f ?? []))}>
        Prepare outputs
      </Button>
      <div className={s.row}>
        {files.map((f) => (
          <Button key={f.name} size="small" onClick={() => download(f)}>
            Download {f.name}
          </Button>
        ))}
      </div>
    </Card>
  );
}
