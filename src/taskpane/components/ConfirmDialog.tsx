/**
 * Asks before a destructive action (issue 11: removing a reconciling item, undoing many decisions at
 * once): a modal Fluent Dialog, so the focus moves into it and stays there, Escape cancels, and a
 * screen reader hears its title and what will happen. Cancel comes first in the tab order.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';

export interface ConfirmRequest {
  readonly title: string;
  /** What will happen, in money and counts where there are any. */
  readonly body: string;
  /** The destructive button's words, e.g. "Remove U1". */
  readonly action: string;
}

/** A confirm() for the pane: `await confirm({...})` is true only when the person chose the action. */
export function useConfirm(): { confirm: (r: ConfirmRequest) => Promise<boolean>; dialog: ReactElement | null } {
  const [open, setOpen] = useState<ConfirmRequest | null>(null);
  const settle = useRef<((ok: boolean) => void) | null>(null);

  function confirm(r: ConfirmRequest): Promise<boolean> {
    settle.current?.(false);
    setOpen(r);
    return new Promise((resolve) => (settle.current = resolve));
  }
  function close(ok: boolean): void {
    settle.current?.(ok);
    settle.current = null;
    setOpen(null);
  }

  const dialog = open ? (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && close(false)}>
      <DialogSurface aria-describedby="hl-confirm-body">
        <DialogBody>
          <DialogTitle>{open.title}</DialogTitle>
          <DialogContent id="hl-confirm-body">{open.body}</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={() => close(true)}>
              {open.action}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  ) : null;
  return { confirm, dialog };
}
