/**
 * What jsdom lacks and the pane's real browsers have: structuredClone (IndexedDB and the worker
 * boundary), TextEncoder/TextDecoder (fingerprints). Imported first by every component test.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as Record<string, unknown>;
g.structuredClone ??= (value: unknown) => deserialize(serialize(value));
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
