/**
 * The day's Direct Debit run: from the mandate register, the Bacs Standard 18 file whose processing
 * day (UHL1) is the day given, collecting every mandate due on the next working day (the day the
 * payer is debited), lodging new mandates (0N), re-presenting unpaid reason-0 collections (18), and
 * holding back, with the reason, any mandate that breaks a rule, fails the modulus check, lacks
 * notice or collects too soon after lodging. The last collection before a mandate's Last Collection
 * or its tenancy's end is the final one, coded 19. A monthly collection is the rent year's weekly
 * charges over 12 months, so a rent year with 53 Mondays changes it: the notice list names it. Every timing rule is judged against the processing day
 * given, never a clock: the file's creation date is the Bacs input day (the working day before).
 */
import type { SheetData } from '../cells';
import type { LedgerConfig } from '../config';
import { addDays, formatUkDate, parseDayFirst, type IsoDate } from '../dates';
import { csvTable, sheetTable, type TextTable } from '../dd/csv-table';
import { mandatesCsv, readMandates, type HeldMandate, type Mandate, type MandateChange } from '../dd/mandates';
import { checkBankDetails, normaliseAccount, normaliseSortCode } from '../dd/modulus';
import { dueOn, earliestAfterNotice, nextCollection, nextNominalAfter, previousNominalBefore } from '../dd/schedule';
import { addMonth, representationLimit, tooLate } from '../dd/representation-queue';
import { writeStandard18, type Std18Record } from '../dd/standard18';
import { toBacsText } from '../dd/bacs-text';
import { addWorkingDays, covers, isWorkingDay, parseHolidays, workingDayOnOrAfter, type WorkingCalendar } from '../dd/working-days';
import { compileCalendar, monthlyEquivalent, rentYearOf, type CompiledCalendar, type RentCalendarConfig } from '../rent-calendar';
import { formatGBP, formatPence, mulDiv, type Pence } from '../money';
import type { Tenancy } from '../records';
import { csvText } from '../suspense/clearance-journal';
import { modulusTables, type ModulusDataText } from './dd-bank-check';

/** The same day next month: kept here for dd report and earlier callers (engine/dd/representation-queue.ts). */
export { addMonth };

/** An unpaid collection to present again (from dd report's actions: reason 0, within a month). */
export interface Representation {
  readonly reference: string;
  readonly amount: Pence;
  readonly originalProcessingDay: IsoDate;
}

export interface DdCollectInput {
  readonly register: { readonly kind: 'csv'; readonly text: string } | { readonly kind: 'sheet'; readonly sheet: SheetData };
  /** --date: the processing day, as typed. */
  readonly processingDay: string;
  readonly sun: string;
  /** --originator SORTCODE:ACCOUNT, as typed. */
  readonly originator: string;
  readonly serviceUserName: string;
  readonly modulus: ModulusDataText;
  readonly holidays: string;
  /** The rent roll of --accounts: a mandate whose account is not on it, or whose tenancy has ended, is held back. */
  readonly rentRoll: readonly Tenancy[] | null;
  readonly representations: readonly Representation[];
  readonly fileNumber: number;
  /** Who runs it, for the mandate trail (new -> lodged). */
  readonly by?: string;
  /**
   * The rent calendar (the config's rentYearStart, rentFreeWeeks): a monthly collection is the rent
   * year's chargeable weeks over 12 months. Absent: rent years start on the first Monday of April,
   * every week charged.
   */
  readonly rentCalendar?: RentCalendarConfig;
}

/** Rent years from the first Monday of April, no rent-free weeks (DOMAIN.md section 2). */
export const DEFAULT_DD_RENT_CALENDAR: RentCalendarConfig = { rentYearStart: '2026-04-06' as IsoDate, rentFreeWeeks: [], proRata: 'none' };

/** The rent calendar of the config (rentYearStart, rentFreeWeeks), the default's first Monday of April when it names none. */
export function ddRentCalendar(config: Pick<LedgerConfig, 'rentYearStart' | 'rentFreeWeeks' | 'proRata'>): RentCalendarConfig {
  return { rentYearStart: config.rentYearStart ?? DEFAULT_DD_RENT_CALENDAR.rentYearStart, rentFreeWeeks: config.rentFreeWeeks, proRata: config.proRata };
}

