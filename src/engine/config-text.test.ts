import { configFileText, readConfigText } from './config-text';

describe('a config file imported in Settings', () => {
  it('takes the CLI’s config file as it is, and writes back what it reads', () => {
    const text = '{\n  "rentFreeWeeks": ["2026-12-21", "2026-12-28"],\n  "glControlAccount": "1100"\n}\n';
    const read = readConfigText(text);
    expect(read).toEqual({ ok: true, json: { rentFreeWeeks: ['2026-12-21', '2026-12-28'], glControlAccount: '1100' } });
    if (read.ok) expect(readConfigText(configFileText(read.json))).toEqual(read);
  });

  it.each([
    ['a JSON slip, by line and column', '{\n  "glControlAccount": "1100",\n}', /^not JSON at line 3, column 1/],
    ['not an object', '[1, 2]', /^\(top level\): a config file is one JSON object/],
    ['a setting that is not valid, by its key', '{ "rentFreeWeeks": ["2026-12-22"] }', /^rentFreeWeeks\.0: not a Monday$/],
    ['an unknown key', '{ "rentFreeWeek": [] }', /rentFreeWeek/],
  ])('refuses %s', (_what, text, problem) => {
    const read = readConfigText(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(problem);
  });
});
