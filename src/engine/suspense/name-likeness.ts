/**
 * How a payer's name compares with a tenant's, for the suspense matcher: the same person (a title,
 * an initial, word order, a slip or a sound-alike surname with the first name), a surname alike
 * (a relative, or a name too unsure to trust alone), or someone else; and how close a name that
 * does not agree still is. Joint tenancies ("John Brown & Mary Brown") are compared person by
 * person. The words of each verdict are in ./messages.ts (NAME_HOW).
 */
import { NAME_HOW } from './messages';
import { doubleMetaphone as metaphoneOf, jaroWinkler, levenshtein } from './similarity';

/**
 * Double Metaphone, memoised: names repeat (a roll of 125,000 tenancies has a few thousand
 * surnames). Caching a pure function changes no answer; the cache is bounded.
 */
const METAPHONES = new Map<string, [string, string]>();
export function doubleMetaphone(word: string): [string, string] {
  let keys = METAPHONES.get(word);
  if (!keys) {
    if (METAPHONES.size > 100_000) METAPHONES.clear();
    keys = metaphoneOf(word);
    METAPHONES.set(word, keys);
  }
  return keys;
}

const TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'MX', 'REV']);

/**
 * A name's words in capitals, titles left out: the runs of A-Z once the name is in capitals (any
 * other character, accented letters included, separates words: "O'BRIEN" is O and BRIEN). A loop,
 * not a replace and a split: the matcher reads every tenant's name on the roll.
 */
export function nameWords(name: string): string[] {
  const upper = name.toUpperCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= upper.length; i++) {
    const c = i < upper.length ? upper.charCodeAt(i) : 0;
    if (c >= 65 && c <= 90) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const w = upper.slice(start, i);
      if (!TITLES.has(w)) words.push(w);
      start = -1;
    }
  }
  return words;
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
export function nameLikeness(payer: string, tenant: string): { level: 'same' | 'alike' | 'different'; how: string } {
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
        if (best.level === 'different') best = { level: 'alike', how: NAME_HOW.sameSurnameOtherFirstName };
        continue;
      }
      return { level: 'same', how: NAME_HOW.same };
    }
    const similar = words.some((w) => alike(w, last));
    if (!similar) {
      // The first name, and a surname close in spelling though not alike (MOSRIR for MORRIS).
      if (first !== undefined && first.length > 1 && words.some((w) => sameFirstName(w, first)) && words.some((w) => w.length > 2 && jaroWinkler(w, last) >= 0.8) && best.level === 'different') {
        best = { level: 'alike', how: NAME_HOW.firstNameAndSurnameClose };
      }
      continue;
    }
    if (first !== undefined && words.includes(first)) return { level: 'same', how: NAME_HOW.firstNameAndSurnameAlike };
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
export function nameCloseness(payer: string, tenant: string): number {
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
