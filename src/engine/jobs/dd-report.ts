/**
 * The dd report job: a Bacs report that came back (ARUDD, ADDACS, AUDDIS, Input) agreed against its own
 * control totals, refused when the import ledger has seen it, then applied: ARUDD unpaids reversed
 * on the tenants' accounts (a posting of the opposite sign to the receipt), mandates cancelled,
 * transferred or re-instated by reason code, and a list of what a person must do. Re-presentation
 * is offered only for reason 0 within a month of the original processing day the report gives.
 * The Input report changes nothing: its rejected and amended items are listed for a person to act on.
 * Nothing is applied when the control totals disagree; every date rule uses the report's own day.
 */
import { formatUkDate, type IsoDate } from '../dates';
import { readBacsReport, type BacsReport, type ReportItem } from '../dd/bacs-reports';
import { agreeInputReport } from '../dd/input-report';
import { mandatesCsv, readMandates, type Mandate, type MandateChange, type MandateStatus } from '../dd/mandates';
import { ADDACS_REASONS, ARUDD_REASONS, AUDDIS_REASONS, findReason, inputReportTodo, type ReasonCode } from '../dd/reason-codes';
import { formatGBP, formatPence, negPence, type Pence } from '../money';
import { appendToLedger, fileHash, findInLedger, paymentKeys, type ImportLedger, type ImportLedgerEntry } from '../payments/import-ledger';
import { DEFAULT_POSTINGS, type PostingsConfig } from '../payments/payment-outputs';
import type { Tenancy } from '../records';
import { csvText } from '../suspense/clearance-journal';
import { addMonth, registerTable, type DdCollectInput, type Representation } from './dd-collect';

export type ReportAction = 'reverse' | 're-present' | 'contact-payer' | 'cancel-mandate' | 'update-bank-details' | 'reinstate' | 'review';

export interface ReportRecord {
  readonly reference: string;
  /** The Bacs reason code (ARUDD's 4-digit returnCode becomes the reason it stands for). */
  readonly code: string;
  readonly description: string;
  readonly action: ReportAction;
  readonly account: string;
  readonly amount: Pence;
  readonly line: number;
  readonly todo: string;
  readonly payerName: string;
  readonly originalProcessingDay: IsoDate | null;
  /** Re-presentation allowed until (reason 0 only). */
  readonly dueBy: IsoDate | null;
}

export interface DdReportInput {
  readonly reportText: string;
  readonly fileName: string;
  readonly register: DdCollectInput['register'];
  readonly rentRoll: readonly Tenancy[] | null;
  readonly ledger: ImportLedger;
  /** When it is applied (ISO 8601, from the caller): recorded in the ledger only. */
  readonly importedAt: string;
  /** Who applies it, for the mandate trail. */
  readonly by: string;
  readonly postings?: PostingsConfig;
}

export interface DdReportResult {
  /** Problems with the inputs, or the ledger's refusal (exit 2): nothing applied, nothing written. */
  readonly problems: readonly string[];
  readonly type: BacsReport['type'] | null;
  readonly records: readonly ReportRecord[];
  readonly totals: { readonly count: number; readonly value: Pence };
  readonly controlAgrees: boolean;
  readonly control: string;
  readonly changes: readonly MandateChange[];
  /** Written only when the control agrees. */
  readonly postingsCsv: string;
  readonly mandatesCsv: string;
  readonly actionsCsv: string;
  /** The ledger with this report's entry (write it last). */
  readonly ledger: ImportLedger | null;
  /** The unpaids that may be re-presented (ARUDD reason 0 within a month), as dd collect takes them (the actions.csv re-present rows). */
  readonly representations: readonly Representation[];
  readonly json: unknown;
  readonly text: string;
  /** 0 applied, 1 the control totals disagree (nothing applied), 2 bad input or seen before. */
  readonly exitCode: 0 | 1 | 2;
}

export const ACTION_COLUMNS = ['Action', 'Account Ref', 'Payer Name', 'Reference', 'Amount', 'Reason Code', 'Reason', 'Original Processing Day', 'Due By', 'What To Do'] as const;

