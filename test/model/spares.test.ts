/**
 * Spare-part pools (`maintenance.spares`): evaluated with their defaults, and every mistake
 * located with what was expected.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'm.yaml' });

const COMPONENTS = `components:
  pump: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
  valve: { count: 2, failure: { rate: 5e-4 }, repair: { mttr: 2 } }
  sensor: { failure: { rate: 1e-4 } }
system: { series: [{ koon: { k: 2, of: pump } }, { parallel: [valve] }, sensor] }
`;

describe('spare pools', () => {
  it('evaluates the pools, with expressions, default names and any lead-time law', () => {
    const model = loadModel(`name: m
parameters: { S: 2 }
${COMPONENTS}maintenance:
  crews: 1
  spares:
    - { name: store, components: [pump], stock: S, lead_time: { mean: 720 } }
    - { components: [valve], stock: 0, lead_time: { dist: lognormal, mean: 48, sd: 24 } }
`);
    expect(model.maintenance.spares).toEqual([
      {
        name: 'store',
        components: [0],
        stock: 2,
        leadTime: { dist: 'exponential', mean: 720 },
      },
      {
        name: 'pool 2',
        components: [1],
        stock: 0,
        leadTime: { dist: 'lognormal', mean: 48, sd: 24 },
      },
    ]);
  });

  it('locates every mistake and says what was expected', () => {
    const errors = errorsOf(`name: m
${COMPONENTS.replace('\nsystem', '\n  bearing: { failure: { rate: 1e-4 }, repair: { mttr: 1 }, preventive: { policy: age, interval: 100 } }\nsystem')}maintenance:
  spares:
    - { components: [pump, pmp, sensor, bearing], stock: 1.5, lead_time: { mean: -3 } }
    - { components: [pump], stock: -1, lead_time: { mean: 3 } }
`);
    const text = errors.join('\n');
    expect(text).toMatch(/maintenance\.spares\[0\]\.components\[1\].*unknown component "pmp"/);
    expect(text).toMatch(/components\[2\].*"sensor" has no repair: a pool supplies the parts/);
    expect(text).toMatch(/components\[3\].*"bearing" has preventive replacement/);
    expect(text).toMatch(/spares\[0\]\.stock.*must be an integer in \[0, 1000000\]; got 1\.5/);
    expect(text).toMatch(/spares\[0\]\.lead_time/);
    expect(text).toMatch(/spares\[1\]\.components\[0\].*"pump" is already served by pool 1/);
    expect(text).toMatch(/spares\[1\]\.stock.*got -1/);
    for (const line of errors) expect(line).toMatch(/^m\.yaml:\d+:\d+: /);
  });

  it('checks the shape of a pool first', () => {
    const text = errorsOf(`name: m
${COMPONENTS}maintenance:
  spares:
    - { components: [], stock: 1, lead_time: { mean: 3 } }
    - { components: [valve] }
`).join('\n');
    expect(text).toMatch(
      /m\.yaml:9:\d+: maintenance\.spares\[0\]\.components must have at least 1/,
    );
    expect(text).toMatch(/m\.yaml:10:\d+: maintenance\.spares\[1\] must have the key "stock"/);
    expect(text).toMatch(/spares\[1\] must have the key "lead_time"/);
  });

  it('refuses a component listed twice and pools of one name', () => {
    const text = errorsOf(`name: m
${COMPONENTS}maintenance:
  spares:
    - { name: store, components: [pump, pump], stock: 1, lead_time: { mean: 3 } }
    - { name: store, components: [valve], stock: 1, lead_time: { mean: 3 } }
`).join('\n');
    expect(text).toMatch(/spares\[0\]\.components\[1\].*"pump" is listed twice in this pool/);
    expect(text).toMatch(/spares\[1\]\.name.*"store" is the name of pool 1 already/);
  });

  it('refuses a pool for the members of a common-cause group', () => {
    const errors = errorsOf(`name: m
${COMPONENTS}common_cause: [{ members: [pump], model: beta-factor, beta: 0.1 }]
maintenance:
  spares: [{ components: [pump], stock: 1, lead_time: { mean: 3 } }]
`);
    expect(errors.join('\n')).toMatch(
      /components\[0\].*"pump" is in a common-cause group.*not modelled/,
    );
  });

  it('refuses pools in a fault tree, as all maintenance', () => {
    const errors = errorsOf(`name: t
events:
  a: { failure: { rate: 1e-3 }, repair: { mttr: 2 } }
fault_tree: { top: { or: [a] } }
maintenance:
  spares: [{ components: [a], stock: 1, lead_time: { mean: 3 } }]
`);
    expect(errors.join('\n')).toMatch(/maintenance.*applies to block models only/);
  });
});
