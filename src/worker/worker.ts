/** The engine's Web Worker: receives requests (sheets possibly in parts), answers with progress and a result. */
import { handleRequest, SheetParts } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { webCryptoFingerprint } from './web-fingerprint';

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerResponse): void };
const env = { parts: new SheetParts(), search: null, ...(typeof crypto !== 'undefined' && crypto.subtle ? { fingerprint: webCryptoFingerprint } : {}) };
scope.onmessage = (e) => void handleRequest(e.data, (m) => scope.postMessage(m), env);
