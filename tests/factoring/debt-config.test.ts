/** The config's factoring.debtProcedure: defaults filled in, and a ladder that cannot work refused with the reason. */
import { parseConfig } from '../../src/engine/config';
import { DEFAULT_DEBT_PROCEDURE } from '../../src/engine/factoring/debt/debt-config';

const withLadder = (debtProcedure: unknown) => parseConfig({ factoring: { debtProcedure } });

describe('factoring.debtProcedure', () => {
  it('fills in what a stage leaves out: no letter, not while a plan is kept, 7 days\' grace, the debt-advice text', () => {
    const r = withLadder({ stages: [{ name: 'reminder', daysOverdue: 14, minBalance: '10.00' }] });
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(r.config.factoring?.debtProcedure).toEqual({
      stages: [{ name: 'reminder', daysOverdue: 14, minBalance: 1000, letter: null, appliesWhilePlanKept: false }],
      noplStage: null,
      planGraceDays: 7,
      debtAdvice: DEFAULT_DEBT_PROCEDURE.debtAdvice,
    });
  });

  it('matches the NoPL stage by name whatever its case', () => {
    const r = withLadder({ stages: [{ name: 'NoPL', daysOverdue: 42, minBalance: 250 }], noplStage: 'nopl' });
    expect(r.ok && r.config.factoring?.debtProcedure?.noplStage).toBe('NoPL');
  });

  it.each([
    [{ stages: [] }, 'stages'],
    [{ stages: [{ name: 'a', daysOverdue: 28, minBalance: '10.00' }, { name: 'b', daysOverdue: 14, minBalance: '10.00' }] }, 'the ladder goes up'],
    [{ stages: [{ name: 'a', daysOverdue: 14, minBalance: '10.00' }, { name: 'A', daysOverdue: 28, minBalance: '10.00' }] }, "the stage name 'A' is used twice"],
    [{ stages: [{ name: 'a', daysOverdue: 14, minBalance: '10.001' }] }, 'at most two decimals'],
    [{ stages: [{ name: 'a', daysOverdue: 14, minBalance: '10.00', trigger: 'x' }] }, 'trigger'],
  ])('refuses %j', (ladder, why) => {
    const r = withLadder(ladder);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problems.join('; ')).toContain(why);
  });
});
