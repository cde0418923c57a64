/** Test helpers: generated months written as real .xlsx files, and the CLI run in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { generateMonth, type GenerateOptions, type GeneratedMonth } from '../../tools/sample/generate';
import { writeGeneratedXlsx } from '../../tools/sample/write-xlsx';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hl-test-'));
}

/** Generates a month, lets the test damage it (`mutate`), and writes it as an .xlsx with its config. */
export async function generatedWorkbook(
  options: GenerateOptions,
  mutate: (month: GeneratedMonth) => void = () => undefined,
  dir = tempDir(),
): Promise<{ month: GeneratedMonth; path: string; configPath: string; dir: string }> {
  const month = generateMonth(options);
  mutate(month);
  const path = join(dir, 'month.xlsx');
  await writeGeneratedXlsx(month, path);
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(month.config));
  return { month, path, configPath, dir };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const FIXED_NOW = new Date('2027-01-05T09:30:00Z');

export async function runCli(args: string[], now: Date = FIXED_NOW): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), now: () => now });
  return { code, stdout, stderr };
}
