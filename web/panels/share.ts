/**
 * What leaves the page from the toolbar: Copy link, and the results as files (Results CSV,
 * Results JSON) in web/views/resultFiles.ts's formats.
 */
import { columns } from '../state/selectors.js';
import { scenarioOf, type Store } from '../state/store.js';
import { byId, downloadText } from '../views/dom.js';
import { resultsCsv, resultsJson } from '../views/resultFiles.js';

/** Wires the buttons; `writeLink` puts the state in the URL, `showStatus` tells the outcome. */
export function createSharePanel(
  store: Store,
  writeLink: () => Promise<void>,
  showStatus: (message: string) => void,
): void {
  byId('copy-link').addEventListener('click', () => {
    void writeLink()
      .then(() => navigator.clipboard?.writeText(location.href))
      .then(
        () => showStatus('link copied'),
        () => showStatus('copy the address bar: it holds the whole state'),
      );
  });
  byId('export-json').addEventListener('click', () => {
    const state = store.get();
    const json = resultsJson(
      state.exploration?.name,
      columns(state),
      scenarioOf(state),
      state.simulated,
    );
    downloadText('relkit-results.json', json, 'application/json');
  });
  byId('export-csv').addEventListener('click', () =>
    downloadText('relkit-results.csv', resultsCsv(columns(store.get())), 'text/csv'),
  );
}
