import { MAX_GRID_POINTS } from '../model/timeGrid.js';
import { unitLaws } from '../model/componentFacts.js';
import {
  checkFinite,
  checkInteger,
  checkPositive,
  ParameterError,
  WorkBudgetError,
} from '../errors.js';
import type { Model } from '../model/Model.js';
import { cutOrder } from '../model/cutOrder.js';
import { modelHash } from '../model/modelHash.js';
import {
  defaultHorizon,
  slowestTimeScale,
  timedLaws,
  unitsInStructure,
  type TimeScale,
} from '../model/timeScales.js';
import { addExact } from '../numeric/exactAccumulator.js';
import { gridTimes, simulatedMeasures, type ModelFacts } from './measures.js';
import { phaseMemory } from './phaseMemory.js';
import { SIMULATION_GENERATOR } from './random.js';
import {
  addMoment,
  BATCH_COUNT,
  canonicalStats,
  emptyStats,
  MSER_MAX_DELETION,
  type MutableStats,
  type SimulationStats,
  type StatsHeader,
  type SystemsSimulationStats,
} from './stats.js';
import {
  compileSystem,
  compileSystems,
  hasCosts,
  LEAF,
  type SystemPlan,
} from './system/compileSystem.js';
import { StructureState } from './system/StructureState.js';
import { CYCLE_SUMS, type ReplicationRecord, type RunOn } from './system/ReplicationRecorder.js';
import { quorumConsistency, systemView } from '../model/systemView.js';
import { isRegenerative, SystemSimulator, type TraceEntry } from './system/SystemSimulator.js';
import { testDowntime } from './testDowntime.js';
import { checkScheduledEpochs } from '../model/timeGrid.js';
import { simulationSupport } from './simulationSupport.js';
import {
  SIMULATED_MEASURES,
  STEADY_MEASURES,
  type SimulatedMeasure,
  type SimulateOptions,
  type SimulationResult,
  type SystemsSimulationResult,
} from './types.js';

// Defaults of SimulateOptions (documented there).
const DEFAULT_REPLICATIONS = 1000;
const DEFAULT_SEED = 1;
const DEFAULT_GRID = 21;
/** Default of `maxEvents`, as the CLI's `--max-events`. */
export const DEFAULT_MAX_EVENTS = 1e11;
/**
 * Default of `mttfCap`: a replication with no system failure by the horizon T runs on, for the
 * MTTF, until its first failure or 1000·T (see SimulateOptions).
 */
export const DEFAULT_MTTF_CAP = 1000;

/**
 * Returns the simulated measures of a model: R(t) and A(t) with 95 % bands, MTTF, interval and
 * steady availability, failure frequency, MTBF, MUT, MDT and nines with 95 % intervals, and the
 * components whose failures brought the system down.
 *
 * $$
 * \hat R(t) = \frac{1}{n}\sum_{i=1}^n \mathbf 1[T_{1,i} > t],\quad
 * \hat A(t) = \frac{1}{n}\sum_i \mathbf 1[\text{up}_i(t)],\quad
 * \hat U = \frac{\sum_c D_c}{\sum_c L_c},\quad
 * \widehat{\mathrm{MTTF}} = \frac{\sum_c X_c}{\sum_c I_c}\ \text{or}\ \frac{1}{n}\sum_i T_{1,i}
 * $$
 *
 * - n: `replications`; T: `horizon`; T₁,ᵢ: first system failure of replication i; c: the
 *   regeneration cycles (all-new to all-new) of a regenerative model, with length L, down time D,
 *   time to its first failure X and I = 1 when it failed; without regeneration, U is a time
 *   average after MSER-5 deletion (src/sim/measures.ts, docs/semantics.md "Simulation
 *   estimators")

 * @param model - a loaded model with a `system`
 * @param options - replications, horizon, seed, grid, measures, MTTF cap, work budget (see
 * {@link SimulateOptions})
 * @returns the common result shape with `method: "simulation"` and the run's facts
 * @throws {@link UnsupportedModelError} when the model has no `system` (see
 * {@link simulationSupport})
 * @throws {@link ParameterError} for options outside their ranges
 * @throws {@link WorkBudgetError} when the run is estimated, or found, to exceed `maxEvents`
 *
 * @remarks
 * Equals `finalizeSimulation(model, runReplications(model, options, 0, replications))`: one
 * thread, in process. Follows docs/semantics.md exactly. Cost O(replications × events per
 * replication × log units) plus about 10 µs per replication to key its stream; measured 14.7
 * million events per second on one core of a 2-core AMD EPYC (Node 20, the 7-of-10 repair model
 * with exponential laws, median of 5 runs; 5.4 million before the specialised path), about
 * 6 million with Weibull and lognormal laws, where the samplers dominate.
 *
 * @see docs/semantics.md; A. M. Law, Simulation Modeling and Analysis, 5th ed., McGraw-Hill,
 * 2015, ch. 9 (output analysis of terminating simulations; paywalled).
 *
 * @example
 * ```ts
 * const pair = loadModel('name: pair\ncomponents:\n  disk: { count: 2, failure: { rate: 0.001 } }\nsystem: { parallel: [disk] }');
 * simulate(pair, { replications: 20000, horizon: 1000 }).measures.mttf.mean; // → ~1.5e3
 * ```
 */
