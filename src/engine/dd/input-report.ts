/**
 * The Bacs Input report (BACSDocument/Data/InputReport, report type REFT2013 in the one published
 * sample found: cool725/so-sure-web's test resource, vendored as tests/fixtures/bacs/
 * so-sure-Input.xml). For each user file: its service user number, file number and processing
 * day, and the Agreement of File Totals, credit and debit entries each as accepted, rejected,
 * the user trailer's totals (what was submitted) and adjustments. The items Bacs rejected, amended
 * or returned are read where so-sure's own reader finds them (InputUserFile/Errors/Error: ErrorItem
 * reference and valueOf, ErrorMessage type); no published sample shows an item, so every other
 * attribute of the ErrorMessage is shown as Bacs gives it, never given a meaning here.
 */
import { parseDayFirst, type IsoDate } from '../dates';
import { formatGBP, parsePence, type Pence } from '../money';
import { attr, findAll, type XmlElement } from './xml-lite';

export interface Figure {
  readonly count: number;
  readonly value: Pence;
}

/** One side (credit or debit) of a user file's Agreement of File Totals. */
export interface EntryTotals {
  readonly accepted: Figure;
  readonly rejected: Figure;
  /** What the file's user trailer said was submitted. */
  readonly submitted: Figure;
  readonly adjustments: Figure;
}

export interface InputUserFile {
  readonly line: number;
  readonly serviceUserNumber: string;
  readonly fileNumber: string;
  readonly processingDay: IsoDate | null;
  readonly credit: EntryTotals | null;
  readonly debit: EntryTotals | null;
}

export interface InputError {
  readonly line: number;
  readonly reference: string;
  readonly amount: Pence;
  /** REJECTED, AMENDED or RETURNED as the report gives it (so-sure's reader knows REJECTED). */
  readonly type: string;
  /** The ErrorMessage's other attributes as given (the reason, INPUT A to Z, where Bacs puts it). */
  readonly message: string;
}

