/**
 * housing-ledger actions (request, amend, approve, reject, list, export) and refunds candidates: argument
 * parsing, file reading and writing around the jobs in src/engine/jobs/actions-*.ts and
 * refunds-candidates.ts. No rule lives here. The actions file is append-only: it is re-read just
 * before writing and the new log must keep every event on disk unchanged, so an approved action is
 * never edited and two people working at once never lose each other's steps.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { actionsFileText, emptyActionsFile, isAppendOnly, readActionsFile } from '../engine/approvals/actions-file';
import type { ActionEvent, ActionStatus } from '../engine/approvals/types';
import { DEFAULT_CONFIG, parseConfig, type LedgerConfig } from '../engine/config';
import { parseDayFirst, type IsoDate } from '../engine/dates';
import { runActionsAmend, type ActionChanges } from '../engine/jobs/actions-amend';
import { runActionsDecide } from '../engine/jobs/actions-decide';
import { runActionsExport } from '../engine/jobs/actions-export';
import { ACTION_STATUSES, listActions } from '../engine/jobs/actions-list';
import { runActionsRequest, type ActionDraft, type ActionsStepResult } from '../engine/jobs/actions-request';
import type { DdCollectInput } from '../engine/jobs/dd-collect';
import { runRefundCandidates } from '../engine/jobs/refunds-candidates';
import { csvTable, findColumns, sheetTable } from '../engine/dd/csv-table';
import { readUserSheets } from '../workbook/user-sheets';
import { groupHelp, onePositional, parseCommand } from './args';
import { holidaysText } from './dd-cli';
import { writeAll, writeFileSafely } from './safe-write';
import { CliInputError } from './errors';
import { checkFileSize, openWorkbook, readJsonFile } from './workbook-io';

export interface ActionsIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

export const ACTIONS_HELP = `  housing-ledger actions request --file ACTIONS.json --kind refund|transfer|writeoff --by NAME --reason TEXT
                           --amount AMOUNT [--evidence "TEXT; TEXT"] [--id ID] [--config F.json] [--json]
                           refund:   --account REF --workbook W.xlsx --method bacs|finance-csv
                                     [--payee NAME --sort-code NNNNNN --bank-account NNNNNNNN] [--mandates M.csv]
                           transfer: --account FROM --to REF --type former-to-current|misposted-payment|
                                     rechargeable-repair|other
                           writeoff: --account REF --workbook W.xlsx --reason-code former-tenant-untraced|
                                     deceased-no-estate|statute-barred|uneconomic-to-pursue|small-balance
  housing-ledger actions amend ID --file ACTIONS.json --by NAME --note WHY [--amount AMOUNT] [--reason TEXT]
                           [--evidence "TEXT; TEXT"] [--account REF] [--to REF] [--type TYPE] [--method M]
                           [--payee NAME --sort-code NNNNNN --bank-account NNNNNNNN] [--reason-code CODE]
                           [--workbook W.xlsx] [--mandates M.csv] [--config F.json] [--json]
  housing-ledger actions approve ID --file ACTIONS.json --by NAME [--digest D] [--note TEXT] [--config F.json] [--json]
  housing-ledger actions reject ID --file ACTIONS.json --by NAME --note REASON [--config F.json] [--json]
  housing-ledger actions list --file ACTIONS.json [--status STATUS] [--config F.json] [--json]
  housing-ledger actions export --file ACTIONS.json --out DIR [--from DATE] [--to DATE] [--config F.json] [--json]
                           [--sun NNNNNN --originator SORTCODE:ACCOUNT --date PROCESSING_DAY
                            [--originator-name NAME] [--user-name NAME] [--file-number N] [--holidays FILE]]
  housing-ledger refunds candidates WORKBOOK.xlsx [--config F.json] [--as-of YYYY-MM-DD] [--mandates M.csv] [--json]`;

export const ACTIONS_HELP_TEXT = `actions          refunds, transfers between accounts and write-offs under two-person control:
                 request records who asked, why and the evidence; approve/reject must be by someone
                 else (names compared as for sign-offs), within the config's approvals limits, and a
                 second approver over approvals.secondApproverOver (default: refunds and write-offs
                 over £500); only the final approval posts. amend changes a request not yet decided
                 (by its requester, with a note): a new event on the log, never a rewrite, voiding
                 approvals given before it; anything approved or rejected is refused. The file is a hash-chained, append-only
                 log: an edited file is refused. export writes DIR/postings.csv, refunds.csv,
                 writeoff-schedule.csv and, given the Bacs settings, refunds-bacs.txt (Standard 18,
                 code 99, checked as dd check does). Exit 0 done, 1 refused (same person, over a
                 limit, already final), 2 bad input.
refunds candidates  accounts in credit (former tenants; current tenants over
                 approvals.refunds.currentTenantOver) with their risks: benefit credited lately, a
                 Direct Debit in its indemnity window or the last 3 working days, another debt of the
                 same person, a payer who is not the tenant, a bank change in the last 30 days.`;

function loadConfig(path: string | undefined): LedgerConfig {
  if (path === undefined) return DEFAULT_CONFIG;
  const parsed = parseConfig(readJsonFile(path));
  if (!parsed.ok) throw new CliInputError(`${path}: the config is not valid`, parsed.problems);
  return parsed.config;
}

/** The log on disk; an absent file is an empty log when `create`. */
function readLog(path: string, create: boolean): ActionEvent[] {
  if (!existsSync(path)) {
    if (create) return [];
    throw new CliInputError(`${path}: no such file`);
  }
  const read = readActionsFile(readJsonFile(path, 'actions'));
  if (!read.ok) throw new CliInputError(`${path}: not a valid actions file; nothing was changed`, read.problems);
  return [...read.file.events];
}

