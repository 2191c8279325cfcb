import type { Block } from './collapseBlocks.js';

/**
 * Returns the number of minimal path sets (`kind` "path") or cut sets (`kind` "cut") of a
 * series, parallel or k-out-of-n block of distinct components.
 *
 * $$
 * \#\text{paths} = \binom{n}{k}, \qquad \#\text{cuts} = \binom{n}{n-k+1}
 * $$
 * - n: the block's components; k: components needed (series k = n, parallel k = 1)
 *
 * @param block - the block
 * @param kind - "path" or "cut"
 * @returns the count, a double (+∞ beyond 1.8e308)
 *
 * @remarks
 * A minimal path set is any k of the n components, a minimal cut set any n − k + 1. The product
 * form of the binomial coefficient is exact below 2^53 and within a few ε beyond. Cost
 * O(min(k, n − k)).
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory, 2nd ed., Wiley, 2004, ch. 4
 * (k-out-of-n structures, path and cut sets) (paywalled).
 */
export function blockSetCount(block: Block, kind: 'path' | 'cut'): number {
  const n = block.members.length;
  const size = kind === 'path' ? block.k : n - block.k + 1;
  const r = Math.min(size, n - size);
  let count = 1;
  for (let i = 1; i <= r; i++) count = (count * (n - r + i)) / i;
  return Math.round(count);
}