// The Input report's reasons (INPUT A to Z) are shown as the report gives them: no table of our own.
const REASONS = { ARUDD: ARUDD_REASONS, ADDACS: ADDACS_REASONS, AUDDIS: AUDDIS_REASONS, INPUT: [] } as const;

/** Reads, agrees and applies a report. */
export function runDdReport(input: DdReportInput): DdReportResult {
  const problems: string[] = [];
  const { report, fileProblem } = readBacsReport(input.reportText);
  if (fileProblem !== null) problems.push(`${input.fileName}: ${fileProblem}`);
  for (const p of report?.problems ?? []) problems.push(`${input.fileName} line ${p.line}: ${p.message}`);
  const { table, problem } = registerTable(input.register);
  if (problem !== null) problems.push(`--mandates: ${problem}`);
  const read = table ? readMandates(table) : null;
  if (read && read.missingColumns.length > 0) problems.push(`--mandates: the register has no column ${read.missingColumns.join(', ')}`);
  if (problems.length > 0 || report === null || read === null || report.reportDay === null) return failed(problems, report?.type ?? null);

  // Seen before? The same file (any line endings), or any of its items in another report.
  const hash = fileHash(input.reportText);
  const lines = report.items.map((it) => ({ line: it.line, date: it.originalProcessingDay ?? report.reportDay!, amount: it.amount, reference: it.reference, payer: '', narrative: '', card: '', transactionId: `${report.type}|${it.code}|${it.transactionCode}|${report.reportDay!}` }));
  const keys = paymentKeys(lines, 'DD');
  const seen = findInLedger(input.ledger, hash, keys);
  if (seen.file) return failed([`${input.fileName}: this report was applied before (${seen.file.fileName}, ${seen.file.importedAt}); it is refused`], report.type);
  const again = keys.map((k, i) => [seen.payments.get(k), report.items[i]] as const).find(([e]) => e !== undefined);
  if (again && again[0] && again[1]) return failed([`${input.fileName} line ${again[1].line}: reference ${again[1].reference} was already applied from ${again[0].fileName} (${again[0].importedAt}); the report is refused`], report.type);

  const byRef = new Map(read.mandates.map((m) => [m.reference, m]));
  const roll = input.rentRoll ? new Set(input.rentRoll.map((t) => t.account)) : null;
  const status = new Map<string, MandateStatus>(read.mandates.map((m) => [m.reference, m.status]));
  const changes: MandateChange[] = [];
  const records: ReportRecord[] = [];
  const by = input.by;
  const on = report.reportDay;
  const change = (m: Mandate, to: MandateStatus, why: string): void => {
    const from = status.get(m.reference) ?? m.status;
    if (from === to) return;
    status.set(m.reference, to);
    changes.push({ reference: m.reference, account: m.account, from, to, on, by, why });
  };
  for (const it of report.items) {
    const reason = findReason(REASONS[report.type], it.code, it.description);
    const m = byRef.get(it.reference.toUpperCase());
    const rec = (action: ReportAction, todo: string, dueBy: IsoDate | null = null): ReportRecord => ({
      reference: it.reference,
      code: reason?.code ?? it.code,
      description: it.description || reason?.description || '(no description)',
      action,
      account: m?.account ?? '',
      amount: it.amount,
      line: it.line,
      todo,
      payerName: m?.payerName ?? it.payerName,
      originalProcessingDay: it.originalProcessingDay,
      dueBy,
    });
    if (report.type === 'INPUT') {
      records.push(rec('review', inputReportTodo(it.code)));
      continue;
    }
    if (m === undefined) {
      records.push(rec('review', `no mandate in the register has the reference ${it.reference}: find the account and apply by hand`));
      continue;
    }
    if (roll !== null && !roll.has(m.account)) {
      records.push(rec('review', `the mandate's account ${m.account} is not on the rent roll: find the tenancy and apply by hand`));
      continue;
    }
    if (reason === null) {
      records.push(rec('review', `reason code ${it.code} '${it.description}' is not known: read the report and act by hand`));
      continue;
    }
    records.push(...applyReason(report, it, m, reason, rec, change));
  }
  const reversed = records.filter((r) => r.action === 'reverse');
  const totals = { count: report.type === 'ARUDD' ? report.items.length : records.length, value: report.items.reduce((a, i) => a + i.amount, 0) as Pence };
  const control = controlOf(report, totals);
  const mandatesAfter = read.mandates.map((m) => ({ ...m, status: status.get(m.reference) ?? m.status }));
  const postings = postingsFor(report, reversed, input.postings ?? DEFAULT_POSTINGS);
  const actions = actionsCsv(records);
  const entry: ImportLedgerEntry = {
    fileHash: hash,
    fileName: input.fileName,
    profile: `bacs-${report.type.toLowerCase()}`,
    channel: 'DD',
    importedAt: input.importedAt,
    count: report.items.length,
    total: totals.value,
    batches: [],
    paymentKeys: keys,
  };
  const json = {
    type: report.type,
    // One record per report item: its first action, the others as its follow-ups.
    records: itemRecords(records).map(([r, more]) => ({ reference: r.reference, code: r.code, description: r.description, action: r.action, account: r.account, amount: formatPence(r.amount), followUp: more.map((x) => x.action) })),
    totals: { count: totals.count, value: formatPence(totals.value) },
    controlAgrees: control.agrees,
    reportDay: report.reportDay,
    control: control.text,
    mandateChanges: changes.map((c) => ({ reference: c.reference, account: c.account, from: c.from, to: c.to, on: c.on, by: c.by, why: c.why })),
  };
  const text = [
    `${report.type} report of ${formatUkDate(report.reportDay)} (${input.fileName}): ${report.items.length} item(s) ${formatGBP(totals.value)}; control ${control.agrees ? 'agrees' : 'DOES NOT AGREE'}: ${control.text}`,
    control.agrees ? `${reversed.length} unpaid(s) reversed ${formatGBP(reversed.reduce((a, r) => a + r.amount, 0) as Pence)}, ${changes.length} mandate change(s), ${records.filter((r) => r.action !== 'reverse').length} action(s) to follow up` : 'nothing was applied: agree the report with the bank first',
  ].join('\n');
  return {
    problems: [],
    type: report.type,
    records,
    totals,
    controlAgrees: control.agrees,
    control: control.text,
    changes,
    postingsCsv: postings,
    mandatesCsv: mandatesCsv(mandatesAfter, changes),
    actionsCsv: actions,
    ledger: control.agrees ? appendToLedger(input.ledger, entry) : null,
    representations: control.agrees ? records.filter((r) => r.action === 're-present' && r.originalProcessingDay !== null).map((r) => ({ reference: r.reference, amount: (r.amount < 0 ? -r.amount : r.amount) as Pence, originalProcessingDay: r.originalProcessingDay as IsoDate })) : [],
    json,
    text,
    exitCode: control.agrees ? 0 : 1,
  };
}

