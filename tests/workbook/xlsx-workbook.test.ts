import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
// exceljs's own zip library: used here to read and edit the XML the way Excel writes it.
import JSZip from 'jszip';
import { isoToSerial, type IsoDate } from '../../src/engine/dates';
import { toPence } from '../../src/engine/money';
import type { CellSpec, SheetSpec } from '../../src/engine/sheet-spec';
import type { WorkbookPort } from '../../src/workbook/port';
import { openXlsxFile, saveXlsxFile } from '../../src/workbook/xlsx/xlsx-file';
import { markerName, MONEY_FORMAT, type PrintSetup } from '../../src/workbook/render';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { recalcWorkbook } from '../support/recalc';
import { describePortContract, FORMULA_LOOKING_TEXT, productSpec, SEED, type SeedSheet, type WrittenSheet } from './port-contract';

const MS_PER_DAY = 86_400_000;
const dateOf = (serial: number): Date => new Date((serial - 25569) * MS_PER_DAY);

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The seed as a user's file: real dates, error cells, formulas with their cached results. */
function seedBook(seed: readonly SeedSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of seed) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        const formula = s.formulas?.[cell.address];
        const value: ExcelJS.CellValue = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
        if (formula !== undefined) cell.value = { formula, result: value } as ExcelJS.CellFormulaValue;
        else if (s.dateCells?.includes(cell.address) && typeof v === 'number') {
          cell.value = dateOf(v);
          cell.numFmt = 'dd/mm/yyyy';
        } else cell.value = value;
      }),
    );
  }
  return wb;
}

const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};

const reopen = async (port: WorkbookPort): Promise<XlsxWorkbook> => XlsxWorkbook.fromBuffer(await (port as XlsxWorkbook).toBuffer());

async function editXml(bytes: Uint8Array, file: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(file)?.async('string');
  if (xml === undefined) throw new Error(`no ${file}`);
  zip.file(file, edit(xml));
  return zip.generateAsync({ type: 'uint8array' });
}

async function xmlOf(bytes: Uint8Array, file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file(file)?.async('string');
  if (xml === undefined) throw new Error(`no ${file}`);
  return xml;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** What Excel writes when the user renames a sheet: the new name in workbook.xml, and every name that referred to the sheet updated. */
async function renameAsExcelDoes(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const quoted = (n: string): string => escapeXml(`'${n.replace(/'/g, "''")}'!`);
  const bare = (n: string): string => `${escapeXml(n)}!`;
  return editXml(bytes, 'xl/workbook.xml', (xml) =>
    xml
      .replace(`name="${escapeXml(from)}"`, `name="${escapeXml(to)}"`)
      .replace(/(<definedName [^>]*>)([^<]*)(<\/definedName>)/g, (_m, open: string, ref: string, close: string) => `${open}${ref.split(quoted(from)).join(quoted(to)).split(bare(from)).join(quoted(to))}${close}`),
  );
}

/** Column widths from A to the last column given one; a column without one has Excel's default, 8.43. */
function widthsOf(ws: ExcelJS.Worksheet): number[] {
  const all = Array.from({ length: ws.columnCount }, (_x, i) => ws.getColumn(i + 1).width);
  let last = all.length;
  while (last > 0 && all[last - 1] === undefined) last--;
  return all.slice(0, last).map((w) => w ?? 8.43);
}

/** How exceljs read the sheet back from the file's XML, in the contract's terms. */
function inspectXlsx(port: WorkbookPort, name: string): WrittenSheet {
  const wb = (port as XlsxWorkbook).workbook;
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const hex = (argb: string | undefined): string | null => (argb ? `#${argb.slice(2).toUpperCase()}` : null);
  const ps = ws.pageSetup;
  const titles = /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow ?? '');
  const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string; style: { theme: string } } }> }).tables;
  const quoted = `'${name.replace(/'/g, "''")}'!`;
  return {
    format: (a1) => ws.getCell(a1).numFmt ?? 'General',
    look: (a1) => {
      const c = ws.getCell(a1);
      const fill = c.fill?.type === 'pattern' ? hex(c.fill.fgColor?.argb) : null;
      return { bold: c.font?.bold ?? false, italic: c.font?.italic ?? false, size: c.font?.size ?? null, color: hex(c.font?.color?.argb), fill, borderTop: c.border?.top?.style !== undefined };
    },
    tables: Object.entries(tables ?? {}).map(([n, t]) => ({ name: n, address: t.table.tableRef, style: t.table.style.theme })),
    print:
      ps.paperSize === undefined
        ? null
        : ({
            paper: ps.paperSize === 9 ? 'A4' : String(ps.paperSize),
            orientation: ps.orientation,
            fitToWidth: ps.fitToPage ? ps.fitToWidth : null,
            fitToHeight: ps.fitToPage ? ps.fitToHeight : null,
            titleRows: titles ? { first: Number(titles[1]), last: Number(titles[2]) } : null,
          } as unknown as PrintSetup),
    widths: widthsOf(ws),
    names: wb.definedNames.model.filter((n) => n.ranges.some((r) => r.startsWith(quoted) || r.startsWith(`${name}!`))).map((n) => n.name),
  };
}

