/**
 * The pane's side of the worker: one request at a time, progress as a callback, and Cancel that
 * really stops the work (the engine runs synchronously, so the worker is terminated and a fresh one
 * is started for the next run).
 */
import type { Stage, WorkerRequest, WorkerResponse } from './protocol';

export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
}

export type RunOutcome = Extract<WorkerResponse, { kind: 'result' | 'input-error' | 'failure' | 'fingerprints' | 'accounts' | 'factoring-result' }> | { readonly kind: 'cancelled'; readonly id: number };

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
  private current: { id: number; resolve: (o: RunOutcome) => void } | null = null;
  private readonly partCells: number;
  private readonly partRows: number;

  constructor(
    private readonly spawn: () => WorkerLike,
    options: ClientOptions = {},
  ) {
    this.partCells = options.partCells ?? 200_000;
    this.partRows = options.partRows ?? 10_000;
  }

  run(request: RequestBody, onProgress: (stage: Stage) => void = () => undefined): Promise<RunOutcome> {
    if (this.current) this.cancel();
    const id = this.nextId++;
    const worker = (this.worker ??= this.spawn());
    return new Promise<RunOutcome>((resolve) => {
      this.current = { id, resolve };
      worker.onmessage = ({ data }) => {
        if (data.id !== id) return;
        if (data.kind === 'progress') {
          onProgress(data.stage);
          return;
        }
        this.current = null;
        resolve(data);
      };
      void this.send(worker, { ...request, id } as WorkerRequest, onProgress);
    });
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
        if (this.current?.id !== request.id) return;
        worker.postMessage({ kind: 'sheet-part', id: request.id, name: sheet.name, originRow: sheet.originRow, originCol: sheet.originCol, rows: sheet.rows.slice(i, i + this.partRows) });
        await nextTask();
      }
    }
    if (this.current?.id === request.id) worker.postMessage({ ...request, sheets: [], partsSent: true });
  }

  /** Stops the run under way, if any; its promise settles as 'cancelled'. */
  cancel(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.worker?.terminate();
    this.worker = null;
    current.resolve({ kind: 'cancelled', id: current.id });
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
