/**
 * One suspense item of the worklist, in full: the matcher's candidates with their reasons in words
 * (each once), allocate to a candidate or to any account found by search, or leave in suspense.
 */
import { Badge, Body1, Button, Caption1, Card, CardHeader, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatUkDate } from '../../../engine/dates';
import { formatGBP } from '../../../engine/money';
import type { AccountHit } from '../../../engine/suspense/account-search';
import type { ReviewEntry, ReviewState } from '../../../engine/suspense/review-queue';
import { uniqueReasons } from '../../../engine/suspense/worklist';
import type { ReviewCommand } from '../../pane-state';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '140px' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  candidate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalXS, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
});

export const DECISION_WORDS = { auto: 'Automatic', review: 'For review', none: 'No candidate' } as const;

export interface ItemDetailProps {
  readonly entry: ReviewEntry;
  readonly daysHeld: number | null;
  readonly state: ReviewState;
  readonly canDecide: boolean;
  readonly onAction: (action: ReviewCommand) => void;
  readonly onSearch: (query: string) => Promise<readonly AccountHit[]>;
}

export function ItemDetail({ entry, daysHeld, state, canDecide, onAction, onSearch }: ItemDetailProps) {
  const styles = useStyles();
  const resolution = state.resolutions[entry.item];
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly AccountHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [more, setMore] = useState(false);
  const [searchOpen, setSearchOpen] = useState(entry.candidates.length === 0);
  const label = `item ${entry.item}`;
  return (
    <Card size="small" aria-label={`Suspense ${label}`}>
      <CardHeader
        header={
          <Body1>
            <strong>{entry.item}</strong> {formatGBP(entry.amount)} on {formatUkDate(entry.date)}
            {daysHeld !== null ? `, held ${daysHeld} day${daysHeld === 1 ? '' : 's'}` : ''}{' '}
            <Badge appearance="tint" color={entry.proposed === 'auto' ? 'success' : entry.proposed === 'review' ? 'warning' : 'informative'}>
              {DECISION_WORDS[entry.proposed]}
            </Badge>
          </Body1>
        }
        description={
          <Caption1>
            Payer {entry.payer || '(none)'} · reference {entry.reference || '(none)'}
          </Caption1>
        }
      />
      {resolution ? (
        <Body1 role="status">
          {resolution.kind === 'allocated'
            ? `Allocated to ${resolution.account} by ${resolution.decidedBy === 'rule' ? `rule, accepted by ${resolution.confirmedBy}` : resolution.decidedBy}.`
            : `Left in suspense by ${resolution.decidedBy}.`}
        </Body1>
      ) : (
        <>
          {entry.candidates.length === 0 && <Body1>No account looks likely. Search the rent roll, or leave it in suspense.</Body1>}
          {entry.candidates.slice(0, more ? 3 : 1).map((c, k) => (
            <div key={c.account} className={styles.candidate}>
              <Body1>
                <strong>{c.account}</strong> score {Math.round(c.score * 100)}%
              </Body1>
              <Caption1>{uniqueReasons(c.reasons).join('; ')}</Caption1>
              <div>
                <Button size="small" disabled={!canDecide} onClick={() => onAction({ type: 'pick-candidate', item: entry.item, candidate: k })}>
                  Allocate to {c.account}
                  <span className="hl-visually-hidden"> ({label})</span>
                </Button>
              </div>
            </div>
          ))}
          <div className={styles.row}>
            {entry.candidates.length > 1 && (
              <Button size="small" appearance="subtle" aria-expanded={more} onClick={() => setMore((m) => !m)}>
                {more ? 'Fewer candidates' : `${Math.min(3, entry.candidates.length) - 1} more candidate${entry.candidates.length > 2 ? 's' : ''}`}
                <span className="hl-visually-hidden"> ({label})</span>
              </Button>
            )}
            <Button size="small" appearance="subtle" aria-expanded={searchOpen} onClick={() => setSearchOpen((o) => !o)}>
              Search the rent roll<span className="hl-visually-hidden"> ({label})</span>
            </Button>
            <Button size="small" disabled={!canDecide} onClick={() => onAction({ type: 'reject', item: entry.item })}>
              Leave in suspense<span className="hl-visually-hidden"> ({label})</span>
            </Button>
          </div>
          {searchOpen && (
          <form
            className={styles.row}
            role="search"
            aria-label={`Find any account for ${label}`}
            onSubmit={async (ev) => {
              ev.preventDefault();
              if (!query.trim()) return;
              setSearching(true);
              try {
                setHits(await onSearch(query));
              } finally {
                setSearching(false);
              }
            }}
          >
            <Field className={styles.grow} label={`Find any account (ref, name or postcode) for ${entry.item}`}>
              <Input value={query} onChange={(_, d) => setQuery(d.value)} />
            </Field>
            <Button type="submit" disabled={searching}>
              Search<span className="hl-visually-hidden"> for {label}</span>
            </Button>
          </form>
          )}
          {hits && hits.length === 0 && <Caption1 role="status">No account matches “{query}”.</Caption1>}
          {hits && hits.length > 0 && (
            <ul className={styles.list} aria-label={`Accounts found for ${label}`}>
              {hits.slice(0, 8).map((h) => (
                <li key={h.account} className={styles.row}>
                  <Caption1 className={styles.grow}>
                    <strong>{h.account}</strong> {h.tenant}, {h.address} {h.postcode}
                    {h.ended ? ' (ended)' : ''} · {h.matchedBy}
                  </Caption1>
                  <Button size="small" disabled={!canDecide} onClick={() => onAction({ type: 'pick-account', item: entry.item, account: h.account, search: query })}>
                    Allocate to {h.account}
                    <span className="hl-visually-hidden"> ({label})</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
