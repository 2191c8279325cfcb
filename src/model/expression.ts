import type { MathNode } from 'mathjs/number';
import { parse } from './mathjsSubset.js';
import { MAX_EXPRESSION_DEPTH, TOO_DEEP, nestingProblem } from './expressionNesting.js';
import { numberProblem } from './expressionNumbers.js';

/**
 * Functions an expression may call: arithmetic and elementary functions only. Nothing that
 * defines, imports, parses, evaluates or reaches objects is reachable, because the parsed tree is
 * checked node by node against this list before it is ever compiled.
 */
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'abs', 'ceil', 'exp', 'expm1', 'floor', 'log', 'log10', 'log1p', 'log2', 'max', 'min',
  'pow', 'round', 'sqrt', 'cbrt', 'sin', 'cos', 'tan', 'gamma',
]); // prettier-ignore

/** Constants an expression may name besides parameters. */
const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** Operators allowed, by mathjs function name: arithmetic only (no comparison, logic or factorial). */
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus',
]); // prettier-ignore

/** Names a parameter may not take, because expressions use them for functions and constants. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...ALLOWED_FUNCTIONS,
  ...CONSTANTS.keys(),
]);

/** A parameter expression checked for safety, with the parameter names it refers to. */
export interface Expression {
  readonly source: string;
  /** Parameter names the expression uses (constants and functions excluded). */
  readonly parameters: readonly string[];
  /** Evaluates with the given parameter values; the result may be any number (checked by the caller). */
  evaluate(values: ReadonlyMap<string, number>): number;
}

/** Why an expression was refused. */
export class ExpressionError extends Error {
  override readonly name: string = 'ExpressionError';
}

/**
 * Parses an expression such as `2*lambda*(1-c)` with mathjs and allows only numbers, parameter
 * names, `pi`, `e`, arithmetic operators and the elementary functions listed above.
 * Multiplication is written with `*`: mathjs would read `2 x` or `2 pi` as products, and `1e`
 * or `1y` as `1·e` and `1·y`, so a typo in a number would become another value.
 *
 * @throws {@link ExpressionError} for a syntax error, any construct outside that list, a token
 * that starts like a number but is not one (`1e`, `1e3e`, `1y`, `1_000`, `1 000`; the message
 * suggests the number meant), a product without `*`, more than 32 brackets open at once, or operations nested
 * more than 500 deep
 *
 * @remarks
 * Cost, for an expression of L characters: the nesting is bounded from the text before mathjs
 * parses it; parsing is linear in L and gives a tree of at most 2L nodes (every leaf takes a
 * character; every operator joins two subtrees or takes a character of its own); the tree is
 * checked without recursion, and compiled and evaluated by recursion at most 500 deep. Each node
 * costs O(1) to evaluate: the allowed functions are single floating-point operations, except
 * `gamma` of an integer n, a product of at most 170 factors (mathjs returns Infinity above 171,
 * which the model then refuses as not finite), `round(x, d)`, which formats at most about 330
 * digits (d must be an integer in [0, 15]), and `max`/`min`, linear in their arguments, which
 * are nodes of the tree. So evaluation takes at most a few hundred floating-point operations per
 * character.
 */
export function compileExpression(source: string): Expression {
  const nesting = nestingProblem(source);
  if (nesting) throw new ExpressionError(nesting);
  const number = numberProblem(source);
  if (number) throw new ExpressionError(number);
  let tree: MathNode;
  try {
    tree = parse(source);
  } catch (error) {
    throw new ExpressionError(`is not a valid expression: ${(error as Error).message}`);
  }
  const parameters = checkTree(tree);
  const compiled = tree.compile();
  return Object.freeze({
    source,
    parameters: [...parameters],
    evaluate: (values: ReadonlyMap<string, number>): number => {
      const scope = new Map<string, number>(CONSTANTS);
      for (const name of parameters) scope.set(name, values.get(name) ?? Number.NaN);
      const result: unknown = compiled.evaluate(scope);
      if (typeof result !== 'number') {
        throw new ExpressionError(`must evaluate to a number; got ${typeof result}`);
      }
      return result;
    },
  });
}

/**
 * Checks every node of the tree against the lists above, without recursion, and returns the
 * parameter names used.
 *
 * @throws {@link ExpressionError} for a node outside the lists, or a tree deeper than
 * {@link MAX_EXPRESSION_DEPTH}
 */
function checkTree(tree: MathNode): Set<string> {
  const parameters = new Set<string>();
  const products: MathNode[] = [];
  const stack: [MathNode, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_EXPRESSION_DEPTH) throw new ExpressionError(TOO_DEEP);
    // Children pushed last first, so they are visited (and parameters listed) in reading order.
    const children = checkNode(node, parameters, products);
    for (const child of children.toReversed()) stack.push([child, depth + 1]);
  }
  // Reported once every node passed, so a refused construct is named first.
  const [product] = products;
  if (product !== undefined) throw implicitProduct(product);
  return parameters;
}

/**
 * Checks one node, noting a parameter name or a product written without `*`, and returns its
 * children.
 */
function checkNode(
  node: MathNode,
  parameters: Set<string>,
  products: MathNode[],
): readonly MathNode[] {
  switch (node.type) {
    case 'ConstantNode': {
      const value: unknown = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw refused(`the constant ${JSON.stringify(value)}`);
      return [];
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (!CONSTANTS.has(name)) parameters.add(name);
      return [];
    }
    case 'ParenthesisNode':
      return [(node as unknown as { content: MathNode }).content];
    case 'OperatorNode': {
      const { fn, op, args, implicit } = node as unknown as {
        fn: string;
        op: string;
        args: MathNode[];
        implicit?: boolean;
      };
      if (!ALLOWED_OPERATORS.has(fn)) throw refused(`the operator "${op}"`);
      if (implicit === true) products.push(node);
      return args;
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : '';
      if (!ALLOWED_FUNCTIONS.has(name)) {
        throw refused(
          name === '' ? 'a computed function call' : `the function "${name}"`,
          `functions allowed: ${[...ALLOWED_FUNCTIONS].join(', ')}`,
        );
      }
      return args;
    }
    default:
      throw refused(describeNode(node.type));
  }
}

/** `leaves out the * between 2 and pi; write 2 * pi`. */
function implicitProduct(node: MathNode): ExpressionError {
  const { args } = node as unknown as { args: MathNode[] };
  const [left, right] = args.map((arg) => {
    const text = arg.toString();
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  });
  return new ExpressionError(
    `leaves out the * between ${left} and ${right}; write ${left} * ${right}`,
  );
}

function refused(
  what: string,
  hint = 'only numbers, parameter names, + - * / ^ and math functions',
): ExpressionError {
  return new ExpressionError(`may not use ${what} (${hint})`);
}

function describeNode(type: string): string {
  const descriptions: Record<string, string> = {
    AssignmentNode: 'an assignment',
    FunctionAssignmentNode: 'a function definition',
    AccessorNode: 'property access',
    IndexNode: 'indexing',
    ArrayNode: 'a matrix or array',
    ObjectNode: 'an object',
    BlockNode: 'several statements',
    ConditionalNode: 'a conditional',
    RangeNode: 'a range',
    RelationalNode: 'a comparison',
  };
  return descriptions[type] ?? `a ${type}`;
}
