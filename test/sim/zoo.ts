/**
 * The coverage zoo of issue 13: models with exact answers, each with simulation options chosen
 * so that one run is cheap (about 0.2 s or less on one core), for the coverage study
 * (bench/coverage/run.ts, the full study) and its CI-sized version
 * (test/sim/coverageStudy.stat.test.ts).
 *
 * Exact values are computed in-process, by the independent exact solvers at the simulation's
 * horizon and grid (as `relkit check` does, src/cli/check.ts `solveExact`):
 *
 * - `analyze` (closed forms and the BDD structure function): needs independent units (unlimited
 *   crews, no coverage < 1 with repair, standby only without repair, no switch delay, not idle
 *   while down). Non-repairable: R(t) and MTTF for any law. Repairable: the steady measures for
 *   any law (alternating renewal), A(t) and interval availability only when every time is
 *   exponential without detection delay. Never R(t) or the MTTF of a repairable system.
 * - `solveMarkov`: every time exponential (detection, recovery, switch delays included); crews,
 *   priority, coverage, repairable standby, idle while down. Every measure: R(t), MTTF, A(t),
 *   interval availability and the steady measures.
 * - closed forms (`closedForm`), with formula and source in a comment, where they add an
 *   independent check or neither solver applies.
 *
 * A model whose measure has no exact value (the Weibull 7-of-10 with two crews: dependent units
 * and non-exponential laws) is still simulated: the study then only records whether each asked
 * measure is answered, inconclusive or left out.
 */
import {
  compareExact,
  isCurve,
  MIN_EVENTS,
  summarizeComparisons,
} from '../../src/solve/compareResults.js';
import { compareRuns } from '../../src/solve/compareRuns.js';
import { UnsupportedModelError } from '../../src/errors.js';
import { analyze, loadModel, logGamma, simulate, solveMarkov } from '../../src/index.js';
import type { Model } from '../../src/model/Model.js';
import type { Curve, Estimate, Scalar } from '../../src/model/Result.js';
import { gridTimes, wilsonInterval } from '../../src/sim/measures.js';
import {
  SIMULATED_MEASURES,
  STEADY_MEASURES,
  UPKEEP_MEASURES,
  type SimulateOptions,
} from '../../src/sim/types.js';
import type { ExactRun } from '../../src/solve/solveEach.js';

/** One model of the zoo. */
export interface ZooModel {
  /** Short unique name. */
  readonly name: string;
  /** What the model tests. */
  readonly tests: string;
  /** The model file. */
  readonly yaml: string;
  /** Simulation options; `seed` is set per run by the study (seed base + i). */
  readonly options: SimulateOptions & {
    readonly replications: number;
    readonly horizon: number;
    readonly grid: number;
  };
  /** Seed base: run i uses seed `seedBase + i`. */
  readonly seedBase: number;
  /** Where the exact values come from, in words. */
  readonly exactSource: string;
  /** Extra exact measures from closed forms (scalars), with the formula in a comment. */
  readonly closedForm?: (model: Model) => Record<string, number>;
  /** What the simulator is expected to say, for the report (e.g. INCONCLUSIVE, left out). */
  readonly expect?: string;
  /** In the CI-sized study (test/sim/coverageStudy.stat.test.ts). */
  readonly ci?: boolean;
}

const GRID = 5;

const opts = (
  replications: number,
  horizon: number,
  extra: SimulateOptions = {},
): ZooModel['options'] => ({ replications, horizon, grid: GRID, ...extra });

// The model files of models/ and bench/sim/, inlined so that the zoo does not depend on files
// others may edit (their exact answers are in those files' headers).
const RAID6 = `name: RAID 6 (6+2)
parameters:
  disk_mttf: 500000
components:
  disk:
    count: 8
    failure: { mttf: disk_mttf }
    repair: { dist: lognormal, mean: 48, sd: 24 }
system:
  koon: { k: 6, of: disk }`;

