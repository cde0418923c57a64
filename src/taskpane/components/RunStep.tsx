/** Step 3: run the reconciliation in the worker, with the stage in words and Cancel. */
import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Stage } from '../../worker/protocol';
import { monthLabel } from '../model';
import type { RunState } from '../pane-state';
import { IssueList } from './SourcesStep';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const STAGE_WORDS: Readonly<Record<Stage, string>> = {
  sending: 'Handing the sheets to the background worker',
  validating: 'Checking the settings',
  reading: 'Reading the rent roll, postings, GL and suspense into records, and reconciling',
  reconciling: 'Reconciling to the GL',
  fingerprinting: 'Fingerprinting the sources for the audit trail',
};
const STAGE_ORDER: readonly Stage[] = ['sending', 'validating', 'reading', 'fingerprinting'];

export interface RunProps {
  readonly run: RunState;
  readonly period: string;
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly onShow: (sheet: string, row: number, col?: number) => void;
  readonly onSettings: () => void;
}

export function RunStep({ run, period, onRun, onCancel, onShow, onSettings }: RunProps) {
  const styles = useStyles();
  const busy = run.state === 'reading' || run.state === 'running';
  return (
    <section aria-labelledby="hl-run" className={styles.box}>
      <Subtitle2 as="h2" id="hl-run">
        Run
      </Subtitle2>
      <Body1>
        Reconcile {monthLabel(period)}: the rent roll and the housing system’s postings against the GL control account. The work runs in the background; Excel stays
        usable.
      </Body1>
      {busy && (
        <Field
          label="Progress"
          validationState="none"
          validationMessage={run.state === 'reading' ? `Reading sheet ‘${run.sheet}’` : `${STAGE_WORDS[run.stage]}…`}
        >
          <ProgressBar
            thickness="large"
            value={run.state === 'reading' ? run.fraction * 0.3 : 0.3 + (0.7 * (STAGE_ORDER.indexOf(run.stage) + 1)) / (STAGE_ORDER.length + 1)}
          />
        </Field>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRun} disabled={busy}>
          {run.state === 'done' ? 'Run again' : 'Run the reconciliation'}
        </Button>
        {busy && <Button onClick={onCancel}>Cancel</Button>}
      </div>
      {run.state === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>Cancelled. Nothing was written and your settings and reconciling items are kept.</MessageBarBody>
        </MessageBar>
      )}
      {run.state === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The run failed</MessageBarTitle> {run.message}. Nothing was written; your settings and reconciling items are kept.
          </MessageBarBody>
        </MessageBar>
      )}
      {run.state === 'input-error' && (
        <>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The sheets have problems</MessageBarTitle> Nothing was reconciled or written. Correct the cells below (or the column mapping in
              Sources) and run again.
            </MessageBarBody>
          </MessageBar>
          {run.problems.length > 0 && (
            <Body1>
              Settings: {run.problems.join('; ')} <Button size="small" onClick={onSettings}>Open settings</Button>
            </Body1>
          )}
          <IssueList issues={run.issues.filter((i) => i.severity === 'error')} onShow={onShow} />
        </>
      )}
      {run.state === 'done' && (
        <Body1 role="status">
          Done in {(run.ms / 1000).toFixed(1)} s: {run.result.status === 'BALANCED' ? 'balanced' : 'not balanced'}. See Review.
        </Body1>
      )}
    </section>
  );
}
