/**
 * housing-ledger bank-check and dd (collect, check, report): argument parsing, file reading and
 * writing around the Direct Debit jobs in src/engine/jobs/dd-*.ts. No rule lives here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { runBankCheck, type ModulusDataText } from '../engine/jobs/dd-bank-check';
import { runDdCheck } from '../engine/jobs/dd-check';
import { ddRentCalendar, runDdCollect, type DdCollectInput, type Representation } from '../engine/jobs/dd-collect';
import { DEFAULT_CONFIG, parseConfig } from '../engine/config';
import { parseDayFirst } from '../engine/dates';
import { describeIssue } from '../engine/messages';
import { parsePence } from '../engine/money';
import type { Tenancy } from '../engine/records';
import { csvTable, findColumns, sheetTable } from '../engine/dd/csv-table';
import { readRentRollOnly } from '../engine/sources/read-sources';
import { readUserSheets } from '../workbook/user-sheets';
import { checkFileSize, openWorkbook, readJsonFile } from './workbook-io';
import { runDdReport } from '../engine/jobs/dd-report';
import { runDdSubmission } from '../engine/jobs/dd-submission';
import { EMPTY_LEDGER, fileHash, ledgerFromJson, ledgerToJson, type ImportLedger } from '../engine/payments/import-ledger';
import { groupHelp, needOption, noPositionals, onePositional, parseCommand } from './args';
import { CliInputError } from './errors';
import { writeAll } from './safe-write';
import { lockLedger } from './ledger-lock';
import { guardOutFolder, guardPaths, runPath } from './run-guard';

export interface DdIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const DD_HELP = `  housing-ledger bank-check SORTCODE ACCOUNT [--data DIR] [--json]
  housing-ledger bank-check --file PAIRS.csv [--data DIR] [--json]
  housing-ledger dd collect --mandates M.csv|M.xlsx --date YYYY-MM-DD --sun NNNNNN --originator SORTCODE:ACCOUNT
                           --name "SERVICE USER NAME" --out FILE [--accounts WORKBOOK.xlsx] [--notices NOTICES.csv]
                           [--represent ACTIONS.csv] [--mandates-out M.csv] [--by NAME] [--file-number N]
                           [--holidays FILE] [--data DIR] [--config F.json] [--json]
  housing-ledger dd check FILE [--holidays FILE] [--json]
  housing-ledger dd report REPORT.xml --mandates M.csv|M.xlsx --out DIR [--accounts WORKBOOK.xlsx]
                           [--ledger LEDGER.json] [--by NAME] [--json] [--force]
  housing-ledger dd submission SUBMISSION.xml --file BACS.txt [--json]`;

export const DD_HELP_TEXT = `bank-check       checks sort code and account number pairs by the Pay.UK modulus rules (the file's
                 header is sort_code,account_number); --data DIR uses newer valacdos/scsubtab files
                 than the ones shipped in assets/dd/. Exit 0 all valid, 1 any invalid, 2 unreadable.
dd collect       writes the day's Bacs Standard 18 file (--out) for processing day --date: every mandate
                 due on the next working day (01 first, 17 regular, 19 final: on the register's Last
                 Collection or before the tenancy's end), 0N for new mandates, 18 for the
                 re-present rows of a dd report's actions.csv (--represent); mandates that break a rule,
                 fail the modulus check, lack notice or collect too soon after lodging are held back
                 with the reason; --notices writes the advance notices to send (rent changes, a
                 53-week rent year's monthly amount by --config's rentYearStart), --mandates-out the
                 register after the run (new mandates lodged, with who and why). Bank details appear
                 only in the Bacs file. Exit 0, or 2 when an input is wrong (nothing written).
dd check         re-reads a Bacs Standard 18 file: record order and lengths, field rules, dates (the
                 processing day a Bacs working day by --holidays, default the shipped England and
                 Wales list), contras, UTL1 totals and counts; each finding as FILE:LINE:POSITION.
                 Exit 0 passes, 1 findings, 2 unreadable.
dd report        reads an ARUDD, ADDACS, AUDDIS or Input report, agrees its control totals, refuses
                 one the --ledger has seen, and writes DIR/postings.csv (unpaids reversed),
                 DIR/mandates.csv (the register after the changes, bank details masked) and
                 DIR/actions.csv (contact the payer, re-present, write to the tenant; the Input
                 report's rejected and amended items). Exit 0 applied, 1 the control totals
                 disagree (nothing written), 2 bad input or a report seen before.
dd submission    agrees Bacstel-IP's submission results (SubmissionResults XML) with the Standard 18
                 file sent (--file): the payment file of its processing day accepted ('complete'),
                 its debit and credit items and values and instruction count against the file's own
                 (contras excluded). Exit 0 agrees, 1 differs or not accepted, 2 unreadable.`;

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
  checkFileSize(path, what === '--mandates' ? 'mandates' : 'text');
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
  const parsed = parseCommand(args, { file: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
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
  const exit = groupHelp(sub, io, help);
  if (exit !== null) return exit;
  switch (sub) {
    case 'check':
      return ddCheckCommand(rest, io, help);
    case 'collect':
      return ddCollectCommand(rest, io, help);
    case 'report':
      return ddReportCommand(rest, io, help);
    case 'submission':
      return ddSubmissionCommand(rest, io, help);
    default:
      throw new CliInputError(`unknown dd command '${sub}'; try --help`);
  }
}

function ddCheckCommand(args: readonly string[], io: DdIo, help: string): number {
  const parsed = parseCommand(args, { holidays: { type: 'string' }, json: { type: 'boolean' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const one = 'dd check needs one FILE: housing-ledger dd check FILE';
  const file = onePositional(positionals, one, one);
  const result = runDdCheck(readText(file, 'dd check'), holidaysText(values.holidays as string | undefined), basename(file));
  if (result.exitCode === 2) throw new CliInputError(`${file}: the file is empty`);
  io.out(values.json ? JSON.stringify(result.json) : result.text);
  return result.exitCode;
}

function ddSubmissionCommand(args: readonly string[], io: DdIo, help: string): number {
  const parsed = parseCommand(args, { file: { type: 'string' }, json: { type: 'boolean' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const one = 'dd submission needs one SUBMISSION.xml: housing-ledger dd submission SUBMISSION.xml --file BACS.txt';
  const report = onePositional(positionals, one, one);
  const file = needOption(values, 'dd submission', 'file');
  const result = runDdSubmission(readText(report, 'dd submission'), readText(file, '--file'), { submission: basename(report), file: basename(file) });
  if (result.exitCode === 2) throw new CliInputError('dd submission: nothing was agreed', [...result.problems]);
  io.out(values.json ? JSON.stringify(result.json) : result.text);
  return result.exitCode;
}

/** A text file written safely (src/cli/safe-write.ts), its folder made first. */
export function writeFileSafely(path: string, text: string): void {
  ensureFolder(path);
  writeAll([{ path, data: text }]);
}

