import { formatValue } from '../errors.js';
import { DEFAULT_MODEL_LIMITS, limitReached } from './ModelLimits.js';
import type { Path, PathIssue } from './source.js';

/** A JSON Schema fragment (draft 2020-12). */
export type JsonSchema = { readonly [key: string]: unknown };

/** The limits a schema check applies (see ModelLimits); the JSON Schema states the defaults. */
export interface SchemaLimits {
  readonly maxExpressionLength: number;
}

/**
 * One part of the model format: checks a parsed value (collecting every issue with its path)
 * and describes itself as JSON Schema, so the validator and `models/schema.json` come from one
 * source and cannot disagree.
 */
export interface Schema<T> {
  readonly json: JsonSchema;
  /** Returns the value when valid; otherwise records issues and returns undefined. */
  check(value: unknown, path: Path, issues: PathIssue[], limits: SchemaLimits): T | undefined;
}

/** A number, or an expression over parameters evaluated later (`2*lambda`). */
export type Numeric = number | string;

/** Names of parameters and components: usable in expressions and as YAML keys. */
export const NAME_PATTERN: RegExp = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A non-empty string. */
export function text(description: string): Schema<string> {
  return {
    json: { type: 'string', minLength: 1, description },
    check: (value, path, issues) =>
      typeof value === 'string' && value.length > 0
        ? value
        : fail(issues, path, 'must be a non-empty string', value),
  };
}

/** `true` or `false`. */
export function flag(description: string): Schema<boolean> {
  return {
    json: { type: 'boolean', description },
    check: (value, path, issues) =>
      typeof value === 'boolean' ? value : fail(issues, path, 'must be true or false', value),
  };
}

/**
 * A finite number or an expression string of at most `limits.maxExpressionLength` characters
 * (checked when evaluated); the JSON Schema gives the default length.
 */
