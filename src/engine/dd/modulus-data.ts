/**
 * The Pay.UK (formerly Vocalink) modulus checking data: the weight table (valacdos.txt) and the
 * sort-code substitution table (scsubtab.txt), read from their text so a user's newer copy replaces
 * the shipped one without a rebuild (Pay.UK revises them several times a year). A line that cannot
 * be read is reported with its line number and skipped; the rest of the table is still used.
 */

export type ModulusAlgorithm = 'MOD10' | 'MOD11' | 'DBLAL';

/** One row of valacdos: a sort-code range, its algorithm, 14 weights (u v w x y z a b c d e f g h), its exception. */
export interface WeightRow {
  readonly start: number;
  readonly end: number;
  readonly algorithm: ModulusAlgorithm;
  readonly weights: readonly number[];
  /** 1-14, or 0 for none. */
  readonly exception: number;
}

export interface ModulusTables {
  /** Rows in file order; a sort code may have one or two rows (first check, second check). */
  readonly rows: readonly WeightRow[];
  /** Exception 5's substitutions: original sort code -> the one used in the calculation. */
  readonly substitutions: ReadonlyMap<string, string>;
}

export interface DataIssue {
  readonly file: 'valacdos' | 'scsubtab';
  readonly line: number;
  readonly text: string;
}

const ALGORITHMS: readonly string[] = ['MOD10', 'MOD11', 'DBLAL'];

/** Reads valacdos.txt and scsubtab.txt; unreadable lines come back as issues. */
export function parseModulusTables(valacdos: string, scsubtab: string): { tables: ModulusTables; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const rows: WeightRow[] = [];
  valacdos.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const f = line.split(/\s+/);
    const algorithm = f[2] ?? '';
    const nums = f.slice(3, 17).map(Number);
    const exception = f.length === 18 ? Number(f[17]) : 0;
    const ok =
      (f.length === 17 || f.length === 18) &&
      /^\d{6}$/.test(f[0] ?? '') &&
      /^\d{6}$/.test(f[1] ?? '') &&
      ALGORITHMS.includes(algorithm) &&
      nums.every((n) => Number.isInteger(n)) &&
      Number.isInteger(exception) &&
      exception >= 0 &&
      exception <= 14;
    if (!ok) {
      issues.push({ file: 'valacdos', line: i + 1, text: raw });
      return;
    }
    rows.push({ start: Number(f[0]), end: Number(f[1]), algorithm: algorithm as ModulusAlgorithm, weights: nums, exception });
  });
  const substitutions = new Map<string, string>();
  scsubtab.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^(\d{6})\s+(\d{6})$/.exec(line);
    if (!m) {
      issues.push({ file: 'scsubtab', line: i + 1, text: raw });
      return;
    }
    substitutions.set(m[1] as string, m[2] as string);
  });
  return { tables: { rows, substitutions }, issues };
}

/** The rows that apply to a sort code, in file order (at most two in the published data). */
export function rowsFor(tables: ModulusTables, sortCode: string): WeightRow[] {
  const n = Number(sortCode);
  return tables.rows.filter((r) => r.start <= n && n <= r.end);
}
