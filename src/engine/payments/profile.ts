/**
 * Import profiles: how to read one kind of payment file, as plain JSON data (DOMAIN.md section 3:
 * payment files have no single public layout, so importers are mapping-driven, not code per bank).
 * The task pane builds a profile by mapping a sample file's columns and saves it as JSON; the CLI
 * takes a shipped profile by name or a JSON file. Validated with zod, with messages naming the key.
 */
import { z } from 'zod';
import { RECEIPT_CATEGORIES, type Category } from '../categories';

/**
 * A field of a line: a 1-based column number (delimited files), a header text (delimited files
 * with a header row; compared case- and punctuation-insensitively) or the name of a fixed-width
 * column.
 */
const fieldRef = z.union([z.number().int().min(1).max(500), z.string().min(1)]);
export type FieldRef = z.infer<typeof fieldRef>;

const fixedColumn = z.object({ name: z.string().min(1), start: z.number().int().min(1), width: z.number().int().min(1) }).strict();

const layout = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('delimited'),
      delimiter: z.string().length(1).default(','),
      /** A header row names the columns (after any skipped title lines). */
      header: z.boolean().default(false),
    })
    .strict(),
  z.object({ kind: z.literal('fixed'), columns: z.array(fixedColumn).min(1) }).strict(),
]);

export const DATE_FORMATS = ['dd/mm/yyyy', 'dd/mm/yy', 'dd-mmm-yyyy', 'ddmmyyyy', 'yyyymmdd', 'yyyy-mm-dd', 'day-first'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const amount = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('signed'),
      field: fieldRef,
      unit: z.enum(['pounds', 'pence']).default('pounds'),
      /** 'receipt-positive': a payment is a positive amount (Allpay, cash office); 'receipt-negative' the reverse. */
      sign: z.enum(['receipt-positive', 'receipt-negative']).default('receipt-positive'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('debit-credit'),
      /** Money out of the bank account (not a receipt). */
      debit: fieldRef,
      /** Money in: the receipts. */
      credit: fieldRef,
      unit: z.enum(['pounds', 'pence']).default('pounds'),
    })
    .strict(),
]);

