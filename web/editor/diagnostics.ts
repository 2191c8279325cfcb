/**
 * The worker's problems of a model text (TextIssue: 1-based line and column) as CodeMirror
 * diagnostics: the word at the issue's column underlined, or the whole line when it has no column.
 * Issues without a line have no place in the text; the list under the editor shows them. The
 * issues come from the worker for the text it was sent; typed on since, they are placed in that
 * text and mapped through the edits made since (those in a deleted range dropped).
 */
import { MapMode, Text, type ChangeDesc } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { TextIssue } from '../compute/solve.js';

/** Returns the issue's message as the list and the tooltip show it: `path message`. */
export function issueMessage(issue: TextIssue): string {
  return `${issue.path === '' ? '' : `${issue.path} `}${issue.message}`;
}

/** Returns the range of `doc` an issue points at, or undefined for an issue without a line. */
export function issueRange(doc: Text, issue: TextIssue): { from: number; to: number } | undefined {
  if (issue.line === undefined) return undefined;
  const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
  if (issue.column === undefined) return { from: line.from, to: line.to };
  const from = line.from + Math.min(Math.max(issue.column - 1, 0), line.length);
  const word = /^\S+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0;
  // At the end of a line (a missing value) there is no word: mark the line instead.
  return word > 0 ? { from, to: from + word } : { from: line.from, to: line.to };
}

/** Returns the diagnostics of the issues that have a line. */
export function diagnosticsOf(doc: Text, issues: readonly TextIssue[]): Diagnostic[] {
  return issues.flatMap((issue) => {
    const range = issueRange(doc, issue);
    return range ? [{ ...range, severity: 'error' as const, message: issueMessage(issue) }] : [];
  });
}

/**
 * Returns the diagnostics of issues found in `solved` placed in today's text: their ranges in
 * `solved`, mapped through `since`, the edits made after it. An issue whose text was deleted
 * since has no place left and is dropped.
 */
export function mappedDiagnostics(
  solved: Text,
  since: ChangeDesc,
  issues: readonly TextIssue[],
): Diagnostic[] {
  return diagnosticsOf(solved, issues).flatMap((diagnostic) => {
    const from = since.mapPos(diagnostic.from, 1, MapMode.TrackDel);
    const to = since.mapPos(diagnostic.to, -1, MapMode.TrackDel);
    if (from === null || to === null || to < from) return [];
    return [{ ...diagnostic, from, to }];
  });
}

/** Returns a model text as CodeMirror holds it (its lines split at any line break). */
export function textOf(text: string): Text {
  return Text.of(text.split(/\r\n?|\n/));
}