export interface Collection {
  readonly account: string;
  readonly reference: string;
  readonly code: '01' | '17' | '18' | '19';
  readonly amount: Pence;
  readonly payerName: string;
  /** For a re-presentation (18): the original processing day of the unpaid it presents again. */
  readonly represents?: IsoDate;
}

export interface Notice {
  readonly account: string;
  readonly payer: string;
  readonly amount: Pence;
  readonly date: IsoDate;
  readonly reason: string;
}

export interface DdCollectResult {
  /** Problems with the run's own inputs (exit 2): nothing is written. */
  readonly problems: readonly string[];
  readonly processingDay: IsoDate | null;
  readonly collectionDate: IsoDate | null;
  readonly collections: readonly Collection[];
  readonly lodgements: readonly { readonly account: string; readonly reference: string }[];
  readonly heldBack: readonly HeldMandate[];
  readonly notices: readonly Notice[];
  readonly totals: { readonly count: number; readonly value: Pence };
  /** The Standard 18 file; null when there are problems. */
  readonly bacsText: string | null;
  readonly noticesCsv: string;
  /** new -> lodged for each mandate lodged in the file, with who and why. */
  readonly changes: readonly MandateChange[];
  /** The register after the run (lodged mandates with Lodged On = the processing day), bank details masked. */
  readonly mandatesCsv: string;
  readonly json: unknown;
  readonly text: string;
}

export const NOTICE_COLUMNS = ['Account Ref', 'Payer Name', 'Amount', 'Date', 'Reason'] as const;

/** The register's table from CSV text or a sheet; a problem when it cannot be read. */
export function registerTable(register: DdCollectInput['register']): { table: TextTable | null; problem: string | null } {
  if (register.kind === 'sheet') {
    const table = sheetTable(register.sheet);
    return { table, problem: table === null ? `the sheet '${register.sheet.name}' is empty` : null };
  }
  const { table, badLine } = csvTable(register.text);
  if (badLine !== null) return { table: null, problem: `line ${badLine}: a quoted field is not closed` };
  return { table, problem: table === null ? 'the register is empty' : null };
}

/** The amount a rent-roll weekly charge gives one collection of the mandate's frequency (monthly: the rent year's chargeable weeks, 52 or 53, over 12 months). */
function chargeFor(m: Mandate, weekly: Pence, rent: CompiledCalendar, on: IsoDate): Pence {
  switch (m.frequency) {
    case 'weekly':
      return weekly;
    case 'fortnightly':
      return mulDiv(weekly, 2, 1);
    case '4-weekly':
      return mulDiv(weekly, 4, 1);
    case 'monthly':
      return monthlyEquivalent(weekly, rent, on);
    default: {
      const never: never = m.frequency;
      throw new Error(`unknown frequency ${String(never)}`);
    }
  }
}

