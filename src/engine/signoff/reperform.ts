/**
 * Re-performing an audit pack from the workbook alone (issue 11, `verify`): every Summary figure
 * that derives from the detail sheets is recomputed from those sheets' rows as read back (money as
 * integer pence), and compared with what the Summary shows. A changed detail amount is then found
 * twice: at its own cell (the image, pack-check.ts) and at each Summary figure it no longer adds up
 * to; a changed Summary value is found at its cell even in a pack whose session holds no image.
 *
 * The figures follow the Summary's formulas (audit-pack.ts): the roll-forward of the housing system
 * from the Sources control totals and the HL Components rows, the GL control account, the agreement
 * (difference, reconciling items counted, unexplained difference, status) and the checks (unmatched
 * batches, component differences, account exceptions, suspense totals and ages, input issues). Rows
 * are found by their labels and columns by their headers, so a column added to a detail sheet on a
 * later version does not move what is summed. The formulas inside the detail sheets (each
 * component's and exception's difference, the components' total row) are re-performed too.
 *
 * The values compared are the cells' values (a formula's cached result), so a pack whose formulas a
 * spreadsheet has recomputed verifies as one written by Housing Ledger.
 */
import { AUDIT_SHEETS } from '../audit-pack';
import { isCategory } from '../categories';
import { columnLetter, isCellError, type RawCell, type SheetData } from '../cells';
import { formatGBP, penceFromNumber, toPence, type Pence } from '../money';
import type { Finding } from './pack-check';

/** A figure as the detail sheets give it, or why it cannot be recomputed. */
type Got<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: string };
const got = <T>(value: T): Got<T> => ({ ok: true, value });
const why = <T>(text: string): Got<T> => ({ ok: false, why: text });
function map2<A, B, C>(a: Got<A>, b: Got<B>, f: (a: A, b: B) => C): Got<C> {
  if (!a.ok) return a;
  if (!b.ok) return b;
  return got(f(a.value, b.value));
}
const minus = (a: Got<Pence>, b: Got<Pence>): Got<Pence> => map2(a, b, (x, y) => toPence(x - y));
const plus = (a: Got<Pence>, b: Got<Pence>): Got<Pence> => map2(a, b, (x, y) => toPence(x + y));

/** What a Summary figure is: money, a count, or text (the status, the issues line). */
type Expected = { readonly kind: 'money'; readonly value: Got<Pence> } | { readonly kind: 'count'; readonly value: Got<number> } | { readonly kind: 'text'; readonly value: Got<string> };

/** One sheet read back, addressed as Excel shows it (1-based rows and columns). */
class Grid {
  constructor(readonly data: SheetData) {}
  get name(): string {
    return this.data.name;
  }
  at(row: number, col: number): RawCell {
    return this.data.rows[row - this.data.originRow]?.[col - this.data.originCol] ?? null;
  }
  get lastRow(): number {
    return this.data.originRow + this.data.rows.length - 1;
  }
  /** The column whose row-1 header is `header` (or matches it). */
  column(header: string | RegExp): number | null {
    const row = this.data.rows[1 - this.data.originRow] ?? [];
    for (let i = 0; i < row.length; i++) {
      const h = row[i];
      if (typeof h === 'string' && (typeof header === 'string' ? h.trim() === header : header.test(h.trim()))) return this.data.originCol + i;
    }
    return null;
  }
  /** The first row whose column A is `label` (or matches it). */
  rowLabelled(label: string | RegExp): number | null {
    for (let r = Math.max(1, this.data.originRow); r <= this.lastRow; r++) {
      const v = this.at(r, 1);
      if (typeof v === 'string' && (typeof label === 'string' ? v.trim() === label : label.test(v.trim()))) return r;
    }
    return null;
  }
}

const isEmpty = (c: RawCell): boolean => c === null || (typeof c === 'string' && c.trim() === '');
const textOf = (c: RawCell): string => (c === null ? '' : isCellError(c) ? c.error : String(c).trim());

/** The detail sheets' figures the Summary is built from. */
class Detail {
  readonly findings: Finding[] = [];
  constructor(private readonly sheets: ReadonlyMap<string, Grid>) {}

