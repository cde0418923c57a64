/** The standalone page's workbook worker: exceljs off the page's thread (./book-handle.ts does the work). */
import { BookState } from './book-handle';
import type { BookRequest, BookResponse } from './book-protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<BookRequest>) => void) | null; postMessage(m: BookResponse, transfer?: Transferable[]): void };
const state = new BookState();
// One request at a time, in order: a read after a write sees what was written.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  // A stop is taken at once: the send it stops is still running in the queue.
  if (e.data.kind === 'stop') {
    state.stop(e.data.of);
    return;
  }
  queue = queue.then(() => state.handle(e.data, (m, transfer) => scope.postMessage(m, transfer ?? [])));
};
