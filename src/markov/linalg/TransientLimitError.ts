import { UnsupportedModelError } from '../../errors.js';

/**
 * A transient solve would need more matrix–vector products than allowed: the chain is too big for
 * the squaring method and too stiff (q·t too large) for uniformization within the limit.
 *
 * The message names the command-line flag `--max-products`, which sets the limit of the `relkit
 * markov` command; library callers set the same limit with the solvers' options.
 */
export class TransientLimitError extends UnsupportedModelError {
  override readonly name: string = 'TransientLimitError';
  /** Products the uniformization would need (about q·t_max + 8√(q·t_max)). */
  readonly products: number;
  /** The limit in force. */
  readonly limit: number;
  /** Number of states of the chain. */
  readonly states: number;

  /**
   * @param where - the solver that refused, such as `pointAvailabilityCurve`
   * @param states - the number of states of the chain
   * @param time - the largest time asked for
   * @param products - the products needed
   * @param limit - the products allowed
   * @param squaringLimit - the most states the squaring method takes
   */
  constructor(
    where: string,
    states: number,
    time: number,
    products: number,
    limit: number,
    squaringLimit: number,
  ) {
    super(
      where,
      `t = ${time} on this ${states}-state chain needs about ${formatCount(products)} matrix–vector products (uniformization; ${states > squaringLimit ? `chains above ${squaringLimit} states are too big for the squaring method` : 'the method asked for'}), more than the limit of ${formatCount(limit)}`,
      'raise the limit with --max-products, ask for earlier times, or use the steady measures (--steady) if the chain has mixed by then',
    );
    this.products = products;
    this.limit = limit;
    this.states = states;
  }
}

/** 2.2e14 rather than 220000000000000; integers below 10^6 as they are. */
function formatCount(x: number): string {
  if (x < 1e6) return String(Math.ceil(x));
  return x
    .toExponential(2)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}