function applyReason(
  report: BacsReport,
  it: ReportItem,
  m: Mandate,
  reason: ReasonCode,
  rec: (action: ReportAction, todo: string, dueBy?: IsoDate | null) => ReportRecord,
  change: (m: Mandate, to: MandateStatus, why: string) => void,
): ReportRecord[] {
  const why = `${report.type} reason ${reason.code} ${reason.description}`;
  if (report.type === 'ARUDD') {
    // Every unpaid reverses its receipt; reason 0 may be re-presented within a month of its processing day.
    const out = [rec('reverse', `reverse the receipt of ${formatGBP(it.amount)} (${reason.description})`)];
    const limit = it.originalProcessingDay ? addMonth(it.originalProcessingDay) : null;
    if (reason.code === '0' && limit !== null && report.reportDay !== null && report.reportDay <= limit) out.push(rec('re-present', `re-present (18) for the same amount by ${formatUkDate(limit)} (pass this file to dd collect --represent), or contact the payer`, limit));
    else out.push(rec('contact-payer', reason.code === '0' ? `${reason.todo}; too late to re-present (more than a month since the collection)` : reason.todo));
    if (reason.effect === 'cancel') {
      change(m, 'cancelled', why);
      out.push(rec('cancel-mandate', 'the mandate is cancelled in the register; collect no more'));
    }
    return out;
  }
  switch (reason.effect) {
    case 'cancel':
      change(m, 'cancelled', why);
      return [rec('cancel-mandate', reason.todo)];
    case 'transfer':
      // The instruction moved with the account: the mandate stays as it is, with new bank details, and no 0C is sent.
      return [rec('update-bank-details', `${reason.todo}${it.newDetails ? ` (new details ${it.newDetails})` : ''}`)];
    case 'reinstate':
      change(m, 'live', why);
      return [rec('reinstate', reason.todo)];
    case 'none':
      return [rec('contact-payer', reason.todo)];
    default: {
      const never: never = reason.effect;
      throw new Error(`unknown effect ${String(never)}`);
    }
  }
}

