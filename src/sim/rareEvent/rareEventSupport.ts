import { UnsupportedModelError, withArticle } from '../../errors.js';
import type { Model } from '../../model/Model.js';
import { simulationSupport } from '../simulationSupport.js';
import { compileSystem, LEAF, type SystemPlan } from '../system/compileSystem.js';
import { StructureState } from '../system/StructureState.js';

/** The solver name in the errors of importance sampling. */
const SOLVER = 'rare-event simulation';

/**
 * Returns the compiled plan of a model that importance sampling with failure biasing can run,
 * and throws, saying why and what can answer instead, for any other.
 *
 * Supported: every failure law exponential (failure biasing scales exponential clocks), every
 * component repaired (the all-new state must recur: it is the regeneration point), any repair
 * and detection laws, finite crews with priority, series, parallel, k-out-of-n and network
 * structures with shared components. Refused: proof tests, preventive replacement and imperfect
 * repair, standby blocks, coverage below 1 (and so recovery), idle while down, spare pools, and
 * structures that cannot change (up with every unit failed, or down with every unit working).
 *
 * @param model - a loaded model
 * @returns the simulator's compiled plan of the model
 * @throws {@link UnsupportedModelError} for a model outside the supported subset
 *
 * @remarks O(units + structure nodes).
 */
export function rareEventPlan(model: Model): SystemPlan {
  const system = simulationSupport(model);
  const plan = compileSystem(model, system);
  const refuse = (reason: string, suggestion: string): never => {
    throw new UnsupportedModelError(SOLVER, reason, suggestion);
  };
  const exact = 'relkit markov (exponential laws) or relkit analyze give exact answers';
  const plain = 'plain relkit simulate (without --rare-event) runs it';
  for (let c = 0; c < plan.componentCount; c++) {
    const name = plan.componentNames[c]!;
    const { inspection, preventive, imperfectRepair } = plan.upkeep[c]!;
    const upkeep = inspection
      ? 'proof tests (hidden failures found at fixed test epochs)'
      : preventive
        ? 'preventive replacement'
        : imperfectRepair && 'imperfect repair (Kijima virtual age)';
    if (upkeep) {
      refuse(
        `component ${name} has ${upkeep}; the rare-event cycles start from the all-new state and bias exponential failure clocks, which maintenance at fixed epochs or by age breaks`,
        `${plain}`,
      );
    }
    if (!(plan.failureExponentialMean[c]! > 0)) {
      refuse(
        `component ${name} has ${withArticle(plan.failure[c]!.family)} failure law; failure biasing scales exponential failure clocks only`,
        `${plain}; relkit analyze gives the steady measures of independent units exactly`,
      );
    }
    if (plan.repair[c] === undefined) {
      refuse(
        `component ${name} is not repaired, so the all-new state never recurs and there are no regeneration cycles`,
        `${exact}; ${plain}`,
      );
    }
    for (const [what, law] of [
      ['repair', plan.repair[c]],
      ['detection', plan.detection[c]],
    ] as const) {
      // The biasing rate is built from 1/mean of the running timers.
      if (law !== undefined && !(law.mean > 0 && Number.isFinite(law.mean))) {
        refuse(
          `component ${name} has a ${what} time of mean ${law.mean}; failure biasing needs a finite mean > 0`,
          plain,
        );
      }
    }
    if (plan.coverage[c]! < 1) {
      refuse(
        `component ${name} has coverage < 1 (outages of uncovered failures are not supported here)`,
        `${exact}; ${plain}`,
      );
    }
  }
  if (plan.blockCount > 0) {
    refuse('the model has standby blocks (not supported here)', `${exact}; ${plain}`);
  }
  if (plan.idleWhileDown) {
    refuse('the model has maintenance.idle_while_down (not supported here)', `${exact}; ${plain}`);
  }
  if (plan.poolCount > 0) {
    refuse(
      `the model has spare pools (${plan.poolNames.join(', ')}): a unit may await a spare, and the outstanding orders are state that failure biasing and the all-new regeneration point do not carry`,
      `${plain}; relkit markov solves it exactly when every lead time (and failure and repair law) is exponential`,
    );
  }
  const structure = new StructureState(plan);
  if (!structure.rootUp) {
    refuse(
      'the system is down with every unit working, so there is no rare failure to estimate',
      'relkit analyze gives its exact measures',
    );
  }
  for (let leaf = 0; leaf < plan.nodeCount; leaf++) {
    if (plan.nodeKind[leaf] === LEAF) structure.setLeaf(leaf, 0);
  }
  if (structure.rootUp) {
    refuse(
      'the system is up with every unit failed, so it never fails',
      'relkit analyze gives its exact measures',
    );
  }
  return plan;
}