function ensureFolder(path: string): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

/** The mandate register: a CSV, or the sheet of a workbook whose header has a DDI Reference column. */
async function readRegister(path: string): Promise<DdCollectInput['register']> {
  if (!path.toLowerCase().endsWith('.xlsx')) return { kind: 'csv', text: readText(path, '--mandates') };
  const sheets = await readUserSheets(await openWorkbook(path));
  const sheet = sheets.find((s) => {
    const t = sheetTable(s);
    return t !== null && findColumns(t.header, { ref: ['DDI Reference', 'DD Reference', 'Mandate Reference'] }).ref >= 0;
  });
  if (!sheet) throw new CliInputError(`${path}: no sheet has a DDI Reference column (the mandate register)`);
  return { kind: 'sheet', sheet };
}

/** The rent roll of --accounts (only the rent roll is read). */
export async function loadRentRoll(path: string): Promise<Tenancy[]> {
  const sheets = await readUserSheets(await openWorkbook(path));
  const found = readRentRollOnly(basename(path), sheets, DEFAULT_CONFIG);
  if (!found) throw new CliInputError(`${basename(path)}: no sheet looks like a rent roll (Account Ref, Start Date, End Date, Weekly Charge, Opening Balance, Closing Balance)`);
  const errors = found.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new CliInputError(`${basename(path)}: ${errors.length} problem(s) in the rent roll; nothing was written`, errors.slice(0, 20).map(describeIssue));
  return [...found.sheet.records];
}

