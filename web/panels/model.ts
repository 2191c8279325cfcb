/**
 * The model panel: the example menu, Open file… and Save model of the toolbar, the editor with
 * its problems, and the model's name (#model-pane).
 */
import { ACCEPTED_FILES, openModelFile } from '../compute/importFile.js';
import type { TextIssue } from '../compute/solve.js';
import { EXAMPLES, exampleText } from '../state/examples.js';
import type { Store } from '../state/store.js';
import { byId, downloadText, h } from '../views/dom.js';
import { createEditor } from '../views/editor.js';
import { attachResizeHandle } from '../views/resizeHandle.js';

/** The panel's handle for the composition root. */
export interface ModelPanel {
  /** Lists the text's problems under the editor (none: the list hides). */
  /** Shows the problems found in `text` (none: in the text shown) under and in the editor. */
  readonly showIssues: (issues: readonly TextIssue[], text?: string) => void;
  /** Shows the name of the solved model in the heading. */
  readonly showName: (name: string) => void;
  /** Shows the state's example in the menu: an opened file is "(opened file)". */
  readonly showExample: (example: string) => void;
}

/** The menu entry of a model that is no example (an opened file). */
export const OPENED_FILE_LABEL = '(opened file)';

/** Wires the model controls to `store` and shows its model text. */
export function createModelPanel(store: Store): ModelPanel {
  const editor = createEditor((text) => store.dispatch({ type: 'edit', text }));
  // 8rem at least (about 5 lines), at most 90 % of the window (the CSS bounds).
  attachResizeHandle(byId('model-editor'), byId('editor-resize'), 128, () => 0.9 * innerHeight);
  const select = byId<HTMLSelectElement>('example-select');
  select.replaceChildren(
    ...[...EXAMPLES.keys()].map((name) => h('option', { value: name, text: name })),
  );
  // The entry of an opened file is in the menu only while it is shown; it cannot be picked.
  const opened = h('option', { value: '', text: OPENED_FILE_LABEL, disabled: true });
  const showExample = (example: string): void => {
    if (example === '') select.prepend(opened);
    else opened.remove();
    select.value = example;
  };
  showExample(store.get().example);
  select.addEventListener('change', () => {
    const name = select.value;
    store.dispatch({ type: 'loadExample', name, text: exampleText(name) });
    editor.setText(store.get().text);
  });

  // relkit YAML or JSON, or an Open-PSA MEF or Galileo file translated to relkit YAML.
  const open = byId<HTMLInputElement>('open-file');
  open.accept = ACCEPTED_FILES;
  open.addEventListener('change', () => {
    const file = open.files?.[0];
    if (!file) return;
    void file.text().then((content) => {
      const opened = openModelFile(file.name, content);
      if (!opened.ok) {
        // The model on the page stays; the reader's problems are listed under the editor.
        editor.showIssues([
          { path: '', message: `${file.name} could not be opened:` },
          ...opened.message.split('\n').map((message) => ({ path: '', message })),
        ]);
        return;
      }
      store.dispatch({ type: 'openFile', text: opened.text });
      editor.setText(opened.text);
    });
    open.value = '';
  });

  byId('save-model').addEventListener('click', () => {
    const { example, text } = store.get();
    downloadText(`${example || 'model'}.yaml`, text, 'text/yaml');
  });

  editor.setText(store.get().text);
  return {
    showIssues: editor.showIssues,
    showName: (name) => {
      byId('model-name').textContent = name;
    },
    showExample,
  };
}
