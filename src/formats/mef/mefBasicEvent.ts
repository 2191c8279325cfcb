import type { Path } from '../../model/source.js';
import type { Numeric } from '../../model/schemaKit.js';
import { contentOf, issueAt, tagOf } from './located.js';
import { isMissionTime, translateExpression, type ExpressionContext } from './mefExpression.js';
import { isConstant, toNumeric, type Term } from './term.js';
import type { XmlElement, XmlPosition } from './xmlTree.js';

/** A basic event as the relkit model writes it: a fixed probability, or failure (and repair) times. */
export type EventDocument =
  | { readonly probability: Numeric }
  | {
      readonly failure: Readonly<Record<string, Numeric>>;
      readonly repair?: Readonly<Record<string, Numeric>>;
    };

/**
 * Translates the expression of a basic event (or of a CCF group's distribution) into a relkit
 * event. At the mission time, `exponential(λ, t)` becomes failures at rate λ,
 * `GLM(0, λ, μ, t)` failures at rate λ repaired at rate μ, and `Weibull(α, β, t₀, t)` Weibull
 * failures of scale α, shape β and location t₀: relkit then computes P(t) itself (SCRAM's
 * formulas, src/expression/exponential.cc, give the same probabilities). Any other expression
 * is a fixed probability (see {@link translateExpression}).
 *
 * @param holder - the element that holds the expression, `<define-basic-event>` or `<distribution>`
 * @param record - notes where each part of the event comes from, by its path within the event
 * @returns the event, or undefined after pushing located issues
 */
export function translateBasicEvent(
  holder: XmlElement,
  basePath: string,
  context: ExpressionContext,
  record: (path: Path, at: XmlPosition) => void,
): EventDocument | undefined {
  const content = contentOf(holder);
  const [top] = content;
  if (!top || content.length > 1) {
    const got = content.length === 0 ? 'none' : `${content.length}`;
    const why =
      holder.name === 'define-basic-event'
        ? ' (a basic event without one has no probability; SCRAM refuses it too)'
        : '';
    context.issues.push(
      issueAt(holder.at, `${tagOf(holder)} must hold one expression${why}; got ${got}`),
    );
    return undefined;
  }
  const args = top.children;
  const field = (key: string, element: XmlElement, term: Term): Numeric => {
    record(key.split('.'), element.at);
    return toNumeric(term);
  };
  const translate = (element: XmlElement): Term | undefined =>
    translateExpression(element, basePath, context);
  const atMissionTime = (count: number): boolean => {
    const time = args[count - 1];
    return args.length === count && time !== undefined && isMissionTime(time, basePath, context);
  };

  if (top.name === 'exponential' && atMissionTime(2)) {
    const [rateAt] = args as [XmlElement];
    const rate = translate(rateAt);
    if (!rate) return undefined;
    // Rate 0 (never fails; SCRAM takes it) is probability 0: a relkit rate is > 0.
    if (isConstant(rate, 0)) return { probability: field('probability', top, rate) };
    record(['failure'], top.at);
    return { failure: { rate: field('failure.rate', rateAt, rate) } };
  }
  if (top.name === 'GLM' && atMissionTime(4)) {
    const [gammaAt, rateAt, repairAt] = args as [XmlElement, XmlElement, XmlElement];
    const [gamma, rate, repair] = [translate(gammaAt), translate(rateAt), translate(repairAt)];
    if (!gamma || !rate || !repair) return undefined;
    // GLM(0, 0, μ, t) never fails: probability 0, as exponential with rate 0 above.
    if (isConstant(gamma, 0) && isConstant(rate, 0)) {
      return { probability: field('probability', top, rate) };
    }
    if (isConstant(gamma, 0)) {
      record(['failure'], top.at);
      const failure = { rate: field('failure.rate', rateAt, rate) };
      // μ = 0 is no repair: relkit's repair rate is > 0.
      if (isConstant(repair, 0)) return { failure };
      record(['repair'], repairAt.at);
      return { failure, repair: { rate: field('repair.rate', repairAt, repair) } };
    }
  }
  if (top.name === 'Weibull' && atMissionTime(4)) {
    const [scaleAt, shapeAt, locationAt] = args as [XmlElement, XmlElement, XmlElement];
    const [scale, shape, location] = [
      translate(scaleAt),
      translate(shapeAt),
      translate(locationAt),
    ];
    if (!scale || !shape || !location) return undefined;
    record(['failure'], top.at);
    return {
      failure: {
        dist: 'weibull',
        scale: field('failure.scale', scaleAt, scale),
        shape: field('failure.shape', shapeAt, shape),
        ...(!isConstant(location, 0) && {
          location: field('failure.location', locationAt, location),
        }),
      },
    };
  }
  const probability = translate(top);
  return probability && { probability: field('probability', top, probability) };
}
