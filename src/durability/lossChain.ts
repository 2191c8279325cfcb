import { ParameterError } from '../errors.js';
import { buildCtmc, type CtmcTransition } from '../markov/generation/buildCtmc.js';
import type { Ctmc } from '../markov/generation/Ctmc.js';
import { meanTimeToAbsorption } from '../markov/linalg/meanTimeToAbsorption.js';
import { reliabilityCurve } from '../markov/measures/reliabilityCurve.js';

/**
 * A chain of the lost chunks or failed disks with an absorbing data-loss state: transient
 * states 0 … n − 1 (0 the start, all up), `transitions` between them, and `loss[i]` the rate
 * from state i to data loss. Rates per time unit.
 */
export interface LossChain {
  readonly transitions: readonly CtmcTransition[];
  readonly loss: readonly number[];
}

/**
 * Returns the transitions of a birth–death chain j = 0 … J: `up[j]` to j + 1 and `down[j]` to
 * j − 1 (zero rates left out).
 */
export function birthDeathTransitions(
  up: readonly number[],
  down: readonly number[],
): CtmcTransition[] {
  const transitions: CtmcTransition[] = [];
  up.forEach((rate, j) => {
    if (rate > 0) transitions.push({ from: j, to: j + 1, rate });
  });
  down.forEach((rate, j) => {
    if (rate > 0) transitions.push({ from: j, to: j - 1, rate });
  });
  return transitions;
}

/** What the Markov engine gives for a {@link LossChain} started in state 0 (all new). */
export interface LossChainSolution {
  /** Mean time to data loss from state 0. */
  readonly mttdl: number;
  /** 1 − R(t): the probability of data loss by each mission time. */
  readonly lossProbability: readonly number[];
  /** Notes from the solvers (an infinite mean time and why). */
  readonly warnings: readonly string[];
}

/**
 * Builds the chain of a {@link LossChain} for the Markov engine: states 0 … n − 1 up, n the
 * absorbing data loss, initial state 0.
 *
 * $$
 * q_{ij} = \text{rate of } i \to j,\qquad q_{i,L} = \mathrm{loss}_i
 * $$
 *
 * @param chain - the rates; n is the length of `loss`
 * @returns the chain (n + 1 states)
 * @throws {@link ParameterError} when a loss rate is negative or not finite, or a transition's
 * state is not in [0, n − 1] or its rate not > 0 ({@link buildCtmc}).
 */
export function lossChainCtmc(chain: LossChain): Ctmc {
  const states = chain.loss.length;
  if (states < 1) throw new ParameterError('lossChainCtmc', 'loss', 'have at least one state', 0);
  const transitions: CtmcTransition[] = chain.transitions.map((t) => {
    if (t.from >= states || t.to >= states) {
      throw new ParameterError('lossChainCtmc', 'transitions', `stay in [0, ${states - 1}]`, t.to);
    }
    return t;
  });
  chain.loss.forEach((rate, i) => {
    if (!(Number.isFinite(rate) && rate >= 0)) {
      throw new ParameterError('lossChainCtmc', `loss[${i}]`, 'be a finite number ≥ 0', rate);
    }
    if (rate > 0) transitions.push({ from: i, to: states, rate });
  });
  const up = new Uint8Array(states + 1).fill(1);
  up[states] = 0;
  return buildCtmc(states + 1, transitions, up, 0);
}

/**
 * Solves a {@link LossChain} by the Markov engine: the mean time to absorption in data loss
 * from state 0 ({@link meanTimeToAbsorption}: state reduction up to its direct limit) and
 * 1 − R(t) at each mission time ({@link reliabilityCurve}: uniformization or squaring).
 *
 * $$
 * \mathrm{MTTDL} = \sum_j \tau_j,\quad \tau(-Q_{TT}) = e_0,\qquad
 * P_{\text{loss}}(t) = 1 - \sum_{j < n} p_j(t)
 * $$
 *
 * @param chain - the rates
 * @param missionTimes - times t ≥ 0 of the loss probabilities
 * @returns MTTDL, the loss probabilities, the solvers' notes
 * @throws {@link ParameterError} from {@link lossChainCtmc} or a bad time.
 */
export function solveLossChain(
  chain: LossChain,
  missionTimes: readonly number[],
): LossChainSolution {
  const ctmc = lossChainCtmc(chain);
  const absorption = meanTimeToAbsorption(ctmc, 'down');
  const curve = reliabilityCurve(ctmc, missionTimes);
  // The engine's notes name its functions; here their results are the MTTDL and the loss
  // probabilities.
  return {
    mttdl: absorption.meanTime,
    lossProbability: curve.unreliability,
    warnings: [
      ...absorption.warnings.map((w) => w.replace(/^meanTimeToAbsorption: /, 'mttdl: ')),
      ...curve.warnings.map((w) => w.replace(/^reliabilityCurve: /, 'lossProbability: ')),
    ],
  };
}
