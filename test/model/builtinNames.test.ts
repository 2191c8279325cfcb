/**
 * Names that are also JavaScript built-ins (`constructor`, `toString`, `__proto__`,
 * `hasOwnProperty`): wherever a name comes from the user (a key of the file, a parameter, a name
 * in an expression, an override, `sweep --param`) it is looked up as an own property or a Map
 * key, never found on Object.prototype. Issue 14: `x: constructor` vanished and validate said OK.
 */
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/cli/io.js';
import { run } from '../../src/cli/relkit.js';
import { loadModel } from '../../src/model/loadModel.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const BUILT_INS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const TAIL = 'components:\n  c: { failure: { mtbf: 1000 } }\nsystem: c\n';
const errorsOf = (text: string, overrides?: Record<string, number>): string[] =>
  modelErrorsOf(text, { file: 'b.yaml', ...(overrides && { overrides }) });

describe.each(BUILT_INS)('the name %s', (name) => {
  it('is an unknown name in an expression when no parameter has it', () => {
    expect(errorsOf(`name: a\nparameters:\n  x: ${name}\n${TAIL}`)).toEqual([
      `b.yaml:3:6: parameters.x uses the unknown name "${name}" (parameters: x)`,
    ]);
    expect(errorsOf(`name: a\nparameters:\n  x: "${name} + 1"\n${TAIL}`)).toEqual([
      `b.yaml:3:6: parameters.x uses the unknown name "${name}" (parameters: x)`,
    ]);
    expect(
      errorsOf(`name: a\ncomponents:\n  c: { failure: { mtbf: ${name} } }\nsystem: c\n`),
    ).toEqual([
      `b.yaml:3:25: components.c.failure.mtbf uses the unknown name "${name}" (no parameters are defined)`,
    ]);
  });

  it('is a parameter like any other when the file defines it', () => {
    const model = loadModel(`name: a\nparameters:\n  ${name}: 4\n  y: ${name} * 2\n${TAIL}`);
    expect(Object.entries(model.parameters)).toEqual([
      [name, 4],
      ['y', 8],
    ]);
  });

  it('is a component like any other', () => {
    const model = loadModel(
      `name: a\ncomponents:\n  ${name}: { count: 2, failure: { mtbf: 10 } }\nsystem: { parallel: [${name}] }\n`,
    );
    expect(model.components.map((component) => component.name)).toEqual([name]);
    expect(model.units.map((unit) => unit.name)).toEqual([`${name}[1]`, `${name}[2]`]);
  });

  it('is an unknown key at the top, in a component and in a distribution (it used to crash)', () => {
    expect(errorsOf(`name: a\n${name}: 1\n${TAIL}`)).toEqual([
      expect.stringMatching(new RegExp(`^b\\.yaml:2:1: ${name} is not a known key \\(expected`)),
    ]);
    expect(
      errorsOf(`name: a\ncomponents:\n  c: { failure: { mtbf: 1 }, ${name}: 1 }\nsystem: c\n`),
    ).toEqual([expect.stringMatching(/^b\.yaml:3:30: components\.c\.\S+ is not a known key/)]);
    expect(errorsOf(`name: a\ncomponents:\n  c: { failure: { ${name}: 1 } }\nsystem: c\n`)).toEqual(
      [expect.stringMatching(/^b\.yaml:3:19: components\.c\.failure\.\S+ is not a known key/)],
    );
  });

  it('is refused as an override unless the file defines it', () => {
    const text = `name: a\nparameters:\n  y: 2\n${TAIL}`;
    // An object literal's "__proto__" key sets the prototype; JSON.parse makes an own key.
    const overrides = JSON.parse(`{"${name}": 1}`) as Record<string, number>;
    expect(errorsOf(text, overrides)).toEqual([
      `b.yaml:3:3: parameters has no parameter "${name}" to override`,
    ]);
    const defined = loadModel(`name: a\nparameters:\n  ${name}: 2\n${TAIL}`, { overrides });
    expect(Object.entries(defined.parameters)).toEqual([[name, 1]]);
  });
});

describe('relkit sweep --param', () => {
  it.each(['constructor', 'toString', '__proto__'])(
    'refuses %s, which raid5.yaml does not define',
    async (name) => {
      let stderr = '';
      const output: Output = { stdout: () => undefined, stderr: (text) => void (stderr += text) };
      const code = await run(['sweep', 'models/raid5.yaml', '--param', `${name}=1:2:3`], output);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `relkit: --param: models/raid5.yaml has no parameter "${name}"; its parameters are disk_mttf, rebuild\n`,
      );
    },
  );
});
