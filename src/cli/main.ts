/**
 * housing-ledger: the command line over the xlsx adapter and the same engine calls as the task pane.
 * Exit 0 on success (also when the reconciliation does not balance), 2 on bad input with located
 * messages on stderr, 1 on an internal fault.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { buildAuditPack } from '../engine/audit-pack';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../engine/config';
import { formatUkDate, monthPeriod, parseDayFirst, type IsoDate } from '../engine/dates';
import { describeIssue } from '../engine/messages';
import { reconcileToJson } from '../engine/reconcile/to-json';
import { runReconciliation, summariseSources } from '../engine/run-reconciliation';
import { readSources } from '../engine/sources/read-sources';
import { matchSuspense } from '../engine/suspense/match-suspense';
import { autoDecisions, clearanceJournal, journalCsv, journalSheet } from '../engine/suspense/clearance-journal';
import { buildSuspenseSheets, suspenseToJson } from '../engine/suspense/suspense-output';
import { ageingCsv, ageingSheet, suspenseAgeing } from '../engine/suspense/suspense-ageing';
import { formatGBP } from '../engine/money';
import { PRODUCT_VERSION } from '../version';
import { parse } from './args';
import { CliInputError } from './errors';
import { formatSummary } from './format-summary';
import { bankCheckCommand, DD_HELP, DD_HELP_TEXT, ddCommand } from './dd-cli';
import { FACTORING_HELP, FACTORING_HELP_TEXT, factoringCommand } from './factoring-cli';
import { ACTIONS_HELP, ACTIONS_HELP_TEXT, actionsCommand, refundsCommand } from './actions-cli';
import { balanceCashCommand, PAYMENTS_HELP, PAYMENTS_HELP_TEXT, paymentsCommand } from './payments-cli';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { readUserSheets } from '../workbook/user-sheets';
import { openWorkbook, readJsonFile, saveWorkbook, writeTextFile } from './workbook-io';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The clock, passed in so tests can fix it. */
  readonly now: () => Date;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  now: () => new Date(),
};

export const HELP = `housing-ledger ${PRODUCT_VERSION}: rent reconciliation and suspense clearing for UK social landlords

Usage:
  housing-ledger reconcile WORKBOOK.xlsx --period YYYY-MM [--config F.json] [--out AUDIT.xlsx] [--json]
                           [--prepared-by NAME] [--with-inputs]
  housing-ledger match-suspense WORKBOOK.xlsx [--config F.json] [--out F.xlsx] [--csv JOURNAL.csv] [--json]
                           [--ageing AGEING.csv] [--as-of YYYY-MM-DD]
${PAYMENTS_HELP}
${DD_HELP}
${FACTORING_HELP}
${ACTIONS_HELP}
  housing-ledger demo [--out AUDIT.xlsx]
  housing-ledger --help | --version

reconcile        reconciles the rent roll and the housing system's postings to the GL control
                 account for one month; --out writes the audit workbook: the HL sheets in a new
                 workbook (with a copy of the input sheets given --with-inputs), or added to an
                 existing --out file, replacing only the HL sheets written before.
match-suspense   ranks candidate accounts for each suspense item and decides auto/review/none;
                 --out writes the matches, the clearance journal and the ageing, --csv the
                 journal for import, --ageing the days each item has been held as of --as-of
                 (default today), items past the config's suspenseAgeLimitDays flagged.
${PAYMENTS_HELP_TEXT}
${DD_HELP_TEXT}
${FACTORING_HELP_TEXT}
${ACTIONS_HELP_TEXT}
demo             reconciles the sample workbook in assets/ and writes out/sample-audit.xlsx.

--json prints exactly one JSON object on stdout; money is a decimal string ("-1234.50").
Exit codes: 0 success (also when not balanced), 2 bad input (message on stderr), 1 internal fault.
The workbook layout, config keys and JSON fields are described in README.md.`;

