/**
 * A payment file's import as the pane drives it; every rule is the import-payments job's, run in the
 * worker: the file chosen (read in this browser), its import profile detected (or chosen), the
 * settlement, the preview, and Check and post — the rent roll read whole from the workbook as it is
 * now, the file prepared, the import ledger in the store asked, the file posted, and the entry
 * recorded. Then the import history.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PaymentImport, PaymentPreview } from '../../engine/jobs/import-payments';
import { matchesToData } from '../../engine/jobs/import-payments';
import { parsePence } from '../../engine/money';
import { EMPTY_LEDGER, findInLedger, type ImportLedgerEntry, type LedgerMatches } from '../../engine/payments/import-ledger';
import { formatGBP } from '../../engine/money';
import type { PaymentIssue } from '../../engine/payments/payment-issues';
import { parseProfile, SHIPPED_PROFILES, type ImportProfile } from '../../engine/payments/profile';
import { decodeText, describeEncoding } from '../../engine/payments/decode-text';
import type { RoleAssignment } from '../../engine/sources/detect';
import { explainStorageError } from '../../store/errors';
import type { LedgerStore } from '../../store/ledger-store';
import type { RequestBody, WorkerOutcome } from '../../worker/client';
import type { PaneHost } from '../host';

export interface PaymentNote {
  readonly intent: 'success' | 'error' | 'warning';
  readonly title: string;
  readonly text: string;
}

/** What the ledger holds of a file: the earlier import of the same file, and how many of its payments were imported before (from which files). */
export interface PriorImport {
  readonly file: { readonly name: string; readonly at: string } | null;
  readonly payments: number;
  readonly from: readonly { readonly name: string; readonly at: string }[];
}

function priorOf(m: LedgerMatches): PriorImport | null {
  if (!m.file && m.payments.size === 0) return null;
  const from = new Map<string, { name: string; at: string }>();
  for (const e of m.payments.values()) from.set(`${e.fileName}|${e.importedAt}`, { name: e.fileName, at: e.importedAt });
  return { file: m.file ? { name: m.file.fileName, at: m.file.importedAt } : null, payments: m.payments.size, from: [...from.values()] };
}

export type PostedImport = Extract<PaymentImport, { ok: true }>;

type Send = (body: RequestBody) => Promise<WorkerOutcome>;

const failed = (o: WorkerOutcome): string => (o.kind === 'failure' ? o.message : o.kind === 'input-error' ? [...o.problems].join('; ') || 'the sheet has problems' : 'the engine gave no answer');

