/**
 * A button that prepares a file off the page's thread and saves it, with the progress (in words
 * and a bar, updated at most every 100 ms) and Cancel while it is prepared. Cancel aborts the
 * signal the preparation was given: the worker stops, and nothing is saved.
 */
import { Button } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { DownloadOptions } from '../download';
import { throttled } from '../throttle';
import { Progress } from './Progress';

export interface DownloadButtonProps {
  /** The button's text ("Download workbook"). */
  readonly children: string;
  /** What the progress bar is for ("Preparing the download"). */
  readonly progressLabel: string;
  /** Words shown until the first progress arrives. */
  readonly startText: string;
  /** Prepares and saves the file; rejects with the signal's reason when stopped. */
  readonly download: (options: DownloadOptions) => Promise<void>;
  /** A failure, in words (a stop is not one). */
  readonly onError: (message: string) => void;
  readonly disabled?: boolean;
  readonly appearance?: 'primary' | 'secondary';
}

export function DownloadButton({ children, progressLabel, startText, download, onError, disabled = false, appearance = 'secondary' }: DownloadButtonProps) {
  const [progress, setProgress] = useState<{ text: string; fraction?: number } | null>(null);
  const running = useRef<AbortController | null>(null);
  // A download under way when the button goes (another workbook opened) is stopped.
  useEffect(() => () => running.current?.abort(), []);

  async function start(): Promise<void> {
    if (running.current) return;
    const stop = new AbortController();
    running.current = stop;
    const report = throttled((text: string, fraction?: number) => setProgress(fraction === undefined ? { text } : { text, fraction }));
    setProgress({ text: startText });
    try {
      // Progress the worker posted before it took the stop is dropped, as is any after the end.
      await download({ signal: stop.signal, onProgress: (text, fraction) => !stop.signal.aborted && running.current === stop && report(text, fraction) });
    } catch (e) {
      if (!stop.signal.aborted) onError((e as Error).message);
    } finally {
      report.cancel();
      running.current = null;
      setProgress(null);
    }
  }

  /** Stops the worker's work; the progress goes at once (the download's own end follows). */
  const cancel = () => {
    running.current?.abort();
    setProgress(null);
  };

  return (
    <>
      <Button appearance={appearance} disabled={disabled || progress !== null} onClick={() => void start()}>
        {children}
      </Button>
      {progress && <Progress label={progressLabel} text={progress.text} {...(progress.fraction !== undefined ? { fraction: progress.fraction } : {})} onCancel={cancel} />}
    </>
  );
}
