/** Starts the engine's Web Worker (a separate bundle chunk, so the engine never blocks the pane). */
import type { WorkerLike } from '../worker/client';

export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('../worker/worker.ts', import.meta.url), { name: 'housing-ledger-engine' }) as unknown as WorkerLike;
}
