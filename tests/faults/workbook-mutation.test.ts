/**
 * The fault suite's property (issue 10 item 8), in the words: any mutation of a valid
 * workbook gives THE SAME FIGURES or a located exit 2: never a crash, never different figures
 * silently. "Mutation" here, and how the property tells a legitimate change of figures from a silent one:
 *
 * 1. A cell of a column that carries figures (a date or an amount of the rent roll, the housing
 *    system's transactions, the GL, suspense) set to something that is not a value of that column:
 *    junk text, formula-like text, two signs, a month that does not exist, 31 February, an error
 *    value, a number beyond any amount or date. Expected: exit 2, the message naming that sheet
 *    and that row as Excel numbers it. Such a value cannot change the figures: it is refused.
 * 2. A cell of a column that carries no figure (names, addresses, descriptions, narratives, payers,
 *    suspense references) set to anything at all, including all of the above, 20,000 characters,
 *    invisible characters and blank. Expected: exactly the clean run's figures (exit 0 or 1).
 * 3. A row of the housing system's transactions deleted or duplicated. This legitimately changes
 *    the figures, and only by what the row carries: the HMS transactions total moves by exactly
 *    minus (deleted) or plus (duplicated) the row's amount when its date is in the period, and not
 *    at all otherwise; the GL side does not move. Anything else is a silent misreading.
 * Every run also checks (see reconcile below) that the exit code is 0, 1 or 2, never "internal
 * error", and that the input file is untouched.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RawCell } from '../../src/engine/cells';
import { serialToIso } from '../../src/engine/dates';
import { parsePence } from '../../src/engine/money';
import type { GeneratedMonth, GeneratedSheet } from '../../tools/sample/generate';
import { generatedWorkbook, runCli } from '../support/generated';

const BASE = { seed: 11, accounts: 40, period: '2026-12' } as const;
type Role = GeneratedSheet['role'];

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Run {
  readonly code: number;
  readonly stderr: string;
  readonly json: Record<string, unknown> | null;
}

async function reconcile(path: string, configPath: string): Promise<Run> {
  const before = hash(path);
  const run = await runCli(['reconcile', path, '--period', BASE.period, '--config', configPath, '--json']);
  expect(hash(path)).toBe(before);
  expect(run.stderr).not.toMatch(/internal error/);
  expect([0, 1, 2]).toContain(run.code);
  return { code: run.code, stderr: run.stderr, json: run.code === 2 ? null : (JSON.parse(run.stdout) as Record<string, unknown>) };
}

const figures = (j: Record<string, unknown> | null): unknown => j && { hms: j.hms, gl: j.gl, difference: j.difference, components: j.components, accountExceptions: j.accountExceptions };

function sheetOf(month: GeneratedMonth, role: Role): GeneratedSheet {
  const s = month.sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${String(role)} sheet`);
  return s;
}

function col(s: GeneratedSheet, header: string): number {
  const i = (s.rows[s.headerRow - 1] ?? []).findIndex((h) => h === header);
  if (i < 0) throw new Error(`no column ${header} on ${s.name}`);
  return i;
}

/** The columns that carry figures, and those that carry none, by sheet role. */
const FIGURE_COLUMNS: readonly [Role, string][] = [
  ['rentRoll', 'Start Date'],
  ['rentRoll', 'Weekly Charge'],
  ['rentRoll', 'Opening Balance'],
  ['rentRoll', 'Closing Balance'],
  ['transactions', 'Date'],
  ['transactions', 'Amount'],
  ['gl', 'Date'],
  ['gl', 'Debit'],
  ['gl', 'Credit'],
  ['suspense', 'Date'],
  ['suspense', 'Amount'],
];
const INERT_COLUMNS: readonly [Role, string][] = [
  ['rentRoll', 'Tenant Name'],
  ['rentRoll', 'Address'],
  ['transactions', 'Description'],
  ['gl', 'Description'],
  ['suspense', 'Payer'],
  ['suspense', 'Narrative'],
  ['suspense', 'Reference'],
];