export function numeric(description: string): Schema<Numeric> {
  return {
    json: {
      anyOf: [
        { type: 'number' },
        { type: 'string', minLength: 1, maxLength: DEFAULT_MODEL_LIMITS.maxExpressionLength },
      ],
      description,
    },
    check: (value, path, issues, limits) => {
      if (typeof value === 'number') {
        return Number.isFinite(value)
          ? value
          : fail(issues, path, 'must be a finite number', value);
      }
      if (typeof value === 'string' && value.trim().length > 0) {
        const max = limits.maxExpressionLength;
        if (value.length <= max) return value;
        issues.push({
          path,
          message: `is an expression of ${value.length} characters; ${limitReached('maxExpressionLength', max)}`,
        });
        return undefined;
      }
      return fail(issues, path, 'must be a number or an expression', value);
    },
  };
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(
  values: readonly T[],
  description: string,
): Schema<T> {
  return {
    json: { enum: values, description },
    check: (value, path, issues) =>
      (values as readonly unknown[]).includes(value)
        ? (value as T)
        : fail(
            issues,
            path,
            `must be one of ${values.join(', ')}`,
            value,
            didYouMean(value, values),
          ),
  };
}

/** An array of items of one kind. */
export function list<T>(item: Schema<T>, description: string, minItems = 0): Schema<T[]> {
  return {
    json: { type: 'array', items: item.json, minItems, description },
    check: (value, path, issues, limits) => {
      if (!Array.isArray(value)) return fail(issues, path, 'must be a list', value);
      if (value.length < minItems) {
        return fail(issues, path, `must have at least ${minItems} item(s)`, value);
      }
      const before = issues.length;
      const items = value.map((entry, index) =>
        item.check(entry, [...path, index], issues, limits),
      );
      return issues.length === before ? (items as T[]) : undefined;
    },
  };
}

/** A property of an {@link object} schema. */
export interface Property {
  readonly schema: Schema<unknown>;
  readonly required?: boolean;
}

/** A mapping with known keys; unknown keys are errors with a did-you-mean suggestion. */
export function object<T>(properties: Record<string, Property>, description: string): Schema<T> {
  // A Map, not the object: a key such as "constructor" or "__proto__" must not find Object's.
  const known = new Map(Object.entries(properties));
  const names = [...known.keys()];
  const required = names.filter((name) => known.get(name)?.required === true);
  return {
    json: {
      type: 'object',
      description,
      properties: Object.fromEntries(names.map((name) => [name, known.get(name)?.schema.json])),
      required,
      additionalProperties: false,
    },
    check: (value, path, issues, limits) => {
      if (!isPlainObject(value)) return fail(issues, path, 'must be a mapping (key: value)', value);
      const before = issues.length;
      for (const key of Object.keys(value)) {
        const property = known.get(key);
        if (property) property.schema.check(value[key], [...path, key], issues, limits);
        else issues.push({ path: [...path, key], message: unknownKey(key, names), atKey: true });
      }
      for (const key of required) {
        if (!Object.hasOwn(value, key))
          issues.push({ path, message: `must have the key "${key}"` });
      }
      return issues.length === before ? (value as T) : undefined;
    },
  };
}

/** A {@link record} that can also keep the entries that passed when others did not. */
export interface RecordSchema<T> extends Schema<Record<string, T>> {
  /**
   * Checks like `check`, recording every issue, and returns the entries that passed in file order
   * and the names of those that did not (a bad name or a bad value), so later stages can go on
   * with the good entries and stay silent about the rejected ones; undefined when the value is
   * not a mapping.
   */
  checkEntries(
    value: unknown,
    path: Path,
    issues: PathIssue[],
    limits: SchemaLimits,
  ): { entries: Map<string, T>; rejected: Set<string> } | undefined;
}

/**
 * A mapping from user-chosen names (parameters, components) to values of one kind; names match
 * `pattern` ({@link NAME_PATTERN} unless given).
 */
export function record<T>(
  item: Schema<T>,
  description: string,
  minItems = 0,
  pattern: RegExp = NAME_PATTERN,
): RecordSchema<T> {
  const checkEntries: RecordSchema<T>['checkEntries'] = (value, path, issues, limits) => {
    if (!isPlainObject(value)) {
      return fail(issues, path, 'must be a mapping (name: value)', value);
    }
    const keys = Object.keys(value);
    if (keys.length < minItems) {
      issues.push({ path, message: `must have at least ${minItems} entry` });
    }
    const entries = new Map<string, T>();
    const rejected = new Set<string>();
    for (const key of keys) {
      let ok = true;
      if (!pattern.test(key)) {
        issues.push({
          path: [...path, key],
          message:
            pattern === NAME_PATTERN
              ? 'must be a name of letters, digits and _ that does not start with a digit'
              : 'must be a name of letters, digits and _ (with - or . between parts) that does not start with a digit',
          atKey: true,
        });
        ok = false;
      }
      const checked = item.check(value[key], [...path, key], issues, limits);
      if (ok && checked !== undefined) entries.set(key, checked);
      else rejected.add(key);
    }
    return { entries, rejected };
  };
  return {
    json: {
      type: 'object',
      description,
      minProperties: minItems,
      propertyNames: { pattern: pattern.source },
      additionalProperties: item.json,
    },
    checkEntries,
    check: (value, path, issues, limits) => {
      const before = issues.length;
      checkEntries(value, path, issues, limits);
      return issues.length === before ? (value as Record<string, T>) : undefined;
    },
  };
}

/** A schema defined once under `$defs` and referred to by name, for recursive parts. */
export function definition<T>(
  name: string,
  definitions: Map<string, () => JsonSchema>,
  build: () => Schema<T>,
): Schema<T> {
  let built: Schema<T> | undefined;
  // Built on first use: the schema may refer to itself, so it cannot be built while declared.
  const resolve = (): Schema<T> => (built ??= build());
  definitions.set(name, () => resolve().json);
  return {
    json: { $ref: `#/$defs/${name}` },
    check: (value, path, issues, limits) => resolve().check(value, path, issues, limits),
  };
}

/** Records an issue `must …; got …` (and a hint such as {@link didYouMean}'s) at `path` and returns undefined. */
export function fail(
  issues: PathIssue[],
  path: Path,
  expectation: string,
  got: unknown,
  hint = '',
): undefined {
  issues.push({ path, message: `${expectation}; got ${formatValue(got)}${hint}` });
  return undefined;
}

/** True for a mapping parsed from YAML/JSON (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `unknown key "shap"; did you mean "shape"? expected one of …` */
export function unknownKey(key: string, known: readonly string[]): string {
  return `is not a known key${didYouMean(key, known)} (expected one of ${known.join(', ')})`;
}

/**
 * `; did you mean "weibull"?` when `value` is a string close to one of `known` (the same but for
 * case, or a few letters apart), else the empty string.
 */
export function didYouMean(value: unknown, known: Iterable<string>): string {
  if (typeof value !== 'string') return '';
  const names = [...known];
  const lower = value.toLowerCase();
  const close =
    names.find((name) => name.toLowerCase() === lower) ??
    names.find((name) => editDistance(name, value) <= Math.max(1, name.length / 4));
  return close === undefined ? '' : `; did you mean "${close}"?`;
}

/** Levenshtein distance, for did-you-mean hints on short names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A name, or a mapping with exactly one key naming its kind (`{ series: [...] }`, `{ or: [...] }`):
 * the recursive nodes of a structure or a fault tree. The key's value is checked by that kind's
 * schema.
 *
 * @param name - what a plain string stands for, in messages and the JSON Schema (`a component name`)
 * @param kinds - the kinds in the order the messages list them, each with its value's schema
 */
export function nameOrKind<T>(
  name: string,
  kinds: Readonly<Record<string, Schema<unknown>>>,
): Schema<string | T> {
  const names = Object.keys(kinds);
  return {
    json: {
      oneOf: [
        { type: 'string', description: name },
        ...names.map((kind) => ({
          type: 'object',
          properties: { [kind]: kinds[kind]!.json }, // a key of kinds
          required: [kind],
          additionalProperties: false,
        })),
      ],
    },
    check: (value, path, issues, limits) => {
      if (typeof value === 'string' && value.length > 0) return value;
      const keys = isPlainObject(value) ? Object.keys(value) : [];
      const kind = keys.length === 1 ? keys[0]! : ''; // one key
      const schema = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
      if (schema === undefined) {
        return fail(
          issues,
          path,
          `must be ${name} or a mapping with one key: ${names.join(', ')}`,
          value,
          keys.length === 1 ? didYouMean(keys[0], names) : '',
        );
      }
      const checked = schema.check(
        (value as Record<string, unknown>)[kind],
        [...path, kind],
        issues,
        limits,
      );
      return checked === undefined ? undefined : (value as T);
    },
  };
}
