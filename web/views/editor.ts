/**
 * The model editor: a textarea with line numbers, validation issues listed under it with their
 * line and column (a click selects the line), and the line numbers of issues highlighted.
 */
import type { TextIssue } from '../compute/solve.js';
import { byId, h } from './dom.js';

/** The editor's handle for the controller. */
export interface Editor {
  readonly text: () => string;
  readonly setText: (text: string) => void;
  readonly showIssues: (issues: readonly TextIssue[]) => void;
}

// Long enough that typing a word does not re-solve at every key, short enough to feel live.
const DEBOUNCE_MS = 300;

/** Wires the editor in index.html; `onChange` runs, debounced, after the user edits. */
export function createEditor(onChange: (text: string) => void): Editor {
  const area = byId<HTMLTextAreaElement>('model-text');
  const gutter = byId('model-gutter');
  const list = byId('model-issues');
  let issueLines = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const renderGutter = () => {
    const count = area.value.split('\n').length;
    const lines: Node[] = [];
    for (let i = 1; i <= count; i++) {
      lines.push(h('span', { class: issueLines.has(i) ? 'bad' : undefined, text: String(i) }));
    }
    gutter.replaceChildren(...lines);
    gutter.scrollTop = area.scrollTop;
  };
  area.addEventListener('scroll', () => (gutter.scrollTop = area.scrollTop));
  area.addEventListener('input', () => {
    renderGutter();
    clearTimeout(timer);
    timer = setTimeout(() => onChange(area.value), DEBOUNCE_MS);
  });

  const selectLine = (line: number) => {
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  return {
    text: () => area.value,
    setText: (text) => {
      area.value = text;
      renderGutter();
    },
    showIssues: (issues) => {
      issueLines = new Set(issues.flatMap((i) => (i.line === undefined ? [] : [i.line])));
      renderGutter();
      list.replaceChildren(
        ...issues.map((issue) => {
          const where =
            issue.line === undefined
              ? ''
              : `line ${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}: `;
          const text = `${where}${issue.path === '' ? '' : `${issue.path} `}${issue.message}`;
          const item = h('li', {}, h('button', { type: 'button', class: 'issue', text }));
          if (issue.line !== undefined) {
            const line = issue.line;
            item.firstElementChild!.addEventListener('click', () => selectLine(line));
          }
          return item;
        }),
      );
      list.hidden = issues.length === 0;
    },
  };
}