/** The re-present rows of a dd report's actions.csv (Action re-present, Reference, Amount, Original Processing Day). */
function readRepresentations(path: string): Representation[] {
  const { table, badLine } = csvTable(readText(path, '--represent'));
  if (badLine !== null || table === null) throw new CliInputError(`${path}: ${badLine !== null ? `line ${badLine}: a quoted field is not closed` : 'empty'}`);
  const c = findColumns(table.header, { action: ['Action'], reference: ['Reference', 'DDI Reference'], amount: ['Amount'], day: ['Original Processing Day'] });
  if (c.action < 0 || c.reference < 0 || c.amount < 0 || c.day < 0) throw new CliInputError(`${path}: expected the columns Action, Reference, Amount, Original Processing Day (a dd report actions.csv)`);
  const out: Representation[] = [];
  const bad: string[] = [];
  for (const r of table.rows) {
    if ((r.cells[c.action] ?? '') !== 're-present') continue;
    const amount = parsePence(r.cells[c.amount] ?? '');
    const day = parseDayFirst(r.cells[c.day] ?? '');
    if (amount === null || day === null) bad.push(`line ${r.line}: the amount or the original processing day cannot be read`);
    else out.push({ reference: r.cells[c.reference] ?? '', amount: (amount < 0 ? -amount : amount) as typeof amount, originalProcessingDay: day });
  }
  if (bad.length > 0) throw new CliInputError(`${path}: ${bad.length} unreadable re-present row(s)`, bad);
  return out;
}

