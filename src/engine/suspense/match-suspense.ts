/**
 * Suspense matching: finds the account a suspense item belongs to. Candidates come only from
 * indexes over the rent roll (the reference and its one-slip neighbours, leading zeros padded back,
 * the property ref, a former tenancy's holder, the postcode, name keys, house number and street),
 * never from a scan. Each is then weighed on the payer's name, the amount, the account's payment
 * history and its status, every step a reason in words. A wrong automatic allocation moves one
 * tenant's money onto another's account (DOMAIN.md section 4), so `auto` needs one strong candidate
 * clearly ahead of the next, and someone else paying is never enough.
 */
import type { Posting, Tenancy, SuspenseItem } from '../records';
import { amountEvidence, HISTORY_PAYER_SCORE, historyEvidence, paymentHistory, statusEvidence, type PaymentSeen } from './account-evidence';
import { doubleMetaphone as metaphoneOf, jaroWinkler, levenshtein } from './similarity';

/**
 * Double Metaphone, memoised: names repeat (a roll of 125,000 tenancies has a few thousand
 * surnames). Caching a pure function changes no answer; the cache is bounded.
 */
const METAPHONES = new Map<string, [string, string]>();
function doubleMetaphone(word: string): [string, string] {
  let keys = METAPHONES.get(word);
  if (!keys) {
    if (METAPHONES.size > 100_000) METAPHONES.clear();
    keys = metaphoneOf(word);
    METAPHONES.set(word, keys);
  }
  return keys;
}

