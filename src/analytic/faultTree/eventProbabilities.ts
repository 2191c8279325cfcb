import { exponentialRate, unitLaws } from '../../model/componentFacts.js';
import type { Model } from '../../model/Model.js';
import { unitComponent } from '../../model/Model.js';
import { pointUnavailability } from '../formulas/pointAvailability.js';

/** The probabilities of a fault tree's basic events at one time, or why they cannot be given. */
export type EventProbabilities =
  | {
      /** q[i] = P(event i has occurred at t); for a unit, its point unavailability. */
      readonly q: Float64Array;
      /** p[i] = 1 − q[i], each computed directly (no 1 − q cancellation). */
      readonly p: Float64Array;
    }
  | { readonly reason: string };

/**
 * Returns the probability of every basic event of a fault tree at time t: a fixed probability
 * as written; for an event with failure times, the probability it is failed at t.
 *
 * $$
 * q_i(t) = F_i(t) \text{ (no repair)}, \qquad
 * q_i(t) = \frac{\lambda_i}{\lambda_i + \mu_i}\left(1 - e^{-(\lambda_i + \mu_i)t}\right)
 * \text{ (exponential failure and repair)}
 * $$
 *
 * @param model - a fault-tree model (`model.faultTree` present)
 * @param t - the time, in the model's time unit (any value when every event is fixed)
 * @returns q and p, or the reason they cannot be given in closed form (a repair that is not
 *   exponential, coverage, a detection or recovery delay, or no time for timed events)
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, ch. 5
 * (availability of a repairable item) (paywalled).
 */
export function eventProbabilities(model: Model, t: number | undefined): EventProbabilities {
  const events = model.faultTree?.events ?? [];
  const q = new Float64Array(events.length);
  const p = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!; // i < length
    if ('probability' in event) {
      q[i] = event.probability;
      p[i] = 1 - event.probability;
      continue;
    }
    if (t === undefined) {
      return {
        reason: `event ${event.name} has failure times and the model gives no mission_time`,
      };
    }
    const component = unitComponent(model, event.unit);
    if (component.coverage !== 1 || component.detection || component.recovery) {
      return {
        reason: `event ${event.name} has coverage, a detection or a recovery delay, which make events dependent`,
      };
    }
    const laws = unitLaws(model, event.unit);
    if (!laws.repair) {
      q[i] = laws.failure.cdf(t);
      p[i] = laws.failure.sf(t);
      continue;
    }
    const lambda = exponentialRate(laws.failure);
    const mu = exponentialRate(laws.repair);
    if (lambda === undefined || mu === undefined) {
      return {
        reason: `event ${event.name} is repairable with times that are not exponential, so its unavailability at a time has no closed form`,
      };
    }
    q[i] = pointUnavailability(lambda, mu, t);
    p[i] = 1 - q[i]!;
  }
  return { q, p };
}