export function simulate(model: Model, options: SimulateOptions = {}): SimulationResult {
  const replications = checkInteger(
    'simulate',
    'replications',
    options.replications ?? DEFAULT_REPLICATIONS,
    1,
  );
  simulationSupport(model);
  checkBudget(model, options, replications);
  const started = globalThis.performance.now();
  const stats = runReplications(model, options, 0, replications);
  const wallSeconds = (globalThis.performance.now() - started) / 1000;
  return finalizeSimulation(model, stats, options, wallSeconds);
}

/**
 * Returns the simulated measures of every system function of a model with several
 * (`systems:`, `quorum:`), from one simulation: each replication is one event stream (the same
 * unit failures, repairs, crews, spares, common-cause shocks and proof tests) observed through
 * each system's structure, and each system's result is what {@link simulate} gives for
 * `systemView(model, name)` with the same horizon and seed, replication for replication.
 *
 * @param model - a loaded model with a structure; with one system, its result is the only entry
 * (named `system`)
 * @param options - as {@link simulate}; the default horizon is the longest of the systems'
 * own defaults (one stream has one horizon)
 * @returns `{ model, systems: { name: result }, consistency? }`, the shape of `relkit analyze`
 * on such a model
 * @throws as {@link simulate}, for any of the systems
 *
 * @remarks
 * A replication ends when every system's would: for the MTTF of a system that is not
 * regenerative, at its first failure past T; the others ignore the events after their own end,
 * so each system's statistics are bit-identical to its run alone (a model with several systems
 * has no standby block and no idle-while-down rule, so the units' process does not depend on
 * the structure). Cost: one event stream, run to the last system's end, plus O(systems · depth)
 * per event for the structures; faster than one run per system whenever the units' events
 * dominate.
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * Object.keys(simulateSystems(store, { replications: 50 }).systems); // → [read, write]
 * ```
 */
export function simulateSystems(
  model: Model,
  options: SimulateOptions = {},
): SystemsSimulationResult {
  const replications = checkInteger(
    'simulate',
    'replications',
    options.replications ?? DEFAULT_REPLICATIONS,
    1,
  );
  checkBudget(model, options, replications);
  const started = globalThis.performance.now();
  const stats = runSystemsReplications(model, options, 0, replications);
  const wallSeconds = (globalThis.performance.now() - started) / 1000;
  return finalizeSystems(model, stats, wallSeconds);
}

/**
 * Returns the statistics of replications first … first + count − 1 of every system function of
 * the model, from one event stream per replication (see {@link simulateSystems}); merge parts
 * with {@link mergeSystemsStats}.
 *
 * @param model - a loaded model with a structure (one system or several)
 * @param options - as {@link runReplications}
 * @param first - index of the first replication, integer ≥ 0
 * @param count - number of replications, integer ≥ 1
 * @returns per system its statistics, each equal to `runReplications(systemView(model, name),
 * options with the joint horizon, first, count)` but for `elapsedSeconds` (the joint run's)
 * @throws as {@link runReplications}
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * runSystemsReplications(store, { seed: 2 }, 0, 10).systems.map((s) => s.name); // → [read, write]
 * ```
 */
