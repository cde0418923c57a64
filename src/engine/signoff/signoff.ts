/**
 * Sign-offs bound to what was signed, and the hash-chained trail of what people did (issue 11).
 *
 * Rules:
 * - The preparer signs first; the reviewer signs the same digest and is a different person (names
 *   compared by samePerson: case, spacing, punctuation and accents never make one person two).
 * - A NOT BALANCED reconciliation is signed only with a written reason, kept with the signature.
 * - Any change after signing (recordChange with content whose digest differs) voids every standing
 *   signature; the void names the change, and the trail records it. Voided signatures stay on the
 *   record (who signed what, and why it no longer stands); new signatures may follow.
 * - Trail events name what they touched: item, account, amount (pence), from and to.
 * A typed name is an attestation, not a login (docs/signing.md).
 */
import { samePerson } from '../audit/people';
import { appendEvent, verifyChain, type ChainCheck, type ChainedEvent } from '../audit/chain';
import { formatGBP, type Pence } from '../money';

export type SignRole = 'preparer' | 'reviewer';

export interface SignOff {
  readonly role: SignRole;
  readonly name: string;
  /** ISO timestamp. */
  readonly at: string;
  /** The digest of the content signed. */
  readonly digest: string;
  /** Required when the status signed was NOT BALANCED. */
  readonly reason: string | null;
  /** Set when a later change voided it: what changed, and when. */
  readonly voided: { readonly at: string; readonly by: string } | null;
}

/** One thing a person did; fields absent when they do not apply. */
export interface TrailBody {
  readonly [key: string]: unknown;
  readonly at: string;
  readonly who: string;
  /** e.g. 'item-added', 'item-removed', 'suggestion-accepted', 'suspense-allocated', 'signed', 'signoffs-voided'. */
  readonly action: string;
  readonly item?: string;
  readonly account?: string;
  readonly amount?: Pence;
  readonly from?: string;
  readonly to?: string;
  /** The sentence a reviewer reads. */
  readonly message: string;
}

export type TrailEvent = ChainedEvent<TrailBody>;

export interface SignOffState {
  readonly signOffs: readonly SignOff[];
  readonly trail: readonly TrailEvent[];
}

export const EMPTY_SIGNOFF_STATE: SignOffState = { signOffs: [], trail: [] };

export type SignRefusal = 'empty-name' | 'preparer-first' | 'same-person' | 'reason-required' | 'already-signed';

export type SignOutcome = { readonly ok: true; readonly state: SignOffState; readonly signOff: SignOff } | { readonly ok: false; readonly code: SignRefusal; readonly message: string };

/** The signatures that still stand for this digest (not voided, same digest). */
export function standingSignOffs(state: SignOffState, digest: string): SignOff[] {
  return state.signOffs.filter((s) => s.voided === null && s.digest === digest);
}

/** Each sign-off with whether it stands for the content whose digest is given. */
export function signOffValidity(state: SignOffState, digest: string): { role: SignRole; name: string; valid: boolean; why: string | null }[] {
  return state.signOffs.map((s) => ({
    role: s.role,
    name: s.name,
    valid: s.voided === null && s.digest === digest,
    why: s.voided ? `void: ${s.voided.by}` : s.digest !== digest ? 'void: changed after signing' : null,
  }));
}

/** Signs the content whose digest is given, under the rules above. */
export function sign(
  state: SignOffState,
  req: { readonly role: SignRole; readonly name: string; readonly at: string; readonly reason?: string | null },
  digest: string,
  status: 'BALANCED' | 'NOT BALANCED',
): SignOutcome {
  const name = req.name.trim();
  if (name === '') return { ok: false, code: 'empty-name', message: 'Type your name to sign.' };
  const reason = req.reason?.trim() ? req.reason.trim() : null;
  const standing = standingSignOffs(state, digest);
  const preparer = standing.find((s) => s.role === 'preparer');
  if (standing.some((s) => s.role === req.role)) {
    return { ok: false, code: 'already-signed', message: `This reconciliation already has a ${req.role}'s signature for these figures.` };
  }
  if (req.role === 'reviewer') {
    if (!preparer) return { ok: false, code: 'preparer-first', message: 'The preparer signs first; the reviewer signs the same figures after.' };
    if (samePerson(preparer.name, name)) {
      return { ok: false, code: 'same-person', message: `The reviewer must be a different person from the preparer (${preparer.name}).` };
    }
  }
  if (status === 'NOT BALANCED' && reason === null) {
    return { ok: false, code: 'reason-required', message: 'The reconciliation is NOT BALANCED: write the reason you sign it anyway.' };
  }
  const signOff: SignOff = { role: req.role, name, at: req.at, digest, reason, voided: null };
  const event = appendEvent<TrailBody>(state.trail, {
    at: req.at,
    who: name,
    action: 'signed',
    to: digest,
    message: `Signed as ${req.role} by ${name}${reason ? ` (NOT BALANCED; reason: ${reason})` : ''}; digest ${digest.slice(0, 12)}`,
  });
  return { ok: true, signOff, state: { signOffs: [...state.signOffs, signOff], trail: [...state.trail, event] } };
}

/**
 * Records a change on the trail; when the content's new digest differs from a standing signature's,
 * every standing signature is voided, naming this change, and the void is recorded too.
 */
export function recordChange(state: SignOffState, change: TrailBody, newDigest: string): SignOffState {
  let trail: TrailEvent[] = [...state.trail, appendEvent<TrailBody>(state.trail, change)];
  const toVoid = state.signOffs.filter((s) => s.voided === null && s.digest !== newDigest);
  if (toVoid.length === 0) return { signOffs: state.signOffs, trail };
  const by = `${change.message} (${change.who || 'someone'}, ${change.at})`;
  const signOffs = state.signOffs.map((s) => (toVoid.includes(s) ? { ...s, voided: { at: change.at, by } } : s));
  trail = [
    ...trail,
    appendEvent<TrailBody>(trail, {
      at: change.at,
      who: change.who,
      action: 'signoffs-voided',
      message: `Signatures void (${toVoid.map((s) => `${s.role} ${s.name}`).join(', ')}): changed after signing: ${change.message}`,
    }),
  ];
  return { signOffs, trail };
}

/** A change's sentence naming what it touched, for callers building a TrailBody. */
export function describeChange(c: { action: string; item?: string; account?: string; amount?: Pence; from?: string; to?: string }): string {
  const parts = [c.action.replace(/-/g, ' ')];
  if (c.item) parts.push(`item ${c.item}`);
  if (c.account) parts.push(`account ${c.account}`);
  if (c.amount !== undefined) parts.push(formatGBP(c.amount));
  if (c.from !== undefined || c.to !== undefined) parts.push(`from ${c.from || '(none)'} to ${c.to || '(none)'}`);
  return parts.join(', ');
}

/** Whether the trail's chain holds. */
export function checkTrail(state: SignOffState): ChainCheck {
  return verifyChain(state.trail);
}

/** What a pack shows in place of the names: the names when they stand, else the void notice. */
export function signatureLines(state: SignOffState, digest: string): { role: SignRole; text: string }[] {
  const latest = (role: SignRole): SignOff | undefined => [...state.signOffs].reverse().find((s) => s.role === role);
  return (['preparer', 'reviewer'] as const).map((role) => {
    const s = latest(role);
    if (!s) return { role, text: '' };
    if (s.voided !== null || s.digest !== digest) return { role, text: 'signatures void: changed after signing' };
    return { role, text: `${s.name}, ${s.at}${s.reason ? ` (reason: ${s.reason})` : ''}` };
  });
}
