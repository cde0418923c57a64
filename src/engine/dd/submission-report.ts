/**
 * The Bacstel-IP submission results (the "submission summary" report, namespace
 * http://bacs.co.uk/submissions): for each payment file of a submission, its status, processing
 * day, and the counts and values Bacs took in (creditRecordCount, creditValueTotal,
 * debitRecordCount, debitValueTotal in pence, ddiRecordCount), contras not counted. This is the
 * one published layout found for what Bacs reports back about a submission as it is sent; the
 * Input report (accepted, rejected and amended items) is read by input-report.ts from the one
 * published sample found (docs/direct-debits.md says what was searched).
 */
import { parseDayFirst, type IsoDate } from '../dates';
import { findAll, parseXml } from './xml-lite';

export interface SubmittedFile {
  readonly line: number;
  readonly index: string;
  readonly identifier: string;
  /** 'complete' once Bacs accepted it; anything else is shown as given. */
  readonly status: string;
  readonly processingDay: IsoDate | null;
  readonly sun: string;
  readonly debits: { readonly count: number | null; readonly value: number | null };
  readonly credits: { readonly count: number | null; readonly value: number | null };
  readonly ddis: number | null;
}

export interface SubmissionResults {
  readonly identifier: string;
  readonly status: string;
  readonly type: string;
  readonly serialNumber: string;
  readonly files: readonly SubmittedFile[];
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

const count = (s: string | undefined): number | null => (s !== undefined && /^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** Reads the submission results; null when the text is not one (so other readers may try). */
export function readSubmissionResults(text: string): { results: SubmissionResults | null; fileProblem: string | null } {
  const { root, problem } = parseXml(text);
  if (!root) return { results: null, fileProblem: `line ${problem?.line ?? 1}: not readable XML (${problem?.message ?? ''})` };
  const top = root.name.replace(/^.*:/, '') === 'SubmissionResults' ? root : findAll(root, 'SubmissionResults')[0];
  if (!top) return { results: null, fileProblem: null };
  const problems: { line: number; message: string }[] = [];
  const files = findAll(top, 'PaymentFile').map((f): SubmittedFile => {
    const a = f.attrs;
    const day = a.processingDay ? parseDayFirst(a.processingDay) : null;
    if (day === null) problems.push({ line: f.line, message: `processingDay '${a.processingDay ?? ''}' is not a date` });
    const figures = { dc: count(a.debitRecordCount), dv: count(a.debitValueTotal), cc: count(a.creditRecordCount), cv: count(a.creditValueTotal) };
    for (const [k, v] of Object.entries({ debitRecordCount: figures.dc, debitValueTotal: figures.dv, creditRecordCount: figures.cc, creditValueTotal: figures.cv })) {
      if (v === null) problems.push({ line: f.line, message: `${k} '${a[k] ?? ''}' is not a whole number` });
    }
    return {
      line: f.line,
      index: a.index ?? '',
      identifier: a.paymentFileIdentifier ?? '',
      status: a.status ?? '',
      processingDay: day,
      sun: findAll(f, 'OriginatingServiceUser')[0]?.attrs.userNumber ?? '',
      debits: { count: figures.dc, value: figures.dv },
      credits: { count: figures.cc, value: figures.cv },
      ddis: count(a.ddiRecordCount),
    };
  });
  if (files.length === 0) problems.push({ line: top.line, message: 'the submission results list no PaymentFile' });
  return {
    results: { identifier: top.attrs.submissionIdentifier ?? '', status: top.attrs.status ?? '', type: top.attrs.submissionType ?? '', serialNumber: top.attrs.submissionSerialNumber ?? '', files, problems },
    fileProblem: null,
  };
}
