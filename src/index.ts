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
export { minimizeScalar } from './numeric/minimizeScalar.js';
export type { MinimizeScalarOptions, ScalarMinimum } from './numeric/minimizeScalar.js';

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
export { exponential } from './distributions/exponential.js';
export type { ExponentialParameters } from './distributions/exponential.js';
export { weibull } from './distributions/weibull.js';
export type { WeibullParameters } from './distributions/weibull.js';
export { lognormal } from './distributions/lognormal.js';
export type { LognormalParameters } from './distributions/lognormal.js';
export { gamma } from './distributions/gamma.js';
export type { GammaParameters } from './distributions/gamma.js';
export { erlang } from './distributions/erlang.js';
export type { ErlangParameters } from './distributions/erlang.js';
export { truncatedNormal } from './distributions/truncatedNormal.js';
export type { TruncatedNormalParameters } from './distributions/truncatedNormal.js';
export { uniform } from './distributions/uniform.js';
export type { UniformParameters } from './distributions/uniform.js';
export { deterministic } from './distributions/deterministic.js';
export type { DeterministicParameters } from './distributions/deterministic.js';
export {
  DISTRIBUTION_PARAMETERS,
  DISTRIBUTION_PARAMETER_SETS,
  distributionFromSpec,
} from './distributions/registry.js';
export type { DistributionSpec } from './distributions/registry.js';
export type { ParameterSets } from './distributions/defineDistribution.js';
export type { Distribution, DistributionFamily, Rng } from './distributions/types.js';

// Life-data fitting
export { LifeDataError, lifeDataFrom, parseLifeData } from './fit/lifeData.js';
export type { LifeData, LifeDataIssue, Observation, ObservationKind } from './fit/lifeData.js';
export { fitLifeData, rankLifeFits } from './fit/fitLifeData.js';
export type {
  FitLifeDataOptions,
  FitMethod,
  LifeEstimate,
  LifeFit,
  LifeFitRanking,
} from './fit/fitLifeData.js';
export { nonParametricEstimates } from './fit/nonParametric.js';
export type { NonParametricStep } from './fit/nonParametric.js';
export { paperFor, PROBABILITY_PAPERS, probabilityPlot } from './fit/probabilityPlot.js';
export type {
  BandPoint,
  PaperPoint,
  PlotTick,
  PlottedFailure,
  ProbabilityPaper,
  ProbabilityPlot,
  ProbabilityPlotOptions,
} from './fit/probabilityPlot.js';
export { survivalPlot } from './fit/survivalPlot.js';
export type { SurvivalPlot, SurvivalStep } from './fit/survivalPlot.js';
export { FIT_FAMILY_NAMES } from './fit/families.js';
export type { FitFamilyName } from './fit/families.js';
export type { Convergence } from './fit/maximize.js';

// Closed forms: one component
export {
  steadyAvailability,
  steadyUnavailability,
} from './analytic/formulas/steadyAvailability.js';
export { pointAvailability, pointUnavailability } from './analytic/formulas/pointAvailability.js';
export { ninesFromAvailability, ninesFromUnavailability } from './model/nines.js';
export { downtimeHoursPerYear } from './analytic/formulas/downtimeHoursPerYear.js';

// Closed forms: series, parallel, k-out-of-n, voting
export { seriesReliability, seriesUnreliability } from './analytic/formulas/seriesReliability.js';
export {
  parallelReliability,
  parallelUnreliability,
} from './analytic/formulas/parallelReliability.js';
export {
  kOutOfNReliability,
  kOutOfNUnreliability,
} from './analytic/formulas/kOutOfNReliability.js';
export {
  kOutOfNNonIdenticalReliability,
  kOutOfNNonIdenticalUnreliability,
} from './analytic/formulas/kOutOfNNonIdenticalReliability.js';
export { kOutOfNMttf } from './analytic/formulas/kOutOfNMttf.js';
export { nmrReliability } from './analytic/formulas/nmrReliability.js';
export { tmrMttf, tmrReliability } from './analytic/formulas/tmrReliability.js';

