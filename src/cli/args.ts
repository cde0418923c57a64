/** Command-line options parsed strictly (node:util parseArgs); a bad option is the user's to fix (exit 2). */
import { parseArgs } from 'node:util';
import { CliInputError } from './errors';

export type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new CliInputError(`${(e as Error).message}; try --help`);
  }
}

/** A string option the command cannot run without: its value, or a located refusal naming the flag. */
export function needOption(values: ParsedArgs['values'], command: string, key: string): string {
  const v = values[key];
  if (typeof v !== 'string') throw new CliInputError(`${command} needs --${key}; try --help`);
  return v;
}
