/**
 * Both copies of the session changed since they parted (the workbook's and this browser's): said,
 * with when each was saved, and the person chooses which to open. Nothing is merged.
 */
import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { monthLabel, ukDateTime } from '../model';
import type { SessionConflict } from '../hooks/useWorkbookSession';

export function SessionConflictCard({ conflict, onChoose }: { readonly conflict: SessionConflict; readonly onChoose: (which: 'workbook' | 'working') => void }) {
  const { inWorkbook, working } = conflict;
  return (
    <MessageBar intent="warning" layout="multiline" aria-live="polite" aria-label="Two copies of the session">
      <MessageBarBody>
        <MessageBarTitle>Two different copies of the {monthLabel(inWorkbook.period)} session</MessageBarTitle>
        <Body1 block>
          This workbook carries a session written {ukDateTime(inWorkbook.savedAt)}, and this browser holds one changed {ukDateTime(working.updatedAt)}. Both changed since they were last the same, so
          neither is newer: choose which to open. They are not merged; the other is left as it is until you write the audit pack again.
        </Body1>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => onChoose('workbook')}>
          Open the workbook’s copy
        </Button>
        <Button onClick={() => onChoose('working')}>Keep this browser’s copy</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
