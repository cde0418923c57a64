/**
 * Reads a payment file with a profile: text in, typed payment lines and located issues out. Every
 * problem is collected (file, line, column), nothing is guessed: a third decimal, a date written
 * another way, an unknown record type or a missing trailer is an error, never silently fixed.
 * What banks and Excel add (blank lines before the header, a BOM, empty rows after a total, a
 * leading apostrophe or ="..." around text) is tolerated and said in a warning.
 * Over 400 lines: one pass over the lines, whose state is shared, reads better kept together.
 */
import type { Category } from '../categories';
import { splitDelimited, splitLines } from '../csv';
import { parseDayFirst, type IsoDate } from '../dates';
import { formatPence, sumPence, toPence, type Pence } from '../money';
import { normaliseHeader } from '../sources/fields';
import { maskNumber } from './mask';
import { FIELD_ROLE } from './messages';
import { bankDate, dateShape, readAmount, strictDate } from './payment-values';
import { paymentIssue, type PaymentIssue, type PaymentIssueCode, type PaymentLocation } from './payment-issues';
import type { FieldRef, ImportProfile } from './profile';

/** One payment (a receipt) read from a file. */
export interface PaymentLine {
  /** 1-based line of the file. */
  readonly line: number;
  readonly date: IsoDate;
  /** Positive: money received. */
  readonly amount: Pence;
  /** The reference as found (trimmed). */
  readonly reference: string;
  readonly payer: string;
  /** Narrative with bank and card details masked. */
  readonly narrative: string;
  /** Card or bank account number, masked (****1234); '' when the profile has none. */
  readonly card: string;
  /** The fields that identify the payment, joined; used only inside payment keys (never written out). */
  readonly transactionId: string;
}

export interface PaymentFileRead {
  readonly file: string;
  readonly profile: string;
  readonly channel: Category;
  readonly lines: readonly PaymentLine[];
  /** Lines read but not imported: record types marked 'skip', money paid out of a bank account. */
  readonly skipped: number;
  readonly total: Pence;
  readonly trailer: { readonly line: number; readonly count: number | null; readonly total: Pence | null } | null;
  /** A statement's balance before its first line and after its last (profiles with a balance column). */
  readonly balance: { readonly opening: Pence; readonly closing: Pence } | null;
  readonly issues: readonly PaymentIssue[];
}

// The CSV reading rules live in ../csv.ts (one module for every CSV the engine reads or writes).
export { splitDelimited, splitLines } from '../csv';

// Dates and amounts as a payment file writes them: ./payment-values.ts.
export { readAmount } from './payment-values';

interface Accessor {
  /** 0-based field index (delimited) or character start (fixed). */
  readonly index: number;
  readonly width: number;
  /** 1-based column for messages. */
  readonly column: number;
  readonly label: string | null;
}

/**
 * Reads a payment file. The result carries every issue found; callers refuse the file when any is
 * an error (see hasPaymentErrors). Controls against a trailer, a balance or a settlement are
 * checked separately by checkControls.
 */
