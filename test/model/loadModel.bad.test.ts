/**
 * Malformed models: each gets a specific message with file, line, column and path, and no
 * other kind of exception escapes (STYLE.md §7).
 */
import { modelErrorsOf } from '../helpers/modelErrors.js';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';

const GOOD_COMPONENTS = `components:
  cpu:
    count: 3
    failure: { dist: exponential, rate: 1e-4 }
    repair: { mttr: 8 }
system:
  koon: { k: 2, of: cpu }
`;

const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'bad.yaml' });

const cases: [title: string, text: string, expected: RegExp][] = [
  ['an empty file', '', /^bad\.yaml: is empty; a model needs name, components and system$/],
  ['a file of only comments', '# nothing\n', /^bad\.yaml: is empty/],
  ['a YAML syntax error', 'name: x\ncomponents: [\n', /^bad\.yaml:3:1: invalid YAML\/JSON: /],
  [
    'bad indentation',
    'name: x\n  components: 1\n',
    /^bad\.yaml:1:7: invalid YAML\/JSON: Nested mappings are not allowed in compact mappings$/,
  ],
  [
    'a JSON syntax error',
    '{"name": "x",, }',
    /^bad\.yaml:1:14: invalid YAML\/JSON: Unexpected , in flow map$/,
  ],
  [
    'a duplicate key',
    'name: a\nname: b\n',
    /^bad\.yaml:2:1: invalid YAML\/JSON: Map keys must be unique/,
  ],
  [
    'two documents in one file',
    `name: a\n${GOOD_COMPONENTS}---\nname: b\n`,
    /^bad\.yaml:9:1: invalid YAML\/JSON: the text holds several documents; a model is one$/,
  ],
  [
    'a list at the top',
    '- a\n- b\n',
    /^bad\.yaml:1:1: must be a mapping \(key: value\); got \["a","b"\]$/,
  ],
  ['a missing name', GOOD_COMPONENTS, /^bad\.yaml:1:1: must have the key "name"$/],
  [
    'a missing system',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1 } }\n',
    /^bad\.yaml:1:1: must have the key "system"$/,
  ],
  [
    'an unknown top-level key with a hint',
    `name: x\nmision_time: 3\n${GOOD_COMPONENTS}`,
    /^bad\.yaml:2:1: mision_time is not a known key; did you mean "mission_time"\?/,
  ],
  [
    'a name that is a number',
    `name: 3\n${GOOD_COMPONENTS}`,
    /^bad\.yaml:1:7: name must be a non-empty string; got 3$/,
  ],
  [
    'no components',
    'name: x\ncomponents: {}\nsystem: a\n',
    /^bad\.yaml:2:13: components must have at least 1 entry$/,
  ],
  [
    'a component without failure',
    'name: x\ncomponents:\n  a: { count: 2 }\nsystem: a\n',
    /^bad\.yaml:3:6: components\.a must have the key "failure"$/,
  ],
  [
    'a misspelt component key',
    'name: x\ncomponents:\n  a: { failur: { mtbf: 1 }, failure: { mtbf: 1 } }\nsystem: a\n',
    /^bad\.yaml:3:8: components\.a\.failur is not a known key; did you mean "failure"\?/,
  ],
  [
    'an unknown distribution',
    'name: x\ncomponents:\n  a: { failure: { dist: weibul, shape: 1 } }\nsystem: a\n',
    /^bad\.yaml:3:25: components\.a\.failure\.dist must be one of exponential, weibull/,
  ],
  [
    'a parameter of another family',
    'name: x\ncomponents:\n  a: { failure: { dist: weibull, shap: 1, scale: 2 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.shap is not a known key; did you mean "shape"\?/,
  ],
  [
    'a negative rate',
    'name: x\ncomponents:\n  a: { failure: { dist: exponential, rate: -1 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.rate must be a finite number > 0; got -1$/,
  ],
  [
    'a zero mtbf',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 0 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.mtbf must be a finite number > 0; got 0$/,
  ],
  [
    'a NaN rate',
    'name: x\ncomponents:\n  a: { failure: { rate: .nan } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.rate must be a finite number; got NaN$/,
  ],
  [
    'an infinite mean',
    'name: x\ncomponents:\n  a: { failure: { mtbf: .inf } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.mtbf must be a finite number; got Infinity$/,
  ],
  [
    'a mean whose rate overflows',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1e-320 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.mtbf must be at least 5\.6e-309, so that its reciprocal is finite; got 1e-320$/,
  ],
  [
    'a huge number that overflows',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1e999 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.mtbf must be a finite number; got Infinity$/,
  ],
  [
    'a negative repair mean',
    'name: x\ncomponents:\n  cpu: { failure: { mtbf: 10 }, repair: { dist: lognormal, mean: -8, sd: 4 } }\nsystem: cpu\n',
    /^bad\.yaml:3:\d+: components\.cpu\.repair\.mean must be a finite number > 0; got -8$/,
  ],
  [
    'a string where a distribution goes',
    'name: x\ncomponents:\n  a: { failure: often }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure must be a distribution such as/,
  ],
  [
    'two shorthands at once',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1, rate: 2 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure must name a family with dist/,
  ],
  [
    'a repair shorthand used for failure',
    'name: x\ncomponents:\n  a: { failure: { mttr: 1 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.failure\.mttr is not a known key/,
  ],
  [
    'a fractional count',
    'name: x\ncomponents:\n  a: { count: 2.5, failure: { mtbf: 1 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.count must be an integer >= 1; got 2\.5$/,
  ],
  [
    'an absurd count',
    'name: x\ncomponents:\n  a: { count: 1e9, failure: { mtbf: 1 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.count brings the number of units to 1000000000; the limit is 100000 \(--max-units or limits\.maxUnits raises it\)$/,
  ],
  [
    'a coverage above 1',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1 }, coverage: 1.5 }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.coverage must be a probability in \[0, 1\]; got 1\.5$/,
  ],
  [
    'an unknown component in the structure',
    `name: x\ncomponents:\n  cpu: { failure: { mtbf: 1 } }\nsystem:\n  series: [cpu, gpu]\n`,
    /^bad\.yaml:5:17: system\.series\[1\] names the unknown component "gpu" \(components: cpu\)$/,
  ],
  [
    'k greater than n',
    `name: x\n${GOOD_COMPONENTS.replace('k: 2', 'k: 4')}`,
    /^bad\.yaml:8:\d+: system\.koon\.k must be an integer in \[0, 3\]; got 4$/,
  ],
  [
    'a negative k',
    `name: x\n${GOOD_COMPONENTS.replace('k: 2', 'k: -1')}`,
    /^bad\.yaml:8:\d+: system\.koon\.k must be an integer in \[0, 3\]; got -1$/,
  ],
  [
    'a structure node with two kinds',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1 } }\nsystem: { series: [a], parallel: [a] }\n',
    /^bad\.yaml:4:9: system must be a component name or a mapping with one key: series, parallel, koon, standby, network/,
  ],
  [
    'an unknown structure kind',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1 } }\nsystem: { serial: [a] }\n',
    /^bad\.yaml:4:9: system must be a component name or a mapping with one key/,
  ],
  [
    'a series that is not a list',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1 } }\nsystem: { series: a }\n',
    /^bad\.yaml:4:19: system\.series must be a list; got "a"$/,
  ],
  [
    'a parameter cycle',
    `name: x\nparameters:\n  a: b * 2\n  b: a + 1\ncomponents:\n  c: { failure: { rate: a } }\nsystem: c\n`,
    /^bad\.yaml:3:6: parameters\.a is defined in a cycle: a → b → a$/,
  ],
  [
    'an unknown parameter name',
    'name: x\nparameters:\n  lam: 1e-3\ncomponents:\n  c: { failure: { rate: lambda } }\nsystem: c\n',
    /^bad\.yaml:5:\d+: components\.c\.failure\.rate uses the unknown name "lambda" \(parameters: lam\)$/,
  ],
  [
    'an expression syntax error',
    'name: x\nparameters:\n  a: "2 *"\ncomponents:\n  c: { failure: { rate: a } }\nsystem: c\n',
    /^bad\.yaml:3:6: parameters\.a "2 \*" is not a valid expression: /,
  ],
  [
    'an expression that divides by zero',
    'name: x\nparameters:\n  a: 1/0\ncomponents:\n  c: { failure: { rate: a } }\nsystem: c\n',
    /^bad\.yaml:3:6: parameters\.a "1\/0" must evaluate to a finite number; got Infinity$/,
  ],
  [
    'an expression calling a forbidden function',
    'name: x\nparameters:\n  a: evaluate("1")\ncomponents:\n  c: { failure: { rate: a } }\nsystem: c\n',
    /^bad\.yaml:3:6: parameters\.a "evaluate\(\\"1\\"\)" may not use the function "evaluate"/,
  ],
  [
    'an expression reaching a constructor',
    'name: x\nparameters:\n  a: 1\n  b: a.constructor\ncomponents:\n  c: { failure: { rate: b } }\nsystem: c\n',
    /^bad\.yaml:4:6: parameters\.b "a\.constructor" may not use property access/,
  ],
  [
    'an expression defining a function',
    'name: x\nparameters:\n  a: f(x) = x\ncomponents:\n  c: { failure: { rate: 1 } }\nsystem: c\n',
    /^bad\.yaml:3:6: parameters\.a "f\(x\) = x" may not use a function definition/,
  ],
  [
    'a parameter named like a function',
    'name: x\nparameters:\n  exp: 2\ncomponents:\n  c: { failure: { rate: 1 } }\nsystem: c\n',
    /^bad\.yaml:3:3: parameters\.exp is a reserved name/,
  ],
  [
    'an expression over 1000 characters',
    `name: x\nparameters:\n  a: "${'1+'.repeat(600)}1"\ncomponents:\n  c: { failure: { rate: a } }\nsystem: c\n`,
    /^bad\.yaml:3:6: parameters\.a is an expression of 1201 characters; the limit is 1000 \(--max-expression-length or limits\.maxExpressionLength raises it\)$/,
  ],
  [
    'a non-positive mission time',
    `name: x\nmission_time: 0\n${GOOD_COMPONENTS}`,
    /^bad\.yaml:2:15: mission_time must be > 0; got 0$/,
  ],
  [
    'zero crews',
    `name: x\nmaintenance: { crews: 0 }\n${GOOD_COMPONENTS}`,
    /^bad\.yaml:2:23: maintenance\.crews must be an integer in \[1, 3\]; got 0$/,
  ],
  [
    'an unknown priority component',
    `name: x\nmaintenance: { priority: [gpu] }\n${GOOD_COMPONENTS}`,
    /^bad\.yaml:2:27: maintenance\.priority\[0\] names the unknown component "gpu"/,
  ],
  [
    'a standby with neither of nor primary',
    'name: x\ncomponents:\n  g: { count: 2, failure: { mtbf: 1 } }\nsystem: { standby: { mode: cold } }\n',
    /^bad\.yaml:4:20: system\.standby must give either "of" \(a counted component\) or "primary" with "spares"$/,
  ],
  [
    'a warm standby without dormancy',
    'name: x\ncomponents:\n  g: { count: 2, failure: { mtbf: 1 } }\nsystem: { standby: { of: g, mode: warm } }\n',
    /^bad\.yaml:4:20: system\.standby must give dormancy in \(0, 1\) for mode warm$/,
  ],
  [
    'a dormancy on a cold standby',
    'name: x\ncomponents:\n  g: { count: 2, failure: { mtbf: 1 } }\nsystem: { standby: { of: g, dormancy: 0.5 } }\n',
    /^bad\.yaml:4:\d+: system\.standby\.dormancy applies to mode warm only; mode is cold$/,
  ],
  [
    'a standby unit used elsewhere too',
    'name: x\ncomponents:\n  g: { count: 2, failure: { mtbf: 1 } }\nsystem: { series: [g, { standby: { of: g } }] }\n',
    /^bad\.yaml:4:9: system uses g\[1\] in a standby block at system\.series\[1\]\.standby and again at system\.series\[0\]/,
  ],
  [
    'a network whose sink is on no edge',
    'name: x\ncomponents:\n  l: { failure: { mtbf: 1 } }\nsystem: { network: { source: s, sink: t, edges: [{ from: s, to: a, via: l }] } }\n',
    /^bad\.yaml:4:\d+: system\.network\.sink "t" must be the end of some edge \(nodes: s, a\)$/,
  ],
  [
    'a network edge through a counted component',
    'name: x\ncomponents:\n  l: { count: 2, failure: { mtbf: 1 } }\nsystem: { network: { source: s, sink: t, edges: [{ from: s, to: t, via: l }] } }\n',
    /^bad\.yaml:4:\d+: system\.network\.edges\[0\]\.via must be a single unit; l has count 2$/,
  ],
  [
    'a component name with a dash',
    'name: x\ncomponents:\n  my-disk: { failure: { mtbf: 1 } }\nsystem: my-disk\n',
    /^bad\.yaml:3:3: components\.my-disk must be a name of letters, digits and _/,
  ],
  [
    'a chain transition to an unknown state',
    'name: x\nmarkov:\n  states: [{ name: a, up: true }, { name: b, up: false }]\n  initial: a\n  transitions: [{ from: a, to: b, rate: 1 }]\n'.replace(
      'to: b',
      'to: c',
    ),
    /^bad\.yaml:5:\d+: markov\.transitions\[0\]\.to names the unknown state "c" \(states: a, b\)$/,
  ],
  [
    'a chain with a zero rate',
    'name: x\nmarkov:\n  states: [{ name: a, up: true }, { name: b, up: false }]\n  initial: a\n  transitions: [{ from: a, to: b, rate: 1 }]\n'.replace(
      'rate: 1',
      'rate: 0',
    ),
    /^bad\.yaml:5:\d+: markov\.transitions\[0\]\.rate must be > 0; got 0$/,
  ],
  [
    'a chain self-loop',
    'name: x\nmarkov:\n  states: [{ name: a, up: true }, { name: b, up: false }]\n  initial: a\n  transitions: [{ from: a, to: b, rate: 1 }]\n'.replace(
      'to: b',
      'to: a',
    ),
    /^bad\.yaml:5:\d+: markov\.transitions\[0\]\.to must differ from "from"/,
  ],
  [
    'a chain with a repeated state',
    'name: x\nmarkov:\n  states: [{ name: a, up: true }, { name: b, up: false }]\n  initial: a\n  transitions: [{ from: a, to: b, rate: 1 }]\n'.replace(
      'name: b',
      'name: a',
    ),
    /^bad\.yaml:3:\d+: markov\.states\[1\]\.name repeats the state "a"$/,
  ],
  [
    'a chain with an unknown initial state',
    'name: x\nmarkov:\n  states: [{ name: a, up: true }, { name: b, up: false }]\n  initial: a\n  transitions: [{ from: a, to: b, rate: 1 }]\n'.replace(
      'initial: a',
      'initial: z',
    ),
    /^bad\.yaml:4:12: markov\.initial names the unknown state "z"/,
  ],
  [
    'a negative detection delay',
    'name: x\ncomponents:\n  a: { failure: { mtbf: 1 }, repair: { mttr: 1 }, detection: { mean: -1 } }\nsystem: a\n',
    /^bad\.yaml:3:\d+: components\.a\.detection\.mean must be a finite number > 0; got -1$/,
  ],
  [
    'a structure model without components',
    'name: x\nsystem: a\n',
    /^bad\.yaml:1:1: must have the key "components"$/,
  ],
];

describe('loadModel on malformed models', () => {
  it(`covers at least 30 kinds of mistake (has ${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const [title, text, expected] of cases) {
    it(`reports ${title} with its location`, () => {
      const messages = errorsOf(text);
      expect(
        messages.some((message) => expected.test(message)),
        messages.join('\n'),
      ).toBe(true);
    });
  }

  it('reports every issue at once, not only the first', () => {
    const messages = errorsOf(
      'name: x\ncomponents:\n  a: { failure: { rate: -1 } }\n  b: { failure: { mtbf: 0 } }\nsystem: { parallel: [a, b] }\n',
    );
    expect(messages).toEqual([
      'bad.yaml:3:25: components.a.failure.rate must be a finite number > 0; got -1',
      'bad.yaml:4:25: components.b.failure.mtbf must be a finite number > 0; got 0',
    ]);
  });

  it('does not report a component again in the structure when its own definition failed', () => {
    const messages = errorsOf('name: x\ncomponents:\n  a: { failure: { rate: -1 } }\nsystem: a\n');
    expect(messages).toHaveLength(1);
  });

  it('names objects passed directly as <input>, without line numbers', () => {
    expect(() => loadModel({ name: 'x' })).toThrow(/^<input>: must have the key "components"/);
  });
});
