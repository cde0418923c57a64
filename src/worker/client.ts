/**
 * The pane's side of the worker: requests answered by id (the worker takes them in order), progress
 * as a callback, and Cancel that really stops the work (the engine runs synchronously, so the worker
 * is terminated and a fresh one is started for the next request: what the worker kept, the last
 * run's sources and review queue, goes with it, so run again after a cancel).
 */
import type { Stage, WorkerRequest, WorkerResponse } from './protocol';

export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
}

/** The worker's answer to one request (the reconciliation's own outcome is ReconciliationOutcome). */
export type WorkerOutcome = Exclude<WorkerResponse, { kind: 'progress' }> | { readonly kind: 'cancelled'; readonly id: number };

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

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  /** Requests waiting for their answer, by id. */
  private readonly pending = new Map<number, { resolve: (o: WorkerOutcome) => void; onProgress: (stage: Stage) => void }>();
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
   */
  run(request: RequestBody, onProgress: (stage: Stage) => void = () => undefined): Promise<WorkerOutcome> {
    if (request.kind === 'reconcile' && this.pending.size > 0) this.cancel();
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerOutcome>((resolve) => {
      this.pending.set(id, { resolve, onProgress });
      void this.send(worker, { ...request, id } as WorkerRequest, onProgress);
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.onmessage = ({ data }) => {
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      if (data.kind === 'progress') {
        waiting.onProgress(data.stage);
        return;
      }
      this.pending.delete(data.id);
      waiting.resolve(data);
    };
    this.worker = worker;
    return worker;
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
    if (this.pending.size === 0) return;
    const waiting = [...this.pending];
    this.pending.clear();
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
