/** The task pane's composition root: waits for Office when it is there, and renders either way. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';

function render(officeReady: boolean): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App officeReady={officeReady} />
    </FluentProvider>,
  );
}

// office.js comes from Microsoft's CDN; without a network (or outside Excel) `Office` is undefined.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