// Closed forms: standby
export {
  coldStandbyMttf,
  coldStandbyReliability,
} from './analytic/formulas/coldStandbyReliability.js';
export {
  coldStandbyNonIdenticalMttf,
  coldStandbyNonIdenticalReliability,
  coldStandbyNonIdenticalUnreliability,
} from './analytic/formulas/coldStandbyNonIdenticalReliability.js';
export {
  warmStandbyMttf,
  warmStandbyReliability,
} from './analytic/formulas/warmStandbyReliability.js';

// Closed forms: repairable redundancy
export {
  duplexMttf,
  duplexSteadyAvailability,
  duplexSteadyUnavailability,
} from './analytic/formulas/duplexSteadyAvailability.js';
export { steadyStateMeasures } from './model/steadyStateMeasures.js';
export type { SteadyStateMeasures } from './model/steadyStateMeasures.js';
export { repairableKOutOfN } from './analytic/formulas/repairableKOutOfN.js';
export type { RepairableKOutOfNResult } from './analytic/formulas/repairableKOutOfN.js';
export { repairableDuplexCoverage } from './analytic/formulas/repairableDuplexCoverage.js';
export type { RepairableDuplexCoverageResult } from './analytic/formulas/repairableDuplexCoverage.js';

// Closed forms: imperfect fault-detection coverage
export {
  duplexCoverageMttf,
  duplexCoverageReliability,
  duplexCoverageUnreliability,
} from './analytic/formulas/duplexCoverageReliability.js';
export {
  tmrCoverageMttf,
  tmrCoverageReliability,
  tmrCoverageUnreliability,
} from './analytic/formulas/tmrCoverageReliability.js';

// Closed forms: proof testing and maintenance
export {
  proofTestedPfd,
  proofTestedPfdAverage,
  safetyIntegrityLevel,
} from './analytic/formulas/proofTestedPfd.js';
export { hiddenFailureUnavailability } from './analytic/formulas/hiddenFailureUnavailability.js';
export type { ProofTestPlan } from './analytic/formulas/hiddenFailureUnavailability.js';
export type { ProofTestedGroup } from './analytic/formulas/proofTestedPfd.js';
export {
  ageReplacementCostRate,
  optimalAgeReplacement,
} from './analytic/formulas/ageReplacement.js';
export type {
  AgeReplacementOptimum,
  ReplacementCosts,
} from './analytic/formulas/ageReplacement.js';

// MTTF of any reliability function
export { mttfFromReliability } from './analytic/formulas/mttfFromReliability.js';
export type { MttfFromReliabilityOptions } from './analytic/formulas/mttfFromReliability.js';

// Structure function
export { compileStructure } from './structure/compileStructure.js';
export type { CompileStructureOptions } from './structure/compileStructure.js';
export type { MinimalSetsOptions, StructureFunction } from './structure/structureFunction.js';
export { importanceMeasures } from './structure/importanceMeasures.js';
export type { ImportanceMeasures } from './structure/importanceMeasures.js';
export { groupImportance } from './structure/groupImportance.js';
export type { GroupImportanceOptions } from './structure/groupImportance.js';
export type { NetworkEdge, StructureNode } from './structure/StructureNode.js';
export type { CutSetOptions, ImplicantLiteral, RankedSets } from './structure/structureSets.js';
export { mcubApproximation, rareEventApproximation } from './structure/cutSetApproximations.js';

