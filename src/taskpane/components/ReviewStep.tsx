/**
 * Step 4: the status, the components, unmatched batches and account exceptions (each able to select
 * its source row), the engine's suggested items a person accepts or rejects (review/SuggestedItems),
 * and the reconciling items a person adds, with the unexplained difference recomputed as they change
 * (by the month-end job's own unexplainedWithDraft).
 */
import {
  Badge, Body1, Button, Caption1, Card, CardHeader, Field, Input, Select, Subtitle1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CATEGORY_LABELS } from '../../engine/categories';
import { formatUkDate, type IsoDate } from '../../engine/dates';
import { unexplainedWithDraft } from '../../engine/jobs/month-end';
import { formatGBP, parsePence, type Pence } from '../../engine/money';
import type { GlBatchLine, HmsBatch, ReconcileResult } from '../../engine/reconcile/types';
import type { RoleAssignment } from '../../engine/sources/detect';
import type { StoredReconcilingItem } from '../../store/schema';
import { nextRef } from '../model';
import type { SuggestionState } from '../../engine/signoff/suggestion-decision';
import { ExceptionList } from './review/ExceptionList';
import { SuggestedItems } from './review/SuggestedItems';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto' },
  figures: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  dd: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '120px' },
  balanced: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  unbalanced: { borderLeft: `4px solid ${tokens.colorPaletteRedBorderActive}` },
});

const LIMIT = 100;

export interface ReviewProps {
  readonly result: ReconcileResult;
  readonly ms: number;
  readonly assignment: RoleAssignment;
  readonly items: readonly StoredReconcilingItem[];
  readonly owner: string;
  readonly onItems: (items: readonly StoredReconcilingItem[]) => Promise<boolean>;
  readonly onShow: (sheet: string, row: number, col?: number) => void;
  readonly onNext: () => void;
  /** A person's decision on a suggested item (issue 11): sent to the engine, which recomputes the figures. */
  readonly onDecide: (key: string, to: SuggestionState) => void;
  readonly pendingDecision: string | null;
}

const isHms = (b: HmsBatch | GlBatchLine): b is HmsBatch => b.side === 'hms';

