/**
 * housing-ledger payments and balance-cash: payment files in, postings, suspense and a daily summary
 * out; receipts posted against the bank statement's credits. Everything is checked before anything
 * is written, and every file is written beside its destination then renamed into place.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { needOption, noPositionals, onePositional, parseCommand } from './args';
import { parseDayFirst, type IsoDate } from '../engine/dates';
import { formatGBP, type Pence } from '../engine/money';
import { DEFAULT_STATEMENT_PROFILE, cashBalanceJson, runCashBalance } from '../engine/jobs/balance-cash';
import { parseAmountInput, parseChannelList } from '../engine/jobs/common';
import { importPaymentFile, memoryLedgerPort, paymentControl, paymentRoll, paymentsJson } from '../engine/jobs/import-payments';
import { openItemsFromJson, type OpenItem } from '../engine/payments/cash-balance';
import { RECEIPT_CATEGORIES } from '../engine/categories';
import { EMPTY_LEDGER, fileHash, ledgerFromJson, ledgerToJson, type ImportLedger } from '../engine/payments/import-ledger';
import { describePaymentIssue } from '../engine/payments/payment-issues';
import { decodeText, describeEncoding, type TextEncodingName } from '../engine/payments/decode-text';
import type { InputKind } from '../engine/input-limits';
import { parseProfile, SHIPPED_PROFILES, type ImportProfile } from '../engine/payments/profile';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { CliInputError } from './errors';
import { recoverInterrupted, writeAll, type FileToWrite } from './safe-write';
import { lockLedger } from './ledger-lock';
import { guardOutFolder, guardPaths, runPath } from './run-guard';
import { loadConfig } from './config-file';
import { readUserSheets } from '../workbook/user-sheets';
import { openWorkbook, readInputBytes, readJsonFile } from './workbook-io';

export interface PaymentsIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const PAYMENTS_HELP = `  housing-ledger payments FILE --profile NAME|PROFILE.json --accounts WORKBOOK.xlsx --out DIR
                           [--ledger LEDGER.json] [--settlement AMOUNT] [--config PAYMENTS.json] [--json] [--force]
  housing-ledger balance-cash --statement STATEMENT.csv --ledger LEDGER.json --as-of YYYY-MM-DD --out DIR
                           [--statement-profile NAME|PROFILE.json] [--carried OPEN.json] [--from YYYY-MM-DD]
                           [--channels ALLPAY,CASH,...] [--config CASH.json] [--json] [--force]`;

export const PAYMENTS_HELP_TEXT = `payments         imports a daily payment file (profiles: ${[...SHIPPED_PROFILES.keys()].join(', ')}, or a
                 profile JSON file): checks its trailer / running balance / --settlement, refuses a file
                 or a payment the --ledger already holds, allocates each line to a rent account of the
                 --accounts workbook's rent roll, and writes DIR/postings.csv, DIR/suspense.csv and
                 DIR/summary.csv; the ledger gets the file's entry last. A refused file writes nothing.
                 The --ledger is locked while a run uses it (LEDGER.json.lock): a second run at once
                 waits, then exits 2. No output may be an input, the config or the ledger; an --out
                 folder holding another run's outputs is refused unless --force.
balance-cash     balances the receipts the --ledger posted per channel per day against the credits of
                 a bank statement (default profile ${DEFAULT_STATEMENT_PROFILE}) as of a day, to the penny: settlements
                 (Allpay, cash office, card) day by day within a lag, bank transfers line by line;
                 writes DIR/cash-balance.csv, DIR/cash-balance.xlsx (sheet HL Cash balancing) and
                 DIR/open-items.json (pass it as --carried next time: differences carried forward).`;

function loadProfile(nameOrPath: string): ImportProfile {
  const shipped = SHIPPED_PROFILES.get(nameOrPath);
  if (shipped) return shipped;
  if (!existsSync(nameOrPath)) throw new CliInputError(`--profile ${nameOrPath}: not a shipped profile (${[...SHIPPED_PROFILES.keys()].join(', ')}) nor a profile JSON file`);
  const parsed = parseProfile(readJsonFile(nameOrPath, 'profile'));
  if (!parsed.ok) throw new CliInputError(`${nameOrPath}: the profile is not valid`, parsed.problems);
  return parsed.profile;
}

/** A payment file or statement as text: within its size budget, its encoding found and named (decode-text.ts), or refused saying why. */
function readText(path: string, kind: InputKind): { text: string; encoding: TextEncodingName } {
  const decoded = decodeText(readInputBytes(path, kind));
  if (!decoded.ok) throw new CliInputError(`${path}: ${decoded.reason}; nothing was imported or written`);
  return decoded;
}

