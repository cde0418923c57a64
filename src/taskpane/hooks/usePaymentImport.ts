/**
 * A payment file's import as the pane drives it: the file chosen (read in this browser), its import
 * profile (detected, or chosen), the settlement, the preview, Check and post against the import
 * ledger in the store, and the import history.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SheetData } from '../../engine/cells';
import type { LedgerConfig } from '../../engine/config';
import { formatGBP, parsePence, type Pence } from '../../engine/money';
import { RollIndex } from '../../engine/payments/allocate-payments';
import { EMPTY_LEDGER, findInLedger, type ImportLedgerEntry } from '../../engine/payments/import-ledger';
import { postingsCsv, summaryCsv, suspenseCsv } from '../../engine/payments/payment-outputs';
import type { PaymentIssue } from '../../engine/payments/payment-issues';
import { completePaymentFile, preparePaymentFile, previewImport } from '../../engine/payments/process-payment-file';
import { parseProfile, SHIPPED_PROFILES, type ImportProfile } from '../../engine/payments/profile';
import type { RoleAssignment } from '../../engine/sources/detect';
import { readRentRollOnly } from '../../engine/sources/read-sources';
import type { LedgerStore } from '../../store/ledger-store';
import type { PostedFile } from '../components/payments/PostedResult';
import type { PaneHost } from '../host';

export interface PaymentNote {
  readonly intent: 'success' | 'error' | 'warning';
  readonly title: string;
  readonly text: string;
}

/** The profile that reads the file with no error and the most lines: a suggestion the person can change. */
function detectProfile(text: string, profiles: readonly ImportProfile[], name: string): string | null {
  let best: { name: string; score: number } | null = null;
  for (const p of profiles) {
    const r = previewImport(text, p, { fileName: name, maxLines: 0 });
    const errors = r.issues.filter((i) => i.severity === 'error').length;
    const score = r.count > 0 ? r.count * 10 - errors * 1000 : -1e9;
    if (!best || score > best.score) best = { name: p.name, score };
  }
  return best && best.score > 0 ? best.name : null;
}

export function usePaymentImport(host: Pick<PaneHost, 'port' | 'fileName'>, assignment: RoleAssignment, config: LedgerConfig, store: LedgerStore | null) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [custom, setCustom] = useState<ImportProfile[]>([]);
  const [profileName, setProfileName] = useState('');
  const [settlement, setSettlement] = useState('');
  const [posted, setPosted] = useState<PostedFile | null>(null);
  const [refused, setRefused] = useState<readonly PaymentIssue[] | null>(null);
  const [history, setHistory] = useState<ImportLedgerEntry[]>([]);
  const [note, setNote] = useState<PaymentNote | null>(null);
  const sessionLedger = useRef(EMPTY_LEDGER);

  const profiles = useMemo(() => [...SHIPPED_PROFILES.values(), ...custom], [custom]);
  const profile = profiles.find((p) => p.name === profileName) ?? null;
  const settlementPence = settlement.trim() ? parsePence(settlement.replace(/[£,\s]/g, '')) : null;
  const settlementBad = settlement.trim() !== '' && settlementPence === null;
  const preview = useMemo(
    () => (file && profile ? previewImport(file.text, profile, { fileName: file.name, maxLines: 10, settlement: settlementPence }) : null),
    [file, profile, settlementPence],
  );

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

  const clear = () => {
    setPosted(null);
    setRefused(null);
  };

  async function choose(f: File): Promise<void> {
    const text = await f.text();
    setFile({ name: f.name, text });
    clear();
    setNote(null);
    const detected = detectProfile(text, profiles, f.name);
    setProfileName(detected ?? profileName);
    if (!detected) setNote({ intent: 'warning', title: 'Profile not recognised', text: 'No profile reads this file cleanly: choose one, or make a profile from it below.' });
  }

  /** The rent roll, read whole from the workbook as it is now. */
  async function readRoll(): Promise<RollIndex | null> {
    const sheet = assignment.detections.get('rentRoll')?.sheet;
    if (!sheet) return null;
    const whole: SheetData = await host.port.readSheet(sheet);
    const roll = readRentRollOnly(host.fileName, [whole], config)?.sheet.records;
    return roll ? new RollIndex(roll) : null;
  }

  async function post(): Promise<void> {
    if (!file || !profile) return;
    const index = await readRoll().catch(() => null);
    if (!index) {
      setNote({ intent: 'error', title: 'No rent roll', text: 'The workbook has no rent roll sheet to allocate payments to. Nothing was imported.' });
      return;
    }
    const prepared = preparePaymentFile(file.text, profile, file.name, settlementPence);
    let matches;
    try {
      matches = store ? await store.findImports(prepared.hash, prepared.keys) : findInLedger(sessionLedger.current, prepared.hash, prepared.keys);
    } catch (e) {
      setNote({ intent: 'error', title: 'The import ledger could not be read', text: `${(e as Error).message} Nothing was imported.` });
      return;
    }
    const result = completePaymentFile(prepared, matches, index, new Date().toISOString(), { endedTenancies: 'suspense', match: config.suspenseMatch });
    if (!result.ok) {
      setPosted(null);
      setRefused(result.issues.filter((i) => i.severity === 'error'));
      setNote({ intent: 'error', title: `${file.name} was refused`, text: `${result.issues.filter((i) => i.severity === 'error').length} problem(s); nothing was imported or recorded.` });
      return;
    }
    try {
      if (store) await store.recordImport(result.entry);
      else sessionLedger.current = { entries: [...sessionLedger.current.entries, result.entry] };
    } catch (e) {
      setNote({ intent: 'error', title: `${file.name} was refused`, text: `${(e as Error).message}` });
      return;
    }
    const a = result.allocation;
    setRefused(null);
    setPosted({ allocation: a, csv: { postings: postingsCsv(a), suspense: suspenseCsv(a, result.read.file), summary: summaryCsv(a, result.read.file) } });
    setHistory(store ? await store.imports() : [...sessionLedger.current.entries].reverse());
    setNote({
      intent: 'success',
      title: `${file.name} posted`,
      text: `${a.allocated.length} payments allocated (${formatGBP(a.allocated.reduce((t, l) => t + l.line.amount, 0) as Pence)}), ${a.suspense.length} to suspense (${formatGBP(a.suspense.reduce((t, l) => t + l.line.amount, 0) as Pence)}). Download the files below for the housing system.`,
    });
  }

  async function saveProfile(p: ImportProfile): Promise<void> {
    if (store) await store.saveImportProfile(p as unknown as Record<string, unknown> & { name: string });
    setCustom((all) => [...all.filter((x) => x.name !== p.name), p]);
    setProfileName(p.name);
    setNote({ intent: 'success', title: `Profile ${p.name} saved`, text: 'It is offered for every file from now on.' });
  }

  return {
    file, profiles, profile, profileName, settlement, settlementPence, settlementBad, preview, posted, refused, history, note,
    choose, post, saveProfile,
    chooseProfile: (name: string) => { setProfileName(name); clear(); },
    changeSettlement: (text: string) => { setSettlement(text); clear(); },
  };
}
