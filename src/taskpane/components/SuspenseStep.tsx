/**
 * The suspense queue as a worklist: filters, sort, search and running totals over every item
 * (computed by the engine, worklist.ts), a virtualised list, and the active item in full with its
 * candidates and reasons; allocate, leave in suspense, accept every automatic allocation at once
 * (after saying how many and how much), undo. Keyboard: A, L, N on the list. Every decision is saved
 * with who and when, and goes into the clearance journal of the audit pack.
 */
import { Body1, Button, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { AccountHit } from '../../engine/suspense/account-search';
import type { ReviewState } from '../../engine/suspense/review-queue';
import type { ReviewCommand } from '../pane-state';
import { useWorklist } from '../hooks/useWorklist';
import { ItemDetail } from './suspense/ItemDetail';
import { WorklistControls, itemsWord, tallyWords } from './suspense/WorklistControls';
import { WorklistRows } from './suspense/WorklistRows';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

export interface SuspenseProps {
  readonly state: ReviewState;
  readonly reviewer: string;
  readonly onAction: (action: ReviewCommand) => void;
  readonly onSearch: (query: string) => Promise<readonly AccountHit[]>;
  readonly onNext: () => void;
  /** Whether Undo has a step to take back (the page's copy keeps only the count); else the state's undo stack says. */
  readonly canUndo?: boolean;
}

export function SuspenseStep({ state, reviewer, onAction, onSearch, onNext, canUndo = state.undo.length > 0 }: SuspenseProps) {
  const styles = useStyles();
  const { query, change, view } = useWorklist(state);
  const [activeItem, setActiveItem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');
  const confirmBox = useRef<HTMLDivElement>(null);
  const canDecide = reviewer.trim() !== '';

  const found = activeItem === null ? -1 : view.rows.findIndex((r) => r.entry.item === activeItem);
  const active = found >= 0 ? found : view.rows.length > 0 ? 0 : -1;
  const current = view.rows[active];
  const waiting = view.automaticWaiting;

  useEffect(() => {
    if (confirming) confirmBox.current?.querySelector('button')?.focus();
  }, [confirming]);

  const setActive = (i: number) => setActiveItem(view.rows[i]?.entry.item ?? null);
  const nextOpen = (from: number): number => {
    for (let i = from + 1; i < view.rows.length; i++) {
      const r = view.rows[i];
      if (r && state.resolutions[r.entry.item] === undefined) return i;
    }
    return from;
  };
  const onKey = (key: 'accept' | 'leave' | 'next') => {
    if (key === 'next') {
      setActive(nextOpen(active));
      return;
    }
    if (!current) return;
    if (!canDecide) {
      setSaid('Add your name in Settings first: every decision records who made it.');
      return;
    }
    const item = current.entry.item;
    if (key === 'accept') {
      if (current.entry.candidates.length === 0) {
        setSaid(`${item} has no candidate: search the rent roll, or leave it in suspense.`);
        return;
      }
      onAction({ type: 'pick-candidate', item, candidate: 0 });
      setSaid(`${item} allocated to ${current.entry.candidates[0]?.account ?? ''}.`);
    } else {
      onAction({ type: 'reject', item });
      setSaid(`${item} left in suspense.`);
    }
    setActive(nextOpen(active));
  };

  return (
    <section aria-labelledby="hl-suspense" className={styles.box}>
      <Subtitle2 as="h2" id="hl-suspense" tabIndex={-1}>
        Suspense review
      </Subtitle2>
      <Body1>
        {itemsWord(view.all.count)} in suspense: {view.decided.count.toLocaleString('en-GB')} decided, {(view.all.count - view.decided.count).toLocaleString('en-GB')} open. An
        automatic allocation is only proposed when one account is clearly ahead; nothing moves until a person accepts it.
      </Body1>
      {!canDecide && <Caption1>Add your name in Settings: every decision records who made it.</Caption1>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={waiting.count === 0 || !canDecide || confirming} onClick={() => setConfirming(true)}>
          Accept all automatic ({waiting.count})
        </Button>
        <Button disabled={!canUndo} onClick={() => onAction({ type: 'undo' })}>
          Undo
        </Button>
      </div>
      {confirming && (
        <Card role="group" aria-label="Confirm accepting all automatic allocations">
          <Body1>
            Accept {waiting.count.toLocaleString('en-GB')} automatic allocation{waiting.count === 1 ? '' : 's'}, {tallyWords(waiting).split(', ')[1]} in all? They are accepted
            in your name as one step; Undo takes them all back.
          </Body1>
          <div className={styles.row} ref={confirmBox}>
            <Button
              appearance="primary"
              onClick={() => {
                setConfirming(false);
                onAction({ type: 'accept-all-automatic' });
              }}
            >
              Accept {waiting.count.toLocaleString('en-GB')}
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        </Card>
      )}
      <WorklistControls query={query} view={view} onChange={change} />
      <Caption1 id="hl-worklist-keys">
        Keys in the list: A allocates the item to its best candidate, L leaves it in suspense (both then move to the next open item), N goes to the next open item, the arrows
        move.
      </Caption1>
      {view.rows.length === 0 ? (
        <Body1>No item matches these filters.</Body1>
      ) : (
        <WorklistRows rows={view.rows} state={state} active={active} onActive={setActive} onKey={onKey} />
      )}
      <span className="hl-visually-hidden" role="status" aria-live="polite">
        {said}
      </span>
      {current && <ItemDetail key={current.entry.item} entry={current.entry} daysHeld={current.daysHeld} state={state} canDecide={canDecide} onAction={onAction} onSearch={onSearch} />}
      <div className={styles.row}>
        <Button appearance="primary" onClick={onNext}>
          Next: Audit pack and sign-off
        </Button>
      </div>
    </section>
  );
}
