/**
 * Which copy of a session to resume when a workbook carrying one is opened (issue 11): IndexedDB
 * holds the working copy, the workbook's `HL Session` sheet the copy that travelled. The working copy
 * remembers the workbook copy it was last in step with (its `base`: resumed from it, or wrote it)
 * and the state it had then. Then:
 * - only one copy: that one;
 * - the workbook copy is the working copy's base: the working copy (the same, or newer);
 * - the workbook copy is another, and the working copy has not changed since its base (or has no
 *   base and holds nothing a person did): the workbook copy, which is newer;
 * - both changed since they parted: a conflict, shown to the person, never merged.
 */
import { digestOf } from '../audit/canonical';
import type { WorkbookSession } from './session-sheet';

/** What a working copy remembers of the workbook copy it was last in step with. */
export interface SessionBase {
  /** sessionIdentity of that workbook copy. */
  readonly id: string;
  readonly savedAt: string;
  /** workingStateHash of the working copy at that moment. */
  readonly state: string;
}

export interface WorkingCopy {
  readonly base: SessionBase | null;
  /** workingStateHash of the working copy now. */
  readonly state: string;
  /** Whether it holds anything a person did (items, decisions, sign-offs). */
  readonly hasWork: boolean;
  readonly updatedAt: string;
}

export type ResumeChoice =
  | { readonly use: 'none' | 'working' | 'workbook' }
  | { readonly use: 'conflict'; readonly working: { readonly updatedAt: string }; readonly workbook: { readonly savedAt: string } };

/** One workbook copy of a session: its seal (the same SHA-256 the sheet's C2 holds). */
export function sessionIdentity(session: WorkbookSession): string {
  return digestOf(session);
}

/** Decides which copy to resume, by the rules above. */
export function resumeChoice(working: WorkingCopy | null, inWorkbook: WorkbookSession | null): ResumeChoice {
  if (!inWorkbook) return { use: working ? 'working' : 'none' };
  if (!working) return { use: 'workbook' };
  const id = sessionIdentity(inWorkbook);
  if (working.base?.id === id) return { use: 'working' };
  const changed = working.base ? working.state !== working.base.state : working.hasWork;
  if (!changed) return { use: 'workbook' };
  return { use: 'conflict', working: { updatedAt: working.updatedAt }, workbook: { savedAt: inWorkbook.savedAt } };
}

/** A source sheet that is not as it was when the session was saved. */
export interface SourceChange {
  readonly sheet: string;
  readonly how: 'changed' | 'missing';
}

/**
 * Which of a saved session's source sheets differ now (said on resume, before any run): each sheet
 * the session recorded a SHA-256 for, compared with the same fingerprint of the sheet now; a sheet
 * no longer in the workbook is 'missing'. None when the session never ran (it recorded none).
 */
export function changedSources(saved: Readonly<Record<string, string>>, now: Readonly<Record<string, string | null>>): SourceChange[] {
  return Object.keys(saved)
    .filter((sheet) => saved[sheet] !== '')
    .sort()
    .flatMap((sheet): SourceChange[] => {
      const current = now[sheet];
      if (current === null || current === undefined) return [{ sheet, how: 'missing' }];
      return current === saved[sheet] ? [] : [{ sheet, how: 'changed' }];
    });
}

/** The message a resumed session shows when its sources changed: which sheets, and what to do. */
export function sourcesChangedText(changes: readonly SourceChange[]): string {
  const list = changes.map((c) => `‘${c.sheet}’${c.how === 'missing' ? ' (no longer in the workbook)' : ''}`).join(', ');
  return `${list} changed since this session was saved: run again, then check that the reconciling items and decisions still apply (signatures given for the old figures will not stand).`;
}
