/**
 * Job: bring a CLI actions file into the pane's log (the pane's Import an actions file). The file
 * is read and its chain verified first (an edited file is refused whole); then the two logs are
 * compared from where they parted (approvals/merge-logs): actions changed only in the file come
 * over whole, actions changed on both sides are conflicts, shown and left as they are here. The
 * job returns the plan; the pane appends its events only when the person confirms.
 */
import { readActionsFile } from '../approvals/actions-file';
import { actionStates } from '../approvals/approvals';
import { mergeActionLogs, type LogMerge } from '../approvals/merge-logs';
import type { ActionEvent } from '../approvals/types';
import type { LedgerConfig } from '../config';
import { stateLine } from './actions-list';

export interface ActionsImportInput {
  readonly log: readonly ActionEvent[];
  readonly fileName: string;
  readonly fileText: string;
  readonly config: LedgerConfig;
}

export type ActionsImportResult =
  | { readonly ok: true; readonly merge: LogMerge; readonly lines: readonly string[]; readonly text: string }
  | { readonly ok: false; readonly summary: string; readonly problems: readonly string[] };

export function runActionsImport(input: ActionsImportInput): ActionsImportResult {
  let json: unknown;
  try {
    json = JSON.parse(input.fileText);
  } catch (e) {
    return { ok: false, summary: `${input.fileName} is not an actions file`, problems: [`not JSON: ${(e as Error).message}`] };
  }
  const read = readActionsFile(json);
  if (!read.ok) return { ok: false, summary: `${input.fileName} was refused: nothing was imported`, problems: read.problems };
  const merge = mergeActionLogs(input.log, read.file.events);
  const after = actionStates([...input.log, ...merge.events], input.config.approvals);
  const lines = merge.imported.map((id) => after.find((s) => s.id === id)).filter((s) => s !== undefined).map(stateLine);
  const text = [
    `${input.fileName}: ${merge.events.length} event(s) of ${merge.imported.length} action(s) to bring over${merge.conflicts.length ? `, ${merge.conflicts.length} conflict(s) left as they are here` : ''}${merge.same.length ? `, ${merge.same.length} already the same here` : ''}`,
    ...merge.conflicts.map((c) => `  conflict: ${c.why}`),
  ].join('\n');
  return { ok: true, merge, lines, text };
}
