/**
 * The pane's side of the worker: requests answered by id (the worker takes them in order), progress
 * as a callback, and Cancel that really stops the work (the engine runs synchronously, so the worker
 * is terminated and a fresh one is started for the next request: what the worker kept, the last
 * run's sources and review queue, goes with it, so run again after a cancel).
 */
import type { SheetSpec } from '../engine/sheet-spec';
import type { ReviewEntry } from '../engine/suspense/review-queue';
import type { Stage, WorkerRequest, WorkerResponse } from './protocol';
import { nextTask } from '../next-task';

export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
}

/** The worker's answer to one request (the reconciliation's own outcome is ReconciliationOutcome). */
export type WorkerOutcome = Exclude<WorkerResponse, { kind: 'progress' | 'source-fingerprints' | 'review-part' | 'pack-rows' }> | { readonly kind: 'cancelled'; readonly id: number };

/** The sources' fingerprints that follow a reconciliation's result (null: cancelled, or the worker failed first). */
export type SourceFingerprints = Extract<WorkerResponse, { kind: 'source-fingerprints' }> | null;

/** A request without its id (distributes over the union, unlike Omit). */
export type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface ClientOptions {
  /** Above this many cells, sheets go over in blocks of `partRows` rows, the page yielding between blocks. */
  readonly partCells?: number;
  readonly partRows?: number;
}

function cellCount(sheets: readonly { rows: readonly (readonly unknown[])[] }[]): number {
  let n = 0;
  for (const s of sheets) for (const r of s.rows) n += r.length;
  return n;
}


export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  /** Requests waiting for their answer, by id. */
  private readonly pending = new Map<number, { resolve: (o: WorkerOutcome) => void; onProgress: (stage: Stage) => void }>();
  /** Reconciliations whose result came, waiting for the fingerprints that follow it, by id. */
  private readonly following = new Map<number, { promise: Promise<SourceFingerprints>; resolve: (f: SourceFingerprints) => void }>();
  /** Review entries arriving ahead of a reconciliation's result ('review-part'), by id. */
  private readonly reviewParts = new Map<number, ReviewEntry[]>();
  /** Rows of the pack's sheets arriving ahead of the pack ('pack-rows'), by id, then by sheet. */
  private readonly packParts = new Map<number, Map<number, SheetSpec['rows'][number][]>>();
  private readonly partCells: number;
  private readonly partRows: number;

  constructor(
    private readonly spawn: () => WorkerLike,
    options: ClientOptions = {},
  ) {
    this.partCells = options.partCells ?? 200_000;
    this.partRows = options.partRows ?? 10_000;
  }

  /**
   * Sends a request; the promise settles with its answer (or 'cancelled'). A new 'reconcile' cancels
   * one under way (its answer would be stale); other requests queue behind whatever is running.
   * `transfer` (a 'reconcile' whose sheets come over a MessagePort: the port) is handed over with
   * the request, which is then posted whole.
   */
  run(request: RequestBody, onProgress: (stage: Stage) => void = () => undefined, transfer: Transferable[] = []): Promise<WorkerOutcome> {
    if (request.kind === 'reconcile' && (this.pending.size > 0 || this.following.size > 0)) this.cancel();
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerOutcome>((resolve) => {
      this.pending.set(id, { resolve, onProgress });
      if (transfer.length > 0) worker.postMessage({ ...request, id } as WorkerRequest, transfer);
      else void this.send(worker, { ...request, id } as WorkerRequest, onProgress);
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = ({ data }) => {
      if (data.kind === 'source-fingerprints') {
        this.follow(data.id).resolve(data);
        this.following.delete(data.id);
        return;
      }
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      if (data.kind === 'review-part') {
        const entries = this.reviewParts.get(data.id) ?? [];
        for (const e of data.entries) entries.push(e);
        this.reviewParts.set(data.id, entries);
        return;
      }
      if (data.kind === 'pack-rows') {
        const sheets = this.packParts.get(data.id) ?? new Map<number, SheetSpec['rows'][number][]>();
        const rows = sheets.get(data.sheet) ?? [];
        for (const r of data.rows) rows.push(r);
        sheets.set(data.sheet, rows);
        this.packParts.set(data.id, sheets);
        return;
      }
      if (data.kind === 'progress') {
        waiting.onProgress(data.stage);
        return;
      }
      this.pending.delete(data.id);
      if (data.kind === 'result' && data.fingerprintsFollow) this.follow(data.id);
      const entries = this.reviewParts.get(data.id);
      this.reviewParts.delete(data.id);
      const packRows = this.packParts.get(data.id);
      this.packParts.delete(data.id);
      if (data.kind === 'pack' && data.sheetsInParts) {
        waiting.resolve({ ...data, sheets: data.sheets.map((sheet, i) => ({ ...sheet, rows: [...sheet.rows, ...(packRows?.get(i) ?? [])] })), sheetsInParts: false });
        return;
      }
      waiting.resolve(data.kind === 'result' && data.reviewInParts && data.review ? { ...data, review: { ...data.review, entries: entries ?? [] } } : data);
    };
    this.worker = worker;
    return worker;
  }

  private follow(id: number): { promise: Promise<SourceFingerprints>; resolve: (f: SourceFingerprints) => void } {
    let entry = this.following.get(id);
    if (!entry) {
      let resolve: (f: SourceFingerprints) => void = () => undefined;
      const promise = new Promise<SourceFingerprints>((r) => (resolve = r));
      entry = { promise, resolve };
      this.following.set(id, entry);
    }
    return entry;
  }

  /**
   * The fingerprints following the result of reconciliation `id` (the session and the pack need them;
   * showing the result does not). Null when none are coming: cancelled, or the result carried them.
   */
  fingerprints(id: number): Promise<SourceFingerprints> {
    return this.following.get(id)?.promise ?? Promise.resolve(null);
  }

  /** Posts the request; a large workbook's sheets first, in blocks, stopping if the run is cancelled. */
  private async send(worker: WorkerLike, request: WorkerRequest, onProgress: (stage: Stage) => void): Promise<void> {
    if (request.kind !== 'reconcile' || cellCount(request.sheets) <= this.partCells) {
      worker.postMessage(request);
      return;
    }
    onProgress('sending');
    for (const sheet of request.sheets) {
      for (let i = 0; i === 0 || i < sheet.rows.length; i += this.partRows) {
        if (!this.pending.has(request.id)) return;
        worker.postMessage({ kind: 'sheet-part', id: request.id, name: sheet.name, originRow: sheet.originRow, originCol: sheet.originCol, rows: sheet.rows.slice(i, i + this.partRows) });
        await nextTask();
      }
    }
    if (this.pending.has(request.id)) worker.postMessage({ ...request, sheets: [], partsSent: true });
  }

  /** Stops the work under way, if any: every waiting request settles as 'cancelled'. */
  cancel(): void {
    for (const f of this.following.values()) f.resolve(null);
    const fingerprinting = this.following.size > 0;
    this.following.clear();
    if (this.pending.size === 0) {
      if (fingerprinting) {
        this.worker?.terminate();
        this.worker = null;
      }
      return;
    }
    const waiting = [...this.pending];
    this.pending.clear();
    this.reviewParts.clear();
    this.packParts.clear();
    this.worker?.terminate();
    this.worker = null;
    for (const [id, w] of waiting) w.resolve({ kind: 'cancelled', id });
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
