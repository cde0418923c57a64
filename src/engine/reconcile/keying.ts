/**
 * Keying pairs: an unmatched housing-system batch and an unmatched GL control line that are one batch
 * keyed differently. Either they carry the same reference (the GL journal ref is the batch ref, or the
 * batch ref is a word of the GL description), or they are of the same channel (category), dated within
 * the batch window, with amounts one keying slip apart: two digits swapped, or one digit wrong, same
 * sign, same number of digits. Each batch pairs with at most one line; a reference beats a slip, then
 * the earliest line (then the lowest row), so input order never changes the answer.
 */
import { addDays } from '../dates';
import { toPence, type Pence } from '../money';
import type { GlBatchLine, HmsBatch } from './types';

export type KeyingBasis = 'same-reference' | 'digits-swapped' | 'digit-wrong';

export interface KeyingPair {
  readonly hms: HmsBatch;
  readonly gl: GlBatchLine;
  /** hms.amount - gl.amount: what correcting the GL journal changes. */
  readonly difference: Pence;
  readonly basis: KeyingBasis;
}

export const KEYING_PROPOSAL = 'keying difference: correct the GL journal';

/** 'digits-swapped' or 'digit-wrong' when b is a to one keying slip, else null. */
export function keyingSlip(a: number, b: number): 'digits-swapped' | 'digit-wrong' | null {
  if (a === b || Math.sign(a) !== Math.sign(b)) return null;
  const x = String(Math.abs(a));
  const y = String(Math.abs(b));
  if (x.length !== y.length) return null;
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return 'digit-wrong';
  if (diff.length === 2) {
    const [i, j] = diff as [number, number];
    if (x[i] === y[j] && x[j] === y[i]) return 'digits-swapped';
  }
  return null;
}

function sameReference(b: HmsBatch, l: GlBatchLine): boolean {
  const ref = b.batch.trim();
  if (ref === '') return false;
  if (l.journal.trim() === ref) return true;
  return l.description.split(/[\s,;:()]+/).includes(ref);
}

export function findKeyingPairs(unmatched: readonly (HmsBatch | GlBatchLine)[], windowDays: number): KeyingPair[] {
  const batches = unmatched.filter((u): u is HmsBatch => u.side === 'hms');
  const lines = unmatched.filter((u): u is GlBatchLine => u.side === 'gl').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  const claimed = new Set<GlBatchLine>();
  const pairs: KeyingPair[] = [];
  for (const b of batches) {
    const open = lines.filter((l) => !claimed.has(l) && l.category === b.category && l.amount !== b.amount);
    let found: { line: GlBatchLine; basis: KeyingBasis } | undefined;
    const byRef = open.find((l) => sameReference(b, l));
    if (byRef) found = { line: byRef, basis: 'same-reference' };
    else {
      const last = addDays(b.date, windowDays);
      for (const l of open) {
        if (l.date < b.date || l.date > last) continue;
        const slip = keyingSlip(b.amount, l.amount);
        if (slip) {
          found = { line: l, basis: slip };
          break;
        }
      }
    }
    if (!found) continue;
    claimed.add(found.line);
    pairs.push({ hms: b, gl: found.line, difference: toPence(b.amount - found.line.amount), basis: found.basis });
  }
  return pairs;
}
