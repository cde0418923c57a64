/**
 * Factoring arrears (issue 16): each owner account's debt as of a day, aged from each bill's Due Date
 * with payments and credits applied to the oldest undisputed debit first; its stage on the debt
 * procedure's ladder and the next action with its date (repayment plans applied: a kept plan holds
 * back the stages that do not apply while it is kept, a broken one re-enters the ladder where it
 * left it); the letters due, as rows for mail merge, leaving out those the debt trail already
 * records. The CLI (`factoring arrears`) and the pane call this; no rule lives in either.
 *
 * The `--json` contract: {"asOf","accounts":[{"owner","property","balance","aged":{"0-30","31-60",
 * "61-90","91-180","180+"},"stage","nextAction","nextActionOn","disputed"}]} for every account whose
 * balance is not zero; money as decimal strings, dates as YYYY-MM-DD, stage names or null.
 */
import type { SheetData } from '../cells';
import { parseDayFirst, type IsoDate } from '../dates';
import { sheetLocation } from '../issues';
import { formatPence, type Pence } from '../money';
import { DEFAULT_DEBT_PROCEDURE, type DebtProcedure } from '../factoring/debt/debt-config';
import { ladderPosition } from '../factoring/debt/ladder';
import { AGE_BUCKETS, accountId, accountsOf, type AccountDebt, type AgeBucket } from '../factoring/debt/ledger';
import { lettersCsv, type LetterRow } from '../factoring/debt/letters';
import type { DebtIssue } from '../factoring/debt/messages';
import type { PlanCheck } from '../factoring/debt/plans';
import { readDebtBook, type DebtBook } from '../factoring/debt/read-debt';
import { appendTrail, issuedLetters, letterKey, trailProblem, type DebtTrailBody, type DebtTrailEvent } from '../factoring/debt/trail';
import type { FactoringConfig } from '../factoring/factoring-config';
import { readRegister, type Owner, type Property } from '../factoring/register';

export interface FactoringArrearsInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  /** --as-of as typed: YYYY-MM-DD (dd/mm/yyyy also read). */
  readonly asOf: string;
  /** The config's `factoring` object; its debtProcedure, else the issue's example ladder. */
  readonly config: FactoringConfig | undefined;
  /** The debt trail so far (letters already issued are not issued again); empty when none. */
  readonly trail?: readonly DebtTrailEvent[];
}

export interface ArrearsAccount {
  readonly owner: string;
  readonly property: string;
  readonly ownerName: string;
  readonly balance: Pence;
  readonly aged: Readonly<Record<AgeBucket, Pence>>;
  readonly disputed: Pence;
  /** The undisputed amount past its Due Date: the ladder's balance trigger. */
  readonly overdue: Pence;
  readonly oldestDue: IsoDate | null;
  /** Days the oldest undisputed unpaid item is past its Due Date (null when nothing is unpaid). */
  readonly daysPastDue: number | null;
  readonly stage: string | null;
  readonly nextAction: string | null;
  readonly nextActionOn: IsoDate | null;
  /** The account's repayment plan as of the day, if it has one. */
  readonly plan: PlanCheck | null;
  /** Days under a plan that do not count towards the day triggers (a broken plan). */
  readonly pausedDays: number;
  /** The stage the account was at when its plan started. */
  readonly stageAtPlanStart: string | null;
  readonly debt: AccountDebt;
}

export interface FactoringArrears {
  /** False when the input has errors: no account is listed. */
  readonly ok: boolean;
  readonly asOf: IsoDate | null;
  readonly issues: readonly DebtIssue[];
  readonly book: DebtBook | null;
  readonly procedure: DebtProcedure;
  /** Every account whose balance is not zero, by owner then property. */
  readonly accounts: readonly ArrearsAccount[];
  /** Every account with a transaction up to the day, balance zero included (the NoPL checks need them). */
  readonly allAccounts: readonly ArrearsAccount[];
  /** The letters due and not yet on the trail. */
  readonly letters: readonly LetterRow[];
  readonly lettersCsv: string;
  /** The --json contract. */
  readonly json: ArrearsJson;
}

export interface ArrearsJson {
  readonly asOf: string;
  readonly accounts: readonly {
    readonly owner: string;
    readonly property: string;
    readonly balance: string;
    readonly aged: Readonly<Record<AgeBucket, string>>;
    readonly stage: string | null;
    readonly nextAction: string | null;
    readonly nextActionOn: string | null;
    readonly disputed: string;
  }[];
}

/** The as-of date as typed, or an issue. */
export function parseAsOf(text: string): { asOf: IsoDate | null; issues: DebtIssue[] } {
  const asOf = parseDayFirst(text);
  if (asOf !== null) return { asOf, issues: [] };
  return { asOf: null, issues: [{ code: 'debt.as-of-invalid', severity: 'error', raw: text, location: sheetLocation('--as-of', null), detail: { text } }] };
}

