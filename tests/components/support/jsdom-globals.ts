/**
 * What jsdom lacks and the pane's real browsers have: structuredClone (IndexedDB and the worker
 * boundary), TextEncoder/TextDecoder (fingerprints), setImmediate (fake-indexeddb keeps a Dexie
 * transaction alive across its requests only with it). Imported first by every component test.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { clearImmediate, setImmediate } from 'node:timers';
import { configure } from '@testing-library/react';

// The pane's work goes through an in-thread worker and IndexedDB: on a busy 2-core machine a screen can
// take seconds to appear. Waiting longer changes no outcome, only how long a failure takes to show.
configure({ asyncUtilTimeout: 20_000 });

const g = globalThis as Record<string, unknown>;
g.structuredClone ??= (value: unknown) => deserialize(serialize(value));
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.setImmediate ??= setImmediate;
g.clearImmediate ??= clearImmediate;

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one (to reflow its actions).
g.ResizeObserver ??= class ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// jsdom's Blob has no text(): read it the way a browser's FileReader does.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.text !== 'function') {
  Blob.prototype.text = function text(this: Blob): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(this);
    });
  };
}

// Nor arrayBuffer(): the payment panel reads a file's bytes to find its encoding.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}
