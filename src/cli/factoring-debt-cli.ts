/**
 * housing-ledger factoring arrears | nopl | writeoffs (issue 16): argument parsing and files around
 * the jobs in src/engine/jobs/factoring-{arrears,nopl,writeoffs}.ts. `arrears --json` and
 * `nopl --json` print the issue's contracts; `arrears --out DIR --by NAME` writes the letters due
 * for mail merge and records them as issued on DIR/debt-trail.json; `writeoffs --out DIR` keeps the
 * approval log in DIR/factoring-writeoffs.json and writes the schedule and (approved only) the
 * postings. Bad input exits 2 with the cells named. No rule lives here; every write is through
 * safe-write.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { emptyActionsFile, readActionsFile, actionsFileText, type ActionEvent } from '../engine/approvals';
import { formatUkDate, type IsoDate } from '../engine/dates';
import { describeDebtIssue, type DebtIssue } from '../engine/factoring/debt/messages';
import type { DebtTrailEvent } from '../engine/factoring/debt/trail';
import { recordLetters, runFactoringArrears } from '../engine/jobs/factoring-arrears';
import { runFactoringNopl } from '../engine/jobs/factoring-nopl';
import { runFactoringWriteoffs, type WriteoffStep } from '../engine/jobs/factoring-writeoffs';
import { formatGBP, formatPence } from '../engine/money';
import { readUserSheets } from '../workbook/user-sheets';
import { onePositional, parseCommand } from './args';
import { loadConfig } from './config-file';
import { CliInputError } from './errors';
import { openWorkbook, writeAll } from './workbook-io';

export interface DebtIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const FACTORING_DEBT_HELP = `  housing-ledger factoring arrears WORKBOOK.xlsx --as-of YYYY-MM-DD [--config F.json] [--json] [--out DIR --by NAME]
  housing-ledger factoring nopl WORKBOOK.xlsx --as-of YYYY-MM-DD [--config F.json] [--json]
  housing-ledger factoring writeoffs WORKBOOK.xlsx --as-of YYYY-MM-DD --out DIR [--config F.json] [--json]
                           [--propose OWNER/PROPERTY --reason TEXT --by NAME] [--approve ID --by NAME]
                           [--reject ID --reason TEXT --by NAME]`;

export const FACTORING_DEBT_HELP_TEXT = `factoring arrears  owners' arrears from the Owner Transactions sheet: each account's balance aged
                 (0-30 ... 180+ days past Due Date, payments to the oldest undisputed bill first,
                 disputed items apart), its stage on the config's factoring.debtProcedure ladder and
                 the next action with its date (repayment plans applied). --out DIR --by NAME writes
                 DIR/letters.csv (mail merge, with debt-advice text) and records the letters as issued
                 by NAME on DIR/debt-trail.json; letters already there are not issued again.
factoring nopl   Notices of Potential Liability: last valid day (the day before the third anniversary
                 of registration), status (live, lapsed, discharged, renewed), 90/60/30-day alerts,
                 accounts at the NoPL stage with no live notice, live notices to discharge, and when
                 each unpaid debt prescribes.
factoring writeoffs  the schedule of proposed write-offs for the Board and the candidates (a debt
                 prescribing within a year); --propose, --approve and --reject step the approval engine
                 (DIR/factoring-writeoffs.json; the approver must not be the proposer). Writes
                 DIR/writeoff-schedule.csv and DIR/writeoff-postings.csv (approved write-offs only).
                 Exit 0, or 2 on bad input or a refused step.`;

function refuse(path: string, issues: readonly DebtIssue[]): never {
  const errors = issues.filter((i) => i.severity === 'error');
  throw new CliInputError(`${basename(path)}: ${errors.length} problem(s) in the input; nothing was written`, errors.map(describeDebtIssue));
}

function warn(io: DebtIo, issues: readonly DebtIssue[]): void {
  for (const i of issues) if (i.severity === 'warning') io.err(`warning: ${describeDebtIssue(i)}`);
}

async function common(rest: readonly string[], command: string, extra: Record<string, { type: 'string' | 'boolean' }>, io: DebtIo, help: string) {
  const parsed = parseCommand(rest, { 'as-of': { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' }, ...extra }, io, help);
  if (!parsed) return { help: true as const };
  const { values, positionals } = parsed;
  const path = onePositional(positionals, `factoring ${command} needs a workbook: housing-ledger factoring ${command} WORKBOOK.xlsx --as-of YYYY-MM-DD`);
  const asOf = values['as-of'];
  if (typeof asOf !== 'string') throw new CliInputError(`factoring ${command} needs --as-of YYYY-MM-DD, e.g. 2026-12-31`);
  const ledgerConfig = loadConfig(values.config as string | undefined);
  const sheets = await readUserSheets(await openWorkbook(path));
  return { help: false as const, values, path, asOf, ledgerConfig, sheets };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

const TRAIL_FILE = 'debt-trail.json';

/** housing-ledger factoring arrears */
export async function factoringArrears(rest: readonly string[], io: DebtIo, help: string): Promise<number> {
  const c = await common(rest, 'arrears', { out: { type: 'string' }, by: { type: 'string' } }, io, help);
  if (c.help) return 0;
  const out = c.values.out as string | undefined;
  const by = c.values.by as string | undefined;
  if (out !== undefined && (by === undefined || by.trim() === '')) throw new CliInputError('--out needs --by NAME: who issues the letters (recorded on the debt trail)');
  if (out === undefined && by !== undefined) throw new CliInputError('--by needs --out DIR, where the letters and the debt trail are kept');
  const dir = out === undefined ? null : resolve(out);
  const trailPath = dir === null ? null : join(dir, TRAIL_FILE);
  const trail = trailPath !== null && existsSync(trailPath) ? ((readJson(trailPath) as { events?: DebtTrailEvent[] }).events ?? []) : [];
  const result = runFactoringArrears({ file: basename(c.path), sheets: c.sheets, asOf: c.asOf, config: c.ledgerConfig.factoring, trail });
  if (!result.ok) {
    if (c.values.json) io.out(JSON.stringify(result.json));
    refuse(c.path, result.issues);
  }
  warn(io, result.issues);
  const notes: string[] = [];
  if (dir !== null && trailPath !== null && by !== undefined) {
    mkdirSync(dir, { recursive: true });
    const added = recordLetters(trail, result.letters, by, io.now().toISOString());
    // Letters and the trail that records them go together or not at all (safe-write).
    writeAll([
      { path: join(dir, 'letters.csv'), data: result.lettersCsv },
      { path: trailPath, data: `${JSON.stringify({ format: 'housing-ledger-debt-trail', version: 1, events: [...trail, ...added] }, null, 2)}\n` },
    ]);
    notes.push(`${result.letters.length} letter(s) in ${join(out ?? '', 'letters.csv')}, recorded as issued by ${by} on ${join(out ?? '', TRAIL_FILE)}`);
  }
  if (c.values.json) io.out(JSON.stringify(result.json));
  else {
    const asOf = result.asOf as IsoDate;
    io.out(`Factoring arrears at ${formatUkDate(asOf)}: ${result.accounts.length} account(s) with a balance`);
    for (const a of result.accounts) {
      const plan = a.plan ? `; plan ${a.plan.status}${a.plan.brokenOn ? ` on ${formatUkDate(a.plan.brokenOn)}` : ''}` : '';
      const next = a.nextAction ? `; next ${a.nextAction} on ${formatUkDate(a.nextActionOn as IsoDate)}` : '';
      const disputed = a.disputed !== 0 ? ` (${formatGBP(a.disputed)} disputed)` : '';
      io.out(`  ${a.owner} ${a.property} ${formatGBP(a.balance)}${disputed}: ${a.stage ?? 'no stage'}${next}${plan}`);
    }
    io.out(`Letters due: ${result.letters.length}${result.letters.length ? ` (${result.letters.map((l) => `${l.property} ${l.letter}`).join(', ')})` : ''}`);
    for (const n of notes) io.out(n);
  }
  return 0;
}

