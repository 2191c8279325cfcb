/**
 * Birnbaum importance of each component: computed by the library (`componentImportance`); the
 * charts take its shape under this name.
 */
export type { ComponentImportance as Importance } from '../../src/index.js';