  sheet(name: string): Got<Grid> {
    const g = this.sheets.get(name);
    return g ? got(g) : why(`the pack has no ${name} sheet`);
  }
  col(g: Grid, header: string | RegExp): Got<number> {
    const c = g.column(header);
    return c === null ? why(`${g.name} has no column headed ${typeof header === 'string' ? `"${header}"` : header.source}`) : got(c);
  }
  /** A detail amount: blank is nothing (as SUM reads it); text or a third decimal is a finding at its cell, and left out as SUM leaves it out. */
  amount(g: Grid, row: number, col: number): Pence {
    const c = g.at(row, col);
    if (isEmpty(c)) return toPence(0);
    const p = typeof c === 'number' ? penceFromNumber(c) : null;
    if (p !== null) return p;
    this.findings.push({ code: 'detail.not-amount', sheet: g.name, cell: `${columnLetter(col)}${row}`, message: `${g.name}!${columnLetter(col)}${row} holds "${textOf(c)}", not an amount in pounds and pence: the totals over it leave it out` });
    return toPence(0);
  }
  /** The data rows of a table sheet (row 2 on), skipping rows with nothing in them. */
  dataRows(g: Grid, until?: (row: number) => boolean): number[] {
    const out: number[] = [];
    for (let r = 2; r <= g.lastRow; r++) {
      if (until?.(r)) break;
      const cells = g.data.rows[r - g.data.originRow] ?? [];
      if (cells.some((c) => !isEmpty(c))) out.push(r);
    }
    return out;
  }
  /** Sum of a column over the data rows, optionally only where another column reads `when`. */
  sum(sheet: string, header: string, when?: { header: string; equals: string }): Got<Pence> {
    const g = this.sheet(sheet);
    if (!g.ok) return g;
    const c = this.col(g.value, header);
    if (!c.ok) return c;
    const w = when ? this.col(g.value, when.header) : got(0);
    if (!w.ok) return w;
    let total = 0;
    for (const r of this.dataRows(g.value)) {
      if (when && textOf(g.value.at(r, w.value)) !== when.equals) continue;
      total += this.amount(g.value, r, c.value);
    }
    return got(toPence(total));
  }
  /** Rows whose column `header` reads `equals` (COUNTIF), or are not blank (COUNTA) when `equals` is null. */
  count(sheet: string, header: string | RegExp, equals: string | null): Got<number> {
    const g = this.sheet(sheet);
    if (!g.ok) return g;
    const c = this.col(g.value, header);
    if (!c.ok) return c;
    return got(this.dataRows(g.value).filter((r) => (equals === null ? !isEmpty(g.value.at(r, c.value)) : textOf(g.value.at(r, c.value)) === equals)).length);
  }
  /** A control total on the Sources sheet, found by its label. */
  control(label: string | RegExp): Got<Pence> {
    const g = this.sheet(AUDIT_SHEETS.sources.name);
    if (!g.ok) return g;
    const r = g.value.rowLabelled(label);
    if (r === null) return why(`${g.value.name} has no control total "${typeof label === 'string' ? label : label.source}"`);
    return got(this.amount(g.value, r, 2));
  }
}

interface Components {
  readonly byCategory: ReadonlyMap<string, Pence>;
  readonly hms: Pence;
  readonly gl: Pence;
}

/** The HL Components rows (each row's difference and the total row re-performed on the way). */
function components(d: Detail): Got<Components> {
  const name = AUDIT_SHEETS.components.name;
  const g = d.sheet(name);
  if (!g.ok) return g;
  const cols = [d.col(g.value, 'Category'), d.col(g.value, 'Housing system'), d.col(g.value, 'GL control account'), d.col(g.value, 'Difference')] as const;
  for (const c of cols) if (!c.ok) return c;
  const [cat, hmsCol, glCol, diffCol] = cols.map((c) => (c.ok ? c.value : 0)) as [number, number, number, number];
  const grid = g.value;
  const byCategory = new Map<string, Pence>();
  let hms = 0;
  let gl = 0;
  const totalRow = grid.rowLabelled('Total');
  for (const r of d.dataRows(grid, (row) => row === totalRow)) {
    const h = d.amount(grid, r, hmsCol);
    const l = d.amount(grid, r, glCol);
    byCategory.set(textOf(grid.at(r, cat)), h);
    hms += h;
    gl += l;
    detailCheck(d, grid, r, diffCol, toPence(h - l), 'housing system - GL');
  }
  if (totalRow === null) d.findings.push({ code: 'detail.missing', sheet: name, cell: 'A1', message: `${name} has no Total row` });
  else {
    detailCheck(d, grid, totalRow, hmsCol, toPence(hms), 'the sum of the rows above');
    detailCheck(d, grid, totalRow, glCol, toPence(gl), 'the sum of the rows above');
    detailCheck(d, grid, totalRow, diffCol, toPence(hms - gl), 'housing system - GL');
  }
  return got({ byCategory, hms: toPence(hms), gl: toPence(gl) });
}