export function runSystemsReplications(
  model: Model,
  options: SimulateOptions,
  first: number,
  count: number,
): SystemsSimulationStats {
  const views = simulationViews(model);
  const stats = runJointly(model, views, options, first, count);
  const names = model.systems?.map(({ name }) => name) ?? ['system'];
  return { systems: names.map((name, s) => ({ name, stats: stats[s]! })) }; // one per view
}

/**
 * Returns the result of every system from joint statistics ({@link runSystemsReplications} or
 * {@link mergeSystemsStats}): each system's {@link finalizeSimulation} of its view.
 *
 * @param model - the model the statistics came from
 * @param stats - per system its statistics
 * @param wallSeconds - wall-clock seconds of the whole run, when one process ran it
 * @returns `{ model, systems: { name: result }, consistency? }`
 * @throws {@link ParameterError} when the statistics name other systems than the model's, or
 * came from another model
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * finalizeSystems(store, runSystemsReplications(store, {}, 0, 40)).systems.write.replications; // → 40
 * ```
 */
export function finalizeSystems(
  model: Model,
  stats: SystemsSimulationStats,
  wallSeconds?: number,
): SystemsSimulationResult {
  const names = model.systems?.map(({ name }) => name) ?? ['system'];
  const given = stats.systems.map(({ name }) => name);
  if (given.join('\n') !== names.join('\n')) {
    throw new ParameterError(
      'finalizeSystems',
      'stats.systems',
      `name the model's systems (${names.join(', ')}): the statistics come from another model`,
      given.join(', '),
    );
  }
  const views = simulationViews(model);
  return {
    model: { name: model.name, hash: modelHash(model) },
    systems: Object.fromEntries(
      stats.systems.map(({ name, stats: part }, s) => [
        name,
        finalizeSimulation(views[s]!, part, {}, wallSeconds), // names checked above
      ]),
    ),
    ...(model.quorum && { consistency: quorumConsistency(model.quorum) }),
  };
}

/**
 * Returns the models a joint run observes: each system function's view ({@link systemView}),
 * or the model itself when it has one system.
 *
 * @param model - a loaded model
 * @returns one model per system, in the model's order
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * simulationViews(store).map((view) => view.name); // → [s (read), s (write)]
 * ```
 */
export function simulationViews(model: Model): Model[] {
  return model.systems?.map(({ name }) => systemView(model, name)) ?? [model];
}

/**
 * Returns the horizon T a simulation of the model uses: `options.horizon`, else the model's
 * default horizon ({@link defaultHorizon}), for several systems the longest of theirs (one event
 * stream has one horizon).
 *
 * @param model - a loaded model
 * @param options - the run's options (`horizon`)
 * @returns T, in the model's time unit (not checked)
 *
 * @example
 * ```ts
 * simulationHorizon(loadModel('name: a\ncomponents: { x: { failure: { mtbf: 10 } } }\nsystem: x'), { horizon: 5 }); // → 5
 * ```
 */
export function simulationHorizon(model: Model, options: SimulateOptions): number {
  return options.horizon ?? Math.max(...simulationViews(model).map(defaultHorizon));
}

/**
 * Refuses, before any work, a run of the model (every system of it) estimated to process more
 * than `maxEvents` events ({@link expectedEvents}).
 */
function checkBudget(model: Model, options: SimulateOptions, replications: number): void {
  const views = simulationViews(model);
  const header = resolveHeader(views[0]!, {
    ...options,
    horizon: simulationHorizon(model, options),
  });
  const maxEvents = resolveMaxEvents(options);
  const length = runsOnToFirstFailure(model, options)
    ? header.mttfCap * header.horizon
    : header.horizon;
  const events = replications * expectedEvents(model, length);
  if (events > maxEvents) {
    throw new WorkBudgetError(
      `simulate: about ${short(events)} events (${replications} replications x about ${short(length)} ${model.timeUnit} each); the limit is maxEvents = ${short(maxEvents)}: raise it, or simulate fewer replications, a shorter horizon or fewer measures`,
    );
  }
}

