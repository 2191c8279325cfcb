import { UnsupportedModelError } from '../../errors.js';
import type { ComponentModel, Model } from '../../model/Model.js';
import type { Curve, Measures } from '../../model/Result.js';
import { silBand } from '../../model/safetyIntegrity.js';
import {
  proofTestEdges,
  testSchedules,
  timeGrid,
  withProofTestEdges,
} from '../../model/timeGrid.js';
import { exactSum } from '../../numeric/sum.js';
import { integrate } from '../../numeric/integrate.js';
import type { ModelSolver } from './ModelSolver.js';

/** What solves a proof-tested model the closed forms cannot. */
const INSTEAD =
  'relkit markov solves proof tests with exponential repair times exactly; relkit simulate any distribution';

/**
 * Checks that the closed forms apply to a model with proof tests: every proof-tested component
 * has exponential failure times and instantaneous repair (`{ dist: deterministic, value: 0 }`)
 * or none, and every other component is as the transient closed forms need (exponential
 * failure and repair times without detection delay, or no repair).
 *
 * @throws {@link UnsupportedModelError} naming the first component that does not fit
 */
export function checkProofTestSupport(model: Model): void {
  const refuse = (component: ComponentModel, why: string): never => {
    // The Markov engine too needs exponential failure times.
    const instead = component.failure.dist === 'exponential' ? INSTEAD : 'use relkit simulate';
    throw new UnsupportedModelError('analytic', `component ${component.name} ${why}`, instead);
  };
  if (model.maintenance.idleWhileDown) {
    // A test that downs the system would stop the other units' ageing.
    throw new UnsupportedModelError(
      'analytic',
      'maintenance.idle_while_down with proof tests makes every unit depend on the system state',
      INSTEAD,
    );
  }
  for (const component of model.components) {
    const { failure, repair } = component;
    if (component.inspection) {
      if (failure.dist !== 'exponential') {
        refuse(component, `has proof tests and ${failure.dist} failure times`);
      }
      if (repair && !(repair.dist === 'deterministic' && repair.value === 0)) {
        refuse(
          component,
          'has proof tests and a repair that takes time; the closed forms take repairs at the test as instantaneous ({ dist: deterministic, value: 0 })',
        );
      }
    } else if (repair) {
      if (failure.dist !== 'exponential' || repair.dist !== 'exponential' || component.detection) {
        refuse(
          component,
          'is repairable with non-exponential times or a detection delay, beside proof-tested components',
        );
      }
    }
  }
}

/**
 * The measures of a model with proof tests and independent units (checked by
 * {@link checkProofTestSupport}): A(t) on a grid that shows the saw-tooth, and over [0, T]
 * the interval availability, `pfdAvg` = (1/T)∫₀ᵀ U(t) dt and its SIL band. U is integrated
 * piece by piece between the tests' starts and ends, where it is smooth, by adaptive
 * Gauss–Kronrod at 1e-13 relative, and the pieces summed exactly.
 *
 * @param horizon - T, the mission time (or the horizon asked for); undefined: the curve only,
 *   over ten test intervals, and a warning
 */
export function proofTestedMeasures(
  model: Model,
  solver: ModelSolver,
  options: { readonly times?: readonly number[]; readonly points?: number },
  horizon: number | undefined,
  warnings: string[],
): { readonly measures: Measures; readonly horizon: number } {
  warnings.push(
    'steady measures are left out: periodic proof tests have no steady state; pfdAvg, the average over [0, T] (the mission unless another horizon is asked for), is the figure to use',
    'reliability of a proof-tested system needs relkit markov (exponential times) or relkit simulate, and its mttf relkit simulate',
  );
  const end = horizon ?? defaultHorizon(model);
  const schedules = testSchedules(model.components);
  const times = withProofTestEdges(options, timeGrid(options, end), schedules, end);
  const availability: Curve = { t: times, values: times.map((t) => solver.pointAvailability(t)) };
  if (horizon === undefined) {
    warnings.push(
      'pfdAvg and intervalAvailability are left out: they average over the mission; give mission_time',
    );
    return { measures: { availability }, horizon: end };
  }
  if (horizon === 0) {
    return {
      measures: { availability, intervalAvailability: solver.pointAvailability(0) },
      horizon,
    };
  }
  const cuts = [0, ...proofTestEdges(schedules, horizon), horizon];
  const pieces: number[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const [a, b] = [cuts[i - 1]!, cuts[i]!]; // i in [1, length)
    pieces.push(integrate((t) => solver.pointUnavailability(t), a, b, { tolerance: 1e-13 }).value);
  }
  const pfdAvg = Math.min(1, exactSum(pieces) / horizon);
  return {
    measures: { availability, intervalAvailability: 1 - pfdAvg, pfdAvg, sil: silBand(pfdAvg) },
    horizon,
  };
}

/** Ten intervals of the slowest test plan past its first test. */
function defaultHorizon(model: Model): number {
  let end = 0;
  for (const { inspection } of model.components) {
    if (inspection) end = Math.max(end, inspection.first + 10 * inspection.interval);
  }
  return end;
}