/** HL Account exceptions: each row's difference is actual - expected. */
function exceptionRows(d: Detail): void {
  const g = d.sheet(AUDIT_SHEETS.exceptions.name);
  if (!g.ok) return;
  const cols = [d.col(g.value, 'Expected'), d.col(g.value, 'Actual'), d.col(g.value, 'Difference')];
  if (!cols.every((c) => c.ok)) return;
  const [expected, actual, diff] = cols.map((c) => (c.ok ? c.value : 0)) as [number, number, number];
  for (const r of d.dataRows(g.value)) detailCheck(d, g.value, r, diff, toPence(d.amount(g.value, r, actual) - d.amount(g.value, r, expected)), 'actual - expected');
}

/** A formula cell inside a detail sheet against its re-performance. */
function detailCheck(d: Detail, g: Grid, row: number, col: number, expected: Pence, how: string): void {
  const shown = g.at(row, col);
  if (sameMoney(shown, expected)) return;
  const cell = `${columnLetter(col)}${row}`;
  d.findings.push({ code: 'detail.mismatch', sheet: g.name, cell, message: `${g.name}!${cell} shows ${shownText(shown, 'money')} but ${how} is ${formatGBP(expected)}` });
}

function sameMoney(shown: RawCell, expected: Pence): boolean {
  return typeof shown === 'number' && penceFromNumber(shown) === expected;
}

function shownText(c: RawCell, kind: Expected['kind']): string {
  if (isEmpty(c)) return 'nothing';
  if (kind === 'money' && typeof c === 'number') {
    const p = penceFromNumber(c);
    return p === null ? String(c) : formatGBP(p);
  }
  return `"${textOf(c)}"`;
}

function expectedText(e: Expected): string {
  if (!e.value.ok) return '';
  return e.kind === 'money' ? formatGBP(e.value.value as Pence) : e.kind === 'count' ? String(e.value.value) : `"${e.value.value}"`;
}