/**
 * Returns the statistics of replications first … first + count − 1 only; replication i draws
 * only from the stream of (seed, i), so any split into slices or workers, merged with
 * {@link mergeSimulationStats}, gives bit-identical statistics.
 *
 * @param model - a loaded model with a `system`
 * @param options - horizon, seed, grid, warm-up, MTTF cap (`replications` is ignored)
 * @param first - index of the first replication, integer ≥ 0
 * @param count - number of replications, integer ≥ 1
 * @returns plain-JSON statistics (see {@link SimulationStats})
 * @throws {@link UnsupportedModelError} when the model has no `system`
 * @throws {@link ParameterError} for options or a range outside their limits
 *
 * @remarks
 * Reads the clock only for `elapsedSeconds` (performance.now, available in workers); every other
 * field is a function of (model, options, first, count).
 *
 * @example
 * ```ts
 * const unit = loadModel('name: a\ncomponents: { x: { failure: { mtbf: 10 } } }\nsystem: x');
 * runReplications(unit, { seed: 3, horizon: 10 }, 100, 50).ranges; // → [[100, 150]]
 * ```
 */
export function runReplications(
  model: Model,
  options: SimulateOptions,
  first: number,
  count: number,
): SimulationStats {
  return runJointly(model, [model], options, first, count)[0]!; // one view, one result
}

/**
 * Runs replications first … first + count − 1 of every system function of a model (the model
 * itself when it has one system): one event stream per replication, the same unit failures,
 * repairs, crews, spares and proof tests, and per system its own structure state and
 * statistics, each exactly those of a run of that system alone (its view,
 * {@link simulationViews}) with the joint run's horizon.
 */
function runJointly(
  model: Model,
  views: readonly Model[],
  options: SimulateOptions,
  first: number,
  count: number,
): SimulationStats[] {
  const started = globalThis.performance.now();
  const structures = views.map(simulationSupport);
  checkInteger('runReplications', 'first', first, 0);
  checkInteger('runReplications', 'count', count, 1);
  if (first + count > Number.MAX_SAFE_INTEGER) {
    throw new ParameterError(
      'runReplications',
      'first + count',
      'be a safe integer',
      first + count,
    );
  }
  const horizon = simulationHorizon(model, options);
  const headers = views.map((view) => resolveHeader(view, { ...options, horizon }));
  const header = headers[0]!; // at least one view; the views share all but the hash
  checkSchedules(model, header.horizon);
  const maxEvents = resolveMaxEvents(options);
  const plan = compileSystems(model, structures);
  const wants = new Set<string>(header.measures);
  const steady = STEADY_MEASURES.some((measure) => wants.has(measure));
  const regenerative = isRegenerative(plan);
  const costs = hasCosts(plan);
  const systems = views.map((view, s) => {
    const constant = structureConstant(plan, plan.roots[s]!);
    const runOn: RunOn = {
      firstFailure: wants.has('mttf') && !regenerative && constant === undefined,
      cycles:
        regenerative &&
        ((constant === undefined && (steady || wants.has('mttf'))) ||
          (costs && wants.has('costRate'))),
    };
    return {
      runOn,
      timeAverages: steady && !regenerative && constant === undefined,
      // A replication down no longer than the tests alone hold the system down adds no event.
      floor: testDowntime(view, header.horizon) + 1e-9 * header.horizon,
      stats: emptyStats(headers[s]!, plan.componentCount, CYCLE_SUMS),
    };
  });
  const times = Float64Array.from(gridTimes(header.horizon, header.grid));
  const cap = header.mttfCap * header.horizon;
  const simulator = new SystemSimulator(
    plan,
    header.horizon,
    times,
    cap,
    systems.map((system) => system.runOn),
  );
  const batchLength = header.horizon / BATCH_COUNT;
  const down = new Float64Array(BATCH_COUNT);
  const rate = new Float64Array(BATCH_COUNT);
  let events = 0;
  for (let i = first; i < first + count; i++) {
    simulator.run(header.seed, i);
    events += simulator.events;
    if (events > maxEvents) {
      throw new WorkBudgetError(
        `simulate: the run processed more than ${short(maxEvents)} events (maxEvents) after ${i - first + 1} of ${count} replications; raise maxEvents or simulate fewer replications or a shorter horizon`,
      );
    }
    systems.forEach(({ runOn, timeAverages, floor, stats }, s) => {
      const record = simulator.records[s]!;
      const gridUp = simulator.gridUps[s]!;
      stats.events += record.events;
      const firstFailure = record.firstFailure;
      if (runOn.firstFailure) {
        const failed = firstFailure >= 0;
        if (!failed) stats.censored++;
        addMoment(stats.firstFailure, failed ? Math.min(firstFailure, cap) : cap);
      }
      for (let j = 0; j < header.grid; j++) {
        if (firstFailure < 0 || firstFailure > times[j]!) stats.survivors[j]!++;
        stats.upAtGrid[j]! += gridUp[j]!;
      }
      addMoment(stats.intervalDown, record.downtime / header.horizon);
      if (costs) addMoment(stats.missionCost, record.missionCost);
      if (record.downtime > floor) stats.downReplications++;
      stats.failures += record.failures;
      if (timeAverages) addBatches(stats, record, batchLength, down, rate);
      if (runOn.cycles) {
        stats.cycles += record.cycles;
        for (let k = 0; k < CYCLE_SUMS; k++) addExact(stats.cycleSums[k]!, record.cycleSums[k]!);
        stats.cyclesCensored += record.cycleCensored;
        if (record.longestCycle > stats.longestCycle) stats.longestCycle = record.longestCycle;
      }
    });
  }
  const elapsedSeconds = (globalThis.performance.now() - started) / 1000;
  return systems.map(({ stats }, s) => {
    stats.replications = count;
    stats.ranges = [[first, first + count]];
    stats.criticality = Array.from(simulator.criticalities[s]!);
    stats.elapsedSeconds = elapsedSeconds;
    return canonicalStats(stats);
  });
}

