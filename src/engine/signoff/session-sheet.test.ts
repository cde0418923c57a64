import type { SheetData } from '../cells';
import { DEFAULT_CONFIG } from '../config';
import { appendEvent } from '../audit/chain';
import type { SheetSpec } from '../sheet-spec';
import { chooseSession, CHUNK_CHARS, readSessionSheet, sessionSheet, SESSION_FORMAT, type WorkbookSession } from './session-sheet';
import { settingsOf } from './digest';
import type { TrailBody, TrailEvent } from './signoff';

/** The sheet as a reader sees it after a write: the values of the spec's cells. */
function asRead(spec: SheetSpec): SheetData {
  return { name: spec.name, originRow: 1, originCol: 1, rows: spec.rows.map((r) => r.map((c) => (c === null ? null : c.kind === 'text' || c.kind === 'number' ? c.value : null))) };
}

function session(trailLength: number, note = 'x'): WorkbookSession {
  const trail: TrailEvent[] = [];
  for (let i = 0; i < trailLength; i++) trail.push(appendEvent<TrailBody>(trail, { at: `2026-12-06T10:00:${String(i % 60).padStart(2, '0')}Z`, who: 'Sam', action: 'item-added', item: `U${i}`, message: `${note} ${i}` }));
  return {
    format: SESSION_FORMAT,
    savedAt: '2026-12-06T10:00:00Z',
    period: '2026-12',
    file: 'month.xlsx',
    userItems: [],
    suggestionDecisions: [],
    content: { sources: {}, settings: settingsOf(DEFAULT_CONFIG), reconcilingItems: [], suspenseDecisions: [], figures: {} },
    signOffs: [],
    trail,
  };
}

describe('the session sheet', () => {
  it('round-trips a session of any size, in cells under the 32,767-character limit', () => {
    const big = session(2000);
    const spec = sessionSheet(big);
    expect(spec.veryHidden).toBe(true);
    expect(spec.rows.length).toBeGreaterThan(4);
    for (const row of spec.rows) for (const c of row) if (c?.kind === 'text') expect(c.value.length).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(readSessionSheet([asRead(spec)])).toEqual({ ok: true, session: big });
  });

  it('says a workbook has no session, and refuses an edited or truncated one', () => {
    expect(readSessionSheet([])).toMatchObject({ ok: false, reason: 'absent' });
    const read = asRead(sessionSheet(session(2000)));
    const edited = { ...read, rows: read.rows.map((r, i) => (i === 3 ? [String(r[0]).replace('item-added', 'item-hidden')] : r)) };
    expect(readSessionSheet([edited])).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringContaining('C2') });
    const truncated = { ...read, rows: read.rows.slice(0, 3) };
    expect(readSessionSheet([truncated])).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringContaining('A4') });
  });

  it('the newer copy wins, and copies that both moved on are a conflict', () => {
    const base = session(2);
    const working = { ...session(3, 'x'), savedAt: '2026-12-06T11:00:00Z' };
    const workbook = { ...session(3, 'y'), savedAt: '2026-12-06T12:00:00Z' };
    expect(chooseSession(base, { ...working, savedAt: '2026-12-07T00:00:00Z' })).toEqual({ use: 'workbook', conflict: false });
    expect(chooseSession(working, base)).toEqual({ use: 'working', conflict: false });
    expect(chooseSession(working, workbook)).toEqual({ use: 'workbook', conflict: true });
    expect(chooseSession(null, base)).toEqual({ use: 'workbook', conflict: false });
  });
});
