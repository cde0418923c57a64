/** The engine's Web Worker: receives a request, answers with progress and a result. */
import { handleRequest } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerResponse): void };
scope.onmessage = (e) => handleRequest(e.data, (m) => scope.postMessage(m));
