/**
 * Every independent problem of a file in one run (issue 14: a file with 8 mistakes took 4 runs of
 * validate, because the schema, the parameters and the structure each stopped the next stage),
 * with did-you-mean hints for values as for keys. What depends on a rejected part is not reported
 * a second time.
 */
import { describe, expect, it } from 'vitest';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'm.yaml' });

describe('loadModel reports every problem at once', () => {
  it('finds the 9 mistakes of one file in one run, in stage order', () => {
    const text = `name: x
mision_time: 3
parameters:
  lam: 1e-3 *
  mu: lam2
components:
  cpu: { count: 3, failure: { dist: Weibull, shape: 1, scale: 2 } }
  disk: { count: 2, failure: { mtbf: -5 } }
  net: { failure: { mtbf: 10 }, coverage: 2 }
system:
  series: [cpu, gpu, { koon: { k: 5, of: disk } }]
maintenance: { priority: [fan] }
mission_time: 1y
`;
    expect(errorsOf(text)).toEqual([
      'm.yaml:2:1: mision_time is not a known key; did you mean "mission_time"? (expected one of name, description, time_unit, parameters, components, system, systems, quorum, markov, maintenance, mission_time, events, house_events, fault_tree, common_cause)',
      'm.yaml:7:37: components.cpu.failure.dist must be one of exponential, weibull, lognormal, gamma, erlang, normal, uniform, deterministic; got "Weibull"; did you mean "weibull"?',
      'm.yaml:4:8: parameters.lam "1e-3 *" is not a valid expression: Unexpected end of expression (char 7)',
      'm.yaml:5:7: parameters.mu uses the unknown name "lam2" (parameters: lam, mu)',
      'm.yaml:8:38: components.disk.failure.mtbf must be a finite number > 0; got -5',
      'm.yaml:9:43: components.net.coverage must be a probability in [0, 1]; got 2',
      'm.yaml:11:17: system.series[1] names the unknown component "gpu" (components: cpu, disk, net)',
      'm.yaml:12:27: maintenance.priority[0] names the unknown component "fan" (components: cpu, disk, net)',
      `m.yaml:13:15: mission_time "1y" is not a number: units are not accepted in numbers (every time and rate is in the model's time_unit); to multiply, write 1*y`,
    ]);
  });

  it('locates an unknown name in a koon written without a list at its of', () => {
    const text = `name: x
components: { a: { count: 3, failure: { mtbf: 100 } } }
systems:
  b: { koon: { k: 2, of: nope } }
  c: { koon: { k: 1, of: [a, nope] } }
`;
    expect(errorsOf(text)).toEqual([
      'm.yaml:4:26: systems.b.koon.of names the unknown component "nope" (components: a)',
      'm.yaml:5:30: systems.c.koon.of[1] names the unknown component "nope" (components: a)',
    ]);
  });

  it('is silent about what uses a rejected parameter or component', () => {
    const text = `name: x
parameters:
  bad: "1 +"
  "9lives": 3
  ok: 2
components:
  a: { failure: { mtbf: bad } }
  b: { failure: { mtbf: ok }, count: 9lives }
  c: { failure: { mtbf: -1 } }
system: { parallel: [a, b, c, { koon: { k: 1, of: c } }] }
mission_time: bad * ok
`;
    expect(errorsOf(text)).toEqual([
      'm.yaml:4:3: parameters.9lives must be a name of letters, digits and _ that does not start with a digit',
      expect.stringMatching(/^m\.yaml:3:8: parameters\.bad "1 \+" is not a valid expression/),
      'm.yaml:8:38: components.b.count "9lives" is not a number: units are not accepted in numbers (every time and rate is in the model\'s time_unit); to multiply, write 9*lives',
      'm.yaml:9:25: components.c.failure.mtbf must be a finite number > 0; got -1',
    ]);
  });

  it('suggests the value meant for a misspelt word, as for a key', () => {
    const text = `name: x
components:
  a: { failure: { dist: Exponential, rate: 1 } }
  b: { failure: { dist: weibul, shape: 1, scale: 1 } }
  s: { failure: { mtbf: 1 } }
system:
  series:
    - Parallel: [a, b]
    - standby: { primary: s, spares: [a], mode: Warm }
`;
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(
        /components\.a\.failure\.dist must be one of .*; got "Exponential"; did you mean "exponential"\?$/,
      ),
      expect.stringMatching(
        /components\.b\.failure\.dist must be one of .*; got "weibul"; did you mean "weibull"\?$/,
      ),
      expect.stringMatching(
        /system\.series\[0\] must be a component name or a mapping with one key: .*; did you mean "parallel"\?$/,
      ),
      expect.stringMatching(
        /system\.series\[1\]\.standby\.mode must be one of cold, warm, hot; got "Warm"; did you mean "warm"\?$/,
      ),
    ]);
  });
});