describePortContract('xlsx (exceljs)', {
  make: async (seed) => XlsxWorkbook.fromBuffer(await bytesOf(seedBook(seed))),
  reopen,
  rename: async (port, from, to) => XlsxWorkbook.fromBuffer(await renameAsExcelDoes(await (port as XlsxWorkbook).toBuffer(), from, to)),
  inspect: async (port, name) => inspectXlsx(port, name),
});

const sheetOf = (key: string, name: string, rows: (CellSpec | null)[][], extra: Partial<SheetSpec> = {}): SheetSpec => ({ key, name, rows, columnWidths: [], tables: [], freeze: null, protect: false, ...extra });

describe('xlsx adapter: reading', () => {
  it('reads dates of a 1904-system workbook as the same calendar dates (1900 serials), times as fractions', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    // What a Mac-era file stores: serials counted from 1 Jan 1904.
    const serial1904 = isoToSerial('2026-12-07' as IsoDate) - 1462;
    ws.getCell('A1').value = serial1904;
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    ws.getCell('A2').value = serial1904 + 0.75;
    ws.getCell('A2').numFmt = 'dd/mm/yyyy hh:mm';
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect((await port.readSheet('S')).rows).toEqual([[46363], [46363.75]]);
  });

  it('writes dates into a 1904-system workbook as the same calendar dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet('Mine').getCell('A1').value = 'x';
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    await port.writeSheets([sheetOf('test.d', 'D', [[{ kind: 'date', value: '2026-12-07' as IsoDate }]])]);
    const bytes = await port.toBuffer();
    expect(await xmlOf(bytes, 'xl/workbook.xml')).toContain('date1904="1"');
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheet('D')).rows).toEqual([[46363]]);
  });

  it('reads rich text and hyperlinks as their text, formulas as their cached results (0, FALSE and errors included), merged cells once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: 'Jane ' }, { font: { bold: true }, text: 'Smith' }] };
    ws.getCell('B1').value = { text: 'link text', hyperlink: 'https://example.invalid' };
    ws.getCell('C1').value = { formula: '1+1', result: 2 };
    ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = { formula: '1-1', result: 0 };
    ws.getCell('F1').value = { formula: '1=2', result: false };
    ws.getCell('A2').value = 'Merged title';
    ws.mergeCells('A2:C2');
    ws.getCell('A3').value = { formula: 'C1*2', result: 4, shareType: 'shared', ref: 'A3:B3' } as ExcelJS.CellFormulaValue;
    ws.getCell('B3').value = { sharedFormula: 'A3', result: 0 } as ExcelJS.CellSharedFormulaValue;
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect((await port.readSheet('S')).rows).toEqual([
      ['Jane Smith', 'link text', 2, { error: '#DIV/0!' }, 0, false],
      ['Merged title', null, null, null, null, null],
      [4, 0, null, null, null, null],
    ]);
  });

  it('finds a table under title rows, away from A1, and reports its size', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('GL export');
    ws.getCell('C3').value = 'General ledger, December 2026';
    ws.getCell('C3').font = { bold: true };
    ws.getCell('A30').font = { italic: true }; // formatting alone is not a used cell
    ws.getRow(5).values = [undefined, undefined, 'Account', 'Date', 'Debit'];
    ws.getRow(6).values = [undefined, undefined, '1100', dateOf(46363), 12.34];
    ws.getCell('D6').numFmt = 'dd/mm/yyyy';
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect(await port.listSheets()).toEqual([{ name: 'GL export', rowCount: 4, colCount: 3, productKey: null }]);
    const data = await port.readSheet('GL export');
    expect(data).toEqual({
      name: 'GL export',
      originRow: 3,
      originCol: 3,
      rows: [['General ledger, December 2026', null, null], [null, null, null], ['Account', 'Date', 'Debit'], ['1100', 46363, 12.34]],
    });
  });

  it('reads an empty sheet as no rows, and reports progress to the last row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty');
    const big = wb.addWorksheet('Big');
    for (let r = 1; r <= 25_000; r++) big.getRow(r).values = [undefined, `0${r}`, r / 100];
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect(await port.readSheet('Empty')).toEqual({ name: 'Empty', originRow: 1, originCol: 1, rows: [] });
    const progress: number[] = [];
    const data = await port.readSheet('Big', (p) => progress.push(p.rowsRead));
    expect(data.rows).toHaveLength(25_000);
    expect(data.rows[24_999]).toEqual(['025000', 250]);
    expect(progress).toEqual([10_000, 20_000, 25_000]);
  });
});