/** Runs the day's collection. */
export function runDdCollect(input: DdCollectInput): DdCollectResult {
  const problems: string[] = [];
  const { calendar, badLines } = parseHolidays(input.holidays);
  if (badLines.length > 0) problems.push(`the bank holiday list has unreadable lines: ${badLines.join(', ')}`);
  const processingDay = /^\d{4}-\d{2}-\d{2}$/.test(input.processingDay.trim()) ? parseDayFirst(input.processingDay) : null;
  if (processingDay === null) problems.push(`--date ${input.processingDay}: expected the processing day as YYYY-MM-DD`);
  else if (!covers(calendar, processingDay)) problems.push(`--date ${processingDay}: the bank holiday list stops at ${calendar.lastYear ?? '(empty)'}; add the year's holidays first`);
  else if (!isWorkingDay(calendar, processingDay)) problems.push(`--date ${processingDay}: not a Bacs working day (weekend or bank holiday)`);
  if (!/^\d{6}$/.test(input.sun.trim())) problems.push(`--sun ${input.sun}: the service user number is 6 digits`);
  const [osc, oacc, ...more] = input.originator.split(':');
  const origSort = normaliseSortCode(osc ?? '');
  const origAcc = normaliseAccount(oacc ?? '');
  const { tables } = modulusTables(input.modulus);
  if (origSort === null || origAcc === null || more.length > 0) problems.push(`--originator ${input.originator}: expected SORTCODE:ACCOUNT, e.g. 20-00-00:12345678`);
  else if (!checkBankDetails(tables, origSort, origAcc).valid) problems.push(`--originator: the sort code and account number fail the modulus check`);
  const userName = toBacsText(input.serviceUserName);
  if (userName === '') problems.push('--name: the service user name is blank once written in Bacs characters');
  const { table, problem } = registerTable(input.register);
  if (problem !== null) problems.push(`--mandates: ${problem}`);
  const read = table ? readMandates(table) : null;
  if (read && read.missingColumns.length > 0) problems.push(`--mandates: the register has no column ${read.missingColumns.join(', ')}`);
  if (problems.length > 0 || processingDay === null || read === null || origSort === null || origAcc === null) return failed(problems);

  const collectionDate = addWorkingDays(calendar, processingDay, 1);
  // Day 1 of the Bacs cycle: the file is made and sent, and today's notices go out.
  const runDay = previousWorkingDay(calendar, processingDay);
  const roll = input.rentRoll ? new Map(input.rentRoll.map((t) => [t.account, t])) : null;
  const held: HeldMandate[] = [...read.held];
  const collections: Collection[] = [];
  const lodgements: { account: string; reference: string }[] = [];
  const notices: Notice[] = [];
  const changes: MandateChange[] = [];
  const records: Std18Record[] = [];
  const hold = (m: Mandate, reason: string): void => {
    held.push({ line: m.line, account: m.account, reference: m.reference, reason });
  };
  const byRef = new Map(read.mandates.map((m) => [m.reference, m]));
  const rent = compileCalendar(input.rentCalendar ?? DEFAULT_DD_RENT_CALENDAR);
  for (const m of read.mandates) {
    if (m.status === 'cancelled') continue;
    // After its final collection a mandate collects nothing more and needs no checks.
    if (m.lastCollection !== null && workingDayOnOrAfter(calendar, m.lastCollection) < collectionDate) continue;
    const tenancy = roll?.get(m.account);
    if (roll !== null && tenancy === undefined) {
      hold(m, `Account Ref ${m.account} is not on the rent roll`);
      continue;
    }
    if (tenancy?.end && tenancy.end < collectionDate) {
      hold(m, `the tenancy ended on ${formatUkDate(tenancy.end)}`);
      continue;
    }
    const bank = checkBankDetails(tables, m.sortCode, m.bankAccount);
    if (!bank.valid) {
      hold(m, `the bank details fail the modulus check: ${bank.reason}`);
      continue;
    }
    if (m.status === 'new') {
      // Lodged (0N) in this file: the notice goes out on the lodging day, the processing day.
      const first = nextCollection(m, calendar, m.firstCollection) ?? m.firstCollection;
      const earliest = earliestAfterNotice(calendar, processingDay);
      if (first < earliest) {
        hold(m, `First Collection ${formatUkDate(first)} is too soon: lodged on ${formatUkDate(processingDay)}, the earliest first collection is ${formatUkDate(earliest)} (10 working days' notice)`);
        continue;
      }
      lodgements.push({ account: m.account, reference: m.reference });
      changes.push({ reference: m.reference, account: m.account, from: 'new', to: 'lodged', on: processingDay, by: input.by ?? 'housing-ledger dd collect', why: `lodged (0N) in the Bacs file for processing day ${formatUkDate(processingDay)}` });
      records.push({ sortCode: m.sortCode, account: m.bankAccount, code: '0N', amount: 0 as Pence, reference: m.reference, payerName: m.payerName });
      notices.push({ account: m.account, payer: m.payerName, amount: m.amount, date: first, reason: `first collection (${m.frequency}): advance notice sent on lodging, ${formatUkDate(processingDay)}` });
      continue;
    }
    const due = dueOn(m, calendar, collectionDate);
    if (m.status === 'amended' && m.noticeSent === null) {
      const from = earliestAfterNotice(calendar, runDay);
      notices.push({ account: m.account, payer: m.payerName, amount: m.amount, date: nextCollection(m, calendar, from) ?? from, reason: 'change of amount or date: no Notice Sent date in the register; send the advance notice' });
      if (due !== null) hold(m, 'amended mandate without a Notice Sent date: the payer has not had 10 working days notice of the change');
      continue;
    }
    if (m.status !== 'amended') {
      const notice = amountNotice(m, tenancy, calendar, rent, runDay);
      if (notice !== null) notices.push(notice);
    }
    if (due === null) continue;
    if (m.lastCollection !== null && due > m.lastCollection) continue;
    const first = due === m.firstCollection;
    if (first && m.lodgedOn !== null && collectionDate < earliestAfterNotice(calendar, m.lodgedOn)) {
      hold(m, `collects too soon after lodging: lodged on ${formatUkDate(m.lodgedOn)}, the first collection cannot be before ${formatUkDate(earliestAfterNotice(calendar, m.lodgedOn))}`);
      continue;
    }
    if (m.status === 'amended' && m.noticeSent !== null && collectionDate < earliestAfterNotice(calendar, m.noticeSent)) {
      hold(m, `lacks notice: the notice of change sent on ${formatUkDate(m.noticeSent)} allows collections from ${formatUkDate(earliestAfterNotice(calendar, m.noticeSent))}`);
      continue;
    }
    // The final collection (19): the last due on or before the mandate's Last Collection or the tenancy's end.
    const endsBy = [m.lastCollection, tenancy?.end ?? null].filter((d): d is IsoDate => d !== null).sort()[0];
    const after = endsBy === undefined ? null : nextNominalAfter(m, due);
    const final = endsBy !== undefined && (after === null || after > endsBy);
    const code = first ? '01' : final ? '19' : '17';
    collections.push({ account: m.account, reference: m.reference, code, amount: m.amount, payerName: m.payerName });
    records.push({ sortCode: m.sortCode, account: m.bankAccount, code, amount: m.amount, reference: m.reference, payerName: m.payerName });
  }
  for (const r of input.representations) {
    const m = byRef.get(r.reference);
    const limit = representationLimit(r.originalProcessingDay);
    if (m === undefined || m.status === 'cancelled') held.push({ line: 0, account: m?.account ?? '', reference: r.reference, reason: 're-presentation: no live mandate with this reference' });
    else if (processingDay > limit) held.push({ line: m.line, account: m.account, reference: m.reference, reason: tooLate(r) });
    else {
      collections.push({ account: m.account, reference: m.reference, code: '18', amount: r.amount, payerName: m.payerName, represents: r.originalProcessingDay });
      records.push({ sortCode: m.sortCode, account: m.bankAccount, code: '18', amount: r.amount, reference: m.reference, payerName: m.payerName });
    }
  }
  const value = collections.reduce((a, c) => a + c.amount, 0) as Pence;
  const bacsText = writeStandard18({
    sun: input.sun.trim(),
    serviceUserName: userName,
    originator: { sortCode: origSort, account: origAcc, name: userName },
    processingDay,
    created: runDay,
    fileNumber: input.fileNumber,
    records,
  });
  const totals = { count: collections.length, value };
  held.sort((a, b) => a.line - b.line);
  return {
    problems: [],
    processingDay,
    collectionDate,
    collections,
    lodgements,
    heldBack: held,
    notices,
    totals,
    bacsText,
    noticesCsv: noticesCsv(notices),
    changes,
    mandatesCsv: mandatesCsv(
      read.mandates.map((m) => (changes.some((c) => c.reference === m.reference) ? { ...m, status: 'lodged' as const, lodgedOn: processingDay } : m)),
      changes,
    ),
    json: {
      processingDay,
      collectionDate,
      collections: collections.map((c) => ({ account: c.account, reference: c.reference, code: c.code, amount: formatPence(c.amount) })),
      lodgements,
      heldBack: held.map((h) => ({ account: h.account, reference: h.reference, reason: h.reason })),
      notices: notices.map((n) => ({ account: n.account, payer: n.payer, amount: formatPence(n.amount), date: n.date, reason: n.reason })),
      totals: { count: totals.count, value: formatPence(value) },
      mandateChanges: changes.map((c) => ({ reference: c.reference, account: c.account, from: c.from, to: c.to, on: c.on, by: c.by, why: c.why })),
    },
    text: [
      `Direct Debits for processing day ${formatUkDate(processingDay)} (payers debited ${formatUkDate(collectionDate)}): ${collections.length} collection(s) ${formatGBP(value)}, ${lodgements.length} new instruction(s) lodged, ${held.length} held back, ${notices.length} notice(s) to send`,
      ...held.map((h) => `  held back: ${h.account || '(no account)'} ${h.reference || '(no reference)'}${h.line ? ` (line ${h.line})` : ''}: ${h.reason}`),
    ].join('\n'),
  };
}

