/** The messages above the steps, and the polite live region screen readers hear. */
import { useCallback, useState } from 'react';
import { STORAGE_WARNING, type Notice } from '../pane-state';

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [announce, setAnnounce] = useState('');
  const notify = useCallback((n: Notice) => {
    // One message at a time, but a warning that sessions are not being saved stays until dismissed.
    setNotices((all) => [...all.filter((x) => x.title !== n.title && x.title === STORAGE_WARNING), n]);
    setAnnounce(`${n.title}. ${n.text}`);
  }, []);
  const dismiss = useCallback((n: Notice) => setNotices((all) => all.filter((x) => x !== n)), []);
  return { notices, announce, notify, dismiss, setAnnounce };
}
