/** The simulation panel's note, from the run in the state: a pure function, unit-tested. */
import { formatCount, plainLibraryNote } from '../compute/plainWords.js';
import type { SimulationRun } from '../state/store.js';

/** Wall time an automatic run may take, ms: its estimates come with their intervals anyway. */
export const AUTO_BUDGET_MS = 20_000;

/** Returns what the panel says of a run (none yet: what Simulate does). */
export function simulationNote(run: SimulationRun | undefined): string {
  if (!run) return 'Runs in a worker; the band fills in as replications finish.';
  const of = `${formatCount(run.done)} of ${formatCount(run.total)} replications`;
  const why = run.auto ? ' (started by the page: no exact solution)' : '';
  switch (run.phase) {
    case 'running':
      return `${of}…${why}`;
    case 'finished':
      return `${formatCount(run.done)} replications, done${why}`;
    case 'budget':
      return `stopped after ${of}: the page gives an automatic run ${AUTO_BUDGET_MS / 1000} s; Simulate runs them all`;
    case 'cancelled':
      return `cancelled after ${of}`;
    case 'error':
      return `the simulation failed: ${plainLibraryNote(run.message ?? '')}`;
  }
}
