/**
 * The sample generator: deterministic, its oracle consistent with itself and with its own sheets,
 * every plant where its record says, clean without plants, and layout never changing a figure.
 *
 * `readBack` below re-reads the generated sheets the way the contract describes (headers, synonyms,
 * landlord codes, text or serial dates) and re-performs the reconciliation naively, so the oracle,
 * which comes from the generator's model, is checked against the cells a user would see.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../../src/engine/categories';
import type { RawCell } from '../../src/engine/cells';
import { addDays, isoToSerial, monthPeriod, parseDayFirst, serialToIso, weekday, type IsoDate } from '../../src/engine/dates';
import { penceFromNumber, penceToPounds, toPence, type Pence } from '../../src/engine/money';
import {
  ALL_PLANTS,
  englandBankHolidays,
  generateMonth,
  type ExpectedBatch,
  type ExpectedException,
  type ExpectedReconcile,
  type GeneratedMonth,
  type GenerateOptions,
  type LayoutOptions,
  type PlantKind,
} from './generate';
import { writeGeneratedXlsx } from './write-xlsx';

const BASE: GenerateOptions = { seed: 42, accounts: 300, period: '2026-12' };

// ---------------------------------------------------------------------------------------------
// An independent re-reading of the sheets, by the contract.
// ---------------------------------------------------------------------------------------------

const HEADERS: Record<string, Record<string, readonly string[]>> = {
  rentRoll: {
    account: ['Account Ref', 'Tenancy Ref'],
    start: ['Start Date'],
    end: ['End Date'],
    weekly: ['Weekly Charge', 'Weekly Rent'],
    opening: ['Opening Balance'],
    closing: ['Closing Balance'],
  },
  transactions: { date: ['Date', 'Trans Date'], account: ['Account Ref', 'Account No'], code: ['Code', 'Tran Code'], amount: ['Amount', 'Value'], batch: ['Batch Ref', 'Batch No'] },
  gl: { date: ['Date', 'Posting Date'], account: ['Account', 'Nominal Code'], source: ['Source'], debit: ['Debit', 'Dr'], credit: ['Credit', 'Cr'] },
  suspense: { item: ['Item Ref', 'Item No'], amount: ['Amount', 'Value'] },
};

function table(month: GeneratedMonth, role: string): { get: (row: readonly RawCell[], field: string) => RawCell; rows: RawCell[][] } {
  const sheet = month.sheets.find((s) => s.role === role);
  if (!sheet) throw new Error(`no ${role} sheet`);
  const header = sheet.rows[sheet.headerRow - 1] as RawCell[];
  const index: Record<string, number> = {};
  for (const [field, names] of Object.entries(HEADERS[role] ?? {})) {
    const i = header.findIndex((h) => typeof h === 'string' && names.includes(h));
    if (i < 0) throw new Error(`${role}: no column for ${field}`);
    index[field] = i;
  }
  return { get: (row, field) => row[index[field] as number] ?? null, rows: sheet.rows.slice(sheet.headerRow) };
}

const dateOf = (c: RawCell): IsoDate | null => (c === null ? null : typeof c === 'number' ? serialToIso(c) : typeof c === 'string' ? parseDayFirst(c) : null);
const moneyOf = (c: RawCell): number => {
  if (c === null) return 0;
  const p = typeof c === 'number' ? penceFromNumber(c) : null;
  if (p === null) throw new Error(`not money: ${JSON.stringify(c)}`);
  return p;
};

function readBack(month: GeneratedMonth): ExpectedReconcile {
  const period = monthPeriod(month.period) as { start: IsoDate; end: IsoDate };
  const catOf = (code: RawCell): Category => {
    const s = String(code);
    const c = month.config.codes[s] ?? s;
    if (!(CATEGORIES as readonly string[]).includes(c)) throw new Error(`unknown code ${s}`);
    return c as Category;
  };
  const roll = table(month, 'rentRoll');
  const tx = table(month, 'transactions');
  const gl = table(month, 'gl');
  const sus = table(month, 'suspense');

  const postings = tx.rows.map((r, k) => ({ date: dateOf(tx.get(r, 'date')) as IsoDate, account: tx.get(r, 'account') as string, cat: catOf(tx.get(r, 'code')), amount: moneyOf(tx.get(r, 'amount')), batch: String(tx.get(r, 'batch')), row: k }));
  const lines = gl.rows.map((r, k) => ({
    date: dateOf(gl.get(r, 'date')) as IsoDate,
    account: String(gl.get(r, 'account')),
    source: String(gl.get(r, 'source')),
    net: moneyOf(gl.get(r, 'debit')) - moneyOf(gl.get(r, 'credit')),
    row: k,
  }));
  const control = lines.filter((l) => l.account === month.config.glControlAccount);

  let opening = 0;
  let reported = 0;
  let transactions = 0;
  const byAccount = new Map<string, { total: number; rent: number; afterEnd: number; rentFree: number }>();
  const hms = new Map<Category, number>();
  const rentFree = new Set(month.config.rentFreeWeeks);
  const tenancies = roll.rows.map((r) => ({
    account: roll.get(r, 'account') as string,
    start: dateOf(roll.get(r, 'start')) as IsoDate,
    end: dateOf(roll.get(r, 'end')),
    weekly: moneyOf(roll.get(r, 'weekly')),
    opening: moneyOf(roll.get(r, 'opening')),
    closing: moneyOf(roll.get(r, 'closing')),
  }));
  const endOf = new Map(tenancies.map((t) => [t.account, t.end]));
  for (const p of postings) {
    transactions += p.amount;
    hms.set(p.cat, (hms.get(p.cat) ?? 0) + p.amount);
    const a = byAccount.get(p.account) ?? { total: 0, rent: 0, afterEnd: 0, rentFree: 0 };
    a.total += p.amount;
    if (p.cat === 'RENT') {
      a.rent += p.amount;
      const monday = addDays(p.date, -weekday(p.date));
      const end = endOf.get(p.account);
      if (end && monday > end) a.afterEnd += p.amount;
      if (rentFree.has(monday)) a.rentFree += p.amount;
    }
    byAccount.set(p.account, a);
  }
  const mondays: IsoDate[] = [];
  for (let d = period.start; d <= period.end; d = addDays(d, 1)) if (weekday(d) === 0 && !rentFree.has(d)) mondays.push(d);
  const exceptions: ExpectedException[] = [];
  for (const t of tenancies) {
    opening += t.opening;
    reported += t.closing;
    const a = byAccount.get(t.account) ?? { total: 0, rent: 0, afterEnd: 0, rentFree: 0 };
    if (t.opening + a.total !== t.closing) exceptions.push({ account: t.account, kind: 'balance', expected: toPence(t.opening + a.total), actual: toPence(t.closing) });
    const expected = mondays.filter((m) => t.start <= m && (t.end === null || t.end >= m)).length * t.weekly;
    if (expected !== a.rent) {
      const excess = a.rent - expected;
      const kind = excess < 0 ? 'missing-debit' : a.afterEnd > 0 && a.afterEnd >= excess ? 'debit-after-end' : a.rentFree > 0 && a.rentFree >= excess ? 'debit-in-rent-free-week' : 'extra-debit';
      exceptions.push({ account: t.account, kind, expected: toPence(expected), actual: toPence(a.rent) });
    }
  }

  let glOpening = 0;
  let movement = 0;
  const glByCat = new Map<Category, number>();
  for (const l of control) {
    if (l.source === 'OPENING') glOpening += l.net;
    else {
      movement += l.net;
      glByCat.set(catOf(l.source), (glByCat.get(catOf(l.source)) ?? 0) + l.net);
    }
  }

  // Batch matching, naively: batches in date order each claim the earliest free line that fits.
  const batches = new Map<string, { date: IsoDate; cat: Category; batch: string; amount: number }>();
  for (const p of postings) {
    const key = `${p.cat}|${p.date}|${p.batch}`;
    const b = batches.get(key) ?? { date: p.date, cat: p.cat, batch: p.batch, amount: 0 };
    b.amount += p.amount;
    batches.set(key, b);
  }
  const free = control.filter((l) => l.source !== 'OPENING').map((l) => ({ ...l, cat: catOf(l.source), claimed: false }));
  free.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.row - y.row));
  const unmatched: ExpectedBatch[] = [];
  const sortedBatches = [...batches.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : CATEGORIES.indexOf(x.cat) - CATEGORIES.indexOf(y.cat) || (x.batch < y.batch ? -1 : 1)));
  for (const b of sortedBatches) {
    const last = addDays(b.date, 5);
    const line = free.find((l) => !l.claimed && l.cat === b.cat && l.net === b.amount && l.date >= b.date && l.date <= last);
    if (line) line.claimed = true;
    else unmatched.push({ side: 'hms', date: b.date, category: b.cat, amount: toPence(b.amount) });
  }
  for (const l of free) if (!l.claimed) unmatched.push({ side: 'gl', date: l.date, category: l.cat, amount: toPence(l.net) });
  const timingFrom = addDays(period.end, -4);
  const timing = sortedBatches.filter((b) => unmatched.some((u) => u.side === 'hms' && u.date === b.date && u.category === b.cat && u.amount === b.amount) && b.date >= timingFrom);

  const glBalance = lines.filter((l) => l.account === month.config.glSuspenseAccount).reduce((s, l) => s - l.net, 0);
  const itemsTotal = sus.rows.reduce((s, r) => s + moneyOf(sus.get(r, 'amount')), 0);
  const timingTotal = timing.reduce((s, b) => s + b.amount, 0);
  const difference = reported - (glOpening + movement);
  const order = { balance: 0, 'missing-debit': 1, 'extra-debit': 2, 'debit-after-end': 3, 'debit-in-rent-free-week': 4 } as const;
  const byKey = (x: ExpectedBatch, y: ExpectedBatch): number =>
    (x.side === y.side ? 0 : x.side === 'hms' ? -1 : 1) || (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || CATEGORIES.indexOf(x.category) - CATEGORIES.indexOf(y.category) || x.amount - y.amount;
  return {
    hms: { opening: toPence(opening), transactions: toPence(transactions), calculatedClosing: toPence(opening + transactions), reportedClosing: toPence(reported) },
    gl: { opening: toPence(glOpening), movement: toPence(movement), closing: toPence(glOpening + movement) },
    difference: toPence(difference),
    components: CATEGORIES.filter((c) => hms.has(c) || glByCat.has(c)).map((c) => ({
      category: c,
      hms: toPence(hms.get(c) ?? 0),
      gl: toPence(glByCat.get(c) ?? 0),
      difference: toPence((hms.get(c) ?? 0) - (glByCat.get(c) ?? 0)),
    })),
    unmatchedBatches: unmatched.sort(byKey),
    accountExceptions: exceptions.sort((x, y) => (x.account < y.account ? -1 : x.account > y.account ? 1 : order[x.kind] - order[y.kind])),
    suspense: { glBalance: toPence(glBalance), itemsTotal: toPence(itemsTotal), difference: toPence(glBalance - itemsTotal) },
    timingSuggestions: timing.map((b) => ({ date: b.date, category: b.cat, amount: toPence(b.amount), batchRef: b.batch })),
    timingTotal: toPence(timingTotal),
    unexplained: toPence(difference - timingTotal),
  };
}

// ---------------------------------------------------------------------------------------------

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const batchKey = (b: ExpectedBatch): string => `${b.side} ${b.date} ${b.category} ${b.amount}`;
const exceptionKey = (x: ExpectedException): string => `${x.account} ${x.kind} ${x.expected} ${x.actual}`;

function expectIdentities(e: ExpectedReconcile): void {
  expect(e.hms.calculatedClosing).toBe(e.hms.opening + e.hms.transactions);
  expect(e.gl.closing).toBe(e.gl.opening + e.gl.movement);
  expect(e.difference).toBe(e.hms.reportedClosing - e.gl.closing);
  expect(sum(e.components.map((c) => c.hms))).toBe(e.hms.transactions);
  expect(sum(e.components.map((c) => c.gl))).toBe(e.gl.movement);
  for (const c of e.components) expect(c.difference).toBe(c.hms - c.gl);
  expect(e.components.map((c) => c.category)).toEqual(CATEGORIES.filter((c) => e.components.some((x) => x.category === c)));
  expect(e.suspense.difference).toBe(e.suspense.glBalance - e.suspense.itemsTotal);
  expect(e.timingTotal).toBe(sum(e.timingSuggestions.map((t) => t.amount)));
  expect(e.unexplained).toBe(e.difference - e.timingTotal);
}

/** Every figure out of line is one a plant recorded, and every plant's record is in the figures. */
function expectPlantsExplainEverything(month: GeneratedMonth): void {
  const e = month.expected;
  const effects = month.plants.map((p) => p.effects);
  expect(e.unmatchedBatches.map(batchKey).sort()).toEqual(effects.flatMap((f) => f.unmatchedBatches.map(batchKey)).sort());
  expect(e.accountExceptions.map(exceptionKey).sort()).toEqual(effects.flatMap((f) => f.accountExceptions.map(exceptionKey)).sort());
  expect(e.timingSuggestions).toEqual(effects.flatMap((f) => f.timingSuggestions));
  expect(e.difference).toBe(sum(effects.map((f) => f.difference)));
  expect(e.suspense.difference).toBe(sum(effects.map((f) => f.suspenseDifference)));
  expect(e.hms.reportedClosing - e.hms.calculatedClosing).toBe(sum(month.plants.filter((p) => p.kind === 'balance-break').map((p) => p.amount)));
}

