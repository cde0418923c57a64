/**
 * Step 6: write the audit pack (and the session beside it) into the workbook; the preparer's and a
 * different reviewer's sign-off, each bound to the figures signed: shown void at once, with the change
 * that voided it, when anything they covered changes. Signing a NOT BALANCED reconciliation takes a
 * written reason. The session's trail; export and import.
 */
import { Body1, Button, Caption1, Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { signOffLines, type SignOffLine } from '../../engine/signoff/bound-signoffs';
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
  lines: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  valid: { color: tokens.colorPaletteGreenForeground1 },
  void: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  reason: { width: '100%' },
});

export interface SignOffProps {
  readonly result: ReconcileResult;
  readonly session: Session | null;
  readonly trail: readonly TrailEvent[];
  readonly auditWritten: string | null;
  readonly defaultName: string;
  readonly storeAvailable: boolean;
  /** The digest of the content now (null until the sources' fingerprints are known): what a signature must match. */
  readonly digest: string | null;
  readonly onWrite: () => void;
  /** Writing the pack in progress (with Cancel while it can be), shown under its button. */
  readonly packProgress?: React.ReactNode;
  readonly onSignOff: (role: 'preparer' | 'reviewer', name: string, reason: string | null) => Promise<void>;
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
  'signoffs.voided': 'Signatures void',
  'session.from-workbook': 'Session resumed from the workbook',
};

const ROLE_WORDS = { preparer: 'Prepared by', reviewer: 'Reviewed by' } as const;

/** One signature as a reviewer reads it: who and when, and whether it stands for the figures shown. */
function SignatureLine({ line, styles }: { readonly line: SignOffLine; readonly styles: ReturnType<typeof useStyles> }) {
  const s = line.signed;
  if (!s) return <li>{ROLE_WORDS[line.role]}: not yet signed</li>;
  return (
    <li>
      {ROLE_WORDS[line.role]} {s.name}, {ukDateTime(s.at)}
      {s.reason ? ` (reason: ${s.reason})` : ''}:{' '}
      {line.valid ? <span className={styles.valid}>valid for the figures shown</span> : <span className={styles.void}>void: {line.why}</span>}
    </li>
  );
}

export function SignOffStep({ result, session, trail, auditWritten, defaultName, storeAvailable, digest, onWrite, packProgress, onSignOff, onExport, onImport }: SignOffProps) {
  const styles = useStyles();
  const lines = signOffLines(session?.signOffs ?? [], digest);
  const [preparer, reviewer] = lines as [SignOffLine, SignOffLine];
  const [prepName, setPrepName] = useState(defaultName);
  const [revName, setRevName] = useState('');
  const [prepReason, setPrepReason] = useState('');
  const [revReason, setRevReason] = useState('');
  const notBalanced = result.status !== 'BALANCED';
  const reasonHint = 'NOT BALANCED: say why you sign it anyway. The reason goes into the audit pack.';

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
      <ul className={styles.lines} aria-label="Signatures" aria-live="polite">
        <SignatureLine line={preparer} styles={styles} />
        <SignatureLine line={reviewer} styles={styles} />
      </ul>
      <form
        className={styles.row}
        aria-label="Preparer sign-off"
        onSubmit={(e) => {
          e.preventDefault();
          void onSignOff('preparer', prepName, notBalanced ? prepReason : null);
        }}
      >
        <Field className={styles.grow} label="Prepared by" hint={preparer.valid ? `Signed ${ukDateTime(preparer.signed?.at ?? '')} by ${preparer.signed?.name ?? ''}` : 'Not yet signed for these figures'}>
          <Input value={prepName} onChange={(_, d) => setPrepName(d.value)} />
        </Field>
        {notBalanced && (
          <Field className={styles.reason} label="Preparer’s reason for signing" hint={reasonHint} required>
            <Textarea value={prepReason} onChange={(_, d) => setPrepReason(d.value)} resize="vertical" />
          </Field>
        )}
        <Button type="submit" disabled={!prepName.trim() || !storeAvailable || (notBalanced && !prepReason.trim())}>
          Sign as preparer
        </Button>
      </form>
      <form
        className={styles.row}
        aria-label="Reviewer sign-off"
        onSubmit={(e) => {
          e.preventDefault();
          void onSignOff('reviewer', revName, notBalanced ? revReason : null);
        }}
      >
        <Field className={styles.grow} label="Reviewed by" hint={reviewer.valid ? `Signed ${ukDateTime(reviewer.signed?.at ?? '')} by ${reviewer.signed?.name ?? ''}` : 'A different person from the preparer'}>
          <Input value={revName} onChange={(_, d) => setRevName(d.value)} />
        </Field>
        {notBalanced && (
          <Field className={styles.reason} label="Reviewer’s reason for signing" hint={reasonHint} required>
            <Textarea value={revReason} onChange={(_, d) => setRevReason(d.value)} resize="vertical" />
          </Field>
        )}
        <Button type="submit" disabled={!revName.trim() || !storeAvailable || !preparer.valid || (notBalanced && !revReason.trim())}>
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
                {ukDateTime(e.at)} · {e.actor}: {typeof e.detail['message'] === 'string' ? e.detail['message'] : (EVENT_WORDS[e.event] ?? e.event)}
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
