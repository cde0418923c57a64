/**
 * The task pane's profile maker in the user's terms (issue 12 item 5): the person picks columns
 * from the file's own headers, says where the reference is ("the whole column", "the first number
 * of 6 to 10 digits in it", "the word after REF") and which lines to leave out ("the description
 * starts with / contains ALLPAY"); a regular expression only when they choose "advanced". This
 * module turns that draft into an ImportProfile, and every problem into a sentence about the form
 * ("Choose the column that holds the date"), never schema text ("Too small: expected string…").
 */
import { RECEIPT_CATEGORIES } from '../categories';
import { parseProfile, type DATE_FORMATS, type ImportProfile } from './profile';

/** Where the account reference is inside the chosen column. */
export type ReferenceIs = 'whole' | 'number' | 'after' | 'pattern';
/** How a line to leave out is recognised. */
export type LeaveOutHow = 'starts-with' | 'contains' | 'pattern';

export interface LeaveOutRule {
  /** A column key (see ProfileDraft). */
  readonly column: string;
  readonly how: LeaveOutHow;
  readonly text: string;
}

/**
 * The form's state. A column key is the header text when the file has a header row, else the
 * 1-based column number as text; '' is "not chosen".
 */
export interface ProfileDraft {
  readonly name: string;
  readonly channel: string;
  readonly delimiter: string;
  readonly header: boolean;
  readonly skipLines: number;
  readonly date: string;
  readonly dateFormat: string;
  readonly amountKind: 'signed' | 'debit-credit';
  readonly amount: string;
  readonly debit: string;
  readonly credit: string;
  readonly reference: string;
  readonly referenceIs: ReferenceIs;
  /** For 'after': the word the reference follows (REF, ACC). */
  readonly referenceWord: string;
  /** For 'pattern' (advanced): a regular expression whose first group is the reference. */
  readonly pattern: string;
  /** The payer's name or the description ('' none). */
  readonly payer: string;
  /** A bank statement's running balance ('' none: the file is then controlled by the settlement entered). */
  readonly balance: string;
  readonly order: 'newest-first' | 'oldest-first';
  readonly leaveOut: readonly LeaveOutRule[];
}

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  channel: 'BANK',
  delimiter: ',',
  header: true,
  skipLines: 0,
  date: '',
  dateFormat: 'day-first',
  amountKind: 'signed',
  amount: '',
  debit: '',
  credit: '',
  reference: '',
  referenceIs: 'whole',
  referenceWord: '',
  pattern: '',
  payer: '',
  balance: '',
  order: 'newest-first',
  leaveOut: [],
};

/** The choices offered for the reference, in words. */
export const REFERENCE_CHOICES: readonly { readonly value: ReferenceIs; readonly label: string; readonly advanced: boolean }[] = [
  { value: 'whole', label: 'The whole column is the reference', advanced: false },
  { value: 'number', label: 'The first number of 6 to 10 digits in it', advanced: false },
  { value: 'after', label: 'The word after a label (e.g. REF)', advanced: false },
  { value: 'pattern', label: 'A regular expression (advanced)', advanced: true },
];

export const LEAVE_OUT_CHOICES: readonly { readonly value: LeaveOutHow; readonly label: string; readonly advanced: boolean }[] = [
  { value: 'starts-with', label: 'starts with', advanced: false },
  { value: 'contains', label: 'contains', advanced: false },
  { value: 'pattern', label: 'matches the regular expression (advanced)', advanced: true },
];

/** The date formats in words. */
export const DATE_FORMAT_LABELS: Readonly<Record<(typeof DATE_FORMATS)[number], string>> = {
  'day-first': 'Day first, any UK form',
  'dd/mm/yyyy': '08/12/2026',
  'dd/mm/yy': '08/12/26',
  'dd-mmm-yyyy': '08-Dec-2026 or 08 Dec 2026',
  ddmmyyyy: '08122026',
  yyyymmdd: '20261208',
  'yyyy-mm-dd': '2026-12-08',
};

/** The first number of 6 to 10 digits (the shipped bank profiles' rule). */
const NUMBER_PATTERN = '(?:^|\\D)(\\d{6,10})(?:\\D|$)';