export function readPaymentFile(text: string, profile: ImportProfile, file = 'file'): PaymentFileRead {
  const issues: PaymentIssue[] = [];
  const lines: PaymentLine[] = [];
  const base = { file, profile: profile.name, channel: profile.channel };
  const where = (line: number | null, acc: Accessor | null = null): PaymentLocation => ({ file, line, column: acc?.column ?? null, field: acc?.label ?? null });
  const empty = (): PaymentFileRead => ({ ...base, lines, skipped: 0, total: toPence(0), trailer: null, balance: null, issues });

  const all = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const tolerated: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) tolerated.push('a byte order mark (BOM) at the start was ignored');
  // Empty rows at the end (Excel writes ",,,,," rows after a total) are not lines of the file.
  const blankRow = (l: string): boolean => /^[\s,;\t|]*$/.test(l);
  let trailingEmpty = 0;
  while (all.length > 0 && blankRow(all[all.length - 1] as string)) {
    if ((all.pop() as string).trim() !== '') trailingEmpty++;
  }
  if (trailingEmpty > 0) tolerated.push(`${trailingEmpty} empty row(s) at the end were ignored`);
  if (all.length === 0) {
    issues.push(paymentIssue('file.empty', where(null)));
    return empty();
  }
  const layout = profile.layout;
  const delimiter = layout.kind === 'delimited' ? layout.delimiter : '';
  // Blank lines before the title lines and the header (a NatWest download starts with one) are skipped.
  let lead = 0;
  while (lead < all.length && (all[lead] as string).trim() === '') lead++;
  let first = lead + profile.skipLines; // 0-based index of the first line after the title lines
  while (first < all.length - 1 && (all[first] as string).trim() === '') first++;
  if (first > profile.skipLines) tolerated.push(`${first - profile.skipLines} blank line(s) before the ${layout.kind === 'delimited' && layout.header ? 'header' : 'first line'} were skipped`);
  if (tolerated.length > 0) issues.push(paymentIssue('file.tolerated', where(null), null, { what: tolerated.join('; ') }, 'warning'));

  // Resolve the profile's field references to accessors.
  let headers: string[] | null = null;
  if (layout.kind === 'delimited' && layout.header) {
    const headerLine = all[first] ?? '';
    headers = splitDelimited(headerLine, delimiter) ?? headerLine.split(delimiter);
    first += 1;
  }
  const resolveErrors: PaymentIssue[] = [];
  const resolve = (ref: FieldRef, role: string): Accessor | null => {
    if (layout.kind === 'fixed') {
      const c = layout.columns.find((x) => x.name === ref);
      if (!c) {
        resolveErrors.push(paymentIssue('header.missing-column', where(null), null, { column: String(ref), profile: profile.name, role, found: layout.columns.map((x) => x.name).join(', ') }));
        return null;
      }
      return { index: c.start - 1, width: c.width, column: c.start, label: c.name };
    }
    if (typeof ref === 'number') return { index: ref - 1, width: 0, column: ref, label: headers ? (headers[ref - 1]?.trim() ?? null) : null };
    const i = headers ? headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(ref)) : -1;
    if (i < 0) {
      resolveErrors.push(
        paymentIssue('header.missing-column', where(headers ? profile.skipLines + 1 : null), null, { column: ref, profile: profile.name, role, found: headers ? headers.map((h) => h.trim()).join(', ') : '(the profile says the file has no header row)' }),
      );
      return null;
    }
    return { index: i, width: 0, column: i + 1, label: (headers?.[i] ?? ref).trim() };
  };
  const dateAcc = resolve(profile.date, FIELD_ROLE.date);
  const amountAccs =
    profile.amount.kind === 'signed'
      ? { kind: 'signed' as const, value: resolve(profile.amount.field, FIELD_ROLE.amount) }
      : { kind: 'debit-credit' as const, debit: resolve(profile.amount.debit, FIELD_ROLE.debit), credit: resolve(profile.amount.credit, FIELD_ROLE.credit) };
  const refAcc = resolve(profile.reference.field, FIELD_ROLE.reference);
  const payerAcc = profile.payer !== undefined ? resolve(profile.payer, FIELD_ROLE.payer) : null;
  const narrativeAcc = profile.narrative !== undefined ? resolve(profile.narrative, FIELD_ROLE.narrative) : null;
  const cardAcc = profile.card !== undefined ? resolve(profile.card, FIELD_ROLE.card) : null;
  const txAccs = profile.transactionId.map((r) => resolve(r, FIELD_ROLE.transactionId));
  const typeAcc = profile.recordType ? resolve(profile.recordType.field, FIELD_ROLE.recordType) : null;
  const trailerAcc = profile.trailer ? resolve(profile.trailer.field, FIELD_ROLE.trailerMarker) : null;
  const trailerCountAcc = profile.trailer?.count !== undefined ? resolve(profile.trailer.count, FIELD_ROLE.trailerCount) : null;
  const trailerTotalAcc = profile.trailer?.total !== undefined ? resolve(profile.trailer.total, FIELD_ROLE.trailerTotal) : null;
  const balanceAcc = profile.balance ? resolve(profile.balance.field, FIELD_ROLE.balance) : null;
  const skipAccs = profile.skip.map((s) => ({ acc: resolve(s.field, FIELD_ROLE.skipRule), re: patternOf(s.pattern) }));
  if (resolveErrors.length > 0) {
    issues.push(...resolveErrors);
    return empty();
  }
  const used = [dateAcc, refAcc, payerAcc, narrativeAcc, cardAcc, typeAcc, balanceAcc, ...txAccs, ...(amountAccs.kind === 'signed' ? [amountAccs.value] : [amountAccs.debit, amountAccs.credit])].filter(
    (a): a is Accessor => a !== null,
  );
  const needed = layout.kind === 'fixed' ? Math.max(...used.map((a) => a.index + a.width)) : Math.max(...used.map((a) => a.index + 1));
  const recordValues = profile.recordType ? new Map(Object.entries(profile.recordType.values).map(([k, v]) => [k.trim().toUpperCase(), v])) : null;
  const knownTypes = profile.recordType ? Object.keys(profile.recordType.values).join(', ') : '';
  const trailerMarker = profile.trailer?.equals.trim().toUpperCase() ?? null;

  const dateCache = new Map<string, IsoDate | null>();
  let firstShape: { shape: string; line: number } | null = null;
  /** The first date written with a two-digit year in a bank's form (read as 20yy, and said). */
  let twoDigitYears: string | null = null;
  let skipped = 0;
  let trailer: { line: number; count: number | null; total: Pence | null } | null = null;
  let afterTrailerReported = false;
  // Running balance: [line, movement (credit - debit), balance] for every data line, in file order.
  const balances: { line: number; movement: number; balance: Pence; acc: Accessor }[] = [];

  // The line being read, shared by get and fail (no closures made per line: a file has 50,000).
  let raw = '';
  let lineNo = 0;
  let fields: string[] | null = null;
  let lineOk = true;
  const get = (a: Accessor): string => (layout.kind === 'fixed' ? raw.slice(a.index, a.index + a.width) : (fields?.[a.index] ?? ''));
  const fail = (code: PaymentIssueCode, acc: Accessor | null, value: string | null, detail: Record<string, string> = {}): void => {
    issues.push(paymentIssue(code, where(lineNo, acc), value, detail));
    lineOk = false;
  };
  for (let i = first; i < all.length; i++) {
    raw = all[i] as string;
    lineNo = i + 1;
    fields = null;
    lineOk = true;
    if (raw.trim() === '') continue;
    if (layout.kind === 'delimited') {
      fields = splitDelimited(raw, delimiter);
      if (fields === null) {
        issues.push(paymentIssue('line.unclosed-quote', where(lineNo), raw.length > 60 ? `${raw.slice(0, 60)}…` : raw));
        continue;
      }
      if (fields.every((f) => f.trim() === '')) continue;
      // Excel's ways of keeping text as text: a leading apostrophe, or ="..."; the skip rules and
      // every field read the cleaned text, so a settlement saved as 'ALLPAY LTD ... is still skipped.
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k] as string;
        const c = f.trimStart().charCodeAt(0);
        if (c === 39 || c === 61) fields[k] = cleanCell(f);
      }
    }
    if (trailerAcc && trailerMarker !== null && get(trailerAcc).trim().toUpperCase() === trailerMarker) {
      if (trailer) issues.push(paymentIssue('trailer.not-last', where(lineNo), raw));
      const count = trailerCountAcc ? get(trailerCountAcc).trim() : null;
      const totalText = trailerTotalAcc ? get(trailerTotalAcc) : null;
      let countValue: number | null = null;
      let totalValue: Pence | null = null;
      if (count !== null) {
        if (/^\d+$/.test(count)) countValue = Number(count);
        else issues.push(paymentIssue('trailer.not-number', where(lineNo, trailerCountAcc), count, { what: 'count' }));
      }
      if (totalText !== null && trailerTotalAcc) {
        const a = readAmount(totalText, profile.amount.unit);
        if (a.ok === true) totalValue = a.pence;
        else issues.push(paymentIssue(a.ok === 'blank' ? 'trailer.not-number' : a.code, where(lineNo, trailerTotalAcc), totalText.trim(), { what: 'total' }));
      }
      trailer = { line: lineNo, count: countValue, total: totalValue };
      continue;
    }
    if (trailer && !afterTrailerReported) {
      issues.push(paymentIssue('trailer.not-last', where(lineNo), raw.length > 60 ? `${raw.slice(0, 60)}…` : raw));
      afterTrailerReported = true;
    }
    // Record type first: a line of a type to skip is not read any further (a line too short to
    // hold one is reported as such below).
    if (typeAcc && recordValues && (layout.kind === 'fixed' ? raw.length > typeAcc.index : (fields?.length ?? 0) > typeAcc.index)) {
      const t = get(typeAcc).trim().toUpperCase();
      const kind = recordValues.get(t);
      if (kind === undefined) {
        issues.push(paymentIssue('record.unknown-type', where(lineNo, typeAcc), get(typeAcc).trim(), { known: knownTypes }));
        continue;
      }
      if (kind === 'skip') {
        skipped++;
        continue;
      }
    }
    if (layout.kind === 'fixed' ? raw.length < needed : (fields?.length ?? 0) < needed) {
      issues.push(
        layout.kind === 'fixed'
          ? paymentIssue('line.too-short', where(lineNo), null, { found: String(raw.length), needed: String(needed) })
          : paymentIssue('line.too-few-fields', where(lineNo), raw.length > 60 ? `${raw.slice(0, 60)}…` : raw, { found: String(fields?.length ?? 0), needed: String(needed) }),
      );
      continue;
    }
    // Date
    const dateText = dateAcc ? get(dateAcc).trim() : '';
    let date: IsoDate | null = null;
    if (dateText === '') fail('date.blank', dateAcc, null);
    else {
      if (profile.dateFormat !== 'day-first') {
        // The profile's form, or a bank's form no one can misread (08 Dec 2026, 08-Dec-26,
        // 2026-12-08: bankDate); one form per file either way.
        date = dateCache.get(dateText) ?? null;
        let shape: string = profile.dateFormat;
        if (!dateCache.has(dateText)) {
          date = strictDate(dateText, profile.dateFormat);
          if (date === null) {
            const bank = bankDate(dateText);
            if (bank) {
              date = bank.date;
              if (bank.twoDigitYear) twoDigitYears ??= dateText;
            }
          }
          dateCache.set(dateText, date);
        }
        if (date !== null && strictDate(dateText, profile.dateFormat) === null) shape = dateShape(dateText);
        if (date === null) {
          if (parseDayFirst(dateText) !== null) fail('date.mixed-formats', dateAcc, dateText, { shape: dateText, first: firstShape?.shape ?? profile.dateFormat, ...(firstShape ? { firstLine: String(firstShape.line) } : {}) });
          else fail('date.invalid', dateAcc, dateText, { format: profile.dateFormat });
        } else if (firstShape === null) firstShape = { shape, line: lineNo };
        else if (firstShape.shape !== shape) {
          fail('date.mixed-formats', dateAcc, dateText, { shape: dateText, first: firstShape.shape, firstLine: String(firstShape.line) });
          date = null;
        }
      } else {
        if (!dateCache.has(dateText)) dateCache.set(dateText, parseDayFirst(dateText));
        date = dateCache.get(dateText) ?? null;
        if (date === null) fail('date.invalid', dateAcc, dateText, { format: 'day-first (dd/mm/yyyy)' });
        else if (firstShape === null) firstShape = { shape: dateShape(dateText), line: lineNo };
        else if (firstShape.shape !== dateShape(dateText)) {
          fail('date.mixed-formats', dateAcc, dateText, { shape: dateShape(dateText), first: firstShape.shape, firstLine: String(firstShape.line) });
          date = null;
        }
      }
    }
    // Amount: money in (receipts) and, for a statement, money out.
    let received: Pence | null = null;
    let movement = 0;
    if (amountAccs.kind === 'signed' && amountAccs.value) {
      const text = get(amountAccs.value);
      const a = readAmount(text, profile.amount.unit);
      if (a.ok === 'blank') fail('amount.blank', amountAccs.value, null);
      else if (a.ok === false) fail(a.code, amountAccs.value, text.trim(), { unit: profile.amount.unit });
      else {
        const signed = profile.amount.kind === 'signed' && profile.amount.sign === 'receipt-negative' ? -a.pence : a.pence;
        movement = signed;
        received = toPence(signed);
      }
    } else if (amountAccs.kind === 'debit-credit' && amountAccs.debit && amountAccs.credit) {
      const dt = get(amountAccs.debit);
      const ct = get(amountAccs.credit);
      const d = readAmount(dt, profile.amount.unit);
      const c = readAmount(ct, profile.amount.unit);
      if (d.ok === false) fail(d.code, amountAccs.debit, dt.trim(), { unit: profile.amount.unit });
      if (c.ok === false) fail(c.code, amountAccs.credit, ct.trim(), { unit: profile.amount.unit });
      if (d.ok !== false && c.ok !== false) {
        const dv = d.ok === true ? d.pence : 0;
        const cv = c.ok === true ? c.pence : 0;
        if (d.ok === 'blank' && c.ok === 'blank') fail('amount.blank', amountAccs.credit, null);
        else if (dv !== 0 && cv !== 0) fail('amount.debit-and-credit', amountAccs.credit, `${dt.trim()} / ${ct.trim()}`);
        else {
          movement = cv - Math.abs(dv);
          received = toPence(movement);
        }
      }
    }
    if (balanceAcc) {
      const bt = get(balanceAcc);
      const b = readAmount(bt, 'pounds');
      if (b.ok === true) balances.push({ line: lineNo, movement, balance: b.pence, acc: balanceAcc });
      else fail(b.ok === 'blank' ? 'amount.blank' : b.code, balanceAcc, bt.trim() === '' ? null : bt.trim(), { unit: 'pounds' });
    }
    if (!lineOk || date === null || received === null) continue;
    if (skipAccs.some((s) => s.acc !== null && s.re.test(get(s.acc)))) {
      skipped++;
      continue;
    }
    if (received < 0) {
      // Money paid out of a bank account is not a receipt; elsewhere a negative payment is an error.
      if (profile.balance) skipped++;
      else fail('amount.negative', amountAccs.kind === 'signed' ? amountAccs.value : amountAccs.credit, formatPence(received));
      continue;
    }
    if (received === 0 && (amountAccs.kind === 'debit-credit' || profile.balance)) {
      skipped++;
      continue;
    }
    const refField = get(refAcc as Accessor);
    let reference: string;
    switch (profile.reference.from) {
      case 'field':
        reference = refField.trim();
        break;
      case 'slice':
        reference = refField.trim().slice(profile.reference.start - 1, profile.reference.start - 1 + profile.reference.length).trim();
        break;
      case 'pattern': {
        const m = patternOf(profile.reference.pattern).exec(refField);
        reference = (m?.[1] ?? m?.[0] ?? '').trim();
        break;
      }
      default: {
        const never: never = profile.reference;
        throw new Error(`unknown reference source ${JSON.stringify(never)}`);
      }
    }
    lines.push({
      line: lineNo,
      date,
      amount: received,
      reference,
      payer: payerAcc ? get(payerAcc).trim() : '',
      // In clear until allocation has read it: masking is an output step (maskAllocation).
      narrative: narrativeAcc ? get(narrativeAcc).trim() : '',
      card: cardAcc ? maskNumber(get(cardAcc)) : '',
      transactionId: txAccs.length === 1 && txAccs[0] ? get(txAccs[0]).trim() : txAccs.map((a) => (a ? get(a).trim() : '')).join('|'),
    });
  }
  if (twoDigitYears !== null) issues.push(paymentIssue('file.tolerated', where(null), null, { what: `two-digit years were read as 20yy (e.g. '${twoDigitYears}')` }, 'warning'));
  if (profile.trailer && profile.control === 'trailer' && trailer === null) issues.push(paymentIssue('trailer.missing', where(all.length)));
  let balance: { opening: Pence; closing: Pence } | null = null;
  if (profile.balance && balances.length > 0) {
    const ordered = profile.balance.order === 'oldest-first' ? balances : [...balances].reverse();
    for (let k = 1; k < ordered.length; k++) {
      const prev = ordered[k - 1] as (typeof ordered)[number];
      const cur = ordered[k] as (typeof ordered)[number];
      const expected = prev.balance + cur.movement;
      if (expected !== cur.balance) issues.push(paymentIssue('balance.break', where(cur.line, cur.acc), null, { expected: formatPence(toPence(expected)), actual: formatPence(cur.balance) }));
    }
    const firstB = ordered[0] as (typeof ordered)[number];
    const lastB = ordered[ordered.length - 1] as (typeof ordered)[number];
    balance = { opening: toPence(firstB.balance - firstB.movement), closing: lastB.balance };
  }
  if (lines.length === 0 && !issues.some((x) => x.severity === 'error')) issues.push(paymentIssue('file.no-payments', where(null), null, {}, 'warning'));
  return { ...base, lines, skipped, total: sumPence(lines.map((l) => l.amount)), trailer, balance, issues };
}

