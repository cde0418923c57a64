/**
 * A config file's text as the pane imports it (issue 11: Settings and the CLI's --config are one
 * thing): JSON, an object, then the one schema (config.ts), each problem located, by line and column
 * for a JSON slip and by key path for a setting. Nothing is applied unless all of it is valid.
 */
import { parseConfig } from './config';

export type ConfigText = { readonly ok: true; readonly json: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly problems: readonly string[] };

/** The line and column (1-based) of a character offset in the text. */
function lineCol(text: string, at: number): string {
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1] ?? '').length + 1}`;
}

/** Reads a config file's text: its JSON when valid, else every problem with where it is. */
export function readConfigText(text: string): ConfigText {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message)?.[1];
    const where = /line (\d+) column (\d+)/.exec(message);
    const at = where ? `line ${where[1]}, column ${where[2]}` : pos !== undefined ? lineCol(text, Number(pos)) : 'the text';
    return { ok: false, problems: [`not JSON at ${at}: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problems: ['(top level): a config file is one JSON object, { ... }'] };
  const parsed = parseConfig(json);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, json: json as Record<string, unknown> };
}

/** The config as a file to save: the same JSON the CLI's --config reads, keys as given. */
export function configFileText(json: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}
