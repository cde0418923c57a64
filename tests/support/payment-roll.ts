/** A rent roll for payment tests: the generator's month, read back through the engine's own reader. */
import { DEFAULT_CONFIG } from '../../src/engine/config';
import type { Tenancy } from '../../src/engine/records';
import { readSources } from '../../src/engine/sources/read-sources';
import { generateMonth } from '../../tools/sample/generate';

const cache = new Map<string, readonly Tenancy[]>();

export function generatedRoll(seed = 5, accounts = 300): readonly Tenancy[] {
  const key = `${seed}|${accounts}`;
  let roll = cache.get(key);
  if (!roll) {
    const month = generateMonth({ seed, accounts, period: '2026-12' });
    const sheets = month.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
    const records: readonly Tenancy[] = readSources('month.xlsx', sheets, DEFAULT_CONFIG).rentRoll?.records ?? [];
    roll = records;
    cache.set(key, roll);
  }
  return roll;
}
