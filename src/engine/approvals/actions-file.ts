/**
 * The actions file: the approval log as JSON on disk or in the store. Append-only: a new version must
 * start with every event of the old one, unchanged (the hash chain proves it), so an approved action
 * can never be edited, only followed by new events.
 */
import { z } from 'zod';
import { verifyChain, type ChainedEvent } from '../audit/chain';
import type { ActionEvent } from './types';

export const ACTIONS_FORMAT = 'housing-ledger-actions';

export interface ActionsFile {
  readonly format: typeof ACTIONS_FORMAT;
  readonly version: 1;
  readonly events: readonly ActionEvent[];
}

const line = z.object({ account: z.string(), code: z.string(), category: z.string(), amount: z.number().int(), description: z.string() }).strict();
const request = z
  .object({
    kind: z.string(),
    reason: z.string(),
    evidence: z.array(z.string()),
    amount: z.number().int(),
    accounts: z.array(z.string()),
    postings: z.array(line),
    details: z.record(z.string(), z.unknown()),
  })
  .strict();
const base = { id: z.string().min(1), by: z.string(), at: z.string(), prev: z.string(), hash: z.string() };
const event = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('requested'), request, digest: z.string() }).strict(),
  z.object({ ...base, type: z.literal('amended'), request, digest: z.string(), note: z.string() }).strict(),
  z.object({ ...base, type: z.literal('approved'), digest: z.string(), role: z.string().nullable(), note: z.string() }).strict(),
  z.object({ ...base, type: z.literal('rejected'), digest: z.string(), note: z.string() }).strict(),
  z.object({ ...base, type: z.literal('posted'), digest: z.string(), date: z.string(), postings: z.array(line) }).strict(),
]);
const fileSchema = z.object({ format: z.literal(ACTIONS_FORMAT), version: z.literal(1), events: z.array(event) }).strict();

export type ActionsFileRead = { readonly ok: true; readonly file: ActionsFile } | { readonly ok: false; readonly problems: readonly string[] };

export function emptyActionsFile(): ActionsFile {
  return { format: ACTIONS_FORMAT, version: 1, events: [] };
}

/** Reads a parsed actions file: its shape, then its chain. */
export function readActionsFile(json: unknown): ActionsFileRead {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`) };
  const events = parsed.data.events as unknown as ActionEvent[];
  const check = verifyChain(events as unknown as readonly ChainedEvent[]);
  if (!check.intact) return { ok: false, problems: [`events.${check.brokenAt}: the event does not follow from the one before (${check.why}): the file has been edited`] };
  return { ok: true, file: { format: ACTIONS_FORMAT, version: 1, events } };
}

/** True when `next` keeps every event of `previous`, in order and unchanged, and only adds after them. */
export function isAppendOnly(previous: readonly ActionEvent[], next: readonly ActionEvent[]): boolean {
  if (next.length < previous.length) return false;
  return previous.every((e, i) => next[i]?.hash === e.hash);
}

/** The file's JSON text (two-space indent, a final newline). */
export function actionsFileText(file: ActionsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
