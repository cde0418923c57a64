import { generateMonth } from '../../../tools/sample/generate';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../config';
import type { IsoDate } from '../dates';
import { toPence } from '../money';
import { applyReview } from '../suspense/review-queue';
import { carryReview } from './carry-review';
import { runMatchSuspense } from './match-suspense';
import { journalDecisions, monthEndPack, runMonthEnd, unexplainedWithDraft, type MonthEndReady } from './month-end';

const month = generateMonth({ seed: 11, accounts: 200, period: '2026-12' });
const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
const configWith = (json: Record<string, unknown> = {}): LedgerConfig => {
  const parsed = parseConfig({ ...month.config, ...json });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
};
const config = configWith();

function ready(c: LedgerConfig = config): MonthEndReady {
  const run = runMonthEnd({ file: 'm.xlsx', sheets, period: '2026-12', config: c, matchSuspense: true });
  if (!run.ok) throw new Error(run.problems.join('; '));
  return run;
}

/** The sheets with one cell changed (row and column 0-based, as in the generator's rows). */
function damaged(sheet: string, row: number, col: number, value: unknown) {
  return sheets.map((s) => (s.name === sheet ? { ...s, rows: s.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : r)) } : s)) as typeof sheets;
}

const PACK = { productVersion: 'test', preparer: null, reviewer: null, review: null } as const;

describe('the month-end job', () => {
  const run = ready();

  it('ages suspense as of the period end, whenever the pack is written', () => {
    const december = monthEndPack(run, { ...PACK, runAt: '2026-12-31T17:00:00Z' });
    const march = monthEndPack(run, { ...PACK, runAt: '2027-03-02T09:00:00Z' });
    expect(december.ageing?.asOf).toBe('2026-12-31');
    expect(march.ageing).toEqual(december.ageing);
    const sheetOf = (p: typeof march) => p.sheets.find((s) => s.name === 'HL Suspense ageing');
    expect(sheetOf(march)).toEqual(sheetOf(december));
  });

  it('match-suspense ages as of the date given, else the clock’s day', () => {
    const given = runMatchSuspense({ file: 'm.xlsx', sheets, config, asOf: '2027-01-31' as IsoDate, now: '2027-03-02T09:00:00Z' });
    const clock = runMatchSuspense({ file: 'm.xlsx', sheets, config, asOf: null, now: '2027-03-02T09:00:00Z' });
    expect(given.ok && given.ageing.asOf).toBe('2027-01-31');
    expect(clock.ok && clock.ageing.asOf).toBe('2027-03-02');
    expect(clock.ok && given.ok && clock.ageing.lines[0]!.daysHeld - given.ageing.lines[0]!.daysHeld).toBe(30);
  });

  it('the pack holds the audit sheets, then the clearance journal and the ageing', () => {
    const pack = monthEndPack(run, { ...PACK, runAt: '2027-01-05T09:30:00Z' });
    expect(pack.sheets.slice(-2).map((s) => s.name)).toEqual(['HL Clearance journal', 'HL Suspense ageing']);
    expect(pack.sheets[0]?.name).toBe('HL Summary');
  });

  it('the journal clears the rules’ automatic allocations unless a person decided otherwise', () => {
    const suspense = run.suspense!;
    const autos = suspense.matches.filter((m) => m.decision === 'auto');
    expect(autos.length).toBeGreaterThanOrEqual(2);
    const [rejected, moved] = autos as [(typeof autos)[0], (typeof autos)[0]];
    let review = carryReview(suspense.matches, suspense.items, null);
    review = applyReview(review, { type: 'reject', item: rejected.item, by: 'Sam', at: '2027-01-05T10:00:00Z' }).state;
    review = applyReview(review, { type: 'pick-account', item: moved.item, account: '09999999', search: 'smith', by: 'Sam', at: '2027-01-05T10:01:00Z' }).state;
    const pack = monthEndPack(run, { ...PACK, runAt: '2027-01-05T09:30:00Z', review });
    const lines = pack.journal!.lines;
    expect(lines.find((l) => l.item === rejected.item)).toBeUndefined();
    expect(lines.find((l) => l.item === moved.item)).toMatchObject({ toAccount: '09999999', decidedBy: 'Sam' });
    expect(lines.filter((l) => l.decidedBy === 'rule').map((l) => l.item).sort()).toEqual(autos.slice(2).map((m) => m.item).sort());
    // Nobody reviewed (the CLI): the rules' allocations, as match-suspense journals them.
    const unreviewed = monthEndPack(run, { ...PACK, runAt: '2027-01-05T09:30:00Z' });
    expect(unreviewed.journal!.lines.map((l) => [l.item, l.toAccount])).toEqual(autos.map((m) => [m.item, m.account]));
  });

  it('with automatic allocation off, only people’s decisions clear items', () => {
    const off = ready(configWith({ suspenseMatch: { autoAllocate: false } }));
    expect(journalDecisions(off.suspense!.matches, null, '2027-01-05T09:30:00Z')).toEqual([]);
    expect(monthEndPack(off, { ...PACK, runAt: '2027-01-05T09:30:00Z' }).journal!.lines).toEqual([]);
  });

  it('carrying a review keeps the decisions on items still in suspense and drops the rest', () => {
    const suspense = run.suspense!;
    const [first, second] = suspense.matches as [(typeof suspense.matches)[0], (typeof suspense.matches)[0]];
    let review = carryReview(suspense.matches, suspense.items, null);
    review = applyReview(review, { type: 'reject', item: first.item, by: 'Sam', at: '2027-01-05T10:00:00Z' }).state;
    review = applyReview(review, { type: 'reject', item: second.item, by: 'Sam', at: '2027-01-05T10:00:00Z' }).state;
    const stillHeld = suspense.items.filter((i) => i.item !== second.item);
    const carried = carryReview(suspense.matches.filter((m) => m.item !== second.item), stillHeld, review);
    expect(Object.keys(carried.resolutions)).toEqual([first.item]);
    expect(carried.undo).toEqual([]);
    expect(carryReview(suspense.matches, suspense.items, review.resolutions).resolutions).toEqual(review.resolutions);
  });

  it('the unexplained difference with a draft item: less the draft, plus what the edited item held', () => {
    const items = [{ ref: 'U1', amount: 1500 }];
    expect(unexplainedWithDraft(run.result, items, { ref: null, amount: toPence(2000) })).toBe(run.result.unexplained - 2000);
    expect(unexplainedWithDraft(run.result, items, { ref: 'U1', amount: toPence(2000) })).toBe(run.result.unexplained - 500);
    expect(unexplainedWithDraft(run.result, items, { ref: null, amount: null })).toBe(run.result.unexplained);
  });
});