/** The actions log for the audit pack's Account actions sheet (reconcile --actions). */
export function readActionsLog(path: string): ActionEvent[] {
  return readLog(path, false);
}

/** Appends the events: the file on disk must still be the log the step was judged on. */
function appendLog(path: string, judgedOn: readonly ActionEvent[], events: readonly ActionEvent[]): void {
  const now = readLog(path, true);
  if (!isAppendOnly(now, judgedOn) || now.length !== judgedOn.length) throw new CliInputError(`${path}: changed by someone else while this step ran; nothing was written, run it again`);
  writeFileSafely(path, actionsFileText({ ...emptyActionsFile(), events: [...judgedOn, ...events] }));
}

async function readRegister(path: string | undefined): Promise<DdCollectInput['register'] | null> {
  if (path === undefined) return null;
  if (!path.toLowerCase().endsWith('.xlsx')) {
    if (!existsSync(path)) throw new CliInputError(`${path}: no such file`);
    checkFileSize(path, 'mandates');
    const text = readFileSync(path, 'utf8');
    if (csvTable(text).table === null) throw new CliInputError(`${path}: the mandate register is empty or unreadable`);
    return { kind: 'csv', text };
  }
  const sheets = await readUserSheets(await openWorkbook(path));
  const sheet = sheets.find((s) => {
    const t = sheetTable(s);
    return t !== null && findColumns(t.header, { ref: ['DDI Reference', 'DD Reference', 'Mandate Reference'] }).ref >= 0;
  });
  if (!sheet) throw new CliInputError(`${path}: no sheet has a DDI Reference column (the mandate register)`);
  return { kind: 'sheet', sheet };
}

function day(text: string | undefined, flag: string): IsoDate | null {
  if (text === undefined) return null;
  const d = parseDayFirst(text);
  if (d === null) throw new CliInputError(`${flag} '${text}' is not a date (YYYY-MM-DD or dd/mm/yyyy)`);
  return d;
}

function report(r: ActionsStepResult, io: ActionsIo, json: boolean): number {
  if (!r.ok) {
    if (json) io.out(JSON.stringify({ refused: { code: r.code, message: r.summary, problems: r.problems } }));
    io.err(`housing-ledger: refused (${r.code}): ${r.summary}`);
    for (const p of r.problems) io.err(`  ${p}`);
    return r.code.startsWith('approval.') || r.code === 'action.final' || r.code.startsWith('refund.') || r.code.startsWith('writeoff.') ? 1 : 2;
  }
  io.out(json ? JSON.stringify(r.json) : r.text);
  return 0;
}

