/**
 * The workbook zipped in steps (src/workbook/xlsx/xlsx-zip.ts): every part byte for byte what
 * exceljs's own writeBuffer writes, in the same order; a stop between steps rejects with the
 * signal's reason, and the next zip of the same workbook is whole.
 */
import JSZip from 'jszip';
import { toPence } from '../../src/engine/money';
import type { SheetSpec } from '../../src/engine/sheet-spec';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsx-workbook';

const rows = (n: number): SheetSpec['rows'] => Array.from({ length: n }, (_x, i) => [{ kind: 'text', value: `A${i}` }, { kind: 'money', value: toPence(i * 101) }, { kind: 'formula', formula: `B${i + 1}*2`, result: { kind: 'money', value: toPence(i * 202) } }]);
const spec = (key: string, name: string, n: number): SheetSpec => ({ key, name, rows: rows(n), columnWidths: [12, 14], tables: [], freeze: { rows: 1, cols: 0 }, protect: true });

async function parts(bytes: Uint8Array | ArrayBuffer): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) out.push([name, (await zip.file(name)?.async('string')) ?? '']);
  return out;
}

async function book(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.empty();
  wb.workbook.created = new Date(Date.UTC(2026, 11, 7));
  wb.workbook.modified = new Date(Date.UTC(2026, 11, 7));
  wb.workbook.addWorksheet('Users').addRow(['Account', 'Name']);
  await wb.writeSheets([spec('hl.summary', 'HL Summary', 30), spec('hl.detail', 'HL Detail', 3_000)]);
  return wb;
}

describe('zipping a workbook in steps', () => {
  it('writes every part exactly as exceljs writeBuffer does, in the same order', async () => {
    const wb = await book();
    const stepped = await parts(await wb.toBuffer());
    const whole = await parts((await wb.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(stepped.map(([n]) => n)).toEqual(whole.map(([n]) => n));
    expect(stepped).toEqual(whole);
    expect(stepped.some(([n, x]) => n === 'xl/worksheets/sheet3.xml' && x.includes('<f>B3000*2</f>'))).toBe(true);
  });

  it('reports progress, and a stop rejects with the signal’s reason; the next zip is whole', async () => {
    const wb = await book();
    const stop = new AbortController();
    const seen: string[] = [];
    const zipping = wb.toBuffer({ signal: stop.signal, onProgress: (text) => {
      seen.push(text);
      if (text.startsWith('Writing sheet 2')) stop.abort();
    } });
    await expect(zipping).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.at(-1)).toBe('Writing sheet 2 of 3…');
    const fractions: number[] = [];
    const again = await wb.toBuffer({ onProgress: (_t, f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect((await XlsxWorkbook.fromBuffer(again)).workbook.worksheets.map((w) => w.name)).toEqual(['Users', 'HL Summary', 'HL Detail']);
  });

  it('stops while compressing', async () => {
    const wb = await book();
    const stop = new AbortController();
    const zipping = wb.toBuffer({ signal: stop.signal, onProgress: (text, f) => f > 0.5 && text === 'Compressing…' && stop.abort() });
    await expect(zipping).rejects.toMatchObject({ name: 'AbortError' });
  });
});