/**
 * Adds one replication's batches of [0, T] to the MSER statistics: per batch the down fraction
 * y and failure rate z (and their squares and product), and per candidate deletion d the
 * replication's averages over batches d … B − 1 (squares and product). Zeros add nothing.
 */
function addBatches(
  stats: MutableStats,
  record: ReplicationRecord,
  batchLength: number,
  down: Float64Array,
  rate: Float64Array,
): void {
  for (let j = 0; j < BATCH_COUNT; j++) {
    const y = record.batchDowntime[j]! / batchLength;
    const z = record.batchFailures[j]! / batchLength;
    down[j] = y;
    rate[j] = z;
    stats.batchFailures[j]! += record.batchFailures[j]!;
    if (y === 0 && z === 0) continue;
    addExact(stats.batchDown[j]!, y);
    addExact(stats.batchDownSquares[j]!, y * y);
    addExact(stats.batchRateSquares[j]!, z * z);
    addExact(stats.batchCross[j]!, y * z);
  }
  let downSum = 0;
  let rateSum = 0;
  for (let j = BATCH_COUNT - 1; j >= 0; j--) {
    downSum += down[j]!;
    rateSum += rate[j]!;
    if (j > MSER_MAX_DELETION || (downSum === 0 && rateSum === 0)) continue;
    const a = downSum / (BATCH_COUNT - j);
    const r = rateSum / (BATCH_COUNT - j);
    addExact(stats.suffixDownSquares[j]!, a * a);
    addExact(stats.suffixRateSquares[j]!, r * r);
    addExact(stats.suffixCross[j]!, a * r);
  }
}

/**
 * Returns `up` when the system of root `root` is up even with every unit failed and no failure
 * can take it down (coverage 1 everywhere), `down` when it is down with every unit working, else
 * undefined.
 */
function structureConstant(plan: SystemPlan, root: number): 'up' | 'down' | undefined {
  const state = new StructureState(plan);
  if (state.up[root] !== 1) return 'down';
  if (plan.coverage.some((c) => c < 1)) return undefined;
  for (let node = 0; node < plan.nodeCount; node++) {
    if (plan.nodeKind[node] === LEAF) state.setLeaf(node, 0);
  }
  return state.up[root] === 1 ? 'up' : undefined;
}