/** Runs one command; returns the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(PRODUCT_VERSION);
      return 0;
    }
    switch (command) {
      case 'reconcile':
        return await reconcileCommand(rest, io);
      case 'match-suspense':
        return await matchSuspenseCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case 'payments':
        return await paymentsCommand(rest, io, HELP);
      case 'balance-cash':
        return await balanceCashCommand(rest, io, HELP);
      case 'bank-check':
        return await bankCheckCommand(rest, io, HELP);
      case 'dd':
        return await ddCommand(rest, io, HELP);
      case 'factoring':
        return await factoringCommand(rest, io, HELP);
      case 'actions':
        return await actionsCommand(rest, io, HELP);
      case 'refunds':
        return await refundsCommand(rest, io, HELP);
      default:
        throw new CliInputError(`unknown command '${command}'; try --help`);
    }
  } catch (e) {
    if (e instanceof CliInputError) {
      io.err(`housing-ledger: ${e.message}`);
      for (const l of e.lines) io.err(`  ${l}`);
      return 2;
    }
    io.err(`housing-ledger: internal error: ${(e as Error).message ?? String(e)}`);
    if (process.env.HL_DEBUG) io.err((e as Error).stack ?? '');
    return 1;
  }
}

function loadConfig(path: string | undefined): LedgerConfig {
  if (path === undefined) return DEFAULT_CONFIG;
  const parsed = parseConfig(readJsonFile(path));
  if (!parsed.ok) throw new CliInputError(`${path}: the config is not valid`, parsed.problems);
  return parsed.config;
}

function isoDay(d: Date): IsoDate {
  return d.toISOString().slice(0, 10) as IsoDate;
}

function checkOut(out: string, input: string): void {
  if (resolve(out) === resolve(input)) throw new CliInputError(`--out ${out} is the input workbook; the input is never changed, choose another file`);
  if (!out.toLowerCase().endsWith('.xlsx')) throw new CliInputError(`--out ${out}: the audit workbook must be an .xlsx file`);
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

async function reconcileCommand(args: readonly string[], io: Io, fixed?: { workbook: string; period: string; config: LedgerConfig }): Promise<number> {
  const { values, positionals } = parse(args, {
    period: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'prepared-by': { type: 'string' },
    'with-inputs': { type: 'boolean' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const path = fixed?.workbook ?? positionals[0];
  if (path === undefined) throw new CliInputError('reconcile needs a workbook: housing-ledger reconcile WORKBOOK.xlsx --period YYYY-MM');
  if (positionals.length > (fixed ? 0 : 1)) throw new CliInputError(`unexpected argument '${positionals[fixed ? 0 : 1] ?? ''}'`);
  const periodText = fixed?.period ?? (values.period as string | undefined);
  if (periodText === undefined) throw new CliInputError('reconcile needs --period YYYY-MM');
  const period = monthPeriod(periodText);
  if (!period) throw new CliInputError(`--period ${periodText}: expected a month as YYYY-MM, e.g. 2026-12`);
  const config = fixed?.config ?? loadConfig(values.config as string | undefined);
  const out = values.out as string | undefined;
  if (out !== undefined) checkOut(out, path);

  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const file = basename(path);
  const outcome = runReconciliation({ file, sheets }, { period: { label: periodText, ...period }, config });
  if (!outcome.ok) {
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    throw new CliInputError(`${file}: ${errors.length} problem(s) in the input; nothing was reconciled or written`, errors.map(describeIssue));
  }
  const { result, sources, issues } = outcome;
  if (out !== undefined) {
    const now = io.now();
    const meta = {
      productVersion: PRODUCT_VERSION,
      runAt: now.toISOString(),
      preparedBy: (values['prepared-by'] as string | undefined) ?? '',
      preparedOn: values['prepared-by'] ? isoDay(now) : null,
      reviewedBy: '',
      reviewedOn: null,
      sources: summariseSources(sources, sheets),
      issues,
    };
    // A new audit workbook holds the HL sheets (the Sources sheet fingerprints each input); a copy of
    // the inputs as well only when asked, since re-writing a large workbook costs time and memory.
    const target = existsSync(out) ? await openWorkbook(out) : values['with-inputs'] ? wb : XlsxWorkbook.empty();
    await target.writeSheets(buildAuditPack(result, config, meta));
    await saveWorkbook(target, out);
  }
  if (values.json) io.out(JSON.stringify(reconcileToJson(result, issues)));
  else {
    io.out(formatSummary(result, sources, issues, config.glControlAccount));
    if (out !== undefined) io.out(`\nAudit workbook written: ${out}`);
  }
  return 0;
}

async function matchSuspenseCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    config: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    json: { type: 'boolean' },
    ageing: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined) throw new CliInputError('match-suspense needs a workbook: housing-ledger match-suspense WORKBOOK.xlsx');
  const config = loadConfig(values.config as string | undefined);
  const out = values.out as string | undefined;
  if (out !== undefined) checkOut(out, path);
  const asOfText = values['as-of'] as string | undefined;
  const asOf = asOfText === undefined ? isoDay(io.now()) : /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? parseDayFirst(asOfText) : null;
  if (asOf === null) throw new CliInputError(`--as-of ${asOfText ?? ''}: expected a date as YYYY-MM-DD, e.g. 2026-12-31`);
  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const file = basename(path);
  const sources = readSources(file, sheets, { ...config, sheets: { ...config.sheets } });
  const errors = sources.issues.filter((i) => i.severity === 'error' && (i.location.sheet === null || [sources.rentRoll, sources.suspense].some((s) => s?.detection.sheet === i.location.sheet)));
  if (!sources.rentRoll || !sources.suspense || errors.length > 0) {
    const missing = [!sources.rentRoll && 'a rent roll sheet', !sources.suspense && 'a suspense items sheet'].filter(Boolean).join(' and ');
    throw new CliInputError(`${file}: ${missing ? `needs ${missing}` : `${errors.length} problem(s) in the input`}; nothing was matched or written`, errors.map(describeIssue));
  }
  // The period's postings, when the workbook has them, give each proposed account's payment history.
  const matches = matchSuspense(sources.suspense.records, sources.rentRoll.records, config.suspenseMatch, sources.transactions?.records ?? []);
  const ageing = suspenseAgeing(sources.suspense.records, asOf, config.suspenseAgeLimitDays, matches);
  // The journal clears what the rules allocated; a person's review decisions join it in the task pane.
  const journal = clearanceJournal(sources.suspense.records, autoDecisions(matches, io.now().toISOString()), config.glSuspenseAccount);
  if (out !== undefined) {
    const target = existsSync(out) ? await openWorkbook(out) : wb;
    await target.writeSheets([...buildSuspenseSheets(matches, sources.suspense.records), journalSheet(journal), ageingSheet(ageing)]);
    await saveWorkbook(target, out);
  }
  const csv = values.csv as string | undefined;
  if (csv !== undefined) writeTextFile(csv, journalCsv(journal));
  const ageingPath = values.ageing as string | undefined;
  if (ageingPath !== undefined) writeTextFile(ageingPath, ageingCsv(ageing));
  if (values.json) io.out(JSON.stringify(suspenseToJson(matches, ageing)));
  else {
    const n = (d: string) => matches.filter((m) => m.decision === d).length;
    io.out(`Suspense items: ${matches.length}; auto ${n('auto')}, review ${n('review')}, none ${n('none')}; the journal clears ${journal.lines.length} item(s), ${formatGBP(journal.total)}`);
    for (const m of matches) {
      const best = m.candidates[0];
      io.out(`  ${m.item.padEnd(10)} ${m.decision.padEnd(6)} ${best ? `${best.account} (${best.score.toFixed(2)}): ${best.reasons[0] ?? ''}` : 'no candidate'}`);
    }
    if (out !== undefined) io.out(`\nWritten: ${out}`);
    io.out(`Ageing as of ${formatUkDate(asOf)}: ${ageing.overLimitCount} item(s), ${formatGBP(ageing.overLimitTotal)}, held longer than ${ageing.limitDays} days`);
    if (!config.suspenseMatch.autoEnabled) io.out('Automatic allocation is off (config suspenseMatch.autoAllocate): every item is for review.');
    if (csv !== undefined) io.out(`Clearance journal CSV: ${csv}`);
    if (ageingPath !== undefined) io.out(`Ageing CSV: ${ageingPath}`);
  }
  return 0;
}

/** The sample month in assets/, reconciled and written to out/sample-audit.xlsx. */
async function demoCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' } });
  const root = findProjectRoot();
  const workbook = resolve(root, 'assets', 'sample-workbook.xlsx');
  const config = loadConfig(resolve(root, 'assets', 'sample-config.json'));
  const out = (values.out as string | undefined) ?? resolve(root, 'out', 'sample-audit.xlsx');
  io.out(`Housing Ledger demo: reconciling ${workbook} for ${SAMPLE_PERIOD}\n`);
  return reconcileCommand(['--out', out, '--prepared-by', 'Demo', '--with-inputs'], io, { workbook, period: SAMPLE_PERIOD, config });
}

export const SAMPLE_PERIOD = '2026-12';

function findProjectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(resolve(dir, 'assets', 'sample-workbook.xlsx'))) return dir;
    dir = dirname(dir);
  }
  throw new CliInputError('the sample workbook assets/sample-workbook.xlsx was not found; run npm run sample');
}