// Models and results
export { evaluateModel, loadModel, parseModel, parseModelSource } from './model/loadModel.js';
export type { ModelSource } from './model/source.js';
export { componentFacts, exponentialRate, rateOf } from './model/componentFacts.js';
export type { ComponentFacts, ComponentLaws } from './model/componentFacts.js';
export type { LoadModelOptions, ModelTemplate, ParseModelOptions } from './model/loadModel.js';
export type { DataReader } from './model/resolveFits.js';
export { DEFAULT_MODEL_LIMITS } from './model/ModelLimits.js';
export type { ModelLimits } from './model/ModelLimits.js';
export { finiteMeasures } from './model/finiteMeasures.js';
export { modelHash } from './model/modelHash.js';
export { modelJsonSchema } from './model/schema.js';
export { quorumConsistency, systemView } from './model/systemView.js';
export type { QuorumConsistency } from './model/systemView.js';
export type {
  BasicEventModel,
  CommonCauseGroupModel,
  CommonCauseModelKind,
  ComponentModel,
  FaultNode,
  FaultTreeModel,
  GateKind,
  FittedLaw,
  MaintenanceModel,
  Model,
  NamedSystem,
  QuorumModel,
  SparePoolModel,
  StandbyMode,
  SystemNode,
  UnitModel,
} from './model/Model.js';
export type {
  Curve,
  Estimate,
  ImportanceFactors,
  Measures,
  Result,
  Scalar,
  SetList,
} from './model/Result.js';
export { commonCauseLevels, expandCommonCause } from './model/commonCause.js';
export type { CommonCauseEvent } from './model/commonCause.js';

// Other file formats
export { readMef } from './formats/mef/readMef.js';
export type { MefFile, ReadMefOptions, ReadMefResult } from './formats/mef/readMef.js';
export { writeMef } from './formats/mef/writeMef.js';
export { readGalileo } from './formats/galileo.js';
export type { ReadGalileoOptions } from './formats/galileo.js';

// Solvers
export { analyze } from './analytic/solver/analyze.js';
export type { AnalyzeOptions } from './analytic/solver/analyze.js';
export { faultTreeMeasures } from './analytic/faultTree/faultTreeMeasures.js';
export type { FaultTreeOptions, FaultTreeResult } from './analytic/faultTree/faultTreeMeasures.js';

// Markov engine: sparse chains and their solvers
export type { Ctmc } from './markov/generation/Ctmc.js';
export { buildCtmc } from './markov/generation/buildCtmc.js';
export type {
  BuildCtmcOptions,
  CtmcTransition,
  CtmcTransitionArrays,
} from './markov/generation/buildCtmc.js';
export { checkReachability } from './markov/generation/checkReachability.js';
export type { ReachabilityReport } from './markov/generation/checkReachability.js';
export { solveSteadyState, steadyStateResidual } from './markov/linalg/solveSteadyState.js';
export type { SteadyStateOptions, SteadyStateResult } from './markov/linalg/solveSteadyState.js';
export { solveTransient } from './markov/linalg/solveTransient.js';
export type { TransientResult } from './markov/linalg/solveTransient.js';
export type { TransientOptions } from './markov/linalg/transientPlan.js';
export { TransientLimitError } from './markov/linalg/TransientLimitError.js';
export type { ProgressCallback } from './markov/linalg/solverProgress.js';
export { meanTimeToAbsorption } from './markov/linalg/meanTimeToAbsorption.js';
export type { AbsorptionOptions, AbsorptionResult } from './markov/linalg/meanTimeToAbsorption.js';
export { reliabilityCurve } from './markov/measures/reliabilityCurve.js';
export type { ReliabilityCurve } from './markov/measures/reliabilityCurve.js';
export { pointAvailabilityCurve } from './markov/measures/pointAvailabilityCurve.js';
export type { AvailabilityCurve } from './markov/measures/pointAvailabilityCurve.js';
export { intervalAvailability } from './markov/measures/intervalAvailability.js';
export type { IntervalAvailabilityResult } from './markov/measures/intervalAvailability.js';
export { failureFrequency } from './markov/measures/failureFrequency.js';
export { expectedRateReward } from './markov/measures/expectedRateReward.js';
export { makeAbsorbing } from './markov/generation/makeAbsorbing.js';
export { formatChainText, parseChainText } from './markov/generation/chainText.js';

