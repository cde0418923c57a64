import { DEFAULT_CONFIG, parseConfig } from '../config';

describe('suspense settings in the config', () => {
  it('safe defaults: auto from 0.90 with a 0.15 margin, review from 0.50, auto on, a 28-day ageing limit', () => {
    expect(DEFAULT_CONFIG.suspenseMatch).toEqual({ autoMinScore: 0.9, autoMargin: 0.15, reviewMinScore: 0.5, autoAllocate: true });
    expect(DEFAULT_CONFIG.suspenseAgeLimitDays).toBe(28);
  });

  it('reads each threshold and the switch', () => {
    const r = parseConfig({ suspenseMatch: { autoMinScore: 0.95, autoMargin: 0.2, reviewMinScore: 0.6, autoAllocate: false }, suspenseAgeLimitDays: 14 });
    expect(r.ok && r.config.suspenseMatch).toEqual({ autoMinScore: 0.95, autoMargin: 0.2, reviewMinScore: 0.6, autoAllocate: false });
    expect(r.ok && r.config.suspenseAgeLimitDays).toBe(14);
  });

  it.each([
    [{ suspenseMatch: { autoMinScore: 0.5 } }, /suspenseMatch.autoMinScore/],
    [{ suspenseMatch: { autoMargin: 0 } }, /suspenseMatch.autoMargin/],
    [{ suspenseMatch: { reviewMinScore: 0.95 } }, /reviewMinScore must not be above autoMinScore/],
    [{ suspenseMatch: { autoAllocate: 'no' } }, /suspenseMatch.autoAllocate/],
    [{ suspenseMatch: { autoThreshold: 0.9 } }, /suspenseMatch/],
    [{ suspenseAgeLimitDays: 0 }, /suspenseAgeLimitDays/],
  ])('refuses unsafe or unknown settings: %j', (json, problem) => {
    const r = parseConfig(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(problem);
  });
});
