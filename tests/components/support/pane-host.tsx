/**
 * The pane over test doubles at its ports: an in-memory workbook that counts the cells it hands out,
 * the engine's worker answering in the same thread (through structuredClone, as a real one), and a
 * store over fake-indexeddb, a fresh database per test.
 */
import './jsdom-globals';
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { RawCell, SheetData } from '../../../src/engine/cells';
import type { SheetSpec } from '../../../src/engine/sheet-spec';
import { LedgerDb } from '../../../src/store/db';
import { LedgerStore } from '../../../src/store/ledger-store';
import { Pane } from '../../../src/taskpane/components/Pane';
import type { PaneHost } from '../../../src/taskpane/host';
import type { WorkerLike } from '../../../src/worker/client';
import { handleRequest, SheetParts } from '../../../src/worker/handle';
import type { WorkerRequest } from '../../../src/worker/protocol';
import type { SheetInfo, WorkbookPort } from '../../../src/workbook/port';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/xlsx-workbook';

export class MemoryWorkbook implements WorkbookPort {
  /** Cells handed out by reads, and the specs written (newest write last). */
  cellsRead = 0;
  readonly written: SheetSpec[][] = [];
  readonly selected: { sheet: string; row: number; col: number }[] = [];

  constructor(readonly sheets: { name: string; rows: RawCell[][] }[]) {}

  async listSheets(): Promise<SheetInfo[]> {
    const ours = new Set(this.written.flat().map((s) => s.name));
    return this.sheets.map((s) => ({ name: s.name, rowCount: s.rows.length, colCount: Math.max(0, ...s.rows.map((r) => r.length)), productKey: ours.has(s.name) ? s.name : null }));
  }

  private data(name: string, rows: number): SheetData {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet named '${name}'`);
    const out = sheet.rows.slice(0, rows);
    for (const r of out) this.cellsRead += r.length;
    return { name, originRow: 1, originCol: 1, rows: out };
  }

  async readSheet(name: string): Promise<SheetData> {
    return this.data(name, Number.POSITIVE_INFINITY);
  }

  async readSheetTop(name: string, rows: number): Promise<SheetData> {
    return this.data(name, rows);
  }

  async writeSheets(specs: readonly SheetSpec[]): Promise<void> {
    this.written.push([...specs]);
    // Read back as a workbook would (the pane reads the pack it wrote for the session's image).
    for (const spec of specs) {
      const rows = spec.rows.map((r) => r.map(valueOf));
      const at = this.sheets.findIndex((s) => s.name === spec.name);
      if (at >= 0) this.sheets[at] = { name: spec.name, rows };
      else this.sheets.push({ name: spec.name, rows });
    }
  }
}

/** A written cell's value as a reader gets it back: money in pounds, a formula's cached result. */
function valueOf(c: SheetSpec['rows'][number][number]): RawCell {
  if (c === null) return null;
  switch (c.kind) {
    case 'text':
    case 'number':
    case 'date':
      return c.value;
    case 'money':
      return c.value / 100;
    case 'formula':
      return c.result.kind === 'money' ? c.result.value / 100 : c.result.value;
    default:
      return null;
  }
}

/** The engine's worker in this thread: requests and answers cross structuredClone, a tick apart. */
export function inThreadWorker(): WorkerLike {
  const env = { parts: new SheetParts() };
  let dead = false;
  const w: WorkerLike = {
    onmessage: null,
    postMessage(m: WorkerRequest) {
      setTimeout(() => {
        if (!dead) void handleRequest(structuredClone(m), (r) => setTimeout(() => !dead && w.onmessage?.({ data: structuredClone(r) }), 0), env);
      }, 0);
    },
    terminate() {
      dead = true;
    },
  };
  return w;
}

let dbs = 0;

export interface TestHost extends PaneHost {
  readonly port: MemoryWorkbook;
  /** The store the pane opened (a fresh database unless one is given). */
  readonly store: () => Promise<LedgerStore>;
}

/** `database` names the IndexedDB database, for a test that opens the pane twice over the same store. */
export function testHost(sheets: { name: string; rows: RawCell[][] }[], options: { store?: 'unavailable'; database?: string; workbookId?: string } = {}): TestHost {
  const port = new MemoryWorkbook(sheets);
  let opened: Promise<LedgerStore> | null = null;
  const open = (): Promise<LedgerStore> => {
    if (options.store === 'unavailable') return Promise.reject(Object.assign(new Error('The user denied permission to access the database.'), { name: 'SecurityError' }));
    opened ??= (async () => {
      const db = new LedgerDb(options.database ?? `hl-pane-test-${++dbs}-${Date.now()}`);
      await db.open();
      return new LedgerStore(db);
    })();
    return opened;
  };
  return {
    kind: 'standalone',
    port,
    workbookId: options.workbookId ?? 'book-1',
    fileName: 'month.xlsx',
    async selectCell(sheet, row, col) {
      port.selected.push({ sheet, row, col });
    },
    spawnWorker: inThreadWorker,
    openStore: open,
    store: open,
  };
}

export function renderPane(host: PaneHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} />
    </FluentProvider>,
  );
}

/** The pane over an .xlsx workbook (bytes) through the xlsx adapter, with a fresh store unless a database is named. */
export async function paneOver(bytes: Uint8Array, database?: string) {
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  const host = { ...testHost([], database ? { database } : {}), port: wb };
  renderPane(host);
  return { host, wb };
}
