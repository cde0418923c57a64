/**
 * The standalone page: the task pane beside a read-only view of a workbook opened from disk, over
 * the xlsx adapter in a Web Worker of its own (the workbook worker: exceljs parses, writes and zips
 * there, so the page's thread never does). The file is read in this browser and never sent anywhere;
 * the audit pack is written into the workbook in memory and downloaded.
 */
import { Body1, Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Pane } from '../taskpane/components/Pane';
import { openLedgerStore } from '../store/open-store';
import { saveBlob } from '../taskpane/download';
import { DownloadButton } from '../taskpane/components/DownloadButton';
import type { PaneHost } from '../taskpane/host';
import { spawnEngineWorker } from '../taskpane/spawn-worker';
import type { SheetInfo } from '../workbook/port';
import { notXlsxFileMessage } from '../workbook/xlsx/not-xlsx';
import { Cancelled, WorkerWorkbook } from '../workbook/xlsx/book-port';
import type { BookWorkerLike } from '../workbook/xlsx/book-protocol';
import { FilePicker } from '../taskpane/components/FilePicker';
import { Grid, type GridSource } from './Grid';
import { Progress } from '../taskpane/components/Progress';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook worker (its own bundle chunk: exceljs never loads on the page's thread). */
function spawnBookWorker(): BookWorkerLike {
  return new Worker(new URL('../workbook/xlsx/book-worker.ts', import.meta.url), { name: 'housing-ledger-workbook' }) as unknown as BookWorkerLike;
}

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box', '@media (min-width: 761px)': { height: '100vh' } },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  grow: { flexGrow: 1 },
  body: {
    display: 'grid', gridTemplateColumns: 'minmax(320px, 480px) 1fr', flexGrow: 1, minHeight: 0,
    '@media (max-width: 760px)': { gridTemplateColumns: '1fr' },
  },
  pane: { overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, '@media (max-width: 760px)': { overflowY: 'visible', borderRight: 'none' } },
  book: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: '320px', padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS },
  gridBox: { flexGrow: 1, minHeight: '280px', '@media (max-width: 760px)': { height: '60vh', flexGrow: 0 } },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXS, overflowX: 'auto', margin: 0, padding: 0, listStyleType: 'none' },
  opening: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  empty: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

interface Book {
  readonly wb: WorkerWorkbook;
  readonly name: string;
  readonly opened: number;
  /** The config the demo applies (?config=), when there is no session to resume. */
  readonly config?: Readonly<Record<string, unknown>>;
}

