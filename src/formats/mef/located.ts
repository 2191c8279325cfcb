import { formatModelIssue, type ModelIssue } from '../../errors.js';
import type { XmlElement, XmlPosition } from './xmlTree.js';

/** An issue at a position of an XML file, with no document path (it is about the XML). */
export function issueAt(at: XmlPosition, message: string): ModelIssue {
  return { ...at, path: '', message };
}

/** A warning as users read it: `file:line:column: message`. */
export function warningAt(at: XmlPosition, message: string): string {
  return formatModelIssue(issueAt(at, message));
}

/** Where a position is, as messages write it: `file:line:column`. */
export function formatPosition(at: XmlPosition): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** An element as messages name it: `<define-gate name="top">`, or `<or>` when it has no name. */
export function tagOf(element: XmlElement): string {
  const name = element.attributes.get('name');
  return name === undefined
    ? `<${element.name}>`
    : `<${element.name} name=${JSON.stringify(name)}>`;
}

/** The child elements that carry content: all but `<label>` and `<attributes>`. */
export function contentOf(element: XmlElement): readonly XmlElement[] {
  return element.children.filter((child) => child.name !== 'label' && child.name !== 'attributes');
}
