/**
 * The WorkbookPort: how the product reads the user's sheets and writes its own. Implemented by the
 * xlsx adapter (exceljs: files, CLI, standalone page) and the Excel adapter (office-js).
 */
import type { RawCell, SheetData } from '../engine/cells';
import type { SheetSpec } from '../engine/sheet-spec';

export interface SheetInfo {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** The key of the SheetSpec this sheet was written from, when the product wrote it; null for the user's own sheets. */
  readonly productKey: string | null;
}

export interface ReadProgress {
  readonly sheet: string;
  readonly rowsRead: number;
  readonly rowsTotal: number;
}

/** Writing sheets: rows written so far of all the sheets asked for. */
export interface WriteProgress {
  readonly sheet: string;
  readonly rowsWritten: number;
  readonly rowsTotal: number;
}

/** A read's stop: an adapter checks the signal between its blocks and rejects with its reason. */
export interface ReadOptions {
  readonly signal?: AbortSignal;
}

/**
 * A write's stop and progress. An adapter that honours the signal leaves nothing half-done: the
 * sheets it already wrote are removed again and the sheets they were to replace are kept, and it
 * rejects with the signal's reason. Past its last point of return it finishes and ignores the signal.
 */
export interface WriteOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: WriteProgress) => void;
}

/**
 * Throws the signal's reason (an AbortError) once it is aborted. AbortSignal.throwIfAborted does
 * the same but is missing from older webviews (Safari before 15.4, which Office on an older Mac uses).
 */
export function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** What a stopped read or write rejects with: the signal's reason, or an AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was cancelled.', 'AbortError');
}

/** True when `e` is the rejection of a read or write stopped by `signal` (not a failure to report). */
export function wasCancelled(e: unknown, signal: AbortSignal | undefined): boolean {
  return Boolean(signal?.aborted) && (e === signal?.reason || (e as { name?: string } | null)?.name === 'AbortError');
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string, onProgress?: (p: ReadProgress) => void, options?: ReadOptions): Promise<SheetData>;
  /**
   * The first `rows` rows of the sheet's used range (all of it when shorter): enough to recognise
   * its headers without reading every cell. A port without it is read whole.
   */
  readSheetTop?(name: string, rows: number, options?: ReadOptions): Promise<SheetData>;
  /**
   * Writes the sheets. A sheet the product wrote before under the same key is replaced; a user's
   * sheet is never changed (a name clash gets a new name instead).
   */
  writeSheets(specs: readonly SheetSpec[], options?: WriteOptions): Promise<void>;
  /**
   * "Show in sheet": activates the sheet and selects one cell, given 1-based as an issue's location
   * gives it. Only an adapter over a workbook open in Excel has a selection to set; callers check
   * that the method is there.
   */
  selectCell?(sheet: string, row: number, column: number): Promise<void>;
  /**
   * Hands the user's sheets straight to another worker over `target` (SendsUserSheets): only a
   * port whose workbook lives off the page has it; callers check that it is there and read the
   * sheets with readUserSheets otherwise.
   */
  sendUserSheets?: SendsUserSheets['sendUserSheets'];
  /**
   * Hands the named sheets (the pack just written) to another worker over `target`, as
   * sendUserSheets hands the user's: the page neither reads nor clones them. Optional as that is.
   */
  sendSheets?(names: readonly string[], target: MessagePort, options?: SendOptions): Promise<void>;
}

/**
 * What crosses a MessageChannel from a workbook held off the page (the standalone page's workbook
 * worker) straight to the engine's worker, so the page never holds or clones the cells: each user
 * sheet in blocks of rows (at least one block a sheet, even an empty one), then 'end' with the
 * sheets' names in the workbook's order, or 'failed' with the reason in words.
 */
export type SheetStreamMessage =
  | { readonly kind: 'part'; readonly name: string; readonly originRow: number; readonly originCol: number; readonly rows: readonly (readonly RawCell[])[] }
  | { readonly kind: 'end'; readonly names: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

/** What the page keeps of sheets handed over: the top rows (header recognition) and each sheet's row count. */
export interface HandedSheets {
  readonly tops: readonly SheetData[];
  readonly rowCounts: Readonly<Record<string, number>>;
}

/** Handing the user's sheets over: progress in rows of each sheet, and a stop between blocks. */
export interface SendOptions extends ReadOptions {
  readonly onProgress?: (sheet: string, fraction: number) => void;
}

/**
 * An optional capability of a port whose workbook lives off the page: the user's sheets (the
 * product's own left out, as readUserSheets leaves them) are posted to `target` as
 * SheetStreamMessage blocks. Resolves, once 'end' was posted, with what the page keeps; rejects
 * with the signal's reason when stopped (then 'failed' was posted), or with the read's failure.
 */
export interface SendsUserSheets {
  sendUserSheets(target: MessagePort, topRows: number, options?: SendOptions): Promise<HandedSheets>;
}
