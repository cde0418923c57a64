/**
 * Said on resume, before any run (issue 11): the sources changed since this session was saved, and
 * which sheets. Its own bar (not one of the messages, which show one at a time), so the "Resumed …"
 * message stays beside it; it goes when the person dismisses it or runs again (the run says it too).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { sourcesChangedText, type SourceChange } from '../../engine/signoff/resume';
import { SOURCES_CHANGED_TITLE } from '../hooks/useSourceCheck';

export function SourcesChangedBar({ changes, onDismiss }: { readonly changes: readonly SourceChange[]; readonly onDismiss: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" aria-label="Sources changed">
      <MessageBarBody>
        <MessageBarTitle>{SOURCES_CHANGED_TITLE}</MessageBarTitle> {sourcesChangedText(changes)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={onDismiss} aria-label={`Dismiss: ${SOURCES_CHANGED_TITLE}`}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
