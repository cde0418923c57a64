/**
 * housing-ledger bank-check and dd (collect, check, report): argument parsing, file reading and
 * writing around the Direct Debit jobs in src/engine/jobs/dd-*.ts. No rule lives here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { runBankCheck, type ModulusDataText } from '../engine/jobs/dd-bank-check';
import { runDdCheck } from '../engine/jobs/dd-check';
import { parse } from './args';
import { CliInputError } from './errors';

export interface DdIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const DD_HELP = `  housing-ledger bank-check SORTCODE ACCOUNT [--data DIR] [--json]
  housing-ledger bank-check --file PAIRS.csv [--data DIR] [--json]
  housing-ledger dd check FILE [--holidays FILE] [--json]`;

export const DD_HELP_TEXT = `bank-check       checks sort code and account number pairs by the Pay.UK modulus rules (the file's
                 header is sort_code,account_number); --data DIR uses newer valacdos/scsubtab files
                 than the ones shipped in assets/dd/. Exit 0 all valid, 1 any invalid, 2 unreadable.
dd check         re-reads a Bacs Standard 18 file: record order and lengths, field rules, dates (the
                 processing day a Bacs working day by --holidays, default the shipped England and
                 Wales list), contras, UTL1 totals and counts; each finding as FILE:LINE:POSITION.
                 Exit 0 passes, 1 findings, 2 unreadable.`;

/** The shipped Direct Debit data (assets/dd/), found from the CLI's own location. */
export function ddAssetsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = resolve(dir, 'assets', 'dd');
    if (existsSync(join(candidate, 'scsubtab.txt'))) return candidate;
    dir = dirname(dir);
  }
  throw new CliInputError('the Direct Debit data assets/dd/ was not found beside the program; pass --data DIR');
}

/** The newest file in DIR whose name starts with the prefix (valacdos-v7-90.txt sorts after valacdos-v7-80.txt). */
function pickFile(dir: string, prefix: string): string {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new CliInputError(`--data ${dir}: not a readable folder`);
  }
  const found = names.filter((n) => n.toLowerCase().startsWith(prefix) && n.toLowerCase().endsWith('.txt')).sort();
  const last = found[found.length - 1];
  if (last === undefined) throw new CliInputError(`${dir}: no ${prefix}*.txt file (the Pay.UK modulus data)`);
  return join(dir, last);
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliInputError(`${what} ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

export function loadModulusData(dataDir: string | undefined): ModulusDataText {
  const dir = dataDir ?? ddAssetsDir();
  return { valacdos: readText(pickFile(dir, 'valacdos'), 'modulus data'), scsubtab: readText(pickFile(dir, 'scsubtab'), 'modulus data') };
}

export async function bankCheckCommand(args: readonly string[], io: DdIo, help: string): Promise<number> {
  const { values, positionals } = parse(args, { file: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    io.out(help);
    return 0;
  }
  const file = values.file as string | undefined;
  const data = loadModulusData(values.data as string | undefined);
  let result;
  if (file !== undefined) {
    if (positionals.length > 0) throw new CliInputError(`bank-check --file takes no other arguments (got '${positionals.join(' ')}')`);
    result = runBankCheck({ kind: 'csv', text: readText(file, '--file') }, data);
  } else {
    const [sortCode, account, extra] = positionals;
    if (sortCode === undefined || account === undefined || extra !== undefined) throw new CliInputError('bank-check needs SORTCODE ACCOUNT or --file PAIRS.csv');
    result = runBankCheck({ kind: 'pair', sortCode, account }, data);
  }
  for (const i of result.dataIssues) io.err(`housing-ledger: ${i.file} line ${i.line} could not be read and was skipped: ${i.text}`);
  if (result.fileProblem !== null) throw new CliInputError(`${file ?? ''}: ${result.fileProblem}`);
  io.out(values.json ? JSON.stringify(result.json) : result.text);
  return result.exitCode;
}

export function holidaysText(path: string | undefined): string {
  return readText(path ?? join(ddAssetsDir(), 'bank-holidays-england-and-wales.txt'), '--holidays');
}

/** housing-ledger dd SUBCOMMAND ... */
export async function ddCommand(args: readonly string[], io: DdIo, help: string): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'check':
      return ddCheckCommand(rest, io, help);
    case undefined:
    case '--help':
      io.out(help);
      return sub === undefined ? 2 : 0;
    default:
      throw new CliInputError(`unknown dd command '${sub}'; try --help`);
  }
}

function ddCheckCommand(args: readonly string[], io: DdIo, help: string): number {
  const { values, positionals } = parse(args, { holidays: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    io.out(help);
    return 0;
  }
  const [file, extra] = positionals;
  if (file === undefined || extra !== undefined) throw new CliInputError('dd check needs one FILE: housing-ledger dd check FILE');
  const result = runDdCheck(readText(file, 'dd check'), holidaysText(values.holidays as string | undefined), basename(file));
  if (result.exitCode === 2) throw new CliInputError(`${file}: the file is empty`);
  io.out(values.json ? JSON.stringify(result.json) : result.text);
  return result.exitCode;
}