// Markov engine: chains from models
export { chainFromChainModel, chainFromModel } from './markov/generation/fromModel.js';
export type { ChainFromModelOptions, ChainFromModelResult } from './markov/generation/fromModel.js';
export { solveCtmc, solveMarkov, solveMarkovSystems } from './markov/measures/solveMarkov.js';
export type {
  ChainSource,
  MarkovResult,
  SolveMarkovOptions,
  SystemMarkovResult,
} from './markov/measures/solveMarkov.js';

// Discrete-event simulation
export {
  finalizeSimulation,
  finalizeSystems,
  runReplications,
  runSystemsReplications,
  simulate,
  simulateSystems,
  traceReplication,
} from './sim/simulate.js';
export { mergeSimulationStats, mergeSystemsStats } from './sim/stats.js';
export type { SimulationStats, SystemsSimulationStats } from './sim/stats.js';
export { simulationSupport } from './sim/simulationSupport.js';
export { SIMULATED_MEASURES, UPKEEP_MEASURES } from './sim/types.js';
export { simulateRareEvent } from './sim/rareEvent/simulateRareEvent.js';
export type { RareEventOptions, RareEventResult } from './sim/rareEvent/simulateRareEvent.js';
export type {
  CriticalityEntry,
  SimulatedMeasure,
  SimulateOptions,
  SimulationResult,
  SystemsSimulationResult,
} from './sim/types.js';

// Solving: one choice of exact method, what-if studies, optimisation, importance
export { solveExactly } from './solve/solveExactly.js';
export { solveWith } from './solve/solveWith.js';
export type { ExactMethod, ExactOptions } from './solve/solveWith.js';
export { solveWithUncertainty } from './solve/uncertainty.js';
export type {
  CurveUncertainty,
  MeasureUncertainty,
  ParameterUncertainty,
  UncertaintyOptions,
} from './solve/uncertainty.js';
export { sweepParameter } from './solve/sweepParameter.js';
export type { SweepOptions } from './solve/sweepParameter.js';
export { tornado } from './solve/tornado.js';
export type {
  ParameterKind,
  TornadoOptions,
  TornadoParameter,
  TornadoRow,
} from './solve/tornado.js';
export { optimizeParameter } from './solve/optimizeParameter.js';
export type {
  ConstraintOutcome,
  OptimizeConstraint,
  OptimizeOptions,
  OptimizePoint,
  OptimizeResult,
  SimulationOptimum,
} from './solve/optimizeParameter.js';
export { scalarMeasureNames } from './solve/scalarMeasure.js';
export { componentImportance } from './solve/componentImportance.js';
export type { ComponentImportance } from './solve/componentImportance.js';

// Durability of replicated and erasure-coded storage (docs/data-systems.md)
export { durability } from './durability/durability.js';
export type {
  ClusterDurability,
  DurabilityResult,
  GroupDurability,
} from './durability/durability.js';
export {
  latentChunkProbability,
  latentRebuildLoss,
  rebuildTime,
} from './durability/durabilityInput.js';
export type {
  DurabilityInput,
  HostDomains,
  LatentErrors,
  Placement,
  RackDomains,
} from './durability/durabilityInput.js';
export {
  coverProbability,
  domainCoverProbability,
  hypergeometricPmf,
} from './durability/coverProbability.js';
export { groupChain } from './durability/groupChain.js';
export { clusterChain } from './durability/clusterChain.js';
export { birthDeathTransitions, lossChainCtmc, solveLossChain } from './durability/lossChain.js';
export type { LossChain, LossChainSolution } from './durability/lossChain.js';
export { simulateCluster } from './durability/simulateCluster.js';
export type {
  ClusterSimulation,
  SampleMean,
  SimulateClusterOptions,
} from './durability/simulateCluster.js';
export { AGREEMENT_Z, compareSimulation } from './durability/compareSimulation.js';
export type { DurabilityComparison } from './durability/compareSimulation.js';
export { parseDurabilitySpec } from './durability/readDurabilitySpec.js';
export type { DurabilitySpec } from './durability/readDurabilitySpec.js';
