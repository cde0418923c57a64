/**
 * The standalone page: the task pane beside a read-only view of a workbook opened from disk, over
 * the xlsx adapter. The file is read in this browser and never sent anywhere; the audit pack is
 * written into the workbook in memory and downloaded.
 */
import { Body1, Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { SheetData } from '../engine/cells';
import { Pane } from '../taskpane/components/Pane';
import { openLedgerStore } from '../store/open-store';
import { downloadFile } from '../taskpane/download';
import type { PaneHost } from '../taskpane/host';
import { spawnEngineWorker } from '../taskpane/spawn-worker';
import type { SheetInfo } from '../workbook/port';
import { notXlsxMessage } from '../workbook/xlsx/not-xlsx';
import { XlsxWorkbook } from '../workbook/xlsx/xlsx-workbook';
import { formattedText } from './display';
import { FilePicker } from '../taskpane/components/FilePicker';
import { Grid } from './Grid';
import { Progress } from '../taskpane/components/Progress';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box', '@media (min-width: 761px)': { height: '100vh' } },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  grow: { flexGrow: 1 },
  body: {
    display: 'grid', gridTemplateColumns: 'minmax(320px, 400px) 1fr', flexGrow: 1, minHeight: 0,
    '@media (max-width: 760px)': { gridTemplateColumns: '1fr' },
  },
  pane: { overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, '@media (max-width: 760px)': { overflowY: 'visible', borderRight: 'none' } },
  book: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: '320px', padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS },
  gridBox: { flexGrow: 1, minHeight: '280px', '@media (max-width: 760px)': { height: '60vh', flexGrow: 0 } },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXS, overflowX: 'auto', margin: 0, padding: 0, listStyleType: 'none' },
  empty: { padding: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

interface Book {
  readonly wb: XlsxWorkbook;
  readonly name: string;
  readonly opened: number;
  /** The config the demo applies (?config=), when there is no session to resume. */
  readonly config?: Readonly<Record<string, unknown>>;
}

function Standalone() {
  const styles = useStyles();
  const [book, setBook] = useState<Book | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'opening'; name: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const [version, setVersion] = useState(0);
  const [tabs, setTabs] = useState<SheetInfo[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [data, setData] = useState<SheetData | null>(null);
  const [selected, setSelected] = useState<{ sheet: string; row: number; col: number } | null>(null);
  const openFile = async (f: File) => open(await f.arrayBuffer(), f.name);

  async function open(bytes: ArrayBuffer, name: string, config?: Readonly<Record<string, unknown>>): Promise<void> {
    setState({ kind: 'opening', name });
    const not = notXlsxMessage(new Uint8Array(bytes));
    if (not) {
      setState({ kind: 'error', text: `${name} ${not}. Nothing was loaded.` });
      return;
    }
    try {
      const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(bytes));
      setBook({ wb, name, opened: Date.now(), ...(config ? { config } : {}) });
      setSelected(null);
      setCurrent(null);
      setState({ kind: 'idle' });
    } catch (e) {
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
        await open(await res.arrayBuffer(), sample, config);
      } catch (e) {
        setState({ kind: 'error', text: `The sample workbook ${sample} could not be loaded (${(e as Error).message}).` });
      }
    })();
  }, []);

  useEffect(() => {
    if (!book) return;
    void book.wb.listSheets().then((infos) => {
      setTabs(infos);
      setCurrent((c) => (c && infos.some((i) => i.name === c) ? c : (infos[0]?.name ?? null)));
    });
  }, [book, version]);

  useEffect(() => {
    if (!book || !current) return;
    let live = true;
    void book.wb.readSheet(current).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [book, current, version]);

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
        async downloadWorkbook(name) {
          downloadFile(name, (await book.wb.toBuffer()) as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        },
        ...(book.config ? { initialConfig: book.config } : {}),
      },
    [book],
  );

  /** Set while the workbook is being zipped for download; calling it drops the download. */
  const [preparing, setPreparing] = useState<{ cancel: () => void } | null>(null);

  async function download(): Promise<void> {
    if (!book || preparing) return;
    let cancelled = false;
    setPreparing({ cancel: () => (cancelled = true) });
    // Let the progress show before exceljs zips the workbook.
    await new Promise((resolve) => setTimeout(resolve, 0));
    let bytes: Uint8Array;
    try {
      bytes = await book.wb.toBuffer();
    } catch (e) {
      setState({ kind: 'error', text: `The workbook could not be prepared for download (${(e as Error).message}).` });
      return;
    } finally {
      setPreparing(null);
    }
    if (cancelled) return;
    downloadFile(`${book.name.replace(/\.xlsx$/i, '')} audit.xlsx`, bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <Body1 className={styles.grow}>
          <strong>Housing Ledger</strong> standalone · <Caption1>files stay on this computer</Caption1>
        </Body1>
        <FilePicker accept={XLSX_ACCEPT} label="Workbook to open" onFile={openFile}>
          Open workbook…
        </FilePicker>
        <Button appearance="primary" disabled={!book || preparing !== null} onClick={() => void download()}>
          Download workbook
        </Button>
        {preparing && <Progress label="Preparing the download" text="Zipping the workbook with the audit pack for download…" onCancel={preparing.cancel} />}
      </header>
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{state.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'opening' && <Spinner label={`Opening ${state.name}…`} />}
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
            <div className={styles.gridBox}>{data && data.name === current && <Grid sheet={data} text={formattedText(book.wb, data.name)} selected={selected && selected.sheet === current ? selected : null} />}</div>
          </section>
        </div>
      )}
    </div>
  );
}

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Standalone />
    </FluentProvider>,
  );
}
