/**
 * housing-ledger payments and balance-cash: payment files in, postings, suspense and a daily summary
 * out; receipts posted against the bank statement's credits. Everything is checked before anything
 * is written, and every file is written beside its destination then renamed into place.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from './args';
import { RECEIPT_CATEGORIES, type Category } from '../engine/categories';
import { DEFAULT_CONFIG } from '../engine/config';
import { parseDayFirst, addDays, type IsoDate } from '../engine/dates';
import { describeIssue } from '../engine/messages';
import { formatGBP, formatPence, parsePence, type Pence } from '../engine/money';
import { RollIndex, DEFAULT_ALLOCATION, type AllocationConfig } from '../engine/payments/allocate-payments';
import { balanceCash, cashBalanceConfigSchema, cashBalanceSheet, openItemsFromJson, openItemsToJson, receiptDays, type BankCredit, type CashBalanceConfig, type OpenItem } from '../engine/payments/cash-balance';
import { appendToLedger, EMPTY_LEDGER, ledgerFromJson, ledgerToJson, type ImportLedger } from '../engine/payments/import-ledger';
import { describePaymentIssue } from '../engine/payments/payment-issues';
import { DEFAULT_POSTINGS, postingsConfigSchema, postingsCsv, summaryCsv, suspenseCsv, type PostingsConfig } from '../engine/payments/payment-outputs';
import { processPaymentFile } from '../engine/payments/process-payment-file';
import { parseProfile, SHIPPED_PROFILES, type ImportProfile } from '../engine/payments/profile';
import { checkControls, hasPaymentErrors, readPaymentFile } from '../engine/payments/read-payment-file';
import { readRentRollOnly } from '../engine/sources/read-sources';
import { csvText } from '../engine/suspense/clearance-journal';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { CliInputError } from './errors';
import { readUserSheets } from '../workbook/user-sheets';
import { openWorkbook, readJsonFile } from './workbook-io';

export interface PaymentsIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const PAYMENTS_HELP = `  housing-ledger payments FILE --profile NAME|PROFILE.json --accounts WORKBOOK.xlsx --out DIR
                           [--ledger LEDGER.json] [--settlement AMOUNT] [--config PAYMENTS.json] [--json]
  housing-ledger balance-cash --statement STATEMENT.csv --ledger LEDGER.json --as-of YYYY-MM-DD --out DIR
                           [--statement-profile NAME|PROFILE.json] [--carried OPEN.json] [--from YYYY-MM-DD]
                           [--channels ALLPAY,CASH,...] [--config CASH.json] [--json]`;

export const PAYMENTS_HELP_TEXT = `payments         imports a daily payment file (profiles: ${[...SHIPPED_PROFILES.keys()].join(', ')}, or a
                 profile JSON file): checks its trailer / running balance / --settlement, refuses a file
                 or a payment the --ledger already holds, allocates each line to a rent account of the
                 --accounts workbook's rent roll, and writes DIR/postings.csv, DIR/suspense.csv and
                 DIR/summary.csv; the ledger gets the file's entry last. A refused file writes nothing.
balance-cash     balances the receipts the --ledger posted per channel per day against the credits of
                 a bank statement (default profile lloyds) as of a day, to the penny: settlements
                 (Allpay, cash office, card) day by day within a lag, bank transfers line by line;
                 writes DIR/cash-balance.csv, DIR/cash-balance.xlsx (sheet HL Cash balancing) and
                 DIR/open-items.json (pass it as --carried next time: differences carried forward).`;

function loadProfile(nameOrPath: string): ImportProfile {
  const shipped = SHIPPED_PROFILES.get(nameOrPath);
  if (shipped) return shipped;
  if (!existsSync(nameOrPath)) throw new CliInputError(`--profile ${nameOrPath}: not a shipped profile (${[...SHIPPED_PROFILES.keys()].join(', ')}) nor a profile JSON file`);
  const parsed = parseProfile(readJsonFile(nameOrPath));
  if (!parsed.ok) throw new CliInputError(`${nameOrPath}: the profile is not valid`, parsed.problems);
  return parsed.profile;
}

function readText(path: string): string {
  if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliInputError(`${path}: cannot be read (${(e as Error).message})`);
  }
}

function loadLedger(path: string | undefined): ImportLedger {
  if (path === undefined || !existsSync(path)) return EMPTY_LEDGER;
  const parsed = ledgerFromJson(readJsonFile(path));
  if (!parsed.ok) throw new CliInputError(`${path}: not an import ledger written by housing-ledger`, parsed.problems);
  return parsed.ledger;
}

async function loadRoll(path: string): Promise<RollIndex> {
  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const file = basename(path);
  // Only the rent roll is read: the workbook may hold a month of postings this command does not need.
  const found = readRentRollOnly(file, sheets, DEFAULT_CONFIG);
  if (!found) throw new CliInputError(`${file}: no sheet looks like a rent roll (Account Ref, Start Date, End Date, Weekly Charge, Opening Balance, Closing Balance)`);
  const { sheet: roll, issues } = found;
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new CliInputError(`${file}: ${errors.length} problem(s) in the rent roll; nothing was imported or written`, firstProblems(errors.map(describeIssue)));
  return new RollIndex(roll.records);
}

function parseMoneyArg(flag: string, text: string): Pence {
  const p = parsePence(text.replace(/^£/, '').replace(/,/g, ''));
  if (p === null) throw new CliInputError(`--${flag} ${text}: expected an amount in pounds with at most two decimals, e.g. 1234.56`);
  return p;
}

function parseDayArg(flag: string, text: string): IsoDate {
  const d = parseDayFirst(text);
  if (d === null) throw new CliInputError(`--${flag} ${text}: expected a date, YYYY-MM-DD or dd/mm/yyyy`);
  return d;
}

/**
 * Writes every file beside its destination first, and renames them into place only when all are
 * written: a failure leaves none of them half-written.
 */
