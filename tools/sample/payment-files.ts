/**
 * A seeded generator of daily payment files in the four shipped formats (Allpay, Lloyds/Barclays and
 * NatWest statements, the cash office sheet), over a rent roll, with lines planted that cannot be
 * allocated and lines a safe repair allocates. Each file comes with its truth, line by line, so the
 * tests check the engine against the generator, never against itself. Also a bank statement of
 * settlements for cash balancing, with a missing and a short settlement planted.
 *
 * Pure: no clock, no Math.random, no Node APIs.
 */
import type { Category } from '../../src/engine/categories';
import { addDays, formatUkDate, weekday, type IsoDate } from '../../src/engine/dates';
import { formatPence, toPence, type Pence } from '../../src/engine/money';
import { Rng } from './generate';
import { FIRST_NAMES, SURNAMES } from './names';

/** What the generator needs of a tenancy. */
export interface PaymentTenancy {
  readonly account: string;
  readonly tenant: string;
  readonly weeklyCharge: Pence;
  /** A tenancy that starts after the payment is not paid into yet (the matcher says so). */
  readonly start?: IsoDate | null;
  readonly end: IsoDate | null;
}

export type PaymentFormat = 'allpay' | 'lloyds' | 'natwest' | 'cash-office';
export const PAYMENT_FORMATS: readonly PaymentFormat[] = ['allpay', 'lloyds', 'natwest', 'cash-office'];

/** How each line must come out: allocated exactly, by a safe repair, or left in suspense. */
export type LineTruth = { readonly line: number; readonly amount: Pence; readonly outcome: 'exact' | 'repaired'; readonly account: string } | { readonly line: number; readonly amount: Pence; readonly outcome: 'suspense'; readonly account: null; readonly why: string };

export interface GeneratedPaymentFile {
  readonly format: PaymentFormat;
  readonly channel: Category;
  readonly fileName: string;
  readonly text: string;
  readonly date: IsoDate;
  /** Receipt lines only (no headers, trailers, debits or voids), in file order. */
  readonly lines: readonly LineTruth[];
  readonly total: Pence;
  readonly count: number;
}

export interface PaymentFileOptions {
  readonly seed: number;
  readonly format: PaymentFormat;
  /** The day the payments were made. */
  readonly date: IsoDate;
  /** Receipt lines in the file. */
  readonly lines: number;
  /** Share of lines planted with a reference nothing can be matched to (at least one unless 0 lines). */
  readonly unallocatable?: number;
  /** Share of lines whose reference lost its leading zeros (the matcher repairs them safely). */
  readonly repairable?: number;
}

const CHANNEL: Readonly<Record<PaymentFormat, Category>> = { allpay: 'ALLPAY', lloyds: 'BANK', natwest: 'BANK', 'cash-office': 'CASH' };

const csv = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A payer's name as a bank shows it: "J SMITH". */
function bankName(tenant: string): string {
  const first = tenant.split(/&|\band\b/i)[0]?.trim() ?? tenant;
  const words = first.toUpperCase().split(/\s+/).filter(Boolean);
  return words.length > 1 ? `${(words[0] as string)[0]} ${words[words.length - 1]}` : (words[0] ?? '');
}

