// Regenerates the sample month in assets/: the workbook, its config, and the list of planted discrepancies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatGBP } from '../src/engine/money';
import { generateMonth } from '../src/sample/generate';
import { writeGeneratedXlsx } from '../src/sample/write-xlsx';

export const SAMPLE = { seed: 20261201, accounts: 400, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'], layout: { titleRows: 1 } } as const;

async function main(): Promise<void> {
  const assets = resolve(__dirname, '..', 'assets');
  mkdirSync(assets, { recursive: true });
  const month = generateMonth(SAMPLE);
  await writeGeneratedXlsx(month, resolve(assets, 'sample-workbook.xlsx'));
  writeFileSync(resolve(assets, 'sample-config.json'), `${JSON.stringify(month.config, null, 2)}\n`);
  const e = month.expected;
  const md = [
    '# The sample workbook',
    '',
    `\`sample-workbook.xlsx\` is a month (${month.period}) of a fictional housing association, made by \`npm run sample\``,
    `(src/sample/generate.ts, seed ${SAMPLE.seed}): ${month.counts.accounts} tenancy accounts, ${month.counts.postings} postings,`,
    `${month.counts.glLines} GL lines and ${month.counts.suspenseItems} suspense items. Rent-free weeks: ${month.config.rentFreeWeeks.join(', ')}.`,
    'Names, addresses and references are invented. This file is generated: edit the generator, not this page.',
    '',
    '## Planted discrepancies',
    '',
    '| kind | what | amount |',
    '|---|---|---|',
    ...month.plants.map((p) => `| ${p.kind} | ${p.description} | ${formatGBP(p.amount)} |`),
    '',
    '## What the reconciliation should find',
    '',
    `- Housing system: opening ${formatGBP(e.hms.opening)}, postings ${formatGBP(e.hms.transactions)}, calculated closing ${formatGBP(e.hms.calculatedClosing)}, reported closing ${formatGBP(e.hms.reportedClosing)}`,
    `- GL control 1100: opening ${formatGBP(e.gl.opening)}, movement ${formatGBP(e.gl.movement)}, closing ${formatGBP(e.gl.closing)}`,
    `- Difference (rent roll - GL): ${formatGBP(e.difference)}`,
    `- Unmatched batches: ${e.unmatchedBatches.map((b) => `${b.side} ${b.category} ${b.date} ${formatGBP(b.amount)}`).join('; ')}`,
    `- Account exceptions: ${e.accountExceptions.map((x) => `${x.account} ${x.kind}`).join('; ')}`,
    `- Suspense: GL ${formatGBP(e.suspense.glBalance)}, items ${formatGBP(e.suspense.itemsTotal)}, difference ${formatGBP(e.suspense.difference)}`,
    `- Suggested timing differences: ${e.timingSuggestions.map((b) => `${b.category} ${b.date} ${formatGBP(b.amount)}`).join('; ')}`,
    '',
  ].join('\n');
  writeFileSync(resolve(assets, 'sample-workbook.md'), md);
  process.stdout.write(`wrote assets/sample-workbook.xlsx (${month.counts.postings} postings), sample-config.json, sample-workbook.md\n`);
}

void main();
