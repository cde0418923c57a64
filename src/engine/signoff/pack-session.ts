/**
 * The session a written pack carries, and signing a pack from its session: the same rules as the
 * pane (signoff.ts), over the content recorded when the pack was written.
 */
import { appendEvent, chainHead } from '../audit/chain';
import type { IsoDate } from '../dates';
import { signOffLines, VOID_TEXT } from './bound-signoffs';
import { formatGBP } from '../money';
import type { MonthEndReady } from '../jobs/month-end';
import type { ReconcileResult } from '../reconcile/types';
import type { SuggestionDecision } from '../reconcile/suggestions';
import type { UserReconcilingItem } from '../config';
import { signedContent, signOffDigest } from './digest';
import type { PackImage } from './pack-check';
import { SESSION_FORMAT, type WorkbookSession } from './session-sheet';
import { sign, type SignOffState, type SignOutcome, type SignRole, type TrailBody, type TrailEvent } from './signoff';

export function packSession(
  run: MonthEndReady,
  result: ReconcileResult,
  args: {
    readonly savedAt: string;
    readonly who: string;
    readonly userItems?: readonly UserReconcilingItem[];
    readonly suggestionDecisions?: readonly SuggestionDecision[];
    readonly suspenseDecisions?: readonly Readonly<Record<string, unknown>>[];
    readonly prior?: SignOffState;
    readonly image?: PackImage;
    /** The config file's JSON as given, so the pane can resume with the same settings. */
    readonly config?: Readonly<Record<string, unknown>>;
  },
): WorkbookSession {
  const fingerprints = Object.fromEntries(run.summaries.map((s) => [s.sheet, s.sha256]));
  const content = signedContent({ fingerprints, config: run.config, result, suspenseDecisions: args.suspenseDecisions ?? [] });
  const prior = args.prior ?? { signOffs: [], trail: [] };
  const trail: TrailEvent[] = [
    ...prior.trail,
    appendEvent<TrailBody>(prior.trail, {
      at: args.savedAt,
      who: args.who,
      action: 'pack-written',
      to: signOffDigest(content),
      message: `Audit pack written for ${run.period.label}: ${result.status}, unexplained ${formatGBP(result.unexplained)}`,
    }),
  ];
  return {
    format: SESSION_FORMAT,
    savedAt: args.savedAt,
    period: run.period.label,
    file: run.sources.file,
    userItems: args.userItems ?? run.config.reconcilingItems,
    suggestionDecisions: args.suggestionDecisions ?? [],
    content,
    signOffs: prior.signOffs,
    trail,
    ...(args.image ? { image: args.image } : {}),
    ...(args.config ? { config: args.config } : {}),
  };
}

/** What the Summary's sign-off rows and trail head show for a session: names while they stand, else the void notice. */
export function summarySignOffs(session: WorkbookSession): { readonly preparer: SummarySignature; readonly reviewer: SummarySignature; readonly trailHead: string } {
  const lines = signOffLines(session.signOffs, signOffDigest(session.content));
  const cell = (role: SignRole): SummarySignature => {
    const l = lines.find((x) => x.role === role);
    if (!l?.signed) return { name: '', day: null };
    return l.valid ? { name: l.signed.name, day: l.signed.at.slice(0, 10) as IsoDate } : { name: VOID_TEXT, day: null };
  };
  return { preparer: cell('preparer'), reviewer: cell('reviewer'), trailHead: chainHead(session.trail) };
}

export interface SummarySignature {
  readonly name: string;
  readonly day: IsoDate | null;
}

/** Signs the pack's session: the digest of the content recorded, the status it records. */
export function signSession(session: WorkbookSession, req: { role: SignRole; name: string; at: string; reason?: string | null }): SignOutcome & { session?: WorkbookSession } {
  const status = session.content.figures.status === 'BALANCED' ? 'BALANCED' : 'NOT BALANCED';
  const out = sign({ signOffs: session.signOffs, trail: session.trail }, req, signOffDigest(session.content), status);
  if (!out.ok) return out;
  return { ...out, session: { ...session, savedAt: req.at, signOffs: out.state.signOffs, trail: out.state.trail } };
}
