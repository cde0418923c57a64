/** The plants in words, for the page beside the sample workbook. */
import { formatGBP, type Pence } from '../../../src/engine/money';
import type { GeneratedMonth } from './types';

/** A Markdown page describing the month and every planted discrepancy with its figures, generated from the record. */
export function describeMonth(month: GeneratedMonth, title = 'The sample workbook'): string {
  const e = month.expected;
  const g = (p: Pence): string => formatGBP(p);
  const c = month.counts;
  const lines = [
    `# ${title}`,
    '',
    `A month (${month.period}) of a fictional housing association, made by the seeded generator in`,
    '`tools/sample/generate.ts`. Names, addresses and references are invented. This page is generated',
    'from the generator\'s own record of what it planted: edit the generator, not this page.',
    '',
    `- ${c.accounts} tenancy accounts, ${c.postings} postings in ${c.hmsBatches} batches, ${c.glLines} GL lines (${c.controlLines} on the control account ${month.config.glControlAccount}, ${c.suspenseLines} on suspense ${month.config.glSuspenseAccount}), ${c.suspenseItems} suspense items.`,
    `- Rent year from ${month.config.rentYearStart}; rent-free weeks: ${month.config.rentFreeWeeks.join(', ') || 'none'}.`,
    '',
    '## Planted discrepancies',
    '',
  ];
  if (month.plants.length === 0) lines.push('None: the month is clean.', '');
  month.plants.forEach((p, k) => {
    lines.push(`${k + 1}. **${p.kind}** (${g(p.amount)}). ${p.description}`);
    for (const r of p.rows) lines.push(`   - ${r.what}: sheet '${r.sheet}', row${r.from === r.to ? ` ${r.from}` : `s ${r.from}-${r.to}`}`);
  });
  lines.push(
    '',
    '## What the reconciliation must find',
    '',
    '| figure | amount |',
    '|---|---:|',
    `| Opening balances (rent roll) | ${g(e.hms.opening)} |`,
    `| Postings in the period | ${g(e.hms.transactions)} |`,
    `| Calculated closing balance | ${g(e.hms.calculatedClosing)} |`,
    `| Reported closing balance (rent roll) | ${g(e.hms.reportedClosing)} |`,
    `| GL control opening | ${g(e.gl.opening)} |`,
    `| GL control movement | ${g(e.gl.movement)} |`,
    `| GL control closing | ${g(e.gl.closing)} |`,
    `| Difference (rent roll - GL) | ${g(e.difference)} |`,
    `| Suggested timing differences | ${g(e.timingTotal)} |`,
    `| Unexplained after timing | ${g(e.unexplained)} |`,
    `| GL suspense balance | ${g(e.suspense.glBalance)} |`,
    `| Suspense items listed | ${g(e.suspense.itemsTotal)} |`,
    `| Suspense difference | ${g(e.suspense.difference)} |`,
    '',
    '### Components',
    '',
    '| category | housing system | GL | difference |',
    '|---|---:|---:|---:|',
    ...e.components.map((x) => `| ${x.category} | ${g(x.hms)} | ${g(x.gl)} | ${g(x.difference)} |`),
    '',
    '### Unmatched batches',
    '',
    '| side | date | category | amount |',
    '|---|---|---|---:|',
    ...e.unmatchedBatches.map((b) => `| ${b.side} | ${b.date} | ${b.category} | ${g(b.amount)} |`),
    '',
    '### Account exceptions',
    '',
    '| account | kind | expected | actual |',
    '|---|---|---:|---:|',
    ...e.accountExceptions.map((x) => `| ${x.account} | ${x.kind} | ${g(x.expected)} | ${g(x.actual)} |`),
    '',
  );
  return lines.join('\n');
}
