/**
 * Every file the CLI writes goes through here, so a crash, a full disk or a power cut never leaves
 * a half-written workbook or CSV where the user's last good one was.
 *
 * One file: the bytes go to a temporary file in the destination's folder (a rename is atomic only
 * within one file system), are flushed to disk (fsync), and the temporary is renamed over the
 * destination; then the folder is flushed too, so the rename itself survives a power cut.
 *
 * A set of files (a journal with its ageing, a payment file's postings with its report) is all or
 * nothing: every temporary is written and flushed before the first rename, so a failure while
 * writing leaves every destination as it was; should a rename fail part-way, the files already
 * renamed are put back from hard-linked (or copied) backups. Temporaries and backups never stay.
 *
 * A kill (power cut, SIGKILL) between two renames cannot run that rollback, so before the first
 * rename a set writes a journal (`.hl-writing.PID.json`, in the first file's folder, flushed) naming
 * every destination, its temporary and its backup; it is removed once the set is whole. The next
 * run over that folder (recoverInterrupted, from guardOutFolder) finds a journal whose process is
 * gone and finishes it: when every temporary was renamed the set is whole and only the backups go;
 * otherwise every file the set had replaced is put back, every file it had added is removed, and
 * its temporaries are deleted, so a mixed set is never presented as complete. The import ledger is
 * renamed last, so it holds the file only when every output is in place.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliInputError } from './errors';

export interface FileToWrite {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** A name beside the destination that no other writer picks: dot-prefixed (hidden), with the process id and a random part. */
function besidePath(path: string, kind: 'tmp' | 'bak'): string {
  return resolve(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}`);
}

function writeAndSync(path: string, data: string | Uint8Array): void {
  // 'wx': never follow or reuse a file already at the temporary's name.
  const fd = openSync(path, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (the renames) to disk. Windows cannot open a folder for this; there, and only there, it is skipped. */
function syncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch (e) {
    if (process.platform === 'win32') return;
    throw e;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw e;
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    if (existsSync(path)) unlinkSync(path);
  } catch {
    // Best effort: the error being reported is the one that matters.
  }
}

/** The old file kept under a second name: a hard link costs nothing; where links are not allowed, a copy. */
function backUp(path: string): string {
  const bak = besidePath(path, 'bak');
  try {
    linkSync(path, bak);
  } catch {
    copyFileSync(path, bak);
  }
  return bak;
}

/**
 * Writes every file, or none: see the module comment. Throws a CliInputError naming the file that
 * could not be written; every destination is then as it was before the call.
 */
export function writeAll(files: readonly FileToWrite[]): void {
  // A set an earlier run was killed while writing into these folders is finished first (commands
  // with an --out folder have already done so, and said it; the others, e.g. match-suspense's
  // --out and --csv, get it here).
  for (const folder of new Set(files.map((f) => dirname(resolve(f.path))))) recoverInterrupted(folder);
  const staged: { path: string; tmp: string }[] = [];
  let current = '';
  try {
    const seen = new Set<string>();
    for (const f of files) {
      current = f.path;
      const path = resolve(f.path);
      if (seen.has(path)) throw new Error('the same file is named twice');
      seen.add(path);
      if (existsSync(path) && statSync(path).isDirectory()) throw new Error('it is a folder');
      const tmp = besidePath(path, 'tmp');
      staged.push({ path, tmp });
      writeAndSync(tmp, f.data);
    }
  } catch (e) {
    for (const s of staged) removeQuietly(s.tmp);
    throw new CliInputError(`${current}: cannot be written (${(e as Error).message})`);
  }
  renameAll(staged, files);
}

interface JournalEntry {
  readonly path: string;
  readonly tmp: string;
  readonly bak: string | null;
}

interface Journal {
  readonly pid: number;
  readonly at: string;
  readonly files: readonly JournalEntry[];
}

const JOURNAL = /^\.hl-writing\.(\d+)\.json$/;

/** Test builds only (NODE_ENV=test): HL_TEST_KILL_AFTER_RENAMES=N kills this process after N renames, as a power cut would. */
function killPoint(renamed: number): void {
  if (process.env.NODE_ENV === 'test' && process.env.HL_TEST_KILL_AFTER_RENAMES === String(renamed)) process.kill(process.pid, 'SIGKILL');
}

function renameAll(staged: readonly { path: string; tmp: string }[], files: readonly FileToWrite[]): void {
  const done: { path: string; bak: string | null }[] = [];
  let current = '';
  // One file needs no journal and no backup: its rename either happens or not.
  const journal = staged.length > 1 ? resolve(dirname(staged[0]?.path ?? '.'), `.hl-writing.${process.pid}.json`) : null;
  const baks = new Map<string, string | null>();
  try {
    if (journal) {
      for (const s of staged) {
        current = s.path;
        baks.set(s.path, existsSync(s.path) ? backUp(s.path) : null);
      }
      const entries: JournalEntry[] = staged.map((s) => ({ path: s.path, tmp: s.tmp, bak: baks.get(s.path) ?? null }));
      const j: Journal = { pid: process.pid, at: new Date().toISOString(), files: entries };
      current = staged[0]?.path ?? '';
      removeQuietly(journal);
      writeAndSync(journal, JSON.stringify(j));
      syncFolder(dirname(journal));
    }
    for (const [i, s] of staged.entries()) {
      current = files[i]?.path ?? s.path;
      renameSync(s.tmp, s.path);
      done.push({ path: s.path, bak: baks.get(s.path) ?? null });
      killPoint(done.length);
    }
  } catch (e) {
    for (const b of baks.values()) if (b && !done.some((d) => d.bak === b)) removeQuietly(b);
    if (journal) removeQuietly(journal);
    // Put back what was replaced and remove what was new, last first; drop every temporary.
    for (const d of done.reverse()) {
      try {
        if (d.bak) renameSync(d.bak, d.path);
        else unlinkSync(d.path);
      } catch {
        // Nothing more can be done here; the original error is the one reported.
      }
    }
    for (const s of staged) removeQuietly(s.tmp);
    throw new CliInputError(`${current}: cannot be written (${(e as Error).message})`);
  }
  try {
    for (const folder of new Set(staged.map((s) => dirname(s.path)))) syncFolder(folder);
  } catch (e) {
    throw new CliInputError(`${current}: written, but its folder could not be flushed to disk (${(e as Error).message})`);
  } finally {
    // The set is whole and on disk: the backups go first, then the journal (a kill in between
    // leaves a journal whose temporaries are all gone, which recovery finishes the same way).
    for (const d of done) if (d.bak) removeQuietly(d.bak);
    if (journal) removeQuietly(journal);
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes the sets of files an earlier run was killed while writing into `folder` (see the module
 * comment). Returns what was done, in words, one sentence per interrupted run; [] when nothing was
 * found. A journal of a process still running is left alone (that run is still writing).
 */
export function recoverInterrupted(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const said: string[] = [];
  for (const name of names) {
    const m = JOURNAL.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    const path = join(folder, name);
    let j: Journal;
    try {
      j = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    } catch {
      // Killed while the journal itself was being written: no rename had started.
      removeQuietly(path);
      continue;
    }
    const whole = j.files.every((f) => !existsSync(f.tmp));
    let restored = 0;
    let removed = 0;
    for (const f of whole ? [] : [...j.files].reverse()) {
      if (existsSync(f.tmp)) removeQuietly(f.tmp);
      else if (f.bak && existsSync(f.bak)) {
        renameSync(f.bak, f.path);
        restored++;
      } else if (!f.bak) {
        removeQuietly(f.path);
        removed++;
      }
    }
    for (const f of j.files) if (f.bak) removeQuietly(f.bak);
    removeQuietly(path);
    syncFolder(folder);
    said.push(
      whole
        ? `an earlier run (process ${j.pid}, ${j.at}) was stopped just after writing all its outputs; its leftover backups were removed`
        : `an earlier run (process ${j.pid}, ${j.at}) was stopped while writing its outputs: ${restored} file(s) it had replaced were put back and ${removed} it had added removed, with its temporary files; none of its outputs were kept`,
    );
  }
  return said;
}

/** One file, safely: writeAll of one. */
export function writeFileSafely(path: string, data: string | Uint8Array): void {
  writeAll([{ path, data }]);
}