/**
 * The advance notice a change of amount needs, judged on the next collection the notice can still
 * reach: with the rent roll, whenever its weekly charge no longer gives the mandate's amount (the
 * April rent change; a monthly mandate in a rent year of 53 Mondays); without it, a monthly
 * mandate whose next collection is the first in a rent year of another length than the last (53
 * weeks after 52, or back), at the mandate's amount times the new weeks over the old.
 */
function amountNotice(m: Mandate, tenancy: Tenancy | undefined, calendar: WorkingCalendar, rent: CompiledCalendar, runDay: IsoDate): Notice | null {
  const from = earliestAfterNotice(calendar, runDay);
  const next = nextCollection(m, calendar, from);
  const on = next ?? from;
  if (m.lastCollection !== null && on > workingDayOnOrAfter(calendar, m.lastCollection)) return null;
  const year = rentYearOf(on, rent);
  const long = m.frequency === 'monthly' && year.weekCount === 53 ? `the rent year ${year.label} has 53 Mondays, so ` : '';
  if (tenancy) {
    const expected = chargeFor(m, tenancy.weeklyCharge, rent, on);
    if (expected === m.amount || expected <= 0) return null;
    return { account: m.account, payer: m.payerName, amount: expected, date: on, reason: `${long ? '53-week year: ' : ''}rent change: ${long}the rent roll's weekly charge ${formatGBP(tenancy.weeklyCharge)} gives ${formatGBP(expected)} a ${m.frequency} collection, the mandate collects ${formatGBP(m.amount)}` };
  }
  if (m.frequency !== 'monthly' || next === null) return null;
  const before = previousNominalBefore(m, next);
  if (before === null || before >= year.start) return null;
  const last = rentYearOf(before, rent);
  if (last.weekCount === year.weekCount) return null;
  const amount = mulDiv(m.amount, year.weekCount, last.weekCount);
  return { account: m.account, payer: m.payerName, amount, date: next, reason: `${year.weekCount === 53 ? '53-week year' : 'rent year length'}: the rent year ${year.label} has ${year.weekCount} Mondays (${last.label} had ${last.weekCount}), so a monthly collection of ${formatGBP(m.amount)} becomes ${formatGBP(amount)} from ${formatUkDate(next)}; check it against the rent roll` };
}

function previousWorkingDay(cal: WorkingCalendar, d: IsoDate): IsoDate {
  let x = addDays(d, -1);
  while (!isWorkingDay(cal, x)) x = addDays(x, -1);
  return x;
}


export function noticesCsv(notices: readonly Notice[]): string {
  const rows = notices.map((n) => [csvText(n.account), csvText(n.payer), formatPence(n.amount), formatUkDate(n.date), csvText(n.reason)].join(','));
  return `${[NOTICE_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function failed(problems: readonly string[]): DdCollectResult {
  return { problems, processingDay: null, collectionDate: null, collections: [], lodgements: [], heldBack: [], notices: [], totals: { count: 0, value: 0 as Pence }, bacsText: null, noticesCsv: '', changes: [], mandatesCsv: '', json: { problems }, text: problems.join('\n') };
}
