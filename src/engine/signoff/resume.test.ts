import { DEFAULT_CONFIG } from '../config';
import { settingsOf } from './digest';
import { describeItemChange, signBound, signOffLines, voidChanged, workingStateHash, type StoredSignOff } from './bound-signoffs';
import { resumeChoice, sessionIdentity, type WorkingCopy } from './resume';
import { SESSION_FORMAT, type WorkbookSession } from './session-sheet';

const AT = '2026-12-06T10:00:00Z';

function workbookCopy(savedAt: string, note = ''): WorkbookSession {
  return {
    format: SESSION_FORMAT,
    savedAt,
    period: '2026-12',
    file: 'month.xlsx',
    userItems: [],
    suggestionDecisions: [],
    content: { sources: { GL: note }, settings: settingsOf(DEFAULT_CONFIG), reconcilingItems: [], suspenseDecisions: [], figures: {} },
    signOffs: [],
    trail: [],
  };
}

const state = (signOffs: StoredSignOff[] = []) => workingStateHash({ config: {}, items: [], resolutions: {}, signOffs });

describe('which copy of a session to resume', () => {
  const book = workbookCopy('2026-12-06T12:00:00Z');
  const base = { id: sessionIdentity(book), savedAt: book.savedAt, state: state() };
  const working = (over: Partial<WorkingCopy>): WorkingCopy => ({ base: null, state: state(), hasWork: false, updatedAt: AT, ...over });

  it.each<[string, WorkingCopy | null, WorkbookSession | null, string]>([
    ['nothing anywhere', null, null, 'none'],
    ['only this browser', working({}), null, 'working'],
    ['only the workbook (a fresh browser)', null, book, 'workbook'],
    ['the workbook is the copy this browser wrote or resumed', working({ base, state: 'changed since' }), book, 'working'],
    ['the workbook changed elsewhere, nothing here since', working({ base: { ...base, id: 'an older copy' } }), book, 'workbook'],
    ['an empty working copy that never met the workbook', working({}), book, 'workbook'],
  ])('%s: %s', (_what, w, b, use) => {
    expect(resumeChoice(w, b).use).toBe(use);
  });

  it('shows a conflict when both changed since they parted, with when each was saved; never merges', () => {
    const here = working({ base: { ...base, id: 'an older copy' }, state: 'changed here', updatedAt: '2026-12-06T13:00:00Z' });
    expect(resumeChoice(here, book)).toEqual({ use: 'conflict', working: { updatedAt: '2026-12-06T13:00:00Z' }, workbook: { savedAt: book.savedAt } });
    expect(resumeChoice(working({ hasWork: true }), book).use).toBe('conflict');
  });
});

describe('sign-offs as the pane stores them', () => {
  it('signs under the rules, stands for its digest only, and is voided by a change that names itself', () => {
    const prep = signBound([], { role: 'preparer', name: 'Sam Patel', at: AT, reason: 'journal to follow' }, 'd1', 'NOT BALANCED');
    if (!prep.ok) throw new Error(prep.message);
    expect(signBound(prep.signOffs, { role: 'reviewer', name: 'SAM patel', at: AT, reason: 'ok' }, 'd1', 'NOT BALANCED')).toMatchObject({ ok: false, message: expect.stringMatching(/different person/) });
    expect(signBound(prep.signOffs, { role: 'reviewer', name: 'Jo Reid', at: AT }, 'd1', 'NOT BALANCED')).toMatchObject({ ok: false, message: expect.stringMatching(/reason/) });
    const rev = signBound(prep.signOffs, { role: 'reviewer', name: 'Jo Reid', at: AT, reason: 'agreed' }, 'd1', 'NOT BALANCED');
    if (!rev.ok) throw new Error(rev.message);
    expect(signOffLines(rev.signOffs, 'd1').map((l) => l.valid)).toEqual([true, true]);
    // Shown void at once for other content, before anything is recorded.
    expect(signOffLines(rev.signOffs, 'd2').map((l) => l.why)).toEqual(['changed after signing', 'changed after signing']);
    const change = describeItemChange([{ ref: 'U1', amount: 44597, explanation: 'cash in transit' }], []);
    expect(change).toBe('reconciling item U1 removed, £445.97 (cash in transit)');
    const voided = voidChanged(rev.signOffs, 'd2', { at: AT, by: change });
    expect(voided.voided).toHaveLength(2);
    expect(signOffLines(voided.signOffs, 'd1').map((l) => l.why)).toEqual([`changed after signing: ${change}`, `changed after signing: ${change}`]);
    expect(voidChanged(voided.signOffs, 'd3', { at: AT, by: 'again' }).voided).toEqual([]);
  });

  it('never counts a sign-off saved before digests as standing', () => {
    const old: StoredSignOff[] = [{ role: 'preparer', name: 'Sam', at: AT }];
    expect(signOffLines(old, 'd1')[0]).toMatchObject({ valid: false, why: 'signed before sign-offs were bound to the figures' });
  });
});