/**
 * Returns the simulation result (measures with 95 % intervals, warnings, criticality) of
 * statistics from {@link runReplications} or {@link mergeSimulationStats}.
 *
 * @param model - the model the statistics came from
 * @param stats - statistics of one or more merged parts
 * @param _options - reserved; the run's facts are taken from `stats`
 * @param wallSeconds - wall-clock seconds of the whole run, when one process ran it: gives
 *   `eventsPerWallSecond`
 * @returns the common result shape with `method: "simulation"`
 * @throws {@link ParameterError} when `stats` came from another model (hash differs) or holds
 * no replication
 *
 * @remarks See {@link simulatedMeasures} for the estimators and intervals. O(grid + components).
 * Intervals come from the replications when `stats.replications` ≥ 30; below that, those of the
 * steady measures (steadyAvailability, steadyUnavailability, failureFrequency, nines, mtbf, mut,
 * mdt) come from batch means, 20 equal batches of each replication's steady window, with
 * Student's t at 20·replications − 1 degrees of freedom, and a warning says so.
 *
 * @example
 * ```ts
 * const unit = loadModel('name: a\ncomponents: { x: { failure: { mtbf: 10 } } }\nsystem: x');
 * finalizeSimulation(unit, runReplications(unit, { horizon: 10 }, 0, 100)).replications; // → 100
 * ```
 */
export function finalizeSimulation(
  model: Model,
  stats: SimulationStats,
  _options: SimulateOptions = {},
  wallSeconds?: number,
): SimulationResult {
  const hash = modelHash(model);
  if (stats.modelHash !== hash) {
    throw new ParameterError(
      'finalizeSimulation',
      'stats.modelHash',
      `equal the model's hash ${hash}: the statistics come from another model`,
      stats.modelHash,
    );
  }
  checkInteger('finalizeSimulation', 'stats.replications', stats.replications, 1);
  const facts = {
    ...modelFacts(model),
    testDowntime: testDowntime(model, stats.horizon) / stats.horizon,
  };
  const { measures, warnings, criticality } = simulatedMeasures(model, stats, facts);
  const perThread = stats.elapsedSeconds > 0 ? stats.events / stats.elapsedSeconds : 0;
  return {
    method: 'simulation',
    model: { name: model.name, hash },
    timeUnit: model.timeUnit,
    horizon: stats.horizon,
    measures,
    warnings,
    replications: stats.replications,
    events: stats.events,
    eventsPerThreadSecond: perThread,
    ...(wallSeconds !== undefined &&
      wallSeconds > 0 && {
        eventsPerWallSecond: stats.events / wallSeconds,
      }),
    eventsPerSecond: perThread,
    seed: stats.seed,
    generator: stats.generator,
    criticality,
  };
}

/**
 * Returns the event log of one replication, `[time, entity, event]` per line: unit failures,
 * detections, repair starts and ends, recoveries, switch-overs, proof tests (`test start`, `test
 * end`, by component), preventive replacements, and system up/down.
 *
 * @param model - a loaded model with a `system`
 * @param options - horizon and seed (and MTTF cap: the log runs until the first system failure
 * after T, or the cap)
 * @param replication - replication index, integer ≥ 0
 * @returns the log in processing order
 * @throws {@link UnsupportedModelError} when the model has no `system`
 *
 * @remarks For tests and debugging (SimPy-style trace); the statistics path never logs.
 *
 * @example
 * ```ts
 * const unit = loadModel('name: a\ncomponents: { x: { failure: { dist: deterministic, value: 4 } } }\nsystem: x');
 * traceReplication(unit, { horizon: 10 }, 0)[0]; // → [4, x, fail]
 * ```
 */
export function traceReplication(
  model: Model,
  options: SimulateOptions,
  replication: number,
): TraceEntry[] {
  const system = simulationSupport(model);
  checkInteger('traceReplication', 'replication', replication, 0);
  const header = resolveHeader(model, options);
  const plan = compileSystem(model, system);
  const times = Float64Array.from(gridTimes(header.horizon, header.grid));
  const simulator = new SystemSimulator(
    plan,
    header.horizon,
    times,
    header.mttfCap * header.horizon,
    [{ firstFailure: true, cycles: false }],
  );
  const trace: TraceEntry[] = [];
  simulator.run(header.seed, replication, trace);
  return trace;
}

