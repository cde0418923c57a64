/**
 * The Direct Debit register as the store keeps it (version 5): each mandate's cells as typed (the
 * engine's RegisterRow, bank details in clear, as in the coordinator's own register file) and the
 * trail of its status changes with who and why.
 */
import type { RegisterRow } from '../engine/jobs/dd-register';

export interface StoredMandate {
  /** Assigned by the store, increasing: the register's order. */
  readonly id?: number;
  /** The DDI reference upper-cased (indexed; may be blank or repeated on a row still being fixed). */
  readonly reference: string;
  readonly account: string;
  readonly row: RegisterRow;
  readonly updatedAt: string;
}

export interface MandateEvent {
  readonly seq?: number;
  readonly reference: string;
  readonly account: string;
  readonly at: string;
  readonly actor: string;
  /** 'imported', 'added', 'edited' or 'status'. */
  readonly event: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly why: string;
}

/** The store's record of a row (pure: the upgrade and every save build records with it). */
export function storedMandate(row: RegisterRow, at: string, id?: number): StoredMandate {
  return { ...(id === undefined ? {} : { id }), reference: row['DDI Reference'].trim().toUpperCase(), account: row['Account Ref'].trim(), row, updatedAt: at };
}
