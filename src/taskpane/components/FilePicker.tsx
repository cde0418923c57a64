/**
 * A button that opens the browser's file chooser: the file is read on this machine, never uploaded.
 * The input is hidden (the button is what people and screen readers meet) and reset after each
 * choice, so choosing the same file again is noticed.
 */
import { Button, type ButtonProps } from '@fluentui/react-components';
import { useRef, type ReactNode } from 'react';

export interface FilePickerProps {
  readonly children: ReactNode;
  /** The input's accept list, e.g. ".csv,text/csv". */
  readonly accept: string;
  /** The hidden input's label (what a test or an assistive tool finds it by). */
  readonly label: string;
  readonly onFile: (file: File) => Promise<void> | void;
  readonly appearance?: ButtonProps['appearance'];
  readonly disabled?: boolean;
}

export function FilePicker({ children, accept, label, onFile, appearance = 'secondary', disabled = false }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        style={{ display: 'none' }}
        type="file"
        accept={accept}
        aria-label={label}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) await onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