/** Text as a regular expression matching itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function validRegExp(p: string): string | null {
  try {
    new RegExp(p, 'i');
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/** What the form's fields are called in the sentences below. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  name: 'the profile name',
  channel: 'the channel',
  layout: 'the layout',
  skipLines: 'the number of title lines',
  dateFormat: 'the date format',
  date: 'the date column',
  amount: 'the amount column',
  reference: 'the reference',
  payer: 'the payer column',
  narrative: 'the description column',
  skip: 'a line to leave out',
  balance: 'the running balance column',
  control: 'the control',
};

export type DraftResult = { readonly ok: true; readonly profile: ImportProfile } | { readonly ok: false; readonly problems: readonly string[] };

/** The draft as a profile, or what is still to do, in words. */
export function profileFromDraft(d: ProfileDraft): DraftResult {
  const problems: string[] = [];
  const ref = (v: string): string | number => (d.header ? v : Number(v));
  if (d.name.trim() === '') problems.push('Give the profile a name: lower-case letters, digits and hyphens, e.g. my-bank.');
  else if (!/^[a-z0-9][a-z0-9-]*$/.test(d.name)) problems.push(`The name "${d.name}" may hold only lower-case letters, digits and hyphens, starting with a letter or digit (e.g. my-bank).`);
  if (!(RECEIPT_CATEGORIES as readonly string[]).includes(d.channel)) problems.push('Choose the channel the payments came through.');
  if (d.date === '') problems.push('Choose the column that holds the date.');
  if (d.amountKind === 'signed' && d.amount === '') problems.push('Choose the column that holds the amount.');
  if (d.amountKind === 'debit-credit') {
    if (d.debit === '') problems.push('Choose the column of money paid out (debits).');
    if (d.credit === '') problems.push('Choose the column of money received (credits).');
    if (d.debit !== '' && d.debit === d.credit) problems.push('Debits and credits must be two different columns.');
  }
  if (d.reference === '') problems.push('Choose the column that holds the account reference.');
  if (d.referenceIs === 'after' && d.referenceWord.trim() === '') problems.push('Type the label the reference follows (e.g. REF).');
  if (d.referenceIs === 'pattern') {
    if (d.pattern.trim() === '') problems.push('Type the regular expression, or choose a simpler way to find the reference.');
    else {
      const bad = validRegExp(d.pattern);
      if (bad) problems.push(`The regular expression for the reference is not valid (${bad}).`);
    }
  }
  d.leaveOut.forEach((r, i) => {
    const n = d.leaveOut.length > 1 ? ` ${i + 1}` : '';
    if (r.column === '') problems.push(`Choose the column of the lines to leave out${n}.`);
    if (r.text.trim() === '') problems.push(`Type what the lines to leave out${n} ${r.how === 'contains' ? 'contain' : r.how === 'starts-with' ? 'start with' : 'match'}.`);
    else if (r.how === 'pattern') {
      const bad = validRegExp(r.text);
      if (bad) problems.push(`The regular expression of the lines to leave out${n} is not valid (${bad}).`);
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const referenceField = ref(d.reference);
  const reference =
    d.referenceIs === 'whole'
      ? { from: 'field', field: referenceField }
      : {
          from: 'pattern',
          field: referenceField,
          pattern: d.referenceIs === 'number' ? NUMBER_PATTERN : d.referenceIs === 'after' ? `${escapeRegExp(d.referenceWord.trim())}\\W*([A-Za-z0-9]+)` : d.pattern,
        };
  const skip = d.leaveOut.map((r) => ({
    field: ref(r.column),
    pattern: r.how === 'starts-with' ? `^\\s*${escapeRegExp(r.text.trim())}` : r.how === 'contains' ? escapeRegExp(r.text.trim()) : r.text,
  }));
  const input = {
    name: d.name,
    channel: d.channel,
    layout: { kind: 'delimited', delimiter: d.delimiter, header: d.header },
    skipLines: d.skipLines,
    dateFormat: d.dateFormat,
    date: ref(d.date),
    amount: d.amountKind === 'signed' ? { kind: 'signed', field: ref(d.amount) } : { kind: 'debit-credit', debit: ref(d.debit), credit: ref(d.credit) },
    reference,
    ...(d.payer ? { payer: ref(d.payer), narrative: ref(d.payer) } : {}),
    skip,
    // A statement's running balance controls the file (and marks money paid out, which is skipped).
    ...(d.balance ? { balance: { field: ref(d.balance), order: d.order } } : {}),
    control: d.balance ? 'balance' : 'settlement',
  };
  const parsed = parseProfile(input);
  if (parsed.ok) return parsed;
  // Whatever the checks above missed, still in words: which part of the form, never the schema's text.
  const parts = [...new Set(parsed.problems.map((p) => FIELD_WORDS[p.split(/[.:]/)[0] ?? ''] ?? 'the profile'))];
  return { ok: false, problems: parts.map((w) => `Check ${w}: it is not one this tool can use.`) };
}
