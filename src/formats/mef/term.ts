import type { Numeric } from '../../model/schemaKit.js';

/**
 * A value being built for a relkit model: a number while everything in it is constant, else
 * the text of a relkit expression with the precedence of its outermost operator, so that it is
 * bracketed only where needed when it becomes an operand.
 */
export type Term =
  { readonly value: number } | { readonly text: string; readonly precedence: number };

/** Operator precedences, loosest first: a term binds at least as tightly as its precedence. */
const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const ATOM = 4;

/** Functions of relkit expressions that terms may call, with their values when folded. */
const FUNCTIONS: Readonly<Record<string, (...args: number[]) => number>> = {
  abs: Math.abs, ceil: Math.ceil, cos: Math.cos, exp: Math.exp, expm1: Math.expm1,
  floor: Math.floor, log: Math.log, log10: Math.log10, max: Math.max, min: Math.min,
  pow: Math.pow, sin: Math.sin, sqrt: Math.sqrt, tan: Math.tan,
}; // prettier-ignore

/** Names of the functions a term may call. */
export type TermFunction = keyof typeof FUNCTIONS & string;

/** A constant. */
export function constant(value: number): Term {
  return { value };
}

/** A parameter of the relkit model, by its relkit name. */
export function named(name: string): Term {
  return { text: name, precedence: ATOM };
}

/** The term as a relkit model writes it: a number, or expression text. */
export function toNumeric(term: Term): Numeric {
  return 'value' in term ? term.value : term.text;
}

/** Whether the term is the constant `value`. */
export function isConstant(term: Term, value: number): boolean {
  return 'value' in term && term.value === value;
}

/** a + b, folded when both are constants; a sum with 0 is the other term (so are the identities below). */
export function add(a: Term, b: Term): Term {
  if ('value' in a && 'value' in b) return constant(a.value + b.value);
  if (isConstant(a, 0)) return b;
  if (isConstant(b, 0)) return a;
  return infix(a, ' + ', b, SUM, SUM, SUM + 1);
}

/** a − b. */
export function subtract(a: Term, b: Term): Term {
  if ('value' in a && 'value' in b) return constant(a.value - b.value);
  if (isConstant(b, 0)) return a;
  return infix(a, ' - ', b, SUM, SUM, SUM + 1);
}

/** a · b. */
export function multiply(a: Term, b: Term): Term {
  if ('value' in a && 'value' in b) return constant(a.value * b.value);
  if (isConstant(a, 1)) return b;
  if (isConstant(b, 1)) return a;
  return infix(a, ' * ', b, PRODUCT, PRODUCT, PRODUCT + 1);
}

/** a / b. */
export function divide(a: Term, b: Term): Term {
  if ('value' in a && 'value' in b) return constant(a.value / b.value);
  if (isConstant(b, 1)) return a;
  return infix(a, ' / ', b, PRODUCT, PRODUCT, PRODUCT + 1);
}

/** −a. */
export function negate(a: Term): Term {
  if ('value' in a) return constant(-a.value);
  return { text: `-${operand(a, UNARY)}`, precedence: UNARY };
}

/** f(args…), folded when every argument is a constant. */
export function call(name: TermFunction, ...args: readonly Term[]): Term {
  const values = args.flatMap((arg) => ('value' in arg ? [arg.value] : []));
  // FUNCTIONS holds every TermFunction.
  if (values.length === args.length) return constant(FUNCTIONS[name]!(...values));
  return { text: `${name}(${args.map((arg) => operand(arg, SUM)).join(', ')})`, precedence: ATOM };
}

function infix(
  a: Term,
  operator: string,
  b: Term,
  precedence: number,
  left: number,
  right: number,
): Term {
  return { text: `${operand(a, left)}${operator}${operand(b, right)}`, precedence };
}

/** The text of a term as an operand that must bind at least as tightly as `precedence`. */
function operand(term: Term, precedence: number): string {
  if ('value' in term) {
    const text = String(term.value);
    return term.value < 0 && precedence > SUM ? `(${text})` : text;
  }
  return term.precedence >= precedence ? term.text : `(${term.text})`;
}
