/**
 * relkit: reliability and fault-tolerance modelling. The public API, grouped by area; the only
 * barrel file (STYLE.md §1).
 */

// Errors
export {
  ConvergenceError,
  ModelError,
  ParameterError,
  UnsupportedModelError,
  WorkBudgetError,
  formatModelIssue,
} from './errors.js';
export type { ModelIssue } from './errors.js';

// Numeric kernels
export { exactSum } from './numeric/sum.js';
export { integrate } from './numeric/integrate.js';
export type { IntegrateOptions, IntegrateResult } from './numeric/integrate.js';

// Special functions
export {
  inverseRegularizedGammaP,
  inverseRegularizedGammaQ,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from './numeric/gamma.js';
export { normalCdf, normalQuantile, normalSf } from './numeric/normal.js';

// Lifetime distributions
export { exponential } from './dist/exponential.js';
export type { ExponentialParameters } from './dist/exponential.js';
export { weibull } from './dist/weibull.js';
export type { WeibullParameters } from './dist/weibull.js';
export { lognormal } from './dist/lognormal.js';
export type { LognormalParameters } from './dist/lognormal.js';
export { gamma } from './dist/gamma.js';
export type { GammaParameters } from './dist/gamma.js';
export { erlang } from './dist/erlang.js';
export type { ErlangParameters } from './dist/erlang.js';
export { truncatedNormal } from './dist/truncatedNormal.js';
export type { TruncatedNormalParameters } from './dist/truncatedNormal.js';
export { uniform } from './dist/uniform.js';
export type { UniformParameters } from './dist/uniform.js';
export { deterministic } from './dist/deterministic.js';
export type { DeterministicParameters } from './dist/deterministic.js';
export {
  DISTRIBUTION_PARAMETERS,
  DISTRIBUTION_PARAMETER_SETS,
  distributionFromSpec,
} from './dist/registry.js';
export type { DistributionSpec } from './dist/registry.js';
export type { ParameterSets } from './dist/defineDistribution.js';
export type { Distribution, DistributionFamily, Rng } from './dist/types.js';

// Closed forms: one component
export { steadyAvailability, steadyUnavailability } from './analytic/steadyAvailability.js';
export { pointAvailability, pointUnavailability } from './analytic/pointAvailability.js';
export { ninesFromAvailability, ninesFromUnavailability } from './analytic/nines.js';
export { downtimeHoursPerYear } from './analytic/downtimeHoursPerYear.js';

// Closed forms: series, parallel, k-out-of-n, voting
export { seriesReliability, seriesUnreliability } from './analytic/seriesReliability.js';
export { parallelReliability, parallelUnreliability } from './analytic/parallelReliability.js';
export { kOutOfNReliability, kOutOfNUnreliability } from './analytic/kOutOfNReliability.js';
export {
  kOutOfNNonIdenticalReliability,
  kOutOfNNonIdenticalUnreliability,
} from './analytic/kOutOfNNonIdenticalReliability.js';
export { kOutOfNMttf } from './analytic/kOutOfNMttf.js';
export { nmrReliability } from './analytic/nmrReliability.js';
export { tmrMttf, tmrReliability } from './analytic/tmrReliability.js';

// Closed forms: standby
export { coldStandbyMttf, coldStandbyReliability } from './analytic/coldStandbyReliability.js';
export {
  coldStandbyNonIdenticalMttf,
  coldStandbyNonIdenticalReliability,
  coldStandbyNonIdenticalUnreliability,
} from './analytic/coldStandbyNonIdenticalReliability.js';
export { warmStandbyMttf, warmStandbyReliability } from './analytic/warmStandbyReliability.js';

// Closed forms: repairable redundancy
export {
  duplexMttf,
  duplexSteadyAvailability,
  duplexSteadyUnavailability,
} from './analytic/duplexSteadyAvailability.js';
export { steadyStateMeasures } from './analytic/steadyStateMeasures.js';
export type { SteadyStateMeasures } from './analytic/steadyStateMeasures.js';
export { repairableKOutOfN } from './analytic/repairableKOutOfN.js';
export type { RepairableKOutOfNResult } from './analytic/repairableKOutOfN.js';
export { repairableDuplexCoverage } from './analytic/repairableDuplexCoverage.js';
export type { RepairableDuplexCoverageResult } from './analytic/repairableDuplexCoverage.js';

// Closed forms: imperfect fault-detection coverage
export {
  duplexCoverageMttf,
  duplexCoverageReliability,
  duplexCoverageUnreliability,
} from './analytic/duplexCoverageReliability.js';
export {
  tmrCoverageMttf,
  tmrCoverageReliability,
  tmrCoverageUnreliability,
} from './analytic/tmrCoverageReliability.js';

// MTTF of any reliability function
export { mttfFromReliability } from './analytic/mttfFromReliability.js';
export type { MttfFromReliabilityOptions } from './analytic/mttfFromReliability.js';

// Structure function
export { compileStructure } from './analytic/structure/compileStructure.js';
export type {
  CompileStructureOptions,
  MinimalSetsOptions,
  StructureFunction,
} from './analytic/structure/compileStructure.js';
export type { NetworkEdge, StructureNode } from './analytic/structure/StructureNode.js';

// Models and results
export { loadModel } from './model/loadModel.js';
export type { LoadModelOptions } from './model/loadModel.js';
export { DEFAULT_MODEL_LIMITS } from './model/ModelLimits.js';
export type { ModelLimits } from './model/ModelLimits.js';
export { finiteMeasures } from './model/finiteMeasures.js';
export { modelHash } from './model/modelHash.js';
export { modelJsonSchema } from './model/schema.js';
export type {
  ComponentModel,
  MaintenanceModel,
  Model,
  StandbyMode,
  SystemNode,
  UnitModel,
} from './model/Model.js';
export type { Curve, Estimate, Measures, Result, Scalar } from './model/Result.js';

// Solvers
export { analyze } from './analytic/solver/analyze.js';
export type { AnalyzeOptions } from './analytic/solver/analyze.js';

// Markov engine: sparse chains and their solvers
export type { Ctmc } from './markov/Ctmc.js';
export { buildCtmc } from './markov/buildCtmc.js';
export type { BuildCtmcOptions, CtmcTransition, CtmcTransitionArrays } from './markov/buildCtmc.js';
export { checkReachability } from './markov/checkReachability.js';
export type { ReachabilityReport } from './markov/checkReachability.js';
export { solveSteadyState, steadyStateResidual } from './markov/solveSteadyState.js';
export type { SteadyStateOptions, SteadyStateResult } from './markov/solveSteadyState.js';
export { solveTransient } from './markov/solveTransient.js';
export type { TransientResult } from './markov/solveTransient.js';
export type { TransientOptions } from './markov/transientPlan.js';
export { TransientLimitError } from './markov/TransientLimitError.js';
export type { ProgressCallback } from './markov/solverProgress.js';
export { meanTimeToAbsorption } from './markov/meanTimeToAbsorption.js';
export type { AbsorptionOptions, AbsorptionResult } from './markov/meanTimeToAbsorption.js';
export { reliabilityCurve } from './markov/reliabilityCurve.js';
export type { ReliabilityCurve } from './markov/reliabilityCurve.js';
export { pointAvailabilityCurve } from './markov/pointAvailabilityCurve.js';
export type { AvailabilityCurve } from './markov/pointAvailabilityCurve.js';
export { intervalAvailability } from './markov/intervalAvailability.js';
export type { IntervalAvailabilityResult } from './markov/intervalAvailability.js';
export { failureFrequency } from './markov/failureFrequency.js';
export { expectedRateReward } from './markov/expectedRateReward.js';
export { makeAbsorbing } from './markov/makeAbsorbing.js';
export { formatChainText, parseChainText } from './markov/chainText.js';

// Markov engine: chains from models
export { chainFromChainModel, chainFromModel } from './markov/fromModel.js';
export type { ChainFromModelOptions, ChainFromModelResult } from './markov/fromModel.js';
export { solveCtmc, solveMarkov } from './markov/solveMarkov.js';
export type { ChainSource, MarkovResult, SolveMarkovOptions } from './markov/solveMarkov.js';
export { solveExactly } from './markov/solveExactly.js';
export type { ExactOptions } from './markov/solveExactly.js';

// Discrete-event simulation
export { finalizeSimulation, runReplications, simulate, traceReplication } from './sim/simulate.js';
export { mergeSimulationStats } from './sim/stats.js';
export type { SimulationStats } from './sim/stats.js';
export { simulationSupport } from './sim/simulationSupport.js';
export { SIMULATED_MEASURES } from './sim/types.js';
export type {
  CriticalityEntry,
  SimulatedMeasure,
  SimulateOptions,
  SimulationResult,
} from './sim/types.js';
