/**
 * The worklist's rows, virtualised (only the rows in sight are in the DOM): a listbox whose active
 * row is the item shown in full below it. Keys: Up/Down (or K/J) move, N the next open item,
 * A allocates to the best candidate, L leaves in suspense.
 */
import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP } from '../../../engine/money';
import type { ReviewState } from '../../../engine/suspense/review-queue';
import type { WorklistRow } from '../../../engine/suspense/worklist';
import { useVirtualRows } from '../../hooks/useVirtualRows';
import { DECISION_WORDS } from './ItemDetail';

export const WORKLIST_ROW_HEIGHT = 52;

const useStyles = makeStyles({
  viewport: {
    position: 'relative', overflowY: 'auto', height: '360px', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  row: {
    position: 'absolute', left: 0, right: 0, height: `${WORKLIST_ROW_HEIGHT}px`, boxSizing: 'border-box', padding: `2px ${tokens.spacingHorizontalS}`, cursor: 'pointer',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, display: 'flex', flexDirection: 'column', justifyContent: 'center', overflow: 'hidden',
  },
  line: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  first: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  badge: { flexShrink: 0 },
  active: { backgroundColor: tokens.colorBrandBackground2, outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  amount: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

export interface WorklistRowsProps {
  readonly rows: readonly WorklistRow[];
  readonly state: ReviewState;
  readonly active: number;
  readonly onActive: (index: number) => void;
  readonly onKey: (key: 'accept' | 'leave' | 'next') => void;
}

export const rowId = (item: string) => `hl-worklist-${item}`;

export function WorklistRows({ rows, state, active, onActive, onKey }: WorklistRowsProps) {
  const styles = useStyles();
  const { viewport, start, end, totalHeight, onScroll, scrollTo } = useVirtualRows(rows.length, WORKLIST_ROW_HEIGHT, 360);
  useEffect(() => {
    if (active >= 0) scrollTo(active);
  }, [active, scrollTo]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    const move = (to: number) => onActive(Math.max(0, Math.min(rows.length - 1, to)));
    if (k === 'arrowdown' || k === 'j') move(active + 1);
    else if (k === 'arrowup' || k === 'k') move(active - 1);
    else if (k === 'home') move(0);
    else if (k === 'end') move(rows.length - 1);
    else if (k === 'pagedown') move(active + 6);
    else if (k === 'pageup') move(active - 6);
    else if (k === 'n') onKey('next');
    else if (k === 'a') onKey('accept');
    else if (k === 'l') onKey('leave');
    else return;
    e.preventDefault();
  };

  const shown = [];
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (!row) continue;
    const { entry, daysHeld } = row;
    const resolution = state.resolutions[entry.item];
    const best = entry.candidates[0];
    const outcome = resolution
      ? resolution.kind === 'allocated'
        ? `Allocated to ${resolution.account}`
        : 'Left in suspense'
      : best
        ? `Best ${best.account}, score ${Math.round(best.score * 100)}%`
        : 'No candidate';
    shown.push(
      <div
        key={entry.item}
        id={rowId(entry.item)}
        role="option"
        aria-selected={i === active}
        aria-posinset={i + 1}
        aria-setsize={rows.length}
        className={`${styles.row} ${i === active ? styles.active : ''}`}
        style={{ top: i * WORKLIST_ROW_HEIGHT }}
        onClick={() => onActive(i)}
      >
        {/* The badge never shrinks, so at 350 px the text gives way first; the date leads the second line. */}
        <span className={styles.first}>
          <span className={styles.line}>
            <strong>{entry.item}</strong> <span className={styles.amount}>{formatGBP(entry.amount)}</span> held {daysHeld} day{daysHeld === 1 ? '' : 's'}
          </span>
          <Badge className={styles.badge} size="small" appearance="tint" color={resolution ? 'subtle' : entry.proposed === 'auto' ? 'success' : entry.proposed === 'review' ? 'warning' : 'informative'}>
            {resolution ? 'Decided' : DECISION_WORDS[entry.proposed]}
          </Badge>
        </span>
        <Caption1 className={styles.line}>
          {formatUkDate(entry.date)} · {outcome} · {entry.payer || 'no payer'} · ref {entry.reference || '(none)'}
        </Caption1>
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className={styles.viewport}
      role="listbox"
      aria-label={`Suspense items, ${rows.length.toLocaleString('en-GB')} shown. Keys: A allocate to the best candidate, L leave in suspense, N next open item, arrows move`}
      aria-activedescendant={rows[active] ? rowId(rows[active].entry.item) : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: totalHeight, position: 'relative' }}>{shown}</div>
    </div>
  );
}
