/**
 * The xlsx adapter writes a pack's sheets in blocks of rows (src/workbook/xlsx/xlsx-write-spec.ts):
 * the package is byte for byte what writing each sheet in one go wrote; progress comes a block at a
 * time; a stop midway removes what was written (no HL sheet left, the sheets it was to replace kept).
 */
import JSZip from 'jszip';
import { toPence } from '../../src/engine/money';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import type { WriteProgress } from '../../src/workbook/port';
import { markerName, markerReference, PROTECTION } from '../../src/workbook/render';
import { BLOCK_ROWS, writeSpec } from '../../src/workbook/xlsx/xlsx-write-spec';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

const detail = (n: number, tag = ''): SheetSpec => ({
  key: 'hl.detail',
  name: 'HL Detail',
  rows: [
    [{ kind: 'text', value: 'Account', style: 'label' }, { kind: 'text', value: 'Amount', style: 'label' }, { kind: 'text', value: 'Twice', style: 'label' }],
    ...Array.from({ length: n }, (_x, i): SheetSpec['rows'][number] => [{ kind: 'text', value: `A${i}${tag}` }, { kind: 'money', value: toPence(i * 101) }, { kind: 'formula', formula: `B${i + 2}*2`, result: { kind: 'money', value: toPence(i * 202) } }]),
  ],
  columnWidths: [12, 14, 14],
  tables: [{ name: 'HL_Detail', headerRow: 0, firstCol: 0, columns: ['Account', 'Amount', 'Twice'], rowCount: n }],
  freeze: { rows: 1, cols: 0 },
  protect: true,
});
const summary: SheetSpec = { key: 'hl.summary', name: 'HL Summary', rows: [[{ kind: 'text', value: 'Total' }, { kind: 'formula', formula: "SUM('HL Detail'!B2:B5001)", result: { kind: 'money', value: toPence(0) } }]], columnWidths: [20], tables: [], freeze: null, protect: false };

const dated = (wb: XlsxWorkbook): XlsxWorkbook => {
  wb.workbook.created = new Date(Date.UTC(2026, 11, 7));
  wb.workbook.modified = new Date(Date.UTC(2026, 11, 7));
  return wb;
};

async function parts(wb: XlsxWorkbook): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) out.push([name, (await zip.file(name)?.async('string')) ?? '']);
  return out;
}

/** The write as it was before blocks: each sheet added under its name and written in one go. */
async function inOneGo(specs: readonly SheetSpec[]): Promise<XlsxWorkbook> {
  const wb = dated(XlsxWorkbook.empty());
  wb.workbook.addWorksheet('Rent Roll').addRow(['Account']);
  for (const spec of specs) {
    const ws = wb.workbook.addWorksheet(spec.name, spec.freeze ? { views: [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] } : {});
    await writeSpec(ws, spec, new Set(), undefined, Number.POSITIVE_INFINITY);
    if (spec.protect) await ws.protect('', { selectLockedCells: PROTECTION.selectCells, selectUnlockedCells: PROTECTION.selectCells, autoFilter: PROTECTION.autoFilter, sort: PROTECTION.sort, formatColumns: PROTECTION.formatColumns, formatRows: PROTECTION.formatRows });
    wb.workbook.definedNames.add(markerReference(spec.name), markerName(spec.key));
  }
  return wb;
}

function withUserSheet(): XlsxWorkbook {
  const wb = dated(XlsxWorkbook.empty());
  wb.workbook.addWorksheet('Rent Roll').addRow(['Account']);
  return wb;
}

describe('writing sheets in blocks of rows', () => {
  it('writes the same package as writing each sheet in one go, with progress a block at a time', async () => {
    const wb = withUserSheet();
    const seen: WriteProgress[] = [];
    await wb.writeSheets([detail(5_000), summary], { onProgress: (p) => seen.push(p) });
    expect(await parts(wb)).toEqual(await parts(await inOneGo([detail(5_000), summary])));
    expect(seen.map((p) => p.rowsWritten)).toEqual([BLOCK_ROWS, 2 * BLOCK_ROWS, 5_001, 5_002]);
    expect(seen.at(-1)).toEqual({ sheet: 'HL Summary', rowsWritten: 5_002, rowsTotal: 5_002 });
  });

  it('a stop after the first block leaves no HL sheet and no marker behind', async () => {
    const wb = withUserSheet();
    const before = await parts(wb);
    const stop = new AbortController();
    const writing = wb.writeSheets([detail(5_000), summary], { signal: stop.signal, onProgress: () => stop.abort() });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Rent Roll']);
    expect(await parts(wb)).toEqual(before);
  });

  it('a stop while replacing keeps the sheets written before, names and table included; a write after it replaces them', async () => {
    const wb = withUserSheet();
    await wb.writeSheets([detail(10, ' first'), summary]);
    const before = await parts(wb);
    const stop = new AbortController();
    await expect(wb.writeSheets([detail(5_000, ' second'), summary], { signal: stop.signal, onProgress: () => stop.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await parts(wb)).toEqual(before);
    await wb.writeSheets([detail(3, ' third'), summary]);
    expect((await wb.listSheets()).map((s) => [s.name, s.productKey])).toEqual([['Rent Roll', null], ['HL Detail', 'hl.detail'], ['HL Summary', 'hl.summary']]);
    expect((await wb.readSheet('HL Detail')).rows[1]).toEqual(['A0 third', 0, 0]);
    expect(Object.keys((wb.workbook.getWorksheet('HL Detail') as unknown as { tables: Record<string, unknown> }).tables)).toEqual(['HL_Detail']);
  });
});
