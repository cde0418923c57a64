/**
 * Search the rent roll for any account, when none of the matcher's candidates is right: by account
 * or property ref prefix, by tenant name (words in any order, the last one a prefix, or sounding
 * alike), or by postcode (a prefix, spaces ignored). Built once over the roll; each search uses
 * sorted arrays and maps, never a scan of every account. Pure: the index is plain data.
 */
import type { Tenancy } from '../records';
import { SEARCH_MATCHED_BY } from './messages';
import { doubleMetaphone } from './similarity';

export interface AccountHit {
  readonly account: string;
  readonly tenant: string;
  readonly address: string;
  readonly postcode: string;
  readonly ended: boolean;
  /** How the query found it, in words. */
  readonly matchedBy: string;
}

export interface AccountSearchIndex {
  readonly tenancies: readonly Tenancy[];
  /** [normalised ref, tenancy index], sorted: account refs and property refs. */
  readonly refs: readonly (readonly [string, number])[];
  /** [postcode without spaces, tenancy index], sorted. */
  readonly postcodes: readonly (readonly [string, number])[];
  /** [name word, tenancy index], sorted. */
  readonly words: readonly (readonly [string, number])[];
  /** Double Metaphone key of a name word -> tenancy indexes. */
  readonly sounds: Readonly<Record<string, readonly number[]>>;
}

const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'MX', 'REV']);

function words(name: string): string[] {
  return name.toUpperCase().replace(/[^A-Z\s]/g, ' ').split(/\s+/).filter((w) => w !== '' && !TITLES.has(w));
}

const byKey = (a: readonly [string, number], b: readonly [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);

/** Builds the search index over the rent roll. */
export function accountSearchIndex(roll: readonly Tenancy[]): AccountSearchIndex {
  const refs: [string, number][] = [];
  const postcodes: [string, number][] = [];
  const nameWords: [string, number][] = [];
  const sounds: Record<string, number[]> = {};
  roll.forEach((t, i) => {
    refs.push([t.account.toUpperCase().replace(/[\s-]/g, ''), i]);
    if (t.property) refs.push([t.property.toUpperCase().replace(/[\s-]/g, ''), i]);
    if (t.postcode) postcodes.push([t.postcode.toUpperCase().replace(/\s+/g, ''), i]);
    for (const w of new Set(words(t.tenant))) {
      nameWords.push([w, i]);
      if (w.length < 2) continue;
      for (const k of new Set(doubleMetaphone(w).filter((x) => x !== ''))) (sounds[k] ??= []).push(i);
    }
  });
  return { tenancies: roll, refs: refs.sort(byKey), postcodes: postcodes.sort(byKey), words: nameWords.sort(byKey), sounds };
}

/** Indexes of the entries whose key starts with `prefix` (or equals it, when `exact`): a binary search, then a walk. */
function withPrefix(sorted: readonly (readonly [string, number])[], prefix: string, limit: number, exact = false): number[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as readonly [string, number])[0] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let k = lo; k < sorted.length && out.length < limit; k++) {
    const [key, i] = sorted[k] as readonly [string, number];
    if (exact ? key !== prefix : !key.startsWith(prefix)) break;
    out.push(i);
  }
  return out;
}

/**
 * Accounts holding every word of the query, the last one as a prefix: the smallest exact-word list
 * filtered by the others, so a common surname costs its own list and no more.
 */
function byNameWords(index: AccountSearchIndex, query: readonly string[], cap: number): number[] {
  const last = query[query.length - 1] as string;
  const whole = query.slice(0, -1);
  if (whole.length === 0) return withPrefix(index.words, last, cap);
  const lists = whole.map((w) => withPrefix(index.words, w, Number.POSITIVE_INFINITY, true)).sort((a, b) => a.length - b.length);
  const [first, ...rest] = lists;
  const others = rest.map((l) => new Set(l));
  return [...new Set(first)].filter((i) => others.every((o) => o.has(i)) && words((index.tenancies[i] as Tenancy).tenant).some((w) => w.startsWith(last))).slice(0, cap);
}

/**
 * The top `limit` accounts for a query typed in the review pane, best first: an exact ref, refs
 * starting with the query, postcodes starting with it, tenants with every word of it, then tenants
 * whose name sounds alike. Current tenancies before ended ones, then by account ref.
 */
export function searchAccounts(index: AccountSearchIndex, query: string, limit = 10): AccountHit[] {
  const q = query.trim().toUpperCase();
  if (q === '' || limit <= 0) return [];
  const cap = Math.max(limit * 20, 200);
  const ranked = new Map<number, { rank: number; how: string }>();
  const add = (i: number, rank: number, how: string): void => {
    const seen = ranked.get(i);
    if (!seen || rank < seen.rank) ranked.set(i, { rank, how });
  };
  const compact = q.replace(/[\s-]/g, '');
  if (/\d/.test(compact) && /^[A-Z0-9]+$/.test(compact)) {
    for (const i of withPrefix(index.refs, compact, cap)) {
      const t = index.tenancies[i] as Tenancy;
      const exact = t.account.toUpperCase() === compact || t.property.toUpperCase() === compact;
      add(i, exact ? 0 : 1, exact ? SEARCH_MATCHED_BY.reference(query.trim()) : SEARCH_MATCHED_BY.referenceStarts(query.trim()));
    }
    if (/^[A-Z]{1,2}\d/.test(compact)) for (const i of withPrefix(index.postcodes, compact, cap)) add(i, 2, SEARCH_MATCHED_BY.postcodeStarts(query.trim()));
  }
  const qw = words(q);
  if (qw.length > 0) {
    for (const i of byNameWords(index, qw, cap)) add(i, 3, SEARCH_MATCHED_BY.nameHas(qw.join(' ')));
    if (ranked.size < limit) {
      // Sounding alike: every word of two letters or more must share a Double Metaphone key with a word of the tenant.
      const keyed = qw.filter((w) => w.length > 1);
      let sets: Set<number> | null = null;
      for (const w of keyed) {
        const s = new Set<number>();
        for (const k of doubleMetaphone(w)) if (k !== '') for (const i of index.sounds[k] ?? []) s.add(i);
        sets = sets === null ? s : new Set([...(sets as Set<number>)].filter((i) => s.has(i)));
      }
      for (const i of sets ?? []) add(i, 4, SEARCH_MATCHED_BY.nameSoundsLike(keyed.join(' ')));
    }
  }
  return [...ranked]
    .map(([i, r]) => ({ t: index.tenancies[i] as Tenancy, ...r }))
    .sort((a, b) => a.rank - b.rank || Number(a.t.end !== null) - Number(b.t.end !== null) || (a.t.account < b.t.account ? -1 : a.t.account > b.t.account ? 1 : 0))
    .slice(0, limit)
    .map(({ t, how }) => ({ account: t.account, tenant: t.tenant, address: t.address, postcode: t.postcode, ended: t.end !== null, matchedBy: how }));
}
