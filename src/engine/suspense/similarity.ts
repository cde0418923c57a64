/**
 * String comparators for names and references, checked against published vectors
 * (../shared/samples/similarity): Levenshtein distance (fastest-levenshtein), Jaro and
 * Jaro-Winkler (commons-text's convention, below), and Double Metaphone keys (double-metaphone).
 */
import { doubleMetaphone as metaphonePair } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';

/** Edits (insert, delete, substitute) to turn one string into the other. */
export function levenshtein(a: string, b: string): number {
  return distance(a, b);
}

/**
 * Jaro similarity in 0..1. Match window floor(max(|a|,|b|) / 2) - 1; half-transpositions are
 * divided by 2 as a real number (commons-text), not as an integer (jellyfish, strcmp95).
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let half = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) half++;
    k++;
  }
  const t = half / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/** Jaro-Winkler: jaro + l x 0.1 x (1 - jaro), l the common prefix (at most 4), boosted only when jaro >= 0.7. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j < 0.7) return j;
  let l = 0;
  while (l < 4 && l < a.length && l < b.length && a[l] === b[l]) l++;
  return j + l * 0.1 * (1 - j);
}

/** Double Metaphone keys [primary, alternate] of a word (no length cap). */
export function doubleMetaphone(word: string): [string, string] {
  const [p, s] = metaphonePair(word);
  return [p, s];
}
