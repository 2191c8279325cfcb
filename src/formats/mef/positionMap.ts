import type { ModelIssue } from '../../errors.js';
import { formatPath, type ModelSource, type Path } from '../../model/source.js';
import type { XmlPosition } from './xmlTree.js';

/**
 * Where each part of a document built from other files came from: document paths to positions
 * in those files, and a {@link ModelSource} that locates an issue by the nearest recorded path.
 */
export interface PositionMap {
  /**
   * Records where the value at `path` came from; `key` is where its name was written, when that
   * is elsewhere (the `<define-… name="…">` element of a value written in a child element).
   * The first record of a path wins.
   */
  record(path: Path, at: XmlPosition, key?: XmlPosition): void;
  /** A source over `data` whose `locate` maps a path to the nearest recorded prefix's position. */
  source(file: string, data: unknown, fallback: XmlPosition): ModelSource;
}

/**
 * Returns an empty {@link PositionMap}.
 *
 * @remarks
 * Paths are keyed by their JSON text; locating a path of length d costs d look-ups.
 */
export function positionMap(): PositionMap {
  const values = new Map<string, XmlPosition>();
  const keys = new Map<string, XmlPosition>();
  return {
    record(path, at, key) {
      const id = JSON.stringify(path);
      if (values.has(id)) return;
      values.set(id, at);
      if (key) keys.set(id, key);
    },
    source(file, data, fallback) {
      const locate = (issue: { path: Path; message: string; atKey?: boolean }): ModelIssue => {
        let at: XmlPosition = fallback;
        for (let length = issue.path.length; length >= 0; length--) {
          const id = JSON.stringify(issue.path.slice(0, length));
          const found =
            (issue.atKey === true && length === issue.path.length ? keys.get(id) : undefined) ??
            values.get(id);
          if (found) {
            at = found;
            break;
          }
        }
        return { ...at, path: formatPath(issue.path), message: issue.message };
      };
      return { file, data, locate };
    },
  };
}