/** housing-ledger factoring nopl */
export async function factoringNopl(rest: readonly string[], io: DebtIo, help: string): Promise<number> {
  const c = await common(rest, 'nopl', {}, io, help);
  if (c.help) return 0;
  const result = runFactoringNopl({ file: basename(c.path), sheets: c.sheets, asOf: c.asOf, config: c.ledgerConfig.factoring });
  if (!result.ok) {
    if (c.values.json) io.out(JSON.stringify(result.json));
    refuse(c.path, result.issues);
  }
  warn(io, result.issues);
  if (c.values.json) {
    io.out(JSON.stringify(result.json));
    return 0;
  }
  io.out(`Notices of Potential Liability at ${formatUkDate(result.asOf as IsoDate)}: ${result.notices.length} notice(s)`);
  for (const n of result.notices) {
    const extra = n.alert !== null ? ` - ALERT: ${n.daysLeft} day(s) left` : n.renewedBy ? ` by ${n.renewedBy}` : '';
    io.out(`  ${n.notice.ref} ${n.notice.property} ${n.notice.owner} registered ${formatUkDate(n.notice.registeredOn)}, valid to ${formatUkDate(n.lastValidDay)}: ${n.status}${extra}`);
  }
  io.out(`Missing notices: ${result.missing.length}${result.missing.map((m) => `\n  ${m.property} ${m.owner} owes ${formatGBP(m.balance)}`).join('')}`);
  io.out(`To discharge: ${result.toDischarge.length}${result.toDischarge.map((t) => `\n  ${t.notice} ${t.property} ${t.owner}`).join('')}`);
  const soon = result.prescriptions.slice(0, 10);
  io.out(`Prescription (soonest first): ${soon.map((p) => `\n  ${p.owner} ${p.property} ${p.reference || formatUkDate(p.dueDate)}: ${formatGBP(p.unpaid)} prescribes on ${formatUkDate(p.prescribesOn)}${p.restartedBy ? ` (restarted by ${p.restartedBy === "payment" ? "a payment" : "an acknowledgement"})` : ''}`).join('')}`);
  return 0;
}