/** Options with defaults applied and checked, plus the model's hash. */
function resolveHeader(model: Model, options: SimulateOptions): StatsHeader {
  const where = 'simulate';
  const horizon = checkPositive(where, 'horizon', options.horizon ?? defaultHorizon(model));
  const mttfCap = options.mttfCap ?? DEFAULT_MTTF_CAP;
  if (!(Number.isFinite(mttfCap) && mttfCap >= 1)) {
    throw new ParameterError(where, 'mttfCap', 'be a finite number >= 1', mttfCap);
  }
  // Squares of times up to mttfCap·T are summed exactly: they must stay finite.
  if (!Number.isFinite((mttfCap * horizon) ** 2)) {
    throw new ParameterError(
      where,
      'horizon × mttfCap',
      'be at most 1e150 (squared times must stay finite)',
      mttfCap * horizon,
    );
  }
  return {
    modelHash: modelHash(model),
    seed: checkFinite(where, 'seed', options.seed ?? DEFAULT_SEED),
    horizon,
    grid: checkInteger(where, 'grid', options.grid ?? DEFAULT_GRID, 2, MAX_GRID_POINTS),
    mttfCap,
    measures: resolveMeasures(options.measures, model),
    generator: SIMULATION_GENERATOR,
  };
}

/**
 * The measures asked for, checked, without repeats, sorted; by default every measure that applies
 * to the model (the maintenance measures only with proof tests or costs: `UPKEEP_MEASURES`).
 */
function resolveMeasures(measures: readonly string[] | undefined, model: Model): string[] {
  if (measures === undefined) {
    const applies = upkeepApplies(model);
    return SIMULATED_MEASURES.filter((measure) => applies[measure] ?? true).sort();
  }
  const known = new Set<string>(SIMULATED_MEASURES);
  measures.forEach((measure, i) => {
    if (!known.has(measure)) {
      throw new ParameterError(
        'simulate',
        `measures[${i}]`,
        `be one of ${SIMULATED_MEASURES.join(', ')}`,
        measure,
      );
    }
  });
  if (measures.length === 0) {
    throw new ParameterError('simulate', 'measures', 'name at least one measure', measures);
  }
  return [...new Set(measures)].sort();
}

function resolveMaxEvents(options: SimulateOptions): number {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!(maxEvents > 0)) {
    throw new ParameterError('simulate', 'maxEvents', 'be a number > 0', maxEvents);
  }
  return maxEvents;
}

/**
 * Whether replications of this run go on past the horizon to their first system failure: when
 * the MTTF is asked for and the model is not regenerative (see {@link SimulateOptions.measures}).
 *
 * @param model - a loaded model with a `system`
 * @param options - the run's options (`measures`)
 * @returns true when a replication may run on to mttfCap × T
 */
export function runsOnToFirstFailure(model: Model, options: SimulateOptions): boolean {
  if (!resolveMeasures(options.measures, model).includes('mttf')) return false;
  const views = simulationViews(model);
  const plan = compileSystems(model, views.map(simulationSupport));
  return (
    !isRegenerative(plan) &&
    [...plan.roots].some((root) => structureConstant(plan, root) === undefined)
  );
}

/**
 * Returns the events one replication of simulated length L is expected to process: a repaired
 * unit fails about once per mean life and is repaired as often; one never repaired fails once.
 *
 * $$
 * e(L) = \sum_u \begin{cases} e_u L/m_u & \text{u repaired} \\ \min(1, L/m_u) & \text{otherwise} \end{cases}
 * $$
 *
 * - m_u: the mean life of unit u
 * - e_u: events per failure, 2 (failure, repair end), 3 when a spare pool serves u (its arrival)
 *
 * @param model - a loaded model
 * @param length - L, simulated time of one replication
 * @returns the expected events, an order of magnitude (detection, recovery and switch-over events
 * and idle spares' slower ageing are not counted)
 */