async function ddCollectCommand(args: readonly string[], io: DdIo, help: string): Promise<number> {
  const parsed = parseCommand(args, {
    mandates: { type: 'string' },
    date: { type: 'string' },
    sun: { type: 'string' },
    originator: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    accounts: { type: 'string' },
    notices: { type: 'string' },
    represent: { type: 'string' },
    'mandates-out': { type: 'string' },
    by: { type: 'string' },
    'file-number': { type: 'string' },
    holidays: { type: 'string' },
    data: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
  }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noPositionals(positionals);
  const need = (k: string): string => needOption(values, 'dd collect', k);
  const config = values.config !== undefined ? parseConfig(readJsonFile(values.config as string)) : null;
  if (config !== null && !config.ok) throw new CliInputError(`${values.config as string}: the config is not valid`, config.problems);
  const out = need('out');
  const given = (flag: string, role: 'input' | 'output') => (typeof values[flag] === 'string' ? runPath(`--${flag}`, values[flag] as string, role) : null);
  guardPaths([given('mandates', 'input'), given('accounts', 'input'), given('represent', 'input'), given('holidays', 'input'), given('out', 'output'), given('notices', 'output'), given('mandates-out', 'output')]);
  const fileNumberText = (values['file-number'] as string | undefined) ?? '1';
  if (!/^\d{1,3}$/.test(fileNumberText) || Number(fileNumberText) < 1) throw new CliInputError(`--file-number ${fileNumberText}: expected 1 to 999`);
  const result = runDdCollect({
    register: await readRegister(need('mandates')),
    processingDay: need('date'),
    sun: need('sun'),
    originator: need('originator'),
    serviceUserName: need('name'),
    modulus: loadModulusData(values.data as string | undefined),
    holidays: holidaysText(values.holidays as string | undefined),
    rentRoll: values.accounts !== undefined ? await loadRentRoll(values.accounts as string) : null,
    representations: values.represent !== undefined ? readRepresentations(values.represent as string) : [],
    fileNumber: Number(fileNumberText),
    by: (values.by as string | undefined) ?? 'housing-ledger dd collect',
    ...(config !== null && config.ok ? { rentCalendar: ddRentCalendar(config.config) } : {}),
  });
  if (result.problems.length > 0 || result.bacsText === null) throw new CliInputError('dd collect: nothing was written', [...result.problems]);
  // The Bacs file, the notices and the register are one set: all written, or none.
  writeAll([
    { path: out, data: result.bacsText },
    ...(values.notices !== undefined ? [{ path: values.notices as string, data: result.noticesCsv }] : []),
    ...(values['mandates-out'] !== undefined ? [{ path: values['mandates-out'] as string, data: result.mandatesCsv }] : []),
  ]);
  io.out(values.json ? JSON.stringify(result.json) : `${result.text}\nwrote ${out}`);
  return 0;
}

/** A report's text: ISO-8859-1 when its XML declaration says so (ARUDD often does), UTF-8 otherwise. */
function readReport(path: string): string {
  let bytes: Buffer;
  checkFileSize(path, 'text');
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliInputError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const head = bytes.subarray(0, 200).toString('latin1');
  return /encoding\s*=\s*["']ISO-8859-1["']/i.test(head) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function loadLedger(path: string | undefined): ImportLedger {
  if (path === undefined || !existsSync(path)) return EMPTY_LEDGER;
  const parsed = ledgerFromJson(readJsonFile(path, 'ledger'));
  if (!parsed.ok) throw new CliInputError(`${path}: not an import ledger written by housing-ledger`, parsed.problems);
  return parsed.ledger;
}

async function ddReportCommand(args: readonly string[], io: DdIo, help: string): Promise<number> {
  const parsed = parseCommand(args, { mandates: { type: 'string' }, accounts: { type: 'string' }, out: { type: 'string' }, ledger: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const one = 'dd report needs one REPORT.xml: housing-ledger dd report REPORT.xml --mandates M --out DIR';
  const file = onePositional(positionals, one, one);
  const mandates = values.mandates as string | undefined;
  const out = values.out as string | undefined;
  if (mandates === undefined) throw new CliInputError('dd report needs --mandates');
  if (out === undefined) throw new CliInputError('dd report needs --out DIR');
  const ledgerPath = values.ledger as string | undefined;
  const names = ['postings.csv', 'mandates.csv', 'actions.csv'];
  guardPaths([
    runPath('the report', file, 'input'),
    runPath('--mandates', mandates, 'input'),
    typeof values.accounts === 'string' ? runPath('--accounts', values.accounts, 'input') : null,
    ledgerPath !== undefined ? runPath('--ledger', ledgerPath, 'ledger') : null,
    ...names.map((n) => runPath('--out', join(out, n), 'output')),
  ]);
  const reportText = readReport(file);
  // The ledger is read, checked and written under its lock (see ledger-lock.ts).
  const lock = ledgerPath !== undefined ? await lockLedger(ledgerPath, io.err) : null;
  try {
    return await ddReportLocked(values, io, { file, mandates, out, ledgerPath, names, reportText });
  } finally {
    lock?.release();
  }
}

async function ddReportLocked(
  values: Record<string, string | boolean | undefined>,
  io: DdIo,
  a: { file: string; mandates: string; out: string; ledgerPath: string | undefined; names: readonly string[]; reportText: string },
): Promise<number> {
  const { file, mandates, out, ledgerPath, names, reportText } = a;
  const result = runDdReport({
    reportText,
    fileName: basename(file),
    register: await readRegister(mandates),
    rentRoll: values.accounts !== undefined ? await loadRentRoll(values.accounts as string) : null,
    ledger: loadLedger(ledgerPath),
    importedAt: io.now().toISOString(),
    by: (values.by as string | undefined) ?? 'housing-ledger dd report',
  });
  if (result.problems.length > 0) throw new CliInputError('dd report: nothing was applied', [...result.problems]);
  if (result.controlAgrees) {
    const marker = guardOutFolder(out, { command: 'dd-report', key: fileHash(reportText), label: basename(file), names, at: io.now().toISOString() }, values.force === true);
    ensureFolder(join(out, 'postings.csv'));
    // The three outputs, the marker and the ledger are one set: all of them or none; the ledger
    // renamed last: once it holds the report, a re-run is refused, so the outputs must exist first.
    writeAll([
      { path: join(out, 'postings.csv'), data: result.postingsCsv },
      { path: join(out, 'mandates.csv'), data: result.mandatesCsv },
      { path: join(out, 'actions.csv'), data: result.actionsCsv },
      marker,
      ...(ledgerPath !== undefined && result.ledger !== null ? [{ path: ledgerPath, data: `${JSON.stringify(ledgerToJson(result.ledger), null, 1)}\n` }] : []),
    ]);
  }
  io.out(values.json ? JSON.stringify(result.json) : `${result.text}${result.controlAgrees ? `\nwrote ${join(out, 'postings.csv')}, mandates.csv, actions.csv${ledgerPath !== undefined ? `; ledger ${ledgerPath} updated` : ''}` : ''}`);
  return result.exitCode;
}
