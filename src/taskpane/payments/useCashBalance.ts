/**
 * Cash balancing as the pane drives it (issue 12 item 5): a bank statement chosen (read in this
 * browser, its encoding found), its profile detected among the statement profiles (or chosen), the
 * as-of day, optionally the open items carried from last time; then the balance-cash job, the same
 * as the CLI's `balance-cash`, runs in the worker over the import ledger's entries. Every rule is the
 * job's; this hook only gathers the inputs and keeps the answer.
 */
import { useState } from 'react';
import { DEFAULT_STATEMENT_PROFILE, type CashBalanceRun } from '../../engine/jobs/balance-cash';
import { parseDayFirst, type IsoDate } from '../../engine/dates';
import { openItemsFromJson, type OpenItem } from '../../engine/payments/cash-balance';
import { decodeText, describeEncoding } from '../../engine/payments/decode-text';
import type { ImportLedgerEntry } from '../../engine/payments/import-ledger';
import type { ImportProfile } from '../../engine/payments/profile';
import type { RequestBody, WorkerOutcome } from '../../worker/client';

type Send = (body: RequestBody) => Promise<WorkerOutcome>;

/** Today as yyyy-mm-dd in the person's own time zone (the default as-of day). */
function today(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export interface CashBalanceProblem {
  readonly title: string;
  readonly lines: readonly string[];
}

export function useCashBalance(ledger: readonly ImportLedgerEntry[], profiles: readonly ImportProfile[], config: unknown, send: Send, now: () => Date = () => new Date()) {
  const [statement, setStatement] = useState<{ name: string; text: string; encoding: string } | null>(null);
  const [profileName, setProfileName] = useState(DEFAULT_STATEMENT_PROFILE);
  const [asOfText, setAsOfText] = useState(() => today(now()));
  const [carried, setCarried] = useState<{ name: string; asOf: IsoDate; items: OpenItem[] } | null>(null);
  const [carriedProblem, setCarriedProblem] = useState<string | null>(null);
  const [run, setRun] = useState<Extract<CashBalanceRun, { ok: true }> | null>(null);
  const [problem, setProblem] = useState<CashBalanceProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const asOf = parseDayFirst(asOfText);
  const profile = profiles.find((p) => p.name === profileName) ?? null;

  async function chooseStatement(f: File): Promise<void> {
    setRun(null);
    setProblem(null);
    const decoded = decodeText(new Uint8Array(await f.arrayBuffer()));
    if (!decoded.ok) {
      setStatement(null);
      setProblem({ title: `${f.name} cannot be read`, lines: [`${decoded.reason[0]?.toUpperCase() ?? ''}${decoded.reason.slice(1)}.`] });
      return;
    }
    setStatement({ name: f.name, text: decoded.text, encoding: describeEncoding(decoded.encoding) });
    // The statement's profile: the one that reads it cleanly (the skip rules do not matter here), else the default.
    const detected = await send({ kind: 'detect-profile', text: decoded.text, fileName: f.name, profiles });
    setProfileName(detected.kind === 'profile-detected' && detected.name ? detected.name : DEFAULT_STATEMENT_PROFILE);
  }

  async function chooseCarried(f: File): Promise<void> {
    setRun(null);
    let json: unknown;
    try {
      json = JSON.parse(await f.text());
    } catch {
      json = null;
    }
    const parsed = openItemsFromJson(json);
    if (!parsed.ok) {
      setCarried(null);
      setCarriedProblem(`${f.name} is not an open-items file saved by cash balancing (open-items.json).`);
      return;
    }
    setCarriedProblem(null);
    setCarried({ name: f.name, asOf: parsed.asOf, items: parsed.items });
  }

  async function balance(): Promise<void> {
    if (!statement || !asOf) return;
    setBusy(true);
    setProblem(null);
    setRun(null);
    try {
      const o = await send({
        kind: 'balance-cash',
        statement: { text: statement.text, file: statement.name },
        profile,
        ledger: [...ledger],
        asOf,
        from: null,
        carried: carried ? { asOf: carried.asOf, items: carried.items } : null,
        channels: null,
        config,
      });
      if (o.kind === 'cash-balance') {
        if (o.run.ok) setRun(o.run);
        else setProblem({ title: `${statement.name} was not balanced`, lines: [o.run.summary[0]?.toUpperCase() + o.run.summary.slice(1), ...o.run.problems] });
      } else setProblem({ title: 'Cash balancing failed', lines: [o.kind === 'failure' ? o.message : o.kind === 'input-error' ? o.problems.join('; ') : 'The engine gave no answer.'] });
    } finally {
      setBusy(false);
    }
  }

  return {
    statement, profileName, profile, asOfText, asOf, carried, carriedProblem, run, problem, busy,
    chooseStatement, chooseCarried, balance,
    chooseProfile: (name: string) => { setProfileName(name); setRun(null); },
    changeAsOf: (text: string) => { setAsOfText(text); setRun(null); },
    dropCarried: () => { setCarried(null); setCarriedProblem(null); setRun(null); },
  };
}