export const ZOO: readonly ZooModel[] = [
  // ---------------------------------------------------------------- non-repairable
  {
    name: 'parallel-pair',
    tests: 'non-repairable 1-of-2, exponential: R(t), MTTF (first failure), A(t), IA',
    yaml: `name: parallel pair
components: { u: { count: 2, failure: { rate: 0.01 } } }
system: { parallel: [u] }`,
    options: opts(400, 300),
    seedBase: 1000,
    exactSource: 'analyze (R, MTTF), Markov (all); closed form MTTF = 1.5/λ = 150',
    // MTTF of 1-of-2 active parallel, identical exponential units: 1/(2λ) + 1/λ (Rausand &
    // Høyland, System Reliability Theory, 2nd ed., §4.3).
    closedForm: () => ({ mttf: 1.5 / 0.01 }),
    ci: true,
  },
  {
    name: 'censored-pair',
    tests:
      'non-repairable 1-of-2 with mttfCap 1 and T = 100 < MTTF: 60 % of runs censored, restrictedMttf',
    yaml: `name: censored pair
components: { u: { count: 2, failure: { rate: 0.01 } } }
system: { parallel: [u] }`,
    options: opts(400, 100, { mttfCap: 1 }),
    seedBase: 1500,
    exactSource:
      'analyze and Markov (R, MTTF 150); closed form E[min(T1, 100)] = ∫₀¹⁰⁰ (2e^{-λt} − e^{-2λt}) dt',
    // E[min(T1, τ)] = ∫₀^τ R(t) dt with R = 2e^{−λt} − e^{−2λt} (1-of-2 parallel):
    // 2(1 − e^{−λτ})/λ − (1 − e^{−2λτ})/(2λ).
    closedForm: () => ({
      restrictedMttf: (2 * -Math.expm1(-1)) / 0.01 - -Math.expm1(-2) / (2 * 0.01),
    }),
    expect: 'restrictedMttf instead of mttf; its interval covers E[min(T1, 100)]',
    ci: true,
  },
  {
    name: 'series-weibull',
    tests: 'non-repairable series of Weibull (wear-out) and exponential units',
    yaml: `name: series weibull
components:
  a: { failure: { dist: weibull, shape: 2, scale: 1000 } }
  b: { failure: { dist: weibull, shape: 1.5, scale: 2000 } }
  c: { failure: { rate: 1e-4 } }
system: { series: [a, b, c] }`,
    options: opts(400, 1200),
    seedBase: 2000,
    exactSource: 'analyze (R(t); MTTF = ∫R by quadrature)',
    ci: true,
  },
  {
    name: 'tmr-voter',
    tests: 'models/tmr-voter.yaml: 2-of-3 CPUs in series with a Weibull voter, non-repairable',
    yaml: `name: TMR flight controller
parameters:
  lambda: 1e-4
components:
  cpu:
    count: 3
    failure: { dist: exponential, rate: lambda }
  voter:
    failure: { dist: weibull, shape: 1.3, scale: 2e5 }
system:
  series:
    - koon: { k: 2, of: cpu }
    - voter
mission_time: 1000`,
    options: opts(400, 8000),
    seedBase: 3000,
    exactSource: 'analyze (R, MTTF 8228.2033753304449 in models/tmr-voter.yaml)',
  },
  {
    name: 'pump-train',
    tests: 'models/pump-train.yaml: series-parallel, Weibull pumps, non-repairable',
    yaml: `name: Pump train
parameters:
  pump_shape: 1.8
  pump_scale: 20000
components:
  inlet_valve: { failure: { rate: 1e-5 } }
  outlet_valve: { failure: { rate: 1e-5 } }
  pump_a: { failure: { dist: weibull, shape: pump_shape, scale: pump_scale } }
  pump_b: { failure: { dist: weibull, shape: pump_shape, scale: pump_scale } }
  check_a: { failure: { rate: 2e-5 } }
  check_b: { failure: { rate: 2e-5 } }
system:
  series:
    - inlet_valve
    - parallel:
        - series: [pump_a, check_a]
        - series: [pump_b, check_b]
    - outlet_valve
mission_time: 8760`,
    options: opts(400, 20000),
    seedBase: 4000,
    exactSource: 'analyze (R, MTTF 15584.705513926533 in models/pump-train.yaml)',
  },
  {
    name: 'shared-psu',
    tests: 'models/shared-psu.yaml: a component in two branches (not a product form)',
    yaml: `name: Servers on a shared supply
components:
  psu: { failure: { rate: 5e-5 } }
  server_a: { failure: { rate: 2e-4 } }
  server_b: { failure: { rate: 3e-4 } }
system:
  parallel:
    - series: [psu, server_a]
    - series: [psu, server_b]`,
    options: opts(400, 6000),
    seedBase: 5000,
    exactSource: 'analyze and Markov (all; MTTF 5038.961038961039 in models/shared-psu.yaml)',
    ci: true,
  },
  {
    name: 'duplex-coverage',
    tests: 'models/duplex-coverage.yaml: non-repairable duplex, coverage 0.95',
    yaml: `name: Duplex with coverage
parameters:
  lambda: 2e-4
  c: 0.95
components:
  unit:
    count: 2
    failure: { rate: lambda }
    coverage: c
system:
  parallel: [unit]`,
    options: opts(400, 8000),
    seedBase: 6000,
    exactSource: 'analyze (separable method) and Markov; closed form MTTF = (1/2 + c)/λ',
    // Trivedi, Probability and Statistics with Reliability…, 2nd ed., ch. 8: MTTF = (1/2 + c)/λ.
    closedForm: () => ({ mttf: (0.5 + 0.95) / 2e-4 }),
    ci: true,
  },
  {
    name: 'power-2n',
    tests: 'models/power-2n.yaml: cold-standby generator, start success 0.98, non-repairable',
    yaml: `name: 2N power with standby generator
components:
  utility:
    failure: { mtbf: 2000 }
  generator:
    failure: { mtbf: 1500 }
  ups:
    count: 2
    failure: { mtbf: 50000 }
system:
  series:
    - standby:
        primary: utility
        spares: [generator]
        mode: cold
        switch: { success: 0.98 }
    - parallel: [ups]`,
    options: opts(400, 5000),
    seedBase: 7000,
    exactSource: 'analyze (sequential chain) and Markov (MTTF 3454.8204199239187)',
  },
  {
    name: 'kofn-nonrep',
    tests: 'non-repairable 2-of-4 exponential',
    yaml: `name: 2 of 4
components: { u: { count: 4, failure: { rate: 1e-3 } } }
system: { koon: { k: 2, of: u } }`,
    options: opts(400, 2000),
    seedBase: 8000,
    exactSource: 'analyze and Markov; closed form MTTF = Σ_{i=k}^{n} 1/(iλ)',
    // k-of-n of identical exponential units: MTTF = Σ_{i=k}^{n} 1/(iλ) (Rausand & Høyland §4.4).
    closedForm: () => ({ mttf: (1 / 2 + 1 / 3 + 1 / 4) / 1e-3 }),
  },
  {
    name: 'cold-standby-3',
    tests: 'non-repairable cold standby, 3 units, perfect switching',
    yaml: `name: cold standby 3
components: { u: { count: 3, failure: { rate: 0.01 } } }
system: { standby: { of: u, mode: cold } }`,
    options: opts(400, 500),
    seedBase: 9000,
    exactSource: 'analyze and Markov; closed form MTTF = 3/λ (Erlang-3 life)',
    closedForm: () => ({ mttf: 3 / 0.01 }),
  },
  {
    name: 'warm-standby-switch',
    tests: 'non-repairable warm standby, dormancy 0.3, switch success 0.9',
    yaml: `name: warm standby
components: { u: { count: 2, failure: { rate: 0.01 } } }
system: { standby: { of: u, mode: warm, dormancy: 0.3, switch: { success: 0.9 } } }`,
    options: opts(400, 300),
    seedBase: 10000,
    exactSource: 'analyze (warm standby, equal rates) and Markov',
  },
  {
    name: 'lognormal-life',
    tests: 'heavy-tailed non-repairable life: lognormal σ = 2 (MTTF = e^{μ+σ²/2})',
    yaml: `name: lognormal life
components: { u: { failure: { dist: lognormal, mu: 0, sigma: 2 } } }
system: u`,
    options: opts(400, 20),
    seedBase: 11000,
    exactSource: 'analyze (unit mean, R = 1 − Φ(ln t/σ)); closed form MTTF = e^2',
    // Lognormal mean e^{μ + σ²/2} (Johnson, Kotz & Balakrishnan, Continuous Univariate
    // Distributions, vol. 1, 2nd ed., ch. 14).
    closedForm: () => ({ mttf: Math.exp(2) }),
    ci: true,
  },
  {
    name: 'weibull-infant-pair',
    tests: 'non-repairable 1-of-2 with Weibull shape 0.5 lives (long tail)',
    yaml: `name: weibull infant pair
components: { u: { count: 2, failure: { dist: weibull, shape: 0.5, scale: 100 } } }
system: { parallel: [u] }`,
    options: opts(400, 1000),
    seedBase: 12000,
    exactSource: 'analyze (R, MTTF by quadrature)',
  },
  // ---------------------------------------------------------------- repairable, exponential
  {
    name: 'unit-repair',
    tests: 'one repairable unit: regenerative cycles, R, A, IA, MTTF',
    yaml: `name: unit
components: { x: { failure: { rate: 0.01 }, repair: { rate: 0.1 } } }
system: x`,
    options: opts(40, 2000),
    seedBase: 13000,
    exactSource: 'analyze and Markov; closed form U = λ/(λ+μ), ω = λμ/(λ+μ), MTTF = 1/λ',
    // Alternating renewal of one unit (Rausand & Høyland §5.3).
    closedForm: () => ({
      steadyUnavailability: 0.01 / 0.11,
      failureFrequency: (0.01 * 0.1) / 0.11,
      mttf: 100,
    }),
    ci: true,
  },
  {
    name: 'bridge',
    tests: 'models/bridge.yaml: repairable bridge network (BDD)',
    yaml: `name: Bridge network
components:
  sa: { failure: { mtbf: 1000 }, repair: { mttr: 10 } }
  sb: { failure: { mtbf: 2000 }, repair: { mttr: 20 } }
  ab: { failure: { mtbf: 3000 }, repair: { mttr: 5 } }
  at: { failure: { mtbf: 1500 }, repair: { mttr: 15 } }
  bt: { failure: { mtbf: 2500 }, repair: { mttr: 12 } }
system:
  network:
    source: s
    sink: t
    edges:
      - { from: s, to: a, via: sa }
      - { from: s, to: b, via: sb }
      - { from: a, to: b, via: ab }
      - { from: a, to: t, via: at }
      - { from: b, to: t, via: bt }`,
    options: opts(100, 3e4),
    seedBase: 14000,
    exactSource: 'analyze and Markov (steady values in models/bridge.yaml)',
    ci: true,
  },
  {
    name: 'raid5',
    tests: 'models/raid5.yaml: highly reliable 4-of-5 (U = 2.3e-8)',
    yaml: `name: RAID 5 (4+1)
parameters:
  disk_mttf: 500000
  rebuild: 24
components:
  disk:
    count: 5
    failure: { mttf: disk_mttf }
    repair: { mttr: rebuild }
system:
  koon: { k: 4, of: disk }`,
    options: opts(60, 6e8),
    seedBase: 15000,
    exactSource: 'analyze and Markov (steady values in models/raid5.yaml)',
  },
  {
    name: 'raid6',
    tests: 'models/raid6.yaml: highly reliable 6-of-8, lognormal rebuilds (ω = 3.1e-12)',
    yaml: RAID6,
    options: opts(20, 5e8),
    seedBase: 16000,
    exactSource: 'analyze (steady, any repair law; values in models/raid6.yaml)',
    expect:
      'almost no system failure in 1e10 h: steady measures left out or INCONCLUSIVE (few events)',
  },
  {
    name: 'raid6-fast',
    tests: 'RAID-6-like 6-of-8 with disk MTTF 2000 h, lognormal rebuilds: many events',
    yaml: RAID6.replace('disk_mttf: 500000', 'disk_mttf: 2000'),
    options: opts(20, 1e5),
    seedBase: 17000,
    exactSource: 'analyze (steady measures only: lognormal repairs)',
  },
  {
    name: 'kofn-repair',
    tests: 'bench/sim/kofn-repair.yaml: 7-of-10, exponential, 2 crews (FCFS)',
    yaml: `name: k-of-n repair
parameters:
  rate: 1e-3
  mttr: 10
components:
  unit:
    count: 10
    failure: { rate: rate }
    repair: { mttr: mttr }
maintenance:
  crews: 2
system:
  koon: { k: 7, of: unit }`,
    options: opts(40, 1.2e6),
    seedBase: 18000,
    exactSource: 'Markov (crews: analyze does not apply)',
  },
  {
    name: 'one-of-five',
    tests: '1-of-5 repairable: no system failure ever seen (U ≈ 1e-10)',
    yaml: `name: one of five
components: { u: { count: 5, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }
system: { parallel: [u] }`,
    options: opts(40, 2e4),
    seedBase: 19000,
    exactSource: 'analyze and Markov',
    expect: 'zero failures: steady measures and MTTF left out with a warning; ω an upper bound',
    ci: true,
  },
  {
    name: 'crews-priority',
    tests: 'models/cooling-loop.yaml: one crew, valve first (priority)',
    yaml: `name: Cooling loop with one crew
components:
  pump:
    count: 2
    failure: { mtbf: 100 }
    repair: { mttr: 10 }
  valve:
    failure: { mtbf: 200 }
    repair: { mttr: 5 }
system:
  series:
    - parallel: [pump]
    - valve
maintenance:
  crews: 1
  priority: [valve]`,
    options: opts(40, 2000),
    seedBase: 20000,
    exactSource: 'Markov (values in models/cooling-loop.yaml)',
    ci: true,
  },
  {
    name: 'standby-power',
    tests: 'models/standby-power.yaml: repairable cold standby, switch 0.98 and delay, 1 crew',
    yaml: `name: Standby power with repair
components:
  utility:
    failure: { mtbf: 2000 }
    repair: { mttr: 4 }
  generator:
    failure: { mtbf: 1500 }
    repair: { mttr: 24 }
system:
  standby:
    primary: utility
    spares: [generator]
    mode: cold
    switch:
      success: 0.98
      delay: { mean: 0.05 }
maintenance:
  crews: 1`,
    options: opts(40, 1.5e6 / 40),
    seedBase: 21000,
    exactSource: 'Markov (values in models/standby-power.yaml)',
    ci: true,
  },
  {
    name: 'warm-standby-delay',
    tests: 'repairable warm standby (dormancy 0.2), switch success 0.95, switch delay, 1 crew',
    yaml: `name: warm standby with delay
components:
  a: { failure: { mtbf: 500 }, repair: { mttr: 20 } }
  b: { failure: { mtbf: 400 }, repair: { mttr: 30 } }
system:
  standby:
    primary: a
    spares: [b]
    mode: warm
    dormancy: 0.2
    switch: { success: 0.95, delay: { mean: 0.5 } }
maintenance:
  crews: 1`,
    options: opts(40, 5000),
    seedBase: 22000,
    exactSource: 'Markov',
    ci: true,
  },
  {
    name: 'cold-standby-coverage',
    tests: 'repairable cold standby, coverage 0.9 on both units, 1 crew; settles over ~5000 h',
    yaml: `name: cold standby with coverage
components:
  main: { failure: { mtbf: 500 }, repair: { mttr: 50 }, coverage: 0.9 }
  spare: { failure: { mtbf: 200 }, repair: { mttr: 500 }, coverage: 0.9 }
system:
  standby: { primary: main, spares: [spare], mode: cold }
maintenance:
  crews: 1`,
    options: opts(40, 5000),
    seedBase: 23000,
    exactSource: 'Markov',
    ci: true,
  },
  {
    name: 'detection-delay',
    tests: 'repairable 1-of-2 with exponential detection delays (mean 5 h)',
    yaml: `name: detection delay
components:
  u: { count: 2, failure: { mtbf: 200 }, detection: { mean: 5 }, repair: { mttr: 10 } }
system: { parallel: [u] }`,
    options: opts(40, 2e4),
    seedBase: 24000,
    exactSource: 'Markov (all); analyze (steady: MDT = detection + repair)',
    ci: true,
  },
  {
    name: 'coverage-recovery',
    tests: 'repairable duplex, coverage 0.95, uncovered failure recovered after mean 0.5 h',
    yaml: `name: coverage with recovery
components:
  u:
    count: 2
    failure: { mtbf: 1000 }
    repair: { mttr: 20 }
    coverage: 0.95
    recovery: { mean: 0.5 }
system: { parallel: [u] }`,
    options: opts(40, 2e4),
    seedBase: 25000,
    exactSource: 'Markov',
    ci: true,
  },
  {
    name: 'duplex-coverage-repair',
    tests: 'repairable duplex, coverage 0.9, outage until the unit is repaired, 1 crew',
    yaml: `name: duplex coverage repair
components:
  u: { count: 2, failure: { rate: 1e-3 }, repair: { rate: 0.1 }, coverage: 0.9 }
system: { parallel: [u] }
maintenance: { crews: 1 }`,
    options: opts(40, 2e4),
    seedBase: 26000,
    exactSource: 'Markov',
  },
  {
    name: 'idle-while-down',
    tests: 'series of two, idle while down: A = 1/(1 + λa/μa + λb/μb)',
    yaml: `name: idle while down
components:
  a: { failure: { rate: 0.01 }, repair: { rate: 0.2 } }
  b: { failure: { rate: 0.02 }, repair: { rate: 0.1 } }
system: { series: [a, b] }
maintenance: { idle_while_down: true }`,
    options: opts(40, 2000),
    seedBase: 27000,
    exactSource: 'Markov; closed form A = 1/(1 + λa/μa + λb/μb)',
    // With idle-while-down the up periods end at rate λa + λb and each down period is one
    // repair: A = 1/(1 + Σ λi/μi) (Barlow & Proschan, Statistical Theory of Reliability and Life
    // Testing, 1975, ch. 7, series system with suspended animation).
    closedForm: () => ({ steadyAvailability: 1 / (1 + 0.01 / 0.2 + 0.02 / 0.1) }),
  },
  {
    name: 'gamma-repair-2of3',
    tests: '2-of-3, exponential lives, gamma repairs (shape 3): regenerative, non-exp repair',
    yaml: `name: 2 of 3 gamma repair
components:
  u: { count: 3, failure: { mtbf: 300 }, repair: { dist: gamma, shape: 3, scale: 5 } }
system: { koon: { k: 2, of: u } }`,
    options: opts(40, 3e4),
    seedBase: 28000,
    exactSource: 'analyze (steady measures, alternating renewal)',
  },
  {
    name: 'always-up',
    tests: 'koon k: 0: the system is always up',
    yaml: `name: always up
components: { u: { count: 3, failure: { mtbf: 100 }, repair: { mttr: 10 } } }
system: { koon: { k: 0, of: u } }`,
    options: opts(40, 1000),
    seedBase: 29000,
    exactSource: 'analyze and Markov (A = 1, ω = 0)',
    expect: 'exact constants; MTTF, mtbf, mut, mdt, nines left out (infinite)',
  },
  {
    name: 'always-down',
    tests: 'empty parallel: the system is always down',
    yaml: `name: always down
components: { u: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 10 } } }
system: { parallel: [] }`,
    options: opts(40, 1000),
    seedBase: 30000,
    exactSource: 'Markov (A = 0, MTTF = 0); analyze throws (see the report)',
    expect: 'exact constants; mtbf, mut, mdt, nines left out',
  },
  // ---------------------------------------------------------------- repairable, not regenerative
  {
    name: 'weibull-pair-lognormal',
    tests: '1-of-2, Weibull(2) lives, lognormal repairs: MSER time averages, first-failure MTTF',
    yaml: `name: weibull pair
components:
  u:
    count: 2
    failure: { dist: weibull, shape: 2, scale: 200 }
    repair: { dist: lognormal, mean: 20, sd: 10 }
system: { parallel: [u] }`,
    options: opts(40, 2e4),
    seedBase: 31000,
    exactSource: 'analyze (steady measures only)',
    ci: true,
  },
  {
    name: 'weibull-infant-repair',
    tests: 'one unit, Weibull shape 0.5 lives (heavy tail), exponential repair',
    yaml: `name: weibull infant repair
components:
  x: { failure: { dist: weibull, shape: 0.5, scale: 50 }, repair: { mttr: 10 } }
system: x`,
    options: opts(40, 2e4),
    seedBase: 32000,
    exactSource: 'analyze (steady measures only; MTTF of the unit = 100 = scale·Γ(3))',
    // First failure of one unit is its first life: MTTF = η Γ(1 + 1/β) = 50·Γ(3) = 100.
    closedForm: () => ({ mttf: 100 }),
  },
  {
    name: 'raid10-weibull',
    tests:
      'RAID-10: 4 mirrored pairs in series, Weibull(1.5) lives, lognormal rebuilds; mttfCap 1 so ~2/3 of runs never fail by the cap (restrictedMttf)',
    yaml: `name: raid10 weibull
components:
  d1: { count: 2, failure: { dist: weibull, shape: 1.5, scale: 11077.321674324724 }, repair: { dist: lognormal, mean: 50, sd: 50 } }
  d2: { count: 2, failure: { dist: weibull, shape: 1.5, scale: 11077.321674324724 }, repair: { dist: lognormal, mean: 50, sd: 50 } }
  d3: { count: 2, failure: { dist: weibull, shape: 1.5, scale: 11077.321674324724 }, repair: { dist: lognormal, mean: 50, sd: 50 } }
  d4: { count: 2, failure: { dist: weibull, shape: 1.5, scale: 11077.321674324724 }, repair: { dist: lognormal, mean: 50, sd: 50 } }
system:
  series:
    - parallel: [d1]
    - parallel: [d2]
    - parallel: [d3]
    - parallel: [d4]`,
    options: opts(200, 1e5, { mttfCap: 1 }),
    seedBase: 33000,
    exactSource:
      'analyze (steady measures; scale = 1e4/Γ(1 + 1/1.5) for mean life 1e4 h); no exact MTTF: restrictedMttf is only checked one-sidedly',
    expect: 'restrictedMttf (lower bound) instead of mttf; check INCONCLUSIVE on it',
  },
  {
    name: 'kofn-repair-weibull',
    tests: 'bench/sim/kofn-repair-weibull.yaml: 7-of-10, Weibull lives, lognormal repairs, 2 crews',
    yaml: `name: k-of-n repair (Weibull failures, lognormal repairs)
components:
  unit:
    count: 10
    failure: { dist: weibull, shape: 1.5, scale: 1107.7321674324724 }
    repair: { dist: lognormal, mean: 10, sd: 5 }
maintenance:
  crews: 2
system:
  koon: { k: 7, of: unit }`,
    options: opts(20, 1e5),
    seedBase: 34000,
    exactSource: 'none (dependent units, non-exponential laws): answers only',
  },
  {
    name: 'kofn-weibull-unlimited',
    tests:
      'the Weibull 7-of-10 with unlimited crews and repairs of mean 30 h (independent units): MSER time averages',
    yaml: `name: k-of-n weibull unlimited crews
components:
  unit:
    count: 10
    failure: { dist: weibull, shape: 1.5, scale: 1107.7321674324724 }
    repair: { dist: lognormal, mean: 30, sd: 15 }
system:
  koon: { k: 7, of: unit }`,
    options: opts(40, 1e5),
    seedBase: 35000,
    exactSource: 'analyze (steady measures only)',
    ci: true,
  },
  {
    name: 'heavy-tail-repair',
    tests:
      'issue 13: lognormal repairs σ = 5 (mean 2.7e5 h), MTBF 1000 h, two in parallel; exact A = 0.0074',
    yaml: `name: heavy-tailed repairs
components:
  u:
    count: 2
    failure: { mtbf: 1000 }
    repair: { dist: lognormal, mu: log(270000) - 12.5, sigma: 5 }
system: { parallel: [u] }`,
    options: opts(40, 2.7e6),
    seedBase: 36000,
    exactSource: 'analyze (steady, alternating renewal): A = 1 − (1 − a)², a = 1000/271000',
    // a = MTTF/(MTTF + MTTR) = 1000/271000; two independent units in parallel: 1 − (1 − a)^2.
    closedForm: () => ({ steadyAvailability: 1 - (1 - 1000 / 271000) ** 2 }),
    expect: 'INCONCLUSIVE steady measures (a few long cycles dominate), never a confident wrong A',
  },
];