describe('which input errors stop a job', () => {
  it('an error in any sheet the reconciliation reads stops it, with the problem located', () => {
    const run = runMonthEnd({ file: 'm.xlsx', sheets: damaged('GL', 3, 5, '12.345'), period: '2026-12', config, matchSuspense: false });
    expect(run.ok).toBe(false);
    expect(!run.ok && run.problems.join('\n')).toMatch(/sheet 'GL', row 4, column F/);
  });

  it('match-suspense is stopped by errors in the roll, the suspense items and the postings it reads as history, not by the GL', () => {
    expect(runMatchSuspense({ file: 'm.xlsx', sheets: damaged('GL', 3, 5, '12.345'), config, asOf: null, now: '2027-01-05T09:30:00Z' }).ok).toBe(true);
    for (const sheet of ['Rent Roll', 'Suspense', 'Transactions']) {
      const col = sheet === 'Rent Roll' ? 9 : sheet === 'Suspense' ? 2 : 3;
      const run = runMatchSuspense({ file: 'm.xlsx', sheets: damaged(sheet, 3, col, 'ten pounds'), config, asOf: null, now: '2027-01-05T09:30:00Z' });
      expect(run.ok).toBe(false);
      expect(!run.ok && run.problems.join('\n')).toContain(`sheet '${sheet}', row 4`);
    }
  });

  it('a workbook without a suspense sheet cannot be matched, and says what it needs', () => {
    const run = runMatchSuspense({ file: 'm.xlsx', sheets: sheets.filter((s) => s.name !== 'Suspense'), config: DEFAULT_CONFIG, asOf: null, now: '2027-01-05T09:30:00Z' });
    expect(!run.ok && run.summary).toBe('needs a suspense items sheet');
  });

  it('a period that is not a month is refused in words', () => {
    const run = runMonthEnd({ file: 'm.xlsx', sheets, period: '12/2026', config, matchSuspense: false });
    expect(!run.ok && run.summary).toBe('the period 12/2026 is not a month (YYYY-MM)');
  });
});
