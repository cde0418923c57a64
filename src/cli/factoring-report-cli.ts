/**
 * housing-ledger factoring report WORKBOOK.xlsx --month YYYY-MM [--budget F.csv] [--config F.json]
 * --out FILE.xlsx [--json]: the month's factoring P&L and KPI pack (issue 16) as a new workbook with
 * native charts, the figures tied to the detail sheets by formula. Files and arguments only; the job
 * is src/engine/jobs/factoring-report.ts. The output goes through safe-write and the output rule: it
 * is never one of the files the run reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describeReportIssue } from '../engine/factoring/report/messages';
import { factoringReport } from '../engine/jobs/factoring-report';
import { formatGBP } from '../engine/money';
import { readUserSheets } from '../workbook/user-sheets';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { needOption, onePositional, parseCommand } from './args';
import { loadConfig } from './config-file';
import { CliInputError } from './errors';
import type { FactoringIo } from './factoring-cli';
import { guardPaths, runPath } from './run-guard';
import { openWorkbook, writeAll } from './workbook-io';

export const FACTORING_REPORT_HELP = `  housing-ledger factoring report WORKBOOK.xlsx --month YYYY-MM [--budget F.csv] [--config F.json] --out FILE.xlsx [--json]`;

export const FACTORING_REPORT_HELP_TEXT = `factoring report the month's factoring P&L and KPI pack: own income (management and admin fees, legal
                 costs recovered) apart from pass-through recharges, costs (the workbook's Costs
                 sheet), write-offs, year to date from April against the --budget CSV (Line,Month,
                 Amount); collection rate, arrears as % of billed, aged debt, NoPL health, bills and
                 statements on time, fee per unit, cost recovery. --out FILE.xlsx gets the P&L and KPI
                 sheets with native charts, every figure a formula over the detail sheets beside them.
                 Exit 0, or 2 on bad input (the cells or budget rows named).`;

export async function factoringReportCommand(rest: readonly string[], io: FactoringIo, help: string): Promise<number> {
  const parsed = parseCommand(rest, { month: { type: 'string' }, budget: { type: 'string' }, config: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const path = onePositional(positionals, 'factoring report needs a workbook: housing-ledger factoring report WORKBOOK.xlsx --month YYYY-MM --out FILE.xlsx');
  const month = needOption(values, 'factoring report', 'month');
  const out = needOption(values, 'factoring report', 'out');
  const budgetPath = values.budget as string | undefined;
  const configPath = values.config as string | undefined;
  guardPaths([
    runPath('the workbook', path, 'input'),
    budgetPath !== undefined ? runPath('--budget', budgetPath, 'input') : null,
    configPath !== undefined ? runPath('--config', configPath, 'config') : null,
    runPath('--out', out, 'output'),
  ]);
  if (budgetPath !== undefined && !existsSync(budgetPath)) throw new CliInputError(`--budget ${budgetPath}: no such file`);
  const config = loadConfig(configPath).factoring;
  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const budget = budgetPath !== undefined ? { name: basename(budgetPath), text: readFileSync(budgetPath, 'utf8') } : null;
  const report = factoringReport({ file: basename(path), sheets, month, config, budget });
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (!report.ok || errors.length > 0) {
    if (values.json) io.out(JSON.stringify(report.json));
    throw new CliInputError(`${errors.length} problem(s) in the input; no report was written`, errors.map(describeReportIssue));
  }
  const target = XlsxWorkbook.empty();
  await target.writeSheets(report.sheets);
  writeAll([{ path: out, data: await target.toBuffer() }]);
  if (values.json) {
    io.out(JSON.stringify(report.json));
    return 0;
  }
  for (const i of report.issues) io.err(describeReportIssue(i));
  const { pnl, kpis } = report;
  if (pnl && kpis) {
    io.out(`Factoring P&L ${month} (year from ${pnl.months[0] ?? ''}): own income ${formatGBP(pnl.totals.ownIncome)}, costs ${formatGBP(pnl.totals.costs)}, write-offs ${formatGBP(pnl.totals.writeOffs)}, net ${formatGBP(pnl.totals.net)}; recharges ${formatGBP(pnl.totals.recharges)} passed through`);
    io.out(`KPIs: collection ${kpis.collectionRate}%, arrears ${kpis.arrearsPercent}% of billed, NoPL ${kpis.notices.live} live / ${kpis.notices.expiring} expiring / ${kpis.notices.missing} missing, cost recovery ${kpis.costRecovery}%`);
  }
  io.out(`Wrote ${out}`);
  return 0;
}
