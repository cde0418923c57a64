/**
 * The ledger file under concurrency: a run that reads, checks and writes a ledger holds an exclusive
 * lock file beside it (LEDGER.lock, created atomically with O_EXCL, holding the holder's pid, host
 * and time) for the whole read-check-write. A second run waits briefly, then exits 2 saying another
 * import is running. A lock whose holder is dead (same host, no such pid) or older than STALE_MS is
 * stale: it is reported and taken over (renamed aside atomically, so two runs cannot both take it).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { CliInputError } from './errors';

/** How long a second run waits for the lock before giving up (HOUSING_LEDGER_LOCK_WAIT_MS overrides it, for scripts and tests). */
export const LOCK_WAIT_MS = 15_000;

function waitFromEnv(): number {
  const v = Number(process.env.HOUSING_LEDGER_LOCK_WAIT_MS);
  return Number.isFinite(v) && v >= 0 ? v : LOCK_WAIT_MS;
}
/** A lock older than this is stale even if its pid is alive (a pid reused by another program). */
export const STALE_MS = 10 * 60_000;

interface LockBody {
  readonly pid: number;
  readonly host: string;
  readonly at: string;
  readonly token: string;
}

function readLock(path: string): { body: LockBody | null; text: string } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
  try {
    const b = JSON.parse(text) as Partial<LockBody>;
    if (typeof b.pid === 'number' && typeof b.at === 'string') return { body: { pid: b.pid, host: String(b.host ?? ''), at: b.at, token: String(b.token ?? '') }, text };
  } catch {
    // An empty or torn lock: its holder died while writing it, or is writing it now.
  }
  return { body: null, text };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why a lock is stale, or null when its holder may still be running. */
function staleReason(body: LockBody | null, now: number): string | null {
  if (body === null) return null;
  const age = now - Date.parse(body.at);
  if (Number.isFinite(age) && age > STALE_MS) return `held since ${body.at}, longer than any import takes`;
  if (body.host === hostname() && !alive(body.pid)) return `its process ${body.pid} is no longer running`;
  return null;
}

export interface LedgerLock {
  release(): void;
}

/** Takes LEDGER.lock, waiting up to waitMs; `note` is told of a stale lock taken over. */
export async function lockLedger(ledgerPath: string, note: (text: string) => void, waitMs = waitFromEnv()): Promise<LedgerLock> {
  const lockPath = `${ledgerPath}.lock`;
  const body: LockBody = { pid: process.pid, host: hostname(), at: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const text = JSON.stringify(body);
  const deadline = Date.now() + waitMs;
  let tornSince: number | null = null;
  for (;;) {
    let fd: number | null = null;
    try {
      fd = openSync(lockPath, 'wx');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new CliInputError(`--ledger ${ledgerPath}: its folder does not exist; nothing was imported or written`);
      if (code !== 'EEXIST') throw new CliInputError(`${lockPath}: the ledger's lock cannot be created (${code ?? (e as Error).message}); nothing was imported or written`);
    }
    if (fd !== null) {
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      return { release: () => releaseLock(lockPath, body.token) };
    }
    const held = readLock(lockPath);
    if (held !== null) {
      const now = Date.now();
      // A torn lock (no readable body) that stays torn for a while was left by a holder that died writing it.
      if (held.body === null) tornSince ??= now;
      else tornSince = null;
      const reason = held.body === null ? (now - (tornSince ?? now) > 2_000 ? 'it is empty or unreadable' : null) : staleReason(held.body, now);
      if (reason !== null) {
        takeOver(lockPath, held.text);
        note(`note: ${lockPath} was a stale lock (${reason}); taken over`);
        continue;
      }
      if (now >= deadline) {
        const who = held.body ? `process ${held.body.pid}${held.body.host && held.body.host !== hostname() ? ` on ${held.body.host}` : ''} since ${held.body.at}` : 'another process';
        throw new CliInputError(`${ledgerPath}: another import is running (${who}); nothing was imported or written. Run again when it has finished; if none is running, delete ${lockPath}`);
      }
    }
    await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 50)));
  }
}

/** Moves a stale lock aside; if another run took it over first (the file moved is not the one judged stale), puts it back. */
function takeOver(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else moved it
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the stale one
    moved = staleText;
  }
  if (moved !== staleText) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // A new lock is already there: the live holder's lock is lost only if it was the one moved; best effort.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // best effort
  }
}

function releaseLock(lockPath: string, token: string): void {
  try {
    if (!existsSync(lockPath)) return;
    const held = readLock(lockPath);
    if (held?.body?.token === token) unlinkSync(lockPath);
  } catch {
    // The lock is left for the next run to find stale; the run's own result stands.
  }
}