/** A regular expression as text (case-insensitive when used); shared with the cash-balancing config. */
export const regexText = z.string().refine((p) => {
  try {
    new RegExp(p, 'i');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');
const regex = regexText.min(1);

const reference = z.discriminatedUnion('from', [
  z.object({ from: z.literal('field'), field: fieldRef }).strict(),
  /** A slice of a field, 1-based start: the account ref inside a 19-digit Allpay card number. */
  z.object({ from: z.literal('slice'), field: fieldRef, start: z.number().int().min(1), length: z.number().int().min(1) }).strict(),
  /** A regular expression over a field (the narrative); the first capture group is the reference. */
  z
    .object({
      from: z.literal('pattern'),
      field: fieldRef,
      pattern: regex,
    })
    .strict(),
]);

const trailer = z
  .object({
    /** The trailer line is the one whose field equals this text (trimmed, case-insensitive). */
    field: fieldRef,
    equals: z.string().min(1),
    /** Number of payment lines the file should hold. */
    count: fieldRef.optional(),
    /** Total of the payment lines, in the amount's unit. */
    total: fieldRef.optional(),
  })
  .strict();

/** A receipt channel (HB, UC, DD, ALLPAY, CASH, BANK, CARD); shared with the cash-balancing config. */
export const receiptChannel = z.enum(RECEIPT_CATEGORIES as unknown as [Category, ...Category[]]);

export const profileSchema = z
  .object({
    /** Short name used on the command line: allpay, lloyds, natwest, cash-office. */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    label: z.string().default(''),
    /** The receipt channel every line of the file belongs to. */
    channel: receiptChannel,
    layout,
    /** Title lines before the header row (or before the first line). */
    skipLines: z.number().int().min(0).max(50).default(0),
    dateFormat: z.enum(DATE_FORMATS).default('day-first'),
    date: fieldRef,
    amount,
    reference,
    payer: fieldRef.optional(),
    /** Text kept with the line (a bank statement's description); bank details in it are masked on output. */
    narrative: fieldRef.optional(),
    /** Fields that together identify one payment (with date, reference and amount) across files. */
    transactionId: z.array(fieldRef).default([]),
    /** A card or bank account number kept only masked (****1234). */
    card: fieldRef.optional(),
    /** The record type: each value is 'payment' (imported) or 'skip'; any other value is an error. */
    recordType: z.object({ field: fieldRef, values: z.record(z.string(), z.enum(['payment', 'skip'])) }).strict().optional(),
    trailer: trailer.optional(),
    /** Lines to leave out, by a pattern over a field: a statement's settlement credits of other channels, interest. */
    skip: z.array(z.object({ field: fieldRef, pattern: regex }).strict()).default([]),
    /**
     * The running balance of a bank statement: each line's balance must follow from the one before
     * (a line missing from an export breaks it). 'oldest-first' or 'newest-first' is the line order.
     */
    balance: z.object({ field: fieldRef, order: z.enum(['oldest-first', 'newest-first']) }).strict().optional(),
    /** Which control the file's totals must agree with: its trailer, the settlement the user enters, or the running balance. */
    control: z.enum(['trailer', 'settlement', 'balance']),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.control === 'trailer' && !p.trailer) ctx.addIssue({ code: 'custom', path: ['trailer'], message: 'control "trailer" needs a trailer' });
    if (p.control === 'balance' && !p.balance) ctx.addIssue({ code: 'custom', path: ['balance'], message: 'control "balance" needs a balance column' });
    if (p.layout.kind === 'fixed') {
      const names = new Set(p.layout.columns.map((c) => c.name));
      const refs: [string, FieldRef | undefined][] = [
        ['date', p.date],
        ['amount', p.amount.kind === 'signed' ? p.amount.field : p.amount.debit],
        ['reference.field', p.reference.field],
        ['payer', p.payer],
        ['narrative', p.narrative],
      ];
      for (const [key, ref] of refs) {
        if (ref !== undefined && (typeof ref === 'number' || !names.has(ref))) ctx.addIssue({ code: 'custom', path: key.split('.'), message: `names no fixed-width column (${[...names].join(', ')})` });
      }
    }
  });

export type ImportProfile = z.output<typeof profileSchema>;
/** A profile as written in JSON, defaults not yet applied. */
export type ImportProfileInput = z.input<typeof profileSchema>;

export type ParsedProfile = { readonly ok: true; readonly profile: ImportProfile } | { readonly ok: false; readonly problems: readonly string[] };

/** Validates a profile (from a file or the task pane); problems name the key. */
export function parseProfile(json: unknown): ParsedProfile {
  const parsed = profileSchema.safeParse(json);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`) };
}

/**
 * The shipped profiles. Allpay's layout is per client: this one reads the headerless rows of the
 * issue (card number, client reference, amount in pounds, record type, date) with a trailer
 * `T,count,total`; copy and edit it if your file differs.
 */
export const SHIPPED_PROFILE_INPUTS: readonly ImportProfileInput[] = [
  {
    name: 'allpay',
    label: 'Allpay daily payments file (headerless CSV: card number, client reference, amount, record type, date; trailer T,count,total)',
    channel: 'ALLPAY',
    layout: { kind: 'delimited', delimiter: ',', header: false },
    dateFormat: 'dd/mm/yyyy',
    date: 5,
    amount: { kind: 'signed', field: 3, unit: 'pounds' },
    reference: { from: 'field', field: 2 },
    card: 1,
    transactionId: [1],
    recordType: { field: 4, values: { D: 'payment' } },
    trailer: { field: 1, equals: 'T', count: 2, total: 3 },
    control: 'trailer',
  },
  {
    name: 'lloyds',
    label: 'Lloyds / Barclays statement export (Transaction Date, Transaction Type, Sort Code, Account Number, Transaction Description, Debit Amount, Credit Amount, Balance)',
    channel: 'BANK',
    layout: { kind: 'delimited', delimiter: ',', header: true },
    dateFormat: 'dd/mm/yyyy',
    date: 'Transaction Date',
    amount: { kind: 'debit-credit', debit: 'Debit Amount', credit: 'Credit Amount', unit: 'pounds' },
    reference: { from: 'pattern', field: 'Transaction Description', pattern: '(?:^|\\D)(\\d{6,10})(?:\\D|$)' },
    narrative: 'Transaction Description',
    transactionId: ['Transaction Type', 'Transaction Description'],
    skip: [{ field: 'Transaction Description', pattern: '^(ALLPAY|CASH OFFICE|CARD SETTLEMENT)' }],
    balance: { field: 'Balance', order: 'newest-first' },
    control: 'balance',
  },
  {
    name: 'natwest',
    label: 'NatWest statement export (Date, Type, Description, Value, Balance, Account Name, Account Number)',
    channel: 'BANK',
    layout: { kind: 'delimited', delimiter: ',', header: true },
    dateFormat: 'dd/mm/yyyy',
    date: 'Date',
    amount: { kind: 'signed', field: 'Value', unit: 'pounds', sign: 'receipt-positive' },
    reference: { from: 'pattern', field: 'Description', pattern: '(?:^|\\D)(\\d{6,10})(?:\\D|$)' },
    narrative: 'Description',
    transactionId: ['Type', 'Description'],
    skip: [{ field: 'Description', pattern: '^(ALLPAY|CASH OFFICE|CARD SETTLEMENT)' }],
    balance: { field: 'Balance', order: 'oldest-first' },
    control: 'balance',
  },
  {
    name: 'cash-office',
    label: 'Cash office daily sheet as CSV (Receipt No, Date, Account Ref, Payer, Method, Amount; a TOTAL line with the count and total)',
    channel: 'CASH',
    layout: { kind: 'delimited', delimiter: ',', header: true },
    skipLines: 1,
    dateFormat: 'dd/mm/yyyy',
    date: 'Date',
    amount: { kind: 'signed', field: 'Amount', unit: 'pounds' },
    reference: { from: 'field', field: 'Account Ref' },
    payer: 'Payer',
    narrative: 'Method',
    transactionId: ['Receipt No'],
    recordType: { field: 'Method', values: { CASH: 'payment', CHEQUE: 'payment', CARD: 'payment', VOID: 'skip' } },
    trailer: { field: 'Receipt No', equals: 'TOTAL', count: 'Date', total: 'Amount' },
    control: 'trailer',
  },
];

export const SHIPPED_PROFILES: ReadonlyMap<string, ImportProfile> = new Map(
  SHIPPED_PROFILE_INPUTS.map((p) => {
    const parsed = parseProfile(p);
    if (!parsed.ok) throw new Error(`shipped profile ${p.name} is invalid: ${parsed.problems.join('; ')}`);
    return [parsed.profile.name, parsed.profile];
  }),
);
