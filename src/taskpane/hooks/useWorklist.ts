/**
 * The suspense worklist's query (filters, sort, search) and the view the engine computes for it
 * (worklist.ts): components only render the rows. The search is deferred so typing never waits for
 * the list. The order (filters but state, search, sort) is computed once per query, not per decision:
 * a decision only re-filters it by state and re-counts the totals, never re-sorts the queue.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { IsoDate } from '../../engine/dates';
import type { ReviewState } from '../../engine/suspense/review-queue';
import { DEFAULT_WORKLIST_QUERY, worklistFrom, worklistOrder, type WorklistQuery } from '../../engine/suspense/worklist';

/** Today on the person's clock, as an ISO date (days held are counted to it). */
function today(): IsoDate {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` as IsoDate;
}

export function useWorklist(state: ReviewState) {
  const [query, setQuery] = useState<WorklistQuery>(() => ({ ...DEFAULT_WORKLIST_QUERY, state: 'all', asOf: today() }));
  const search = useDeferredValue(query.search);
  const { state: filter, evidence, sort, descending, asOf } = query;
  const { entries } = state;
  const order = useMemo(() => worklistOrder(entries, { evidence, sort, descending, asOf, search }), [entries, evidence, sort, descending, asOf, search]);
  const view = useMemo(() => worklistFrom(state, order, filter), [state, order, filter]);
  const change = (patch: Partial<WorklistQuery>) => setQuery((q) => ({ ...q, ...patch }));
  return { query, change, view };
}
