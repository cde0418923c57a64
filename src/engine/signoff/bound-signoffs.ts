/**
 * Sign-offs as the pane keeps them (issue 11): each bound to the digest of what was signed, shown void
 * the moment the content's digest differs, and voided on the record naming the change that did it.
 * The rules are signoff.ts's (preparer first, a different reviewer, a reason when NOT BALANCED); this
 * module applies them to the list a session stores, so the pane, the CLI and the tests decide alike.
 *
 * What the pane signs is the same content the CLI's pack records (digest.ts): the sources'
 * fingerprints, the settings, the reconciling items, people's suspense decisions and the figures. A
 * pack written by the CLI and opened in the pane therefore has the same digest when nothing changed.
 */
import { digestOf } from '../audit/canonical';
import type { LedgerConfig } from '../config';
import { formatGBP, type Pence } from '../money';
import type { ReconcileResult } from '../reconcile/types';
import type { Resolution } from '../suspense/review-queue';
import { signedContent, signOffDigest } from './digest';
import { sign, type SignOff, type SignRole } from './signoff';

/** A sign-off as stored: sign-offs saved before they were bound to a digest have none (never standing). */
export interface StoredSignOff {
  readonly role: SignRole;
  readonly name: string;
  readonly at: string;
  readonly digest?: string;
  readonly reason?: string | null;
  readonly voided?: { readonly at: string; readonly by: string } | null;
}

/** People's suspense decisions as signed: item, what was decided, the account, who decided and confirmed. */
export function suspenseDecisionsOf(resolutions: Readonly<Record<string, Resolution>> | null | undefined): Record<string, unknown>[] {
  return Object.keys(resolutions ?? {})
    .sort()
    .map((item) => {
      const r = (resolutions as Record<string, Resolution>)[item] as Resolution;
      return r.kind === 'allocated'
        ? { item, kind: r.kind, account: r.account, by: r.decidedBy, confirmedBy: r.confirmedBy }
        : { item, kind: r.kind, account: null, by: r.decidedBy, confirmedBy: r.decidedBy };
    });
}

/** The digest a sign-off binds to, from what the pane holds after a run. */
export function contentDigest(args: {
  readonly fingerprints: Readonly<Record<string, string>>;
  readonly config: LedgerConfig;
  readonly result: ReconcileResult;
  readonly resolutions: Readonly<Record<string, Resolution>> | null | undefined;
}): string {
  return signOffDigest(signedContent({ fingerprints: args.fingerprints, config: args.config, result: args.result, suspenseDecisions: suspenseDecisionsOf(args.resolutions) }));
}

/** Whether a stored sign-off stands for the content whose digest is given. */
export function stands(s: StoredSignOff, digest: string | null): boolean {
  return digest !== null && s.digest === digest && !s.voided;
}

function asSignOff(s: StoredSignOff): SignOff {
  return { role: s.role, name: s.name, at: s.at, digest: s.digest ?? '', reason: s.reason ?? null, voided: s.voided ?? (s.digest ? null : { at: s.at, by: 'signed before sign-offs were bound to the figures' }) };
}

export type BoundSignOutcome = { readonly ok: true; readonly signOffs: StoredSignOff[]; readonly signOff: SignOff } | { readonly ok: false; readonly message: string };

/** Signs under signoff.ts's rules; the new sign-off is added to the list (earlier ones stay on the record). */
export function signBound(
  signOffs: readonly StoredSignOff[],
  req: { readonly role: SignRole; readonly name: string; readonly at: string; readonly reason?: string | null },
  digest: string,
  status: 'BALANCED' | 'NOT BALANCED',
): BoundSignOutcome {
  const out = sign({ signOffs: signOffs.map(asSignOff), trail: [] }, req, digest, status);
  if (!out.ok) return { ok: false, message: out.message };
  return { ok: true, signOff: out.signOff, signOffs: [...signOffs, out.signOff] };
}

