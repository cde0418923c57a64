/**
 * The NoPL register as of a day (issue 16): each Notice of Potential Liability for Costs with its last
 * valid day (the day before the third anniversary of registration), status (live, lapsed,
 * discharged, renewed), the alert at 90, 60 or 30 days before expiry and the notice that renewed it;
 * the accounts at or past the NoPL stage's triggers with no live notice on the property; the live
 * notices on accounts whose balance is zero or in credit, to discharge; and the prescription date of
 * every unpaid debt. The CLI (`factoring nopl`) and the pane call this.
 *
 * The `--json` contract: {"asOf","notices":[{"notice","property","owner","registeredOn",
 * "lastValidDay","status","alert","renewedBy"}],"missing":[{"property","owner","balance"}],
 * "toDischarge":[{"notice","property","owner"}]}.
 */
import type { SheetData } from '../cells';
import type { IsoDate } from '../dates';
import { formatPence, type Pence } from '../money';
import { DEFAULT_DEBT_PROCEDURE, type DebtProcedure } from '../factoring/debt/debt-config';
import { stageTriggersHold } from '../factoring/debt/ladder';
import type { DebtIssue } from '../factoring/debt/messages';
import { noticeStates, type NoticeState } from '../factoring/debt/nopl';
import { prescriptions, type DebtPrescription } from '../factoring/debt/prescription';
import { readDebtBook, type DebtBook } from '../factoring/debt/read-debt';
import type { FactoringConfig } from '../factoring/factoring-config';
import { readRegister } from '../factoring/register';
import { arrearsAccounts, parseAsOf, type ArrearsAccount } from './factoring-arrears';

export interface FactoringNoplInput {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  readonly asOf: string;
  readonly config: FactoringConfig | undefined;
}

export interface MissingNotice {
  readonly property: string;
  readonly owner: string;
  readonly balance: Pence;
  readonly account: ArrearsAccount;
}

export interface NoticeToDischarge {
  readonly notice: string;
  readonly property: string;
  readonly owner: string;
  readonly balance: Pence;
}

export interface FactoringNopl {
  readonly ok: boolean;
  readonly asOf: IsoDate | null;
  readonly issues: readonly DebtIssue[];
  readonly book: DebtBook | null;
  readonly procedure: DebtProcedure;
  /** Every account with a transaction up to the day (balance zero included), as the arrears job sees it. */
  readonly accounts: readonly ArrearsAccount[];
  /** Every notice registered by the day, in sheet order. */
  readonly notices: readonly NoticeState[];
  readonly missing: readonly MissingNotice[];
  readonly toDischarge: readonly NoticeToDischarge[];
  /** Every unpaid debt with the day it prescribes, soonest first. */
  readonly prescriptions: readonly DebtPrescription[];
  readonly json: NoplJson;
}

export interface NoplJson {
  readonly asOf: string;
  readonly notices: readonly { readonly notice: string; readonly property: string; readonly owner: string; readonly registeredOn: string; readonly lastValidDay: string; readonly status: string; readonly alert: number | null; readonly renewedBy: string | null }[];
  readonly missing: readonly { readonly property: string; readonly owner: string; readonly balance: string }[];
  readonly toDischarge: readonly { readonly notice: string; readonly property: string; readonly owner: string }[];
}

/** The register's notices, what is missing and what to discharge. */
export function runFactoringNopl(input: FactoringNoplInput): FactoringNopl {
  const procedure = input.config?.debtProcedure ?? DEFAULT_DEBT_PROCEDURE;
  const parsed = parseAsOf(input.asOf);
  const { book, issues } = readDebtBook(input.file, input.sheets, { transactions: true, nopl: true });
  const all: DebtIssue[] = [...parsed.issues, ...issues];
  const asOf = parsed.asOf;
  if (asOf === null || all.some((i) => i.severity === 'error')) {
    return { ok: false, asOf, issues: all, book: null, procedure, accounts: [], notices: [], missing: [], toDischarge: [], prescriptions: [], json: { asOf: input.asOf, notices: [], missing: [], toDischarge: [] } };
  }
  const { register } = readRegister(input.file, input.sheets);
  const accounts = arrearsAccounts(book, asOf, procedure, register.owners);
  const renewalCol = book.columns.nopl.get('renewalOf') ?? { col: 1, header: '' };
  const { states, issues: noticeIssues } = noticeStates(book.notices, asOf, input.file, renewalCol);
  all.push(...noticeIssues);
  const live = states.filter((s) => s.status === 'live');
  const liveOnProperty = new Set(live.map((s) => s.notice.property));
  const noplStage = procedure.stages.find((s) => s.name === procedure.noplStage) ?? null;
  const missing: MissingNotice[] = noplStage === null ? [] : accounts
    .filter((a) => stageTriggersHold(a.debt, noplStage) && !liveOnProperty.has(a.property))
    .sort((a, b) => (a.property < b.property ? -1 : a.property > b.property ? 1 : a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0))
    .map((a) => ({ property: a.property, owner: a.owner, balance: a.balance, account: a }));
  const balanceOf = new Map(accounts.map((a) => [`${a.owner}\u0000${a.property}`, a.balance]));
  const toDischarge: NoticeToDischarge[] = live
    .map((s) => ({ notice: s.notice.ref, property: s.notice.property, owner: s.notice.owner, balance: balanceOf.get(`${s.notice.owner}\u0000${s.notice.property}`) ?? (0 as Pence) }))
    .filter((n) => n.balance <= 0);
  const debts = accounts.flatMap((a) => prescriptions(a.debt, book.acknowledgements)).sort((a, b) => (a.prescribesOn < b.prescribesOn ? -1 : a.prescribesOn > b.prescribesOn ? 1 : 0));
  return {
    ok: true,
    asOf,
    issues: all,
    book,
    procedure,
    accounts,
    notices: states,
    missing,
    toDischarge,
    prescriptions: debts,
    json: {
      asOf,
      notices: states.map((s) => ({ notice: s.notice.ref, property: s.notice.property, owner: s.notice.owner, registeredOn: s.notice.registeredOn, lastValidDay: s.lastValidDay, status: s.status, alert: s.alert, renewedBy: s.renewedBy })),
      missing: missing.map((m) => ({ property: m.property, owner: m.owner, balance: formatPence(m.balance) })),
      toDischarge: toDischarge.map((t) => ({ notice: t.notice, property: t.property, owner: t.owner })),
    },
  };
}