describe('xlsx adapter: writing the audit pack', () => {
  const detail = sheetOf(
    'test.detail',
    'Detail',
    [
      [{ kind: 'text', value: 'Date', style: 'heading' }, { kind: 'text', value: 'Payer', style: 'heading' }, { kind: 'text', value: 'Amount', style: 'heading' }],
      [{ kind: 'date', value: '2026-12-07' as IsoDate }, { kind: 'text', value: 'A' }, { kind: 'money', value: toPence(-123456) }],
      [{ kind: 'date', value: '2026-12-08' as IsoDate }, { kind: 'text', value: '00123' }, { kind: 'money', value: toPence(1000) }],
      [{ kind: 'date', value: '2026-12-09' as IsoDate }, { kind: 'text', value: '-1' }, { kind: 'money', value: toPence(122456) }],
    ],
    { columnWidths: [12, 30, 14], tables: [{ name: 'Detail_T', headerRow: 0, firstCol: 0, columns: ['Date', 'Payer', 'Amount'], rowCount: 3 }], freeze: { rows: 1, cols: 1 }, protect: true },
  );
  const summary = sheetOf(
    'test.summary',
    'Summary',
    [
      [{ kind: 'text', value: 'Summary', style: 'title' }],
      [{ kind: 'text', value: 'Total', style: 'label' }, { kind: 'formula', formula: "SUM('Detail'!C2:C4)", result: { kind: 'money', value: toPence(0) }, style: 'total' }],
      [{ kind: 'text', value: 'Rows' }, { kind: 'formula', formula: "COUNT('Detail'!C2:C4)", result: { kind: 'number', value: 3 } }],
      [{ kind: 'text', value: 'Status' }, { kind: 'formula', formula: 'IF(ROUND(B2,2)=0,"BALANCED","NOT BALANCED")', result: { kind: 'text', value: 'BALANCED' }, style: 'status-ok' }],
      [{ kind: 'text', value: 'Text in Payer' }, { kind: 'formula', formula: "SUM('Detail'!B2:B4)", result: { kind: 'number', value: 0 } }],
      [{ kind: 'text', value: 'Cross-check' }, { kind: 'formula', formula: "ROUND(SUM('Detail'!C2:C3)+'Detail'!C4,2)", result: { kind: 'money', value: toPence(0) } }],
      [{ kind: 'text', value: 'Figures are re-performed by the formulas above.', style: 'note' }],
    ],
    { columnWidths: [20, 16] },
  );

  it('formulas across sheets re-perform in an independent engine to their cached values, zero included', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([detail, summary]);
    const bytes = await port.toBuffer();
    // A cached zero is written (<v>0</v>), not left for the reader to guess.
    expect(await xmlOf(bytes, 'xl/worksheets/sheet2.xml')).toMatch(/<c r="B2"[^>]*><f>SUM\(&apos;Detail&apos;!C2:C4\)<\/f><v>0<\/v><\/c>/);
    const r = await recalcWorkbook(bytes);
    expect(r.formulas.map((f) => [f.address, f.cached, f.recomputed])).toEqual([
      ['B2', 0, 0],
      ['B3', 3, 3],
      ['B4', 'BALANCED', 'BALANCED'],
      ['B5', 0, 0],
      ['B6', 0, 0],
    ]);
    expect(r.mismatches()).toEqual([]);
    expect(r.value('Detail', 'C2')).toBe(-1234.56);
    expect(r.value('Detail', 'A2')).toBe(46363);
  });

  it('the recalc harness catches a cached figure that does not re-perform', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([detail, sheetOf('test.bad', 'Bad', [[{ kind: 'formula', formula: "SUM('Detail'!C2:C4)", result: { kind: 'money', value: toPence(1) } }]])]);
    const r = await recalcWorkbook(await port.toBuffer());
    expect(r.mismatches()).toEqual([{ sheet: 'Bad', address: 'A1', formula: "SUM('Detail'!C2:C4)", cached: 0.01, recomputed: 0 }]);
  });

  it('writes £ money, real dd/mm/yyyy dates, styles, widths, a filtered table, frozen panes and protection without a password', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([detail, summary]);
    const wb = await load(await port.toBuffer());
    const ws = wb.getWorksheet('Detail');
    if (!ws) throw new Error('no Detail');
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 11, 7)));
    expect(ws.getCell('A2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C2').value).toBe(-1234.56);
    expect(ws.getCell('C2').numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFE7E6E6' } });
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([12, 30, 14]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string; autoFilterRef: string; columns: { name: string; filterButton: boolean }[]; style: { theme: string } } }> }).tables;
    expect(Object.keys(tables)).toEqual(['Detail_T']);
    expect(tables.Detail_T?.table).toMatchObject({ tableRef: 'A1:C4', autoFilterRef: 'A1:C4', style: { theme: 'TableStyleLight9' }, columns: [{ name: 'Date' }, { name: 'Payer' }, { name: 'Amount' }] });
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, autoFilter: true, sort: true, formatColumns: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(protection).not.toHaveProperty('password');
    const sum = wb.getWorksheet('Summary');
    expect(sum?.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(sum?.getCell('B2').numFmt).toBe(MONEY_FORMAT);
    expect(sum?.getCell('B2').border?.top).toMatchObject({ style: 'thin' });
    expect(sum?.getCell('B3').numFmt).toBe('0');
    expect(sum?.getCell('B4').font).toMatchObject({ bold: true, color: { argb: 'FF107C10' } });
    expect(sum?.getCell('A7').font).toMatchObject({ italic: true });
    expect((sum as unknown as { sheetProtection?: unknown }).sheetProtection).toBeFalsy();
    expect((sum?.views ?? []).some((v) => v.state === 'frozen')).toBe(false);
  });

  it('an empty table still opens in Excel: one blank data row under its header', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([sheetOf('test.empty', 'Empty', [[{ kind: 'text', value: 'Account' }, { kind: 'text', value: 'Amount' }]], { tables: [{ name: 'Empty_T', headerRow: 0, firstCol: 0, columns: ['Account', 'Amount'], rowCount: 0 }] })]);
    const bytes = await port.toBuffer();
    expect(await xmlOf(bytes, 'xl/tables/table1.xml')).toMatch(/ref="A1:B2"/);
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).readSheet('Empty')).rows).toEqual([['Account', 'Amount']]);
  });

  it("a table away from A1 covers exactly its header and rows; a table name the user's workbook already has gets a suffix", async () => {
    const mine = new ExcelJS.Workbook();
    mine.addWorksheet('Mine').addTable({ name: 'Batches', ref: 'A1', columns: [{ name: 'X' }], rows: [[1]] });
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(mine));
    const rows: (CellSpec | null)[][] = [[{ kind: 'text', value: 'Batches', style: 'title' }], [], [null, { kind: 'text', value: 'Ref' }, { kind: 'text', value: 'Amount' }]];
    for (let i = 0; i < 30; i++) rows.push([null, { kind: 'text', value: `B${i}` }, { kind: 'money', value: toPence(i) }]);
    rows.push([], [{ kind: 'text', value: 'below the table', style: 'note' }]);
    await port.writeSheets([sheetOf('test.batches', 'HL Batches', rows, { tables: [{ name: 'Batches', headerRow: 2, firstCol: 1, columns: ['Ref', 'Amount'], rowCount: 30 }] })]);
    const wb = await load(await port.toBuffer());
    const tablesOf = (name: string): Record<string, { table: { tableRef: string } }> => (wb.getWorksheet(name) as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.keys(tablesOf('Mine'))).toEqual(['Batches']);
    expect(Object.entries(tablesOf('HL Batches')).map(([n, t]) => [n, t.table.tableRef])).toEqual([['Batches_2', 'B3:C33']]);
  });

  it('formula-looking text stays text: stored as a string (never <f>), read back by exceljs as text, and text to an independent engine', async () => {
    const rows: (CellSpec | null)[][] = FORMULA_LOOKING_TEXT.map((t) => [{ kind: 'text', value: t }]);
    rows.push([{ kind: 'formula', formula: 'SUM(A1:A8)', result: { kind: 'number', value: 0 } }, { kind: 'formula', formula: 'COUNTA(A1:A8)', result: { kind: 'number', value: 8 } }]);
    const port = XlsxWorkbook.empty();
    await port.writeSheets([sheetOf('test.inj', 'Payers', rows)]);
    const bytes = await port.toBuffer();
    const xml = await xmlOf(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml.match(/<f>/g)).toHaveLength(2); // the two real formulas only
    for (let r = 1; r <= FORMULA_LOOKING_TEXT.length; r++) expect(xml).toMatch(new RegExp(`<c r="A${r}" t="s"><v>\\d+</v></c>`));
    const ws = (await load(bytes)).getWorksheet('Payers');
    expect(FORMULA_LOOKING_TEXT.map((_t, i) => ws?.getCell(i + 1, 1).value)).toEqual([...FORMULA_LOOKING_TEXT]);
    expect(FORMULA_LOOKING_TEXT.map((_t, i) => ws?.getCell(i + 1, 1).type)).toEqual(FORMULA_LOOKING_TEXT.map(() => ExcelJS.ValueType.String));
    const r = await recalcWorkbook(bytes);
    expect(FORMULA_LOOKING_TEXT.map((_t, i) => r.value('Payers', `A${i + 1}`))).toEqual([...FORMULA_LOOKING_TEXT]);
    // As in Excel, SUM skips the text "-1" and "00123": nothing was taken for a number.
    expect(r.mismatches()).toEqual([]);
    expect(r.value('Payers', 'A9')).toBe(0);
  });

  it('keeps a sheet name Excel accepts', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([sheetOf('test.long', 'Reconciling items: timing / other [December 2026]', [[{ kind: 'text', value: 'x' }]])]);
    const [info] = await port.listSheets();
    expect(info?.name).toBe('Reconciling items- timing - oth');
    expect(info?.name.length).toBeLessThanOrEqual(31);
    expect(info?.productKey).toBe('test.long');
  });
});

