/**
 * The file-safety rule every command follows, as pure data and checks (the Node I/O is in
 * run-guard.ts): which paths of a run may not be the same file, and what an --out folder's marker
 * says about the outputs already in it.
 *
 * 1. No file a run writes (an output, or the ledger it updates) may be, once links are followed, a
 *    file the run reads (an input, a config, a ledger) or another file it writes.
 * 2. An --out folder remembers, in a small marker file per command, which run wrote its outputs
 *    (the command and a key of its inputs: for payments the payment file's hash). A run whose
 *    outputs would replace another run's, or files of those names that no marked run wrote, is
 *    refused unless --force: reusing one folder for two days must not replace day 1's postings.
 *    The same run again (after a failure, or to see its outputs again) may replace its own.
 */

export type PathRole = 'input' | 'config' | 'ledger' | 'output';

export interface RunPath {
  /** How the user named it: "--csv", "the payment file", "--out folder's postings.csv". */
  readonly what: string;
  readonly given: string;
  readonly role: PathRole;
  /** The absolute path with every link resolved (for a file not yet there: its folder resolved). */
  readonly real: string;
  /** The file's identity (device and inode) when it exists: two hard links are one file. */
  readonly fileId: string | null;
}

const ROLE_TEXT: Readonly<Record<PathRole, string>> = { input: 'an input', config: 'the config', ledger: 'the ledger', output: 'another output of this run' };

const writes = (p: RunPath): boolean => p.role === 'output' || p.role === 'ledger';

/**
 * Every pair of paths that are one file where at least one of them is written, as messages naming
 * both. foldCase: the file system ignores case (Windows, macOS).
 */
export function pathCollisions(paths: readonly RunPath[], foldCase: boolean): string[] {
  const key = (p: RunPath): string => (foldCase ? p.real.toLowerCase() : p.real);
  const problems: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const a = paths[i] as RunPath;
      const b = paths[j] as RunPath;
      if (!writes(a) && !writes(b)) continue;
      const same = key(a) === key(b) || (a.fileId !== null && a.fileId === b.fileId);
      if (!same) continue;
      const [w, other] = writes(b) && !writes(a) ? [b, a] : [a, b];
      const otherRole = other.role === 'output' ? ROLE_TEXT.output : other.role === 'ledger' && w.role === 'ledger' ? 'the ledger' : ROLE_TEXT[other.role];
      problems.push(`${w.what} ${w.given} is ${otherRole} (${other.what} ${other.given}); writing it would destroy that file: choose another name or folder`);
    }
  }
  return problems;
}

export const MARKER_FORMAT = 'housing-ledger/out-folder';

/** The marker's name in an --out folder: one per command, so two commands may share a folder. */
export function markerName(command: string): string {
  return `.housing-ledger-${command}.json`;
}

export interface OutMarker {
  readonly format: typeof MARKER_FORMAT;
  readonly version: 1;
  readonly command: string;
  /** A key of the run's inputs: the same inputs give the same key. */
  readonly run: string;
  /** What the run was, for the person told the folder is taken ("allpay-0812.csv"). */
  readonly label: string;
  readonly files: readonly string[];
  readonly writtenAt: string;
}

export function makeMarker(command: string, run: string, label: string, files: readonly string[], writtenAt: string): OutMarker {
  return { format: MARKER_FORMAT, version: 1, command, run, label, files: [...files], writtenAt };
}

/** A marker read back; null when the JSON is not one. */
export function parseMarker(json: unknown): OutMarker | null {
  if (typeof json !== 'object' || json === null) return null;
  const m = json as Record<string, unknown>;
  if (m.format !== MARKER_FORMAT || m.version !== 1 || typeof m.command !== 'string' || typeof m.run !== 'string' || !Array.isArray(m.files)) return null;
  return {
    format: MARKER_FORMAT,
    version: 1,
    command: m.command,
    run: m.run,
    label: typeof m.label === 'string' ? m.label : '',
    files: m.files.filter((f): f is string => typeof f === 'string'),
    writtenAt: typeof m.writtenAt === 'string' ? m.writtenAt : '',
  };
}

/**
 * Whether a run may write its outputs into a folder: `present` are the names of its outputs already
 * there, `marker` the folder's marker for the command as read (undefined: none; null: unreadable).
 */
export function outFolderVerdict(
  folder: string,
  planned: { readonly command: string; readonly run: string },
  present: readonly string[],
  marker: OutMarker | null | undefined,
): { ok: true } | { ok: false; reason: string } {
  if (present.length === 0) return { ok: true };
  const names = present.join(', ');
  if (marker && marker.command === planned.command && marker.run === planned.run) return { ok: true };
  const how = 'use another --out folder (one per run), or --force to replace them';
  if (!marker) return { ok: false, reason: `--out ${folder} already holds ${names}, not written by this run${marker === null ? ' (its marker is unreadable)' : ''}; ${how}` };
  return { ok: false, reason: `--out ${folder} already holds ${names} from another ${marker.command} run (${marker.label || 'other inputs'}${marker.writtenAt ? `, written ${marker.writtenAt}` : ''}); ${how}` };
}
