/**
 * The mandate register's state in the pane: kept in IndexedDB (MandateStore) where the browser
 * allows it, in memory otherwise; read and checked by the dd-register job through the worker, and
 * changed in status by the engine's rule with who and why.
 */
import { useCallback, useEffect, useState } from 'react';
import type { IsoDate } from '../../engine/dates';
import type { MandateChange, MandateStatus } from '../../engine/dd/mandates';
import { changeMandateStatus, type RegisterRow, type RowCheck } from '../../engine/jobs/dd-register';
import type { DdCollectInput } from '../../engine/jobs/dd-collect';
import type { MandateEvent, StoredMandate } from '../../store/mandate-schema';
import type { MandateStore } from '../../store/mandate-store';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { DdData } from './dd-data';

export interface RegisterState {
  readonly mandates: readonly StoredMandate[];
  readonly checks: readonly RowCheck[];
  readonly valid: number;
  readonly trail: readonly MandateEvent[];
}

const EMPTY: RegisterState = { mandates: [], checks: [], valid: 0, trail: [] };

export function useDdRegister(store: MandateStore | null, send: (body: RequestBody) => Promise<WorkerOutcome>, data: DdData | null, holidays: string, actor: string, say: (problem: string) => void) {
  const [state, setState] = useState<RegisterState>(EMPTY);

  const checked = useCallback(
    async (mandates: readonly StoredMandate[]): Promise<void> => {
      if (!data) return;
      const out = await send({ kind: 'dd-register', source: null, rows: mandates.map((m) => m.row), modulus: data.modulus, holidays });
      if (out.kind !== 'dd-register-checked') return say(out.kind === 'failure' ? out.message : 'the register could not be checked');
      setState({ mandates, checks: out.checks, valid: out.valid, trail: store ? await store.trail() : [] });
    },
    [data, holidays, send, store],
  );

  useEffect(() => {
    if (!store || !data) return;
    void store.mandates().then(checked, (e: Error) => say(e.message));
  }, [store, data, checked]);

  /** Replaces the register with one read from a CSV or a sheet. */
  async function importRegister(source: DdCollectInput['register'], name: string): Promise<boolean> {
    if (!data) return false;
    const out = await send({ kind: 'dd-register', source, rows: null, modulus: data.modulus, holidays });
    if (out.kind !== 'dd-register-checked') {
      say(out.kind === 'failure' ? out.message : 'the register could not be read');
      return false;
    }
    if (out.problems.length > 0) {
      say(`${name}: ${out.problems.join('; ')}`);
      return false;
    }
    const at = new Date().toISOString();
    const mandates = store ? await store.importRegister(out.rows, actor, name) : out.rows.map((row, i) => ({ id: i + 1, reference: row['DDI Reference'].toUpperCase(), account: row['Account Ref'], row, updatedAt: at }));
    setState({ mandates, checks: out.checks, valid: out.valid, trail: store ? await store.trail() : [] });
    return true;
  }

  function replaceLocal(next: StoredMandate): StoredMandate[] {
    const found = state.mandates.some((m) => m.id === next.id);
    return found ? state.mandates.map((m) => (m.id === next.id ? next : m)) : [...state.mandates, next];
  }

  /** Saves an edited (or new) row; the checks run again over the whole register. */
  async function saveRow(id: number | undefined, row: RegisterRow, why: string, change: MandateChange | null = null): Promise<void> {
    try {
      const saved = store ? await store.saveMandate(id, row, actor, change, why) : { id: id ?? state.mandates.length + 1, reference: row['DDI Reference'].toUpperCase(), account: row['Account Ref'], row, updatedAt: new Date().toISOString() };
      await checked(replaceLocal(saved));
    } catch (e) {
      say((e as Error).message);
    }
  }

  /** A status change by the engine's rule: refused without who and why. */
  async function changeStatus(m: StoredMandate, to: MandateStatus, why: string, on: IsoDate): Promise<string | null> {
    const done = changeMandateStatus(m.row, to, { by: actor, why, on });
    if (!done.ok) return done.refused;
    await saveRow(m.id, done.row, why, done.change);
    return null;
  }

  /** The changes a run or a report made (lodged, cancelled…), saved with their trail. */
  async function applyChanges(changes: readonly MandateChange[]): Promise<void> {
    if (changes.length === 0) return;
    if (!store) {
      const to = new Map(changes.map((c) => [c.reference, c.to]));
      await checked(state.mandates.map((m) => (to.has(m.reference) ? { ...m, row: { ...m.row, Status: to.get(m.reference) ?? m.row.Status } } : m)));
      return;
    }
    try {
      await checked(await store.applyChanges(changes, actor));
    } catch (e) {
      say((e as Error).message);
    }
  }

  return { ...state, importRegister, saveRow, changeStatus, applyChanges };
}
