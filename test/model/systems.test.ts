/**
 * Several system functions over the same components (`systems:`) and read/write quorums
 * (`quorum:`): loaded in file order, each solvable as a model of its own (systemView), every
 * mistake located; the consistency statement of a quorum.
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadModel, quorumConsistency, solveMarkov, systemView } from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';
import { STORE } from '../helpers/systemsModels.js';

const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'm.yaml' });

/** P(fewer than k of n up), each down with probability q independently (summed directly). */
function fewerThan(k: number, n: number, q: number): number {
  let sum = 0;
  let binomial = 1;
  for (let i = 0; i < k; i++) {
    sum += binomial * (1 - q) ** i * q ** (n - i);
    binomial = (binomial * (n - i)) / (i + 1);
  }
  return sum;
}

describe('several systems', () => {
  it('lists system, then systems, then the quorum read and write, each solvable alone', () => {
    const model = loadModel(STORE);
    expect(model.systems?.map((s) => s.name)).toEqual(['system', 'any', 'read', 'write']);
    expect(model.system).toBe(model.systems?.[0]?.node);
    expect(model.quorum).toEqual({ component: 0, replicas: 5, read: 2, write: 4 });
    const q = 1 / 2000 / (1 / 2000 + 1 / 12); // a unit's unavailability λ/(λ+μ)
    for (const [name, k] of [
      ['read', 2],
      ['write', 4],
      ['any', 1],
    ] as const) {
      const view = systemView(model, name);
      expect(view.name).toBe(`store (${name})`);
      expect(view.systems).toBeUndefined();
      const exact = fewerThan(k, 5, q);
      // Binomial sum against the BDD and the Markov chain: measured ≤ 1e-13 relative.
      expectRelClose(analyze(view).measures.steadyUnavailability as number, exact, 1e-9, name);
      expectRelClose(
        solveMarkov(view).measures.steadyUnavailability as number,
        exact,
        1e-9,
        `${name} (markov)`,
      );
    }
    expect(() => systemView(model, 'nope')).toThrow(
      /no system named "nope" \(systems: system, any, read, write\)/,
    );
  });

  it('expands a common-cause group in every system alike', () => {
    const model = loadModel(`name: ccf
components:
  replica: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
common_cause: [{ members: [replica], model: beta-factor, beta: 0.1 }]
quorum: { of: replica, read: 1, write: 3 }
`);
    for (const name of ['read', 'write']) {
      const view = systemView(model, name);
      const exact = analyze(view).measures.steadyUnavailability as number;
      expectRelClose(solveMarkov(view).measures.steadyUnavailability as number, exact, 1e-9, name);
    }
    // The shock takes all three down at once: read (1 of 3) is down at least while it is.
    const read = analyze(systemView(model, 'read')).measures.steadyUnavailability as number;
    const shock = 1e-4 / (1e-4 + 0.1);
    expect(read).toBeGreaterThan(shock);
  });

  it('states the guarantee of a quorum', () => {
    const strong = quorumConsistency({ component: 0, replicas: 3, read: 2, write: 2 });
    expect([strong.readsSeeLatestWrite, strong.writesOrdered]).toEqual([true, true]);
    const weak = quorumConsistency({ component: 0, replicas: 5, read: 1, write: 2 });
    expect([weak.readsSeeLatestWrite, weak.writesOrdered]).toEqual([false, false]);
    expect(weak.statement).toMatch(/R \+ W = 3 <= N = 5: .*reads can be stale/);
    expect(weak.statement).toMatch(/W = 2 <= N\/2 = 2\.5: .*both be acknowledged/);
  });

  it('locates every mistake', () => {
    const text = errorsOf(`name: m
components:
  replica: { count: 3, failure: { mtbf: 2000 }, repair: { mttr: 12 } }
system: replica
systems:
  system: { koon: { k: 1, of: replica } }
  read: { koon: { k: 1, of: replica } }
  bad: { series: [replicaa] }
quorum: { of: replica, read: 4, write: 0 }
`).join('\n');
    expect(text).toMatch(/m\.yaml:6:\d+: systems\.system gives a second system named "system"/);
    expect(text).toMatch(/systems\.bad\.series\[0\].*unknown component "replicaa"/);
    expect(text).toMatch(/quorum\.read must be an integer in \[1, 3\]; got 4/);
    expect(text).toMatch(/quorum\.write must be an integer in \[1, 3\]; got 0/);
    const other = errorsOf(`name: m
components:
  replica: { count: 3, failure: { mtbf: 2000 } }
systems:
  read: replica
quorum: { of: replicas, read: 1, write: 1 }
`).join('\n');
    expect(other).toMatch(/quorum\.of names the unknown component "replicas"/);
    const duplicate = errorsOf(`name: m
components:
  replica: { count: 3, failure: { mtbf: 2000 } }
systems:
  read: replica
quorum: { of: replica, read: 1, write: 1 }
`).join('\n');
    expect(duplicate).toMatch(/quorum\.read gives a second system named "read"/);
    // Behaviour that depends on the structure would make each system's solve another plant.
    const plant = errorsOf(`name: m
components:
  r: { count: 3, failure: { rate: 0.01 }, repair: { mttr: 20 } }
  x: { failure: { rate: 0.01 } }
  y: { failure: { rate: 0.01 } }
quorum: { of: r, read: 1, write: 3 }
systems:
  power: { standby: { primary: x, spares: [y], mode: cold } }
maintenance: { idle_while_down: true }
`).join('\n');
    expect(plant).toMatch(
      /maintenance\.idle_while_down stops the units' ageing while the system is down, and this model has several systems \(power, read, write\)/,
    );
    expect(plant).toMatch(/systems\.power has a standby block \(at systems\.power\.standby\)/);
    const tree = errorsOf(`name: t
events: { a: { probability: 0.1 } }
fault_tree: { top: { or: [a] } }
systems: { s: a }
`).join('\n');
    expect(tree).toMatch(/systems is a block-diagram key/);
  });
});
