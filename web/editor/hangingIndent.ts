/**
 * Wrapped lines keep their indentation: the rows a long line wraps onto start two columns right
 * of the line's own indentation, so a wrapped value never looks like a key of an outer mapping.
 */
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from '@codemirror/view';

// How much further than the line's indentation its wrapped rows start, in columns.
const CONTINUATION = 2;

/** Returns the line decorations of the lines on screen. */
function hangingLines(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const columns = /^[ \t]*(?:- )*/.exec(line.text)![0].length + CONTINUATION;
      builder.add(
        line.from,
        line.from,
        Decoration.line({
          attributes: {
            style: `padding-left: calc(${columns}ch + 6px); text-indent: -${columns}ch`,
          },
        }),
      );
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/** The extension: decorations kept up to date as the text and the visible lines change. */
export const hangingIndent: Extension = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = hangingLines(view);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) {
        this.decorations = hangingLines(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
