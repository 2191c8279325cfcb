/**
 * Moved to src/solve/compareResults.ts (result comparison is no CLI concern). This re-export
 * keeps test/sim/zoo.ts and bench/coverage/run.ts, which import it, working until they import
 * the new module; then this file goes.
 */
export * from '../solve/compareResults.js';
