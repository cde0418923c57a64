/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The one download button (issue 12): while the file is prepared it shows the progress in words
 * (re-rendered at most every 100 ms) with Cancel; Cancel aborts the preparation's signal, the
 * progress goes at once, and what the worker still posts after the stop is not shown; a failure
 * is said in words; the next download works.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DownloadButton } from '../../src/taskpane/components/DownloadButton';
import type { DownloadOptions } from '../../src/taskpane/download';

function setup() {
  const calls: { options: DownloadOptions; finish: () => void; fail: (e: Error) => void }[] = [];
  const errors: string[] = [];
  const download = (options: DownloadOptions) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ options, finish: resolve, fail: reject });
      options.signal.addEventListener('abort', () => reject(options.signal.reason));
    });
  render(
    <FluentProvider theme={webLightTheme}>
      <DownloadButton progressLabel="Preparing the download" startText="Zipping…" download={download} onError={(m) => errors.push(m)}>
        Download workbook
      </DownloadButton>
    </FluentProvider>,
  );
  return { calls, errors, button: () => screen.getByRole('button', { name: 'Download workbook' }) };
}

describe('the download button', () => {
  it('shows progress with Cancel; Cancel stops the work and drops later progress; the next download works', async () => {
    jest.useFakeTimers();
    try {
      const { calls, button } = setup();
      fireEvent.click(button());
      expect(screen.getByRole('status').textContent).toBe('Zipping…');
      expect((button() as HTMLButtonElement).disabled).toBe(true);
      act(() => calls[0]?.options.onProgress('Writing sheet 1 of 9…', 0.1));
      // Within 100 ms of the last shown, a report waits and only the newest is shown.
      act(() => calls[0]?.options.onProgress('Writing sheet 2 of 9…', 0.2));
      act(() => calls[0]?.options.onProgress('Writing sheet 3 of 9…', 0.3));
      expect(screen.getByRole('status').textContent).toBe('Writing sheet 1 of 9…');
      act(() => jest.advanceTimersByTime(100));
      expect(screen.getByRole('status').textContent).toBe('Writing sheet 3 of 9…');
      fireEvent.click(screen.getByRole('button', { name: 'Cancel: preparing the download' }));
      expect(calls[0]?.options.signal.aborted).toBe(true);
      expect(screen.queryByRole('status')).toBeNull();
      await act(async () => undefined);
      act(() => calls[0]?.options.onProgress('Compressing…', 0.6));
      act(() => jest.advanceTimersByTime(200));
      expect(screen.queryByRole('status')).toBeNull();
      expect((button() as HTMLButtonElement).disabled).toBe(false);
      fireEvent.click(button());
      expect(calls).toHaveLength(2);
      expect(calls[1]?.options.signal.aborted).toBe(false);
      await act(async () => calls[1]?.finish());
      expect(screen.queryByRole('status')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('says a failure in words, and a stop is not one', async () => {
    const { calls, errors, button } = setup();
    fireEvent.click(button());
    await act(async () => calls[0]?.fail(new Error('the worker stopped')));
    expect(errors).toEqual(['the worker stopped']);
    fireEvent.click(button());
    fireEvent.click(screen.getByRole('button', { name: 'Cancel: preparing the download' }));
    await act(async () => undefined);
    expect(errors).toEqual(['the worker stopped']);
  });
});
