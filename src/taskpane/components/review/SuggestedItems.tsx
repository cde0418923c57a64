/**
 * The engine's suggested reconciling items on the Review step (issue 11, item 5): a timing difference
 * for a late housing-system batch, and a keying pair (one batch keyed differently into the GL) shown
 * as one pair with both sides, the difference and "keying difference: correct the GL journal". None
 * counts until a person accepts it; each has Accept and Reject, and Undo once decided, their
 * accessible names naming the item and its amount. The figures come back from the engine (worker).
 */
import { Badge, Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP } from '../../../engine/money';
import { KEYING_PROPOSAL, type KeyingPair } from '../../../engine/reconcile/keying';
import { keyingKey } from '../../../engine/reconcile/suggestions';
import type { ReconcileResult, ReconcilingItem } from '../../../engine/reconcile/types';
import { suggestionKind, suggestionState, type SuggestionState } from '../../../engine/signoff/suggestion-decision';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalS, borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
  accepted: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  rejected: { borderLeftColor: tokens.colorNeutralStrokeDisabled },
  pair: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  num: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface SuggestedItemsProps {
  readonly result: ReconcileResult;
  /** The key of the suggestion whose decision is on its way (its buttons wait). */
  readonly pending: string | null;
  readonly onDecide: (key: string, to: SuggestionState) => void;
}

const STATE_TEXT: Record<SuggestionState, string> = { undecided: 'Undecided: does not count until accepted', accepted: 'Accepted: counts', rejected: 'Rejected: does not count' };

export function SuggestedItems({ result, pending, onDecide }: SuggestedItemsProps) {
  const styles = useStyles();
  const suggested = result.reconcilingItems.filter((r) => r.origin === 'suggested' && r.key);
  if (suggested.length === 0) return null;
  const pairs = new Map(result.keyingPairs.map((p) => [keyingKey(p), p]));
  return (
    <ul className={styles.list} aria-label="Suggested reconciling items">
      {suggested.map((r) => (
        <Suggestion key={r.key} item={r} pair={pairs.get(r.key as string) ?? null} busy={pending === r.key} onDecide={onDecide} />
      ))}
    </ul>
  );
}

function Suggestion({ item, pair, busy, onDecide }: { item: ReconcilingItem; pair: KeyingPair | null; busy: boolean; onDecide: SuggestedItemsProps['onDecide'] }) {
  const styles = useStyles();
  const state = suggestionState(item);
  const key = item.key as string;
  // The accessible name of each button names the item, what it is and its amount.
  const what = `${item.ref}, ${suggestionKind(item)}, ${formatGBP(item.amount)}`;
  const decide = (to: SuggestionState) => () => {
    if (!busy && to !== state) onDecide(key, to);
  };
  return (
    <li className={`${styles.item} ${state === 'accepted' ? styles.accepted : state === 'rejected' ? styles.rejected : ''}`} aria-label={`Suggested item ${item.ref}`}>
      <Body1>
        <Badge appearance="tint" color="informative">
          Suggested
        </Badge>{' '}
        <strong>{item.ref}</strong> {pair ? KEYING_PROPOSAL : 'timing: not yet in the GL'} <span className={styles.num}>{formatGBP(item.amount)}</span>
      </Body1>
      {pair ? (
        <dl className={styles.pair} aria-label={`Keying pair ${item.ref}`}>
          <dt className={styles.dt}>Housing system</dt>
          <dd className={styles.dd}>
            {pair.hms.category} batch {pair.hms.batch || '(no ref)'}, {formatUkDate(pair.hms.date)}: <span className={styles.num}>{formatGBP(pair.hms.amount)}</span>
          </dd>
          <dt className={styles.dt}>GL</dt>
          <dd className={styles.dd}>
            journal {pair.gl.journal || '(no ref)'} (row {pair.gl.row}), {formatUkDate(pair.gl.date)}: <span className={styles.num}>{formatGBP(pair.gl.amount)}</span>
          </dd>
          <dt className={styles.dt}>Difference</dt>
          <dd className={styles.dd}>
            <span className={styles.num}>{formatGBP(pair.difference)}</span> ({pair.basis === 'same-reference' ? 'same reference' : pair.basis === 'digits-swapped' ? 'two digits swapped' : 'one digit wrong'})
          </dd>
        </dl>
      ) : (
        <Caption1>{item.explanation}</Caption1>
      )}
      <Caption1 role="status">
        {/* A config may count timing suggestions by default (acceptSuggestedTiming): say so, not "does not count". */}
        {state === 'undecided' && item.accepted ? 'Undecided: counts, as the settings say (acceptSuggestedTiming)' : STATE_TEXT[state]}
        {item.decidedBy ? ` (${item.decidedBy})` : ''}
      </Caption1>
      <div className={styles.buttons}>
        <Button size="small" appearance={state === 'accepted' ? 'primary' : 'secondary'} aria-pressed={state === 'accepted'} aria-label={`Accept ${what}`} aria-busy={busy} onClick={decide('accepted')}>
          Accept
        </Button>
        <Button size="small" appearance={state === 'rejected' ? 'primary' : 'secondary'} aria-pressed={state === 'rejected'} aria-label={`Reject ${what}`} aria-busy={busy} onClick={decide('rejected')}>
          Reject
        </Button>
        {state !== 'undecided' && (
          <Button size="small" appearance="subtle" aria-label={`Undo the decision on ${what}`} aria-busy={busy} onClick={decide('undecided')}>
            Undo
          </Button>
        )}
      </div>
    </li>
  );
}
