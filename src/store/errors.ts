/** Storage failures in words a coordinator can act on, saying what was kept. */
export class StoreError extends Error {
  constructor(
    readonly kind: 'quota' | 'blocked' | 'unavailable' | 'not-found' | 'invalid' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Maps IndexedDB and Dexie errors onto StoreErrors; nothing already saved is lost in any of these. */
export function explainStorageError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = String((e as { name?: string }).name ?? '');
  const inner = String((e as { inner?: { name?: string } }).inner?.name ?? '');
  const all = `${name} ${inner}`;
  if (/QuotaExceeded/.test(all)) {
    return new StoreError('quota', 'The browser has no room left to save this change. Everything saved before it is kept; export the session to a file, then clear old sessions.');
  }
  if (/Blocked|VersionError|DatabaseClosed/.test(all)) {
    return new StoreError('blocked', 'Another copy of Housing Ledger (another Excel window or tab) is holding the saved sessions open with an older version. Close it and try again; nothing was changed.');
  }
  if (/MissingAPI|InvalidState|SecurityError|OpenFailed/.test(all)) {
    return new StoreError('unavailable', 'This browser does not allow saving here (private browsing, or storage turned off). The reconciliation still works, but sessions will not be kept: export the session to a file before closing.');
  }
  return new StoreError('refused', `Saving failed (${name || 'unknown error'}); what was saved before is kept.`);
}
