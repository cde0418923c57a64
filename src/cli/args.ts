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

/** What prints a command's help: the Io's `out`. */
export interface HelpOut {
  readonly out: (text: string) => void;
}

/**
 * The prologue every command shares: its options parsed strictly, and `--help` answered by printing
 * the help. Null when the help was printed (the command then exits 0).
 */
export function parseCommand(args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>, io: HelpOut, help: string): ParsedArgs | null {
  const parsed = parse(args, options);
  if (!parsed.values.help) return parsed;
  io.out(help);
  return null;
}

/**
 * A command group's subcommand (`dd check`, `factoring bill`): with none, or `--help`, the help is
 * printed and the exit code returned (2 when the subcommand is missing, 0 when help was asked for);
 * null when there is a subcommand to run.
 */
export function groupHelp(sub: string | undefined, io: HelpOut, help: string): number | null {
  if (sub !== undefined && sub !== '--help') return null;
  io.out(help);
  return sub === undefined ? 2 : 0;
}

/**
 * The one positional argument a command takes: refused with `missing` when there is none, and when
 * there are more, with `extra` (or "unexpected argument 'X'" naming the first one too many).
 */
export function onePositional(positionals: readonly string[], missing: string, extra?: string): string {
  const [first, second] = positionals;
  if (first === undefined) throw new CliInputError(missing);
  if (second !== undefined) throw new CliInputError(extra ?? `unexpected argument '${second}'`);
  return first;
}

/** A command that takes no positional argument: the first one given is refused. */
export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new CliInputError(`unexpected argument '${positionals[0] ?? ''}'`);
}
