/**
 * The part of mathjs that expressions use: the parser (which also compiles) and the arithmetic
 * and elementary functions of the whitelist in ./expression.ts, built with `create` from their
 * factories only. Importing all of `mathjs/number` costs about half a second at start-up (hundreds
 * of modules and every function's typed dispatch); the build bundles this module with just these
 * factories (vite.mathjs.config.ts), so the CLI and the library load it in milliseconds.
 */
import {
  absDependencies,
  addDependencies,
  cbrtDependencies,
  ceilDependencies,
  cosDependencies,
  create,
  divideDependencies,
  expDependencies,
  expm1Dependencies,
  floorDependencies,
  gammaDependencies,
  log10Dependencies,
  log1pDependencies,
  log2Dependencies,
  logDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  sinDependencies,
  sqrtDependencies,
  subtractDependencies,
  tanDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  type FactoryFunctionMap,
  type MathNode,
} from 'mathjs/number';

const FACTORIES = {
  parseDependencies,
  // Operators (ALLOWED_OPERATORS of ./expression.ts).
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  powDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  // Functions (ALLOWED_FUNCTIONS of ./expression.ts).
  absDependencies,
  ceilDependencies,
  expDependencies,
  expm1Dependencies,
  floorDependencies,
  logDependencies,
  log10Dependencies,
  log1pDependencies,
  log2Dependencies,
  maxDependencies,
  minDependencies,
  roundDependencies,
  sqrtDependencies,
  cbrtDependencies,
  sinDependencies,
  cosDependencies,
  tanDependencies,
  gammaDependencies,
};

/** The factories, each checked present (mathjs's types allow a build without some). */
function presentFactories(): Record<string, FactoryFunctionMap> {
  const present: Record<string, FactoryFunctionMap> = {};
  for (const [name, factory] of Object.entries(FACTORIES)) {
    if (factory === undefined) throw new Error(`mathjs/number has no ${name}`);
    present[name] = factory;
  }
  return present;
}

const math = create(presentFactories());

/**
 * Parses an expression with mathjs; the tree compiles against a namespace of the functions above
 * and nothing else.
 */
export function parse(text: string): MathNode {
  return math.parse(text);
}
