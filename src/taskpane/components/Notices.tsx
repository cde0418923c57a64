/** The messages above the steps, each dismissable, and the live region that reads them out. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Notice } from '../pane-state';

const useStyles = makeStyles({
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export function Notices({ notices, announce, onDismiss }: { readonly notices: readonly Notice[]; readonly announce: string; readonly onDismiss: (n: Notice) => void }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.live} aria-live="polite" role="status">
        {announce}
      </div>
      {notices.length > 0 && (
        <section aria-label="Messages" className={styles.notices}>
          {notices.map((n) => (
            <MessageBar key={n.title} intent={n.intent} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{n.title}</MessageBarTitle> {n.text}
              </MessageBarBody>
              <Button size="small" appearance="transparent" onClick={() => onDismiss(n)} aria-label={`Dismiss: ${n.title}`}>
                Dismiss
              </Button>
            </MessageBar>
          ))}
        </section>
      )}
    </>
  );
}
