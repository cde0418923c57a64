import ExcelJS from 'exceljs';
import { isoToSerial, type IsoDate } from '../../src/engine/dates';
import { toPence } from '../../src/engine/money';
import type { WorkbookPort } from '../../src/workbook/port';
import { markerName, XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';
import { recalcWorkbook } from '../support/recalc';
import { describePortContract, type SeedSheet } from './port-contract';

const MS_PER_DAY = 86_400_000;

async function seeded(seed: readonly SeedSheet[], date1904 = false): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  for (const s of seed) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (s.dateCells?.includes(cell.address) && typeof v === 'number') {
          cell.value = new Date((v - 25569) * MS_PER_DAY);
          cell.numFmt = 'dd/mm/yyyy';
        } else cell.value = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      }),
    );
  }
  return XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const reopen = async (port: WorkbookPort): Promise<XlsxWorkbook> => XlsxWorkbook.fromBuffer(await (port as XlsxWorkbook).toBuffer());

describePortContract('xlsx (exceljs)', {
  make: (seed) => seeded(seed),
  reopen,
  // Excel renames the sheet and updates every defined name that refers to it.
  rename: async (port, from, to) => {
    const wb = (port as XlsxWorkbook).workbook;
    const ws = wb.getWorksheet(from);
    if (!ws) throw new Error(from);
    const names: string[] = [];
    wb.definedNames.forEach((name: string, cell: { sheetName?: string }) => void (cell.sheetName === from && names.push(name)));
    for (const n of names) {
      wb.definedNames.remove(`'${from}'!$A$1`, n);
      wb.definedNames.add(`'${to}'!$A$1`, n);
    }
    ws.name = to;
    return reopen(port);
  },
});

describe('xlsx adapter details', () => {
  it('reads dates of a 1904-system workbook as the same calendar dates', async () => {
    const serial = isoToSerial('2026-12-07' as IsoDate);
    const port = await seeded([{ name: 'S', rows: [['Date'], [serial]], dateCells: ['A2'] }], true);
    expect((await port.readSheet('S')).rows[1]).toEqual([serial]);
  });

  it('reads rich text and hyperlinks as their text, formulas as their results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { richText: [{ text: 'Jane ' }, { font: { bold: true }, text: 'Smith' }] };
    ws.getCell('B1').value = { text: 'link text', hyperlink: 'https://example.invalid' };
    ws.getCell('C1').value = { formula: '1+1', result: 2 };
    ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    const port = await XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect((await port.readSheet('S')).rows).toEqual([['Jane Smith', 'link text', 2, { error: '#DIV/0!' }]]);
  });

  it('writes money with a £ format, real dates, a table with filters, frozen header and protection without a password', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([
      {
        key: 'test.detail',
        name: 'Detail',
        rows: [
          [{ kind: 'text', value: 'Date', style: 'heading' }, { kind: 'text', value: 'Amount', style: 'heading' }],
          [{ kind: 'date', value: '2026-12-07' as IsoDate }, { kind: 'money', value: toPence(-123456) }],
        ],
        columnWidths: [12, 14],
        tables: [{ name: 'Detail_T', headerRow: 0, firstCol: 0, columns: ['Date', 'Amount'], rowCount: 1 }],
        freeze: { rows: 1, cols: 0 },
        protect: true,
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Detail');
    expect(ws?.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 11, 7)));
    expect(ws?.getCell('A2').numFmt).toBe('dd/mm/yyyy');
    expect(ws?.getCell('B2').value).toBe(-1234.56);
    expect(ws?.getCell('B2').numFmt).toMatch(/"£"#,##0\.00/);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual(['Detail_T']);
    expect((ws as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({ sheet: true, autoFilter: true, sort: true });
    expect(ws?.getColumn(2).width).toBe(14);
  });

  it('an empty detail table still opens: one blank data row under its header', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([{ key: 'test.empty', name: 'Empty', rows: [[{ kind: 'text', value: 'Account' }]], columnWidths: [10], tables: [{ name: 'Empty_T', headerRow: 0, firstCol: 0, columns: ['Account'], rowCount: 0 }], freeze: null, protect: false }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    const table = (wb.getWorksheet('Empty') as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables.Empty_T;
    expect(table?.table.tableRef).toBe('A1:A2');
  });

  it('formulas across sheets re-perform in an independent engine, and formula-looking text stays text there too', async () => {
    const port = XlsxWorkbook.empty();
    await port.writeSheets([
      { key: 'test.detail', name: 'Detail', rows: [[{ kind: 'text', value: 'Amount' }], [{ kind: 'money', value: toPence(1000) }], [{ kind: 'money', value: toPence(2050) }]], columnWidths: [], tables: [], freeze: null, protect: false },
      {
        key: 'test.summary',
        name: 'Summary',
        rows: [
          [{ kind: 'formula', formula: "ROUND(SUM('Detail'!A2:A3),2)", result: { kind: 'money', value: toPence(3050) } }],
          [{ kind: 'text', value: '=1+1' }],
          [{ kind: 'text', value: '@SUM(A1)' }],
        ],
        columnWidths: [],
        tables: [],
        freeze: null,
        protect: false,
      },
    ]);
    const r = await recalcWorkbook(await port.toBuffer());
    expect(r.formulas).toEqual([expect.objectContaining({ sheet: 'Summary', address: 'A1', cached: 30.5, recomputed: 30.5 })]);
    expect(r.value('Summary', 'A2')).toBe('=1+1');
    expect(r.value('Summary', 'A3')).toBe('@SUM(A1)');
  });

  it('refuses a sheet key that could not be told apart from another', () => {
    expect(markerName('audit.reconciling-items')).toBe('_HL_audit_reconciling__items');
    expect(() => markerName('Audit Summary')).toThrow();
  });
});
