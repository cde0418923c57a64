/**
 * The audit pack's Account actions sheet as an auditor receives it: written to .xlsx by the same
 * adapter as the pack, every formula re-performed by HyperFormula, and each action's posted amount and
 * the sheet's tie recomputed from the postings.
 */
import { actionStates, approveAction, rejectAction, requestAction } from '../../src/engine/approvals/approvals';
import { DEFAULT_APPROVALS } from '../../src/engine/approvals/approvals-config';
import type { ActionEvent } from '../../src/engine/approvals/types';
import { accountActionsSheet, ACTIONS_SHEET } from '../../src/engine/actions/actions-sheet';
import { refundRequest, transferRequest, writeOffRequest } from '../../src/engine/actions/requests';
import type { IsoDate } from '../../src/engine/dates';
import { toPence } from '../../src/engine/money';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { recalcWorkbook } from '../support/recalc';

function step(log: ActionEvent[], r: ReturnType<typeof requestAction>): ActionEvent[] {
  if (!r.ok) throw new Error(r.message);
  return [...log, ...r.events];
}

function month(): ActionEvent[] {
  const c = DEFAULT_APPROVALS;
  const refund = refundRequest({ account: 'F100', amount: toPence(51240), reason: 'Former tenant in credit', evidence: [], method: 'finance-csv', payee: null, risks: [] });
  const transfer = transferRequest({ from: 'F100', to: 'F000', amount: toPence(12000), type: 'former-to-current', reason: 'Old arrears', evidence: [] });
  const writeoff = writeOffRequest({ account: 'C400', tenant: 'Di Fox', amount: toPence(1450), balance: toPence(1450), reasonCode: 'small-balance', reason: 'Small', evidence: [], history: [] });
  const late = refundRequest({ account: 'C300', amount: toPence(2600), reason: 'Overpaid', evidence: [], method: 'finance-csv', payee: null, risks: [] });
  if (!refund.ok || !transfer.ok || !writeoff.ok || !late.ok) throw new Error('request');
  let log: ActionEvent[] = [];
  log = step(log, requestAction(log, { id: 'R1', by: 'Jo Bloggs', at: '2026-11-28T10:00:00Z', request: refund.request }, c));
  log = step(log, approveAction(log, { id: 'R1', by: 'Sam Lee', at: '2026-12-01T10:00:00Z' }, c));
  log = step(log, approveAction(log, { id: 'R1', by: 'Priya Shah', at: '2026-12-02T10:00:00Z' }, c));
  log = step(log, requestAction(log, { id: 'T1', by: 'Jo Bloggs', at: '2026-12-03T10:00:00Z', request: transfer.request }, c));
  log = step(log, approveAction(log, { id: 'T1', by: 'Sam Lee', at: '2026-12-04T10:00:00Z' }, c));
  log = step(log, requestAction(log, { id: 'W1', by: 'Jo Bloggs', at: '2026-12-05T10:00:00Z', request: writeoff.request }, c));
  log = step(log, rejectAction(log, { id: 'W1', by: 'Sam Lee', at: '2026-12-06T10:00:00Z', note: 'Tenant paying' }, c));
  log = step(log, requestAction(log, { id: 'R2', by: 'Jo Bloggs', at: '2026-12-30T10:00:00Z', request: late.request }, c));
  log = step(log, approveAction(log, { id: 'R2', by: 'Sam Lee', at: '2027-01-02T10:00:00Z' }, c)); // posted next month
  return log;
}

