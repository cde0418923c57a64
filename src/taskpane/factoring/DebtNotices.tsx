/**
 * Notices of Potential Liability as of the day: notices near their last valid day (alerts at 90, 60
 * and 30 days), lapsed ones, accounts past the NoPL trigger with no live notice, and live notices on
 * cleared accounts to discharge. A lapsed notice loses the claim on a sold flat, so these come first.
 */
import { Badge, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { formatUkDate } from '../../engine/dates';
import type { FactoringNopl } from '../../engine/jobs/factoring-nopl';
import { formatGBP } from '../../engine/money';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function DebtNotices({ nopl }: { readonly nopl: FactoringNopl }) {
  const styles = useStyles();
  const alerts = nopl.notices.filter((n) => n.status === 'live' && n.alert !== null).sort((a, b) => a.daysLeft - b.daysLeft);
  const lapsed = nopl.notices.filter((n) => n.status === 'lapsed');
  const live = nopl.notices.filter((n) => n.status === 'live').length;
  const discharge = new Set(nopl.toDischarge.map((t) => t.notice));
  return (
    <section aria-label="Notices of Potential Liability" className={styles.box}>
      <Subtitle2>Notices of Potential Liability</Subtitle2>
      <Caption1>
        {live} live, {alerts.length} expiring, {lapsed.length} lapsed, {nopl.missing.length} missing, {nopl.toDischarge.length} to discharge
      </Caption1>
      {alerts.length > 0 && (
        <ul aria-label="Notices expiring" className={styles.list}>
          {alerts.map((n) => (
            <li key={n.notice.ref}>
              <Badge color={n.alert === 30 ? 'danger' : 'warning'} size="small">
                {n.alert} days
              </Badge>{' '}
              {n.notice.ref} on {n.notice.property}: last valid day {formatUkDate(n.lastValidDay)} ({n.daysLeft} days): {discharge.has(n.notice.ref) ? 'the account is cleared, so discharge it rather than renew' : 'renew it'}
            </li>
          ))}
        </ul>
      )}
      {lapsed.length > 0 && (
        <ul aria-label="Notices lapsed" className={styles.list}>
          {lapsed.map((n) => (
            <li key={n.notice.ref}>
              <Badge color="danger" size="small">
                lapsed
              </Badge>{' '}
              {n.notice.ref} on {n.notice.property} lapsed after {formatUkDate(n.lastValidDay)}
            </li>
          ))}
        </ul>
      )}
      {nopl.missing.length > 0 && (
        <ul aria-label="Notices missing" className={styles.list}>
          {nopl.missing.map((m) => (
            <li key={`${m.owner}/${m.property}`}>
              <Badge color="danger" size="small">
                missing
              </Badge>{' '}
              {m.property} ({m.owner}) owes {formatGBP(m.balance)}, past the NoPL trigger, and has no live notice: register one
            </li>
          ))}
        </ul>
      )}
      {nopl.toDischarge.length > 0 && (
        <ul aria-label="Notices to discharge" className={styles.list}>
          {nopl.toDischarge.map((t) => (
            <li key={t.notice}>
              <Badge color="informative" size="small">
                discharge
              </Badge>{' '}
              {t.notice} on {t.property}: the account is cleared
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
