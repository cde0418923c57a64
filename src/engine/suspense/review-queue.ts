/**
 * The review queue of the task pane, as a pure model: a state built from a matching run, actions
 * that return a new state (accept, reject, pick another candidate, pick any account found by
 * search, accept every automatic allocation at once, undo), and the clearance journal derived from
 * the decided state. Every decision records who made it and when (both passed in: the engine has no
 * clock). The state is plain JSON (arrays, records, strings, numbers) so it can be stored in
 * IndexedDB and carried between the worker and the UI; no action mutates its input.
 */
import type { IsoDate } from '../dates';
import type { Pence } from '../money';
import type { SuspenseItem } from '../records';
import { clearanceJournal, type ClearanceDecision, type ClearanceJournal } from './clearance-journal';
import { REVIEW } from './messages';
import type { SuspenseDecision, SuspenseMatch } from './match-suspense';

export interface ReviewCandidate {
  readonly account: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

/** One suspense item in the queue, with what the matcher proposed. */
export interface ReviewEntry {
  readonly item: string;
  readonly date: IsoDate;
  readonly amount: Pence;
  readonly reference: string;
  readonly payer: string;
  readonly proposed: SuspenseDecision;
  readonly candidates: readonly ReviewCandidate[];
}

/** What was decided for an item: allocated to an account, or left in suspense on purpose. */
export type Resolution =
  | {
      readonly kind: 'allocated';
      readonly account: string;
      /** 'rule' for an automatic allocation, else the person who chose the account. */
      readonly decidedBy: string;
      /** For an automatic allocation, the person who accepted it; else the same person. */
      readonly confirmedBy: string;
      /** When, as the caller's clock gave it (ISO date-time). */
      readonly at: string;
      readonly how: 'automatic' | 'candidate' | 'search';
      readonly reason: string;
    }
  | { readonly kind: 'rejected'; readonly decidedBy: string; readonly at: string; readonly reason: string };

/** One step of the undo stack: the items an action changed and what they were before. */
interface UndoStep {
  readonly action: ReviewAction['type'];
  readonly before: readonly { readonly item: string; readonly resolution: Resolution | null }[];
}

export interface ReviewState {
  readonly version: 1;
  readonly entries: readonly ReviewEntry[];
  /** Item ref -> its resolution; an item not here is still open. */
  readonly resolutions: Readonly<Record<string, Resolution>>;
  readonly undo: readonly UndoStep[];
}

export type ReviewAction =
  /** Allocate an item to an account (the best candidate, another candidate, or an account found by search). */
  | { readonly type: 'accept'; readonly item: string; readonly account: string; readonly by: string; readonly at: string }
  /** Pick the k-th candidate (0 = the best). */
  | { readonly type: 'pick-candidate'; readonly item: string; readonly candidate: number; readonly by: string; readonly at: string }
  /** Allocate to an account found by searching the rent roll, with what the person searched for. */
  | { readonly type: 'pick-account'; readonly item: string; readonly account: string; readonly search: string; readonly by: string; readonly at: string }
  /** Leave the item in suspense: none of the candidates is right. */
  | { readonly type: 'reject'; readonly item: string; readonly by: string; readonly at: string; readonly reason?: string }
  /** Accept every automatic allocation not yet decided, as one step (one undo). */
  | { readonly type: 'accept-all-automatic'; readonly by: string; readonly at: string }
  /** Take back the last action that changed something; repeatable. */
  | { readonly type: 'undo' };

/** Why an action changed nothing, for the pane to say. */
export interface ReviewOutcome {
  readonly state: ReviewState;
  readonly refused: string | null;
}

/** The queue for a matching run: items in ref order, nothing decided yet. */
export function reviewQueue(matches: readonly SuspenseMatch[], items: readonly SuspenseItem[]): ReviewState {
  const byItem = new Map(items.map((i) => [i.item, i]));
  const entries: ReviewEntry[] = [];
  for (const m of matches) {
    const i = byItem.get(m.item);
    if (!i) continue;
    entries.push({
      item: i.item,
      date: i.date,
      amount: i.amount,
      reference: i.reference,
      payer: i.payer,
      proposed: m.decision,
      candidates: m.candidates.map((c) => ({ account: c.account, score: c.score, reasons: [...new Set(c.reasons)] })),
    });
  }
  entries.sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  return { version: 1, entries, resolutions: {}, undo: [] };
}

/**
 * Item ref -> entry, built once per entries array (actions never change the entries, so every state
 * of one queue shares it): finding the item of a decision does not walk the queue.
 */
const indexes = new WeakMap<readonly ReviewEntry[], Map<string, ReviewEntry>>();

function entryOf(state: ReviewState, item: string): ReviewEntry | undefined {
  let index = indexes.get(state.entries);
  if (!index) {
    index = new Map(state.entries.map((e) => [e.item, e]));
    indexes.set(state.entries, index);
  }
  return index.get(item);
}

/** What one action changed: each item touched with its resolution after the action (null: open again). */
export interface ReviewChanges {
  readonly action: ReviewAction['type'];
  readonly changed: readonly { readonly item: string; readonly resolution: Resolution | null }[];
}

/**
 * A state with the changes of one action applied: the resolutions record is copied, the entries are
 * shared; an undo pops the last step, any other action pushes the step that takes it back.
 */
export function applyChanges(state: ReviewState, changes: ReviewChanges): ReviewState {
  const resolutions: Record<string, Resolution> = { ...state.resolutions };
  for (const u of changes.changed) {
    if (u.resolution === null) delete resolutions[u.item];
    else resolutions[u.item] = u.resolution;
  }
  if (changes.action === 'undo') return { ...state, resolutions, undo: state.undo.slice(0, -1) };
  const before = changes.changed.map((u) => ({ item: u.item, resolution: state.resolutions[u.item] ?? null }));
  return { ...state, resolutions, undo: [...state.undo, { action: changes.action, before }] };
}

function allocation(entry: ReviewEntry, account: string, by: string, at: string, how: 'candidate' | 'search', search = ''): Resolution {
  const candidate = entry.candidates.find((c) => c.account === account);
  const reason =
    how === 'search'
      ? REVIEW.chosenFromSearch(by, search)
      : candidate
        ? REVIEW.chosenCandidate(by, candidate.reasons.join('; '))
        : REVIEW.chosen(by);
  return { kind: 'allocated', account, decidedBy: by, confirmedBy: by, at, how, reason };
}

/**
 * Applies one action. A decision on an item replaces an earlier one (each can be undone); an
 * unknown item, an empty account or name, or a candidate that does not exist changes nothing and
 * says why.
 */
export function applyReview(state: ReviewState, action: ReviewAction): ReviewOutcome {
  const decided = reviewChanges(state, action);
  return decided.refused !== null ? { state, refused: decided.refused } : { state: applyChanges(state, decided.changes), refused: null };
}

/**
 * What one action would change, without building the new state: O(1) for a decision on one item,
 * O(items touched) for an undo, O(queue) only to find what accept-all touches. applyReview is
 * applyChanges over this; the worker sends only the changes to the page.
 */
export function reviewChanges(state: ReviewState, action: ReviewAction): { readonly changes: ReviewChanges; readonly refused: null } | { readonly changes: null; readonly refused: string } {
  const refuse = (why: string) => ({ changes: null, refused: why }) as const;
  const done = (changed: ReviewChanges['changed']) => ({ changes: { action: action.type, changed }, refused: null }) as const;
  switch (action.type) {
    case 'undo': {
      const last = state.undo[state.undo.length - 1];
      if (!last) return refuse(REVIEW.nothingToUndo);
      return done(last.before);
    }
    case 'accept-all-automatic': {
      if (action.by.trim() === '') return refuse(REVIEW.needsName);
      const updates = state.entries
        .filter((e) => e.proposed === 'auto' && state.resolutions[e.item] === undefined && e.candidates[0] !== undefined)
        .map((e) => {
          const best = e.candidates[0] as ReviewCandidate;
          const resolution: Resolution = { kind: 'allocated', account: best.account, decidedBy: 'rule', confirmedBy: action.by, at: action.at, how: 'automatic', reason: best.reasons.join('; ') };
          return { item: e.item, resolution };
        });
      if (updates.length === 0) return refuse(REVIEW.noAutomaticWaiting);
      return done(updates);
    }
    case 'accept':
    case 'pick-candidate':
    case 'pick-account':
    case 'reject': {
      const entry = entryOf(state, action.item);
      if (!entry) return refuse(REVIEW.noSuchItem(action.item));
      if (action.by.trim() === '') return refuse(REVIEW.needsName);
      let resolution: Resolution;
      if (action.type === 'reject') {
        resolution = { kind: 'rejected', decidedBy: action.by, at: action.at, reason: action.reason ?? REVIEW.leftInSuspense(action.by) };
      } else if (action.type === 'pick-candidate') {
        const c = entry.candidates[action.candidate];
        if (!c) return refuse(REVIEW.noSuchCandidate(action.item, action.candidate + 1));
        resolution = allocation(entry, c.account, action.by, action.at, 'candidate');
      } else {
        if (action.account.trim() === '') return refuse(REVIEW.needsAccount);
        resolution = action.type === 'pick-account' ? allocation(entry, action.account, action.by, action.at, 'search', action.search) : allocation(entry, action.account, action.by, action.at, 'candidate');
      }
      return done([{ item: action.item, resolution }]);
    }
    default: {
      const never: never = action;
      throw new Error(`unknown review action ${JSON.stringify(never)}`);
    }
  }
}

/** Items still waiting for a decision, in queue order. */
export function openItems(state: ReviewState): ReviewEntry[] {
  return state.entries.filter((e) => state.resolutions[e.item] === undefined);
}

/** The allocations of the decided state as journal decisions, in item order. */
export function reviewDecisions(state: ReviewState): ClearanceDecision[] {
  const out: ClearanceDecision[] = [];
  for (const e of state.entries) {
    const r = state.resolutions[e.item];
    if (r?.kind !== 'allocated') continue;
    const reason = r.how === 'automatic' ? REVIEW.acceptedAutomatic(r.reason, r.confirmedBy) : r.reason;
    out.push({ item: e.item, account: r.account, by: r.decidedBy, at: r.at, reason });
  }
  return out;
}

/** The clearance journal of the decided state: one line per allocated item, rejected and open items stay in suspense. */
export function reviewJournal(state: ReviewState, items: readonly SuspenseItem[], suspenseAccount: string): ClearanceJournal {
  return clearanceJournal(items, reviewDecisions(state), suspenseAccount);
}
