/**
 * Parity for the factoring P&L and KPI pack (issue 16): the pane's path (the worker's handler, as
 * "Write report" sends it) and `housing-ledger factoring report` give the same figures and the same
 * cells on the six sheets, for the sample workbook and its budget.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleRequest } from '../../src/worker/handle';
import type { WorkerResponse } from '../../src/worker/protocol';
import { readUserSheets } from '../../src/workbook/user-sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { generateFactoring } from '../../tools/sample/factoring/generate';
import { REPORT_MONTH, reportBudgetCsv } from '../../tools/sample/factoring/report-data';
import { writeFactoringXlsx } from '../../tools/sample/factoring/write-xlsx';
import { runCli, tempDir } from '../support/generated';
import { cellsOf, written } from './support';

describe('the factoring report in the pane and on the command line', () => {
  it('gives the same figures and the same sheets', async () => {
    const dir = tempDir();
    const s = generateFactoring();
    const path = join(dir, 'f.xlsx');
    await writeFactoringXlsx(s, path);
    writeFileSync(join(dir, 'c.json'), JSON.stringify(s.config));
    writeFileSync(join(dir, 'budget.csv'), reportBudgetCsv());
    const sheets = await readUserSheets(await XlsxWorkbook.fromBuffer(readFileSync(path)));
    const got: WorkerResponse[] = [];
    await handleRequest(
      { kind: 'factoring-debt', id: 1, file: 'f.xlsx', sheets, asOf: '', config: s.config, report: { month: REPORT_MONTH, budget: { name: 'budget.csv', text: reportBudgetCsv() } } },
      (r) => got.push(structuredClone(r)),
    );
    const pane = got.find((r) => r.kind === 'factoring-debt-result');
    if (!pane || pane.kind !== 'factoring-debt-result' || !pane.report?.ok) throw new Error(`no report: ${JSON.stringify(got).slice(0, 500)}`);

    const out = join(dir, 'report.xlsx');
    const cli = await runCli(['factoring', 'report', path, '--month', REPORT_MONTH, '--budget', join(dir, 'budget.csv'), '--config', join(dir, 'c.json'), '--out', out, '--json']);
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim()).toBe(JSON.stringify(pane.report.json));
    const names = pane.report.sheets.map((x) => x.name);
    expect(names).toHaveLength(6);
    expect(await cellsOf(readFileSync(out), names)).toEqual(await cellsOf(await written(pane.report.sheets), names));
  }, 120_000);
});
