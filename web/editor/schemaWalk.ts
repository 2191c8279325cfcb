/**
 * Walks relkit's JSON Schema (models/schema.json) along a YAML path: the schemas a value at that
 * path may match, with `$ref` resolved and `oneOf`/`anyOf` branches flattened, and from them the
 * keys a mapping there may have and the fixed values (`const`, `enum`, booleans) a value may take.
 */
import type { PathSegment } from './yamlContext.js';

/** The part of JSON Schema that relkit's schema uses. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly maxLength?: number;
}

/** One alternative a value may match, and the `$defs` entry it came through (`node`, `gate`). */
export interface Alternative {
  readonly schema: JsonSchema;
  readonly def?: string;
}

/** A key a mapping may have, with the schema's description of its value. */
export interface KeyCandidate {
  readonly key: string;
  readonly description?: string;
}

const REF = /^#\/\$defs\/(.+)$/;

/** Returns the concrete alternatives of a schema: `$ref` resolved, `oneOf`/`anyOf` flattened. */
export function alternativesOf(root: JsonSchema, schema: JsonSchema, def?: string): Alternative[] {
  if (schema.$ref !== undefined) {
    const name = REF.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : root.$defs?.[name];
    return target ? alternativesOf(root, target, name) : [];
  }
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (branches.length === 0) return [{ schema, ...(def !== undefined && { def }) }];
  // The top level of relkit's schema has both properties and an anyOf of `required` lists.
  const own = schema.properties ? [{ schema, ...(def !== undefined && { def }) }] : [];
  return [...own, ...branches.flatMap((branch) => alternativesOf(root, branch, def))];
}

/** The schema of one step into an alternative, or undefined when it has no such child. */
function childOf(schema: JsonSchema, segment: PathSegment): JsonSchema | undefined {
  if (typeof segment === 'number') return schema.items;
  const named = schema.properties?.[segment];
  if (named) return named;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** Returns the alternatives a value at `path` may match (none: the path leaves the schema). */
export function alternativesAt(root: JsonSchema, path: readonly PathSegment[]): Alternative[] {
  let current = alternativesOf(root, root);
  for (const segment of path) {
    current = current.flatMap(({ schema }) => {
      const child = childOf(schema, segment);
      return child ? alternativesOf(root, child) : [];
    });
  }
  return current;
}

/**
 * Keeps the mapping alternatives that agree with the keys already written: a branch whose fixed
 * value of a key (`dist: weibull`) differs, or that allows no such key, is left out.
 */
export function matchingMappings(
  alternatives: readonly Alternative[],
  siblings: ReadonlyMap<string, string>,
): Alternative[] {
  return alternatives.filter(({ schema }) => {
    if (!schema.properties) return false;
    for (const [key, value] of siblings) {
      const property = schema.properties[key];
      if (!property) {
        if (schema.additionalProperties === false) return false;
        continue;
      }
      if (property.const !== undefined && value !== '' && String(property.const) !== value) {
        return false;
      }
    }
    return true;
  });
}

/** Returns the keys a mapping matching these alternatives may have, each once, in schema order. */
export function keysOf(alternatives: readonly Alternative[]): KeyCandidate[] {
  const keys = new Map<string, KeyCandidate>();
  for (const { schema } of alternatives) {
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (keys.has(key)) continue;
      const description = property.description;
      keys.set(key, { key, ...(description !== undefined && { description }) });
    }
  }
  return [...keys.values()];
}

/** Returns the fixed values (`const`, `enum`, `true`/`false`) a value may take, each once. */
export function fixedValuesOf(alternatives: readonly Alternative[]): string[] {
  const values = new Set<string>();
  for (const { schema } of alternatives) {
    if (schema.const !== undefined) values.add(String(schema.const));
    for (const value of schema.enum ?? []) values.add(String(value));
    if (schema.type === 'boolean') {
      values.add('true');
      values.add('false');
    }
  }
  return [...values];
}

/** True when a value may be an expression over the parameters (a number or expression slot). */
export function takesExpression(alternatives: readonly Alternative[]): boolean {
  const number = alternatives.some(({ schema }) => schema.type === 'number');
  const text = alternatives.some(({ schema }) => schema.type === 'string' && schema.maxLength);
  return number && text;
}
