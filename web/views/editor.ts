/**
 * The model editor: CodeMirror 6 with YAML highlighting, line numbers, wrapped lines, the
 * worker's problems as inline diagnostics (underline, gutter marker, message on hover) and listed
 * under it (a click moves the cursor there), and completion from relkit's JSON Schema.
 */
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { Annotation, ChangeSet, EditorState, type Text } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import type { TextIssue } from '../compute/solve.js';
import { modelCompletions } from '../editor/completionSource.js';
import {
  diagnosticsOf,
  issueMessage,
  issueRange,
  mappedDiagnostics,
} from '../editor/diagnostics.js';
import { hangingIndent } from '../editor/hangingIndent.js';
import { byId, h } from './dom.js';

/** The editor's handle for the controller. */
export interface Editor {
  readonly setText: (text: string) => void;
  /**
   * Shows the problems found in `text` (none: in the text shown), placed where that text's
   * lines now are; problems of a text the editor no longer knows are listed, not underlined.
   */
  readonly showIssues: (issues: readonly TextIssue[], text?: string) => void;
}

/** A text handed on to be solved, and the edits made since: its problems are placed through them. */
interface Sent {
  readonly text: string;
  readonly doc: Text;
  readonly since: ChangeSet;
}

// Texts remembered: the worker answers the newest few, each in turn.
const MAX_SENT = 8;

// Long enough that typing a word does not re-solve at every key, short enough to feel live.
const DEBOUNCE_MS = 300;

// Marks the page's own replacements of the text (an example, a file), which are not edits.
const replacement = Annotation.define<boolean>();

/** Creates the editor in #model-editor; `onChange` runs, debounced, after the user edits. */
export function createEditor(onChange: (text: string) => void): Editor {
  const list = byId('model-issues');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sent: Sent[] = [];
  const remember = (doc: Text, text: string, keep: readonly Sent[]): void => {
    sent = [...keep.slice(-(MAX_SENT - 1)), { text, doc, since: ChangeSet.empty(doc.length) }];
  };

  const view = new EditorView({
    parent: byId('model-editor'),
    state: EditorState.create({
      extensions: [
        // basicSetup binds no Tab: Tab leaves the editor, Ctrl-] and Ctrl-[ indent.
        basicSetup,
        yaml(),
        lintGutter(),
        EditorView.lineWrapping,
        hangingIndent,
        EditorState.languageData.of(() => [{ autocomplete: modelCompletions }]),
        EditorView.contentAttributes.of({
          id: 'model-text',
          'aria-label': 'model text (YAML or JSON)',
          'aria-describedby': 'editor-help model-issues',
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || update.transactions.some((t) => t.annotation(replacement))) {
            return;
          }
          sent = sent.map((entry) => ({ ...entry, since: entry.since.compose(update.changes) }));
          clearTimeout(timer);
          timer = setTimeout(() => {
            const text = view.state.doc.toString();
            remember(view.state.doc, text, sent);
            onChange(text);
          }, DEBOUNCE_MS);
        }),
      ],
    }),
  });

  const moveTo = (issue: TextIssue) => {
    const range = issueRange(view.state.doc, issue);
    if (!range) return;
    view.dispatch({ selection: { anchor: range.from }, scrollIntoView: true });
    view.focus();
  };

  return {
    setText: (text) => {
      clearTimeout(timer);
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: 0 },
        annotations: replacement.of(true),
      });
      view.dispatch(setDiagnostics(view.state, []));
      remember(view.state.doc, view.state.doc.toString(), []);
      view.scrollDOM.scrollTop = 0;
    },
    showIssues: (issues, text) => {
      // The worker solved an older text while the user typed on: its problems are placed in
      // that text and follow the edits since, so an underline stays on its word.
      const line = text?.replace(/\r\n?/g, '\n');
      const of = line === undefined ? undefined : sent.findLast((entry) => entry.text === line);
      const diagnostics = of
        ? mappedDiagnostics(of.doc, of.since, issues)
        : line === undefined || line === view.state.doc.toString()
          ? diagnosticsOf(view.state.doc, issues)
          : [];
      view.dispatch(setDiagnostics(view.state, diagnostics));
      list.replaceChildren(
        ...issues.map((issue) => {
          const where =
            issue.line === undefined
              ? ''
              : `line ${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}: `;
          const text = where + issueMessage(issue);
          // A problem with a line is a button that moves the cursor there.
          if (issue.line === undefined) return h('li', {}, h('span', { class: 'issue', text }));
          const button = h('button', { type: 'button', class: 'issue', text });
          button.addEventListener('click', () => moveTo(issue));
          return h('li', {}, button);
        }),
      );
      list.hidden = issues.length === 0;
    },
  };
}