export interface SuspenseCandidate {
  readonly account: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

export type SuspenseDecision = 'auto' | 'review' | 'none';

export interface SuspenseMatch {
  readonly item: string;
  readonly decision: SuspenseDecision;
  readonly account: string | null;
  readonly score: number;
  readonly candidates: readonly SuspenseCandidate[];
}

export interface SuspenseMatchConfig {
  /** Best score needed for an automatic allocation. */
  readonly autoThreshold: number;
  /** How far ahead of the runner-up the best must be for an automatic allocation. */
  readonly autoMargin: number;
  /** Lowest score worth showing a person. */
  readonly reviewThreshold: number;
  readonly autoEnabled: boolean;
}

export const DEFAULT_SUSPENSE_MATCH: SuspenseMatchConfig = { autoThreshold: 0.9, autoMargin: 0.15, reviewThreshold: 0.5, autoEnabled: true };

interface Index {
  readonly byAccount: ReadonlyMap<string, Tenancy>;
  /** The lengths of the account refs that start with a zero: where a stripped ref is padded back to. */
  readonly zeroPaddedLengths: readonly number[];
  readonly byProperty: ReadonlyMap<string, readonly Tenancy[]>;
  /** Postcode without spaces, upper case. */
  readonly byPostcode: ReadonlyMap<string, readonly Tenancy[]>;
  /** Name keys: the Double Metaphone of each tenant's surname with their first initial ("SM0|J"). */
  readonly byNameKey: NameKeyIndex;
  /** House number and the first word of the street ("12|HIGH"). */
  readonly byHouse: ReadonlyMap<string, readonly Tenancy[]>;
}

/** The house number an address starts with ("Flat 2, 12 High Street" -> "12"). */
function houseNumber(address: string): string | undefined {
  return /^\s*(?:FLAT\s+\w+,?\s*)?(\d{1,4}[A-Z]?)\b/i.exec(address)?.[1]?.toUpperCase();
}

/** "12 High Street, Leeds" -> "12|HIGH"; null when the address does not start with a number. */
function houseKey(address: string): string | null {
  const m = /^\s*(\d{1,4}[A-Z]?)\s+([A-Za-z]+)/.exec(address);
  return m ? `${(m[1] ?? '').toUpperCase()}|${(m[2] ?? '').toUpperCase()}` : null;
}

/** The name keys of a person ("Jane Smith" -> SM0|J and XMT|J), or of any word order ("SMITH JANE"). */
function nameKeys(surnameWord: string, initial: string): string[] {
  const [a, b] = doubleMetaphone(surnameWord);
  return [...new Set([a, b].filter((k) => k !== ''))].map((k) => `${k}|${initial}`);
}

/**
 * Name keys as two levels, Double Metaphone then initial: the memoised phonetic strings are reused
 * as map keys (their hash is computed once), where a joined key would be a new string per tenant.
 */
class NameKeyIndex {
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

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function norm(ref: string): string {
  return ref.toUpperCase().replace(/[\s-]/g, '');
}

function buildIndex(roll: readonly Tenancy[]): Index {
  const byAccount = new Map<string, Tenancy>();
  const padded = new Set<number>();
  const byProperty = new Map<string, Tenancy[]>();
  const byPostcode = new Map<string, Tenancy[]>();
  const byNameKey = new NameKeyIndex();
  const byHouse = new Map<string, Tenancy[]>();
  for (const t of roll) {
    const hk = houseKey(t.address);
    if (hk) push(byHouse, hk, t);
    for (const person of t.tenant.split(/&|\band\b/i)) {
      const w = nameWords(person);
      const last = w[w.length - 1];
      const first = w.length > 1 ? w[0] : undefined;
      if (last && first) byNameKey.add(last, first[0] as string, t);
      // The first name with the surname's initial ("T0TR|M"): a surname misspelt beyond sounding alike.
      if (last && first && first.length > 1) byNameKey.add(first, last[0] as string, t);
      // A tenant known by a surname alone ("SM0|*").
      if (last && !first && last.length > 1) byNameKey.add(last, '*', t);
    }
    if (t.postcode) push(byPostcode, t.postcode.toUpperCase().replace(/\s+/g, ''), t);
    const ref = norm(t.account);
    byAccount.set(ref, t);
    if (ref.startsWith('0')) padded.add(ref.length);
    if (t.property) push(byProperty, norm(t.property), t);
  }
  return { byAccount, zeroPaddedLengths: [...padded].sort((a, b) => a - b), byProperty, byPostcode, byNameKey, byHouse };
}


/** UK postcode, outward and inward parts. */
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/;

/** What the payer's surname adds, by the kind of evidence that found the candidate. */
const NAME_BONUS = {
  reference: { same: 0.03, alike: 0.02 },
  // a property has had other tenants: its ref needs the payer to be the current one
  property: { same: 0.1, alike: 0.05 },
  repaired: { same: 0.12, alike: 0.06 },
  // the postcode and house number with the surname the same or alike: the household at that address
  address: { same: 0.15, alike: 0.15 },
  // found by the name itself: the name adds nothing more, and it can never be allocated alone
  name: { same: 0.1, alike: 0.05 },
} as const satisfies Record<string, { same: number; alike: number }>;


/** More tenancies than this at one postcode: it needs the house number as well. */
const MAX_POSTCODE_CANDIDATES = 40;

/** More tenants than this under one name key (a common surname and an initial) are not candidates. */
const MAX_NAME_CANDIDATES = 25;

/** References longer than this are not repaired (one slip from an account ref is at most its length + 1). */
export const MAX_REPAIR_LENGTH = 32;

/** Base score of a reference one keying slip away from an account. */
const REPAIRED = 0.78;

/**
 * References one keying slip away: a digit substituted, two neighbouring digits swapped, a digit
 * dropped or one added. `visit` sees each once with the slip in words (built only when asked: a
 * ref has about 170 neighbours and few of them are accounts).
 */
function forEachRepair(ref: string, visit: (candidate: string, how: () => string) => void): void {
  // Neighbours grow with the square of the length (8 s at 16,000 characters): no account ref is
  // near this long, so a longer reference has no slip worth trying.
  if (ref.length > MAX_REPAIR_LENGTH) return;
  const seen = new Set<string>([ref]);
  const once = (r: string, how: () => string): void => {
    if (seen.has(r)) return;
    seen.add(r);
    visit(r, how);
  };
  for (let i = 0; i + 1 < ref.length; i++) {
    if (ref[i] === ref[i + 1]) continue;
    once(ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2), () => `with two digits swapped (${ref[i]}${ref[i + 1]} at position ${i + 1})`);
  }
  for (let i = 0; i < ref.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const ch = DIGITS[d] as string;
      if (ch !== ref[i]) once(ref.slice(0, i) + ch + ref.slice(i + 1), () => `with one digit different (position ${i + 1})`);
    }
    once(ref.slice(0, i) + ref.slice(i + 1), () => `with a digit added (position ${i + 1})`);
  }
  for (let i = 0; i <= ref.length; i++) {
    for (let d = 0; d <= 9; d++) once(ref.slice(0, i) + (DIGITS[d] as string) + ref.slice(i), () => `with a digit dropped (position ${i + 1})`);
  }
}

