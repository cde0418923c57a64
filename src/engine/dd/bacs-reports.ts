/**
 * The Bacs reports read from their XML: ARUDD (ReturnedDebitItem with Totals per originating
 * account), ADDACS and AUDDIS (MessagingAdvice records under a MessagingHeader) and the Input report
 * (input-report.ts: its rejected and amended items, its Agreement of File Totals). Each report's own
 * control figures are read beside the items so they can be agreed before anything is applied.
 * Bank details in the reports are read only to be masked; they are never written out.
 */
import { parseDayFirst, type IsoDate } from '../dates';
import { parsePence, type Pence } from '../money';
import { maskNumber } from '../payments/mask';
import { readInputReport, type InputReport } from './input-report';
import { attr, findAll, parseXml, type XmlElement } from './xml-lite';

export type ReportType = 'ARUDD' | 'ADDACS' | 'AUDDIS' | 'INPUT';

export interface ReportItem {
  /** The element's line in the XML. */
  readonly line: number;
  readonly reference: string;
  /** The code as the report gives it (ARUDD returnCode, ADDACS/AUDDIS reason-code). */
  readonly code: string;
  readonly description: string;
  readonly payerName: string;
  /** ARUDD: the unpaid amount; 0 for the others. */
  readonly amount: Pence;
  /** ARUDD: the processing day of the collection returned. */
  readonly originalProcessingDay: IsoDate | null;
  readonly transactionCode: string;
  /** ADDACS transfers: the new details, masked (****1234), for the person updating the register. */
  readonly newDetails: string;
}

export interface BacsReport {
  readonly type: ReportType;
  /** The report's processing or generation day: the day every timing rule is judged against. */
  readonly reportDay: IsoDate | null;
  readonly serviceUserNumber: string;
  readonly items: readonly ReportItem[];
  /** What the report says it holds: null when it gives no figure. */
  readonly declared: { readonly count: number | null; readonly value: Pence | null };
  /** Problems reading it (unreadable amounts, dates), each with the XML line. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
  /** The Input report's user files and totals (type INPUT only): its control is agreed from them. */
  readonly input?: InputReport;
}

const day = (s: string | undefined): IsoDate | null => (s ? parseDayFirst(s) : null);

/** Reads a report; a problem with the whole file (not XML, not a known report) comes back as `fileProblem`. */
export function readBacsReport(text: string): { report: BacsReport | null; fileProblem: string | null } {
  const { root, problem } = parseXml(text);
  if (!root) return { report: null, fileProblem: `line ${problem?.line ?? 1}: not readable XML (${problem?.message ?? ''})` };
  const arudd = findAll(root, 'ARUDD')[0];
  if (arudd) return { report: readArudd(arudd), fileProblem: null };
  const input = findAll(root, 'InputReport')[0];
  if (input) return { report: fromInput(readInputReport(input)), fileProblem: null };
  const header = findAll(root, 'MessagingHeader')[0];
  if (header) {
    const kind = (header.attrs['advice-type'] ?? '').toUpperCase();
    const reportType = header.attrs['report-type'] ?? '';
    if (kind === 'ADDACS' || reportType === '7001') return { report: readMessaging(root, header, 'ADDACS'), fileProblem: null };
    if (kind.startsWith('AUD') || reportType === '7003' || reportType === '7004') return { report: readMessaging(root, header, 'AUDDIS'), fileProblem: null };
  }
  return { report: null, fileProblem: `line ${root.line}: not an ARUDD, ADDACS, AUDDIS or Input report` };
}