/**
 * Exact results of a zoo model at its simulation horizon and grid: analyze, solveMarkov, and
 * the closed forms (method `closed form`); each that does not apply says why.
 */
export function exactRuns(zoo: ZooModel, model: Model = loadModel(zoo.yaml)): ExactRun[] {
  const times = gridTimes(zoo.options.horizon, zoo.options.grid);
  const solverOptions = { horizon: zoo.options.horizon, times };
  const runs: ExactRun[] = [];
  for (const [method, solve] of [
    ['analytic', () => analyze(model, solverOptions)],
    ['markov', () => solveMarkov(model, solverOptions)],
  ] as const) {
    try {
      runs.push({ method, result: solve() });
    } catch (error) {
      // The exact solvers may refuse (UnsupportedModelError) or fail on an edge case (see the
      // report for analyze on an always-down structure): either way not a source of exact values.
      runs.push({
        method,
        skipped: `${error instanceof UnsupportedModelError ? '' : 'error: '}${(error as Error).message}`,
      });
    }
  }
  if (zoo.closedForm) {
    runs.push({
      method: 'closed form',
      result: {
        method: 'analytic',
        model: { name: zoo.name, hash: '' },
        timeUnit: model.timeUnit,
        horizon: zoo.options.horizon,
        measures: zoo.closedForm(model),
        warnings: [],
      },
    });
  }
  return runs;
}

