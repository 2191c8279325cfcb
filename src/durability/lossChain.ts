import { ParameterError } from '../errors.js';
import { buildCtmc, type CtmcTransition } from '../markov/generation/buildCtmc.js';
import type { Ctmc } from '../markov/generation/Ctmc.js';
import { meanTimeToAbsorption } from '../markov/linalg/meanTimeToAbsorption.js';
import { reliabilityCurve } from '../markov/measures/reliabilityCurve.js';

/**
 * A birth–death chain on the number of lost chunks (or failed disks) j = 0 … J, with an
 * absorbing data-loss state: from j, `up[j]` to j + 1, `down[j]` to j − 1 and `loss[j]` to
 * data loss. Rates per time unit; `up[J]` must be 0 (the last state leaves only by loss).
 */
export interface LossChain {
  readonly up: readonly number[];
  readonly down: readonly number[];
  readonly loss: readonly number[];
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
 * Builds the chain of a {@link LossChain} for the Markov engine: states 0 … J up, J + 1 the
 * absorbing data loss, initial state 0.
 *
 * $$
 * q_{j,j+1} = \mathrm{up}_j,\quad q_{j,j-1} = \mathrm{down}_j,\quad q_{j,L} = \mathrm{loss}_j
 * $$
 *
 * @param chain - the rates; the three lists have one entry per state j = 0 … J
 * @returns the chain (J + 2 states)
 * @throws {@link ParameterError} when the lists differ in length, a rate is negative or not
 * finite, down[0] or up[J] is not 0.
 */
export function lossChainCtmc(chain: LossChain): Ctmc {
  const where = 'lossChainCtmc';
  const states = chain.up.length;
  if (states < 1 || chain.down.length !== states || chain.loss.length !== states) {
    throw new ParameterError(
      where,
      'chain',
      'have up, down and loss lists of one length ≥ 1',
      states,
    );
  }
  const transitions: CtmcTransition[] = [];
  const lossState = states;
  for (let j = 0; j < states; j++) {
    const rates: [number, number, string][] = [
      [j + 1, chain.up[j]!, 'up'], // j < states: the lists have `states` entries (checked above)
      [j - 1, chain.down[j]!, 'down'],
      [lossState, chain.loss[j]!, 'loss'],
    ];
    for (const [to, rate, name] of rates) {
      if (!(Number.isFinite(rate) && rate >= 0)) {
        throw new ParameterError(where, `${name}[${j}]`, 'be a finite number ≥ 0', rate);
      }
      if (rate === 0) continue;
      if (to < 0 || (name === 'up' && to === states)) {
        throw new ParameterError(where, `${name}[${j}]`, 'be 0 at the end of the chain', rate);
      }
      transitions.push({ from: j, to, rate });
    }
  }
  const up = new Uint8Array(states + 1).fill(1);
  up[lossState] = 0;
  return buildCtmc(states + 1, transitions, up, 0);
}

/**
 * Solves a {@link LossChain} by the Markov engine: the mean time to absorption in data loss
 * from state 0 ({@link meanTimeToAbsorption}: state reduction up to its direct limit) and
 * 1 − R(t) at each mission time ({@link reliabilityCurve}: uniformization or squaring).
 *
 * $$
 * \mathrm{MTTDL} = \sum_j \tau_j,\quad \tau(-Q_{TT}) = e_0,\qquad
 * P_{\text{loss}}(t) = 1 - \sum_{j \le J} p_j(t)
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
  return {
    mttdl: absorption.meanTime,
    lossProbability: curve.unreliability,
    warnings: [...absorption.warnings, ...curve.warnings],
  };
}