describe('xlsx adapter: product sheet markers', () => {
  it('marks each product sheet with a workbook name pointing at its A1, which survives save and reload', async () => {
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(seedBook(SEED)));
    await port.writeSheets([productSpec('audit.reconciling-items', 'HL Reconciling items', 'x')]);
    const xml = await xmlOf(await port.toBuffer(), 'xl/workbook.xml');
    expect(xml).toContain('<definedName name="_HL_audit_reconciling__items">&apos;HL Reconciling items&apos;!$A$1</definedName>');
    expect(markerName('audit.reconciling-items')).toBe('_HL_audit_reconciling__items');
    expect(() => markerName('Audit Summary')).toThrow();
  });

  it('a product sheet the user deleted in Excel (its name now #REF!) is written afresh, and the dangling name is dropped', async () => {
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(seedBook(SEED)));
    await port.writeSheets([productSpec('test.one', 'HL One', 'x'), productSpec('test.two', 'HL Two', 'x')]);
    // What Excel leaves after the user deletes "HL One".
    let bytes = await editXml(await port.toBuffer(), 'xl/workbook.xml', (xml) => {
      const index = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].findIndex((m) => m[1] === 'HL One');
      return xml
        .replace(/<sheet [^>]*name="HL One"[^>]*\/>/, '')
        .replace(/(<definedName name="_HL_test_one">)[^<]*/, (_m, open: string) => `${open}#REF!$A$1`)
        .replace(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">[^<]*<\/definedName>/g, (m, id: string) =>
          Number(id) === index ? '' : Number(id) > index ? m.replace(`localSheetId="${id}"`, `localSheetId="${Number(id) - 1}"`) : m,
        );
    });
    const reopened = await XlsxWorkbook.fromBuffer(bytes);
    expect((await reopened.listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['GL', null], ['HL Two', 'test.two']]);
    await reopened.writeSheets([productSpec('test.one', 'HL One', 'again')]);
    bytes = await reopened.toBuffer();
    const xml = await xmlOf(bytes, 'xl/workbook.xml');
    expect(xml).not.toContain('#REF');
    expect(xml.match(/name="_HL_test_one"/g)).toHaveLength(1);
    expect((await (await XlsxWorkbook.fromBuffer(bytes)).listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['GL', null], ['HL Two', 'test.two'], ['HL One', 'test.one']]);
  });

  it("leaves the user's own workbook names alone", async () => {
    const wb = seedBook(SEED);
    wb.definedNames.add("'Rent Roll'!$A$3:$F$5", 'RentRollData');
    const port = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    await port.writeSheets([productSpec('test.one', 'HL One', 'x')]);
    await port.writeSheets([productSpec('test.one', 'HL One', 'y')]);
    expect(await xmlOf(await port.toBuffer(), 'xl/workbook.xml')).toContain('<definedName name="RentRollData">&apos;Rent Roll&apos;!$A$3:$F$5</definedName>');
  });
});

describe('xlsx files on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-xlsx-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves through a temporary file in the same folder and opens the result', async () => {
    const path = join(dir, 'audit.xlsx');
    writeFileSync(path, 'the previous file');
    const port = XlsxWorkbook.empty();
    await port.writeSheets([productSpec('test.one', 'HL One', 'x')]);
    await saveXlsxFile(port, path);
    expect(readdirSync(dir)).toEqual(['audit.xlsx']);
    expect((await (await openXlsxFile(path)).listSheets()).map((s) => s.productKey)).toEqual(['test.one']);
  });

  it('a failed save leaves what was there and no temporary file', async () => {
    const path = join(dir, 'audit.xlsx');
    rmSync(dir, { recursive: true });
    await expect(saveXlsxFile(XlsxWorkbook.empty(), path)).rejects.toThrow();
    expect(existsSync(dir)).toBe(false);
    // A folder in the way of the file: the rename fails after the bytes were written.
    const blocked = join(dir, 'blocked.xlsx');
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    await expect(saveXlsxFile(XlsxWorkbook.empty(), blocked)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['blocked.xlsx']);
    expect(readdirSync(blocked)).toEqual(['inside']);
  });
});
