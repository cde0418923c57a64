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

export type RunOutcome = Extract<WorkerResponse, { kind: 'result' | 'input-error' | 'failure' | 'fingerprints' }> | { readonly kind: 'cancelled'; readonly id: number };

/** A request without its id (distributes over the union, unlike Omit). */
export type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class EngineClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private current: { id: number; resolve: (o: RunOutcome) => void } | null = null;

  constructor(private readonly spawn: () => WorkerLike) {}

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
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
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
