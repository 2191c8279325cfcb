/** Small chains with known answers, shared by the Markov tests (built with buildCtmc). */
import type { Ctmc } from '../../src/markov/generation/Ctmc.js';
import { buildCtmc, type CtmcTransition } from '../../src/markov/generation/buildCtmc.js';

/**
 * k-out-of-n identical repairable units with `crews` crews: state j = failed units, failures at
 * (n − j)λ, repairs at min(j, c)μ, up while n − j ≥ k (the chain of repairableKOutOfN).
 */
export function kOutOfNChain(
  k: number,
  n: number,
  rate: number,
  repairRate: number,
  crews: number,
): Ctmc {
  const transitions: CtmcTransition[] = [];
  for (let j = 0; j <= n; j++) {
    if (j < n) transitions.push({ from: j, to: j + 1, rate: (n - j) * rate });
    if (j > 0) transitions.push({ from: j, to: j - 1, rate: Math.min(j, crews) * repairRate });
  }
  const up = Array.from({ length: n + 1 }, (_, j) => (n - j >= k ? 1 : 0));
  return buildCtmc(n + 1, transitions, up, 0);
}

/** Repairable duplex with coverage: 0 both up, 1 one up, 2 down (repairableDuplexCoverage). */
export function duplexCoverageChain(
  rate: number,
  coverage: number,
  repairRate: number,
  restoreRate: number,
): Ctmc {
  const transitions = [
    { from: 0, to: 1, rate: 2 * rate * coverage },
    { from: 0, to: 2, rate: 2 * rate * (1 - coverage) },
    { from: 1, to: 0, rate: repairRate },
    { from: 1, to: 2, rate },
    { from: 2, to: 0, rate: restoreRate },
  ];
  // Coverage 0 or 1 gives a zero rate, which buildCtmc refuses: leave that transition out.
  return buildCtmc(
    3,
    transitions.filter((t) => t.rate > 0),
    [1, 1, 0],
    0,
  );
}

/** Cold standby: state i = spares used (up), state spares + 1 = down; switch succeeds with p. */
export function coldStandbyChain(rate: number, spares: number, switchSuccess: number): Ctmc {
  const down = spares + 1;
  const transitions: CtmcTransition[] = [];
  for (let i = 0; i <= spares; i++) {
    if (i < spares && switchSuccess > 0)
      transitions.push({ from: i, to: i + 1, rate: switchSuccess * rate });
    const toDown = i < spares ? (1 - switchSuccess) * rate : rate;
    if (toDown > 0) transitions.push({ from: i, to: down, rate: toDown });
  }
  const up = Array.from({ length: spares + 2 }, (_, i) => (i === down ? 0 : 1));
  return buildCtmc(spares + 2, transitions, up, 0);
}

/** One repairable unit: 0 up, 1 down. */
export function unitChain(rate: number, repairRate: number): Ctmc {
  return buildCtmc(
    2,
    [
      { from: 0, to: 1, rate },
      { from: 1, to: 0, rate: repairRate },
    ],
    [1, 0],
    0,
  );
}