const DIGITS = '0123456789'.split('');

/** References one keying slip away, each with the slip in words, for the reasons. */
export function repairs(ref: string): [string, string][] {
  const out: [string, string][] = [];
  forEachRepair(ref, (r, how) => out.push([r, how()]));
  return out;
}

const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'MX', 'REV']);

function nameWords(name: string): string[] {
  return name.toUpperCase().replace(/[^A-Z\s]/g, ' ').split(/\s+/).filter((w) => w !== '' && !TITLES.has(w));
}

/**
 * First names are compared strictly: one slip (JANE ~ JANET), or two letters swapped in a longer
 * name (CONONR ~ CONNOR), never by sound (JANE is not JOAN).
 */
function sameFirstName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  return levenshtein(a, b) <= 1 || (a.length >= 5 && a.length === b.length && jaroWinkler(a, b) >= 0.92);
}

function alike(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (jaroWinkler(a, b) >= 0.9) return true;
  const [a1, a2] = doubleMetaphone(a);
  const [b1, b2] = doubleMetaphone(b);
  return a1 !== '' && (a1 === b1 || a1 === b2 || (a2 !== '' && (a2 === b1 || a2 === b2)));
}

/**
 * How a payer's name compares with the tenants' (joint tenancies: each person): 'same' surname,
 * or a surname spelt or sounding alike (Jaro-Winkler >= 0.9, or one Double Metaphone key) with the
 * first name the same; 'alike' for a surname alike alone; else 'different'. Word order is free
 * ("DAVIES W" is W Davies).
 */
function nameLikeness(payer: string, tenant: string): { level: 'same' | 'alike' | 'different'; how: string } {
  const plain = nameWords(payer);
  const words = withJoined(plain);
  if (words.length === 0) return { level: 'different', how: '' };
  let best: { level: 'same' | 'alike' | 'different'; how: string } = { level: 'different', how: '' };
  for (const person of tenant.split(/&|\band\b/i)) {
    const p = nameWords(person);
    const last = p[p.length - 1];
    const first = p.length > 1 ? p[0] : undefined;
    if (!last) continue;
    if (words.includes(last)) {
      // A first name or initial given that is not the tenant's (JANE or S for Joan Smith) is a
      // relative or a namesake.
      const given = plain.filter((w) => w !== last && w.length > 1);
      const initials = plain.filter((w) => w.length === 1);
      const agrees = given.some((w) => sameFirstName(w, first ?? '')) || initials.includes((first ?? '')[0] ?? '');
      if (first !== undefined && first.length > 1 && given.length + initials.length > 0 && !agrees) {
        if (best.level === 'different') best = { level: 'alike', how: 'shares the surname but not the first name of' };
        continue;
      }
      return { level: 'same', how: 'shares the surname of' };
    }
    const similar = words.some((w) => alike(w, last));
    if (!similar) {
      // The first name, and a surname close in spelling though not alike (MOSRIR for MORRIS).
      if (first !== undefined && first.length > 1 && words.some((w) => sameFirstName(w, first)) && words.some((w) => w.length > 2 && jaroWinkler(w, last) >= 0.8) && best.level === 'different') {
        best = { level: 'alike', how: 'has the first name, and a surname close in spelling, of' };
      }
      continue;
    }
    if (first !== undefined && words.includes(first)) return { level: 'same', how: 'has the first name, and a surname spelt or sounding alike, of' };
    best = { level: 'alike', how: '~' };
  }
  return best;
}