function writeAll(files: readonly { path: string; data: string | Buffer }[]): void {
  const tmps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const tmp = join(resolve(f.path, '..'), `.${basename(f.path)}.${process.pid}.tmp`);
      writeFileSync(tmp, f.data);
      tmps.push({ tmp, path: f.path });
    }
    for (const t of tmps) renameSync(t.tmp, t.path);
  } catch (e) {
    for (const t of tmps) if (existsSync(t.tmp)) unlinkSync(t.tmp);
    throw new CliInputError(`cannot write the outputs (${(e as Error).message})`);
  }
}

/** A broken file can have thousands of bad lines: the first 50 say enough. */
const MAX_LISTED = 50;
function firstProblems(lines: readonly string[]): string[] {
  return lines.length <= MAX_LISTED ? [...lines] : [...lines.slice(0, MAX_LISTED), `... and ${lines.length - MAX_LISTED} more`];
}

function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliInputError(`--out ${dir}: cannot be created (${(e as Error).message})`);
  }
}

function loadPaymentsConfig(path: string | undefined): { postings: PostingsConfig; allocation: AllocationConfig } {
  if (path === undefined) return { postings: DEFAULT_POSTINGS, allocation: DEFAULT_ALLOCATION };
  const json = readJsonFile(path) as { postings?: unknown; endedTenancies?: unknown } | null;
  const postings = postingsConfigSchema.safeParse(json?.postings ?? {});
  const problems = postings.success ? [] : postings.error.issues.map((i) => `postings.${i.path.join('.')}: ${i.message}`);
  const ended = json?.endedTenancies ?? 'suspense';
  if (ended !== 'suspense' && ended !== 'post') problems.push(`endedTenancies: expected "suspense" or "post"`);
  if (!postings.success || problems.length > 0) throw new CliInputError(`${path}: the payments config is not valid`, problems);
  return { postings: postings.data, allocation: { ...DEFAULT_ALLOCATION, endedTenancies: ended as 'suspense' | 'post' } };
}

