/**
 * Keying slips in a numeric reference: the references one slip away from what was typed (a digit
 * substituted, two neighbouring digits swapped, a digit dropped or one added), each with the slip
 * in words (./messages.ts REPAIR_HOW). The suspense matcher's repaired-reference pass and the
 * payment allocator's candidate search use them.
 */
import { REPAIR_HOW } from './messages';

/**
 * References one keying slip away: a digit substituted, two neighbouring digits swapped, a digit
 * dropped or one added. `visit` sees each once with the slip in words (built only when asked: a
 * ref has about 170 neighbours and few of them are accounts).
 */
export function forEachRepair(ref: string, visit: (candidate: string, how: () => string) => void): void {
  const seen = new Set<string>([ref]);
  const once = (r: string, how: () => string): void => {
    if (seen.has(r)) return;
    seen.add(r);
    visit(r, how);
  };
  for (let i = 0; i + 1 < ref.length; i++) {
    if (ref[i] === ref[i + 1]) continue;
    once(ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2), () => REPAIR_HOW.swapped(`${ref[i]}${ref[i + 1]}`, i + 1));
  }
  for (let i = 0; i < ref.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const ch = DIGITS[d] as string;
      if (ch !== ref[i]) once(ref.slice(0, i) + ch + ref.slice(i + 1), () => REPAIR_HOW.different(i + 1));
    }
    once(ref.slice(0, i) + ref.slice(i + 1), () => REPAIR_HOW.added(i + 1));
  }
  for (let i = 0; i <= ref.length; i++) {
    for (let d = 0; d <= 9; d++) once(ref.slice(0, i) + (DIGITS[d] as string) + ref.slice(i), () => REPAIR_HOW.dropped(i + 1));
  }
}

const DIGITS = '0123456789'.split('');

/** References one keying slip away, each with the slip in words, for the reasons. */
export function repairs(ref: string): [string, string][] {
  const out: [string, string][] = [];
  forEachRepair(ref, (r, how) => out.push([r, how()]));
  return out;
}
