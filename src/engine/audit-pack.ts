/**
 * The audit pack as data (DOMAIN.md section 6): a Summary whose totals are live formulas over the
 * detail sheets (written with the engine's own figures as cached values, so an auditor can
 * re-perform them in any spreadsheet), and the detail: components, batches, account exceptions,
 * reconciling items, the suspense check, the sources with their control totals and hashes, issues.
 */
import { accountActionsSheet } from './actions/actions-sheet';
import type { ActionEvent } from './approvals/types';
import { a1, columnLetter } from './cells';
import { CATEGORY_LABELS } from './categories';
import type { LedgerConfig } from './config';
import { formatUkDate, type IsoDate } from './dates';
import type { InputIssue } from './issues';
import { describeIssue, severityLabel } from './messages';
import { sumPence, toPence, type Pence } from './money';
import type { GlBatchLine, HmsBatch, ReconcileResult } from './reconcile/types';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from './sheet-spec';

export interface SourceSummary {
  readonly role: string;
  readonly file: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rowCount: number;
  /** "Account Ref <- 'Tenancy Ref' (A)" for each mapped field. */
  readonly mapping: string;
  /** SHA-256 of the sheet's normalised cell values (see fingerprint.ts). */
  readonly sha256: string;
}

export interface AuditMeta {
  readonly productVersion: string;
  /** ISO timestamp of the run: the only cell that differs between two runs on the same inputs. */
  readonly runAt: string;
  readonly preparedBy: string;
  readonly preparedOn: IsoDate | null;
  readonly reviewedBy: string;
  readonly reviewedOn: IsoDate | null;
  readonly sources: readonly SourceSummary[];
  readonly issues: readonly InputIssue[];
  /** The account actions log (issue 14): when given, the pack gains the HL Account actions sheet for the period. */
  readonly actions?: readonly ActionEvent[];
  /** The session trail's head (the last event's SHA-256, issue 11): shown under the sign-off when given. */
  readonly trailHead?: string;
}

/** The Summary's label of the trail head row (sign-cli finds the cell by it). */
export const TRAIL_HEAD_LABEL = 'Trail head (SHA-256 of the last trail event)';

export const AUDIT_SHEETS = {
  summary: { key: 'audit.summary', name: 'HL Summary' },
  components: { key: 'audit.components', name: 'HL Components' },
  batches: { key: 'audit.batches', name: 'HL Batches' },
  exceptions: { key: 'audit.exceptions', name: 'HL Account exceptions' },
  items: { key: 'audit.reconciling-items', name: 'HL Reconciling items' },
  suspense: { key: 'audit.suspense', name: 'HL Suspense check' },
  sources: { key: 'audit.sources', name: 'HL Sources' },
  issues: { key: 'audit.issues', name: 'HL Issues' },
} as const;

const text = (value: string, style?: CellStyle): CellSpec => (style ? { kind: 'text', value, style } : { kind: 'text', value });
const money = (value: Pence, style?: CellStyle): CellSpec => (style ? { kind: 'money', value, style } : { kind: 'money', value });
const num = (value: number): CellSpec => ({ kind: 'number', value });
const date = (value: IsoDate | null): CellSpec | null => (value ? { kind: 'date', value } : null);
const moneyFormula = (formula: string, value: Pence, style?: CellStyle): CellSpec =>
  style ? { kind: 'formula', formula, result: { kind: 'money', value }, style } : { kind: 'formula', formula, result: { kind: 'money', value } };

/** A detail sheet: one table from A1, a header row and data rows. */
function tableSheet(
  key: string,
  name: string,
  tableName: string,
  columns: readonly { header: string; width: number }[],
  rows: readonly (readonly (CellSpec | null)[])[],
): SheetSpec {
  const table: TableSpec = { name: tableName, headerRow: 0, firstCol: 0, columns: columns.map((c) => c.header), rowCount: rows.length };
  return {
    key,
    name,
    rows: [columns.map((c) => text(c.header, 'heading')), ...rows],
    columnWidths: columns.map((c) => c.width),
    tables: [table],
    freeze: { rows: 1, cols: 0 },
    protect: true,
  };
}

/** The A1 range of a table column's data rows (at least one row, so an empty table still sums to 0). */
function columnRange(col: number, rowCount: number, sheet?: string): string {
  const last = Math.max(2, rowCount + 1);
  const first = sheet === undefined ? `${columnLetter(col)}2` : a1(sheet, 2, col);
  return `${first}:${columnLetter(col)}${last}`;
}

