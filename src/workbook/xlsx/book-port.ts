/**
 * The WorkbookPort over the workbook worker (./book-worker.ts): the standalone page's port. exceljs
 * parses, reads, writes and zips in the worker; the page's thread only receives blocks of rows small
 * enough to take in one go (the engine's sheets), windows of display text (the grid), and the zipped
 * bytes. The pane sees the same port it sees over any other adapter.
 */
import type { RawCell, SheetData } from '../../engine/cells';
import type { SheetSpec } from '../../engine/sheet-spec';
import { abortReason, stopIfAborted, type HandedSheets, type ReadOptions, type ReadProgress, type SendOptions, type SheetInfo, type WorkbookPort, type WriteOptions } from '../port';
import { isBlob, WRITE_PART_ROWS, type BookRequest, type BookResponse, type BookWorkerLike, type WindowBlock } from './book-protocol';
import { nextTask } from '../../next-task';

/** Cells per block of rows: a block crosses to the page's thread in a few milliseconds. */
const BLOCK_CELLS = 40_000;
/** Rows asked for first, before the sheet's width is known. */
const FIRST_BLOCK_ROWS = 1_000;

/** Progress of a long step in the worker, in words (and a fraction when known). */
export type BookProgress = (text: string, fraction?: number) => void;

/** A request's body, without its id. */
type Body = BookRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Requests answered by id (the worker takes them in order); Cancel stops the worker and every wait. */
class BookClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: BookResponse) => void; reject: (e: Error) => void; onProgress?: BookProgress }>();

  constructor(private readonly worker: BookWorkerLike) {
    worker.onmessage = ({ data }) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      if (data.kind === 'progress') {
        waiting.onProgress?.(data.text, data.fraction);
        return;
      }
      this.pending.delete(data.id);
      if (data.kind === 'failure') waiting.reject(new Error(data.message));
      else waiting.resolve(data);
    };
  }

  request(body: Body, transfer: Transferable[] = [], onProgress?: BookProgress): Promise<BookResponse> {
    return this.start(body, transfer, onProgress).answer;
  }

  /** A request and its id (for a later 'stop-send' naming it). */
  start(body: Body, transfer: Transferable[] = [], onProgress?: BookProgress): { readonly id: number; readonly answer: Promise<BookResponse> } {
    const id = this.nextId++;
    const answer = new Promise<BookResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ ...body, id } as BookRequest, transfer);
    });
    return { id, answer };
  }

  /** A message that waits for no answer. */
  tell(body: Body): void {
    this.worker.postMessage({ ...body, id: this.nextId++ } as BookRequest);
  }

  /** Stops the worker: whatever it was doing is dropped with it, and every waiting request rejects as Cancelled. */
  terminate(): void {
    this.worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Cancelled());
  }
}

function answer<K extends BookResponse['kind']>(r: BookResponse, kind: K): Extract<BookResponse, { kind: K }> {
  if (r.kind !== kind) throw new Error(`the workbook worker answered '${r.kind}' to a request for '${kind}'`);
  return r as Extract<BookResponse, { kind: K }>;
}

export class WorkerWorkbook implements WorkbookPort {
  private constructor(private readonly client: BookClient) {}