/** One exact value per measure: the first exact run (analytic, markov, closed form) that has it. */
export function exactValues(runs: readonly ExactRun[]): Record<string, number | Curve> {
  const values: Record<string, number | Curve> = {};
  for (const run of runs) {
    if (!run.result) continue;
    for (const [measure, value] of Object.entries(run.result.measures)) {
      if (values[measure] === undefined && value !== undefined && value !== null) {
        values[measure] = value as number | Curve;
      }
    }
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// The study: run a zoo model over many seeds and tally coverage and check's verdicts.
// ---------------------------------------------------------------------------------------------

/** Tally of one (model, measure) over the seeds; a curve point is a measure `name@t`. */
export interface MeasureTally {
  /** Asked and reported without `inconclusive`: the runs whose interval is judged. */
  reported: number;
  /** Of `reported`, the runs whose 95 % interval holds the exact value. */
  covered: number;
  /** Of `reported`, those resting on fewer than 30 events (exact Poisson-based intervals). */
  fewEvents: number;
  /** Of `fewEvents`, covered. */
  fewCovered: number;
  /** Of `reported`, exact constants (always-up/down structures: zero-width, estimator `exact:`). */
  constant: number;
  /** Reported with `inconclusive` set by the simulator. */
  inconclusive: number;
  /** Of `inconclusive`, covered anyway (for the report). */
  inconclusiveCovered: number;
  /** Asked but absent from the result (left out, with a warning naming it). */
  leftOut: number;
  /** Absent with no warning naming it: a silent omission (must stay 0). */
  silent: number;
  /** Curves: the exact coverage of the Wilson interval at (n, p), summed over the runs. */
  expectedCovered?: number;
  /** Sum of the events over the reported runs, and the fewest (for the report). */
  eventsSum: number;
  eventsMin: number;
  /** Sum of relative half-widths (larger side / |exact|) over reported runs. */
  halfWidthSum: number;
  /** Runs in which check compared this measure conclusively (PASS or DIFF) with some method. */
  conclusiveRuns: number;
  /** check's comparisons of this measure (against every exact method), by verdict. */
  verdicts: Record<'PASS' | 'DIFF' | 'INCONCLUSIVE', number>;
  /** Of the reported runs whose interval missed: the interval lay below the exact value. */
  missedLow: number;
  /** … above it. */
  missedHigh: number;
  /** Seeds of the runs whose interval missed the exact value (first 20). */
  missedSeeds: number[];
}

/** One DIFF of check's comparisons. */
export interface DiffRecord {
  readonly seed: number;
  readonly measure: string;
  readonly method: string;
  readonly value: number;
  readonly exact: number;
  readonly ci95?: readonly [number, number];
  readonly events?: number;
  readonly statistic: number;
}

/** The tally of one zoo model over the seeds. */
export interface ModelTally {
  readonly name: string;
  readonly seeds: number;
  readonly replications: number;
  readonly horizon: number;
  readonly exactMethods: string[];
  readonly skipped: Record<string, string>;
  readonly measures: Record<string, MeasureTally>;
  /** Overall verdict of check per run. */
  readonly runVerdicts: Record<'PASS' | 'DIFF' | 'INCONCLUSIVE', number>;
  readonly diffs: DiffRecord[];
  /** Exact-vs-exact comparisons that differ (once per model). */
  readonly exactDisagreements: string[];
  /** Estimators seen per measure (name → count). */
  readonly estimators: Record<string, Record<string, number>>;
  /** Why estimates were inconclusive: the simulator's reason (numbers as #) and its count. */
  readonly inconclusiveReasons: Record<string, number>;
  /** Distinct warnings (first 8), for the report. */
  readonly warnings: string[];
  wallSeconds: number;
  events: number;
}

const emptyTally = (): MeasureTally => ({
  reported: 0,
  covered: 0,
  fewEvents: 0,
  fewCovered: 0,
  constant: 0,
  inconclusive: 0,
  inconclusiveCovered: 0,
  leftOut: 0,
  silent: 0,
  eventsSum: 0,
  eventsMin: Infinity,
  halfWidthSum: 0,
  conclusiveRuns: 0,
  verdicts: { PASS: 0, DIFF: 0, INCONCLUSIVE: 0 },
  missedLow: 0,
  missedHigh: 0,
  missedSeeds: [],
});

/**
 * P(the Wilson 95 % interval of X/n holds p), X ~ Binomial(n, p): the exact coverage that the
 * simulated proportion curves should show at (n, p), by summing the binomial pmf over x.
 */
export function wilsonCoverage(n: number, p: number): number {
  let total = 0;
  // pmf by logs: log C(n, x) + x log p + (n − x) log(1 − p).
  let logC = 0;
  for (let x = 0; x <= n; x++) {
    if (x > 0) logC += Math.log((n - x + 1) / x);
    const [lo, hi] = wilsonInterval(x, n);
    if (lo <= p && p <= hi) total += Math.exp(logC + x * Math.log(p) + (n - x) * Math.log1p(-p));
  }
  return total;
}

/** The measure names a warning is taken to name, for a measure left out. */
function warned(measure: string, warnings: readonly string[]): boolean {
  const steady = (STEADY_MEASURES as readonly string[]).includes(measure);
  return warnings.some(
    (w) => w.includes(measure) || (steady && w.startsWith('steady measures are left out')),
  );
}

/** Options of {@link studyModel}. */
export interface StudyOptions {
  /** Number of seeds S: runs use seeds seedBase … seedBase + S − 1. */
  readonly seeds: number;
  /** Multiplies every exact scalar (a power check: 1.05 is a 5 % wrong exact value). */
  readonly exactFactor?: number;
}

/**
 * Runs one zoo model for S seeds and tallies, per measure, coverage of the exact value,
 * inconclusive and left-out runs, and check's verdicts.
 */
export function studyModel(zoo: ZooModel, study: StudyOptions): ModelTally {
  const model = loadModel(zoo.yaml);
  let exact = exactRuns(zoo, model);
  const factor = study.exactFactor ?? 1;
  if (factor !== 1) exact = exact.map((run) => scaleRun(run, factor));
  const values = exactValues(exact);
  const tally: ModelTally = {
    name: zoo.name,
    seeds: study.seeds,
    replications: zoo.options.replications,
    horizon: zoo.options.horizon,
    exactMethods: exact.filter((run) => run.result).map((run) => run.method),
    skipped: Object.fromEntries(
      exact.filter((run) => run.skipped).map((run) => [run.method, run.skipped!]),
    ),
    measures: {},
    runVerdicts: { PASS: 0, DIFF: 0, INCONCLUSIVE: 0 },
    diffs: [],
    exactDisagreements: exactDisagreements(exact),
    estimators: {},
    inconclusiveReasons: {},
    warnings: [],
    wallSeconds: 0,
    events: 0,
  };
  const get = (key: string): MeasureTally => (tally.measures[key] ??= emptyTally());
  const started = globalThis.performance.now();
  const n = zoo.options.replications;
  const wilsonExpected = new Map<number, number>();
  for (let i = 0; i < study.seeds; i++) {
    const seed = zoo.seedBase + i;
    const result = simulate(model, { ...zoo.options, seed });
    tally.events += result.events;
    for (const w of result.warnings) {
      const general = w.replace(/[0-9.e+-]+/g, '#');
      if (
        tally.warnings.length < 8 &&
        !tally.warnings.some((x) => x.replace(/[0-9.e+-]+/g, '#') === general)
      ) {
        tally.warnings.push(w);
      }
    }
    const measures = result.measures as Record<string, unknown>;
    // The zoo's models have no proof tests or costs: the maintenance measures do not apply.
    const asked = SIMULATED_MEASURES.filter((m) => !UPKEEP_MEASURES.includes(m));
    for (const measure of [...asked, 'restrictedMttf']) {
      const exactValue = values[measure];
      const simulated = measures[measure];
      // restrictedMttf, E[min(T1, τ)], is judged like any scalar only where its exact value is
      // known (a closed form); otherwise the mttf branch below checks its lower bound.
      if (measure === 'restrictedMttf' && (simulated === undefined || exactValue === undefined)) {
        continue;
      }
      if (isCurve(exactValue)) {
        if (!isCurve(simulated)) {
          get(measure).leftOut++;
          continue;
        }
        simulated.t.forEach((t, j) => {
          const k = exactValue.t.findIndex((u) => Math.abs(u - t) <= 1e-9 * Math.max(1, t));
          const p = exactValue.values[k];
          if (k < 0 || p === undefined || j === 0) return;
          const degenerate = p <= 0 || p >= 1;
          const key = `${measure}@${t}${degenerate ? ' (p = ' + p + ')' : ''}`;
          const entry = get(key);
          entry.reported++;
          const lo = simulated.lo![j]!;
          const hi = simulated.hi![j]!;
          if (lo <= p && p <= hi) entry.covered++;
          else {
            if (hi < p) entry.missedLow++;
            else entry.missedHigh++;
            if (entry.missedSeeds.length < 20) entry.missedSeeds.push(seed);
          }
          if (!degenerate) {
            if (!wilsonExpected.has(p)) wilsonExpected.set(p, wilsonCoverage(n, p));
            entry.expectedCovered = (entry.expectedCovered ?? 0) + wilsonExpected.get(p)!;
          }
        });
        continue;
      }
      const scalar =
        measure === 'mttf' && simulated === undefined && measures.restrictedMttf !== undefined
          ? undefined
          : (simulated as Estimate | undefined);
      if (measure === 'mttf' && measures.restrictedMttf !== undefined) {
        // The MTTF was left out for its lower bound E[min(T1, τ)].
        get('mttf').leftOut++;
        if (!warned(measure, result.warnings)) get('mttf').silent++;
        if (values.restrictedMttf === undefined) {
          if (typeof exactValue === 'number') {
            tallyRestricted(
              get('restrictedMttf (lower bound)'),
              measures.restrictedMttf as Estimate,
              exactValue,
            );
          } else get('restrictedMttf (no exact)').reported++;
        }
        continue;
      }
      if (typeof exactValue !== 'number' || !Number.isFinite(exactValue)) {
        // No exact value: only whether the measure is answered.
        const entry = get(`${measure} (no exact)`);
        if (scalar === undefined) {
          entry.leftOut++;
          if (!warned(measure, result.warnings)) entry.silent++;
        } else if (scalar.inconclusive !== undefined) {
          entry.inconclusive++;
          const reason = `${measure}: ${scalar.inconclusive.replace(/\d[\d.e+-]*/g, '#')}`;
          tally.inconclusiveReasons[reason] = (tally.inconclusiveReasons[reason] ?? 0) + 1;
        } else entry.reported++;
        continue;
      }
      const entry = get(measure);
      if (scalar === undefined) {
        entry.leftOut++;
        if (!warned(measure, result.warnings)) entry.silent++;
        continue;
      }
      if (scalar.estimator !== undefined) {
        const seen = (tally.estimators[measure] ??= {});
        const label = scalar.estimator.replace(/\[\d+ % of T/, '[d % of T');
        seen[label] = (seen[label] ?? 0) + 1;
      }
      const [lo, hi] = scalar.ci95;
      const covers = lo <= exactValue && exactValue <= hi;
      if (scalar.inconclusive !== undefined) {
        entry.inconclusive++;
        if (covers) entry.inconclusiveCovered++;
        const reason = `${measure}: ${scalar.inconclusive.replace(/\d[\d.e+-]*/g, '#')}`;
        tally.inconclusiveReasons[reason] = (tally.inconclusiveReasons[reason] ?? 0) + 1;
        continue;
      }
      entry.reported++;
      if (covers) entry.covered++;
      else {
        if (hi < exactValue) entry.missedLow++;
        else entry.missedHigh++;
        if (entry.missedSeeds.length < 20) entry.missedSeeds.push(seed);
      }
      if (scalar.estimator?.startsWith('exact:')) entry.constant++;
      const events = scalar.events;
      if (events !== undefined) {
        entry.eventsSum += events;
        entry.eventsMin = Math.min(entry.eventsMin, events);
        if (events < MIN_EVENTS) {
          entry.fewEvents++;
          if (covers) entry.fewCovered++;
        }
      }
      if (exactValue !== 0) {
        entry.halfWidthSum += Math.max(scalar.mean - lo, hi - scalar.mean) / Math.abs(exactValue);
      }
    }
    // As `relkit check` makes them; exact-vs-exact pairs are tallied apart (exactDisagreements).
    const comparisons = compareRuns(result, exact).comparisons.filter(
      (c) => c.kind === 'simulation',
    );
    for (const measure of new Set(
      comparisons.filter((c) => c.verdict !== 'INCONCLUSIVE').map((c) => c.measure),
    )) {
      get(measure).conclusiveRuns++;
    }
    for (const c of comparisons) {
      get(c.measure).verdicts[c.verdict]++;
      if (c.verdict === 'DIFF') {
        tally.diffs.push({
          seed,
          measure: c.measure,
          method: c.methods[1],
          value: c.value,
          exact: c.exact,
          ...(c.ci95 && { ci95: c.ci95 }),
          ...(c.events !== undefined && { events: c.events }),
          statistic: c.statistic,
        });
      }
    }
    tally.runVerdicts[summarizeComparisons(comparisons).verdict]++;
  }
  tally.wallSeconds = (globalThis.performance.now() - started) / 1000;
  return tally;
}

/** restrictedMttf: E[min(T1, τ)] ≤ MTTF, so only its interval's lower end is judged. */
function tallyRestricted(entry: MeasureTally, estimate: Estimate, exact: number): void {
  entry.reported++;
  // "Covered" here: the lower bound holds, lo ≤ MTTF.
  if (estimate.ci95[0] <= exact) entry.covered++;
}

/** An exact run with every scalar multiplied by `factor` (curves are kept). */
function scaleRun(run: ExactRun, factor: number): ExactRun {
  if (!run.result) return run;
  const measures = Object.fromEntries(
    Object.entries(run.result.measures).map(([name, value]) => [
      name,
      typeof value === 'number' ? value * factor : value,
    ]),
  );
  return { ...run, result: { ...run.result, measures } };
}

/** Exact-vs-exact comparisons that differ by more than check's tolerance. */
function exactDisagreements(runs: readonly ExactRun[]): string[] {
  const solved = runs.filter((run) => run.result);
  const out: string[] = [];
  for (let i = 0; i < solved.length; i++) {
    for (let j = i + 1; j < solved.length; j++) {
      const a = solved[i]!;
      const b = solved[j]!;
      for (const [measure, value] of Object.entries(a.result!.measures)) {
        const other = (b.result!.measures as Record<string, unknown>)[measure];
        if (other === undefined || other === null || value === undefined) continue;
        const c = compareExact(
          measure,
          { method: a.method, value: value as Scalar | Curve },
          { method: b.method, value: other as Scalar | Curve },
        );
        if (c?.verdict === 'DIFF') {
          out.push(`${measure}: ${a.method} ${c.value} vs ${b.method} ${c.exact}`);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Binomial tails and the study's judgement of the tallies.
// ---------------------------------------------------------------------------------------------

/** P(X ≤ k) for X ~ Binomial(n, p), by summing the pmf from log-gamma (n up to a few 10⁴). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  let total = 0;
  for (let x = 0; x <= k; x++) {
    total += Math.exp(
      logGamma(n + 1) -
        logGamma(x + 1) -
        logGamma(n - x + 1) +
        x * Math.log(p) +
        (n - x) * Math.log1p(-p),
    );
  }
  return Math.min(1, total);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialSf(k: number, n: number, p: number): number {
  return 1 - binomialCdf(k - 1, n, p);
}

/** The smallest m with P(Poisson(mean) > m) ≤ alpha. */
export function poissonUpper(mean: number, alpha: number): number {
  let term = Math.exp(-mean);
  let cdf = term;
  let m = 0;
  while (1 - cdf > alpha && m < 10_000) {
    m++;
    term *= mean / m;
    cdf += term;
  }
  return m;
}

/** One (model, measure) pair judged for coverage. */
export interface PairJudgement {
  readonly model: string;
  readonly measure: string;
  /** Runs judged (reported, not inconclusive, not an exact constant). */
  readonly n: number;
  readonly covered: number;
  /** The coverage a correct simulator should have: 0.95, or the Wilson coverage at (n, p). */
  readonly target: number;
  /** Of n, runs on fewer than 30 events (conservative Poisson-based intervals). */
  readonly few: number;
  /** P(covered or fewer | target): small means under-coverage. */
  readonly pLow: number;
  /** P(covered or more | target), only for pairs with no few-event run; 1 otherwise. */
  readonly pHigh: number;
}

/**
 * Every (model, measure) pair with an exact value and judged runs: scalars against 95 %, curve
 * points against the exact Wilson coverage at their (n, p); restrictedMttf, exact constants and
 * degenerate curve points (p = 0 or 1) are left to the report.
 */
export function judgePairs(tallies: readonly ModelTally[]): PairJudgement[] {
  const pairs: PairJudgement[] = [];
  for (const t of tallies) {
    for (const [measure, m] of Object.entries(t.measures)) {
      if (
        measure.includes('(no exact)') ||
        measure.includes('(p = ') ||
        measure.includes('(lower bound)')
      )
        continue;
      const n = m.reported - m.constant;
      if (n <= 0) continue;
      const covered = m.covered - m.constant;
      const target = m.expectedCovered !== undefined ? m.expectedCovered / m.reported : 0.95;
      pairs.push({
        model: t.name,
        measure,
        n,
        covered,
        target,
        few: m.fewEvents,
        pLow: binomialCdf(covered, n, target),
        pHigh: m.fewEvents > 0 ? 1 : binomialSf(covered, n, target),
      });
    }
  }
  return pairs;
}

/** Coverage pooled per measure over the zoo, normal-regime runs only (≥ 30 events). */
export interface AggregateCoverage {
  readonly measure: string;
  readonly n: number;
  readonly covered: number;
  readonly models: number;
  /** Expected coverage (curves: mean Wilson coverage; scalars 0.95). */
  readonly target: number;
}

/** Per measure (curves: all non-degenerate points of all models), the normal-regime coverage. */
export function aggregateCoverage(tallies: readonly ModelTally[]): AggregateCoverage[] {
  const byMeasure = new Map<
    string,
    { n: number; covered: number; models: Set<string>; expected: number }
  >();
  for (const t of tallies) {
    for (const [key, m] of Object.entries(t.measures)) {
      if (key.includes('(no exact)') || key.includes('(p = ') || key.includes('(lower bound)'))
        continue;
      const measure = key.split('@')[0]!;
      const n = m.reported - m.constant - m.fewEvents;
      if (n <= 0) continue;
      const entry = byMeasure.get(measure) ?? { n: 0, covered: 0, models: new Set(), expected: 0 };
      entry.n += n;
      entry.covered += m.covered - m.constant - m.fewCovered;
      entry.models.add(t.name);
      entry.expected += m.expectedCovered !== undefined ? m.expectedCovered : 0.95 * n;
      byMeasure.set(measure, entry);
    }
  }
  return [...byMeasure].map(([measure, e]) => ({
    measure,
    n: e.n,
    covered: e.covered,
    models: e.models.size,
    target: e.expected / e.n,
  }));
}

/**
 * check's false alarms over the tallies, leaving out the (model, measure) pairs `skip` names:
 * conclusive comparisons and DIFFs; and runs with a DIFF against the union bound of the runs'
 * conclusive measures (a run's false-alarm probability is at most α times its conclusive
 * measures; the exact methods of one measure agree to 1e-9, so they count once).
 */
export function diffCounts(
  tallies: readonly ModelTally[],
  skip: (model: string, measure: string) => boolean = () => false,
): { conclusive: number; diffs: number; measureRuns: number; diffRuns: number } {
  let conclusive = 0;
  let diffs = 0;
  let measureRuns = 0;
  let diffRuns = 0;
  for (const t of tallies) {
    for (const [measure, m] of Object.entries(t.measures)) {
      if (skip(t.name, measure)) continue;
      conclusive += m.verdicts.PASS + m.verdicts.DIFF;
      diffs += m.verdicts.DIFF;
      measureRuns += m.conclusiveRuns ?? 0;
    }
    diffRuns += new Set(t.diffs.filter((d) => !skip(t.name, d.measure)).map((d) => d.seed)).size;
  }
  return { conclusive, diffs, measureRuns, diffRuns };
}