function isHms(b: HmsBatch | GlBatchLine): b is HmsBatch {
  return b.side === 'hms';
}

/** Builds every sheet of the audit pack. Same result and meta (runAt aside) give the same cells. */
export function buildAuditPack(result: ReconcileResult, config: LedgerConfig, meta: AuditMeta): SheetSpec[] {
  const S = AUDIT_SHEETS;

  // Components: one row per category; Difference is a live formula.
  const componentRows = result.components.map((c, i) => {
    const r = i + 2;
    return [text(c.category), text(CATEGORY_LABELS[c.category]), money(c.hms), money(c.gl), moneyFormula(`ROUND(C${r}-D${r},2)`, c.difference)];
  });
  const nComp = result.components.length;
  const compTotalRow = nComp + 2;
  const hmsMovement = sumPence(result.components.map((c) => c.hms));
  const glMovement = sumPence(result.components.map((c) => c.gl));
  const components = tableSheet(S.components.key, S.components.name, 'HL_Components', [
    { header: 'Category', width: 12 },
    { header: 'Description', width: 32 },
    { header: 'Housing system', width: 18 },
    { header: 'GL control account', width: 20 },
    { header: 'Difference', width: 16 },
  ], componentRows);
  const componentsSheet: SheetSpec = {
    ...components,
    rows: [
      ...components.rows,
      [
        text('Total', 'total'),
        text('Movement in the period', 'total'),
        // With no components the total row sits at row 2: a SUM over it would refer to itself.
        moneyFormula(nComp > 0 ? `ROUND(SUM(${columnRange(3, nComp)}),2)` : '0', hmsMovement, 'total'),
        moneyFormula(nComp > 0 ? `ROUND(SUM(${columnRange(4, nComp)}),2)` : '0', glMovement, 'total'),
        moneyFormula(`ROUND(C${compTotalRow}-D${compTotalRow},2)`, toPence(hmsMovement - glMovement), 'total'),
      ],
    ],
  };

  // Batches: every housing-system batch (matched or not) and every unmatched GL line.
  type BatchRow = { date: IsoDate; order: number; cells: (CellSpec | null)[] };
  const batchRows: BatchRow[] = [];
  for (const m of result.matchedBatches) {
    batchRows.push({
      date: m.hms.date,
      order: 0,
      cells: [text('Housing system'), text('Matched'), text(m.hms.category), date(m.hms.date), text(m.hms.batch), num(m.hms.postings), money(m.hms.amount), date(m.gl.date), text(m.gl.journal), num(m.lagDays), num(m.hms.firstRow), num(m.gl.row)],
    });
  }
  for (const u of result.unmatchedBatches) {
    batchRows.push(
      isHms(u)
        ? { date: u.date, order: 1, cells: [text('Housing system'), text('Unmatched'), text(u.category), date(u.date), text(u.batch), num(u.postings), money(u.amount), null, null, null, num(u.firstRow), null] }
        : { date: u.date, order: 2, cells: [text('GL'), text('Unmatched'), text(u.category), date(u.date), text(u.journal), null, money(u.amount), null, null, null, null, num(u.row)] },
    );
  }
  batchRows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const batches = tableSheet(S.batches.key, S.batches.name, 'HL_Batches', [
    { header: 'Side', width: 16 },
    { header: 'Status', width: 12 },
    { header: 'Category', width: 11 },
    { header: 'Date', width: 12 },
    { header: 'Batch / journal ref', width: 22 },
    { header: 'Postings', width: 10 },
    { header: 'Amount', width: 16 },
    { header: 'GL date', width: 12 },
    { header: 'GL journal', width: 16 },
    { header: 'Lag (days)', width: 10 },
    { header: 'Transactions row', width: 12 },
    { header: 'GL row', width: 10 },
  ], batchRows.map((b) => b.cells));

  // Account exceptions: Difference = actual - expected as a formula.
  const exRows = result.accountExceptions.map((e, i) => {
    const r = i + 2;
    return [text(e.account), text(e.kind), money(e.expected), money(e.actual), moneyFormula(`ROUND(D${r}-C${r},2)`, toPence(e.actual - e.expected)), e.row === null ? null : num(e.row), text(e.sheetRole === 'rentRoll' ? 'Rent roll' : 'Transactions'), text(e.note)];
  });
  const exceptions = tableSheet(S.exceptions.key, S.exceptions.name, 'HL_Exceptions', [
    { header: 'Account', width: 14 },
    { header: 'Kind', width: 24 },
    { header: 'Expected', width: 14 },
    { header: 'Actual', width: 14 },
    { header: 'Difference', width: 14 },
    { header: 'Row', width: 8 },
    { header: 'Sheet', width: 13 },
    { header: 'Note', width: 70 },
  ], exRows);

  // Reconciling items.
  const itemRows = result.reconcilingItems.map((it) => [
    text(it.ref), text(it.type), date(it.date), money(it.amount), text(it.explanation), text(it.owner), text(it.origin), text(it.accepted ? 'Yes' : 'No'), it.ageDays === null ? null : num(it.ageDays),
  ]);
  const nItems = result.reconcilingItems.length;
  const items = tableSheet(S.items.key, S.items.name, 'HL_Reconciling_items', [
    { header: 'Ref', width: 8 },
    { header: 'Type', width: 10 },
    { header: 'Date', width: 12 },
    { header: 'Amount', width: 14 },
    { header: 'Explanation', width: 70 },
    { header: 'Owner', width: 16 },
    { header: 'Origin', width: 11 },
    { header: 'Counted', width: 9 },
    { header: 'Age (days)', width: 10 },
  ], itemRows);

  // Suspense check: the items with their age; the GL balance is in the Sources control totals.
  const suspRows = result.suspense.items.map((s) => [
    text(s.item), date(s.date), money(s.amount), text(s.reference), text(s.payer), num(s.ageDays), text(s.overLimit ? 'Yes' : 'No'), num(s.row),
  ]);
  const nSusp = result.suspense.items.length;
  const suspense = tableSheet(S.suspense.key, S.suspense.name, 'HL_Suspense', [
    { header: 'Item Ref', width: 12 },
    { header: 'Date', width: 12 },
    { header: 'Amount', width: 14 },
    { header: 'Reference', width: 20 },
    { header: 'Payer', width: 26 },
    { header: 'Days held', width: 10 },
    { header: `Past ${result.suspense.ageLimitDays} days`, width: 12 },
    { header: 'Row', width: 8 },
  ], suspRows);

  // Sources: each input, then the control totals the Summary refers to.
  const srcRows = meta.sources.map((s) => [text(s.role), text(s.file), text(s.sheet), num(s.headerRow), num(s.rowCount), text(s.mapping), text(s.sha256)]);
  const controls: { label: string; value: Pence }[] = [
    { label: 'Rent roll: sum of opening balances', value: result.hms.opening },
    { label: 'Rent roll: sum of closing balances', value: result.hms.reportedClosing },
    { label: 'Transactions: sum of amounts', value: result.hms.transactions },
    { label: `GL ${config.glControlAccount}: opening (OPENING lines, Debit - Credit)`, value: result.gl.opening },
    { label: `GL ${config.glControlAccount}: movement (other lines, Debit - Credit)`, value: result.gl.movement },
    { label: `GL ${config.glSuspenseAccount}: suspense balance (Credit - Debit, opening included)`, value: result.suspense.glBalance },
  ];
  const sourcesBase = tableSheet(S.sources.key, S.sources.name, 'HL_Sources', [
    { header: 'Role', width: 14 },
    { header: 'File', width: 24 },
    { header: 'Sheet', width: 18 },
    { header: 'Header row', width: 11 },
    { header: 'Data rows', width: 11 },
    { header: 'Columns used', width: 60 },
    { header: 'SHA-256 of normalised cell values', width: 66 },
  ], srcRows);
  const sourcesRows: (readonly (CellSpec | null)[])[] = [...sourcesBase.rows, [], [text('Control totals', 'heading'), text('£', 'heading')]];
  // The Excel row of control total i, for the Summary's formulas.
  const firstControlRow = sourcesRows.length + 1;
  const controlCell = (i: number): string => a1(S.sources.name, firstControlRow + i, 2);
  sourcesRows.push(
    ...controls.map((c) => [text(c.label), money(c.value)]),
    [],
    [text('Counts: accounts, postings, GL lines (control, suspense), suspense items', 'note')],
    [num(result.counts.accounts), num(result.counts.postings), num(result.counts.glLines), num(result.counts.controlLines), num(result.counts.suspenseLines), num(result.counts.suspenseItems)],
  );
  const sourcesSheet: SheetSpec = { ...sourcesBase, rows: sourcesRows };

  // Issues found while reading.
  const issueRows = meta.issues.map((i) => [
    text(severityLabel(i)), text(i.code), text(i.location.sheet ?? ''), text(i.location.a1 ?? ''), i.location.row === null ? null : num(i.location.row), text(i.location.column ?? ''), text(i.location.header ?? ''), text(i.raw ?? ''), text(describeIssue(i)),
  ]);
  const issues = tableSheet(S.issues.key, S.issues.name, 'HL_Issues', [
    { header: 'Severity', width: 10 },
    { header: 'Code', width: 24 },
    { header: 'Sheet', width: 16 },
    { header: 'Cell', width: 20 },
    { header: 'Row', width: 8 },
    { header: 'Column', width: 8 },
    { header: 'Header', width: 16 },
    { header: 'Value found', width: 20 },
    { header: 'Message', width: 90 },
  ], issueRows);

  const summary = buildSummary(result, config, meta, {
    controlCell,
    componentRow: (i) => i + 2,
    nComp,
    nItems,
    nSusp,
    nExceptions: result.accountExceptions.length,
    nBatches: batchRows.length,
  });
  const sheets = [summary, componentsSheet, batches, exceptions, items, suspense, sourcesSheet, issues];
  if (meta.actions !== undefined) sheets.push(accountActionsSheet(meta.actions, result.period, config.approvals));
  return sheets;
}

