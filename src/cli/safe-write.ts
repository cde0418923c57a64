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
 */
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
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

function renameAll(staged: readonly { path: string; tmp: string }[], files: readonly FileToWrite[]): void {
  const done: { path: string; bak: string | null }[] = [];
  let current = '';
  try {
    for (const [i, s] of staged.entries()) {
      current = files[i]?.path ?? s.path;
      // One file needs no backup: its rename either happens or not.
      const bak = staged.length > 1 && existsSync(s.path) ? backUp(s.path) : null;
      try {
        renameSync(s.tmp, s.path);
      } catch (e) {
        if (bak) removeQuietly(bak);
        throw e;
      }
      done.push({ path: s.path, bak });
    }
  } catch (e) {
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
  for (const d of done) if (d.bak) removeQuietly(d.bak);
  try {
    for (const folder of new Set(staged.map((s) => dirname(s.path)))) syncFolder(folder);
  } catch (e) {
    throw new CliInputError(`${current}: written, but its folder could not be flushed to disk (${(e as Error).message})`);
  }
}

/** One file, safely: writeAll of one. */
export function writeFileSafely(path: string, data: string | Uint8Array): void {
  writeAll([{ path, data }]);
}
