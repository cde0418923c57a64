/**
 * The workbook worker's work, apart from the Worker global so tests run it in-process: one
 * workbook held in exceljs (XlsxWorkbook), its sheet list and each sheet's cells read once and kept
 * until the product writes, blocks of rows and grid windows cut from them, and the zipped bytes.
 */
import type { RawCell, SheetData } from '../../engine/cells';
import type { SheetSpec } from '../../engine/sheet-spec';
import type { SheetInfo } from '../port';
import type { BookRequest, BookResponse } from './book-protocol';
import { formattedText } from './cell-text';
import { XlsxWorkbook } from './xlsx-workbook';

export class BookState {
  private book: XlsxWorkbook | null = null;
  private sheets: SheetInfo[] | null = null;
  private readonly read = new Map<string, SheetData>();
  private pendingSpecs: SheetSpec[] = [];

  private get wb(): XlsxWorkbook {
    if (!this.book) throw new Error('no workbook is open');
    return this.book;
  }

  private async list(): Promise<SheetInfo[]> {
    this.sheets ??= await this.wb.listSheets();
    return this.sheets;
  }

  private async sheet(name: string): Promise<SheetData> {
    let data = this.read.get(name);
    if (!data) {
      data = await this.wb.readSheet(name);
      this.read.set(name, data);
    }
    return data;
  }

  private forget(): void {
    this.sheets = null;
    this.read.clear();
  }

  /** Answers one request (with progress on the way); a failure is an answer too. */
  async handle(req: BookRequest, post: (m: BookResponse, transfer?: Transferable[]) => void): Promise<void> {
    try {
      switch (req.kind) {
        case 'open': {
          post({ kind: 'progress', id: req.id, text: 'Unzipping and reading the workbook…' });
          this.book = await XlsxWorkbook.fromBuffer(new Uint8Array(req.bytes));
          this.forget();
          post({ kind: 'progress', id: req.id, text: 'Measuring its sheets…' });
          post({ kind: 'sheets', id: req.id, sheets: await this.list() });
          return;
        }
        case 'list':
          post({ kind: 'sheets', id: req.id, sheets: await this.list() });
          return;
        case 'rows': {
          const data = await this.sheet(req.sheet);
          const rows = data.rows.slice(req.from, req.from + req.count) as RawCell[][];
          post({ kind: 'rows', id: req.id, block: { name: data.name, originRow: data.originRow, originCol: data.originCol, total: data.rows.length, width: widthOf(data), rows } });
          return;
        }
        case 'window': {
          const data = await this.sheet(req.sheet);
          const text = formattedText(this.wb, data.name);
          const width = widthOf(data);
          const rows = data.rows.slice(req.from, req.from + req.count);
          post({
            kind: 'window',
            id: req.id,
            block: {
              name: data.name,
              originRow: data.originRow,
              originCol: data.originCol,
              total: data.rows.length,
              width,
              from: req.from,
              text: rows.map((r, i) => Array.from({ length: width }, (_x, j) => text(data.originRow + req.from + i, data.originCol + j, r[j]))),
              numeric: rows.map((r) => Array.from({ length: width }, (_x, j) => typeof r[j] === 'number')),
            },
          });
          return;
        }
        case 'write': {
          this.pendingSpecs.push(...req.specs);
          if (!req.more) {
            const specs = this.pendingSpecs;
            this.pendingSpecs = [];
            post({ kind: 'progress', id: req.id, text: `Writing ${specs.length} sheet${specs.length === 1 ? '' : 's'} into the workbook…` });
            await this.wb.writeSheets(specs);
            this.forget();
          }
          post({ kind: 'written', id: req.id });
          return;
        }
        case 'save': {
          post({ kind: 'progress', id: req.id, text: 'Zipping the workbook…' });
          const bytes = await this.wb.toBuffer();
          // A fresh buffer of exactly these bytes, handed over rather than copied.
          const out = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
          post({ kind: 'saved', id: req.id, bytes: out }, [out]);
          return;
        }
        default: {
          const never: never = req;
          return never;
        }
      }
    } catch (e) {
      if (req.kind === 'write') this.pendingSpecs = [];
      post({ kind: 'failure', id: req.id, message: (e as Error).message });
    }
  }
}

function widthOf(data: SheetData): number {
  let w = 0;
  for (const r of data.rows as readonly (readonly RawCell[])[]) if (r.length > w) w = r.length;
  return w;
}