function loadLedger(path: string | undefined): ImportLedger {
  if (path === undefined || !existsSync(path)) return EMPTY_LEDGER;
  const parsed = ledgerFromJson(readJsonFile(path, 'ledger'));
  if (!parsed.ok) throw new CliInputError(`${path}: not an import ledger written by housing-ledger`, parsed.problems);
  return parsed.ledger;
}

function parseMoneyArg(flag: string, text: string): Pence {
  const p = parseAmountInput(text);
  if (p === null) throw new CliInputError(`--${flag} ${text}: expected an amount in pounds with at most two decimals, e.g. 1234.56`);
  return p;
}

function parseDayArg(flag: string, text: string): IsoDate {
  const d = parseDayFirst(text);
  if (d === null) throw new CliInputError(`--${flag} ${text}: expected a date, YYYY-MM-DD or dd/mm/yyyy`);
  return d;
}

function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliInputError(`--out ${dir}: cannot be created (${(e as Error).message})`);
  }
}

export async function paymentsCommand(args: readonly string[], io: PaymentsIo, help: string): Promise<number> {
  const parsed = parseCommand(args, {
    profile: { type: 'string' },
    accounts: { type: 'string' },
    out: { type: 'string' },
    ledger: { type: 'string' },
    settlement: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const path = onePositional(positionals, 'payments needs a file: housing-ledger payments FILE --profile NAME --accounts WORKBOOK.xlsx --out DIR');
  const need = (k: string): string => needOption(values, 'payments', k);
  const profileArg = need('profile');
  const profile = loadProfile(profileArg);
  const accounts = need('accounts');
  const outDir = need('out');
  const ledgerPath = values.ledger as string | undefined;
  const configPath = values.config as string | undefined;
  const settlement = values.settlement !== undefined ? parseMoneyArg('settlement', values.settlement as string) : null;
  const outputs = { postings: join(outDir, 'postings.csv'), suspense: join(outDir, 'suspense.csv'), summary: join(outDir, 'summary.csv') };
  guardPaths([
    runPath('the payment file', path, 'input'),
    runPath('--accounts', accounts, 'input'),
    SHIPPED_PROFILES.has(profileArg) ? null : runPath('--profile', profileArg, 'input'),
    configPath !== undefined ? runPath('--config', configPath, 'config') : null,
    ledgerPath !== undefined ? runPath('--ledger', ledgerPath, 'ledger') : null,
    ...Object.values(outputs).map((o) => runPath('--out', o, 'output')),
  ]);
  const config = loadConfig(configPath);
  const { text, encoding } = readText(path, 'payment-file');
  // Outputs an earlier run was killed while writing are finished first, before the ledger is read.
  for (const said of recoverInterrupted(outDir)) io.err(`housing-ledger: ${outDir}: ${said}`);
  // The ledger is read, checked and written under its lock: a second run at once waits, or exits 2.
  const lock = ledgerPath !== undefined ? await lockLedger(ledgerPath, io.err) : null;
  let imp: Awaited<ReturnType<typeof importPaymentFile>>;
  try {
    const ledger = memoryLedgerPort(loadLedger(ledgerPath));
    const accountsFile = basename(accounts);
    const roll = paymentRoll(accountsFile, await readUserSheets(await openWorkbook(accounts)), config);
    if (!roll.ok) throw new CliInputError(`${accountsFile}: ${roll.summary}${roll.problems.length > 0 ? '; nothing was imported or written' : ''}`, roll.problems);
    const file = basename(path);
    imp = await importPaymentFile({ text, fileName: file, profile, settlement }, roll.roll, ledger, io.now().toISOString(), config);
    if (!imp.ok) throw new CliInputError(`${file}: ${imp.summary}; nothing was imported or written`, imp.problems);
    const marker = guardOutFolder(outDir, { command: 'payments', key: imp.run.hash, label: file, names: ['postings.csv', 'suspense.csv', 'summary.csv'], at: io.now().toISOString() }, values.force === true, io.err);
    ensureDir(outDir);
    const files: FileToWrite[] = [
      { path: outputs.postings, data: imp.outputs.postings },
      { path: outputs.suspense, data: imp.outputs.suspense },
      { path: outputs.summary, data: imp.outputs.summary },
      marker,
    ];
    if (ledgerPath !== undefined) {
      await ledger.recordImport(imp.entry);
      files.push({ path: ledgerPath, data: `${JSON.stringify(ledgerToJson(ledger.ledger()), null, 1)}\n` });
    }
    // One set, the ledger renamed last: once it holds the file a re-run is refused, so the outputs
    // exist first; a failure anywhere leaves every file, the ledger too, as it was.
    writeAll(files);
  } finally {
    lock?.release();
  }
  const file = basename(path);
  const { run } = imp;
  const a = run.allocation;
  if (values.json) io.out(JSON.stringify(paymentsJson(imp, { outputs, ledger: ledgerPath ?? null })));
  else {
    const control = paymentControl(run);
    const controlText =
      control.kind === 'trailer'
        ? `trailer agreed (${run.read.trailer?.count ?? '?'} lines, ${run.read.trailer?.total != null ? formatGBP(run.read.trailer.total) : '?'})`
        : control.kind === 'balance'
          ? `running balance agreed (${formatGBP(run.read.balance?.opening ?? (0 as Pence))} to ${formatGBP(run.read.balance?.closing ?? (0 as Pence))})`
          : 'no trailer or balance';
    io.out(`${file} (${profile.name}, ${profile.channel}): ${run.read.lines.length} payment(s), ${formatGBP(run.read.total)}; ${controlText}${settlement !== null ? `; settlement ${formatGBP(settlement)} agreed` : ''}${run.read.skipped ? `; ${run.read.skipped} line(s) skipped` : ''}`);
    io.out(`  read as ${describeEncoding(encoding)}`);
    io.out(`  allocated ${a.allocated.length} (${formatGBP(imp.allocatedTotal)}; ${a.allocated.filter((x) => x.how === 'repaired').length} by a safe repair), suspense ${a.suspense.length} (${formatGBP(imp.suspenseTotal)})`);
    for (const b of a.batches) io.out(`  batch ${b.batchRef} ${b.date} ${b.channel}: ${b.count} line(s), ${formatGBP(b.total)} = ${formatGBP(b.allocated)} posted + ${formatGBP(b.suspense)} suspense`);
    for (const s of a.suspense) io.out(`  suspense ${s.itemRef} ${formatGBP(s.line.amount)}: ${s.reason}`);
    io.out(`Written: ${outputs.postings}, ${outputs.suspense}, ${outputs.summary}${ledgerPath !== undefined ? `; ledger ${ledgerPath} updated` : ''}`);
    for (const i of run.issues) io.out(`  note: ${describePaymentIssue(i)}`);
  }
  return 0;
}

export async function balanceCashCommand(args: readonly string[], io: PaymentsIo, help: string): Promise<number> {
  const parsed = parseCommand(args, {
    statement: { type: 'string' },
    'statement-profile': { type: 'string' },
    ledger: { type: 'string' },
    'as-of': { type: 'string' },
    from: { type: 'string' },
    carried: { type: 'string' },
    channels: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  noPositionals(positionals);
  const need = (k: string): string => needOption(values, 'balance-cash', k);
  const statementPath = need('statement');
  const ledgerPath = need('ledger');
  const asOf = parseDayArg('as-of', need('as-of'));
  const outDir = need('out');
  const configPath = values.config as string | undefined;
  const profileArg = (values['statement-profile'] as string | undefined) ?? DEFAULT_STATEMENT_PROFILE;
  const carriedPath = values.carried as string | undefined;
  const outputs = { csv: join(outDir, 'cash-balance.csv'), xlsx: join(outDir, 'cash-balance.xlsx'), openItems: join(outDir, 'open-items.json') };
  guardPaths([
    runPath('--statement', statementPath, 'input'),
    runPath('--ledger', ledgerPath, 'input'),
    carriedPath !== undefined ? runPath('--carried', carriedPath, 'input') : null,
    SHIPPED_PROFILES.has(profileArg) ? null : runPath('--statement-profile', profileArg, 'input'),
    configPath !== undefined ? runPath('--config', configPath, 'config') : null,
    ...Object.values(outputs).map((o) => runPath('--out', o, 'output')),
  ]);
  if (!existsSync(ledgerPath)) throw new CliInputError(`${ledgerPath}: no such file (the import ledger written by housing-ledger payments --ledger)`);
  const ledger = loadLedger(ledgerPath);
  const config = loadConfig(configPath);
  const channelsText = values.channels as string | undefined;
  const channels = channelsText !== undefined ? parseChannelList(channelsText) : null;
  if (channelsText !== undefined && channels === null) throw new CliInputError(`--channels ${channelsText}: expected receipt channels separated by commas (${RECEIPT_CATEGORIES.join(', ')})`);
  const profile = loadProfile(profileArg);
  let carried: { asOf: IsoDate; items: OpenItem[] } | null = null;
  if (carriedPath !== undefined) {
    const parsed = openItemsFromJson(readJsonFile(carriedPath, 'open-items'));
    if (!parsed.ok) throw new CliInputError(`${carriedPath}: not an open-items file written by balance-cash`, parsed.problems);
    carried = { asOf: parsed.asOf, items: parsed.items };
  }
  const file = basename(statementPath);
  const from = values.from !== undefined ? parseDayArg('from', values.from as string) : null;
  const { text: statementText, encoding: statementEncoding } = readText(statementPath, 'statement');
  const run = runCashBalance({ statement: { text: statementText, file }, profile, ledger: ledger.entries, asOf, from, carried, channels, config });
  if (!run.ok) {
    if (run.issues.length === 0) throw new CliInputError(`--as-of ${asOf}: ${run.summary}`);
    throw new CliInputError(`${file}: ${run.summary}; nothing was balanced or written`, run.problems);
  }
  // The same statement balanced as of the same day (and from the same start) is the same run.
  const key = fileHash(`${asOf}|${from ?? ''}|${carriedPath !== undefined ? readFileSync(carriedPath, 'utf8') : ''}|${statementText}`);
  const marker = guardOutFolder(outDir, { command: 'balance-cash', key, label: `${file} as of ${asOf}`, names: ['cash-balance.csv', 'cash-balance.xlsx', 'open-items.json'], at: io.now().toISOString() }, values.force === true, io.err);
  const { result, differences } = run;
  ensureDir(outDir);
  const wb = XlsxWorkbook.empty();
  await wb.writeSheets([run.sheet]);
  writeAll([
    { path: outputs.csv, data: run.csv },
    { path: outputs.xlsx, data: Buffer.from(await wb.toBuffer()) },
    { path: outputs.openItems, data: `${JSON.stringify(run.openItems, null, 1)}\n` },
    marker,
  ]);
  if (values.json) io.out(JSON.stringify(cashBalanceJson(run, outputs)));
  else {
    io.out(`Cash balancing as of ${asOf} (receipts from ${run.from}): posted ${formatGBP(result.totals.receipts)}, credited ${formatGBP(result.totals.credited)}, difference ${formatGBP(result.totals.difference)}`);
    io.out(`  ${file} read as ${describeEncoding(statementEncoding)}`);
    io.out(`  ${result.rows.length - differences.length} day(s) agreed or cleared, ${differences.length} with a difference:`);
    for (const r of differences) io.out(`  ${r.status.padEnd(10)} ${r.channel.padEnd(6)} ${r.date} posted ${formatGBP(r.receipts)} credited ${formatGBP(r.credited)} difference ${formatGBP(r.difference)} (${r.ageDays} day(s) old)${r.broughtForward ? ', brought forward' : ''}`);
    io.out(`Written: ${outputs.csv}, ${outputs.xlsx}, ${outputs.openItems} (carry it forward with --carried)`);
  }
  return 0;
}
