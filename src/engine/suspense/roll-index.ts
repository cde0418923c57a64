/**
 * The indexes the suspense matcher finds candidates in, built once per match over the whole rent
 * roll: accounts and property refs as compared (capitals, no spaces or punctuation), postcodes,
 * name keys (sound of a name with an initial) and house number with street. At 125,000 tenancies
 * building them is most of a match's time, so they are built without a list per key (a key with
 * one tenancy, most of them, holds it alone) and accounts are found through the same look-up as
 * the reconciliation's (a table by number for a numbered roll).
 */
import type { Tenancy } from '../records';
import { accountLookup } from '../sources/account-lookup';
import { doubleMetaphone, nameWords } from './name-likeness';

export interface RollIndex {
  readonly byAccount: { get(ref: string): Tenancy | undefined };
  /** The lengths of the account refs that start with a zero: where a stripped ref is padded back to. */
  readonly zeroPaddedLengths: readonly number[];
  readonly byProperty: TenancyLists;
  /** Postcode without spaces, upper case. */
  readonly byPostcode: TenancyLists;
  /** Name keys: the Double Metaphone of each tenant's surname with their first initial ("SM0|J"). */
  readonly byNameKey: NameKeyIndex;
  /** House number and the first word of the street ("12|HIGH"). */
  readonly byHouse: TenancyLists;
}

/** Tenancies by key, in roll order; a key with one tenancy keeps it without a list. */
export class TenancyLists {
  private readonly lists = new Map<string, Tenancy | Tenancy[]>();

  add(key: string, t: Tenancy): void {
    const v = this.lists.get(key);
    if (v === undefined) this.lists.set(key, t);
    else if (Array.isArray(v)) v.push(t);
    else this.lists.set(key, [v, t]);
  }

  get(key: string): readonly Tenancy[] | undefined {
    const v = this.lists.get(key);
    return v === undefined ? undefined : Array.isArray(v) ? v : [v];
  }
}

/** The name keys of a person ("Jane Smith" -> SM0|J and XMT|J), or of any word order ("SMITH JANE"). */
export function nameKeys(surnameWord: string, initial: string): string[] {
  const [a, b] = doubleMetaphone(surnameWord);
  return [...new Set([a, b].filter((k) => k !== ''))].map((k) => `${k}|${initial}`);
}

/**
 * Name keys as two levels, Double Metaphone then initial: the memoised phonetic strings are reused
 * as map keys (their hash is computed once), where a joined key would be a new string per tenant.
 */
export class NameKeyIndex {
  private readonly keys = new Map<string, Map<string, Tenancy[]>>();

  add(word: string, initial: string, t: Tenancy): void {
    const [a, b] = doubleMetaphone(word);
    this.put(a, initial, t);
    if (b !== a) this.put(b, initial, t);
  }

  private put(phonetic: string, initial: string, t: Tenancy): void {
    if (phonetic === '') return;
    let byInitial = this.keys.get(phonetic);
    if (!byInitial) this.keys.set(phonetic, (byInitial = new Map()));
    const list = byInitial.get(initial);
    if (list) list.push(t);
    else byInitial.set(initial, [t]);
  }

  /** Tenancies under "SM0|J" keys, a word's sound with an initial. */
  get(key: string): readonly Tenancy[] | undefined {
    const bar = key.lastIndexOf('|');
    return this.keys.get(key.slice(0, bar))?.get(key.slice(bar + 1));
  }

  /** Every initial's tenancies under a word's sound (a surname alone), unless more than `cap`. */
  anyInitial(word: string, cap: number): Tenancy[] | null {
    const lists: Tenancy[][] = [];
    let size = 0;
    for (const k of new Set(doubleMetaphone(word).filter((x) => x !== ''))) {
      for (const list of this.keys.get(k)?.values() ?? []) {
        size += list.length;
        // A tenant is listed at most twice (a surname's two sounds, or as a first name too).
        if (size > 4 * cap) return null;
        lists.push(list);
      }
    }
    const out = new Map<string, Tenancy>();
    for (const list of lists) for (const t of list) out.set(t.account, t);
    return out.size > cap ? null : [...out.values()];
  }
}

/** A reference as compared: capitals, without the spaces and punctuation people and banks put inside ("1098 7110", "1098.7110", "1098/7110"). */
export function norm(ref: string): string {
  return isPlainRef(ref) ? ref : ref.toUpperCase().replace(/[\s\-./_]/g, '');
}

/** Only digits and capital letters: already as compared (most account and property refs). */
function isPlainRef(ref: string): boolean {
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** "12 High Street, Leeds" -> "12|HIGH"; null when the address does not start with a number. */
function houseKey(address: string): string | null {
  const m = /^\s*(\d{1,4}[A-Z]?)\s+([A-Za-z]+)/.exec(address);
  return m ? `${(m[1] ?? '').toUpperCase()}|${(m[2] ?? '').toUpperCase()}` : null;
}

/** The people of a joint tenancy ("John Brown & Mary Brown", "J Brown and M Brown"). */
const JOINT = /&|\band\b/i;

export function indexRoll(roll: readonly Tenancy[]): RollIndex {
  const padded = new Set<number>();
  const byProperty = new TenancyLists();
  const byPostcode = new TenancyLists();
  const byNameKey = new NameKeyIndex();
  const byHouse = new TenancyLists();
  const refs = new Array<string>(roll.length);
  for (let i = 0; i < roll.length; i++) {
    const t = roll[i] as Tenancy;
    const hk = houseKey(t.address);
    if (hk) byHouse.add(hk, t);
    for (const person of JOINT.test(t.tenant) ? t.tenant.split(JOINT) : [t.tenant]) {
      const w = nameWords(person);
      const last = w[w.length - 1];
      const first = w.length > 1 ? w[0] : undefined;
      if (last && first) byNameKey.add(last, first[0] as string, t);
      // The first name with the surname's initial ("T0TR|M"): a surname misspelt beyond sounding alike.
      if (last && first && first.length > 1) byNameKey.add(first, last[0] as string, t);
      // A tenant known by a surname alone ("SM0|*").
      if (last && !first && last.length > 1) byNameKey.add(last, '*', t);
    }
    if (t.postcode) byPostcode.add(t.postcode.toUpperCase().replace(/\s+/g, ''), t);
    const ref = norm(t.account);
    refs[i] = ref;
    if (ref.startsWith('0')) padded.add(ref.length);
    if (t.property) byProperty.add(norm(t.property), t);
  }
  // Two accounts that compare the same (rare: "A-1" and "A1"): the later one is found, as a map keeps the last.
  const accounts = accountLookup(refs);
  const byAccount = {
    get: (ref: string): Tenancy | undefined => {
      const at = accounts.get(ref);
      return at === undefined ? undefined : roll[at];
    },
  };
  return { byAccount, zeroPaddedLengths: [...padded].sort((a, b) => a - b), byProperty, byPostcode, byNameKey, byHouse };
}
