/**
 * The fault suite, workbook half (issue 10, cases 5-11): hostile and real-world workbooks through
 * the CLI, each with the outcome a user must see (exit code, a located message) and the input file
 * untouched by hash. The property over mutated workbooks is in workbook-mutation.test.ts.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawCell } from '../../src/engine/cells';
import { checkXlsxShape } from '../../src/workbook/xlsx/xlsx-shape';
import type { GeneratedMonth, GeneratedSheet } from '../../tools/sample/generate';
import { generatedWorkbook, runCli, type CliRun } from '../support/generated';
import { recalcWorkbook } from '../support/recalc';

const BASE = { seed: 11, accounts: 40, period: '2026-12' } as const;

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function sheetOf(month: GeneratedMonth, role: GeneratedSheet['role']): GeneratedSheet {
  const s = month.sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${String(role)} sheet`);
  return s;
}

/** 0-based column of a header on a generated sheet. */
function col(s: GeneratedSheet, header: string): number {
  const i = (s.rows[s.headerRow - 1] ?? []).findIndex((h) => h === header);
  if (i < 0) throw new Error(`no column ${header} on ${s.name}`);
  return i;
}

/** The first data row of a sheet (0-based index into rows). */
const firstData = (s: GeneratedSheet): RawCell[] => s.rows[s.headerRow] as RawCell[];

async function reconcile(path: string, configPath: string, extra: string[] = []): Promise<CliRun & { json: Record<string, unknown> | null }> {
  const before = hash(path);
  const run = await runCli(['reconcile', path, '--period', BASE.period, '--config', configPath, '--json', ...extra]);
  // Whatever the outcome, the input is never touched.
  expect(hash(path)).toBe(before);
  expect(run.stderr).not.toMatch(/internal error/);
  expect([0, 1, 2]).toContain(run.code);
  return { ...run, json: run.code === 2 ? null : (JSON.parse(run.stdout) as Record<string, unknown>) };
}

let clean: Record<string, unknown>;

beforeAll(async () => {
  const { path, configPath } = await generatedWorkbook(BASE);
  const run = await reconcile(path, configPath);
  expect(run.json).not.toBeNull();
  clean = run.json as Record<string, unknown>;
});

const figures = (j: Record<string, unknown> | null): unknown => j && { hms: j.hms, gl: j.gl, difference: j.difference, components: j.components, accountExceptions: j.accountExceptions };

describe('case 5: two columns that could be Amount', () => {
  it('a "Value" column left of Amount is a located error naming both, until the config picks one', async () => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const tx = sheetOf(m, 'transactions');
      tx.rows.forEach((row, i) => row.splice(0, 0, i === tx.headerRow - 1 ? 'Value' : i >= tx.headerRow ? 1 : null));
    });
    const run = await reconcile(path, configPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/both column A \(Value\) and column E \(Amount\) could be Amount/);
    expect(run.stderr).toMatch(/columns\.transactions\.amount/);
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    const picked = join(path, '..', 'picked.json');
    writeFileSync(picked, JSON.stringify({ ...config, columns: { transactions: { amount: 'Amount' } } }));
    const ok = await reconcile(path, picked);
    expect(figures(ok.json)).toEqual(figures(clean));
  });
});

describe('case 6: double signs', () => {
  it.each(['(-282.08)', '--282.08', '-282.08 CR'])('%p is refused at its cell, never read as +282.08', async (text) => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const tx = sheetOf(m, 'transactions');
      (firstData(tx) as RawCell[])[col(tx, 'Amount')] = text;
    });
    const run = await reconcile(path, configPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/row \d+, column \w+ \(Amount\): the amount carries two signs/);
  });
});

describe('case 8: invisible characters, strict dates', () => {
  it('an account ref with a zero-width space is the same account: the figures do not change', async () => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const tx = sheetOf(m, 'transactions');
      const row = firstData(tx);
      row[col(tx, 'Account Ref')] = `${String(row[col(tx, 'Account Ref')])}\u200b`;
    });
    const run = await reconcile(path, configPath);
    expect(figures(run.json)).toEqual(figures(clean));
  });

  it.each(['1 Junk 2026', '01/12/2026 99:99'])('the date %p is refused with its location', async (text) => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const tx = sheetOf(m, 'transactions');
      firstData(tx)[col(tx, 'Date')] = text;
    });
    const run = await reconcile(path, configPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/row \d+, column \w+ \(Date\): not a valid date/);
  });

  it('a tenancy start with a two-digit year is refused, not read as 2098', async () => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const roll = sheetOf(m, 'rentRoll');
      firstData(roll)[col(roll, 'Start Date')] = '15/06/98';
    });
    const run = await reconcile(path, configPath);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\(Start Date\): the date has a two-digit year/);
  });
});

