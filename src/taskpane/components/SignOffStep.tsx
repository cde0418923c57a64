/**
 * Step 5: write the audit pack into the workbook; the preparer's and a different reviewer's
 * sign-off (both land in the pack and the trail); the session's trail; export and import.
 */
import { Body1, Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatGBP } from '../../engine/money';
import type { ReconcileResult } from '../../engine/reconcile/types';
import type { Session, TrailEvent } from '../../store/schema';
import { downloadFile } from '../download';
import { monthLabel, ukDateTime } from '../model';
import { FilePicker } from './FilePicker';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '140px' },
  trail: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '220px', overflowY: 'auto' },
});

export interface SignOffProps {
  readonly result: ReconcileResult;
  readonly session: Session | null;
  readonly trail: readonly TrailEvent[];
  readonly auditWritten: string | null;
  readonly defaultName: string;
  readonly storeAvailable: boolean;
  readonly onWrite: () => void;
  /** Writing the pack in progress (with Cancel while it can be), shown under its button. */
  readonly packProgress?: React.ReactNode;
  readonly onSignOff: (role: 'preparer' | 'reviewer', name: string) => Promise<void>;
  readonly onExport: () => Promise<string | null>;
  readonly onImport: (text: string) => Promise<void>;
}

const EVENT_WORDS: Readonly<Record<string, string>> = {
  'session.started': 'Session started',
  'session.resumed': 'Session resumed',
  'session.imported': 'Session imported from a file',
  'settings.changed': 'Settings changed',
  'reconciliation.run': 'Reconciliation run',
  'reconciling-items.saved': 'Reconciling items saved',
  'audit-pack.written': 'Audit pack written',
  'signed-off.preparer': 'Signed as preparer',
  'signed-off.reviewer': 'Signed as reviewer',
  'suspense.accept': 'Suspense item allocated',
  'suspense.pick-candidate': 'Suspense item allocated to a candidate',
  'suspense.pick-account': 'Suspense item allocated to an account found by search',
  'suspense.reject': 'Suspense item left in suspense',
  'suspense.accept-all-automatic': 'Automatic suspense allocations accepted',
  'suspense.undo': 'Suspense decision undone',
};

export function SignOffStep({ result, session, trail, auditWritten, defaultName, storeAvailable, onWrite, packProgress, onSignOff, onExport, onImport }: SignOffProps) {
  const styles = useStyles();
  const preparer = session?.signOffs.find((s) => s.role === 'preparer');
  const reviewer = session?.signOffs.find((s) => s.role === 'reviewer');
  const [prepName, setPrepName] = useState(defaultName);
  const [revName, setRevName] = useState('');

  async function exportFile(): Promise<void> {
    const text = await onExport();
    if (!text || !session) return;
    downloadFile(`housing-ledger-session-${session.period}.json`, text, 'application/json');
  }

  return (
    <section aria-labelledby="hl-signoff" className={styles.box}>
      <Subtitle2 as="h2" id="hl-signoff">
        Audit pack and sign-off
      </Subtitle2>
      <Body1>
        {monthLabel(result.period.label)}: {result.status === 'BALANCED' ? 'balanced' : `not balanced, ${formatGBP(result.unexplained)} unexplained`}. The audit pack is the sheets
        whose names start “HL” (with the suspense clearance journal and ageing), added to this workbook; your own sheets are never changed, and writing again replaces only the HL sheets.
      </Body1>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onWrite} disabled={packProgress !== undefined && packProgress !== null}>
          {auditWritten ? 'Write the audit pack again' : 'Write the audit pack'}
        </Button>
        {auditWritten && <Caption1 role="status">Written {ukDateTime(auditWritten)}</Caption1>}
      </div>
      {packProgress}

      <Subtitle2 as="h3">Sign-off</Subtitle2>
      {!storeAvailable && <Body1>Sign-off needs saved sessions, which this browser does not allow here.</Body1>}
      <form
        className={styles.row}
        aria-label="Preparer sign-off"
        onSubmit={(e) => {
          e.preventDefault();
          void onSignOff('preparer', prepName);
        }}
      >
        <Field className={styles.grow} label="Prepared by" hint={preparer ? `Signed ${ukDateTime(preparer.at)} by ${preparer.name}` : 'Not yet signed'}>
          <Input value={prepName} onChange={(_, d) => setPrepName(d.value)} />
        </Field>
        <Button type="submit" disabled={!prepName.trim() || !storeAvailable}>
          Sign as preparer
        </Button>
      </form>
      <form
        className={styles.row}
        aria-label="Reviewer sign-off"
        onSubmit={(e) => {
          e.preventDefault();
          void onSignOff('reviewer', revName);
        }}
      >
        <Field className={styles.grow} label="Reviewed by" hint={reviewer ? `Signed ${ukDateTime(reviewer.at)} by ${reviewer.name}` : 'A different person from the preparer'}>
          <Input value={revName} onChange={(_, d) => setRevName(d.value)} />
        </Field>
        <Button type="submit" disabled={!revName.trim() || !storeAvailable || !preparer}>
          Sign as reviewer
        </Button>
      </form>

      <Subtitle2 as="h3">Trail</Subtitle2>
      {trail.length === 0 ? (
        <Body1>Nothing recorded yet.</Body1>
      ) : (
        <ol className={styles.trail} aria-label="Session trail" tabIndex={0}>
          {trail.map((e) => (
            <li key={e.seq ?? `${e.at}-${e.event}`}>
              <Caption1>
                {ukDateTime(e.at)} · {e.actor}: {EVENT_WORDS[e.event] ?? e.event}
              </Caption1>
            </li>
          ))}
        </ol>
      )}

      <Subtitle2 as="h3">Session file</Subtitle2>
      <div className={styles.row}>
        <Button onClick={() => void exportFile()} disabled={!session}>
          Export the session
        </Button>
        <FilePicker accept=".json,application/json" label="Session file to import" disabled={!storeAvailable} onFile={async (file) => onImport(await file.text())}>
          Import a session…
        </FilePicker>
      </div>
    </section>
  );
}
