/**
 * Zipping a workbook as .xlsx in steps a stop can come between. exceljs's writeBuffer renders every
 * part and deflates the whole package in one call that nothing can stop, and the chart parts
 * (./charts.ts) then meant opening that zip again and deflating it a second time. Here exceljs's
 * own writer steps (4.4.0's XLSX.write, pinned) render the same parts, one worksheet a step, into
 * a JSZip of ours; the charts go into that zip before it is deflated once, chunk by chunk. Between
 * steps and chunks the thread is yielded (the workbook worker takes a 'stop' then), the signal is
 * checked, and progress is reported. The parts are byte for byte what writeBuffer wrote.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { abortReason, stopIfAborted } from '../port';
import { addChartsToZip, type SheetCharts } from './charts';
import { nextTask } from '../../next-task';

export interface ZipOptions {
  readonly signal?: AbortSignal;
  /** What is being done, and the fraction of the whole zip done (rendering the parts counts as the first half). */
  readonly onProgress?: (text: string, fraction: number) => void;
}

/** Where exceljs's writer steps put a part (its ZipWriter's append). */
interface PartSink {
  append(data: string | Uint8Array, options: { readonly name: string; readonly base64?: boolean }): void;
}

type Model = { readonly worksheets: readonly unknown[] };
type Step = (zip: PartSink, model: Model) => Promise<void>;

/** exceljs's XLSX writer steps, called one by one as its write() calls them. */
interface XlsxSteps {
  prepareModel(model: Model, options: object): void;
  addContentTypes: Step;
  addOfficeRels: Step;
  addWorkbookRels: Step;
  addWorksheets: Step;
  addSharedStrings: Step;
  addDrawings: Step;
  addTables: Step;
  addThemes: Step;
  addStyles: Step;
  addMedia: Step;
  addApp: Step;
  addCore: Step;
  addWorkbook: Step;
}


/** The workbook as .xlsx bytes, with the charts of `charts` added; rejects with the signal's reason when stopped. */
export async function zipWorkbook(workbook: ExcelJS.Workbook, charts: readonly SheetCharts[], options: ZipOptions = {}): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  const xlsx = workbook.xlsx as unknown as XlsxSteps;
  const model = workbook.model as unknown as Model;
  const zip = new JSZip();
  const utf8 = new TextEncoder();
  const sink: PartSink = {
    append(data, o) {
      if (o.base64) zip.file(o.name, data, { base64: true });
      else zip.file(o.name, typeof data === 'string' ? utf8.encode(data) : data);
    },
  };
  const step = async (text: string, fraction: number) => {
    await nextTask();
    stopIfAborted(signal);
    onProgress?.(text, fraction);
  };
  await step('Preparing the workbook…', 0);
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(sink, model);
  await xlsx.addOfficeRels(sink, model);
  await xlsx.addWorkbookRels(sink, model);
  const sheets = model.worksheets;
  for (const [i, worksheet] of sheets.entries()) {
    await step(`Writing sheet ${i + 1} of ${sheets.length}…`, (0.5 * i) / Math.max(1, sheets.length));
    await xlsx.addWorksheets(sink, { ...model, worksheets: [worksheet] });
  }
  await step('Writing the shared strings and styles…', 0.5);
  await xlsx.addSharedStrings(sink, model);
  await xlsx.addDrawings(sink, model);
  await xlsx.addTables(sink, model);
  await xlsx.addThemes(sink, model);
  await xlsx.addStyles(sink, model);
  await xlsx.addMedia(sink, model);
  await xlsx.addApp(sink, model);
  await xlsx.addCore(sink, model);
  await xlsx.addWorkbook(sink, model);
  await addChartsToZip(zip, charts);
  await step('Compressing…', 0.5);
  return deflate(zip, signal, (f) => onProgress?.('Compressing…', 0.5 + f / 2));
}

/** JSZip's deflate, chunk by chunk (each chunk a task of its own), stopped at the first chunk after the signal. */
function deflate(zip: JSZip, signal: AbortSignal | undefined, onFraction: (f: number) => void): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let lastPercent = -1;
    const stream = zip.generateInternalStream({ type: 'uint8array', compression: 'DEFLATE' });
    stream
      .on('data', (chunk: Uint8Array, meta: { percent: number }) => {
        if (signal?.aborted) {
          stream.pause();
          reject(abortReason(signal));
          return;
        }
        chunks.push(chunk);
        const percent = Math.floor(meta.percent);
        if (percent !== lastPercent) {
          lastPercent = percent;
          onFraction(percent / 100);
        }
      })
      .on('error', reject)
      .on('end', () => resolve(concat(chunks)))
      .resume();
  });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
