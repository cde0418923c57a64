/**
 * The standalone page's workbook worker run in-process: its handler (BookState) behind a fake Worker
 * that structured-clones each message and transfers what is transferred, as postMessage does, and
 * answers a stop at once, not queued behind the send it stops, as book-worker.ts does.
 */
import { BookState } from '../../src/workbook/xlsx/book-handle';
import type { BookRequest, BookResponse, BookWorkerLike } from '../../src/workbook/xlsx/book-protocol';

export class FakeBookWorker implements BookWorkerLike {
  onmessage: ((event: { data: BookResponse }) => void) | null = null;
  terminated = false;
  private readonly state = new BookState();
  private queue: Promise<void> = Promise.resolve();

  postMessage(message: BookRequest, transfer: Transferable[] = []): void {
    const data = structuredClone(message, { transfer });
    if (data.kind === 'stop') {
      this.state.stop(data.of);
      return;
    }
    this.queue = this.queue.then(async () => {
      await new Promise((r) => setTimeout(r, 0));
      if (this.terminated) return;
      await this.state.handle(data, (m, t) => {
        const out = structuredClone(m, { transfer: t ?? [] });
        if (!this.terminated) this.onmessage?.({ data: out });
      });
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}