export interface InputReport {
  readonly reportType: string;
  readonly reportDay: IsoDate | null;
  readonly files: readonly InputUserFile[];
  readonly errors: readonly InputError[];
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

const ZERO: Figure = { count: 0, value: 0 as Pence };

/** Reads the Input report under the element; the problems name the XML line of each unreadable figure. */
export function readInputReport(el: XmlElement): InputReport {
  const problems: { line: number; message: string }[] = [];
  const header = findAll(el, 'Header')[0];
  const dateOf = (e: XmlElement | undefined): IsoDate | null => {
    const d = attr(e, 'date');
    return d ? parseDayFirst(d) : null;
  };
  const reportDay = dateOf(findAll(el, 'ProcessingDate')[0]);
  if (reportDay === null) problems.push({ line: header?.line ?? el.line, message: 'the Header has no readable ProcessingDate' });
  const figure = (e: XmlElement | undefined, what: string): Figure => {
    if (e === undefined) return ZERO;
    const n = attr(e, 'numberOf') ?? '';
    const v = parsePence(attr(e, 'valueOf') ?? '');
    if (!/^\d+$/.test(n) || v === null) {
      problems.push({ line: e.line, message: `${what} has no readable numberOf / valueOf` });
      return ZERO;
    }
    return { count: Number(n), value: v };
  };
  const entry = (agreement: XmlElement | undefined, side: 'CreditEntry' | 'DebitEntry'): EntryTotals | null => {
    const e = agreement?.children.find((c) => c.name === side);
    if (e === undefined) return null;
    const child = (name: string) => e.children.find((c) => c.name === name);
    return { accepted: figure(child('AcceptedRecords'), `${side} AcceptedRecords`), rejected: figure(child('RejectedRecords'), `${side} RejectedRecords`), submitted: figure(child('UserTrailerTotals'), `${side} UserTrailerTotals`), adjustments: figure(child('AdjustmentRecords'), `${side} AdjustmentRecords`) };
  };
  const files = findAll(el, 'InputUserFile').map((f): InputUserFile => {
    const info = findAll(f, 'UserFileInformation')[0];
    const agreement = findAll(f, 'AgreementOfFileTotals')[0];
    if (agreement === undefined) problems.push({ line: f.line, message: 'the user file has no AgreementOfFileTotals' });
    const uhl = attr(info, 'uhl1ProcessingDate');
    return { line: f.line, serviceUserNumber: attr(info, 'userNumber') ?? '', fileNumber: attr(info, 'userFileNumber') ?? '', processingDay: uhl ? parseDayFirst(uhl) : null, credit: entry(agreement, 'CreditEntry'), debit: entry(agreement, 'DebitEntry') };
  });
  if (files.length === 0) problems.push({ line: el.line, message: 'the Input report lists no InputUserFile' });
  const errors = findAll(el, 'InputUserFile').flatMap((f) =>
    findAll(f, 'Error').map((e): InputError => {
      const item = e.children.find((c) => c.name === 'ErrorItem');
      const msg = e.children.find((c) => c.name === 'ErrorMessage');
      const amount = parsePence(attr(item, 'valueOf') ?? '');
      if (amount === null) problems.push({ line: item?.line ?? e.line, message: `ErrorItem valueOf '${attr(item, 'valueOf') ?? ''}' is not an amount` });
      const others = msg ? Object.keys(msg.attrs).filter((k) => k !== 'type').map((k) => msg.attrs[k] ?? '') : [];
      return { line: e.line, reference: (attr(item, 'reference') ?? '').trim(), amount: amount ?? (0 as Pence), type: (attr(msg, 'type') ?? '').trim().toUpperCase(), message: others.map((s) => s.trim()).filter((s) => s !== '').join(' ') };
    }),
  );
  return { reportType: attr(header, 'reportType') ?? '', reportDay, files, errors, problems };
}

const add = (a: Figure, b: Figure): Figure => ({ count: a.count + b.count, value: (a.value + b.value) as Pence });
const same = (a: Figure, b: Figure): boolean => a.count === b.count && a.value === b.value;

/**
 * The Input report's own control: in every user file, for credits and debits, the accepted and
 * rejected records make up what the user trailer submitted; and where the report lists items, the
 * rejected ones listed make up the rejected records.
 */
export function agreeInputReport(report: InputReport): { agrees: boolean; text: string } {
  const fail: string[] = [];
  let rejected = ZERO;
  let submitted = ZERO;
  let accepted = ZERO;
  for (const f of report.files) {
    for (const [side, t] of [['credit', f.credit], ['debit', f.debit]] as const) {
      if (t === null) {
        fail.push(`file ${f.fileNumber || '?'}: no ${side} totals`);
        continue;
      }
      if (!same(add(t.accepted, t.rejected), t.submitted)) fail.push(`file ${f.fileNumber || '?'} ${side}s: accepted ${t.accepted.count} + rejected ${t.rejected.count} do not make the ${t.submitted.count} submitted (line ${f.line})`);
      rejected = add(rejected, t.rejected);
      if (side === 'debit') {
        submitted = add(submitted, t.submitted);
        accepted = add(accepted, t.accepted);
      }
    }
  }
  const listed = report.errors.filter((e) => e.type === 'REJECTED').length;
  if (report.errors.length > 0 && listed !== rejected.count) fail.push(`${rejected.count} rejected record(s) in the totals, ${listed} listed`);
  if (report.errors.length === 0 && rejected.count > 0) fail.push(`${rejected.count} rejected record(s) in the totals but the report lists none`);
  const text = `debits submitted ${submitted.count} ${formatGBP(submitted.value)}, accepted ${accepted.count} ${formatGBP(accepted.value)}; ${rejected.count} record(s) rejected, ${report.errors.filter((e) => e.type === 'AMENDED').length} amended`;
  return { agrees: fail.length === 0 && report.files.length > 0, text: fail.length ? `${text}; ${fail.join('; ')}` : text };
}
