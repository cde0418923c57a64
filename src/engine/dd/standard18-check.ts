/**
 * Re-reads any Standard 18 file and checks it the way the Bacs service would before a submission:
 * record order and lengths, each field's rule, the dates (readable, the processing day a working
 * day, the file not made after it), each contra against the debits before it, and the UTL1 totals
 * and counts against the records. Every finding is located by line and character position.
 */
import type { IsoDate } from '../dates';
import { BACS_CHARS, readBacsDate } from './bacs-text';
import { checkDdiReference } from './ddi-reference';
import { DDI_CODES, DEBIT_CODES, DETAIL, DETAIL_LENGTH, HDR1, LABEL_LENGTH, TRANSACTION_CODES, UHL1, UTL1, VOL1, type TransactionCode } from './standard18';
import { covers, isWorkingDay, type WorkingCalendar } from './working-days';

export interface Std18Finding {
  readonly line: number;
  /** 1-based character position in the line. */
  readonly position: number;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface Std18Summary {
  readonly processingDay: IsoDate | null;
  readonly sun: string | null;
  readonly debits: { readonly count: number; readonly value: number };
  readonly credits: { readonly count: number; readonly value: number };
  readonly ddis: number;
  readonly records: number;
}

export interface Std18Check {
  readonly findings: readonly Std18Finding[];
  readonly summary: Std18Summary;
  /** True when no finding is an error. */
  readonly passes: boolean;
}

const ORDER = ['VOL1', 'HDR1', 'HDR2', 'UHL1'] as const;
const TRAILER = ['EOF1', 'EOF2', 'UTL1'] as const;

function field(line: string, [start, len]: readonly [number, number]): string {
  return line.slice(start - 1, start - 1 + len);
}

/** Checks the file's text; the calendar judges the processing day (omit it to skip that check). */
export function checkStandard18(text: string, calendar: WorkingCalendar | null): Std18Check {
  const findings: Std18Finding[] = [];
  const add = (line: number, position: number, code: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
    findings.push({ line, position, code, severity, message });
  };
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let stage = 0; // index into ORDER while reading labels; 4 = details; 5.. trailer
  let processingDay: IsoDate | null = null;
  let created: IsoDate | null = null;
  let sun: string | null = null;
  let hdr1: { line: number; text: string } | null = null;
  let hdr2: { line: number; text: string } | null = null;
  let origin: string | null = null;
  let debitValue = 0;
  let debitCount = 0;
  let creditValue = 0;
  let creditCount = 0;
  let ddis = 0;
  let records = 0;
  let sinceContra = 0;
  let sinceContraCount = 0;
  let sawUtl = false;
  const references = new Map<string, number>();

  lines.forEach((raw, i) => {
    const n = i + 1;
    const label = raw.slice(0, 4);
    const isLabel = /^(VOL1|HDR1|HDR2|UHL1|EOF1|EOF2|UTL1)$/.test(label);
    if (isLabel) {
      if (raw.length !== LABEL_LENGTH && !(raw.length <= DETAIL_LENGTH && raw.slice(LABEL_LENGTH).trim() === '')) add(n, 1, 'record.length', `${label} is ${raw.length} characters; a label record has ${LABEL_LENGTH}`);
    } else if (raw.length !== DETAIL_LENGTH) {
      add(n, Math.min(raw.length, DETAIL_LENGTH) + 1, 'record.length', `the record is ${raw.length} characters; a detail record has ${DETAIL_LENGTH}`);
    }
    if (!/^[\x20-\x7e]*$/.test(raw)) add(n, raw.search(/[^\x20-\x7e]/) + 1, 'record.character', 'the record holds a character outside printable ASCII');
    const line = raw.padEnd(DETAIL_LENGTH, ' ');

    if (stage < ORDER.length) {
      if (label !== ORDER[stage]) {
        add(n, 1, 'order.label', `expected ${ORDER[stage] as string} here, found '${label}'`);
        if (isLabel) return;
        stage = ORDER.length; // read the rest as details
      } else {
        stage++;
        if (label === 'VOL1') {
          sun = field(line, VOL1.sun);
          if (!/^\d{6}$/.test(sun)) add(n, VOL1.sun[0], 'vol1.sun', 'the owner identification must hold the 6-digit service user number');
        } else if (label === 'HDR1') {
          hdr1 = { line: n, text: line };
          if (sun !== null && field(line, HDR1.sun) !== sun) add(n, HDR1.sun[0], 'hdr1.sun', 'the file identifier does not carry the service user number of VOL1');
          created = readBacsDate(field(line, HDR1.created));
          if (created === null) add(n, HDR1.created[0], 'hdr1.created', `the creation date '${field(line, HDR1.created)}' is not a date in the form bYYDDD`);
          if (readBacsDate(field(line, HDR1.expires)) === null) add(n, HDR1.expires[0], 'hdr1.expires', `the expiration date '${field(line, HDR1.expires)}' is not a date in the form bYYDDD`);
        } else if (label === 'HDR2') {
          hdr2 = { line: n, text: line };
        } else if (label === 'UHL1') {
          processingDay = readBacsDate(field(line, UHL1.processingDay));
          if (processingDay === null) add(n, UHL1.processingDay[0], 'uhl1.date', `the processing day '${field(line, UHL1.processingDay)}' is not a date in the form bYYDDD`);
          else if (calendar !== null && covers(calendar, processingDay) && !isWorkingDay(calendar, processingDay)) add(n, UHL1.processingDay[0], 'uhl1.not-working-day', `the processing day ${processingDay} is not a Bacs working day`);
          else if (calendar !== null && !covers(calendar, processingDay)) add(n, UHL1.processingDay[0], 'uhl1.beyond-calendar', `the bank holiday list does not reach ${processingDay}: add the year to judge it`, 'warning');
          if (created !== null && processingDay !== null && created > processingDay) add(n, UHL1.processingDay[0], 'uhl1.before-created', `the processing day ${processingDay} is before the file's creation date ${created}`);
          const work = field(line, UHL1.workCode);
          if (work !== '1 DAILY  ' && work !== '4 MULTI  ') add(n, UHL1.workCode[0], 'uhl1.work-code', `the work code '${work}' is neither '1 DAILY' nor '4 MULTI'`);
        }
        return;
      }
    }

    if (TRAILER.includes(label as (typeof TRAILER)[number])) {
      const at = TRAILER.indexOf(label as (typeof TRAILER)[number]);
      const expected = stage - ORDER.length;
      if (expected !== at) add(n, 1, 'order.label', `${label} is out of order (expected ${TRAILER[expected] ?? 'the end of the file'})`);
      stage = ORDER.length + at + 1;
      if (label === 'EOF1') {
        if (sinceContraCount > 0) add(n, 1, 'contra.missing', `${sinceContraCount} debit record(s) before EOF1 have no contra (99) after them`);
        if (hdr1 !== null) {
          const d = firstDifference(line.slice(4, LABEL_LENGTH), hdr1.text.slice(4, LABEL_LENGTH));
          if (d >= 0) add(n, 5 + d, 'eof1.mismatch', `EOF1 differs from HDR1 (line ${hdr1.line}) at position ${5 + d}`);
        }
      } else if (label === 'EOF2') {
        if (hdr2 !== null) {
          const d = firstDifference(line.slice(4, LABEL_LENGTH), hdr2.text.slice(4, LABEL_LENGTH));
          if (d >= 0) add(n, 5 + d, 'eof2.mismatch', `EOF2 differs from HDR2 (line ${hdr2.line}) at position ${5 + d}`);
        }
      } else {
        sawUtl = true;
        const expect: [readonly [number, number], number, string][] = [
          [UTL1.debitValue, debitValue, 'debit value'],
          [UTL1.creditValue, creditValue, 'credit value'],
          [UTL1.debitCount, debitCount, 'debit count'],
          [UTL1.creditCount, creditCount, 'credit count'],
        ];
        for (const [f, want, what] of expect) {
          const got = field(line, f);
          if (!/^\d+$/.test(got)) add(n, f[0], 'utl1.not-number', `the ${what} '${got}' is not a number`);
          else if (Number(got) !== want) add(n, f[0], 'utl1.total', `the ${what} is ${Number(got)}; the records add up to ${want}`);
        }
        const ddi = field(line, UTL1.ddiCount);
        if (ddi.trim() !== '' && (!/^\d+$/.test(ddi) || Number(ddi) !== ddis)) add(n, UTL1.ddiCount[0], 'utl1.ddi-count', `the instruction (0N/0C/0S) count is '${ddi.trim()}'; the file has ${ddis}`);
      }
      return;
    }
    if (stage > ORDER.length) {
      add(n, 1, 'order.after-trailer', `a record after ${TRAILER[stage - ORDER.length - 1] ?? 'the trailer'}`);
      return;
    }
    if (isLabel) {
      add(n, 1, 'order.label', `${label} is out of order`);
      return;
    }
    // A detail record.
    records++;
    const code = field(line, DETAIL.code) as TransactionCode;
    for (const [name, f] of [['sort code', DETAIL.destSortCode], ['account number', DETAIL.destAccount], ['account type', DETAIL.accountType], ["originator's sort code", DETAIL.origSortCode], ["originator's account number", DETAIL.origAccount], ['amount', DETAIL.amount]] as const) {
      if (!/^\d+$/.test(field(line, f))) add(n, f[0], 'field.not-digits', `the ${name} '${field(line, f)}' must be digits`);
    }
    if (!TRANSACTION_CODES.includes(code)) add(n, DETAIL.code[0], 'field.code', `the transaction code '${code}' is not one of ${TRANSACTION_CODES.join(', ')}`);
    const orig = field(line, DETAIL.origSortCode) + field(line, DETAIL.origAccount);
    if (origin === null) origin = orig;
    else if (orig !== origin) add(n, DETAIL.origSortCode[0], 'field.originator', "the originator's sort code and account differ from the first record's");
    for (const [name, f] of [["service user's name", DETAIL.userName], ['reference', DETAIL.reference], ["payer's name", DETAIL.payerName]] as const) {
      const v = field(line, f);
      if (!BACS_CHARS.test(v)) add(n, f[0] + v.search(/[^A-Z0-9 .&/-]/), 'field.characters', `the ${name} '${v.trimEnd()}' holds a character Bacs does not accept (upper-case letters, digits, space . & / - only)`);
    }
    const amountText = field(line, DETAIL.amount);
    const amount = /^\d+$/.test(amountText) ? Number(amountText) : 0;
    if (code === '99') {
      creditValue += amount;
      creditCount++;
      if (field(line, DETAIL.destSortCode) + field(line, DETAIL.destAccount) !== orig) add(n, DETAIL.destSortCode[0], 'contra.account', "the contra must credit the originator's own sort code and account");
      if (amount !== sinceContra) add(n, DETAIL.amount[0], 'contra.amount', `the contra is ${amount}p; the debits before it add up to ${sinceContra}p`);
      sinceContra = 0;
      sinceContraCount = 0;
      return;
    }
    const ref = field(line, DETAIL.reference).trimEnd();
    const refProblem = checkDdiReference(ref);
    if (refProblem !== null) add(n, DETAIL.reference[0], 'field.reference', `the reference '${ref}' ${refProblem}`);
    if (DDI_CODES.includes(code)) {
      ddis++;
      if (amount !== 0) add(n, DETAIL.amount[0], 'field.amount', `an instruction (${code}) carries no amount; found ${amount}p`);
      const prev = references.get(`${code}|${ref}`);
      if (prev !== undefined) add(n, DETAIL.reference[0], 'field.reference-duplicate', `the reference '${ref}' is lodged twice (line ${prev})`);
      else references.set(`${code}|${ref}`, n);
    } else if (DEBIT_CODES.includes(code)) {
      if (amount === 0) add(n, DETAIL.amount[0], 'field.amount', 'a collection of 0p');
      debitValue += amount;
      debitCount++;
      sinceContra += amount;
      sinceContraCount++;
    }
  });
  if (lines.length === 0) add(1, 1, 'file.empty', 'the file is empty');
  else {
    if (stage < ORDER.length) add(lines.length, 1, 'order.missing', `the file ends before ${ORDER[stage] as string}`);
    if (stage === ORDER.length && sinceContraCount > 0) add(lines.length, 1, 'contra.missing', `${sinceContraCount} debit record(s) at the end have no contra (99) after them`);
    if (!sawUtl) add(lines.length, 1, 'order.missing', 'the file has no UTL1 trailer (EOF1, EOF2, UTL1)');
  }
  findings.sort((a, b) => a.line - b.line || a.position - b.position);
  return {
    findings,
    summary: { processingDay, sun, debits: { count: debitCount, value: debitValue }, credits: { count: creditCount, value: creditValue }, ddis, records },
    passes: !findings.some((f) => f.severity === 'error'),
  };
}

function firstDifference(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}
