import type { SystemNode } from './Model.js';

/**
 * Returns how many unit failures it takes at most to down a structure along its easiest path:
 * the order of its smallest minimal cut set for series, parallel and k-of-n blocks, and, as an
 * upper bound, every unit of a standby block or a network.
 *
 * $$
 * o(\text{unit}) = 1,\quad o(\text{series}) = \min_c o(c),\quad o(\text{parallel}) = \sum_c o(c),\quad
 * o(k\text{-of-}n) = \text{sum of the } n - k + 1 \text{ smallest } o(c)
 * $$
 *
 * @param node - a structure node
 * @returns o ≥ 1; Infinity for a structure no failure can down (an empty series), 0 for one that
 *   is down already (an empty parallel)
 *
 * @remarks A unit repeated in several branches counts once per branch, and a standby block or a
 * network counts all its units: both can only overstate o, which is what a caller bounding a
 * bias that grows with o needs. The unavailability of a system of nearly independent units is
 * dominated by its smallest cuts, Σ Π Uᵢ, so a relative error e in every Uᵢ moves it by about
 * o·e. O(nodes · log children).
 */
export function cutOrder(node: SystemNode): number {
  switch (node.kind) {
    case 'unit':
      return 1;
    case 'standby':
      return node.units.length;
    case 'network':
      return new Set(node.edges.map((edge) => edge.unit)).size;
    case 'series':
      return Math.min(Infinity, ...node.children.map(cutOrder));
    case 'parallel':
      return node.children.reduce((sum, child) => sum + cutOrder(child), 0);
    case 'koon': {
      const orders = node.children.map(cutOrder).sort((a, b) => a - b);
      return orders.slice(0, node.children.length - node.k + 1).reduce((sum, o) => sum + o, 0);
    }
  }
}
