/**
 * Simulation in the browser: replications run in chunks so that progress shows, the band fills
 * in as they come, and a cancel stops between chunks. The simulator library
 * (`runReplications`, `mergeSimulationStats`, `finalizeSimulation`) is looked up on the library's
 * exports at run time, so the explorer offers simulation exactly when src/index.ts exports it.
 */
import type { Model, Result } from '../../src/index.js';

/** The simulator functions the explorer needs (src/sim, exported from src/index.ts). */
export interface Simulator {
  runReplications(
    model: Model,
    options: { readonly horizon?: number; readonly seed?: number; readonly grid?: number },
    first: number,
    count: number,
  ): unknown;
  mergeSimulationStats(parts: readonly unknown[]): unknown;
  finalizeSimulation(model: Model, stats: unknown): Result;
}

/** Returns the simulator of a library namespace, or undefined when it does not export one. */
export function findSimulator(library: object): Simulator | undefined {
  const lib = library as Record<string, unknown>;
  const names = ['runReplications', 'mergeSimulationStats', 'finalizeSimulation'];
  return names.every((name) => typeof lib[name] === 'function')
    ? (library as unknown as Simulator)
    : undefined;
}

/** Returns the chunk sizes of a run: about 20 progress steps, at least 10 replications each. */
export function simulationChunks(replications: number): number[] {
  const size = Math.max(10, Math.ceil(replications / 20));
  const chunks: number[] = [];
  for (let done = 0; done < replications; done += size) {
    chunks.push(Math.min(size, replications - done));
  }
  return chunks;
}