function itemRecords(records: readonly ReportRecord[]): [ReportRecord, ReportRecord[]][] {
  const byLine = new Map<number, [ReportRecord, ReportRecord[]]>();
  for (const r of records) {
    const g = byLine.get(r.line);
    if (g) g[1].push(r);
    else byLine.set(r.line, [r, []]);
  }
  return [...byLine.values()];
}

function controlOf(report: BacsReport, totals: { count: number; value: Pence }): { agrees: boolean; text: string } {
  if (report.input) return agreeInputReport(report.input);
  const n = report.items.length;
  const { count, value } = report.declared;
  if (report.type === 'ARUDD') {
    if (count === null || value === null) return { agrees: false, text: 'the report gives no Totals to agree' };
    const ok = count === n && value === totals.value;
    return { agrees: ok, text: `Totals ${count} item(s) ${formatGBP(value)}, items ${n} ${formatGBP(totals.value)}` };
  }
  const what = report.type === 'AUDDIS' ? 'rejected instructions declared' : 'advices declared (first to last AOSN)';
  if (count === null) return { agrees: true, text: `${n} advice(s); the report declares no count` };
  return { agrees: count === n, text: `${count} ${what}, ${n} advice(s) read` };
}

/** The reversals in the standard postings layout: the opposite sign of the receipt (a receipt lowers the balance). */
function postingsFor(report: BacsReport, reversed: readonly ReportRecord[], config: PostingsConfig): string {
  const day = report.reportDay as IsoDate;
  const batch = `DDU${day.replace(/-/g, '')}`;
  const rows = reversed.map((r) =>
    config.columns
      .map((c) => {
        switch (c.value) {
          case 'account':
            return csvText(r.account);
          case 'date':
            return config.dateFormat === 'dd/mm/yyyy' ? formatUkDate(day) : day;
          case 'amount':
            // The receipt was posted negative (receipt-negative): its reversal is positive, and vice versa.
            return formatPence(config.amountSign === 'receipt-negative' ? r.amount : negPence(r.amount));
          case 'code':
            return csvText(config.codes.DD ?? 'DD');
          case 'batch':
            return batch;
          case 'reference':
            return csvText(r.reference);
          case 'channel':
            return 'DD';
          case 'line':
            return String(r.line);
          case 'how':
            return 'unpaid';
          default: {
            const never: never = c.value;
            throw new Error(`unknown posting value ${String(never)}`);
          }
        }
      })
      .join(','),
  );
  const head = config.header ? [config.columns.map((c) => csvText(c.header)).join(',')] : [];
  return `${[...head, ...rows].join('\r\n')}\r\n`;
}

function actionsCsv(records: readonly ReportRecord[]): string {
  const rows = records
    .filter((r) => r.action !== 'reverse')
    .map((r) =>
      [r.action, csvText(r.account), csvText(r.payerName), csvText(r.reference), formatPence(r.amount), csvText(r.code), csvText(r.description), r.originalProcessingDay ? formatUkDate(r.originalProcessingDay) : '', r.dueBy ? formatUkDate(r.dueBy) : '', csvText(r.todo)].join(','),
    );
  return `${[ACTION_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function failed(problems: readonly string[], type: BacsReport['type'] | null): DdReportResult {
  return { problems, type, records: [], totals: { count: 0, value: 0 as Pence }, controlAgrees: false, control: '', changes: [], postingsCsv: '', mandatesCsv: '', actionsCsv: '', ledger: null, representations: [], json: { problems }, text: problems.join('\n'), exitCode: 2 };
}
