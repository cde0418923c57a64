/** Helpers for the debt tests: the sample's sheets in memory, and small hand-made workbooks. */
import type { RawCell, SheetData } from '../../src/engine/cells';
import { parseConfig } from '../../src/engine/config';
import type { FactoringConfig } from '../../src/engine/factoring/factoring-config';
import { generateFactoring } from '../../tools/sample/factoring/generate';

export function sheet(name: string, rows: readonly (readonly RawCell[])[]): SheetData {
  return { name, originRow: 1, originCol: 1, rows: rows.map((r) => [...r]) };
}

export function sampleSheets(): { sheets: SheetData[]; config: FactoringConfig; asOf: string } {
  const s = generateFactoring();
  const parsed = parseConfig(s.config);
  if (!parsed.ok || parsed.config.factoring === undefined) throw new Error('the sample config does not parse');
  return { sheets: Object.entries(s.sheets).map(([name, rows]) => sheet(name, rows)), config: parsed.config.factoring, asOf: s.debtAsOf };
}

export const TX_HEADER = ['Owner Ref', 'Property Ref', 'Date', 'Due Date', 'Type', 'Amount', 'Reference', 'Disputed'];
export const NOPL_HEADER = ['Notice Ref', 'Property Ref', 'Owner Ref', 'Registered On', 'Amount', 'Discharged On', 'Renewal Of'];
export const PLAN_HEADER = ['Owner Ref', 'Property Ref', 'Start Date', 'Instalment', 'Frequency', 'End Date', 'Agreed By'];

/** A workbook with only the debt sheets given. */
export function debtWorkbook(tx: readonly (readonly RawCell[])[], more: { nopl?: readonly (readonly RawCell[])[]; plans?: readonly (readonly RawCell[])[] } = {}): SheetData[] {
  const out = [sheet('Owner Transactions', [TX_HEADER, ...tx])];
  if (more.nopl) out.push(sheet('NoPL', [NOPL_HEADER, ...more.nopl]));
  if (more.plans) out.push(sheet('Repayment Plans', [PLAN_HEADER, ...more.plans]));
  return out;
}
