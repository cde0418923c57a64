/**
 * The workbook worker's work, apart from the Worker global so tests run it in-process: one
 * workbook held in exceljs (XlsxWorkbook), its sheet list and each sheet's cells read once and kept
 * until the product writes, blocks of rows and grid windows cut from them, the user's sheets posted
 * straight to the engine worker over a MessageChannel ('send'), and the zipped bytes.
 */
import type { RawCell, SheetData } from '../../engine/cells';
import type { SheetSpec } from '../../engine/sheet-spec';
import { stopIfAborted, type SheetInfo, type SheetStreamMessage } from '../port';
import { isBlob, type BookRequest, type BookResponse } from './book-protocol';
import { formattedText } from './cell-text';
import { XlsxWorkbook } from './xlsx-workbook';
import { nextTask } from '../../next-task';

/** Cells a block posted to the engine worker (worker to worker: the page's thread never sees them). */
const SEND_CELLS = 100_000;

export class BookState {
  private book: XlsxWorkbook | null = null;
  private sheets: SheetInfo[] | null = null;
  private readonly read = new Map<string, SheetData>();
  private pendingSpecs: SheetSpec[] = [];
  /** A stop for each request that can be stopped ('send', 'write', 'save'), by request id. */
  private readonly stops = new Map<number, AbortController>();

  /** Stops request `id` (a send, a write or a zip) at its next step, or before it starts. */
  stop(id: number): void {
    this.stopOf(id).abort();
  }

  private stopOf(id: number): AbortController {
    let c = this.stops.get(id);
    if (!c) this.stops.set(id, (c = new AbortController()));
    return c;
  }

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

  /**
   * Posts the user's sheets (the product's own left out) to the engine worker in blocks of about
   * SEND_CELLS cells, yielding between blocks so a 'stop-send' can arrive; progress to the page as
   * the sheet's name and the fraction of all the sheets posted.
   */
  private async send(req: Extract<BookRequest, { kind: 'send' }>, post: (m: BookResponse) => void): Promise<void> {
    const { signal } = this.stopOf(req.id);
    const stopped = () => {
      if (signal.aborted) throw new Error('stopped');
    };
    stopped();
    const names = req.names;
    const all = await this.list();
    const infos = names ? names.flatMap((n) => all.filter((s) => s.name === n)) : all.filter((s) => s.productKey === null);
    const tops: SheetData[] = [];
    const rowCounts: Record<string, number> = {};
    for (const [i, info] of infos.entries()) {
      post({ kind: 'progress', id: req.id, text: info.name, fraction: i / infos.length });
      const data = await this.sheet(info.name);
      const step = Math.max(100, Math.floor(SEND_CELLS / Math.max(1, widthOf(data))));
      for (let from = 0; from === 0 || from < data.rows.length; from += step) {
        await nextTask();
        stopped();
        req.target.postMessage({ kind: 'part', name: data.name, originRow: data.originRow, originCol: data.originCol, rows: data.rows.slice(from, from + step) } satisfies SheetStreamMessage);
        post({ kind: 'progress', id: req.id, text: info.name, fraction: (i + Math.min(1, (from + step) / Math.max(1, data.rows.length))) / infos.length });
      }
      tops.push(data.rows.length <= req.topRows ? data : { ...data, rows: data.rows.slice(0, req.topRows) });
      rowCounts[data.name] = data.rows.length;
    }
    stopped();
    req.target.postMessage({ kind: 'end', names: infos.map((s) => s.name) } satisfies SheetStreamMessage);
    req.target.close();
    post({ kind: 'handed', id: req.id, tops, rowCounts });
  }

  /** Answers one request (with progress on the way); a failure is an answer too. */
  async handle(req: BookRequest, post: (m: BookResponse, transfer?: Transferable[]) => void): Promise<void> {
    try {
      switch (req.kind) {
        case 'open': {
          post({ kind: 'progress', id: req.id, text: 'Unzipping and reading the workbook…' });
          const bytes = isBlob(req.bytes) ? await req.bytes.arrayBuffer() : req.bytes;
          this.book = await XlsxWorkbook.fromBuffer(new Uint8Array(bytes));
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
        case 'write':
        case 'write-rows': {
          const { signal } = this.stopOf(req.id);
          // A stop of any part drops the parts before it too: half a pack is never written.
          stopIfAborted(signal);
          if (req.kind === 'write' && req.first) this.pendingSpecs = [];
          if (req.kind === 'write') this.pendingSpecs.push(...req.specs);
          else this.appendRows(req.rows);
          if (!req.more) {
            const specs = this.pendingSpecs;
            this.pendingSpecs = [];
            const rowsTotal = Math.max(1, specs.reduce((n, spec) => n + spec.rows.length, 0));
            await this.wb.writeSheets(specs, { signal, onProgress: (p) => post({ kind: 'progress', id: req.id, text: p.sheet, fraction: p.rowsWritten / rowsTotal }) });
            this.forget();
          }
          post({ kind: 'written', id: req.id });
          return;
        }
        case 'send':
          await this.send(req, post);
          return;
        case 'stop':
          this.stop(req.of);
          return;
        case 'save': {
          post({ kind: 'progress', id: req.id, text: 'Zipping the workbook…' });
          const bytes = await this.wb.toBuffer({ signal: this.stopOf(req.id).signal, onProgress: (text, fraction) => post({ kind: 'progress', id: req.id, text, fraction }) });
          if (req.type !== undefined) {
            post({ kind: 'saved-file', id: req.id, file: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: req.type }) });
            return;
          }
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
      if (req.kind === 'write' || req.kind === 'write-rows') this.pendingSpecs = [];
      if (req.kind === 'send') {
        // The engine worker waits on the other end: it is told too, and the channel closed.
        req.target.postMessage({ kind: 'failed', message: (e as Error).message } satisfies SheetStreamMessage);
        req.target.close();
      }
      post({ kind: 'failure', id: req.id, message: (e as Error).message });
    } finally {
      this.stops.delete(req.id);
    }
  }

  /** Rows of the last spec sent, come in a later part. */
  private appendRows(rows: SheetSpec['rows']): void {
    const last = this.pendingSpecs.pop();
    if (!last) throw new Error('rows came for no sheet');
    this.pendingSpecs.push({ ...last, rows: [...last.rows, ...rows] });
  }
}


function widthOf(data: SheetData): number {
  let w = 0;
  for (const r of data.rows as readonly (readonly RawCell[])[]) if (r.length > w) w = r.length;
  return w;
}