const COMMON = { file: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' }, by: { type: 'string' } } as const;

/** housing-ledger actions SUBCOMMAND ... */
export async function actionsCommand(args: readonly string[], io: ActionsIo, help: string): Promise<number> {
  const [sub, ...rest] = args;
  const exit = groupHelp(sub, io, help);
  if (exit !== null) return exit;
  switch (sub) {
    case 'request':
      return requestCommand(rest, io, help);
    case 'amend':
      return amendCommand(rest, io, help);
    case 'approve':
    case 'reject':
      return decideCommand(sub, rest, io, help);
    case 'list':
      return listCommand(rest, io, help);
    case 'export':
      return exportCommand(rest, io, help);
    default:
      throw new CliInputError(`unknown actions command '${sub}'; try --help`);
  }
}

function need(values: Record<string, string | boolean | undefined>, name: string, what: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new CliInputError(`${what} needs --${name}`);
  return v;
}

/** The options that describe an action, shared by request and amend. */
const DRAFT_OPTIONS = {
  reason: { type: 'string' },
  amount: { type: 'string' },
  evidence: { type: 'string' },
  account: { type: 'string' },
  to: { type: 'string' },
  type: { type: 'string' },
  workbook: { type: 'string' },
  method: { type: 'string' },
  payee: { type: 'string' },
  'sort-code': { type: 'string' },
  'bank-account': { type: 'string' },
  mandates: { type: 'string' },
  'reason-code': { type: 'string' },
  holidays: { type: 'string' },
} as const;

type Values = Readonly<Record<string, unknown>>;

/** The refund's payee when any of --payee, --sort-code, --bank-account is given (spaces and dashes dropped). */
function payeeOf(values: Values): { name: string; sortCode: string; bankAccount: string } | null {
  if (values.payee === undefined && values['sort-code'] === undefined && values['bank-account'] === undefined) return null;
  return { name: String(values.payee ?? ''), sortCode: String(values['sort-code'] ?? '').replace(/[-\s]/g, ''), bankAccount: String(values['bank-account'] ?? '').replace(/\s/g, '') };
}

/** --evidence as a list: items separated by ';'. */
const evidenceList = (text: unknown): string[] => String(text ?? '').split(';').map((e) => e.trim()).filter((e) => e !== '');

/** The --workbook's sheets, for the checks that read the rent roll; null without one. */
async function workbookOf(path: string | undefined): Promise<{ file: string; sheets: Awaited<ReturnType<typeof readUserSheets>> } | null> {
  return path !== undefined ? { file: basename(path), sheets: await readUserSheets(await openWorkbook(path)) } : null;
}

async function requestCommand(args: readonly string[], io: ActionsIo, help: string): Promise<number> {
  const parsed = parseCommand(args, { ...COMMON, ...DRAFT_OPTIONS, kind: { type: 'string' }, id: { type: 'string' } }, io, help);
  if (!parsed) return 0;
  const { values } = parsed;
  const file = need(values, 'file', 'actions request');
  const kind = need(values, 'kind', 'actions request');
  const amount = need(values, 'amount', 'actions request');
  const account = need(values, 'account', 'actions request');
  let draft: ActionDraft;
  if (kind === 'refund') draft = { kind, account, amount, method: need(values, 'method', 'a refund'), payee: payeeOf(values) }; else if (kind === 'transfer') draft = { kind, from: account, to: need(values, 'to', 'a transfer'), amount, type: need(values, 'type', 'a transfer') };
  else if (kind === 'writeoff') draft = { kind, account, amount, reasonCode: need(values, 'reason-code', 'a write-off') };
  else throw new CliInputError(`--kind '${kind}' is not refund, transfer or writeoff`);
  const workbook = await workbookOf(values.workbook as string | undefined);
  const log = readLog(file, true);
  const r = runActionsRequest({
    log,
    draft,
    reason: need(values, 'reason', 'actions request'),
    evidence: evidenceList(values.evidence),
    by: need(values, 'by', 'actions request'),
    at: io.now().toISOString(),
    id: (values.id as string | undefined) ?? null,
    config: loadConfig(values.config as string | undefined),
    workbook,
    holidaysText: holidaysText(values.holidays as string | undefined),
    register: await readRegister(values.mandates as string | undefined),
  });
  if (r.ok) appendLog(file, log, r.events);
  return report(r, io, values.json === true);
}

async function amendCommand(args: readonly string[], io: ActionsIo, help: string): Promise<number> {
  const parsed = parseCommand(args, { ...COMMON, ...DRAFT_OPTIONS, note: { type: 'string' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const id = onePositional(positionals, 'actions amend needs one action ID', 'actions amend needs one action ID');
  const file = need(values, 'file', 'actions amend');
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const payee = payeeOf(values);
  const changes: ActionChanges = {
    ...(str('amount') !== undefined ? { amount: str('amount') } : {}),
    ...(str('reason') !== undefined ? { reason: str('reason') } : {}),
    ...(str('evidence') !== undefined ? { evidence: evidenceList(str('evidence')) } : {}),
    ...(str('account') !== undefined ? { account: str('account') } : {}),
    ...(str('to') !== undefined ? { to: str('to') } : {}),
    ...(str('type') !== undefined ? { type: str('type') } : {}),
    ...(str('method') !== undefined ? { method: str('method') } : {}),
    ...(payee !== null ? { payee } : {}),
    ...(str('reason-code') !== undefined ? { reasonCode: str('reason-code') } : {}),
  } as ActionChanges;
  const workbook = await workbookOf(str('workbook'));
  const log = readLog(file, false);
  const r = runActionsAmend({
    log,
    id,
    changes,
    note: String(values.note ?? ''),
    by: need(values, 'by', 'actions amend'),
    at: io.now().toISOString(),
    config: loadConfig(values.config as string | undefined),
    workbook,
    holidaysText: holidaysText(values.holidays as string | undefined),
    register: await readRegister(str('mandates')),
  });
  if (r.ok) appendLog(file, log, r.events);
  return report(r, io, values.json === true);
}

function decideCommand(decision: 'approve' | 'reject', args: readonly string[], io: ActionsIo, help: string): number {
  const parsed = parseCommand(args, { ...COMMON, note: { type: 'string' }, digest: { type: 'string' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const id = onePositional(positionals, `actions ${decision} needs one action ID`, `actions ${decision} needs one action ID`);
  const file = need(values, 'file', `actions ${decision}`);
  const log = readLog(file, false);
  const r = runActionsDecide({ log, id, decision, by: need(values, 'by', `actions ${decision}`), at: io.now().toISOString(), note: String(values.note ?? ''), digest: (values.digest as string | undefined) ?? null, config: loadConfig(values.config as string | undefined) });
  if (r.ok) appendLog(file, log, r.events);
  return report(r, io, values.json === true);
}

function listCommand(args: readonly string[], io: ActionsIo, help: string): number {
  const parsed = parseCommand(args, { ...COMMON, status: { type: 'string' } }, io, help);
  if (!parsed) return 0;
  const { values } = parsed;
  const status = values.status as string | undefined;
  if (status !== undefined && !(ACTION_STATUSES as readonly string[]).includes(status)) throw new CliInputError(`--status '${status}' is not one of ${ACTION_STATUSES.join(', ')}`);
  const log = readLog(need(values, 'file', 'actions list'), false);
  const r = listActions(log, loadConfig(values.config as string | undefined), (status as ActionStatus | undefined) ?? null);
  io.out(values.json ? JSON.stringify(r.json) : r.text);
  return 0;
}

function exportCommand(args: readonly string[], io: ActionsIo, help: string): number {
  const parsed = parseCommand(args, {
    ...COMMON,
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    sun: { type: 'string' },
    originator: { type: 'string' },
    'originator-name': { type: 'string' },
    'user-name': { type: 'string' },
    date: { type: 'string' },
    'file-number': { type: 'string' },
    holidays: { type: 'string' },
  }, io, help);
  if (!parsed) return 0;
  const { values } = parsed;
  const out = need(values, 'out', 'actions export');
  const log = readLog(need(values, 'file', 'actions export'), false);
  const wantsBacs = values.sun !== undefined || values.originator !== undefined || values.date !== undefined;
  const bacs = wantsBacs
    ? {
        sun: need(values, 'sun', 'a Bacs refund file'),
        originator: need(values, 'originator', 'a Bacs refund file'),
        originatorName: String(values['originator-name'] ?? 'HOUSING'),
        serviceUserName: String(values['user-name'] ?? 'HOUSING REFUNDS'),
        processingDay: need(values, 'date', 'a Bacs refund file'),
        fileNumber: values['file-number'] !== undefined ? Number(values['file-number']) : 1,
      }
    : null;
  const r = runActionsExport({ log, config: loadConfig(values.config as string | undefined), from: day(values.from as string | undefined, '--from'), to: day(values.to as string | undefined, '--to'), bacs, holidaysText: holidaysText(values.holidays as string | undefined), at: io.now().toISOString() });
  if (!r.ok) throw new CliInputError(r.summary, r.problems);
  const dir = resolve(out);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  // All or nothing: a half-written set (postings without the Bacs file) would be worse than none.
  writeAll(r.files.map((f) => ({ path: join(dir, f.name), data: f.text })));
  io.out(values.json ? JSON.stringify(r.json) : r.text);
  return 0;
}

/** housing-ledger refunds candidates WORKBOOK.xlsx ... */
export async function refundsCommand(args: readonly string[], io: ActionsIo, help: string): Promise<number> {
  const [sub, ...rest] = args;
  const exit = groupHelp(sub, io, help);
  if (exit !== null) return exit;
  if (sub !== 'candidates') throw new CliInputError(`unknown refunds command '${sub}'; try --help`);
  const parsed = parseCommand(rest, { config: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, mandates: { type: 'string' }, holidays: { type: 'string' } }, io, help);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const path = onePositional(positionals, 'refunds candidates needs one WORKBOOK.xlsx', 'refunds candidates needs one WORKBOOK.xlsx');
  const r = runRefundCandidates({
    file: basename(path),
    sheets: await readUserSheets(await openWorkbook(path)),
    config: loadConfig(values.config as string | undefined),
    asOf: day(values['as-of'] as string | undefined, '--as-of') ?? (io.now().toISOString().slice(0, 10) as IsoDate),
    holidaysText: holidaysText(values.holidays as string | undefined),
    register: await readRegister(values.mandates as string | undefined),
  });
  if (!r.ok) throw new CliInputError(`${path}: ${r.summary}`, r.problems);
  io.out(values.json ? JSON.stringify(r.json) : r.text);
  return 0;
}
