/**
 * The worklist's filters, sort and search, and the running count and £ total of what is shown and
 * of what is decided (the engine's figures, worklist.ts).
 */
import { Body1, Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { formatGBP } from '../../../engine/money';
import type { Tally, WorklistEvidence, WorklistQuery, WorklistSort, WorklistState, WorklistView } from '../../../engine/suspense/worklist';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  field: { minWidth: '120px', flexGrow: 1 },
});

const STATES: readonly [WorklistState, string][] = [
  ['all', 'All items'],
  ['open', 'Open'],
  ['auto', 'Open, automatic'],
  ['review', 'Open, for review'],
  ['none', 'Open, no candidate'],
  ['decided', 'Decided'],
];
const EVIDENCE: readonly [WorklistEvidence, string][] = [
  ['any', 'Any evidence'],
  ['reference', 'Reference'],
  ['name', "Payer's name"],
  ['address', 'Address'],
  ['amount', 'Amount'],
  ['history', 'Paid before'],
];
const SORTS: readonly [WorklistSort, string][] = [
  ['item', 'Item'],
  ['amount', 'Amount'],
  ['days', 'Days held'],
  ['score', 'Score'],
  ['date', 'Date'],
];

export const itemsWord = (n: number) => `${n.toLocaleString('en-GB')} item${n === 1 ? '' : 's'}`;
export const tallyWords = (t: Tally) => `${itemsWord(t.count)}, ${formatGBP(t.total)}`;

export function WorklistControls({ query, view, onChange }: { query: WorklistQuery; view: WorklistView; onChange: (patch: Partial<WorklistQuery>) => void }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row} role="group" aria-label="Filter and sort the suspense items">
        <Field className={styles.field} label="Show">
          <Select value={query.state} onChange={(_, d) => onChange({ state: d.value as WorklistState })}>
            {STATES.map(([v, words]) => (
              <option key={v} value={v}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label="Evidence">
          <Select value={query.evidence} onChange={(_, d) => onChange({ evidence: d.value as WorklistEvidence })}>
            {EVIDENCE.map(([v, words]) => (
              <option key={v} value={v}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label="Sort by">
          <Select value={query.sort} onChange={(_, d) => onChange({ sort: d.value as WorklistSort })}>
            {SORTS.map(([v, words]) => (
              <option key={v} value={v}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
        <Button aria-pressed={query.descending} onClick={() => onChange({ descending: !query.descending })}>
          {query.descending ? 'Largest first' : 'Smallest first'}
        </Button>
      </div>
      <Field label="Search the queue (reference, payer, account or amount)">
        <Input type="search" value={query.search} onChange={(_, d) => onChange({ search: d.value })} />
      </Field>
      <Body1 role="status" aria-live="polite">
        Showing {tallyWords(view.shown)}. Decided {tallyWords(view.decided)} of {tallyWords(view.all)} (allocated {tallyWords(view.allocated)}).
      </Body1>
    </>
  );
}
