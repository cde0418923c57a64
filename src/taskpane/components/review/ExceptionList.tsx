/**
 * Review's account exceptions: every one, virtualised (only the rows in sight are in the DOM),
 * filtered by kind and sorted by the size of the break (exception-list.ts), each able to show its
 * row in the sheet.
 */
import { Body1, Button, Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatGBP } from '../../../engine/money';
import { breakOf, exceptionView, type ExceptionQuery, type ExceptionSort } from '../../../engine/reconcile/exception-list';
import type { AccountException, AccountExceptionKind } from '../../../engine/reconcile/types';
import { useVirtualRows } from '../../hooks/useVirtualRows';

const ROW = 56;

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  field: { minWidth: '140px', flexGrow: 1 },
  viewport: { position: 'relative', overflowY: 'auto', maxHeight: '336px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  item: {
    position: 'absolute', left: 0, right: 0, height: `${ROW}px`, boxSizing: 'border-box', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, overflow: 'hidden',
  },
  text: { flexGrow: 1, overflow: 'hidden', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' },
});

export const EXCEPTION_WORDS: Readonly<Record<AccountExceptionKind, string>> = {
  balance: 'balance does not roll forward',
  'missing-debit': 'rent debit missing',
  'extra-debit': 'more rent debited than due',
  'debit-after-end': 'debit after the tenancy ended',
  'debit-in-rent-free-week': 'debit in a rent-free week',
};

export interface ExceptionListProps {
  readonly exceptions: readonly AccountException[];
  readonly sheetOf: (role: AccountException['sheetRole']) => string | null;
  readonly onShow: (sheet: string, row: number) => void;
}

export function ExceptionList({ exceptions, sheetOf, onShow }: ExceptionListProps) {
  const styles = useStyles();
  const [query, setQuery] = useState<ExceptionQuery>({ kind: 'all', sort: 'amount' });
  const view = useMemo(() => exceptionView(exceptions, query), [exceptions, query]);
  const { viewport, start, end, totalHeight, onScroll } = useVirtualRows(view.rows.length, ROW, 336);
  const rows = [];
  for (let i = start; i < end; i++) {
    const x = view.rows[i];
    if (!x) continue;
    const sheet = sheetOf(x.sheetRole);
    rows.push(
      <li key={`${x.account}-${x.kind}-${i}`} className={styles.item} style={{ top: i * ROW }} aria-posinset={i + 1} aria-setsize={view.rows.length}>
        <Body1 className={styles.text} title={x.note || undefined}>
          <strong>{x.account}</strong>: {EXCEPTION_WORDS[x.kind]}, {formatGBP(breakOf(x))} out (expected {formatGBP(x.expected)}, found {formatGBP(x.actual)}){x.note ? `. ${x.note}` : ''}
        </Body1>
        {sheet && x.row !== null && (
          <Button size="small" onClick={() => onShow(sheet, x.row as number)}>
            Show in sheet<span className="hl-visually-hidden">: account {x.account}</span>
          </Button>
        )}
      </li>,
    );
  }
  return (
    <>
      <div className={styles.row} role="group" aria-label="Filter and sort the account exceptions">
        <Field className={styles.field} label="Kind">
          <Select value={query.kind} onChange={(_, d) => setQuery((q) => ({ ...q, kind: d.value as ExceptionQuery['kind'] }))}>
            <option value="all">Every kind ({exceptions.length})</option>
            {(Object.keys(EXCEPTION_WORDS) as AccountExceptionKind[])
              .filter((k) => view.byKind[k])
              .map((k) => (
                <option key={k} value={k}>
                  {EXCEPTION_WORDS[k]} ({view.byKind[k]})
                </option>
              ))}
          </Select>
        </Field>
        <Field className={styles.field} label="Sort exceptions by">
          <Select value={query.sort} onChange={(_, d) => setQuery((q) => ({ ...q, sort: d.value as ExceptionSort }))}>
            <option value="amount">Amount out, largest first</option>
            <option value="account">Account</option>
          </Select>
        </Field>
      </div>
      <Caption1 role="status">
        Showing {view.rows.length} of {exceptions.length}, {formatGBP(view.total)} out in all.
      </Caption1>
      <div ref={viewport} className={styles.viewport} style={{ height: Math.min(336, totalHeight) }} onScroll={onScroll}>
        <ul aria-label="Account exceptions" style={{ height: totalHeight, position: 'relative', margin: 0, padding: 0, listStyleType: 'none' }}>
          {rows}
        </ul>
      </div>
    </>
  );
}