/**
 * The payer's words with each two neighbours joined: bank narratives break names at fixed widths
 * or with stray spaces ("JORD AN BLAKE", "H O").
 */
function withJoined(words: readonly string[]): string[] {
  const out = [...words];
  for (let k = 0; k + 1 < words.length; k++) {
    const joined = `${words[k] ?? ''}${words[k + 1] ?? ''}`;
    if (joined.length >= 2) out.push(joined);
  }
  return out;
}

/**
 * How close a payer's name not alike the tenant's still is, 0..1: the best Jaro-Winkler of a payer
 * word against a tenant's surname (0.7 -> 0, 0.9 -> 1), or 0.5 for the tenant's first name given
 * (a surname changed by marriage, a relative). Grades the penalty for a name that does not agree.
 */
function nameCloseness(payer: string, tenant: string): number {
  const words = withJoined(nameWords(payer)).filter((w) => w.length > 1);
  let best = 0;
  for (const person of tenant.split(/&|\band\b/i)) {
    const p = nameWords(person);
    const last = p[p.length - 1];
    const first = p.length > 1 ? p[0] : undefined;
    if (!last) continue;
    for (const w of words) best = Math.max(best, Math.min(1, Math.max(0, (jaroWinkler(w, last) - 0.7) / 0.2)));
    if (first !== undefined && first.length > 1 && words.some((w) => sameFirstName(w, first))) best = Math.max(best, 0.5);
  }
  return best;
}

/** The most a candidate can score when the payer is someone else: below the lowest auto minimum the config allows (0.8). */
const SOMEONE_ELSE_CAP = 0.79;

/** The least and the most a payer whose name does not agree takes from a candidate. */
const NAME_PENALTY = { least: 0.1, most: 0.25 } as const;

/** kind: how much the payer's name must add. A reference is evidence on its own; a repaired reference or an address needs the name to agree before it can be trusted. */
type Kind = keyof typeof NAME_BONUS;

interface Found {
  score: number;
  kind: Kind;
  readonly reasons: string[];
}

/** More current tenancies than this under one person's name say too little about which is theirs. */
const MAX_SAME_PERSON = 3;

