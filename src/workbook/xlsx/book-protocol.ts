/**
 * The messages between the standalone page and its workbook worker (./book-worker.ts), which holds
 * the user's workbook in exceljs off the page's thread: opening the .xlsx bytes, the sheet list,
 * sheets in blocks of rows (for the engine) and windows of display text (for the grid), the pack's
 * sheet writes, and zipping the workbook for download. Plain data only: it crosses postMessage.
 */
import type { RawCell, SheetData } from '../../engine/cells';
import type { SheetSpec } from '../../engine/sheet-spec';
import type { SheetInfo } from '../port';

export type BookRequest =
  /**
   * The file's bytes, transferred (not copied) to the worker, or the file itself (a Blob: the worker
   * reads its bytes, so the page's thread never takes in a large file).
   */
  | { readonly kind: 'open'; readonly id: number; readonly bytes: ArrayBuffer | Blob }
  | { readonly kind: 'list'; readonly id: number }
  /** Rows `from`..`from + count` (0-based within the used range) of a sheet's raw cells. */
  | { readonly kind: 'rows'; readonly id: number; readonly sheet: string; readonly from: number; readonly count: number }
  /** The same rows as the grid shows them: text formatted as Excel would (dates, money). */
  | { readonly kind: 'window'; readonly id: number; readonly sheet: string; readonly from: number; readonly count: number }
  /**
   * Sheet specs to write, sent a few at a time so no one message holds the page's thread; they are
   * written together (names planned across all of them) when `more` is false, in blocks of rows with
   * progress ('progress': the sheet's name, the fraction of all rows written) and a 'stop' between.
   */
  | { readonly kind: 'write'; readonly id: number; readonly specs: readonly SheetSpec[]; readonly more: boolean; /** The first part of a write: parts left from a stopped one are dropped. */ readonly first?: boolean }
  /** More rows of the last spec sent (a large sheet crosses in parts of WRITE_PART_ROWS rows). */
  | { readonly kind: 'write-rows'; readonly id: number; readonly rows: SheetSpec['rows']; readonly more: boolean }
  /** The workbook zipped in steps a 'stop' ends: as bytes, or as a Blob of `type` for the page to download as it is. */
  | { readonly kind: 'save'; readonly id: number; readonly type?: string }
  /**
   * The user's sheets posted to `target` (transferred: the other end is the engine worker's) as
   * SheetStreamMessage blocks; answered with 'handed' (the tops and row counts the page keeps).
   */
  | { readonly kind: 'send'; readonly id: number; readonly target: MessagePort; readonly topRows: number; /** These sheets (the pack just written), not the user's. */ readonly names?: readonly string[] }
  /** Stops the 'send', 'write' or 'save' of id `of` between two steps (taken at once, not queued behind it). */
  | { readonly kind: 'stop'; readonly id: number; readonly of: number };

/** Rows of a spec a 'write' or 'write-rows' message carries: the page clones a part in a few milliseconds. */
export const WRITE_PART_ROWS = 2_000;

/** A block of a sheet's rows; `total` and the origin say where it sits in the used range. */
export interface RowsBlock {
  readonly name: string;
  readonly originRow: number;
  readonly originCol: number;
  readonly total: number;
  readonly width: number;
  readonly rows: RawCell[][];
}

/** What the grid draws for a block of rows: each cell's text, and whether it is a number (right-aligned). */
export interface WindowBlock {
  readonly name: string;
  readonly originRow: number;
  readonly originCol: number;
  /** Rows and columns in the sheet's used range. */
  readonly total: number;
  readonly width: number;
  readonly from: number;
  readonly text: readonly (readonly string[])[];
  readonly numeric: readonly (readonly boolean[])[];
}

export type BookResponse =
  | { readonly kind: 'progress'; readonly id: number; readonly text: string; readonly fraction?: number }
  | { readonly kind: 'sheets'; readonly id: number; readonly sheets: readonly SheetInfo[] }
  | { readonly kind: 'rows'; readonly id: number; readonly block: RowsBlock }
  | { readonly kind: 'window'; readonly id: number; readonly block: WindowBlock }
  /** The specs were written (or, with `more`, kept until the last part comes). */
  | { readonly kind: 'written'; readonly id: number }
  /** The zipped workbook, transferred. */
  | { readonly kind: 'saved'; readonly id: number; readonly bytes: ArrayBuffer }
  /** The zipped workbook as a Blob (made in the worker: the page neither copies nor holds the bytes). */
  | { readonly kind: 'saved-file'; readonly id: number; readonly file: Blob }
  | { readonly kind: 'failure'; readonly id: number; readonly message: string }
  /** The user's sheets were all posted to the engine worker: what the page keeps of them. */
  | { readonly kind: 'handed'; readonly id: number; readonly tops: readonly SheetData[]; readonly rowCounts: Readonly<Record<string, number>> };

/** Whether an 'open' was given the file itself (read by the worker) rather than its bytes (by shape: a test's fake worker may be in another realm). */
export function isBlob(bytes: ArrayBuffer | Blob): bytes is Blob {
  return typeof (bytes as Blob).arrayBuffer === 'function';
}

/** What the page needs of a Worker (a fake in tests runs the handler in-process). */
export interface BookWorkerLike {
  postMessage(message: BookRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: BookResponse }) => void) | null;
}
