/** The task pane's composition root: waits for Office, then renders the pane over the Excel adapter. */
import { Body1, FluentProvider, MessageBar, MessageBarBody, Title3, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { Pane } from './components/Pane';
import { excelHost } from './excel-host';

function mount(node: React.ReactNode): void {
  const container = document.getElementById('container');
  if (container) createRoot(container).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

function NotInExcel() {
  return (
    <main style={{ padding: 16 }} aria-labelledby="hl-title">
      <Title3 as="h1" id="hl-title" block>
        Housing Ledger
      </Title3>
      <Body1 as="p" block>
        Month-end rent reconciliation to the general ledger, and suspense clearing.
      </Body1>
      <MessageBar intent="info">
        <MessageBarBody>Excel is not connected: open this pane from Excel (Home, Reconcile), or use the standalone page (standalone.html) to work on an .xlsx file.</MessageBarBody>
      </MessageBar>
    </main>
  );
}

// office.js comes from Microsoft's CDN; without a network (or outside Excel) `Office` is undefined.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(async (info) => {
    if (info.host !== Office.HostType.Excel) return mount(<NotInExcel />);
    try {
      mount(<Pane host={await excelHost()} />);
    } catch (e) {
      mount(
        <MessageBar intent="error">
          <MessageBarBody>Housing Ledger could not start in this workbook: {(e as Error).message}</MessageBarBody>
        </MessageBar>,
      );
    }
  });
} else {
  mount(<NotInExcel />);
}
