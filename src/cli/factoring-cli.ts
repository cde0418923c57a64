/**
 * housing-ledger factoring bill: argument parsing and files around the jobs in
 * src/engine/jobs/factoring-*.ts. The dry run prints the issue 15 JSON; with --out DIR it keeps the
 * run's state (digest, sample, marks, approval) in DIR/factoring-run.json, and --release writes the
 * owner-facing files only when the job says nothing blocks them. No rule lives here.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { FactoringConfig } from '../engine/factoring/factoring-config';
import { describeFactoringIssue } from '../engine/factoring/messages';
import type { ActionEvent } from '../engine/approvals';
import { approveRun, requestRunApproval, runApprovalState } from '../engine/factoring/approval';
import { markBill, SAMPLE_PROBLEM_TEXT, signOffSample, type SampleState } from '../engine/factoring/sample-check';
import { factoringDryRun, newSample, releaseFactoringBills, runToApprove } from '../engine/jobs/factoring-bill';
import { formatGBP } from '../engine/money';
import { readUserSheets } from '../workbook/user-sheets';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { groupHelp, onePositional, parseCommand } from './args';
import { factoringReportCommand, FACTORING_REPORT_HELP, FACTORING_REPORT_HELP_TEXT } from './factoring-report-cli';
import { CliInputError } from './errors';
import { FACTORING_DEBT_HELP, FACTORING_DEBT_HELP_TEXT, factoringArrears, factoringNopl, factoringWriteoffs } from './factoring-debt-cli';
import { loadConfig } from './config-file';
import { openWorkbook, writeAll, writeTextFile } from './workbook-io';

export interface FactoringIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const FACTORING_HELP = `  housing-ledger factoring bill WORKBOOK.xlsx --quarter YYYY-Qn [--config F.json] [--out DIR] [--json]
                           [--prepared-by NAME] [--check BILLNO=right|corrected:NOTE --checker NAME]
                           [--sign-off NAME] [--approve NAME] [--release]
${FACTORING_DEBT_HELP}
${FACTORING_REPORT_HELP}`;

export const FACTORING_HELP_TEXT = `factoring bill   the quarter's factoring bills for owners (Scotland): the register checked (shares
                 summing to 1 as fractions, TMS shares with their working, ownership by day), charges
                 held back with the reason (another quarter, keyed twice, no shares), every charge,
                 insurance and fee split by share and days owned, final bills on a change of
                 ownership. A dry run first: --out DIR keeps the run and its sample in
                 DIR/factoring-run.json (--prepared-by names the preparer); mark sampled bills with
                 --check and --checker, --sign-off the sample, --approve by someone else, then
                 --release writes DIR/bills.csv, distribution.csv, postings.csv, held-back.csv and
                 factoring-bills.xlsx (bills and a summary tied by formula). A config without
                 factoring.pfNumber exits 2 and writes nothing. Exit 0, or 2 on bad input or a
                 release that is still blocked.
${FACTORING_DEBT_HELP_TEXT}
${FACTORING_REPORT_HELP_TEXT}`;

interface RunState {
  readonly quarter: string;
  readonly digest: string;
  readonly preparedBy: string;
  readonly sample: SampleState;
  /** The approval engine's log (issue 14): the preparer's request and the approvals of this run. */
  readonly actions: readonly ActionEvent[];
}

const STATE_FILE = 'factoring-run.json';

