import { generateMonth } from './src/sample/generate';
import { readSources } from './src/engine/sources/read-sources';
import { parseConfig } from './src/engine/config';
import { matchSuspense } from './src/engine/suspense/match-suspense';
let shown = 0;
for (const seed of [1, 2, 3, 4]) {
  const m = generateMonth({ seed, accounts: 3000, period: '2026-12' });
  const sheets = m.sheets.map((s) => ({ name: s.name, originRow: 1, originCol: 1, rows: s.rows }));
  const src = readSources('x', sheets, (parseConfig(m.config) as any).config);
  const items = new Map(src.suspense!.records.map((i) => [i.item, i]));
  const roll = new Map(src.rentRoll!.records.map((t) => [t.account, t]));
  const res = matchSuspense(src.suspense!.records, src.rentRoll!.records);
  const truth = new Map(m.suspenseTruth.map((t: any) => [t.item, t]));
  for (const r of res) {
    const t: any = truth.get(r.item);
    if (!t?.account || r.decision === 'auto') continue;
    if (shown++ > 25) break;
    const i = items.get(r.item)!;
    console.log(t.evidence.padEnd(16), '|', i.reference.padEnd(10), '|', i.payer.padEnd(22), '| tenant', roll.get(t.account)?.tenant, '|', r.candidates.map((c) => `${c.account}:${c.score}`).join(' '));
  }
}