export async function paymentsCommand(args: readonly string[], io: PaymentsIo, help: string): Promise<number> {
  const { values, positionals } = parse(args, {
    profile: { type: 'string' },
    accounts: { type: 'string' },
    out: { type: 'string' },
    ledger: { type: 'string' },
    settlement: { type: 'string' },
    config: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.out(help);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined) throw new CliInputError('payments needs a file: housing-ledger payments FILE --profile NAME --accounts WORKBOOK.xlsx --out DIR');
  if (positionals.length > 1) throw new CliInputError(`unexpected argument '${positionals[1] ?? ''}'`);
  const need = (k: string): string => {
    const v = values[k];
    if (typeof v !== 'string') throw new CliInputError(`payments needs --${k}; try --help`);
    return v;
  };
  const profile = loadProfile(need('profile'));
  const accounts = need('accounts');
  const outDir = need('out');
  const ledgerPath = values.ledger as string | undefined;
  const settlement = values.settlement !== undefined ? parseMoneyArg('settlement', values.settlement as string) : null;
  const config = loadPaymentsConfig(values.config as string | undefined);
  const text = readText(path);
  const ledger = loadLedger(ledgerPath);
  const roll = await loadRoll(accounts);
  const file = basename(path);
  const run = processPaymentFile({ text, fileName: file, profile, settlement, importedAt: io.now().toISOString() }, roll, ledger, config.allocation);
  if (!run.ok) {
    const errors = run.issues.filter((i) => i.severity === 'error');
    throw new CliInputError(`${file}: refused (${errors.length} problem(s)); nothing was imported or written`, firstProblems(errors.map(describePaymentIssue)));
  }
  const a = run.allocation;
  ensureDir(outDir);
  const outputs = { postings: join(outDir, 'postings.csv'), suspense: join(outDir, 'suspense.csv'), summary: join(outDir, 'summary.csv') };
  writeAll([
    { path: outputs.postings, data: postingsCsv(a, config.postings) },
    { path: outputs.suspense, data: suspenseCsv(a, file) },
    { path: outputs.summary, data: summaryCsv(a, file) },
  ]);
  // The ledger last: once it holds the file, a re-run is refused, so the outputs must exist first.
  if (ledgerPath !== undefined) writeAll([{ path: ledgerPath, data: `${JSON.stringify(ledgerToJson(appendToLedger(ledger, run.entry)), null, 1)}\n` }]);

  const allocatedTotal = a.batches.reduce((s, b) => s + b.allocated, 0) as Pence;
  const suspenseTotal = a.batches.reduce((s, b) => s + b.suspense, 0) as Pence;
  const control = run.read.trailer
    ? { kind: 'trailer', count: run.read.trailer.count, total: run.read.trailer.total === null ? null : formatPence(run.read.trailer.total) }
    : run.read.balance
      ? { kind: 'balance', opening: formatPence(run.read.balance.opening), closing: formatPence(run.read.balance.closing) }
      : { kind: 'none' };
  if (values.json) {
    io.out(
      JSON.stringify({
        file,
        profile: profile.name,
        channel: profile.channel,
        fileHash: run.hash,
        count: run.read.lines.length,
        total: formatPence(run.read.total),
        skipped: run.read.skipped,
        control: { ...control, settlement: settlement === null ? null : formatPence(settlement), agreed: true },
        allocated: { count: a.allocated.length, total: formatPence(allocatedTotal), exact: a.allocated.filter((x) => x.how === 'exact').length, repaired: a.allocated.filter((x) => x.how === 'repaired').length },
        suspense: { count: a.suspense.length, total: formatPence(suspenseTotal) },
        batches: a.batches.map((b) => ({ batchRef: b.batchRef, date: b.date, channel: b.channel, count: b.count, total: formatPence(b.total), allocated: formatPence(b.allocated), suspense: formatPence(b.suspense) })),
        suspenseItems: a.suspense.map((s) => ({ item: s.itemRef, line: s.line.line, date: s.line.date, amount: formatPence(s.line.amount), reference: s.line.reference, reason: s.reason })),
        repairs: a.allocated.filter((x) => x.how === 'repaired').map((x) => ({ line: x.line.line, reference: x.line.reference, account: x.account, reason: x.reason })),
        outputs,
        ledger: ledgerPath ?? null,
        issues: run.issues.map(describePaymentIssue),
      }),
    );
  } else {
    const controlText =
      control.kind === 'trailer'
        ? `trailer agreed (${run.read.trailer?.count ?? '?'} lines, ${run.read.trailer?.total != null ? formatGBP(run.read.trailer.total) : '?'})`
        : control.kind === 'balance'
          ? `running balance agreed (${formatGBP(run.read.balance?.opening ?? (0 as Pence))} to ${formatGBP(run.read.balance?.closing ?? (0 as Pence))})`
          : 'no trailer or balance';
    io.out(`${file} (${profile.name}, ${profile.channel}): ${run.read.lines.length} payment(s), ${formatGBP(run.read.total)}; ${controlText}${settlement !== null ? `; settlement ${formatGBP(settlement)} agreed` : ''}${run.read.skipped ? `; ${run.read.skipped} line(s) skipped` : ''}`);
    io.out(`  allocated ${a.allocated.length} (${formatGBP(allocatedTotal)}; ${a.allocated.filter((x) => x.how === 'repaired').length} by a safe repair), suspense ${a.suspense.length} (${formatGBP(suspenseTotal)})`);
    for (const b of a.batches) io.out(`  batch ${b.batchRef} ${b.date} ${b.channel}: ${b.count} line(s), ${formatGBP(b.total)} = ${formatGBP(b.allocated)} posted + ${formatGBP(b.suspense)} suspense`);
    for (const s of a.suspense) io.out(`  suspense ${s.itemRef} ${formatGBP(s.line.amount)}: ${s.reason}`);
    io.out(`Written: ${outputs.postings}, ${outputs.suspense}, ${outputs.summary}${ledgerPath !== undefined ? `; ledger ${ledgerPath} updated` : ''}`);
    for (const i of run.issues) io.out(`  note: ${describePaymentIssue(i)}`);
  }
  return 0;
}

function parseChannels(text: string): Category[] {
  const list = text.split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  const bad = list.filter((c) => !RECEIPT_CATEGORIES.includes(c as Category));
  if (bad.length > 0 || list.length === 0) throw new CliInputError(`--channels ${text}: expected receipt channels separated by commas (${RECEIPT_CATEGORIES.join(', ')})`);
  return list as Category[];
}

function loadCashConfig(path: string | undefined): CashBalanceConfig {
  const parsed = cashBalanceConfigSchema.safeParse(path === undefined ? {} : readJsonFile(path));
  if (!parsed.success) throw new CliInputError(`${path ?? '(config)'}: the cash balancing config is not valid`, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

export async function balanceCashCommand(args: readonly string[], io: PaymentsIo, help: string): Promise<number> {
  const { values, positionals } = parse(args, {
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
  });
  if (values.help) {
    io.out(help);
    return 0;
  }
  if (positionals.length > 0) throw new CliInputError(`unexpected argument '${positionals[0] ?? ''}'`);
  const need = (k: string): string => {
    const v = values[k];
    if (typeof v !== 'string') throw new CliInputError(`balance-cash needs --${k}; try --help`);
    return v;
  };
  const statementPath = need('statement');
  const ledgerPath = need('ledger');
  const asOf = parseDayArg('as-of', need('as-of'));
  const outDir = need('out');
  if (!existsSync(ledgerPath)) throw new CliInputError(`${ledgerPath}: no such file (the import ledger written by housing-ledger payments --ledger)`);
  const ledger = loadLedger(ledgerPath);
  const loaded = loadCashConfig(values.config as string | undefined);
  const channels = values.channels !== undefined ? parseChannels(values.channels as string) : loaded.channels;
  const config: CashBalanceConfig = { ...loaded, channels };
  // Every credit counts here, settlements included: the profile's skip rules are for importing payments.
  const profile: ImportProfile = { ...loadProfile((values['statement-profile'] as string | undefined) ?? 'lloyds'), skip: [] };
  let carried: OpenItem[] = [];
  let lastAsOf: IsoDate | null = null;
  if (values.carried !== undefined) {
    const parsed = openItemsFromJson(readJsonFile(values.carried as string));
    if (!parsed.ok) throw new CliInputError(`${values.carried as string}: not an open-items file written by balance-cash`, parsed.problems);
    carried = parsed.items;
    lastAsOf = parsed.asOf;
    if (lastAsOf >= asOf) throw new CliInputError(`--as-of ${asOf}: the carried items are as of ${lastAsOf}; balance a later day`);
  }
  const file = basename(statementPath);
  const read = readPaymentFile(readText(statementPath), profile, file);
  const issues = [...read.issues, ...(hasPaymentErrors(read.issues) ? [] : checkControls(read, { ...profile, control: profile.control === 'settlement' ? 'balance' : profile.control }, null))];
  if (hasPaymentErrors(issues)) throw new CliInputError(`${file}: the statement is refused; nothing was balanced or written`, firstProblems(issues.filter((i) => i.severity === 'error').map(describePaymentIssue)));
  // After a balancing carried forward, this one covers what came after it: receipts and credits.
  const credits: BankCredit[] = read.lines
    .filter((l) => lastAsOf === null || l.date > lastAsOf)
    .map((l) => ({ date: l.date, amount: l.amount, text: l.narrative, source: `${file} line ${l.line}` }));
  const maxLag = Math.max(0, ...config.settlements.map((s) => s.lagDays));
  const firstCredit = credits.reduce<IsoDate | null>((m, c) => (m === null || c.date < m ? c.date : m), null);
  const from = values.from !== undefined ? parseDayArg('from', values.from as string) : lastAsOf !== null ? addDays(lastAsOf, 1) : addDays(firstCredit ?? asOf, -maxLag);
  const batches = ledger.entries.flatMap((e) => e.batches).filter((b) => b.date >= from && b.date <= asOf);
  const result = balanceCash(receiptDays(batches), credits.filter((c) => c.date <= asOf), carried, asOf, config);

  ensureDir(outDir);
  const csvPath = join(outDir, 'cash-balance.csv');
  const xlsxPath = join(outDir, 'cash-balance.xlsx');
  const openPath = join(outDir, 'open-items.json');
  const header = 'Channel,Date,Batch Refs,Receipts Posted,Credited,Difference,Status,Credit Date,Credit,Age (days),Brought Forward';
  const lines = result.rows.map((r) =>
    [r.channel, r.date.split('-').reverse().join('/'), csvText(r.batchRefs.join(' ')), formatPence(r.receipts), formatPence(r.credited), formatPence(r.difference), r.status, r.creditDate ? r.creditDate.split('-').reverse().join('/') : '', csvText(r.creditText), String(r.ageDays), r.broughtForward ? 'yes' : ''].join(','),
  );
  const wb = XlsxWorkbook.empty();
  await wb.writeSheets([cashBalanceSheet(result)]);
  writeAll([
    { path: csvPath, data: `${[header, ...lines].join('\r\n')}\r\n` },
    { path: xlsxPath, data: Buffer.from(await wb.toBuffer()) },
    { path: openPath, data: `${JSON.stringify(openItemsToJson(result), null, 1)}\n` },
  ]);
  const differences = result.rows.filter((r) => r.status !== 'agreed' && r.status !== 'cleared');
  if (values.json) {
    io.out(
      JSON.stringify({
        asOf,
        from,
        statement: file,
        totals: { receipts: formatPence(result.totals.receipts), credited: formatPence(result.totals.credited), difference: formatPence(result.totals.difference) },
        rows: result.rows.map((r) => ({ ...r, receipts: formatPence(r.receipts), credited: formatPence(r.credited), difference: formatPence(r.difference) })),
        open: result.open.map((o) => ({ ...o, amount: formatPence(o.amount) })),
        outputs: { csv: csvPath, xlsx: xlsxPath, openItems: openPath },
      }),
    );
  } else {
    io.out(`Cash balancing as of ${asOf} (receipts from ${from}): posted ${formatGBP(result.totals.receipts)}, credited ${formatGBP(result.totals.credited)}, difference ${formatGBP(result.totals.difference)}`);
    io.out(`  ${result.rows.length - differences.length} day(s) agreed or cleared, ${differences.length} with a difference:`);
    for (const r of differences) io.out(`  ${r.status.padEnd(10)} ${r.channel.padEnd(6)} ${r.date} posted ${formatGBP(r.receipts)} credited ${formatGBP(r.credited)} difference ${formatGBP(r.difference)} (${r.ageDays} day(s) old)${r.broughtForward ? ', brought forward' : ''}`);
    io.out(`Written: ${csvPath}, ${xlsxPath}, ${openPath} (carry it forward with --carried)`);
  }
  return 0;
}