function Standalone() {
  const styles = useStyles();
  const [book, setBook] = useState<Book | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'opening'; name: string; text: string; cancel: () => void } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const [version, setVersion] = useState(0);
  const [tabs, setTabs] = useState<SheetInfo[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ sheet: string; row: number; col: number } | null>(null);
  const openFile = (f: File) => open(f, f.name);
  /** The workbook open now, to stop its worker when another replaces it. */
  const shown = useRef<WorkerWorkbook | null>(null);

  /**
   * Opens the file in a new workbook worker, which reads its bytes itself (the page's thread never
   * takes in the whole file). Cancel stops that worker: the workbook open before, if any, stays as it was.
   */
  async function open(file: Blob, name: string, config?: Readonly<Record<string, unknown>>): Promise<void> {
    const not = await notXlsxFileMessage(file);
    if (not) {
      setState({ kind: 'error', text: `${name} ${not}. Nothing was loaded.` });
      return;
    }
    const opening = WorkerWorkbook.open(spawnBookWorker, file, (text) => setState((s) => (s.kind === 'opening' && s.cancel === opening.cancel ? { ...s, text } : s)));
    setState({ kind: 'opening', name, text: `Reading ${name}…`, cancel: opening.cancel });
    try {
      const wb = await opening.book;
      shown.current?.dispose();
      shown.current = wb;
      // The pane and the grid are drawn for the first time here (Fluent's styles are made as they
      // render): as a transition, React yields to the page every few milliseconds meanwhile.
      startTransition(() => {
        setBook({ wb, name, opened: Date.now(), ...(config ? { config } : {}) });
        setSelected(null);
        setCurrent(null);
        setState({ kind: 'idle' });
      });
    } catch (e) {
      if (e instanceof Cancelled) {
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'error', text: `${name} could not be opened as an Excel .xlsx workbook (${(e as Error).message}). Nothing was loaded.` });
    }
  }

  // ?sample=NAME.xlsx opens a workbook served beside the page (npm run demo), with ?config=NAME.json
  // applied (the sample's rent-free weeks); only this origin is asked.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const sample = params.get('sample');
    const configName = params.get('config');
    if (!sample || !/^[\w.-]+\.xlsx$/.test(sample)) return;
    void (async () => {
      try {
        const res = await fetch(new URL(sample, location.href).href, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        let config: Record<string, unknown> | undefined;
        if (configName && /^[\w.-]+\.json$/.test(configName)) {
          const c = await fetch(new URL(configName, location.href).href, { credentials: 'same-origin' });
          if (!c.ok) throw new Error(`${configName}: HTTP ${c.status}`);
          config = (await c.json()) as Record<string, unknown>;
        }
        await open(await res.blob(), sample, config);
      } catch (e) {
        setState({ kind: 'error', text: `The sample workbook ${sample} could not be loaded (${(e as Error).message}).` });
      }
    })();
  }, []);

  useEffect(() => {
    if (!book) return;
    void book.wb.listSheets().then((infos) =>
      startTransition(() => {
        setTabs(infos);
        setCurrent((c) => (c && infos.some((i) => i.name === c) ? c : (infos[0]?.name ?? null)));
      }),
    );
  }, [book, version]);

  // The grid asks the worker for the rows it shows; a new source (another sheet, or the workbook
  // written to) makes it ask again.
  const rowCount = tabs.find((t) => t.name === current)?.rowCount;
  const gridSource: GridSource | null = useMemo(
    () => (book && current !== null && rowCount !== undefined ? { name: current, rowCount, window: (from, count) => book.wb.window(current, from, count) } : null),
    [book, current, rowCount, version],
  );

  const host: PaneHost | null = useMemo(
    () =>
      book && {
        kind: 'standalone',
        port: book.wb,
        workbookId: `file:${book.name}`,
        fileName: book.name,
        async selectCell(sheet, row, col) {
          setCurrent(sheet);
          setSelected({ sheet, row, col });
        },
        spawnWorker: spawnEngineWorker,
        openStore: () => openLedgerStore(null),
        onWorkbookChanged: () => setVersion((v) => v + 1),
        async downloadWorkbook(name, options = {}) {
          const { signal, onProgress } = options;
          saveBlob(name, await book.wb.toFile(XLSX_TYPE, onProgress, signal ? { signal } : {}));
        },
        ...(book.config ? { initialConfig: book.config } : {}),
      },
    [book],
  );

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <Body1 className={styles.grow}>
          <strong>Housing Ledger</strong> standalone · <Caption1>files stay on this computer</Caption1>
        </Body1>
        <FilePicker accept={XLSX_ACCEPT} label="Workbook to open" onFile={openFile}>
          Open workbook…
        </FilePicker>
        <DownloadButton
          key={book ? `${book.name}-${book.opened}` : 'none'}
          appearance="primary"
          disabled={!host}
          progressLabel="Preparing the download"
          startText="Zipping the workbook with the audit pack for download…"
          download={(options) => host?.downloadWorkbook?.(`${book?.name.replace(/\.xlsx$/i, '') ?? 'workbook'} audit.xlsx`, options) ?? Promise.resolve()}
          onError={(message) => setState({ kind: 'error', text: `The workbook could not be prepared for download (${message}).` })}
        >
          Download workbook
        </DownloadButton>
      </header>
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'opening' && (
        <div className={styles.opening}>
          <Progress label={`Opening ${state.name}`} text={state.text} onCancel={state.cancel} />
        </div>
      )}
      {!book && state.kind !== 'opening' && (
        <main className={styles.empty} aria-labelledby="hl-title">
          <Title3 as="h1" id="hl-title">
            Housing Ledger
          </Title3>
          <Body1>Open an Excel workbook holding the rent roll, the housing system’s transactions and the GL control account to reconcile a month. It is read in this browser and never uploaded.</Body1>
          <div>
            <FilePicker appearance="primary" accept={XLSX_ACCEPT} label="Workbook to open" onFile={openFile}>
              Open workbook…
            </FilePicker>
          </div>
        </main>
      )}
      {book && host && (
        <div className={styles.body}>
          <div className={styles.pane}>
            <Pane key={`${book.name}-${book.opened}`} host={host} />
          </div>
          <section className={styles.book} aria-label={`Workbook ${book.name}`}>
            <nav aria-label="Sheets of the workbook">
              <ul className={styles.tabs}>
                {tabs.map((t) => (
                  <li key={t.name}>
                    <Button size="small" appearance={t.name === current ? 'primary' : 'subtle'} aria-pressed={t.name === current} onClick={() => setCurrent(t.name)}>
                      {t.name}
                    </Button>
                  </li>
                ))}
              </ul>
            </nav>
            <div className={styles.gridBox}>{gridSource && <Grid sheet={gridSource} selected={selected && selected.sheet === current ? selected : null} />}</div>
          </section>
        </div>
      )}
    </div>
  );
}

const container = document.getElementById('container');
if (container) {
  const root = createRoot(container);
  // The first draw (the theme's and components' styles made and inserted) yields every few milliseconds.
  startTransition(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Standalone />
      </FluentProvider>,
    ),
  );
}
