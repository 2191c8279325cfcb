/**
 * Returns the cycles among gates that name each other, one per edge that closes a cycle, each
 * as the gates along it from the first met back to itself (`[a, b, a]`).
 *
 * @param gates - every gate, in file order (the search starts from each in turn)
 * @param children - the gates each gate's formula names
 *
 * @remarks Depth-first search without recursion (a chain of 10⁵ gates must not overflow the
 * stack); O(gates + references).
 */
export function gateCycles<T>(gates: readonly T[], children: ReadonlyMap<T, readonly T[]>): T[][] {
  const state = new Map<T, 'open' | 'done'>();
  const cycles: T[][] = [];
  for (const start of gates) {
    if (state.has(start)) continue;
    const path: T[] = [start];
    const next: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const depth = path.length - 1;
      // path and next grow and shrink together, so depth indexes both.
      const gate = path[depth]!;
      const child = children.get(gate)?.[next[depth]!];
      if (child === undefined) {
        state.set(gate, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[depth]!++;
      const seen = state.get(child);
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(child)), child]);
      else if (seen === undefined) {
        state.set(child, 'open');
        path.push(child);
        next.push(0);
      }
    }
  }
  return cycles;
}