describe('the audit pack Account actions sheet', () => {
  const period = { start: '2026-12-01' as IsoDate, end: '2026-12-31' as IsoDate };

  it('lists every action touched in the period with who and when, and ties to the postings by formula', async () => {
    const log = month();
    const sheet = accountActionsSheet(log, period, DEFAULT_APPROVALS);
    const wb = XlsxWorkbook.empty();
    await wb.writeSheets([sheet]);
    const r = await recalcWorkbook(await wb.toBuffer());
    expect(r.mismatches()).toEqual([]);
    expect(r.formulas.length).toBeGreaterThanOrEqual(6);
    const values = r.sheet(ACTIONS_SHEET.name);
    const rowOf = (id: string): readonly unknown[] => values.find((row) => row[0] === id) ?? [];
    // Posted in period (net), recomputed: the refund's debit, the transfer's pair netting to zero, nothing for the rejected write-off or the refund posted in January.
    expect([rowOf('R1')[14], rowOf('T1')[14], rowOf('W1')[14], rowOf('R2')[14]]).toEqual([512.4, 0, 0, 0]);
    expect(rowOf('R1')[13]).toBe(512.4);
    expect([rowOf('R1')[5], rowOf('R1')[8], rowOf('W1')[10], rowOf('R2')[5]]).toEqual(['approved', 'Sam Lee; Priya Shah', 'Sam Lee', 'approved']);
    const total = values.find((row) => row[0] === 'Postings in the period (sum)');
    expect(total?.[4]).toBe(512.4);
    expect(values.find((row) => row[0] === 'Check')?.[4]).toBe('TIES');
    expect(actionStates(log, DEFAULT_APPROVALS)).toHaveLength(4);
  });

  it('the check fails when a posting is changed in the workbook', async () => {
    const sheet = accountActionsSheet(month(), period, DEFAULT_APPROVALS);
    const wb = XlsxWorkbook.empty();
    await wb.writeSheets([sheet]);
    const ExcelJS = (await import('exceljs')).default;
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(Buffer.from(await wb.toBuffer()) as never);
    const ws = x.getWorksheet(ACTIONS_SHEET.name);
    if (!ws) throw new Error('no sheet');
    let changed = false;
    ws.eachRow((row) => {
      if (!changed && row.getCell(1).value === 'T1' && row.getCell(3).value === 'F000') {
        row.getCell(5).value = -100;
        changed = true;
      }
    });
    expect(changed).toBe(true);
    const r = await recalcWorkbook(Buffer.from(await x.xlsx.writeBuffer()));
    const values = r.sheet(ACTIONS_SHEET.name);
    expect(values.find((row) => row[0] === 'T1')?.[14]).toBeCloseTo(20, 6);
    expect(values.find((row) => row[0] === 'Check')?.[4]).toBe('DOES NOT TIE');
  });
});

describe('reconcile --actions', () => {
  it('adds the HL Account actions sheet to the audit workbook, its formulas re-performing', async () => {
    const { generatedWorkbook, runCli } = await import('../support/generated');
    const { join } = await import('node:path');
    const { readFileSync } = await import('node:fs');
    const { path, configPath, dir } = await generatedWorkbook({ seed: 5, accounts: 40, period: '2026-12', rentFreeWeeks: ['2026-12-21', '2026-12-28'] });
    const file = join(dir, 'actions.json');
    const req = await runCli(['actions', 'request', '--file', file, '--kind', 'transfer', '--account', 'A1', '--to', 'A2', '--type', 'misposted-payment', '--amount', '25.00', '--by', 'Jo Bloggs', '--reason', 'Paid to the wrong account'], new Date('2026-12-10T09:00:00Z'));
    expect(req.code).toBe(0);
    expect((await runCli(['actions', 'approve', 'T0001', '--file', file, '--by', 'Sam Lee'], new Date('2026-12-11T09:00:00Z'))).code).toBe(0);
    const out = join(dir, 'audit.xlsx');
    const run = await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--out', out, '--actions', file]);
    expect(run.code).toBe(0);
    const r = await recalcWorkbook(readFileSync(out));
    expect(r.sheetNames).toContain(ACTIONS_SHEET.name);
    expect(r.mismatches()).toEqual([]);
    const values = r.sheet(ACTIONS_SHEET.name);
    expect(values.find((row) => row[0] === 'T0001')?.[8]).toBe('Sam Lee');
    expect(values.find((row) => row[0] === 'Check')?.[4]).toBe('TIES');
    const without = join(dir, 'plain.xlsx');
    await runCli(['reconcile', path, '--period', '2026-12', '--config', configPath, '--out', without]);
    expect((await recalcWorkbook(readFileSync(without))).sheetNames).not.toContain(ACTIONS_SHEET.name);
  });
});