const PATTERNS = new Map<string, RegExp>();
function patternOf(p: string): RegExp {
  let r = PATTERNS.get(p);
  if (!r) {
    r = new RegExp(p, 'i');
    PATTERNS.set(p, r);
  }
  return r;
}

export function hasPaymentErrors(issues: readonly PaymentIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * The file's controls: its count and total against its trailer; or against the settlement (the
 * credit on the bank statement) the user entered; a statement's running balance is checked while
 * reading. A settlement, when given, is always checked too.
 */
export function checkControls(read: PaymentFileRead, profile: ImportProfile, settlement: Pence | null): PaymentIssue[] {
  const issues: PaymentIssue[] = [];
  const whole: PaymentLocation = { file: read.file, line: null, column: null, field: null };
  if (read.trailer) {
    const at: PaymentLocation = { file: read.file, line: read.trailer.line, column: null, field: null };
    if (read.trailer.count !== null && read.trailer.count !== read.lines.length)
      issues.push(paymentIssue('trailer.count-mismatch', at, null, { expected: String(read.trailer.count), actual: String(read.lines.length) }));
    if (read.trailer.total !== null && read.trailer.total !== read.total)
      issues.push(paymentIssue('trailer.total-mismatch', at, null, { expected: formatPence(read.trailer.total), actual: formatPence(read.total) }));
  }
  if (settlement !== null) {
    if (settlement !== read.total)
      issues.push(paymentIssue('settlement.mismatch', whole, null, { expected: formatPence(settlement), actual: formatPence(read.total), count: String(read.lines.length), difference: formatPence(toPence(read.total - settlement)) }));
  } else if (profile.control === 'settlement') issues.push(paymentIssue('settlement.required', whole, null, { profile: profile.name, actual: formatPence(read.total) }));
  return issues;
}

/** A cell without Excel's text markers: `'text` -> `text`, `="text"` -> `text`. */
export function cleanCell(f: string): string {
  const t = f.trim();
  if (t.startsWith("'")) return t.slice(1);
  const m = /^="(.*)"$/.exec(t);
  return m ? (m[1] as string).replace(/""/g, '"') : f;
}