function agrees(shown: RawCell, e: Expected): boolean {
  if (!e.value.ok) return true;
  switch (e.kind) {
    case 'money':
      return sameMoney(shown, e.value.value);
    case 'count':
      return typeof shown === 'number' && shown === e.value.value;
    case 'text':
      return textOf(shown) === e.value.value;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** A Summary row: how its label reads, and its figure from the detail sheets. */
interface Rule {
  readonly label: string | RegExp;
  readonly expected: Expected;
}

/** Every Summary figure that derives from the detail sheets, re-performed. */
function summaryRules(d: Detail): { rules: Rule[]; byCategory: ReadonlyMap<string, Pence> | null } {
  const comps = components(d);
  exceptionRows(d);
  const money = (value: Got<Pence>): Expected => ({ kind: 'money', value });
  const count = (value: Got<number>): Expected => ({ kind: 'count', value });
  const compHms: Got<Pence> = comps.ok ? got(comps.value.hms) : comps;
  const compGl: Got<Pence> = comps.ok ? got(comps.value.gl) : comps;

  const opening = d.control('Rent roll: sum of opening balances');
  const reported = d.control('Rent roll: sum of closing balances');
  const glOpening = d.control(/^GL .+: opening \(/);
  const suspenseGl = d.control(/^GL .+: suspense balance \(/);
  const calculated = plus(opening, compHms);
  const glClosing = plus(glOpening, compGl);
  const difference = minus(reported, glClosing);
  const items = AUDIT_SHEETS.items.name;
  const counted = d.sum(items, 'Amount', { header: 'Counted', equals: 'Yes' });
  const unexplained = minus(difference, counted);
  const suspense = AUDIT_SHEETS.suspense.name;
  const suspenseItems = d.sum(suspense, 'Amount');
  const issues = AUDIT_SHEETS.issues.name;
  const errors = d.count(issues, 'Severity', 'Error');
  const all = d.count(issues, 'Severity', null);

  const rules: Rule[] = [
    { label: 'Opening balance per housing system (rent roll)', expected: money(opening) },
    { label: '= Calculated closing balance', expected: money(calculated) },
    { label: 'Closing balance per rent roll', expected: money(reported) },
    { label: 'Rent roll integrity: reported - calculated (see account exceptions)', expected: money(minus(reported, calculated)) },
    { label: 'Opening balance (brought forward)', expected: money(glOpening) },
    { label: '+ Movement in the period (debits - credits)', expected: money(compGl) },
    { label: '= GL closing balance', expected: money(glClosing) },
    { label: 'Difference: rent roll closing - GL closing', expected: money(difference) },
    { label: 'Less reconciling items counted (see HL Reconciling items)', expected: money(counted) },
    { label: '= Unexplained difference (must be 0.00)', expected: money(unexplained) },
    { label: 'Status', expected: { kind: 'text', value: unexplained.ok ? got(unexplained.value === 0 ? 'BALANCED' : 'NOT BALANCED') : unexplained } },
    { label: 'Batches unmatched (both sides, see HL Batches)', expected: count(d.count(AUDIT_SHEETS.batches.name, 'Status', 'Unmatched')) },
    { label: 'Component differences total', expected: money(minus(compHms, compGl)) },
    { label: 'Account exceptions (see HL Account exceptions)', expected: count(d.count(AUDIT_SHEETS.exceptions.name, 'Account', null)) },
    { label: /^Suspense .+: GL balance$/, expected: money(suspenseGl) },
    { label: 'Suspense: items awaiting allocation', expected: money(suspenseItems) },
    { label: 'Suspense: GL balance - items', expected: money(minus(suspenseGl, suspenseItems)) },
    { label: /^Suspense items held over \d+ days$/, expected: count(d.count(suspense, /^Past \d+ days$/, 'Yes')) },
    { label: 'Input issues (errors / all, see HL Issues)', expected: { kind: 'text', value: map2(errors, all, (e, a) => `${e} / ${a}`) } },
  ];
  return { rules, byCategory: comps.ok ? comps.value.byCategory : null };
}

/** The result of re-performing a pack: the findings, and how many Summary figures were recomputed. */
export interface Reperformance {
  readonly findings: readonly Finding[];
  readonly figures: number;
}

/**
 * Recomputes every Summary figure of an audit pack from its detail sheets, as read back from the
 * workbook, and reports each that differs (`summary.mismatch`, at the Summary cell, with both values),
 * each that cannot be recomputed (`summary.unverifiable`), each the Summary lacks (`summary.missing`),
 * and each detail formula that does not hold (`detail.mismatch`).
 */
export function reperformPack(sheets: readonly SheetData[]): Reperformance {
  const grids = new Map(sheets.map((s) => [s.name, new Grid(s)]));
  const summaryName = AUDIT_SHEETS.summary.name;
  const summary = grids.get(summaryName);
  if (!summary) return { findings: [{ code: 'summary.missing', sheet: summaryName, cell: 'A1', message: `the pack has no ${summaryName} sheet` }], figures: 0 };
  const d = new Detail(grids);
  const { rules, byCategory } = summaryRules(d);
  const findings: Finding[] = [];
  const check = (row: number, label: string, e: Expected): void => {
    const shown = summary.at(row, 2);
    const cell = `B${row}`;
    if (!e.value.ok) findings.push({ code: 'summary.unverifiable', sheet: summaryName, cell, message: `${summaryName}!${cell} (${label}) cannot be recomputed: ${e.value.why}` });
    else if (!agrees(shown, e)) {
      findings.push({ code: 'summary.mismatch', sheet: summaryName, cell, message: `${summaryName}!${cell} (${label}) shows ${shownText(shown, e.kind)}; recomputed from the detail sheets it is ${expectedText(e)}` });
    }
  };
  let figures = 0;
  const seen = new Set<Rule>();
  const componentsSeen = new Set<string>();
  for (let r = Math.max(1, summary.data.originRow); r <= summary.lastRow; r++) {
    const label = summary.at(r, 1);
    if (typeof label !== 'string') continue;
    const text = label.trim();
    const rule = rules.find((x) => !seen.has(x) && (typeof x.label === 'string' ? x.label === text : x.label.test(text)));
    // A component line: "+ Housing Benefit (HB)" is the housing system's column of its HL Components row.
    const category = /\(([A-Z]+)\)$/.exec(text)?.[1];
    if (rule) {
      seen.add(rule);
      check(r, text, rule.expected);
    } else if (category !== undefined && isCategory(category) && byCategory) {
      componentsSeen.add(category);
      const v = byCategory.get(category);
      check(r, text, { kind: 'money', value: v === undefined ? why(`${AUDIT_SHEETS.components.name} has no ${category} row`) : got(v) });
    } else continue;
    figures++;
  }
  for (const rule of rules) {
    if (seen.has(rule)) continue;
    const label = typeof rule.label === 'string' ? rule.label : rule.label.source;
    findings.push({ code: 'summary.missing', sheet: summaryName, cell: 'A1', message: `${summaryName} has no row "${label}": its figure cannot be checked` });
  }
  for (const category of byCategory?.keys() ?? []) {
    if (!componentsSeen.has(category)) findings.push({ code: 'summary.missing', sheet: summaryName, cell: 'A1', message: `${summaryName} has no line for the ${category} component of ${AUDIT_SHEETS.components.name}` });
  }
  return { findings: [...d.findings, ...findings], figures };
}
