/**
 * Several systems over shared units, simulated in one event stream (simulateSystems): each
 * system's steady unavailability, failure frequency and (Raft) MTTF against exact values. Each
 * check is |estimate − exact| ≤ z·SE with Bonferroni z over a test's checks (α = 1e-4 per test,
 * so a correct simulator fails a test with probability at most 1e-4; statCheck.ts); SE from the
 * estimate's 95 % interval. Seeded: the numbers are the same on every run.
 *
 * Exact values: test/reference/sim_systems_reference.py (Python 3, fractions, 2026-12-06):
 * independent units enumerated over their 2^n states (the quorum store; a pump station with a
 * beta-factor common-cause group shared by both its systems), and the birth-death chain of the
 * failed nodes with one crew (Raft). Power: every test also fails against the exact answers of
 * the model with a wrong structure for one of its systems (write 2 of 3; Raft 4 of 5; the pumps'
 * backup 2 of 3), computed by the same script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { simulateSystems } from '../../src/sim/simulate.js';
import type { SimulationResult } from '../../src/sim/types.js';
import { expectAgreement, meanCheck, type StatCheck } from './statCheck.js';
import { PUMPS } from '../helpers/systemsModels.js';

const SEED = 2026;
const MODELS = join(import.meta.dirname, '../../models');

/** Exact values of sim_systems_reference.py. */
const EXACT = {
  storeRead: { u: 2.1215819360404807e-7, w: 5.303954840101202e-8 },
  storeWrite: { u: 0.017786140721999636, w: 0.0014733207889170005 },
  storeWriteWrong: { u: 0.00010629125499562809, w: 1.7679849467004006e-5 },
  raft: { u: 1.272536305531284e-5, w: 5.238989524836523e-7, mttf: 1943874.0740740742 },
  raftWrong: { u: 0.0007112572997001826, w: 2.910549736020291e-5, mttf: 35133.333333333336 },
  pumpsFlow: { u: 0.00788162426598347, w: 0.0006867642950052547 },
  pumpsBackup: { u: 0.002001525028186696, w: 0.00010062740412039535 },
  pumpsBackupWrong: { u: 0.0029210323873133863, w: 0.00019165863267393767 },
};

/** Steady unavailability and failure frequency (and MTTF when given) of one system. */
function checks(
  label: string,
  result: SimulationResult | undefined,
  exact: { u: number; w: number; mttf?: number },
): StatCheck[] {
  const measures = result!.measures;
  return [
    meanCheck(`${label} steadyUnavailability`, measures.steadyUnavailability, exact.u),
    meanCheck(`${label} failureFrequency`, measures.failureFrequency, exact.w),
    ...(exact.mttf === undefined ? [] : [meanCheck(`${label} mttf`, measures.mttf, exact.mttf)]),
  ];
}

function load(file: string): ReturnType<typeof loadModel> {
  return loadModel(readFileSync(join(MODELS, file), 'utf8'));
}

describe('several systems in one simulation agree with their exact values', () => {
  it('quorum store (read 1 of 3, write 3 of 3)', () => {
    // 1e9 h in all: about 53 read failures, 1.5e6 write failures.
    const { systems } = simulateSystems(load('quorum-store.yaml'), {
      replications: 1000,
      horizon: 1e6,
      seed: SEED,
      measures: ['steadyUnavailability', 'failureFrequency'],
    });
    expectAgreement(
      'quorum store',
      [
        ...checks('read', systems.read, EXACT.storeRead),
        ...checks('write', systems.write, EXACT.storeWrite),
      ],
      [
        ...checks('read', systems.read, EXACT.storeRead),
        ...checks('write as 2 of 3', systems.write, EXACT.storeWriteWrong),
      ],
    );
  });

  it('Raft, 5 nodes, one crew (read = write = 3 of 5)', () => {
    // 5e8 h: about 260 failures of each system.
    const { systems } = simulateSystems(load('raft-5.yaml'), {
      replications: 500,
      horizon: 1e6,
      seed: SEED,
      measures: ['steadyUnavailability', 'failureFrequency', 'mttf'],
    });
    expectAgreement(
      'raft',
      [...checks('read', systems.read, EXACT.raft), ...checks('write', systems.write, EXACT.raft)],
      [
        ...checks('read', systems.read, EXACT.raft),
        ...checks('write as 4 of 5', systems.write, EXACT.raftWrong),
      ],
    );
  });

  it('pumps with a common-cause group shared by both systems', () => {
    const { systems } = simulateSystems(loadModel(PUMPS), {
      replications: 200,
      horizon: 1e5,
      seed: SEED,
      measures: ['steadyUnavailability', 'failureFrequency'],
    });
    expectAgreement(
      'pumps',
      [
        ...checks('flow', systems.flow, EXACT.pumpsFlow),
        ...checks('backup', systems.backup, EXACT.pumpsBackup),
      ],
      [
        ...checks('flow', systems.flow, EXACT.pumpsFlow),
        ...checks('backup as 2 of 3', systems.backup, EXACT.pumpsBackupWrong),
      ],
    );
  });
});