function readState(dir: string): RunState | null {
  const path = join(dir, STATE_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunState;
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export async function factoringCommand(args: readonly string[], io: FactoringIo, help: string): Promise<number> {
  const [sub, ...rest] = args;
  const exit = groupHelp(sub, io, help);
  if (exit !== null) return exit;
  const command = sub !== undefined && Object.hasOwn(FACTORING_COMMANDS, sub) ? FACTORING_COMMANDS[sub] : undefined;
  if (command === undefined) throw new CliInputError(`unknown factoring command '${sub}'; try --help`);
  return command(rest, io, help);
}

/** One line per `housing-ledger factoring …` subcommand. */
const FACTORING_COMMANDS: Readonly<Record<string, (args: readonly string[], io: FactoringIo, help: string) => Promise<number>>> = {
  bill: factoringBill,
  arrears: factoringArrears,
  nopl: factoringNopl,
  writeoffs: factoringWriteoffs,
  report: factoringReportCommand,
};

async function factoringBill(rest: readonly string[], io: FactoringIo, help: string): Promise<number> {
  const parsed = parseCommand(rest, {
    quarter: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    'prepared-by': { type: 'string' },
    check: { type: 'string' },
    checker: { type: 'string' },
    'sign-off': { type: 'string' },
    approve: { type: 'string' },
    release: { type: 'boolean' },
  }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const path = onePositional(positionals, 'factoring bill needs a workbook: housing-ledger factoring bill WORKBOOK.xlsx --quarter YYYY-Qn');
  const quarter = values.quarter as string | undefined;
  if (quarter === undefined) throw new CliInputError('factoring bill needs --quarter YYYY-Qn, e.g. 2026-Q4');
  const ledgerConfig = loadConfig(values.config as string | undefined);
  const config: FactoringConfig | undefined = ledgerConfig.factoring;
  const approvals = ledgerConfig.approvals;
  const out = values.out as string | undefined;
  const stateful = ['prepared-by', 'check', 'sign-off', 'approve', 'release'].filter((k) => values[k] !== undefined);
  if (out === undefined && stateful.length > 0) throw new CliInputError(`--${stateful[0] ?? ''} needs --out DIR, where the run's state is kept`);

  const wb = await openWorkbook(path);
  const sheets = await readUserSheets(wb);
  const dry = factoringDryRun({ file: basename(path), sheets, quarter, config });
  const errors = dry.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    if (values.json) io.out(JSON.stringify(dry.json));
    throw new CliInputError(`${basename(path)}: ${errors.length} problem(s) in the input; nothing was billed or written`, errors.map(describeFactoringIssue));
  }
  const at = io.now().toISOString();
  const notes: string[] = [];
  if (out !== undefined) {
    const dir = resolve(out);
    mkdirSync(dir, { recursive: true });
    let state = readState(dir);
    if (state === null || state.digest !== dry.digest || state.quarter !== quarter) {
      if (state !== null) notes.push('The register or the quarter changed since the last dry run: a new sample is drawn and any approval is void.');
      state = { quarter, digest: dry.digest, preparedBy: '', sample: newSample(dry), actions: state?.actions ?? [] };
    }
    const preparedBy = values['prepared-by'] as string | undefined;
    if (preparedBy !== undefined) {
      if (runApprovalState(state.actions, runToApprove(dry), approvals) !== null) throw new CliInputError(`--prepared-by: approval of this dry run was already requested by ${state.preparedBy}`);
      const r = requestRunApproval(state.actions, runToApprove(dry), preparedBy, at, approvals);
      if (!r.ok) throw new CliInputError(`--prepared-by: ${r.message}`);
      state = { ...state, preparedBy, actions: [...state.actions, ...r.events] };
    }
    const check = values.check as string | undefined;
    if (check !== undefined) {
      const m = /^([^=]+)=(right|corrected)(?::(.*))?$/.exec(check);
      if (!m) throw new CliInputError(`--check ${check}: expected BILLNO=right or BILLNO=corrected:NOTE`);
      const r = markBill(state.sample, { billNo: m[1] ?? '', result: m[2] as 'right' | 'corrected', checker: (values.checker as string | undefined) ?? '', note: m[3] ?? '', at });
      if (r.problem) throw new CliInputError(`--check ${check}: ${SAMPLE_PROBLEM_TEXT[r.problem]}`);
      state = { ...state, sample: r.state };
    }
    const signer = values['sign-off'] as string | undefined;
    if (signer !== undefined) {
      const r = signOffSample(state.sample, signer, at);
      if (r.problem) throw new CliInputError(`--sign-off: ${SAMPLE_PROBLEM_TEXT[r.problem]}`);
      state = { ...state, sample: r.state };
    }
    const approver = values.approve as string | undefined;
    if (approver !== undefined) {
      if (runApprovalState(state.actions, runToApprove(dry), approvals) === null) throw new CliInputError('--approve: nobody has asked for approval of this dry run yet (--prepared-by NAME)');
      const r = approveRun(state.actions, runToApprove(dry), approver, at, approvals);
      if (!r.ok) throw new CliInputError(`--approve: ${r.message}`);
      state = { ...state, actions: [...state.actions, ...r.events] };
    }
    writeTextFile(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
    if (values.release) {
      const released = releaseFactoringBills({ dry, config, sample: state.sample, approvals: { log: state.actions, config: approvals } });
      if (!released.released) throw new CliInputError('the bills cannot be released yet', released.blockers);
      const target = XlsxWorkbook.empty();
      await target.writeSheets(released.outputs.sheets);
      // One set, all or nothing (safe-write): never bills without their distribution list and postings.
      writeAll([...released.outputs.files.map((f) => ({ path: join(dir, f.name), data: f.text })), { path: join(dir, 'factoring-bills.xlsx'), data: await target.toBuffer() }]);
      notes.push(`Released: ${released.outputs.files.map((f) => f.name).join(', ')} and factoring-bills.xlsx in ${out}`);
    } else {
      const s = state.sample;
      const a = runApprovalState(state.actions, runToApprove(dry), approvals);
      notes.push(`Run state: ${join(out, STATE_FILE)}; sample ${s.marks.length} of ${s.drawn.length} marked${s.signedOffBy ? `, signed off by ${s.signedOffBy}` : ''}; ${a ? `approval ${a.status}${a.approvals.length ? ` (${a.approvals.map((x) => x.by).join(', ')})` : ''}` : 'approval not requested'}`);
    }
  }
  if (values.json) io.out(JSON.stringify(dry.json));
  else {
    const run = dry.run;
    if (run) {
      io.out(`Factoring ${run.quarter.label}: ${run.bills.length} bill(s), ${run.bills.filter((b) => b.final).length} final; billed ${formatGBP(run.totals.billed)} (charges ${formatGBP(run.totals.costs)}, fees ${formatGBP(run.totals.fees)}, insurance ${formatGBP(run.totals.insurance)}, admin ${formatGBP(run.totals.adminFees)})`);
      for (const h of run.heldBack) io.out(`  held back ${h.invoiceRef}: ${h.text}`);
      if (dry.sample.length > 0) io.out(`Sample to check: ${dry.sample.join(', ')}`);
    }
    for (const n of notes) io.out(n);
  }
  return 0;
}