/** The accounts' positions on the ladder (shared with the NoPL job). */
export function arrearsAccounts(book: DebtBook, asOf: IsoDate, procedure: DebtProcedure, owners: readonly Owner[]): ArrearsAccount[] {
  const names = new Map(owners.map((o) => [o.ref, o.name]));
  return accountsOf(book.transactions, asOf).map((debt) => {
    const all = book.transactions.filter((t) => t.owner === debt.owner && t.property === debt.property);
    const pos = ladderPosition(procedure, debt, all, book.plans);
    const name = (i: number | null): string | null => (i === null || i < 0 ? null : (procedure.stages[i]?.name ?? null));
    return {
      owner: debt.owner,
      property: debt.property,
      ownerName: names.get(debt.owner) ?? '',
      balance: debt.balance,
      aged: debt.aged,
      disputed: debt.disputed,
      overdue: debt.overdue,
      oldestDue: debt.oldestDue,
      daysPastDue: debt.oldestDaysPastDue,
      stage: name(pos.stage),
      nextAction: name(pos.next),
      nextActionOn: pos.nextOn,
      plan: pos.plan,
      pausedDays: pos.pausedDays,
      stageAtPlanStart: name(pos.stageAtPlanStart),
      debt,
    };
  });
}

function letterRows(accounts: readonly ArrearsAccount[], procedure: DebtProcedure, owners: readonly Owner[], properties: readonly Property[], asOf: IsoDate, pfNumber: string, trail: readonly DebtTrailEvent[]): LetterRow[] {
  const done = issuedLetters(trail);
  const ownerBy = new Map(owners.map((o) => [o.ref, o]));
  const propertyBy = new Map(properties.map((p) => [p.ref, p]));
  const rows: LetterRow[] = [];
  for (const a of accounts) {
    const stage = procedure.stages.find((s) => s.name === a.stage);
    if (!stage || stage.letter === null) continue;
    if (done.has(letterKey(accountId(a.owner, a.property), stage.name, a.oldestDue))) continue;
    const o = ownerBy.get(a.owner);
    rows.push({
      owner: a.owner,
      ownerName: o?.name ?? '',
      address: o?.address ?? '',
      email: o?.email ?? '',
      paper: o ? o.paper || o.email === '' : true,
      property: a.property,
      propertyAddress: propertyBy.get(a.property)?.address ?? '',
      stage: stage.name,
      letter: stage.letter,
      balance: a.balance,
      overdue: a.overdue,
      disputed: a.disputed,
      oldestDue: a.oldestDue,
      daysOverdue: a.daysPastDue,
      nextAction: a.nextAction,
      nextActionOn: a.nextActionOn,
      asOf,
      pfNumber,
      debtAdvice: procedure.debtAdvice,
      episode: a.oldestDue,
    });
  }
  return rows;
}

function toJson(asOf: string, accounts: readonly ArrearsAccount[]): ArrearsJson {
  return {
    asOf,
    accounts: accounts.map((a) => ({
      owner: a.owner,
      property: a.property,
      balance: formatPence(a.balance),
      aged: Object.fromEntries(AGE_BUCKETS.map((b) => [b, formatPence(a.aged[b])])) as Record<AgeBucket, string>,
      stage: a.stage,
      nextAction: a.nextAction,
      nextActionOn: a.nextActionOn,
      disputed: formatPence(a.disputed),
    })),
  };
}

/** The arrears run: every account's ageing, stage and next action, and the letters due. */
export function runFactoringArrears(input: FactoringArrearsInput): FactoringArrears {
  const procedure = input.config?.debtProcedure ?? DEFAULT_DEBT_PROCEDURE;
  const parsed = parseAsOf(input.asOf);
  const { book, issues } = readDebtBook(input.file, input.sheets, { transactions: true, nopl: false });
  const all: DebtIssue[] = [...parsed.issues, ...issues];
  const trail = input.trail ?? [];
  const broken = trailProblem(trail);
  if (broken !== null) all.push({ code: 'debt.trail-broken', severity: 'error', raw: null, location: sheetLocation('debt trail', null), detail: { problem: broken } });
  const asOf = parsed.asOf;
  if (asOf === null || all.some((i) => i.severity === 'error')) {
    return { ok: false, asOf, issues: all, book: null, procedure, accounts: [], allAccounts: [], letters: [], lettersCsv: lettersCsv([]), json: { asOf: input.asOf, accounts: [] } };
  }
  // Names and addresses for the letters come from the register's Owners and Properties sheets; the
  // register's own problems are the bill run's to report, not the arrears run's.
  const { register } = readRegister(input.file, input.sheets);
  const allAccounts = arrearsAccounts(book, asOf, procedure, register.owners);
  const accounts = allAccounts.filter((a) => a.balance !== 0);
  const letters = letterRows(accounts, procedure, register.owners, register.properties, asOf, input.config?.pfNumber ?? '', trail);
  return { ok: true, asOf, issues: all, book, procedure, accounts, allAccounts, letters, lettersCsv: lettersCsv(letters), json: toJson(asOf, accounts) };
}

/** The trail entries that record the letters as issued, by whom and when. */
export function recordLetters(trail: readonly DebtTrailEvent[], letters: readonly LetterRow[], by: string, at: string): DebtTrailEvent[] {
  const bodies: DebtTrailBody[] = letters.map((l) => ({ type: 'letter-issued', account: accountId(l.owner, l.property), stage: l.stage, letter: l.letter, episode: l.episode, asOf: l.asOf, note: '', by, at }));
  return appendTrail(trail, bodies);
}
