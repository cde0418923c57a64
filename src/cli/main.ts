/**
 * housing-ledger: the command line over the xlsx adapter and the same engine calls as the task pane.
 * Exit 0 on success (also when the reconciliation does not balance), 2 on bad input with located
 * messages on stderr, 1 on an internal fault.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { LedgerConfig } from '../engine/config';
import { loadConfig } from './config-file';
import { formatUkDate, monthPeriod, parseDayFirst } from '../engine/dates';
import { runMatchSuspense } from '../engine/jobs/match-suspense';
import { monthEndJson, monthEndPack, runMonthEnd } from '../engine/jobs/month-end';
import { formatGBP } from '../engine/money';
import { PRODUCT_VERSION } from '../version';
import { noPositionals, onePositional, parse, parseCommand } from './args';
import { CliInputError } from './errors';
import { formatSummary } from './format-summary';
import { bankCheckCommand, DD_HELP, DD_HELP_TEXT, ddCommand } from './dd-cli';
import { FACTORING_HELP, FACTORING_HELP_TEXT, factoringCommand } from './factoring-cli';
import { ACTIONS_HELP, ACTIONS_HELP_TEXT, actionsCommand, readActionsLog, refundsCommand } from './actions-cli';
import { balanceCashCommand, PAYMENTS_HELP, PAYMENTS_HELP_TEXT, paymentsCommand } from './payments-cli';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { readUserSheets } from '../workbook/user-sheets';
import { openWorkbook, readJsonFile, saveWorkbook, writeAll, type FileToWrite } from './workbook-io';
import { guardPaths, runPath } from './run-guard';
import { chainHead } from '../engine/audit/chain';
import { packSession } from '../engine/signoff/pack-session';
import { signCommand } from './sign-cli';
import { imageOf, verifyCommand, writeSession } from './verify-cli';

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
                           [--prepared-by NAME] [--with-inputs] [--actions ACTIONS.json]
  housing-ledger match-suspense WORKBOOK.xlsx [--config F.json] [--out F.xlsx] [--csv JOURNAL.csv] [--json]
                           [--ageing AGEING.csv] [--as-of YYYY-MM-DD] [--with-inputs]
${PAYMENTS_HELP}
${DD_HELP}
${FACTORING_HELP}
${ACTIONS_HELP}
  housing-ledger demo [--out AUDIT.xlsx]
  housing-ledger verify AUDIT.xlsx [--sources WORKBOOK.xlsx] [--json]
  housing-ledger sign AUDIT.xlsx --as preparer|reviewer --name NAME [--reason TEXT]
  housing-ledger --help | --version

reconcile        reconciles the rent roll and the housing system's postings to the GL control
                 account for one month; --out writes the audit workbook (with the clearance journal
                 and the suspense ageing as of the period end when there is a suspense sheet): the
                 HL sheets in a new workbook (with a copy of the input sheets given --with-inputs),
                 or added to an existing --out file, replacing only the HL sheets written before; --actions adds the
                 HL Account actions sheet for the period (see actions below).
match-suspense   ranks candidate accounts for each suspense item and decides auto/review/none;
                 --out writes the matches, the clearance journal and the ageing (in a new workbook,
                 with a copy of the input sheets given --with-inputs, or added to an existing --out
                 file), --csv the journal for import, --ageing the days each item has been held as
                 of --as-of (default today), items past the config's suspenseAgeLimitDays flagged.
${PAYMENTS_HELP_TEXT}
${DD_HELP_TEXT}
${FACTORING_HELP_TEXT}
verify           re-performs an audit workbook from itself: every cell written, every Summary figure
                 recomputed from the detail sheets, the trail's chain, each sign-off against the content
                 now, and with --sources the inputs' SHA-256. Exit 0 when all holds, 1 with each finding
                 located (sheet and cell), 2 when it is no audit workbook.
sign             signs an audit workbook's session as preparer (first) or reviewer (a different person);
                 a NOT BALANCED reconciliation needs --reason. A typed name is an attestation, not a login.
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
      case 'verify':
        return await verifyCommand(rest, io, HELP);
      case 'sign':
        return await signCommand(rest, io, HELP);
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

function checkOut(out: string, input: string): void {
  if (resolve(out) === resolve(input)) throw new CliInputError(`--out ${out} is the input workbook; the input is never changed, choose another file`);
  if (!out.toLowerCase().endsWith('.xlsx')) throw new CliInputError(`--out ${out}: the audit workbook must be an .xlsx file`);
  const dir = dirname(resolve(out));
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

async function reconcileCommand(args: readonly string[], io: Io, fixed?: { workbook: string; period: string; config: LedgerConfig }): Promise<number> {
  const parsed = parseCommand(args, {
    period: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'prepared-by': { type: 'string' },
    'with-inputs': { type: 'boolean' },
    actions: { type: 'string' },
  }, io, HELP);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (fixed) noPositionals(positionals);
  const path = fixed?.workbook ?? onePositional(positionals, 'reconcile needs a workbook: housing-ledger reconcile WORKBOOK.xlsx --period YYYY-MM');
  const periodText = fixed?.period ?? (values.period as string | undefined);
  if (periodText === undefined) throw new CliInputError('reconcile needs --period YYYY-MM');
  const period = monthPeriod(periodText);
  if (!period) throw new CliInputError(`--period ${periodText}: expected a month as YYYY-MM, e.g. 2026-12`);
  const out = values.out as string | undefined;
  if (out !== undefined) checkOut(out, path);
  guardPaths([runPath('the workbook', path, 'input'), typeof values.config === 'string' ? runPath('--config', values.config, 'config') : null, out !== undefined ? runPath('--out', out, 'output') : null]);
  const config = fixed?.config ?? loadConfig(values.config as string | undefined);

  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const file = basename(path);
  // The suspense matches are needed only for the pack's clearance journal and ageing.
  const run = runMonthEnd({ file, sheets, period: periodText, config, matchSuspense: out !== undefined });
  if (!run.ok) throw new CliInputError(`${file}: ${run.summary}; nothing was reconciled or written`, run.problems);
  if (out !== undefined) {
    const now = io.now().toISOString();
    const preparedBy = values['prepared-by'] as string | undefined;
    // With the config file's JSON, so the pane resumes the pack with the same settings.
    const configJson = typeof values.config === 'string' && !fixed ? (readJsonFile(values.config) as Record<string, unknown>) : undefined;
    const sessionArgs = { savedAt: now, who: preparedBy ?? 'housing-ledger CLI', ...(configJson ? { config: configJson } : {}) };
    // The trail's head once the pack is written goes on the Summary (the event does not depend on the cells).
    const trailHead = chainHead(packSession(run, run.result, sessionArgs).trail);
    const pack = monthEndPack(run, { productVersion: PRODUCT_VERSION, runAt: now, preparer: preparedBy ? { name: preparedBy, at: now } : null, reviewer: null, review: null, trailHead, ...(values.actions !== undefined ? { actions: readActionsLog(values.actions as string) } : {}) });
    // A new audit workbook holds the HL sheets (the Sources sheet fingerprints each input); a copy of
    // the inputs as well only when asked, since re-writing a large workbook costs time and memory.
    const target = existsSync(out) ? await openWorkbook(out) : values['with-inputs'] ? wb : XlsxWorkbook.empty();
    await target.writeSheets(pack.sheets);
    // The session travels inside the pack (issue 11), with an image of what was written for verify.
    await writeSession(target, packSession(run, pack.result, { ...sessionArgs, image: await imageOf(target) }));
    await saveWorkbook(target, out);
  }
  if (values.json) io.out(JSON.stringify(monthEndJson(run)));
  else {
    io.out(formatSummary(run.result, run.sources, run.issues, config.glControlAccount));
    if (out !== undefined) io.out(`\nAudit workbook written: ${out}`);
  }
  return 0;
}

async function matchSuspenseCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {
    config: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    json: { type: 'boolean' },
    ageing: { type: 'string' },
    'as-of': { type: 'string' },
    'with-inputs': { type: 'boolean' },
  }, io, HELP);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const path = positionals[0];
  if (path === undefined) throw new CliInputError('match-suspense needs a workbook: housing-ledger match-suspense WORKBOOK.xlsx');
  const out = values.out as string | undefined;
  if (out !== undefined) checkOut(out, path);
  const csv = values.csv as string | undefined;
  const ageingPath = values.ageing as string | undefined;
  // No output may be the workbook, the config or another output: checked before anything is read or written.
  guardPaths([
    runPath('the workbook', path, 'input'),
    typeof values.config === 'string' ? runPath('--config', values.config, 'config') : null,
    out !== undefined ? runPath('--out', out, 'output') : null,
    csv !== undefined ? runPath('--csv', csv, 'output') : null,
    ageingPath !== undefined ? runPath('--ageing', ageingPath, 'output') : null,
  ]);
  const config = loadConfig(values.config as string | undefined);
  const asOfText = values['as-of'] as string | undefined;
  const asOf = asOfText === undefined ? null : /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? parseDayFirst(asOfText) : null;
  if (asOfText !== undefined && asOf === null) throw new CliInputError(`--as-of ${asOfText}: expected a date as YYYY-MM-DD, e.g. 2026-12-31`);
  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const file = basename(path);
  const run = runMatchSuspense({ file, sheets, config, asOf, now: io.now().toISOString() });
  if (!run.ok) throw new CliInputError(`${file}: ${run.summary}; nothing was matched or written`, run.problems);
  const { matches, ageing, journal, counts } = run;
  // The workbook, the journal and the ageing are one set: all written, or none.
  const files: FileToWrite[] = [];
  if (out !== undefined) {
    // Like reconcile --out: a new workbook of the HL sheets, the inputs copied only when asked.
    const target = existsSync(out) ? await openWorkbook(out) : values['with-inputs'] ? wb : XlsxWorkbook.empty();
    await target.writeSheets(run.sheets);
    files.push({ path: out, data: await target.toBuffer() });
  }
  if (csv !== undefined) files.push({ path: csv, data: run.journalCsv });
  if (ageingPath !== undefined) files.push({ path: ageingPath, data: run.ageingCsv });
  writeAll(files);
  if (values.json) io.out(JSON.stringify(run.json));
  else {
    io.out(`Suspense items: ${matches.length}; auto ${counts.auto}, review ${counts.review}, none ${counts.none}; the journal clears ${journal.lines.length} item(s), ${formatGBP(journal.total)}`);
    for (const m of matches) {
      const best = m.candidates[0];
      io.out(`  ${m.item.padEnd(10)} ${m.decision.padEnd(6)} ${best ? `${best.account} (${best.score.toFixed(2)}): ${best.reasons[0] ?? ''}` : 'no candidate'}`);
    }
    if (out !== undefined) io.out(`\nWritten: ${out}`);
    io.out(`Ageing as of ${formatUkDate(ageing.asOf)}: ${ageing.overLimitCount} item(s), ${formatGBP(ageing.overLimitTotal)}, held longer than ${ageing.limitDays} days`);
    if (!config.suspenseMatch.autoAllocate) io.out('Automatic allocation is off (config suspenseMatch.autoAllocate): every item is for review.');
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