interface Refs {
  readonly controlCell: (i: number) => string;
  readonly componentRow: (i: number) => number;
  readonly nComp: number;
  readonly nItems: number;
  readonly nSusp: number;
  readonly nExceptions: number;
  readonly nBatches: number;
}

function buildSummary(result: ReconcileResult, config: LedgerConfig, meta: AuditMeta, refs: Refs): SheetSpec {
  const S = AUDIT_SHEETS;
  const rows: (CellSpec | null)[][] = [];
  const push = (...cells: (CellSpec | null)[]): number => {
    rows.push(cells);
    return rows.length; // the Excel row just written
  };
  const p = result.period;
  push(text('Rent reconciliation to the general ledger', 'title'));
  push(text('Period'), text(`${p.label} (${formatUkDate(p.start)} to ${formatUkDate(p.end)})`));
  push(text('Basis'), text("System basis: the debit is one week's charge for each chargeable Monday in the period"));
  push(text('Accounts'), text(`GL control account ${config.glControlAccount}; suspense account ${config.glSuspenseAccount}`));
  push();

  push(text('Roll-forward of the housing system', 'heading'), text('£', 'heading'));
  const openingRow = push(text('Opening balance per housing system (rent roll)'), moneyFormula(`ROUND(${refs.controlCell(0)},2)`, result.hms.opening));
  const firstCompRow = rows.length + 1;
  result.components.forEach((c, i) => {
    const sign = c.category === 'RENT' ? '+ ' : c.hms <= 0 ? '- ' : '+/- ';
    push(text(`${sign}${CATEGORY_LABELS[c.category]} (${c.category})`), moneyFormula(`ROUND(${a1(S.components.name, refs.componentRow(i), 3)},2)`, c.hms));
  });
  const lastCompRow = rows.length;
  const calcRow = push(
    text('= Calculated closing balance', 'total'),
    moneyFormula(refs.nComp > 0 ? `ROUND(B${openingRow}+SUM(B${firstCompRow}:B${lastCompRow}),2)` : `ROUND(B${openingRow},2)`, result.hms.calculatedClosing, 'total'),
  );
  const reportedRow = push(text('Closing balance per rent roll'), moneyFormula(`ROUND(${refs.controlCell(1)},2)`, result.hms.reportedClosing));
  push(
    text('Rent roll integrity: reported - calculated (see account exceptions)', 'note'),
    moneyFormula(`ROUND(B${reportedRow}-B${calcRow},2)`, toPence(result.hms.reportedClosing - result.hms.calculatedClosing)),
  );
  push();

  push(text(`GL control account ${config.glControlAccount}`, 'heading'), text('£', 'heading'));
  const glOpenRow = push(text('Opening balance (brought forward)'), moneyFormula(`ROUND(${refs.controlCell(3)},2)`, result.gl.opening));
  const glMoveRow = push(
    text('+ Movement in the period (debits - credits)'),
    moneyFormula(`ROUND(${a1(S.components.name, refs.nComp + 2, 4)},2)`, result.gl.movement),
  );
  const glCloseRow = push(text('= GL closing balance', 'total'), moneyFormula(`ROUND(B${glOpenRow}+B${glMoveRow},2)`, result.gl.closing, 'total'));
  push();

  push(text('Agreement', 'heading'), text('£', 'heading'));
  const diffRow = push(text('Difference: rent roll closing - GL closing'), moneyFormula(`ROUND(B${reportedRow}-B${glCloseRow},2)`, result.difference));
  const itemsRange = (col: number): string => columnRange(col, refs.nItems, S.items.name);
  const recRow = push(
    text('Less reconciling items counted (see HL Reconciling items)'),
    moneyFormula(`ROUND(SUMIF(${itemsRange(8)},"Yes",${itemsRange(4)}),2)`, result.reconcilingTotal),
  );
  const unexplainedRow = push(text('= Unexplained difference (must be 0.00)', 'total'), moneyFormula(`ROUND(B${diffRow}-B${recRow},2)`, result.unexplained, 'total'));
  push(
    text('Status', 'total'),
    {
      kind: 'formula',
      formula: `IF(ROUND(B${unexplainedRow},2)=0,"BALANCED","NOT BALANCED")`,
      result: { kind: 'text', value: result.status },
      style: result.status === 'BALANCED' ? 'status-ok' : 'status-bad',
    },
  );
  push();

  push(text('Checks', 'heading'), text('', 'heading'));
  const unmatched = result.unmatchedBatches.length;
  const bRange = (col: number): string => columnRange(col, refs.nBatches, S.batches.name);
  push(text('Batches unmatched (both sides, see HL Batches)'), { kind: 'formula', formula: `COUNTIF(${bRange(2)},"Unmatched")`, result: { kind: 'number', value: unmatched } });
  push(text('Component differences total'), moneyFormula(`ROUND(${a1(S.components.name, refs.nComp + 2, 5)},2)`, toPence(result.components.reduce((s, c) => s + c.difference, 0))));
  push(text('Account exceptions (see HL Account exceptions)'), { kind: 'formula', formula: `COUNTA(${columnRange(1, refs.nExceptions, S.exceptions.name)})`, result: { kind: 'number', value: refs.nExceptions } });
  const sRange = (col: number): string => columnRange(col, refs.nSusp, S.suspense.name);
  const suspGlRow = push(text(`Suspense ${config.glSuspenseAccount}: GL balance`), moneyFormula(`ROUND(${refs.controlCell(5)},2)`, result.suspense.glBalance));
  const suspItemsRow = push(text('Suspense: items awaiting allocation'), moneyFormula(`ROUND(SUM(${sRange(3)}),2)`, result.suspense.itemsTotal));
  push(text('Suspense: GL balance - items'), moneyFormula(`ROUND(B${suspGlRow}-B${suspItemsRow},2)`, result.suspense.difference));
  const overLimit = result.suspense.items.filter((i) => i.overLimit).length;
  push(text(`Suspense items held over ${result.suspense.ageLimitDays} days`), { kind: 'formula', formula: `COUNTIF(${sRange(7)},"Yes")`, result: { kind: 'number', value: overLimit } });
  const errors = meta.issues.filter((i) => i.severity === 'error').length;
  push(text('Input issues (errors / all, see HL Issues)'), text(`${errors} / ${meta.issues.length}`));
  push();

  push(text('Sign-off', 'heading'), text('', 'heading'), text('', 'heading'));
  push(text('Prepared by'), text(meta.preparedBy), text('on'), date(meta.preparedOn));
  push(text('Reviewed by'), text(meta.reviewedBy), text('on'), date(meta.reviewedOn));
  if (meta.trailHead !== undefined) push(text(TRAIL_HEAD_LABEL), text(meta.trailHead));
  push();
  push(text(`Housing Ledger ${meta.productVersion}`, 'note'), text(`Run at ${meta.runAt}`, 'note'));
  push(text('Totals are live formulas over the HL detail sheets, written with the figures Housing Ledger computed.', 'note'));

  return {
    key: S.summary.key,
    name: S.summary.name,
    rows,
    columnWidths: [58, 18, 5, 12],
    tables: [],
    freeze: null,
    protect: true,
  };
}
