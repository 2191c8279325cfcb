/**
 * componentImportance against Birnbaum importances computed by hand: a series of two, 2-of-3
 * units as a group, a bridge (pivotal decomposition on its middle link), a standby block
 * counted as parallel redundancy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentImportance, loadModel, ParameterError } from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

const bridge = readFileSync(new URL('../../models/bridge.yaml', import.meta.url), 'utf8');

describe('componentImportance', () => {
  it('of a series of two is the other unit’s reliability: I_B(a) = p_b', () => {
    const model = loadModel(
      'name: s\ncomponents:\n  a: { failure: { mtbf: 1000 } }\n  b: { failure: { mtbf: 2000 } }\nsystem: { series: [a, b] }',
    );
    const importance = componentImportance(model, 1000)!;
    expect(importance.components).toEqual(['a', 'b']);
    expect(importance.basis).toBe('R(t) at t = 1000');
    expect(importance.notes).toEqual([]);
    expectRelClose(importance.values[0]!, Math.exp(-0.5), 1e-15, 'I_B(a) = p_b');
    expectRelClose(importance.values[1]!, Math.exp(-1), 1e-15, 'I_B(b) = p_a');
  });

  it('takes a component as the group of its units: a probability, not a sum over them', () => {
    // 2-of-3 CPUs in series with a pump: the CPUs all working leave the pump, all failed fail the
    // system, so I_B(cpu) = p_pump; the sum of the units' 2p(1 − p)·p_pump would be 3 times one.
    const model = loadModel(
      'name: tmr\ncomponents:\n  cpu: { count: 3, failure: { mtbf: 1000 } }\n  pump: { failure: { mtbf: 4000 } }\nsystem: { series: [{ koon: { k: 2, of: cpu } }, pump] }',
    );
    const [p, pump] = [Math.exp(-500 / 1000), Math.exp(-500 / 4000)];
    const importance = componentImportance(model, 500)!;
    expectRelClose(importance.values[0]!, pump, 1e-14, 'I_B(cpu) = p_pump');
    expectRelClose(importance.values[1]!, 3 * p * p - 2 * p ** 3, 1e-14, 'I_B(pump) = R_2oo3');
    // A 1-of-3 bank with p = 0.1 at t: each unit 0.81, summed 2.43; the group 1.
    const bank = loadModel(
      'name: bank\ncomponents:\n  u: { count: 3, failure: { mtbf: 1000 } }\nsystem: { parallel: [u] }',
    );
    expectRelClose(componentImportance(bank, 1000 * Math.log(10))!.values[0]!, 1, 1e-14, 'bank');
  });

  it('of a bridge matches pivotal decomposition on the middle link, at steady availabilities', () => {
    // models/bridge.yaml: links sa, sb, ab (the middle), at, bt with these MTTF and MTTR.
    const [a, b, c, d, e] = [
      [1000, 10],
      [2000, 20],
      [3000, 5],
      [1500, 15],
      [2500, 12],
    ].map(([mttf, mttr]) => ({ p: mttf! / (mttf! + mttr!), q: mttr! / (mttf! + mttr!) }));
    // Middle link up: (sa ∥ sb) in series with (at ∥ bt); down: (sa·at) ∥ (sb·bt).
    const up = (1 - a!.q * b!.q) * (1 - d!.q * e!.q);
    const down = 1 - (1 - a!.p * d!.p) * (1 - b!.p * e!.p);
    const expected = [
      c!.p * b!.q * (1 - d!.q * e!.q) + c!.q * d!.p * (1 - b!.p * e!.p),
      c!.p * a!.q * (1 - d!.q * e!.q) + c!.q * e!.p * (1 - a!.p * d!.p),
      up - down,
      c!.p * e!.q * (1 - a!.q * b!.q) + c!.q * a!.p * (1 - b!.p * e!.p),
      c!.p * d!.q * (1 - a!.q * b!.q) + c!.q * b!.p * (1 - a!.p * d!.p),
    ];
    const importance = componentImportance(loadModel(bridge), 100)!;
    expect(importance.components).toEqual(['sa', 'sb', 'ab', 'at', 'bt']);
    expect(importance.basis).toBe('steady availability');
    // up − down cancels about two digits for the middle link.
    importance.values.forEach((value, i) =>
      expectRelClose(value, expected[i]!, 1e-12, importance.components[i]!),
    );
  });

  it('counts a cold standby block as parallel redundancy, and says so', () => {
    const model = loadModel(
      'name: sb\ncomponents:\n  x: { failure: { mtbf: 1000 } }\n  y: { failure: { mtbf: 2000 } }\n  z: { failure: { mtbf: 4000 }, coverage: 0.9 }\nsystem:\n  series:\n    - standby: { primary: x, spares: [y], mode: cold }\n    - z',
    );
    const t = 800;
    const [px, py, pz] = [1000, 2000, 4000].map((m) => Math.exp(-t / m));
    const importance = componentImportance(model, t)!;
    expect(importance.notes).toEqual([
      'coverage is not included in the importance',
      'standby blocks are counted as parallel redundancy',
    ]);
    // Φ = (1 − q_x q_y)·p_z: ∂/∂p_x = q_y p_z, ∂/∂p_y = q_x p_z, ∂/∂p_z = 1 − q_x q_y.
    expectRelClose(importance.values[0]!, (1 - py!) * pz!, 1e-14, 'x');
    expectRelClose(importance.values[1]!, (1 - px!) * pz!, 1e-14, 'y');
    expectRelClose(importance.values[2]!, 1 - (1 - px!) * (1 - py!), 1e-14, 'z');
  });

  it('gives nothing for a hand-written chain and refuses a bad mission time', () => {
    const chain = loadModel(
      'name: c\nmarkov:\n  states: [{ name: up, up: true }, { name: down, up: false }]\n  initial: up\n  transitions: [{ from: up, to: down, rate: 1 }]',
    );
    expect(componentImportance(chain, 1)).toBeUndefined();
    const unit = loadModel('name: u\ncomponents:\n  a: { failure: { mtbf: 10 } }\nsystem: a');
    expect(() => componentImportance(unit, -1)).toThrow(ParameterError);
    expect(() => componentImportance(unit, Number.NaN)).toThrow(
      'componentImportance: missionTime must be a finite number >= 0; got NaN',
    );
  });
});