export function usePaymentImport(host: Pick<PaneHost, 'port' | 'fileName'>, assignment: RoleAssignment, config: unknown, store: LedgerStore | null, send: Send) {
  /** The chosen file as text, with its encoding in words (decode-text.ts). */
  const [file, setFile] = useState<{ name: string; text: string; encoding: string } | null>(null);
  const [custom, setCustom] = useState<ImportProfile[]>([]);
  const [profileName, setProfileName] = useState('');
  const [settlement, setSettlement] = useState('');
  const [preview, setPreview] = useState<PaymentPreview | null>(null);
  const [posted, setPosted] = useState<PostedImport | null>(null);
  const [refused, setRefused] = useState<readonly PaymentIssue[] | null>(null);
  const [history, setHistory] = useState<ImportLedgerEntry[]>([]);
  const [note, setNote] = useState<PaymentNote | null>(null);
  /** What the import ledger already holds of the chosen file, asked at preview (and asked again when posting). */
  const [prior, setPrior] = useState<PriorImport | null>(null);
  // Without storage, the ledger lives as long as the pane: a file posted twice is still refused.
  const sessionLedger = useRef(EMPTY_LEDGER);

  const profiles = useMemo(() => [...SHIPPED_PROFILES.values(), ...custom], [custom]);
  const profile = profiles.find((p) => p.name === profileName) ?? null;
  const settlementPence = settlement.trim() ? parsePence(settlement.replace(/[£,\s]/g, '')) : null;
  const settlementBad = settlement.trim() !== '' && settlementPence === null;

  useEffect(() => {
    if (!store) return;
    void store.imports().then(setHistory, () => undefined);
    void store.importProfiles().then((saved) => {
      const ok: ImportProfile[] = [];
      for (const s of saved) {
        const p = parseProfile(s.profile);
        if (p.ok) ok.push(p.profile);
      }
      setCustom(ok);
    }, () => undefined);
  }, [store]);

  // The preview follows the file, the profile and the settlement; an answer for an earlier choice is dropped.
  useEffect(() => {
    setPreview(null);
    setPrior(null);
    if (!file || !profile) return;
    let live = true;
    void send({ kind: 'preview-payments', text: file.text, fileName: file.name, profile, settlement: settlementPence, maxLines: 10 }).then(async (o) => {
      if (!live || o.kind !== 'payments-preview') return;
      setPreview(o.preview);
      // The ledger is asked now, so the preview says whether the file or any payment was imported before.
      const prepared = await send({ kind: 'prepare-payments', text: file.text, fileName: file.name, profile, settlement: settlementPence });
      if (!live || prepared.kind !== 'payments-prepared') return;
      try {
        const matches = store ? await store.findImports(prepared.hash, prepared.keys) : findInLedger(sessionLedger.current, prepared.hash, prepared.keys);
        if (live) setPrior(priorOf(matches));
      } catch {
        // The ledger is asked again inside the post, which refuses with the reason.
      }
    });
    return () => {
      live = false;
    };
  }, [file, profile, settlementPence, send, store]);

  const clear = () => {
    setPosted(null);
    setRefused(null);
  };

  async function choose(f: File): Promise<void> {
    // The bytes, so the encoding is found and named, never guessed as UTF-8 (Excel's plain CSV is Windows-1252).
    const decoded = decodeText(new Uint8Array(await f.arrayBuffer()));
    clear();
    setNote(null);
    if (!decoded.ok) {
      setFile(null);
      setProfileName('');
      setNote({ intent: 'error', title: `${f.name} cannot be read`, text: `${decoded.reason[0]?.toUpperCase() ?? ''}${decoded.reason.slice(1)}. Nothing was imported.` });
      return;
    }
    const text = decoded.text;
    const detected = await send({ kind: 'detect-profile', text, fileName: f.name, profiles });
    const name = detected.kind === 'profile-detected' ? detected.name : null;
    setFile({ name: f.name, text, encoding: describeEncoding(decoded.encoding) });
    // An unrecognised file shows no profile: the last file's would only speak of the wrong columns.
    setProfileName(name ?? '');
    if (!name) setNote({ intent: 'warning', title: 'Profile not recognised', text: 'No profile reads this file cleanly: choose one, or make a profile from it below.' });
  }

  /** The rent roll, read whole from the workbook as it is now, kept by the worker for the allocation; a problem in words, or null. */
  async function loadRoll(): Promise<string | null> {
    const sheet = assignment.detections.get('rentRoll')?.sheet;
    if (!sheet) return 'The workbook has no rent roll sheet to allocate payments to.';
    const loaded = await send({ kind: 'load-roll', file: host.fileName, sheets: [await host.port.readSheet(sheet)], config });
    return loaded.kind === 'roll' ? null : `The rent roll could not be read: ${failed(loaded)}.`;
  }

  async function post(): Promise<void> {
    if (!file || !profile) return;
    const refuse = (title: string, text: string) => setNote({ intent: 'error', title, text: `${text} Nothing was imported.` });
    const rollProblem = await loadRoll().catch((e: Error) => `The rent roll could not be read: ${e.message}.`);
    if (rollProblem) return refuse('No rent roll', rollProblem);
    const prepared = await send({ kind: 'prepare-payments', text: file.text, fileName: file.name, profile, settlement: settlementPence });
    if (prepared.kind !== 'payments-prepared') return refuse(`${file.name} was refused`, `${failed(prepared)}.`);
    let matches: LedgerMatches;
    try {
      matches = store ? await store.findImports(prepared.hash, prepared.keys) : findInLedger(sessionLedger.current, prepared.hash, prepared.keys);
    } catch (e) {
      return refuse('The import ledger could not be read', explainStorageError(e).message);
    }
    const done = await send({ kind: 'post-payments', ledger: matchesToData(matches), importedAt: new Date().toISOString(), config });
    if (done.kind !== 'payments-posted') return refuse(`${file.name} was refused`, `${failed(done)}.`);
    const outcome = done.outcome;
    if (!outcome.ok) {
      const errors = outcome.issues.filter((i) => i.severity === 'error');
      setPosted(null);
      setRefused(errors);
      setNote({ intent: 'error', title: `${file.name} was refused`, text: `${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported or recorded.` });
      return;
    }
    try {
      if (store) await store.recordImport(outcome.entry);
      else sessionLedger.current = { entries: [...sessionLedger.current.entries, outcome.entry] };
    } catch (e) {
      setNote({ intent: 'error', title: `${file.name} was refused`, text: explainStorageError(e).message });
      return;
    }
    setRefused(null);
    setPosted(outcome);
    setPrior(priorOf(findInLedger({ entries: [outcome.entry] }, outcome.entry.fileHash, outcome.entry.paymentKeys)));
    setHistory(store ? await store.imports().catch(() => history) : [...sessionLedger.current.entries].reverse());
    const a = outcome.run.allocation;
    setNote({
      intent: 'success',
      title: `${file.name} posted`,
      text: `${a.allocated.length} payment${a.allocated.length === 1 ? '' : 's'} allocated (${formatGBP(outcome.allocatedTotal)}), ${a.suspense.length} to suspense (${formatGBP(outcome.suspenseTotal)}). Download the files below for the housing system.`,
    });
  }

  async function saveProfile(p: ImportProfile): Promise<void> {
    if (store) await store.saveImportProfile(p as unknown as Record<string, unknown> & { name: string });
    setCustom((all) => [...all.filter((x) => x.name !== p.name), p]);
    setProfileName(p.name);
    setNote({ intent: 'success', title: `Profile ${p.name} saved`, text: 'It is offered for every file from now on.' });
  }

  return {
    file, profiles, profile, profileName, settlement, settlementPence, settlementBad, preview, posted, refused, history, note, prior,
    choose, post, saveProfile,
    chooseProfile: (name: string) => { setProfileName(name); clear(); },
    changeSettlement: (text: string) => { setSettlement(text); clear(); },
  };
}