export function ReviewStep({ result, ms, assignment, items, owner, onItems, onShow, onNext, onDecide, pendingDecision }: ReviewProps) {
  const styles = useStyles();
  const sheetOf = (role: 'rentRoll' | 'transactions' | 'gl') => assignment.detections.get(role)?.sheet ?? null;
  const balanced = result.status === 'BALANCED';
  const suggested = result.reconcilingItems.filter((r) => r.origin === 'suggested');

  return (
    <section aria-labelledby="hl-review" className={styles.box}>
      <Subtitle2 as="h2" id="hl-review">
        Review
      </Subtitle2>
      <Card className={balanced ? styles.balanced : styles.unbalanced} aria-label="Status">
        <CardHeader
          header={
            <Subtitle1 as="p" role="status" aria-live="polite">
              {balanced ? 'Balanced' : `Not balanced: ${formatGBP(result.unexplained)} unexplained`}
            </Subtitle1>
          }
          description={<Caption1>Reconciled in {(ms / 1000).toFixed(1)} s · {result.counts.accounts.toLocaleString('en-GB')} accounts · {result.counts.postings.toLocaleString('en-GB')} postings</Caption1>}
        />
        <dl className={styles.figures}>
          <dt>Housing system closing balance</dt>
          <dd className={styles.dd}>{formatGBP(result.hms.reportedClosing)}</dd>
          <dt>GL control account closing balance</dt>
          <dd className={styles.dd}>{formatGBP(result.gl.closing)}</dd>
          <dt>Difference</dt>
          <dd className={styles.dd} data-testid="difference">{formatGBP(result.difference)}</dd>
          <dt>Reconciling items</dt>
          <dd className={styles.dd} data-testid="reconciling-total">{formatGBP(result.reconcilingTotal)}</dd>
          <dt>
            <strong>Unexplained</strong>
          </dt>
          <dd className={styles.dd} data-testid="unexplained">
            <strong>{formatGBP(result.unexplained)}</strong>
          </dd>
        </dl>
      </Card>

      <Subtitle2 as="h3">Components</Subtitle2>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label="Components: housing system (System) against GL by category, and the difference">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Category</TableHeaderCell>
              <TableHeaderCell className={styles.num}>System</TableHeaderCell>
              <TableHeaderCell className={styles.num}>GL</TableHeaderCell>
              <TableHeaderCell className={styles.num}>Diff.</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.components.map((c) => (
              <TableRow key={c.category}>
                <TableCell title={CATEGORY_LABELS[c.category]}>{c.category}</TableCell>
                <TableCell className={styles.num}>{formatGBP(c.hms)}</TableCell>
                <TableCell className={styles.num}>{formatGBP(c.gl)}</TableCell>
                <TableCell className={styles.num}>{c.difference === 0 ? '–' : formatGBP(c.difference)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <Subtitle2 as="h3">Unmatched batches ({result.unmatchedBatches.length})</Subtitle2>
      {result.unmatchedBatches.length === 0 ? (
        <Body1>Every housing-system batch found its GL line.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Unmatched batches">
          {result.unmatchedBatches.slice(0, LIMIT).map((b, i) => {
            const sheet = sheetOf(isHms(b) ? 'transactions' : 'gl');
            const row = isHms(b) ? b.firstRow : b.row;
            return (
              <li key={i} className={styles.row}>
                <Body1 className={styles.grow}>
                  <Badge appearance="outline">{isHms(b) ? 'Housing system' : 'GL'}</Badge> {b.category} {formatUkDate(b.date)} {isHms(b) ? `batch ${b.batch}` : `journal ${b.journal}`}:{' '}
                  <span className={styles.num}>{formatGBP(b.amount)}</span>
                </Body1>
                {sheet && (
                  <Button size="small" onClick={() => onShow(sheet, row)}>
                    Show in sheet<span className="hl-visually-hidden">: {sheet} row {row}</span>
                  </Button>
                )}
              </li>
            );
          })}
          {result.unmatchedBatches.length > LIMIT && <Caption1>…and {result.unmatchedBatches.length - LIMIT} more on HL Batches.</Caption1>}
        </ul>
      )}

      <Subtitle2 as="h3">Account exceptions ({result.accountExceptions.length})</Subtitle2>
      {result.accountExceptions.length === 0 ? (
        <Body1>No account exceptions.</Body1>
      ) : (
        <ExceptionList exceptions={result.accountExceptions} sheetOf={sheetOf} onShow={onShow} />
      )}

      <Subtitle2 as="h3">Suspense</Subtitle2>
      <Body1>
        {result.suspense.items.length} items totalling {formatGBP(result.suspense.itemsTotal)} against a GL suspense balance of {formatGBP(result.suspense.glBalance)}
        {result.suspense.difference !== 0 ? `: ${formatGBP(result.suspense.difference)} apart` : ': they agree'}.{' '}
        {result.suspense.items.filter((s) => s.overLimit).length} held more than {result.suspense.ageLimitDays} days.
      </Body1>

      <Subtitle2 as="h3">Reconciling items</Subtitle2>
      {suggested.length > 0 && <Caption1 block>The engine suggests these; none counts until you accept it.</Caption1>}
      <SuggestedItems result={result} pending={pendingDecision} onDecide={onDecide} />
      <ItemsEditor items={items} owner={owner} result={result} onItems={onItems} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={onNext}>
          Next: Suspense
        </Button>
      </div>
    </section>
  );
}

interface Draft {
  readonly ref: string | null;
  readonly type: StoredReconcilingItem['type'];
  readonly amount: string;
  readonly explanation: string;
  readonly owner: string;
  readonly date: string;
}

function ItemsEditor({ items, owner, result, onItems }: { items: readonly StoredReconcilingItem[]; owner: string; result: ReconcileResult; onItems: ReviewProps['onItems'] }) {
  const unexplained = result.unexplained;
  const styles = useStyles();
  const blank: Draft = { ref: null, type: 'timing', amount: '', explanation: '', owner, date: '' };
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tried, setTried] = useState(false);
  const amount = draft ? parsePence(draft.amount.replace(/[£,\s]/g, '')) : null;
  const amountOk = amount !== null;
  const explanationOk = (draft?.explanation.trim() ?? '') !== '';

  async function commit(): Promise<void> {
    setTried(true);
    if (!draft || amount === null || !explanationOk) return;
    const item: StoredReconcilingItem = {
      ref: draft.ref ?? nextRef(items),
      type: draft.type,
      amount,
      explanation: draft.explanation.trim(),
      owner: draft.owner.trim(),
      date: draft.date || null,
    };
    const next = draft.ref ? items.map((i) => (i.ref === draft.ref ? item : i)) : [...items, item];
    if (await onItems(next)) {
      setDraft(null);
      setTried(false);
    }
  }

  return (
    <>
      {items.length > 0 && (
        <ul className={styles.list} aria-label="Your reconciling items">
          {items.map((i) => (
            <li key={i.ref} className={styles.row}>
              <Body1 className={styles.grow}>
                <strong>{i.ref}</strong> {i.type} <span className={styles.num}>{formatGBP(i.amount as Pence)}</span>: {i.explanation}
                {i.owner ? ` (owner ${i.owner})` : ''}
                {i.date ? `, ${formatUkDate(i.date as IsoDate)}` : ''}
              </Body1>
              <Button size="small" onClick={() => setDraft({ ref: i.ref, type: i.type, amount: (i.amount / 100).toFixed(2), explanation: i.explanation, owner: i.owner, date: i.date ?? '' })}>
                Edit<span className="hl-visually-hidden"> {i.ref}</span>
              </Button>
              <Button size="small" onClick={() => void onItems(items.filter((x) => x.ref !== i.ref))}>
                Remove<span className="hl-visually-hidden"> {i.ref}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <form
          noValidate
          className={styles.box}
          aria-label={draft.ref ? `Edit reconciling item ${draft.ref}` : 'New reconciling item'}
          onSubmit={(e) => {
            e.preventDefault();
            void commit();
          }}
        >
          <div className={styles.row}>
            <Field className={styles.grow} label="Type">
              <Select value={draft.type} onChange={(_, d) => setDraft({ ...draft, type: d.value as Draft['type'] })}>
                <option value="timing">Timing</option>
                <option value="suspense">Suspense</option>
                <option value="other">Other</option>
              </Select>
            </Field>
            <Field
              className={styles.grow}
              label="Amount (£)"
              required
              hint={unexplained === 0 ? 'Nothing is unexplained now.' : `${formatGBP(unexplained)} is unexplained: a ${unexplained < 0 ? 'negative' : 'positive'} amount reduces it.`}
              validationState={(tried || draft.amount.trim() !== '') && !amountOk ? 'error' : 'none'}
              validationMessage={(tried || draft.amount.trim() !== '') && !amountOk ? 'An amount in pounds with at most two decimals, e.g. -223.06' : null}
            >
              <Input value={draft.amount} inputMode="decimal" onChange={(_, d) => setDraft({ ...draft, amount: d.value })} />
            </Field>
          </div>
          <Field label="Explanation" required validationState={tried && !explanationOk ? 'error' : 'none'} validationMessage={tried && !explanationOk ? 'Say what explains it' : null}>
            <Textarea value={draft.explanation} onChange={(_, d) => setDraft({ ...draft, explanation: d.value })} />
          </Field>
          <div className={styles.row}>
            <Field className={styles.grow} label="Owner">
              <Input value={draft.owner} onChange={(_, d) => setDraft({ ...draft, owner: d.value })} />
            </Field>
            <Field className={styles.grow} label="Date">
              <Input type="date" value={draft.date} onChange={(_, d) => setDraft({ ...draft, date: d.value })} />
            </Field>
          </div>
          {amountOk && (
            <Caption1 role="status">
              Unexplained after this item: {formatGBP(unexplainedWithDraft(result, items, { ref: draft.ref, amount }))}
            </Caption1>
          )}
          <div className={styles.row}>
            <Button appearance="primary" type="submit">
              {draft.ref ? 'Save item' : 'Add item'}
            </Button>
            <Button onClick={() => { setDraft(null); setTried(false); }}>Cancel</Button>
          </div>
        </form>
      ) : (
        <div>
          <Button onClick={() => setDraft({ ...blank, amount: unexplained !== 0 ? (unexplained / 100).toFixed(2) : '' })}>Add a reconciling item</Button>
        </div>
      )}
    </>
  );
}
