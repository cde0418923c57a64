/**
 * The Node side of the file-safety rule (output-rule.ts holds the rule): links followed, files
 * identified, --out folders and their markers read. Everything here runs before anything is written.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliInputError } from './errors';
import { makeMarker, markerName, outFolderVerdict, parseMarker, pathCollisions, type OutMarker, type PathRole, type RunPath } from './output-rule';
import { recoverInterrupted, type FileToWrite } from './safe-write';

/** The path with every link resolved; a file not there yet is resolved through its nearest existing folder. */
function realOf(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realOf(parent), basename(abs));
  }
}

function fileIdOf(path: string): string | null {
  try {
    const s = statSync(path);
    return s.isFile() ? `${s.dev}:${s.ino}` : null;
  } catch {
    return null;
  }
}

export function runPath(what: string, given: string, role: PathRole): RunPath {
  return { what, given, role, real: realOf(given), fileId: fileIdOf(given) };
}

/** Refuses the run (exit 2) when a file it writes is a file it reads or another file it writes. */
export function guardPaths(paths: readonly (RunPath | null)[]): void {
  const problems = pathCollisions(paths.filter((p): p is RunPath => p !== null), process.platform === 'win32' || process.platform === 'darwin');
  if (problems.length > 0) throw new CliInputError(`${problems[0] as string}; nothing was read or written`, problems.slice(1));
}

/**
 * Checks an --out folder before a run writes `names` into it (see output-rule.ts) and returns the
 * marker file to write with the outputs. Refused (exit 2) when the folder holds another run's
 * outputs, unless force.
 */
export function guardOutFolder(
  folder: string,
  run: { readonly command: string; readonly key: string; readonly label: string; readonly names: readonly string[]; readonly at: string },
  force: boolean,
  report: (text: string) => void = () => undefined,
): FileToWrite {
  // A set of outputs an earlier run was killed while writing is finished first (safe-write.ts).
  for (const said of recoverInterrupted(folder)) report(`housing-ledger: ${folder}: ${said}`);
  const marker = markerName(run.command);
  let present: string[] = [];
  let found: OutMarker | null | undefined;
  if (existsSync(folder)) {
    const here = new Set(readdirSync(folder));
    present = run.names.filter((n) => here.has(n));
    if (here.has(marker)) {
      try {
        found = parseMarker(JSON.parse(readFileSync(join(folder, marker), 'utf8')));
      } catch {
        found = null;
      }
    }
  }
  const verdict = outFolderVerdict(folder, { command: run.command, run: run.key }, present, found);
  if (!verdict.ok && !force) throw new CliInputError(`${verdict.reason}; nothing was imported or written`);
  return { path: join(folder, marker), data: `${JSON.stringify(makeMarker(run.command, run.key, run.label, run.names, run.at), null, 1)}\n` };
}
