/**
 * Sign-offs bound to what the pane shows (issue 11): the digest of the content now (the engine's
 * contentDigest; null until the run's fingerprints are in), and, the moment it moves away from a
 * standing signature's, the void recorded on the session naming the change that moved it (each
 * change sets `lastChange` before it happens).
 */
import { useEffect, useRef } from 'react';
import type { LedgerConfig } from '../../engine/config';
import type { ReconcileResult } from '../../engine/reconcile/types';
import { contentDigest } from '../../engine/signoff/bound-signoffs';
import type { Resolution } from '../../engine/suspense/review-queue';
import type { RunState } from '../pane-state';
import type { SessionApi } from './useSession';

export function useBoundSignOffs(args: {
  readonly run: RunState;
  readonly result: ReconcileResult | null;
  /** The parsed settings (null while they are not valid). */
  readonly config: LedgerConfig | null;
  readonly resolutions: Readonly<Record<string, Resolution>> | null;
  readonly period: string;
  readonly actor: string;
  readonly sessions: SessionApi;
}) {
  const { run, result, config, resolutions, period, actor, sessions } = args;
  const { session } = sessions;
  const fingerprints = run.state === 'done' && run.sources.length > 0 && run.sources.every((x) => x.sha256) ? Object.fromEntries(run.sources.map((x) => [x.sheet, x.sha256])) : null;
  const digest = result && fingerprints && config ? contentDigest({ fingerprints, config, result, resolutions }) : null;
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
