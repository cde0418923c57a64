/**
 * The check before bills go out: a seeded random sample of the run's bills, stratified by block (at
 * least one bill from every block while the size allows, the rest in proportion), each marked right
 * or corrected by a named checker; release waits for the sample to be signed off. The sample belongs
 * to one dry run (its digest): a new dry run draws a new sample.
 */
import { personKey } from '../audit/people';

export interface SampleMark {
  readonly billNo: string;
  readonly result: 'right' | 'corrected';
  readonly checker: string;
  /** What was corrected (required for a correction). */
  readonly note: string;
  readonly at: string;
}

export interface SampleState {
  readonly runDigest: string;
  readonly drawn: readonly string[];
  readonly marks: readonly SampleMark[];
  readonly signedOffBy: string | null;
  readonly signedOffAt: string | null;
}

/** FNV-1a: a seed from text (the quarter and the run's digest), so a re-draw of one run is the same sample. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast and the same on every engine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws up to `size` bill numbers, stratified by block; the same bills, size and seed give the same sample. */
export function drawSample(bills: readonly { billNo: string; block: string }[], size: number, seed: string): string[] {
  const blocks = new Map<string, string[]>();
  for (const b of [...bills].sort((x, y) => (x.billNo < y.billNo ? -1 : 1))) blocks.set(b.block, [...(blocks.get(b.block) ?? []), b.billNo]);
  const names = [...blocks.keys()].sort();
  const want = Math.min(size, bills.length);
  const take = new Map<string, number>(names.map((n) => [n, 0]));
  // One from each block first (while the size allows), then the rest in proportion to block size by largest remainders.
  let left = want;
  for (const n of names) {
    if (left <= 0) break;
    take.set(n, 1);
    left -= 1;
  }
  if (left > 0) {
    const room = names.map((n) => ({ n, room: (blocks.get(n)?.length ?? 0) - (take.get(n) ?? 0) }));
    const totalRoom = room.reduce((t, r) => t + r.room, 0);
    const exact = room.map((r) => ({ ...r, e: (left * r.room) / Math.max(1, totalRoom) }));
    for (const x of exact) take.set(x.n, (take.get(x.n) ?? 0) + Math.floor(x.e));
    let rest = left - exact.reduce((t, x) => t + Math.floor(x.e), 0);
    for (const x of [...exact].sort((a, b) => b.e - Math.floor(b.e) - (a.e - Math.floor(a.e)) || (a.n < b.n ? -1 : 1))) {
      if (rest <= 0) break;
      if ((take.get(x.n) ?? 0) < (blocks.get(x.n)?.length ?? 0)) {
        take.set(x.n, (take.get(x.n) ?? 0) + 1);
        rest -= 1;
      }
    }
  }
  const random = rng(seedOf(seed));
  const out: string[] = [];
  for (const n of names) {
    const pool = [...(blocks.get(n) ?? [])];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
    }
    out.push(...pool.slice(0, take.get(n) ?? 0));
  }
  return out.sort();
}

export type SampleProblem = 'not-in-sample' | 'checker-blank' | 'note-blank' | 'unmarked' | 'signer-blank';

/** Records a mark (a later mark of the same bill replaces the earlier). */
export function markBill(state: SampleState, mark: SampleMark): { state: SampleState; problem: SampleProblem | null } {
  if (!state.drawn.includes(mark.billNo)) return { state, problem: 'not-in-sample' };
  if (personKey(mark.checker) === '') return { state, problem: 'checker-blank' };
  if (mark.result === 'corrected' && mark.note.trim() === '') return { state, problem: 'note-blank' };
  return { state: { ...state, marks: [...state.marks.filter((m) => m.billNo !== mark.billNo), mark], signedOffBy: null, signedOffAt: null }, problem: null };
}

/** Signs the sample off once every drawn bill is marked. */
export function signOffSample(state: SampleState, by: string, at: string): { state: SampleState; problem: SampleProblem | null } {
  if (personKey(by) === '') return { state, problem: 'signer-blank' };
  if (state.drawn.some((b) => !state.marks.some((m) => m.billNo === b))) return { state, problem: 'unmarked' };
  return { state: { ...state, signedOffBy: by, signedOffAt: at }, problem: null };
}

export const SAMPLE_PROBLEM_TEXT: Readonly<Record<SampleProblem, string>> = {
  'not-in-sample': 'that bill is not in the sample',
  'checker-blank': 'the checker must be named',
  'note-blank': 'a corrected bill needs a note of what was corrected',
  unmarked: 'every bill in the sample must be marked right or corrected before sign-off',
  'signer-blank': 'whoever signs the sample off must be named',
};