/** Values no date or amount column may hold. */
const JUNK: readonly RawCell[] = ['abc', '=1+1', '=HYPERLINK("http://x","y")', '(-1.00)', '--5', '-282.08 CR', '1 Junk 2026', '31/02/2026', '01/12/2026 99:99', '#N/A', '£1,2,3', { error: '#VALUE!' }, { error: '#REF!' }, 1e300, 90071992547409.91];
const junk = fc.constantFrom(...JUNK);
const anything: fc.Arbitrary<RawCell> = fc.oneof(junk, fc.constantFrom<RawCell>('', null, ' ', '\u200b', '\u00a0', 'x'.repeat(20_000)), fc.string({ maxLength: 12 }), fc.double({ noNaN: true }));

let clean: Record<string, unknown>;

beforeAll(async () => {
  const { path, configPath } = await generatedWorkbook(BASE);
  const run = await reconcile(path, configPath);
  expect(run.json).not.toBeNull();
  clean = run.json as Record<string, unknown>;
}, 60_000);

describe('property: a mutated workbook gives the same figures or a located exit 2', () => {
  it('1. a figure cell set to what that column cannot hold: exit 2 naming the sheet and the row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIGURE_COLUMNS), fc.nat(), junk, async ([role, header], r, value) => {
        let at = { sheet: '', row: 0 };
        const { path, configPath } = await generatedWorkbook(BASE, (m) => {
          const s = sheetOf(m, role);
          const i = s.headerRow + (r % (s.rows.length - s.headerRow));
          (s.rows[i] as RawCell[])[col(s, header)] = value;
          at = { sheet: s.name, row: i + 1 };
        });
        const run = await reconcile(path, configPath);
        expect({ code: run.code, value }).toEqual({ code: 2, value });
        expect(run.stderr).toContain(at.sheet);
        expect(run.stderr).toMatch(new RegExp(`row ${at.row}\\b|!\\$?[A-Z]+\\$?${at.row}\\b`));
      }),
      { numRuns: 14, seed: 10 },
    );
  }, 300_000);

  it('2. a cell that carries no figure set to anything: exactly the same figures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...INERT_COLUMNS), fc.nat(), anything, async ([role, header], r, value) => {
        const { path, configPath } = await generatedWorkbook(BASE, (m) => {
          const s = sheetOf(m, role);
          (s.rows[s.headerRow + (r % (s.rows.length - s.headerRow))] as RawCell[])[col(s, header)] = value;
        });
        const run = await reconcile(path, configPath);
        expect(run.code).not.toBe(2);
        expect(figures(run.json)).toEqual(figures(clean));
      }),
      { numRuns: 10, seed: 11 },
    );
  }, 300_000);

  it('3. a transaction row deleted or duplicated: the HMS total moves by exactly its amount, the GL not at all', async () => {
    const period = { start: '2026-12-01', end: '2026-12-31' };
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), async (duplicate, r) => {
        let moved = 0;
        const { path, configPath } = await generatedWorkbook(BASE, (m) => {
          const s = sheetOf(m, 'transactions');
          const i = s.headerRow + (r % (s.rows.length - s.headerRow));
          const row = s.rows[i] as RawCell[];
          const date = typeof row[col(s, 'Date')] === 'number' ? serialToIso(row[col(s, 'Date')] as number) : null;
          const amount = parsePence(String(row[col(s, 'Amount')])) ?? 0;
          const inPeriod = date !== null && date >= period.start && date <= period.end;
          moved = inPeriod ? (duplicate ? amount : -amount) : 0;
          if (duplicate) s.rows.splice(i, 0, [...row]);
          else s.rows.splice(i, 1);
        });
        const run = await reconcile(path, configPath);
        expect(run.code).not.toBe(2);
        const hms = (j: Record<string, unknown>) => parsePence((j.hms as { transactions: string }).transactions) ?? NaN;
        expect(hms(run.json as Record<string, unknown>) - hms(clean)).toBe(moved);
        expect((run.json as Record<string, unknown>).gl).toEqual(clean.gl);
      }),
      { numRuns: 8, seed: 12 },
    );
  }, 300_000);
});
