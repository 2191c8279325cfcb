import { ChangeSet } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import type { TextIssue } from '../../web/compute/solve.js';
import { diagnosticsOf, mappedDiagnostics, textOf } from '../../web/editor/diagnostics.js';

// The worker found `oops` (line 2, column 23) in this text; the user typed on meanwhile.
const SOLVED = 'name: m\nc: { failure: { mtbf: oops } }\n';
const ISSUE: TextIssue = {
  path: 'c.failure.mtbf',
  message: 'must be a number',
  line: 2,
  column: 23,
};

const underlined = (text: string, from: number, to: number) => text.slice(from, to);

describe('problems of an older text placed in the newer one', () => {
  test('unchanged text: the word at the issue column', () => {
    const doc = textOf(SOLVED);
    const [diagnostic] = mappedDiagnostics(doc, ChangeSet.empty(doc.length), [ISSUE]);
    expect(underlined(SOLVED, diagnostic!.from, diagnostic!.to)).toBe('oops');
  });

  test('typed before the word on its line, and a line above: the underline follows the word', () => {
    const doc = textOf(SOLVED);
    // `mtbf: ` becomes `mtbf:   ` (two spaces at offset 29) and a comment line goes on top.
    const edits = ChangeSet.of(
      [
        { from: 0, insert: '# a note\n' },
        { from: 29, insert: '  ' },
      ],
      doc.length,
    );
    const now = edits.apply(doc).toString();
    const [diagnostic] = mappedDiagnostics(doc, edits, [ISSUE]);
    expect(underlined(now, diagnostic!.from, diagnostic!.to)).toBe('oops');
    // Placed afresh in the newer text (what the page did), the line and column point elsewhere.
    const [naive] = diagnosticsOf(textOf(now), [ISSUE]);
    expect(underlined(now, naive!.from, naive!.to)).not.toBe('oops');
  });

  test('edits composed one after the other map like one', () => {
    const doc = textOf(SOLVED);
    const first = ChangeSet.of([{ from: 0, insert: 'x' }], doc.length);
    const second = ChangeSet.of([{ from: 1, insert: 'yz' }], first.newLength);
    const now = second.apply(first.apply(doc)).toString();
    const [diagnostic] = mappedDiagnostics(doc, first.compose(second), [ISSUE]);
    expect(underlined(now, diagnostic!.from, diagnostic!.to)).toBe('oops');
  });

  test('the word deleted since: no underline left', () => {
    const doc = textOf(SOLVED);
    const at = SOLVED.indexOf('oops');
    const edits = ChangeSet.of([{ from: at - 1, to: at + 4, insert: '' }], doc.length);
    expect(mappedDiagnostics(doc, edits, [ISSUE])).toEqual([]);
  });

  test('Windows line breaks split lines as the editor does', () => {
    expect(textOf('a\r\nb\rc\nd').lines).toBe(4);
  });
});