const WRITEOFFS_FILE = 'factoring-writeoffs.json';

/** housing-ledger factoring writeoffs */
export async function factoringWriteoffs(rest: readonly string[], io: DebtIo, help: string): Promise<number> {
  const c = await common(rest, 'writeoffs', { out: { type: 'string' }, propose: { type: 'string' }, approve: { type: 'string' }, reject: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' }, evidence: { type: 'string' } }, io, help);
  if (c.help) return 0;
  const v = c.values;
  const out = v.out as string | undefined;
  if (out === undefined) throw new CliInputError('factoring writeoffs needs --out DIR, where the write-offs\' approval log is kept');
  const steps = ['propose', 'approve', 'reject'].filter((k) => v[k] !== undefined);
  if (steps.length > 1) throw new CliInputError(`one step at a time: --${steps.join(' and --')} were both given`);
  const by = (v.by as string | undefined) ?? '';
  const reason = (v.reason as string | undefined) ?? '';
  const at = io.now().toISOString();
  let step: WriteoffStep | null = null;
  if (v.propose !== undefined) {
    const m = /^([^/]+)\/(.+)$/.exec(String(v.propose));
    if (!m) throw new CliInputError(`--propose ${String(v.propose)}: expected OWNER/PROPERTY, e.g. OW0005/HC1-5`);
    if (reason.trim() === '') throw new CliInputError('--propose needs --reason TEXT: why the debt should be written off');
    step = { kind: 'propose', owner: (m[1] ?? '').trim(), property: (m[2] ?? '').trim(), reason, evidence: v.evidence !== undefined ? [String(v.evidence)] : [], by, at };
  } else if (v.approve !== undefined) step = { kind: 'approve', id: String(v.approve), by, at, note: reason };
  else if (v.reject !== undefined) step = { kind: 'reject', id: String(v.reject), by, at, note: reason };
  if (step !== null && by.trim() === '') throw new CliInputError(`--${step.kind} needs --by NAME`);
  const dir = resolve(out);
  const logPath = join(dir, WRITEOFFS_FILE);
  let log: readonly ActionEvent[] = [];
  if (existsSync(logPath)) {
    const read = readActionsFile(readJson(logPath));
    if (!read.ok) throw new CliInputError(`${logPath}: not a valid actions file`, read.problems);
    log = read.file.events;
  }
  const result = runFactoringWriteoffs({ file: basename(c.path), sheets: c.sheets, asOf: c.asOf, config: c.ledgerConfig.factoring, approvals: c.ledgerConfig.approvals, log, step });
  if (!result.ok) {
    if (result.problems.length > 0) throw new CliInputError(`--${step?.kind ?? 'writeoffs'}: ${result.problems.join('; ')}`);
    refuse(c.path, result.issues);
  }
  warn(io, result.issues);
  mkdirSync(dir, { recursive: true });
  // The log, the schedule and the postings: one set, all or nothing.
  writeAll([
    { path: logPath, data: actionsFileText({ ...emptyActionsFile(), events: [...log, ...result.events] }) },
    { path: join(dir, 'writeoff-schedule.csv'), data: result.scheduleCsv },
    { path: join(dir, 'writeoff-postings.csv'), data: result.postingsCsv },
  ]);
  if (v.json) {
    io.out(JSON.stringify({
      asOf: result.asOf,
      candidates: result.candidates.map((x) => ({ owner: x.owner, property: x.property, balance: formatPence(x.balance), stage: x.stage, prescribesOn: x.prescribesOn })),
      schedule: result.schedule.map((w) => ({ id: w.id, owner: w.owner, property: w.property, amount: formatPence(w.amount), reason: w.reason, prescribesOn: w.prescribesOn, status: w.status, requestedBy: w.requestedBy, approvedBy: w.approvedBy, posted: w.posted })),
    }));
    return 0;
  }
  io.out(`Write-off candidates at ${formatUkDate(result.asOf)} (a debt prescribing within a year): ${result.candidates.length}`);
  for (const x of result.candidates) io.out(`  ${x.owner}/${x.property} ${formatGBP(x.balance)}, prescribes on ${formatUkDate(x.prescribesOn)}`);
  io.out(`Schedule: ${result.schedule.length} write-off(s)`);
  for (const w of result.schedule) io.out(`  ${w.id} ${formatGBP(w.amount)}: ${w.status}${w.approvedBy.length ? ` (approved by ${w.approvedBy.join(', ')})` : ''}${w.posted ? `, posted ${formatUkDate(w.posted)}` : ''}`);
  io.out(`Written: ${join(out, WRITEOFFS_FILE)}, writeoff-schedule.csv, writeoff-postings.csv`);
  return 0;
}
