/**
 * What the pane needs from wherever it runs: Excel (office-js adapter) or the standalone page (xlsx
 * adapter over a file in memory). The pane itself never knows which: the composition root picks the
 * workbook port, the worker and the store, and passes them here.
 */
import type { LedgerStore } from '../store/ledger-store';
import type { DownloadOptions } from './download';
import type { WorkbookPort } from '../workbook/port';
import type { WorkerLike } from '../worker/client';

export interface PaneHost {
  readonly kind: 'excel' | 'standalone';
  readonly port: WorkbookPort;
  /** Stable across sessions for the same workbook: the key its saved sessions are kept under. */
  readonly workbookId: string;
  /** The file name as the user knows it, for messages and the audit pack's Sources sheet. */
  readonly fileName: string;
  /** Selects a source cell in the workbook ("show in sheet"); 1-based row and column. */
  selectCell(sheet: string, row: number, col: number): Promise<void>;
  spawnWorker(): WorkerLike;
  /**
   * Opens the store the pane saves sessions, saved settings and the import ledger in (IndexedDB in
   * the browser; in Excel on the web its name carries Office.context.partitionKey). Rejects where
   * storage is not allowed: the pane then works without saving and says so. The pane closes it.
   */
  openStore(): Promise<LedgerStore>;
  /** The config file's JSON to start with when the workbook has no session (the demo's sample config). */
  readonly initialConfig?: Readonly<Record<string, unknown>>;
  /** Called after the pane wrote sheets into the workbook (the standalone page refreshes its view). */
  onWorkbookChanged?(): void;
  /**
   * The standalone page only: downloads the workbook in memory (with what the pane wrote into it)
   * under this name; the signal stops the zip, and nothing is saved then.
   */
  downloadWorkbook?(name: string, options?: Partial<DownloadOptions>): Promise<void>;
}
