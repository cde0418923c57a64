/**
 * Sign-offs bound to what the pane shows (issue 11): the digest of the content now (the engine's
 * contentDigest; null until the run's fingerprints are in), and, the moment it moves away from a
 * standing signature's, the void recorded on the session naming the change that moved it (each
 * change sets `lastChange` before it happens).
 *
 * Hashing the content (the result, every suspense decision) costs tens of milliseconds at a large
 * landlord's scale (issue 12: the page is never held over 100 ms), so it is done once per change, not
 * per render, and only while something needs it: on the sign-off step, or while the session holds a
 * standing signature (a change must void it at once). Elsewhere the digest is null: nothing is
 * signed or voided there.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { LedgerConfig } from '../../engine/config';
import type { ReconcileResult } from '../../engine/reconcile/types';
import { contentDigest, type StoredSignOff } from '../../engine/signoff/bound-signoffs';
import type { Resolution } from '../../engine/suspense/review-queue';
import type { RunState } from '../pane-state';
import type { SessionApi } from './useSession';

/** Whether any sign-off still stands for some content (a change to the content must void it). */
export function holdsStandingSignOff(signOffs: readonly StoredSignOff[] | undefined): boolean {
  return (signOffs ?? []).some((o) => !o.voided && o.digest !== undefined);
}

export function useBoundSignOffs(args: {
  readonly run: RunState;
  readonly result: ReconcileResult | null;
  /** The parsed settings (null while they are not valid). */
  readonly config: LedgerConfig | null;
  readonly resolutions: Readonly<Record<string, Resolution>> | null;
  readonly period: string;
  readonly actor: string;
  readonly sessions: SessionApi;
  /** Whether the sign-off step is shown (it shows whether each signature stands, and signs). */
  readonly signing: boolean;
}) {
  const { run, result, config, resolutions, period, actor, sessions, signing } = args;
  const { session } = sessions;
  const sources = run.state === 'done' ? run.sources : null;
  const wanted = signing || (session?.period === period && holdsStandingSignOff(session.signOffs));
  const digest = useMemo(() => {
    if (!wanted || !result || !config || !sources || sources.length === 0 || !sources.every((x) => x.sha256)) return null;
    const fingerprints = Object.fromEntries(sources.map((x) => [x.sheet, x.sha256]));
    return contentDigest({ fingerprints, config, result, resolutions });
  }, [wanted, result, config, sources, resolutions]);
  const lastChange = useRef<string | null>(null);
  // The digest a void is already being recorded for: a session saved meanwhile must not record it twice.
  const voiding = useRef<string | null>(null);
  useEffect(() => {
    if (!digest || !session || session.period !== period || voiding.current === digest) return;
    if (!session.signOffs.some((o) => !o.voided && o.digest !== undefined && o.digest !== digest)) return;
    voiding.current = digest;
    void sessions.voidIfChanged(session, actor, digest, lastChange.current ?? 'the figures changed');
    // Only a new digest (or a new session, or new sign-offs) is a change; the hook's functions change every render.
  }, [digest, session?.id, session?.signOffs]);
  return { digest, lastChange };
}
