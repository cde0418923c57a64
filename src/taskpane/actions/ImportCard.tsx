/**
 * Import a CLI actions file: the file is read and compared with this workbook's log by the import
 * job; the person sees what would come over and every conflict (an action changed here and in the
 * file), and only then brings it over. Conflicts are never merged: they stay as they are here.
 */
import { Body1, Button, Card, CardHeader, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2 } from '@fluentui/react-components';
import { FilePicker } from '../components/FilePicker';
import { useActionStyles } from './styles';
import type { ImportPlan } from './useAccountActions';

export interface ImportCardProps {
  readonly busy: boolean;
  readonly plan: ImportPlan | null;
  readonly onFile: (file: File) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ImportCard({ busy, plan, onFile, onConfirm, onCancel }: ImportCardProps) {
  const s = useActionStyles();
  const merge = plan?.result.merge;
  return (
    <Card>
      <CardHeader header={<Subtitle2>Import an actions file</Subtitle2>} description={<Body1>Requests and decisions made with the command line (housing-ledger actions), brought into this workbook’s log.</Body1>} />
      <div className={s.row}>
        <FilePicker accept=".json,application/json" label="Actions file to import" onFile={onFile} disabled={busy}>
          Choose an actions file…
        </FilePicker>
      </div>
      {plan && merge && (
        <section aria-label="Actions file to import" className={s.box}>
          <Body1 role="status">{plan.result.text.split('\n')[0]}</Body1>
          {plan.result.lines.length > 0 && (
            <ul className={s.list} aria-label="Actions to bring over">
              {plan.result.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
          {merge.conflicts.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Conflicts: left as they are here, not imported</MessageBarTitle>
                <ul className={s.list} aria-label="Conflicts">
                  {merge.conflicts.map((c) => (
                    <li key={c.id}>{c.why}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={s.row}>
            <Button appearance="primary" disabled={busy || merge.imported.length === 0} onClick={onConfirm}>
              {merge.imported.length === 0 ? 'Nothing to bring over' : `Bring over ${merge.imported.length} action(s)`}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        </section>
      )}
    </Card>
  );
}