/** Voids every standing sign-off whose digest is not the content's now, naming the change. */
export function voidChanged(signOffs: readonly StoredSignOff[], digest: string, change: { readonly at: string; readonly by: string }): { signOffs: StoredSignOff[]; voided: StoredSignOff[] } {
  const voided = signOffs.filter((s) => !s.voided && s.digest !== undefined && s.digest !== digest);
  if (voided.length === 0) return { signOffs: [...signOffs], voided: [] };
  return { signOffs: signOffs.map((s) => (voided.includes(s) ? { ...s, voided: { at: change.at, by: change.by } } : s)), voided };
}

export interface SignOffLine {
  readonly role: SignRole;
  readonly signed: StoredSignOff | null;
  readonly valid: boolean;
  /** Why it no longer stands, in words; null when it stands or nobody signed. */
  readonly why: string | null;
}

/** The latest sign-off of each role and whether it stands: what the pane and the pack show. */
export function signOffLines(signOffs: readonly StoredSignOff[], digest: string | null): SignOffLine[] {
  return (['preparer', 'reviewer'] as const).map((role) => {
    const signed = [...signOffs].reverse().find((s) => s.role === role) ?? null;
    if (!signed) return { role, signed, valid: false, why: null };
    const valid = stands(signed, digest);
    const why = valid ? null : signed.voided ? `changed after signing: ${signed.voided.by}` : !signed.digest ? 'signed before sign-offs were bound to the figures' : 'changed after signing';
    return { role, signed, valid, why };
  });
}

/** The text the pack's Summary shows for a role: the name when it stands, else the void notice. */
export const VOID_TEXT = 'signatures void: changed after signing';

/** A hash of what a working copy holds that a workbook copy could differ in (resume.ts compares them). */
export function workingStateHash(s: {
  readonly config: Readonly<Record<string, unknown>>;
  readonly items: readonly unknown[];
  readonly resolutions: Readonly<Record<string, Resolution>> | null | undefined;
  readonly signOffs: readonly StoredSignOff[];
  /** Decisions on suggested items: only when there are some, so a copy saved before them keeps its hash. */
  readonly suggestionDecisions?: readonly unknown[] | undefined;
}): string {
  const suggestions = s.suggestionDecisions?.length ? { suggestions: s.suggestionDecisions } : {};
  const state = { config: s.config, items: s.items, ...suggestions, decisions: suspenseDecisionsOf(s.resolutions), signOffs: s.signOffs.map((x) => ({ ...x, reason: x.reason ?? null, voided: x.voided ?? null, digest: x.digest ?? null })) };
  // As JSON has it: what came through a structured clone (IndexedDB, a worker) may be another realm's objects.
  return digestOf(JSON.parse(JSON.stringify(state)));
}

/** The change between two lists of reconciling items, in the words the trail and a voided signature give. */
export function describeItemChange(before: readonly { ref: string; amount: number; explanation: string }[], after: readonly { ref: string; amount: number; explanation: string }[]): string {
  const was = new Map(before.map((i) => [i.ref, i]));
  const now = new Map(after.map((i) => [i.ref, i]));
  const parts: string[] = [];
  for (const i of after) {
    const old = was.get(i.ref);
    if (!old) parts.push(`reconciling item ${i.ref} added, ${formatGBP(i.amount as Pence)} (${i.explanation})`);
    else if (old.amount !== i.amount) parts.push(`reconciling item ${i.ref} changed from ${formatGBP(old.amount as Pence)} to ${formatGBP(i.amount as Pence)}`);
    else if (old.explanation !== i.explanation) parts.push(`reconciling item ${i.ref} explanation changed`);
  }
  for (const i of before) if (!now.has(i.ref)) parts.push(`reconciling item ${i.ref} removed, ${formatGBP(i.amount as Pence)} (${i.explanation})`);
  return parts.join('; ') || 'reconciling items saved';
}
