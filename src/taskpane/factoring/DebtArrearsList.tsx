/**
 * The accounts in arrears as of the day, virtualised (a factor's book can hold thousands): each with
 * its balance, its stage on the debt procedure's ladder and the next action with its date.
 */
import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatUkDate } from '../../engine/dates';
import type { ArrearsAccount } from '../../engine/jobs/factoring-arrears';
import { formatGBP } from '../../engine/money';
import { useVirtualRows } from '../hooks/useVirtualRows';

export const ARREARS_ROW_HEIGHT = 56;
const VIEW_HEIGHT = 300;

const useStyles = makeStyles({
  viewport: { position: 'relative', overflowY: 'auto', maxHeight: `${VIEW_HEIGHT}px`, border: `1px solid ${tokens.colorNeutralStroke2}` },
  row: {
    position: 'absolute', left: 0, right: 0, height: `${ARREARS_ROW_HEIGHT}px`, boxSizing: 'border-box', padding: `2px ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: '2px', overflow: 'hidden',
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', flexGrow: 1, minWidth: 0 },
  amount: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
});

export function DebtArrearsList({ accounts }: { readonly accounts: readonly ArrearsAccount[] }) {
  const styles = useStyles();
  const { viewport, start, end, totalHeight, onScroll } = useVirtualRows(accounts.length, ARREARS_ROW_HEIGHT, VIEW_HEIGHT);
  return (
    <div ref={viewport} className={styles.viewport} style={{ height: `${Math.min(VIEW_HEIGHT, totalHeight) + 2}px` }} onScroll={onScroll} role="list" aria-label="Accounts in arrears">
      <div style={{ height: `${totalHeight}px`, position: 'relative' }}>
        {accounts.slice(start, end).map((a, k) => {
          const i = start + k;
          return (
            <div key={`${a.owner}/${a.property}`} role="listitem" className={styles.row} style={{ top: `${i * ARREARS_ROW_HEIGHT}px` }}>
              <div className={styles.line}>
                <span className={styles.name}>
                  {a.ownerName || a.owner} · {a.property}
                </span>
                <span className={styles.amount}>{formatGBP(a.balance)}</span>
              </div>
              <div className={styles.line}>
                {a.stage ? (
                  <Badge appearance="tint" color="warning" size="small">
                    {a.stage}
                  </Badge>
                ) : (
                  <Badge appearance="outline" size="small">
                    {a.balance < 0 ? 'in credit' : 'no stage'}
                  </Badge>
                )}
                <Caption1 className={styles.name}>
                  {a.nextAction ? `next: ${a.nextAction}${a.nextActionOn ? ` on ${formatUkDate(a.nextActionOn)}` : ''}` : 'no further action'}
                  {a.disputed !== 0 ? ` · ${formatGBP(a.disputed)} disputed` : ''}
                </Caption1>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