describe('the sample generator', () => {
  it('is deterministic: the same options give the same month, another seed another month', () => {
    const a = generateMonth(BASE);
    expect(JSON.stringify(generateMonth(BASE))).toBe(JSON.stringify(a));
    expect(JSON.stringify(generateMonth({ ...BASE, seed: 43 }).expected)).not.toBe(JSON.stringify(a.expected));
  });

  it("its oracle's identities hold, and re-reading its own sheets by the contract gives the same figures", () => {
    const month = generateMonth(BASE);
    expectIdentities(month.expected);
    expect(readBack(month)).toEqual(month.expected);
  });

  it('with every plant, each discrepancy appears in the oracle exactly as recorded, and nothing else does', () => {
    const month = generateMonth(BASE);
    expect(month.plants.map((p) => p.kind).sort()).toEqual([...ALL_PLANTS].sort());
    expectPlantsExplainEverything(month);
    const e = month.expected;
    expect(e.accountExceptions.map((x) => x.kind).sort()).toEqual(['balance', 'debit-after-end', 'debit-in-rent-free-week', 'extra-debit', 'missing-debit']);
    // missing batch, wrong amount and timing on the housing-system side; wrong amount and duplicate on the GL side
    expect(e.unmatchedBatches.map((b) => b.side).sort()).toEqual(['gl', 'gl', 'hms', 'hms', 'hms']);
    expect(e.timingSuggestions).toHaveLength(1);
    expect(e.timingSuggestions[0]?.date).toBe('2026-12-31');
    expect(e.suspense.difference).toBe(month.plants.find((p) => p.kind === 'suspense-difference')?.amount);
    expect(e.unexplained).not.toBe(0);
  });

  it.each([150, 400])('plants all ten kinds at %i accounts', (accounts) => {
    const month = generateMonth({ ...BASE, seed: 7, accounts });
    expect(new Set(month.plants.map((p) => p.kind)).size).toBe(10);
    expectPlantsExplainEverything(month);
    expect(readBack(month)).toEqual(month.expected);
  });

  it('any seed and any choice of plants: identities hold, the plants explain every figure, the sheets agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.subarray([...ALL_PLANTS]), fc.constantFrom('2026-11', '2026-12', '2027-01', '2027-03'), (seed, plants, period) => {
        const month = generateMonth({ seed, accounts: 160, period, plants: plants as PlantKind[] });
        expectIdentities(month.expected);
        expectPlantsExplainEverything(month);
        for (const p of month.plants) expect(plants).toContain(p.kind);
        expect(readBack(month)).toEqual(month.expected);
      }),
      { numRuns: 25 },
    );
  });

  it('without plants the month is clean: it balances to the penny with nothing to report', () => {
    for (const seed of [1, 2, 3]) {
      const month = generateMonth({ ...BASE, seed, plants: 'none' });
      const e = month.expected;
      expect(month.plants).toEqual([]);
      expect(e.difference).toBe(0);
      expect(e.unexplained).toBe(0);
      expect(e.unmatchedBatches).toEqual([]);
      expect(e.accountExceptions).toEqual([]);
      expect(e.timingSuggestions).toEqual([]);
      expect(e.suspense.difference).toBe(0);
      expect(e.hms.calculatedClosing).toBe(e.hms.reportedClosing);
      expect(e.components.every((c) => c.difference === 0)).toBe(true);
      expect(readBack(month)).toEqual(e);
    }
  });

  const everything: LayoutOptions = { titleRows: 2, useSynonyms: true, shuffleColumns: true, extraColumns: true, textDates: true, glAccountAsNumber: true, landlordCodes: true, extraEmptySheet: true };
  const variations: [string, LayoutOptions][] = [
    ['title rows', { titleRows: 3 }],
    ['header synonyms', { useSynonyms: true }],
    ['shuffled and extra columns', { shuffleColumns: true, extraColumns: true }],
    ['text dates', { textDates: true }],
    ['GL account as a number', { glAccountAsNumber: true }],
    ['landlord codes', { landlordCodes: true }],
    ['an extra empty sheet', { extraEmptySheet: true }],
    ['other sheet names', { sheetNames: { rentRoll: 'RR Dec', gl: 'Nominal ledger' } }],
    ['all at once', everything],
  ];
  it.each(variations)('layout (%s) changes the cells, never the figures', (_name, layout) => {
    const plain = generateMonth(BASE);
    const varied = generateMonth({ ...BASE, layout });
    expect(varied.expected).toEqual(plain.expected);
    expect(readBack(varied)).toEqual(plain.expected);
    expect(varied.plants.map((p) => [p.kind, p.amount, p.effects])).toEqual(plain.plants.map((p) => [p.kind, p.amount, p.effects]));
  });

  it('layout options do what they say', () => {
    const v = generateMonth({ ...BASE, layout: everything });
    expect(v.sheets.map((s) => s.name)).toEqual(['Rent Roll', 'Notes', 'Transactions', 'GL', 'Suspense']);
    expect(v.sheets[1]?.rows).toEqual([]);
    const roll = v.sheets[0]!;
    expect(roll.headerRow).toBe(3);
    expect(roll.rows[0]).toEqual(['Rent roll export — Oak Tree Housing Association']);
    expect(roll.rows[1]).toEqual([]);
    expect(roll.rows[2]).toEqual(expect.arrayContaining(['Tenancy Ref', 'Weekly Rent', 'Patch', 'Officer']));
    const txHeader = v.sheets[2]!.rows[2]!;
    expect(txHeader).toEqual(expect.arrayContaining(['Trans Date', 'Account No', 'Tran Code', 'Value', 'Batch No', 'Narrative', 'Posted By']));
    const glSheet = v.sheets[3]!;
    expect(glSheet.rows[2]).toEqual(expect.arrayContaining(['Posting Date', 'Nominal Code', 'Journal No', 'Dr', 'Cr', 'Narrative']));
    const nominal = glSheet.rows[2]!.indexOf('Nominal Code');
    expect(new Set(glSheet.rows.slice(3).map((r) => r[nominal]))).toEqual(new Set([1100, 1190, 1200, 4000, 7900, 8100]));
    expect(v.sheets[4]!.rows[2]).toEqual(expect.arrayContaining(['Item No', 'Value', 'Payer Name', 'Payment Method']));
    const dateCol = glSheet.dateColumns[0]!;
    expect(glSheet.rows.slice(3).every((r) => typeof r[dateCol] === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(r[dateCol] as string))).toBe(true);
    const code = txHeader.indexOf('Tran Code');
    expect(new Set(v.sheets[2]!.rows.slice(3).map((r) => r[code]))).toEqual(new Set(['RNT', 'HBP', 'UCP', 'DDR', 'APY', 'CSH', 'BGC', 'CRD', 'WOF', 'RFD', 'TRF', 'ADJ']));
    expect(v.config.codes).toMatchObject({ RNT: 'RENT', HBP: 'HB', WOF: 'WRITEOFF', TRF: 'TRANSFER' });
    expect(generateMonth(BASE).config.codes).toEqual({});
  });

  it('writes cells as a housing system exports them: text refs with leading zeros, serial dates, money to the penny', () => {
    const month = generateMonth(BASE);
    const [roll, tx, gl, sus] = month.sheets;
    expect(roll!.rows[0]).toEqual(['Account Ref', 'Property Ref', 'Tenant Name', 'Address', 'Postcode', 'Start Date', 'End Date', 'Weekly Charge', 'Opening Balance', 'Closing Balance']);
    expect(tx!.rows[0]).toEqual(['Date', 'Account Ref', 'Code', 'Amount', 'Batch Ref', 'Description']);
    expect(gl!.rows[0]).toEqual(['Date', 'Account', 'Journal Ref', 'Source', 'Description', 'Debit', 'Credit']);
    expect(sus!.rows[0]).toEqual(['Item Ref', 'Date', 'Amount', 'Reference', 'Payer', 'Narrative', 'Channel']);
    const data = roll!.rows.slice(1);
    expect(data.every((r) => typeof r[0] === 'string' && /^0\d{7}$/.test(r[0]))).toBe(true);
    expect(new Set(data.map((r) => r[0])).size).toBe(data.length);
    expect(new Set(data.map((r) => r[1])).size).toBe(data.length);
    expect(data.some((r) => String(r[2]).includes(' & '))).toBe(true);
    expect(data.some((r) => r[6] !== null)).toBe(true);
    expect(data.every((r) => (r[7] as number) >= 85 && (r[7] as number) <= 190)).toBe(true);
    for (const s of month.sheets) {
      for (const row of s.rows.slice(s.headerRow)) {
        for (const c of s.moneyColumns) if (row[c] !== null) expect(penceFromNumber(row[c] as number)).not.toBeNull();
        for (const c of s.dateColumns) if (row[c] !== null) expect(Number.isInteger(row[c])).toBe(true);
      }
    }
    const [first, last] = [isoToSerial('2026-12-01' as IsoDate), isoToSerial('2026-12-31' as IsoDate)];
    expect(tx!.rows.slice(1).every((r) => (r[0] as number) >= first && (r[0] as number) <= last)).toBe(true);
    // Debits on Mondays only, in one batch per Monday named after it.
    const rentBatches = new Set(tx!.rows.slice(1).filter((r) => r[2] === 'RENT').map((r) => `${r[0]} ${r[4]}`));
    for (const key of rentBatches) {
      const [serial, ref] = key.split(' ');
      const iso = serialToIso(Number(serial)) as IsoDate;
      expect(weekday(iso)).toBe(0);
      expect(ref).toBe(`DR${iso.replace(/-/g, '')}`);
    }
  });

  it('money cells are the exact doubles penceToPounds gives', () => {
    const month = generateMonth({ ...BASE, accounts: 50 });
    const tx = month.sheets[1]!;
    const pounds = tx.rows.slice(1).map((r) => r[3] as number);
    for (const p of pounds) expect(penceToPounds(penceFromNumber(p) as Pence)).toBe(p);
    fc.assert(fc.property(fc.integer({ min: -2e9, max: 2e9 }), (p) => p / 100 === penceToPounds(toPence(p))));
  });

  it("each plant's rows point at the cells it describes", () => {
    const month = generateMonth({ ...BASE, layout: { titleRows: 1 } });
    const at = (sheet: string, row: number): RawCell[] => month.sheets.find((s) => s.name === sheet)!.rows[row - 1]!;
    for (const p of month.plants) {
      expect(p.rows.length).toBeGreaterThan(0);
      for (const r of p.rows) {
        expect(r.from).toBeGreaterThanOrEqual(3); // below a title row and the header
        expect(r.to).toBeGreaterThanOrEqual(r.from);
        const first = at(r.sheet, r.from);
        if (r.what.startsWith('rent roll line of account ')) expect(first[0]).toBe(r.what.slice('rent roll line of account '.length));
        if (r.what.startsWith('the postings of batch ')) {
          const ref = r.what.slice('the postings of batch '.length);
          for (let k = r.from; k <= r.to; k++) expect(at(r.sheet, k)[4]).toBe(ref);
          expect(at(r.sheet, r.from - 1)[4]).not.toBe(ref);
          expect(at(r.sheet, r.to + 1)?.[4]).not.toBe(ref);
        }
        if (r.what.startsWith('GL ')) expect(r.what).toContain(String(first[2]));
      }
    }
    const ex = month.plants.find((p) => p.kind === 'extra-debit')!;
    const dup = ex.rows[1]!;
    expect(at(dup.sheet, dup.from)[3]).toBe(penceToPounds(ex.amount));
  });

  it('suspense items carry the clues a person would use, and the record knows the true account', () => {
    const month = generateMonth({ ...BASE, accounts: 2000 });
    const sus = month.sheets[3]!;
    expect(month.suspenseTruth.map((t) => t.item)).toEqual(sus.rows.slice(1).map((r) => r[0]));
    const refs = new Set(month.sheets[0]!.rows.slice(1).map((r) => r[0]));
    for (const t of month.suspenseTruth) if (t.account !== null) expect(refs.has(t.account)).toBe(true);
    expect(new Set(month.suspenseTruth.map((t) => t.evidence)).size).toBeGreaterThanOrEqual(6);
    expect(sus.rows.slice(1).every((r) => (r[2] as number) > 0)).toBe(true);
    expect(month.expected.suspense.itemsTotal).toBeGreaterThan(0);
  });

  it('knows the bank holidays of England and Wales', () => {
    expect(englandBankHolidays(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(englandBankHolidays(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
    expect(englandBankHolidays(2022)).toContain('2022-01-03');
  });

  it('refuses nonsense options', () => {
    expect(() => generateMonth({ ...BASE, period: '2026-13' })).toThrow(/YYYY-MM/);
    expect(() => generateMonth({ ...BASE, rentYearStart: '2026-04-07' })).toThrow(/Monday/);
    expect(() => generateMonth({ ...BASE, accounts: 0 })).toThrow(/accounts/);
    expect(() => generateMonth({ ...BASE, layout: { titleRows: 20 } })).toThrow(/titleRows/);
  });

  it('writes an .xlsx that opens with real dates, text references and two-decimal money', async () => {
    const month = generateMonth({ ...BASE, accounts: 40, layout: { titleRows: 1 } });
    const file = join(mkdtempSync(join(tmpdir(), 'hl-sample-')), 'month.xlsx');
    await writeGeneratedXlsx(month, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(month.sheets.map((s) => s.name));
    const roll = wb.getWorksheet('Rent Roll')!;
    expect(roll.getCell('A1').value).toBe('Rent roll export — Oak Tree Housing Association');
    expect(roll.getCell('A2').value).toBe('Account Ref');
    expect(roll.getCell('A3').value).toBe(month.sheets[0]!.rows[2]![0]);
    const start = roll.getCell('F3');
    expect(start.value).toBeInstanceOf(Date);
    expect(start.numFmt).toBe('dd/mm/yyyy');
    expect((start.value as Date).getTime() / 86_400_000 + 25569).toBe(month.sheets[0]!.rows[2]![5]);
    expect(roll.getCell('I3').numFmt).toBe('#,##0.00');
    const tx = wb.getWorksheet('Transactions')!;
    expect(tx.rowCount).toBe(month.sheets[1]!.rows.length);
    expect(tx.getCell('D3').value).toBe(month.sheets[1]!.rows[2]![3]);
  });

  it('scales: 5,000 accounts give about eight postings each and a GL of batch lines, consistent with the sheets', () => {
    const t0 = performance.now();
    const month = generateMonth({ seed: 1, accounts: 5000, period: '2026-11' });
    const ms = performance.now() - t0;
    expect(month.counts.postings).toBeGreaterThan(5000 * 6);
    expect(month.counts.postings).toBeLessThan(5000 * 11);
    expect(month.counts.glLines).toBeGreaterThan(2 * month.counts.hmsBatches);
    // the opening line and the duplicate make up for the missing batch and the timing batch
    expect(month.counts.controlLines).toBe(month.counts.hmsBatches);
    expect(new Set(month.plants.map((p) => p.kind)).size).toBe(9); // no rent-free week in November
    expectIdentities(month.expected);
    expectPlantsExplainEverything(month);
    expect(readBack(month)).toEqual(month.expected);
    expect(ms).toBeLessThan(20_000);
  });
});