  /**
   * Opens the .xlsx bytes in a new workbook worker. The buffer is transferred: the page keeps no copy;
   * a Blob (the File picked, the sample fetched) is read by the worker itself.
   * `cancel` (set by the caller) stops the worker; the promise then rejects with Cancelled and nothing
   * was opened.
   */
  static open(spawn: () => BookWorkerLike, bytes: ArrayBuffer | Blob, onProgress?: BookProgress): { readonly book: Promise<WorkerWorkbook>; cancel(): void } {
    const client = new BookClient(spawn());
    const book = client.request({ kind: 'open', bytes }, isBlob(bytes) ? [] : [bytes], onProgress).then(
      (r) => {
        answer(r, 'sheets');
        return new WorkerWorkbook(client);
      },
      (e: Error) => {
        client.terminate();
        throw e;
      },
    );
    return { book, cancel: () => client.terminate() };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...answer(await this.client.request({ kind: 'list' }), 'sheets').sheets];
  }

  async readSheetTop(name: string, rows: number): Promise<SheetData> {
    const b = answer(await this.client.request({ kind: 'rows', sheet: name, from: 0, count: Math.max(0, rows) }), 'rows').block;
    return { name: b.name, originRow: b.originRow, originCol: b.originCol, rows: b.rows };
  }

  /** The whole sheet, in blocks of about BLOCK_CELLS cells: each message is small, and the page's thread is free between them. */
  async readSheet(name: string, onProgress?: (p: ReadProgress) => void): Promise<SheetData> {
    const first = answer(await this.client.request({ kind: 'rows', sheet: name, from: 0, count: FIRST_BLOCK_ROWS }), 'rows').block;
    const rows: RawCell[][] = first.rows;
    const step = Math.max(100, Math.floor(BLOCK_CELLS / Math.max(1, first.width)));
    while (rows.length < first.total) {
      onProgress?.({ sheet: first.name, rowsRead: rows.length, rowsTotal: first.total });
      const b = answer(await this.client.request({ kind: 'rows', sheet: name, from: rows.length, count: step }), 'rows').block;
      if (b.rows.length === 0) break;
      for (const r of b.rows) rows.push(r);
    }
    onProgress?.({ sheet: first.name, rowsRead: rows.length, rowsTotal: first.total });
    return { name: first.name, originRow: first.originRow, originCol: first.originCol, rows };
  }

  /**
   * The user's sheets posted by the workbook worker straight to `target` (the engine worker's end of
   * a MessageChannel, transferred): the page's thread never holds or clones their cells, only the
   * top rows and row counts it keeps. Stopping posts 'failed' to the engine worker and rejects with
   * the signal's reason.
   */
  async sendUserSheets(target: MessagePort, topRows: number, options: SendOptions = {}): Promise<HandedSheets> {
    const { signal, onProgress } = options;
    stopIfAborted(signal);
    const r = answer(await this.stoppable({ kind: 'send', target, topRows }, signal, [target], (sheet, fraction) => onProgress?.(sheet, fraction ?? 0)), 'handed');
    return { tops: r.tops, rowCounts: r.rowCounts };
  }

  /** The named sheets posted by the workbook worker straight to `target`, as sendUserSheets posts the user's. */
  async sendSheets(names: readonly string[], target: MessagePort, options: SendOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    answer(await this.stoppable({ kind: 'send', target, topRows: 0, names }, signal, [target], (sheet, fraction) => onProgress?.(sheet, fraction ?? 0)), 'handed');
  }

  /**
   * A request the signal stops: on abort the worker is told to stop it ('stop', taken at once) and
   * the promise rejects with the signal's reason; the worker's own answer to a stop is then ignored.
   */
  private stoppable(body: Body, signal: AbortSignal | undefined, transfer: Transferable[] = [], onProgress?: BookProgress): Promise<BookResponse> {
    stopIfAborted(signal);
    const started = this.client.start(body, transfer, onProgress);
    if (!signal) return started.answer;
    started.answer.catch(() => undefined);
    const stopped = new Promise<never>((_resolve, reject) => {
      const onAbort = () => {
        this.client.tell({ kind: 'stop', of: started.id });
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      void started.answer.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => undefined);
    });
    return Promise.race([started.answer, stopped]);
  }

  /** Rows `from`..`from + count` of a sheet as the grid shows them. */
  async window(name: string, from: number, count: number): Promise<WindowBlock> {
    return answer(await this.client.request({ kind: 'window', sheet: name, from, count }), 'window').block;
  }

  /**
   * The specs cross in parts of at most WRITE_PART_ROWS rows (no one message holds the page's
   * thread), and the worker writes them together after the last, in blocks with progress. A stop
   * (the signal) before the last part drops the parts sent; during the write it removes what was
   * written: either way the workbook is as it was, and the promise rejects with the signal's reason.
   */
  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    const parts = writeParts(specs);
    const rowsTotal = specs.reduce((n, spec) => n + spec.rows.length, 0);
    // One part a task, without waiting for the worker's answer to each (the port keeps them in
    // order): each post's copy is a short task, and the worker stores one part while the next is posted.
    const answers: Promise<BookResponse>[] = [];
    for (const [i, part] of parts.entries()) {
      const more = i < parts.length - 1;
      const progress: BookProgress | undefined = onProgress && !more ? (sheet, fraction) => onProgress({ sheet, rowsWritten: Math.round((fraction ?? 0) * rowsTotal), rowsTotal }) : undefined;
      const sent = this.stoppable({ ...part, more, ...(i === 0 ? { first: true } : {}) }, signal, [], progress);
      sent.catch(() => undefined); // each is awaited below; a stop rejects them all
      answers.push(sent);
      if (more) await nextTask();
    }
    for (const a of answers) answer(await a, 'written');
  }

  /** The workbook zipped as .xlsx, with what the product wrote into it; the signal stops the zip in the worker. */
  async toBuffer(onProgress?: BookProgress, options: ReadOptions = {}): Promise<Uint8Array> {
    return new Uint8Array(answer(await this.stoppable({ kind: 'save' }, options.signal, [], onProgress), 'saved').bytes);
  }

  /** The same, as a Blob of `type` made in the worker: what a download needs, without the page copying the bytes. */
  async toFile(type: string, onProgress?: BookProgress, options: ReadOptions = {}): Promise<Blob> {
    return answer(await this.stoppable({ kind: 'save', type }, options.signal, [], onProgress), 'saved-file').file;
  }

  /** Stops the worker (a new workbook was opened, or the page is closing). */
  dispose(): void {
    this.client.terminate();
  }
}

/** The specs as 'write' and 'write-rows' parts of at most WRITE_PART_ROWS rows each (every spec starts a 'write'). */
function writeParts(specs: readonly SheetSpec[]): (Omit<Extract<BookRequest, { kind: 'write' }>, 'id' | 'more'> | Omit<Extract<BookRequest, { kind: 'write-rows' }>, 'id' | 'more'>)[] {
  return specs.flatMap((spec) => {
    const rest = [];
    for (let from = WRITE_PART_ROWS; from < spec.rows.length; from += WRITE_PART_ROWS) rest.push({ kind: 'write-rows' as const, rows: spec.rows.slice(from, from + WRITE_PART_ROWS) });
    return [{ kind: 'write' as const, specs: [spec.rows.length > WRITE_PART_ROWS ? { ...spec, rows: spec.rows.slice(0, WRITE_PART_ROWS) } : spec] }, ...rest];
  });
}

