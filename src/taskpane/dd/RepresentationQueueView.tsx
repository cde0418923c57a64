/**
 * The unpaids queued to be re-presented (18) in the next run, as the store keeps them: each with
 * who queued it and when, and how it stands on the processing day typed in the run (the engine's
 * rule: a month from its original processing day). An expired one is marked and says why; the run
 * refuses it with the same words.
 */
import { Body1, Button } from '@fluentui/react-components';
import { formatUkDate, type IsoDate } from '../../engine/dates';
import { queueStanding, type QueuedRepresentation } from '../../engine/dd/representation-queue';
import { formatGBP } from '../../engine/money';
import { useDdStyles } from './styles';

export interface RepresentationQueueViewProps {
  readonly queue: readonly QueuedRepresentation[];
  /** The processing day typed in the run (YYYY-MM-DD): what "expired" is judged against. */
  readonly processingDay: string;
  readonly onWithdraw: () => void;
}

export function RepresentationQueueView({ queue, processingDay, onWithdraw }: RepresentationQueueViewProps) {
  const styles = useDdStyles();
  const standing = queueStanding(queue, processingDay);
  if (standing.length === 0) return null;
  const expired = standing.filter((s) => s.expired !== null).length;
  return (
    <section role="group" aria-label="Re-presentations" className={styles.box}>
      <Body1>
        {standing.length} unpaid to re-present (18){expired > 0 ? `, ${expired} expired` : ''}:
      </Body1>
      <ul className={styles.list} aria-label="Queued re-presentations">
        {standing.map(({ item, until, expired: why }) => (
          <li key={`${item.reference}|${item.originalProcessingDay}`}>
            {item.reference} {formatGBP(item.amount)}, unpaid of {formatUkDate(item.originalProcessingDay)}, queued by {item.queuedBy || '(unknown)'} on {formatUkDate(item.queuedAt.slice(0, 10) as IsoDate)}:{' '}
            {why === null ? <>may be re-presented until {formatUkDate(until)}</> : <strong className={styles.problem}>expired ({why})</strong>}
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button size="small" onClick={onWithdraw}>
          Do not re-present
        </Button>
      </div>
    </section>
  );
}
