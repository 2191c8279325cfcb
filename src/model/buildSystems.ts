import { evaluateInteger } from './evaluateFields.js';
import type { NamedSystem, QuorumModel, SystemNode } from './Model.js';
import { buildSystem, type SystemContext } from './buildSystem.js';
import type { RawModel, RawNode } from './schema.js';
import type { Path, PathIssue } from './source.js';

/** A model's system functions, before common-cause expansion. */
export interface SystemFunctions {
  /** Each function with its node (undefined after an issue), in file order. */
  readonly functions: readonly { readonly name: string; readonly node: SystemNode | undefined }[];
  /** Whether the file names several (`systems:` or `quorum:`): results then list each. */
  readonly named: boolean;
  readonly quorum?: QuorumModel;
}

/**
 * Resolves a block model's system functions: `system:` (named `system`), each entry of
 * `systems:`, and the `read` and `write` systems of `quorum: { of, read: R, write: W }`, which
 * are R-out-of-N and W-out-of-N of the replica component's N units. Names must not repeat.
 *
 * @returns the functions, in that order (none when the file writes none)
 */
export function buildSystemFunctions(
  raw: Pick<RawModel, 'system' | 'systems' | 'quorum' | 'maintenance'>,
  context: SystemContext,
): SystemFunctions {
  const { issues } = context;
  const written: { name: string; raw: RawNode; path: Path }[] = [];
  if (raw.system !== undefined) written.push({ name: 'system', raw: raw.system, path: ['system'] });
  for (const [name, node] of Object.entries(raw.systems ?? {})) {
    written.push({ name, raw: node, path: ['systems', name] });
  }
  let quorum: QuorumModel | undefined;
  if (raw.quorum !== undefined) {
    const { of, read, write } = raw.quorum;
    const component = context.components.findIndex((c) => c.name === of);
    if (component < 0) {
      if (!context.rejected.has(of)) {
        issues.push({
          path: ['quorum', 'of'],
          message: `names the unknown component "${of}" (components: ${context.written.join(', ')})`,
        });
      }
    } else {
      const replicas = context.components[component]!.count; // found above
      const evaluate = (value: typeof read, key: 'read' | 'write'): number | undefined =>
        evaluateInteger(value, context.parameters, ['quorum', key], 1, replicas, issues);
      const [r, w] = [evaluate(read, 'read'), evaluate(write, 'write')];
      if (r !== undefined && w !== undefined) {
        quorum = { component, replicas, read: r, write: w };
        written.push({ name: 'read', raw: { koon: { k: r, of } }, path: ['quorum', 'read'] });
        written.push({ name: 'write', raw: { koon: { k: w, of } }, path: ['quorum', 'write'] });
      }
    }
  }
  const seen = new Map<string, Path>();
  const functions = written.map(({ name, raw: node, path }) => {
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push({
        path,
        message: `gives a second system named "${name}" (the first is at ${first.join('.')}); system names must differ`,
      });
    }
    seen.set(name, path);
    return { name, path, node: buildSystem(node, context, path) };
  });
  if (functions.length > 1) refuseSystemDependentParts(functions, raw, issues);
  return {
    functions,
    named: raw.systems !== undefined || raw.quorum !== undefined,
    ...(quorum && { quorum }),
  };
}

/**
 * Several systems are solved one at a time as the same plant seen through each: whatever makes
 * a unit's behaviour depend on the structure would make each system's solve a different plant.
 * Refused: `idle_while_down` (units stop ageing while *the* system is down: which one?) and
 * standby blocks (a unit dormant in one system's block would be active in another's).
 */
function refuseSystemDependentParts(
  functions: readonly {
    readonly name: string;
    readonly path: Path;
    readonly node: SystemNode | undefined;
  }[],
  raw: Pick<RawModel, 'maintenance'>,
  issues: PathIssue[],
): void {
  const names = functions.map((f) => f.name).join(', ');
  if (raw.maintenance?.idle_while_down === true) {
    issues.push({
      path: ['maintenance', 'idle_while_down'],
      message: `stops the units' ageing while the system is down, and this model has several systems (${names}): each would be a different plant; write one system, or leave idle_while_down out`,
    });
  }
  for (const { path, node } of functions) {
    const block = node && findStandby(node);
    if (block === undefined) continue;
    issues.push({
      path,
      message: `has a standby block (at ${block.path}), and this model has several systems (${names}): the units' dormancy would hold in this system's solve only; standby blocks need a model with one system`,
    });
  }
}

/** The first standby block of a structure, if any. */
function findStandby(root: SystemNode): SystemNode | undefined {
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.kind === 'standby') return node;
    if ('children' in node) stack.push(...node.children);
  }
  return undefined;
}

/**
 * Returns the model's structure as one node for the parts that rewrite every system alike
 * (common-cause expansion): a container over the functions, and the way back.
 */
export function joinSystems(functions: readonly NamedSystem[]): SystemNode {
  return {
    kind: 'parallel',
    path: 'systems',
    children: functions.map((f) => f.node),
  };
}

/** The functions again from a node {@link joinSystems} made (after it was rewritten). */
export function splitSystems(joined: SystemNode, functions: readonly NamedSystem[]): NamedSystem[] {
  if (joined.kind !== 'parallel') throw new Error('internal: joined systems lost their container');
  return functions.map((f, i) => ({ name: f.name, node: joined.children[i]! })); // same order
}