/**
 * The largest λ·(mean detection + mean repair) of a component above which failure biasing is
 * out of its regime: it has bounded relative error for highly dependable systems, whose units
 * fail rarely against their repairs, and outside that regime its interval can miss the value
 * with no sign in the sample (a random model with λ·MTTR = 0.1 gave 1.6 times the exact
 * unavailability with a narrow interval).
 */
export const HIGHLY_DEPENDABLE = 0.01;

/**
 * Largest coefficient of variation of a repair or detection law the intervals are trusted with.
 * A law heavier-tailed than the exponential (CV above 1: lognormal with a large σ, Weibull of
 * shape below 1) gives the likelihood ratios a variance that can be infinite: the rare long
 * repairs during which a failure comes naturally carry weights far above the sample's, which the
 * sample does not show (a lognormal repair of mean 10 h and sd 100 h gave a failure frequency of
 * 1.09e-7, 95 % interval 9.0e-8 to 1.3e-7, for an exact 2.0e-7).
 */
export const LIGHT_TAILED_CV = 1;

/**
 * Why the estimates of a plan accepted by {@link rareEventPlan} cannot be trusted, or undefined:
 * some component fails often against its restoration (λ·(detection + repair) above
 * {@link HIGHLY_DEPENDABLE}), or has a repair or detection law heavier-tailed than the
 * exponential (coefficient of variation above {@link LIGHT_TAILED_CV}).
 *
 * @see P. Shahabuddin, "Importance sampling for the simulation of highly reliable Markovian
 * systems", Management Science 40 (1994) 333–352 (bounded relative error of balanced failure
 * biasing as the failure rates go to 0 against the repair rates); V. F. Nicola et al., FTCS-23
 * (1993) (non-exponential repairs).
 */
export function regimeDoubt(plan: SystemPlan): string | undefined {
  let worst = 0;
  let name = '';
  for (let c = 0; c < plan.componentCount; c++) {
    const repair = plan.repair[c]!; // checked by rareEventPlan
    const detection = plan.detection[c];
    for (const [what, law] of [
      ['repair', repair],
      ['detection', detection],
    ] as const) {
      const cv = law === undefined ? 0 : Math.sqrt(law.variance) / law.mean;
      if (cv > LIGHT_TAILED_CV) {
        return `the ${what} time of component ${plan.componentNames[c]!} is heavier-tailed than exponential (coefficient of variation ${cv.toPrecision(3)} > ${LIGHT_TAILED_CV}): the likelihood ratios can have infinite variance and the interval can miss with no sign in the sample; plain relkit simulate, or relkit analyze where it applies`;
      }
    }
    const ratio = ((detection?.mean ?? 0) + repair.mean) / plan.failureExponentialMean[c]!;
    if (ratio > worst) [worst, name] = [ratio, plan.componentNames[c]!];
  }
  return worst > HIGHLY_DEPENDABLE
    ? `component ${name} fails often against its repair (λ·mean down time ${worst.toPrecision(3)} > ${HIGHLY_DEPENDABLE}): failure biasing is built for highly dependable systems and its interval can miss here; plain relkit simulate, or relkit markov and analyze where they apply`
    : undefined;
}
