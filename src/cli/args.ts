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