/** Generates one payment file with its truth. */
export function generatePaymentFile(roll: readonly PaymentTenancy[], options: PaymentFileOptions): GeneratedPaymentFile {
  const rng = new Rng(options.seed, PAYMENT_FORMATS.indexOf(options.format) + 11);
  const live = roll.filter((t) => (t.start == null || t.start <= options.date) && (t.end === null || t.end >= options.date));
  if (live.length === 0) throw new RangeError('the roll has no live tenancy');
  const n = options.lines;
  const nBad = n === 0 ? 0 : Math.max(1, Math.round(n * (options.unallocatable ?? 0.03)));
  const nRepair = Math.round(n * (options.repairable ?? 0.02));
  const kinds: ('ok' | 'bad' | 'repair')[] = [...Array<'bad'>(nBad).fill('bad'), ...Array<'repair'>(Math.min(nRepair, n - nBad)).fill('repair')];
  while (kinds.length < n) kinds.push('ok');
  rng.shuffle(kinds);
  const withZeros = live.filter((t) => /^0/.test(t.account) && t.account.replace(/^0+/, '').length >= 4);
  const day = formatUkDate(options.date);

  interface Pay {
    kind: 'ok' | 'bad' | 'repair';
    tenancy: PaymentTenancy | null;
    ref: string;
    amount: Pence;
    payer: string;
  }
  const pays: Pay[] = kinds.map((kind) => {
    const t = kind === 'repair' && withZeros.length > 0 ? rng.pick(withZeros) : rng.pick(live);
    const weeks = rng.pick([1, 1, 1, 2, 4]);
    const odd = rng.chance(0.3);
    const amount = toPence(odd ? rng.int(500, 60000) : Math.max(100, t.weeklyCharge * weeks));
    if (kind === 'bad') {
      // A reference that is no account, no property and no keying slip of one: too short, or words.
      const ref = rng.pick(['', 'RENT', String(rng.int(1000, 99999)), 'HOUSING']);
      return { kind, tenancy: null, ref, amount, payer: `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}` };
    }
    const ref = kind === 'repair' && withZeros.length > 0 ? t.account.replace(/^0+/, '') : t.account;
    return { kind: kind === 'repair' && withZeros.length === 0 ? 'ok' : kind, tenancy: t, ref, amount, payer: t.tenant };
  });

  const truthOf = (p: Pay, line: number): LineTruth =>
    p.tenancy === null
      ? { line, amount: p.amount, outcome: 'suspense', account: null, why: p.ref === '' ? 'no reference' : `unknown reference ${p.ref}` }
      : { line, amount: p.amount, outcome: p.kind === 'repair' ? 'repaired' : 'exact', account: p.tenancy.account };
  const total = toPence(pays.reduce((a, p) => a + p.amount, 0));
  const out: string[] = [];
  const truth: LineTruth[] = [];
  const compact = options.date.replace(/-/g, '');

  switch (options.format) {
    case 'allpay': {
      pays.forEach((p, i) => {
        const card = `9826${String(rng.int(100000, 999999))}${(p.tenancy?.account ?? '00000000').padStart(8, '0').slice(-8)}${rng.int(0, 9)}`;
        out.push(`${card},${p.ref.padEnd(12, ' ')},${formatPence(p.amount).padStart(9, ' ')},D,${day}`);
        truth.push(truthOf(p, i + 1));
      });
      out.push(`T,${pays.length},${formatPence(total)}`);
      break;
    }
    case 'cash-office': {
      out.push(`Oak Tree Housing Association cash office - daily takings ${day}`);
      out.push('Receipt No,Date,Account Ref,Payer,Method,Amount');
      let receipt = rng.int(10000, 90000);
      const voidAt = pays.length > 3 ? rng.int(1, pays.length - 1) : -1;
      pays.forEach((p, i) => {
        if (i === voidAt) out.push(`R${receipt++},${day},,,VOID,0.00`);
        out.push([`R${receipt++}`, day, p.ref, csv(p.payer), rng.pick(['CASH', 'CASH', 'CHEQUE', 'CARD']), formatPence(p.amount)].join(','));
        truth.push(truthOf(p, out.length));
      });
      out.push(`TOTAL,${pays.length},,,,${formatPence(total)}`);
      break;
    }
    case 'lloyds':
    case 'natwest': {
      // Statement lines oldest first: tenants' credits with a few debits among them, then written in
      // the bank's order (Lloyds newest first) with the running balance.
      interface St {
        type: string;
        desc: string;
        credit: Pence;
        debit: Pence;
        pay: Pay | null;
      }
      const st: St[] = pays.map((p) => {
        const text = p.tenancy === null ? `${bankName(p.payer)} ${p.ref}`.trim() : rng.chance(0.5) ? `${bankName(p.payer)} ${p.ref} RENT` : `RENT ${p.ref} ${bankName(p.payer)}`;
        return { type: rng.pick(['FPI', 'BGC', 'SO']), desc: text, credit: p.amount, debit: toPence(0), pay: p };
      });
      const debits = Math.max(1, Math.round(n / 50));
      for (let k = 0; k < debits; k++) st.splice(rng.int(0, st.length), 0, { type: 'DD', desc: rng.pick(['BANK CHARGES', 'REFUND TO TENANT', 'CONTRACTOR PAYMENT']), credit: toPence(0), debit: toPence(rng.int(500, 20000)), pay: null });
      let balance = rng.int(5_000_000, 20_000_000);
      const rows = st.map((s) => {
        balance += s.credit - s.debit;
        return { ...s, balance: toPence(balance) };
      });
      if (options.format === 'lloyds') {
        out.push('Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance');
        const ordered = [...rows].reverse();
        for (const r of ordered) {
          out.push([day, r.type, "'30-94-57", '12345678', csv(r.desc), r.debit ? formatPence(r.debit) : '', r.credit ? formatPence(r.credit) : '', formatPence(r.balance)].join(','));
          if (r.pay) truth.push(truthOf(r.pay, out.length));
        }
        // Truth in file order (newest first) is what the reader sees.
      } else {
        out.push('Date,Type,Description,Value,Balance,Account Name,Account Number');
        for (const r of rows) {
          out.push([day, r.type === 'FPI' ? 'BAC' : r.type === 'DD' ? 'D/D' : r.type, csv(r.desc), formatPence(toPence(r.credit - r.debit)), formatPence(r.balance), 'OAK TREE HA RENTS', "'600001-12345678"].join(','));
          if (r.pay) truth.push(truthOf(r.pay, out.length));
        }
      }
      break;
    }
    default: {
      const never: never = options.format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
  truth.sort((a, b) => a.line - b.line);
  const ext = 'csv';
  return { format: options.format, channel: CHANNEL[options.format], fileName: `${options.format}-${compact}.${ext}`, text: `${out.join('\r\n')}\r\n`, date: options.date, lines: truth, total, count: pays.length };
}

/** The next working day (Monday to Friday; bank holidays are not modelled here). */
export function nextWorkingDay(d: IsoDate): IsoDate {
  let n = addDays(d, 1);
  while (weekday(n) >= 5) n = addDays(n, 1);
  return n;
}

export interface SettlementPlan {
  /** The statement (Lloyds format, oldest-first balance, written newest first). */
  readonly text: string;
  readonly fileName: string;
  /** The planted faults: a day whose settlement never arrived, and a day settled short. */
  readonly missing: { readonly channel: Category; readonly date: IsoDate; readonly amount: Pence };
  readonly short: { readonly channel: Category; readonly date: IsoDate; readonly expected: Pence; readonly credited: Pence };
}

/**
 * A bank statement of settlements for daily receipt totals: each channel's day is credited on the
 * next working day as one settlement ("ALLPAY LTD SETTLEMENT 05/12"), except one day left out
 * (missing) and one credited short by a planted amount.
 */
export function generateSettlementStatement(
  days: readonly { readonly channel: Category; readonly date: IsoDate; readonly total: Pence }[],
  options: { readonly seed: number; readonly shortBy: Pence },
): SettlementPlan {
  const rng = new Rng(options.seed, 97);
  if (days.length < 3) throw new RangeError('need at least three days to plant a missing and a short settlement');
  const order = rng.shuffle(days.map((_, i) => i));
  const missingAt = order[0] as number;
  const shortAt = order[1] as number;
  const label: Partial<Record<Category, string>> = { ALLPAY: 'ALLPAY LTD SETTLEMENT', CASH: 'CASH OFFICE BANKING', CARD: 'CARD SETTLEMENT' };
  const credits = days
    .map((d, i) => ({ ...d, i, on: nextWorkingDay(d.date), amount: i === shortAt ? toPence(d.total - options.shortBy) : d.total }))
    .filter((c) => c.i !== missingAt)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.i - b.i));
  let balance = rng.int(5_000_000, 20_000_000);
  const rows = credits.map((c) => {
    balance += c.amount;
    return [formatUkDate(c.on), 'BGC', "'30-94-57", '12345678', `${label[c.channel] ?? c.channel} ${formatUkDate(c.date).slice(0, 5)}`, '', formatPence(c.amount), formatPence(toPence(balance))].join(',');
  });
  const header = 'Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance';
  const m = days[missingAt] as (typeof days)[number];
  const s = days[shortAt] as (typeof days)[number];
  return {
    text: `${[header, ...rows.reverse()].join('\r\n')}\r\n`,
    fileName: 'settlements-statement.csv',
    missing: { channel: m.channel, date: m.date, amount: m.total },
    short: { channel: s.channel, date: s.date, expected: s.total, credited: toPence(s.total - options.shortBy) },
  };
}