/** Every account an index proposes for one item, with the evidence that found it (no scan of the roll). */
function gather(item: SuspenseItem, index: Index): Map<string, Found> {
  const found = new Map<string, Found>();
  const add = (t: Tenancy, score: number, reason: string, kind: Kind = 'reference'): void => {
    const c = found.get(t.account);
    if (!c) found.set(t.account, { score, kind, reasons: [reason] });
    else if (score > c.score) {
      c.score = score;
      c.kind = kind;
      c.reasons.unshift(reason);
    } else c.reasons.push(reason);
  };
  const ref = norm(item.reference);
  if (ref) {
    const exact = index.byAccount.get(ref);
    // A ref whose leading zeros a spreadsheet stripped: padded back to each length the roll uses.
    const stripped = ref.replace(/^0+/, '');
    const read = exact ? [exact] : index.zeroPaddedLengths.filter((n) => n > stripped.length).flatMap((n) => index.byAccount.get(stripped.padStart(n, '0')) ?? []);
    if (exact) add(exact, 0.97, `reference ${item.reference.trim()} is account ${exact.account}`);
    else for (const t of read) add(t, 0.92, `reference ${item.reference.trim()} is account ${t.account} without its leading zeros`);
    // A keying slip is only a hypothesis when the reference as typed is contradicted: it names no
    // account, or an account whose tenant is not the payer.
    const agreed = item.payer.trim() !== '' && read.some((t) => nameLikeness(item.payer, t.tenant).level === 'same');
    for (const t of index.byProperty.get(ref) ?? []) add(t, 0.8, `reference ${item.reference.trim()} is the property ref ${t.property} of account ${t.account}`, 'property');
    if (!agreed && /^\d{4,}$/.test(ref)) {
      forEachRepair(ref, (candidate, how) => {
        const t = index.byAccount.get(candidate);
        if (t) add(t, REPAIRED, `reference ${item.reference.trim()} is ${t.account} ${how()}`, 'repaired');
      });
    }
  }
  // A reference inside text: "RENT 10234567 FLAT 2".
  const text = `${item.reference} ${item.narrative}`;
  for (const token of text.toUpperCase().match(/[A-Z]*\d[\dA-Z]*/g) ?? []) {
    if (token === ref) continue;
    const t = index.byAccount.get(token);
    if (t) add(t, 0.9, `account ${t.account} appears in the text "${text.trim()}"`);
    const p = index.byProperty.get(token);
    for (const pt of p ?? []) add(pt, 0.75, `property ref ${pt.property} of account ${pt.account} appears in the text`);
  }
  // A reference broken by spaces or dashes inside text ("RENT 0001 2345"): neighbouring digit
  // groups joined, each run of two to four groups tried.
  for (const run of text.match(/\d+(?:[\s-]+\d+)+/g) ?? []) {
    const groups = run.split(/[\s-]+/);
    for (let i = 0; i < groups.length; i++) {
      let joined = groups[i] ?? '';
      for (let j = i + 1; j < Math.min(groups.length, i + 4); j++) {
        joined += groups[j] ?? '';
        const t = index.byAccount.get(joined);
        if (t && joined !== ref) add(t, 0.88, `account ${t.account} appears in the text "${text.trim()}", broken by spaces`);
      }
    }
  }
  // The postcode and house number in the narrative: "J SMITH RENT 12 HIGH STREET LS6 2AB".
  const upper = text.toUpperCase();
  const numbers = new Set((text.match(/\b\d{1,4}[A-Z]?\b/gi) ?? []).map((x) => x.toUpperCase()));
  const atPostcode = (list: readonly Tenancy[]): void => {
    for (const t of list) {
      const house = houseNumber(t.address);
      const sameHouse = house !== undefined && numbers.has(house);
      add(t, sameHouse ? 0.75 : 0.5, `postcode ${t.postcode}${sameHouse ? ` and house number ${house}` : ''} in the narrative match account ${t.account} (${t.address})`, 'address');
    }
  };
  const postcodes = new Set<string>();
  const uk = POSTCODE.exec(upper);
  if (uk) {
    const pc = `${uk[1]}${uk[2]}`;
    postcodes.add(pc);
    atPostcode(index.byPostcode.get(pc) ?? []);
  }
  // A postcode as the roll writes it, in any format (odd spacing, an overseas payer's own): a
  // word of the text, or two words joined. Shared by many tenancies, it needs the house number too.
  const words = upper.split(/[^A-Z0-9]+/).filter((w) => w !== '');
  for (let k = 0; k < words.length; k++) {
    for (const key of [words[k] ?? '', `${words[k] ?? ''}${words[k + 1] ?? ''}`]) {
      if (postcodes.has(key) || key.length < 3 || !/\d/.test(key)) continue;
      postcodes.add(key);
      const list = index.byPostcode.get(key);
      if (!list) continue;
      // Narrowed from the tenancies at the postcode itself: never a scan of the roll.
      atPostcode(list.length <= MAX_POSTCODE_CANDIDATES ? list : list.filter((t) => numbers.has(houseNumber(t.address) ?? '')));
    }
  }
  // The payer's name alone (a first name and a surname, in either order), with the house number
  // and street in the narrative: never enough to allocate, but it puts the account before a person.
  const payerWords = nameWords(item.payer).filter((w) => w.length > 1 || /^[A-Z]$/.test(w));
  if (payerWords.length >= 1) {
    const plain = text.toUpperCase().replace(/[^A-Z0-9\s]/g, '');
    const byName = (t: Tenancy): void => {
      if (found.has(t.account) || nameLikeness(item.payer, t.tenant).level === 'different') return;
      const house = /^\s*(\d{1,4}[A-Z]?)\s+(\S+)/i.exec(t.address);
      const atAddress = house !== null && new RegExp(`\\b${house[1]}\\s+${house[2]?.toUpperCase().replace(/[^A-Z0-9]/g, '')}`).test(plain);
      add(t, atAddress ? 0.65 : 0.4, `payer ${item.payer.trim()} is a tenant of account ${t.account}${atAddress ? ` and the narrative gives the address ${t.address.split(',')[0]}` : ''}`, 'name');
    };
    const keys = new Set<string>();
    for (const sw of payerWords) if (sw.length > 1) for (const other of payerWords) if (other !== sw) for (const k of nameKeys(sw, other[0] as string)) keys.add(k);
    for (const k of keys) {
      const list = index.byNameKey.get(k) ?? [];
      if (list.length > MAX_NAME_CANDIDATES) continue; // a common name and an initial say too little
      for (const t of list) byName(t);
    }
    // Each word as a surname alone (a first name missing or mistyped): the tenants of that surname
    // with any initial, under the same cap counted over all initials (only a rare surname qualifies).
    for (const surname of payerWords) {
      if (surname.length <= 2) continue;
      for (const t of index.byNameKey.anyInitial(surname, MAX_NAME_CANDIDATES) ?? []) byName(t);
    }
  }
  // A house number and street in the narrative, for a payer whose name is alike: for review only.
  for (const m of text.toUpperCase().matchAll(/\b(\d{1,4}[A-Z]?)\s+([A-Z]+)/g)) {
    const list = index.byHouse.get(`${m[1]}|${m[2]}`) ?? [];
    if (list.length > MAX_NAME_CANDIDATES) continue;
    for (const t of list) {
      if (found.has(t.account) || nameLikeness(item.payer, t.tenant).level === 'different') continue;
      add(t, 0.55, `the narrative gives the address of account ${t.account} (${t.address.split(',')[0]})`, 'name');
    }
  }
  // A former tenancy's reference, paid by a person who now holds another tenancy: money for the
  // current account as likely as for the old one, so both go before a person.
  for (const [account, c] of [...found]) {
    const t = index.byAccount.get(norm(account));
    if (!t || c.kind !== 'reference' || t.end === null || t.end >= item.date) continue;
    const person = nameWords(t.tenant);
    const last = person[person.length - 1];
    const first = person.length > 1 ? person[0] : undefined;
    if (!last || !first) continue;
    const whole = person.join(' ');
    // The same person's other tenancies, through the name key index: the same whole name.
    const keyed = nameKeys(last, first[0] as string).flatMap((k) => index.byNameKey.get(k) ?? []);
    const same = [...new Map(keyed.map((o) => [o.account, o])).values()].filter((o) => o.account !== t.account && nameWords(o.tenant).join(' ') === whole && (o.end === null || o.end >= item.date));
    if (same.length === 0 || same.length > MAX_SAME_PERSON) continue;
    for (const o of same) add(o, 0.82, `account ${t.account} is a former tenancy of ${t.tenant}, who now holds account ${o.account}`, 'repaired');
  }
  return found;
}