describe('case 10: money beyond the safe range', () => {
  it('two amounts of 90,071,992,547,409.91 are located errors, not "internal error"', async () => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const tx = sheetOf(m, 'transactions');
      const a = col(tx, 'Amount');
      (tx.rows[tx.headerRow] as RawCell[])[a] = 90071992547409.91;
      (tx.rows[tx.headerRow + 1] as RawCell[])[a] = 90071992547409.91;
    });
    const run = await reconcile(path, configPath);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/\(Amount\): the amount is beyond the largest amount a cell may hold/g)).toHaveLength(2);
  });
});

/** Adds sheets to a written workbook with exceljs (the user's own, as Excel would hold them). */
async function addSheets(path: string, add: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  add(wb);
  await wb.xlsx.writeFile(path);
}

describe("case 7: a user's sheet already named like ours", () => {
  it("the Summary's formulas point at 'HL Components (2)' and re-perform to the engine's figures", async () => {
    const { path, configPath, dir } = await generatedWorkbook(BASE);
    await addSheets(path, (wb) => {
      const ws = wb.addWorksheet('HL Components');
      for (let r = 1; r <= 40; r++) for (let c = 1; c <= 6; c++) ws.getCell(r, c).value = 1234.56 * r + c;
    });
    const out = join(dir, 'audit.xlsx');
    const run = await runCli(['reconcile', path, '--period', BASE.period, '--config', configPath, '--out', out, '--with-inputs']);
    expect(run.code).toBe(0);
    const r = await recalcWorkbook(readFileSync(out));
    expect(r.sheetNames).toContain('HL Components (2)');
    const summary = r.formulas.filter((f) => f.sheet === 'HL Summary');
    expect(summary.some((f) => f.formula.includes("'HL Components (2)'!"))).toBe(true);
    expect(summary.filter((f) => /'HL Components'!/.test(f.formula))).toEqual([]);
    expect(r.mismatches()).toEqual([]);
  });
});

describe('case 9: bounded work', () => {
  it('an extra sheet with cells at A1 and XFD1048576 is read in bounded memory: same figures', async () => {
    const { path, configPath } = await generatedWorkbook(BASE);
    await addSheets(path, (wb) => {
      const ws = wb.addWorksheet('Far away');
      ws.getCell('A1').value = 'note';
      ws.getCell('XFD1048576').value = 1;
    });
    const run = await reconcile(path, configPath);
    expect(figures(run.json)).toEqual(figures(clean));
  });

  it('a workbook over the cell budget is refused before exceljs loads it, naming the sheet', async () => {
    const { path } = await generatedWorkbook(BASE);
    await addSheets(path, (wb) => {
      const ws = wb.addWorksheet('Hidden block', { state: 'hidden' });
      for (let r = 1; r <= 400; r++) for (let c = 1; c <= 12; c++) ws.getCell(r, c).value = r * c;
    });
    const bytes = readFileSync(path);
    expect(await checkXlsxShape(bytes, 4000)).toEqual({ sheet: 'Hidden block', found: 'more than 4,000 cells in the workbook up to this sheet', limit: '4,000 cells' });
    expect(await checkXlsxShape(bytes)).toBeNull();
  });
});

describe('case 11: a very long reference', () => {
  it('match-suspense with a 16,000-digit reference finishes in well under the 8 s it took', async () => {
    const { path, configPath } = await generatedWorkbook(BASE, (m) => {
      const s = sheetOf(m, 'suspense');
      firstData(s)[col(s, 'Reference')] = '1'.repeat(16_000);
    });
    const started = Date.now();
    const run = await runCli(['match-suspense', path, '--config', configPath, '--json']);
    expect(run.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

// The property (any mutation: the same figures or a located exit 2) is in workbook-mutation.test.ts.
