/** The pane's host inside Excel: the office-js adapter, the workbook's own id, cell selection and the store. */
import { openLedgerStore } from '../store/open-store';
import { ExcelWorkbook } from '../workbook/excel/excel-workbook';
import type { PaneHost } from './host';
import { spawnEngineWorker } from './spawn-worker';

const ID_SETTING = 'housingLedger.workbookId';

/** A stable id for this workbook, kept in its document settings (not in any sheet). */
async function workbookId(): Promise<string> {
  const settings = Office.context.document.settings;
  const existing = settings.get(ID_SETTING) as string | null;
  if (existing) return existing;
  const id = crypto.randomUUID();
  settings.set(ID_SETTING, id);
  await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  return id;
}

export async function excelHost(): Promise<PaneHost> {
  const run = ((batch) => Excel.run(batch)) as ConstructorParameters<typeof ExcelWorkbook>[0];
  const url = Office.context.document.url ?? '';
  const fileName = decodeURIComponent(url.split(/[\\/]/).pop() ?? '') || 'this workbook';
  const partitionKey = (Office.context as { partitionKey?: string }).partitionKey ?? null;
  const port = new ExcelWorkbook(run);
  return {
    kind: 'excel',
    port,
    workbookId: await workbookId(),
    fileName,
    selectCell: (sheet, row, col) => port.selectCell(sheet, row, col),
    spawnWorker: spawnEngineWorker,
    openStore: () => openLedgerStore(partitionKey),
  };
}
