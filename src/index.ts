/**
 * relkit: reliability and fault-tolerance modelling. The public API, grouped by area; the only
 * barrel file (STYLE.md §1).
 */

// Errors
export {
  ConvergenceError,
  ModelError,
  ParameterError,
  UnsupportedModelError,
  formatModelIssue,
} from './errors.js';
export type { ModelIssue } from './errors.js';

// Numeric kernels
export { exactSum } from './numeric/sum.js';