export function expectedEvents(model: Model, length: number): number {
  checkSchedules(model, length);
  const pooled = new Set(model.maintenance.spares?.flatMap((pool) => pool.components));
  let events = 0;
  for (let unit = 0; unit < model.units.length; unit++) {
    const laws = unitLaws(model, unit);
    const failures = length / laws.failure.mean;
    // A repair served by a spare pool brings its spare's arrival besides.
    const perFailure = pooled.has(model.units[unit]!.component) ? 3 : 2;
    events += laws.repair === undefined ? Math.min(1, failures) : perFailure * failures;
  }
  return events;
}

/**
 * Why imperfect repair leaves the model without a steady state: Kijima type I with q > 0, or
 * type II with q = 1, lets a unit's virtual age grow without bound, so a law whose hazard is not
 * constant keeps changing the failure rate (type II with q < 1 keeps the age bounded).
 */
function unsteadyRepair(model: Model): { unsteady?: string } {
  const ageing = model.components.find(({ imperfectRepair: repair, failure }) => {
    if (!repair || failure.dist === 'exponential') return false;
    return repair.model === 'kijima-1' ? repair.factor > 0 : repair.factor === 1;
  });
  const repair = ageing?.imperfectRepair;
  if (!ageing || !repair) return {};
  return {
    unsteady: `component ${ageing.name} has ${repair.model} repair with factor ${repair.factor}: its virtual age grows without bound, so its failure rate keeps changing and there is no steady state; missionCost and the measures over [0, T] apply`,
  };
}

/**
 * Throws when a proof-test or block-replacement schedule has more epochs in [0, length] than any
 * run could step through ({@link checkScheduledEpochs}), before a replication starts.
 */
function checkSchedules(model: Model, length: number): void {
  checkScheduledEpochs(
    model.components.flatMap(({ inspection, preventive }) => [
      ...(inspection ? [inspection] : []),
      ...(preventive?.policy === 'block' ? [{ first: preventive.interval, ...preventive }] : []),
    ]),
    length,
  );
}

/** What the estimators need to know of the model besides the statistics. */
function modelFacts(model: Model): Omit<ModelFacts, 'testDowntime'> {
  const plan = compileSystem(model, simulationSupport(model));
  let lostForGood = 0;
  for (const unit of unitsInStructure(model.system!)) {
    const laws = unitLaws(model, unit);
    if (laws.repair === undefined) lostForGood = Math.max(lostForGood, laws.failure.mean);
  }
  const constant = structureConstant(plan, plan.root);
  return {
    regenerative: isRegenerative(plan),
    ...(constant !== undefined && { constant }),
    slowest: slowestWithMaintenance(model),
    laws: timedLaws(model),
    phase: phaseMemory(model),
    cutOrder: Math.max(1, Math.min(cutOrder(model.system!), model.units.length)),
    lostForGood,
    repairable: model.components.some((component) => component.repair !== undefined),
    timeUnit: model.timeUnit,
    proofTests: model.components.some((component) => component.inspection !== undefined),
    ...unsteadyRepair(model),
    costs: hasCosts(plan),
  };
}

/**
 * The model's slowest time scale ({@link slowestTimeScale}), or a longer proof-test or
 * preventive replacement interval: time averages settle only over many of those periods too.
 */
function slowestWithMaintenance(model: Model): TimeScale {
  let slowest = slowestTimeScale(model);
  for (const { name, inspection, preventive } of model.components) {
    if (inspection !== undefined && inspection.interval > slowest.value) {
      slowest = { value: inspection.interval, what: `the proof-test interval of ${name}` };
    }
    if (preventive !== undefined && preventive.interval > slowest.value) {
      slowest = { value: preventive.interval, what: `the replacement interval of ${name}` };
    }
  }
  return slowest;
}

/** Whether each maintenance measure applies to the model: proof tests, or costs. */
function upkeepApplies(model: Model): Partial<Record<SimulatedMeasure, boolean>> {
  const proofTests = model.components.some((component) => component.inspection !== undefined);
  const costs =
    (model.maintenance.crewCostPerHour ?? 0) > 0 ||
    model.components.some((component) => component.costs !== undefined);
  return { pfdAvg: proofTests, sil: proofTests, costRate: costs, missionCost: costs };
}

/** 2e+6, 1.6e+6: two significant digits in exponent form, for messages. */
function short(x: number): string {
  return Number(x.toPrecision(2)).toExponential();
}