/** Scores what the indexes found: the payer's name, the amount, the account's history and status. */
function rank(item: SuspenseItem, found: ReadonlyMap<string, Found>, index: Index, history: ReadonlyMap<string, readonly PaymentSeen[]>): SuspenseCandidate[] {
  // The payer's name against the tenants': what makes a weaker clue trustworthy.
  const out: SuspenseCandidate[] = [];
  for (const [account, c] of found) {
    const t = index.byAccount.get(norm(account));
    let score = c.score;
    const reasons = [...c.reasons];
    let someoneElse = false;
    if (t && item.payer.trim() !== '') {
      const likeness = nameLikeness(item.payer, t.tenant);
      const bonus = NAME_BONUS[c.kind];
      if (likeness.level === 'same') {
        score = Math.min(1, score + bonus.same);
        reasons.push(`payer ${item.payer} ${likeness.how} tenant ${t.tenant}`);
      } else if (likeness.level === 'alike') {
        score = Math.min(1, score + bonus.alike);
        reasons.push(likeness.how === '~' ? `payer ${item.payer} ~ tenant ${t.tenant} (surnames spelt alike or sounding alike)` : `payer ${item.payer} ${likeness.how} tenant ${t.tenant}`);
      } else {
        // A reference that names someone else's account is most often a keying slip: never enough
        // alone (the least penalty keeps an exact reference below the auto threshold).
        score = Math.max(0, score - (NAME_PENALTY.most - (NAME_PENALTY.most - NAME_PENALTY.least) * nameCloseness(item.payer, t.tenant)));
        reasons.push(`payer ${item.payer} does not share a surname with tenant ${t.tenant}`);
        someoneElse = true;
      }
    }
    if (t) {
      const seen = history.get(t.account) ?? [];
      const evidence = [amountEvidence(item.amount, t, seen), ...historyEvidence(item, seen), statusEvidence(item, t)];
      for (const e of evidence) {
        if (e === null) continue;
        score += e.score;
        reasons.push(e.reason);
      }
      // Someone else paying is never allocated on its own, whatever the amount says, unless the
      // account's history shows this payer paying it before (a relative who always pays).
      if (someoneElse && !evidence.some((e) => e?.score === HISTORY_PAYER_SCORE) && score > SOMEONE_ELSE_CAP) {
        score = SOMEONE_ELSE_CAP;
        reasons.push('capped below automatic allocation: the payer is not the tenant');
      }
    }
    out.push({ account, score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons });
  }
  return out.sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/** Ranks candidate accounts for one item; best first, ties broken by account ref. */
export function candidatesFor(item: SuspenseItem, index: Index, history: ReadonlyMap<string, readonly PaymentSeen[]> = new Map()): SuspenseCandidate[] {
  return rank(item, gather(item, index), index, history);
}

/**
 * Decides for every item: auto (strong and clearly ahead of the next), review (plausible), none.
 * `postings` (the period's rent transactions, optional) give each proposed account's history; they
 * are read once, for the proposed accounts only.
 */
export function matchSuspense(items: readonly SuspenseItem[], roll: readonly Tenancy[], config: SuspenseMatchConfig = DEFAULT_SUSPENSE_MATCH, postings: readonly Posting[] = []): SuspenseMatch[] {
  const index = buildIndex(roll);
  const found = items.map((item) => gather(item, index));
  const proposed = new Set<string>();
  for (const f of found) for (const account of f.keys()) proposed.add(account);
  const history = paymentHistory(postings, proposed);
  return items.map((item, k) => {
    const candidates = rank(item, found[k] ?? new Map(), index, history).filter((c) => c.score >= config.reviewThreshold);
    const [best, second] = candidates;
    const clear = best !== undefined && best.score >= config.autoThreshold && (second === undefined || best.score - second.score >= config.autoMargin);
    const decision: SuspenseDecision = best === undefined ? 'none' : clear && config.autoEnabled ? 'auto' : 'review';
    return { item: item.item, decision, account: decision === 'auto' && best ? best.account : null, score: best?.score ?? 0, candidates };
  });
}