function readArudd(arudd: XmlElement): BacsReport {
  const problems: { line: number; message: string }[] = [];
  const header = findAll(arudd, 'Header')[0];
  const reportDay = day(header?.attrs.currentProcessingDate);
  if (reportDay === null) problems.push({ line: header?.line ?? arudd.line, message: 'the Header has no readable currentProcessingDate' });
  const sun = findAll(arudd, 'ServiceLicenseInformation')[0]?.attrs.userNumber ?? '';
  const items: ReportItem[] = [];
  let count: number | null = null;
  let value: number | null = null;
  for (const acc of findAll(arudd, 'OriginatingAccountRecord')) {
    for (const it of findAll(acc, 'ReturnedDebitItem')) {
      const amount = parsePence(attr(it, 'valueOf') ?? '');
      if (amount === null) problems.push({ line: it.line, message: `valueOf '${attr(it, 'valueOf') ?? ''}' is not an amount` });
      const original = day(it.attrs.originalProcessingDate);
      if (original === null) problems.push({ line: it.line, message: `originalProcessingDate '${it.attrs.originalProcessingDate ?? ''}' is not a date` });
      const payer = findAll(it, 'PayerAccount')[0];
      items.push({
        line: it.line,
        reference: (it.attrs.ref ?? payer?.attrs.ref ?? '').trim(),
        code: it.attrs.returnCode ?? '',
        description: it.attrs.returnDescription ?? '',
        payerName: payer?.attrs.name ?? '',
        amount: amount ?? (0 as Pence),
        originalProcessingDay: original,
        transactionCode: it.attrs.transCode ?? '',
        newDetails: '',
      });
    }
    for (const t of findAll(acc, 'Totals')) {
      const v = parsePence(attr(t, 'valueOf') ?? '');
      const n = /^\d+$/.test(t.attrs.numberOf ?? '') ? Number(t.attrs.numberOf) : null;
      if (v === null || n === null) problems.push({ line: t.line, message: 'Totals has no readable numberOf / valueOf' });
      count = (count ?? 0) + (n ?? 0);
      value = (value ?? 0) + (v ?? 0);
    }
  }
  return { type: 'ARUDD', reportDay, serviceUserNumber: sun, items, declared: { count, value: value as Pence | null }, problems };
}

function readMessaging(root: XmlElement, header: XmlElement, type: 'ADDACS' | 'AUDDIS'): BacsReport {
  const problems: { line: number; message: string }[] = [];
  const reportDay = day(header.attrs['report-generation-date']);
  if (reportDay === null) problems.push({ line: header.line, message: 'the MessagingHeader has no readable report-generation-date' });
  const advices = findAll(root, 'MessagingAdvice');
  const items: ReportItem[] = [];
  let declared: number | null = null;
  for (const a of advices) {
    if (type === 'AUDDIS' && (a.attrs['record-type'] ?? '') === 'V') {
      // The file summary: accepted and rejected instruction counts.
      const rej = a.attrs['rejected-ddi'];
      if (rej !== undefined && /^\d+$/.test(rej)) declared = (declared ?? 0) + Number(rej);
      continue;
    }
    const newSort = a.attrs['payer-new-sort-code'] ?? '';
    const newAcc = a.attrs['payer-new-account-number'] ?? '';
    items.push({
      line: a.line,
      reference: (a.attrs.reference ?? '').trim(),
      code: a.attrs['reason-code'] ?? '',
      description: a.attrs['reason-description'] ?? '',
      payerName: a.attrs['payer-name'] ?? '',
      amount: 0 as Pence,
      originalProcessingDay: day(a.attrs['effective-date']),
      transactionCode: a.attrs['transaction-code'] ?? '',
      newDetails: newSort || newAcc ? `sort code **-**-${newSort.replace(/\D/g, '').slice(-2)} account ${maskNumber(newAcc)}` : '',
    });
  }
  if (type === 'ADDACS') {
    const first = header.attrs['subject-first-aosn'];
    const last = header.attrs['subject-last-aosn'];
    if (first !== undefined && last !== undefined && /^\d+$/.test(first) && /^\d+$/.test(last) && Number(last) >= Number(first) && Number(last) > 0) declared = Number(last) - Number(first) + 1;
  }
  return { type, reportDay, serviceUserNumber: header.attrs['user-number'] ?? '', items, declared: { count: declared, value: null }, problems };
}

/** The Input report as a report like the others: its items are what Bacs rejected, amended or returned (code = that type). */
function fromInput(input: InputReport): BacsReport {
  const items = input.errors.map((e): ReportItem => ({ line: e.line, reference: e.reference, code: e.type, description: e.message, payerName: '', amount: e.amount, originalProcessingDay: input.reportDay, transactionCode: '', newDetails: '' }));
  return { type: 'INPUT', reportDay: input.reportDay, serviceUserNumber: input.files[0]?.serviceUserNumber ?? '', items, declared: { count: null, value: null }, problems: input.problems, input };
}
