/**
 * A long step in progress: a labelled bar (a fraction when known, else moving), what is happening
 * in words for screen readers, and Cancel while stopping still leaves nothing half-done (the caller
 * passes no onCancel once it is past that point, and says why Cancel is gone).
 */
import { Body1, Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  box: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  bar: { flexGrow: 1, minWidth: '160px' },
});

export interface ProgressProps {
  /** What the step is, for the bar's accessible name ("Writing the audit pack"). */
  readonly label: string;
  /** What is happening now, in words. */
  readonly text: string;
  /** 0..1 when known; moving otherwise. */
  readonly fraction?: number;
  /** Present while cancelling leaves nothing half-done. */
  readonly onCancel?: () => void;
}

export function Progress({ label, text, fraction, onCancel }: ProgressProps) {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <Field className={styles.bar} label={label} validationState="none" validationMessage={<Body1 role="status">{text}</Body1>}>
        <ProgressBar thickness="large" aria-label={label} {...(fraction !== undefined ? { value: fraction } : {})} />
      </Field>
      {onCancel && (
        <Button onClick={onCancel} aria-label={`Cancel: ${label.toLowerCase()}`}>
          Cancel
        </Button>
      )}
    </div>
  );
}
