import { assembleModule, f64, i32, op, type WasmFunction } from './wasmBinary.js';

/**
 * The two sparse kernels as WebAssembly functions over one memory; every array argument is a
 * byte address in it. They do the same operations in the same order as the JavaScript kernels
 * of {@link ./jsKernels.ts}, so both give bit-identical results.
 */
export interface WasmKernels {
  /** gather(first, last, start, source, weight, diagonal, v, out) → Σ|out_j − v_j|. */
  readonly gather: (...addresses: number[]) => number;
  /** lowerSolve(first, last, start, split, source, weight, diagonal, r, z). */
  readonly lowerSolve: (...addresses: number[]) => void;
}

/** [address of base[index]] for elements of 2^shift bytes. */
function element(base: number, index: number, shift: number): number[] {
  return [...op.get(base), ...op.get(index), ...op.i32Const(shift), op.i32Shl, op.i32Add];
}

/** local += step (an i32 pointer). */
function advance(local: number, step: number): number[] {
  return [...op.get(local), ...op.i32Const(step), op.i32Add, ...op.set(local)];
}

/**
 * accumulator ±= x[*sp] · *wp, or with the entry after (sp + 4, wp + 8): one gathered term,
 * added (`op.f64Add`) or subtracted (`op.f64Sub`).
 */
function term(
  accumulator: number,
  combine: typeof op.f64Add | typeof op.f64Sub,
  x: number,
  sp: number,
  wp: number,
  second = false,
): number[] {
  return [
    ...op.get(accumulator),
    ...op.get(x),
    ...op.get(sp),
    ...op.i32Load(second ? 4 : 0),
    ...op.i32Const(3),
    op.i32Shl,
    op.i32Add,
    ...op.f64Load(),
    ...op.get(wp),
    ...op.f64Load(second ? 8 : 0),
    op.f64Mul,
    combine,
    ...op.set(accumulator),
  ];
}

/** sp = &source[start[j]], wp = &weight[start[j]]: the first entry of row j. */
function rowPointers(
  start: number,
  j: number,
  source: number,
  weight: number,
  sp: number,
  wp: number,
): number[] {
  return [
    ...element(start, j, 2),
    ...op.i32Load(),
    ...op.set(sp),
    ...element(weight, sp, 3),
    ...op.set(wp),
    ...element(source, sp, 2),
    ...op.set(sp),
  ];
}

/** end = &source[table[j] (or table[j + 1] with offset 4)]: where row j's entries stop. */
function rowEnd(source: number, table: number, j: number, offset: number, end: number): number[] {
  return [
    ...op.get(source),
    ...element(table, j, 2),
    ...op.i32Load(offset),
    ...op.i32Const(2),
    op.i32Shl,
    op.i32Add,
    ...op.set(end),
  ];
}

/** The loop over rows [j, last): `body` runs for each j; nothing runs when j ≥ last. */
function eachRow(j: number, last: number, body: readonly number[]): number[] {
  return [
    ...op.block,
    ...op.get(j),
    ...op.get(last),
    op.i32GeU,
    ...op.brIf(0),
    ...op.loop,
    ...body,
    ...op.get(j),
    ...op.i32Const(1),
    op.i32Add,
    ...op.tee(j),
    ...op.get(last),
    op.i32LtU,
    ...op.brIf(0),
    op.end,
    op.end,
  ];
}

// gather: parameters 0–7, then locals.
const [first, last, start, source, weight, diagonal, v, out] = [0, 1, 2, 3, 4, 5, 6, 7];
const [sp, wp, sourceEnd, s, s2, x, y, delta] = [8, 9, 10, 11, 12, 13, 14, 15];

const gather: WasmFunction = {
  name: 'gather',
  params: [i32, i32, i32, i32, i32, i32, i32, i32],
  results: [f64],
  locals: [i32, i32, i32, f64, f64, f64, f64, f64],
  body: [
    // Entries are consecutive across rows: the pointers are set once, at the first row.
    ...rowPointers(start, first, source, weight, sp, wp),
    ...eachRow(first, last, [
      ...rowEnd(source, start, first, 4, sourceEnd),
      // x = v[j]; s = x · diagonal[j]; s2 = 0
      ...element(v, first, 3),
      ...op.f64Load(),
      ...op.tee(x),
      ...element(diagonal, first, 3),
      ...op.f64Load(),
      op.f64Mul,
      ...op.set(s),
      ...op.f64Zero,
      ...op.set(s2),
      // Two terms per pass while two remain, into two accumulators.
      ...op.block,
      ...op.loop,
      ...op.get(sp),
      ...op.i32Const(4),
      op.i32Add,
      ...op.get(sourceEnd),
      op.i32GeU,
      ...op.brIf(1),
      ...term(s, op.f64Add, v, sp, wp),
      ...term(s2, op.f64Add, v, sp, wp, true),
      ...advance(sp, 8),
      ...advance(wp, 16),
      ...op.br(0),
      op.end,
      op.end,
      // The odd last term.
      ...op.get(sp),
      ...op.get(sourceEnd),
      op.i32LtU,
      ...op.if,
      ...term(s, op.f64Add, v, sp, wp),
      ...advance(sp, 4),
      ...advance(wp, 8),
      op.end,
      // out[j] = y = s + s2; delta += |y − x|
      ...element(out, first, 3),
      ...op.get(s),
      ...op.get(s2),
      op.f64Add,
      ...op.tee(y),
      ...op.f64Store(),
      ...op.get(delta),
      ...op.get(y),
      ...op.get(x),
      op.f64Sub,
      op.f64Abs,
      op.f64Add,
      ...op.set(delta),
    ]),
    ...op.get(delta),
  ],
};

// lowerSolve: parameters 0–8, then locals.
const [lFirst, lLast, lStart, lSplit, lSource, lWeight, lDiagonal, lR, lZ] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8,
];
const [lSp, lWp, lSourceEnd, lS] = [9, 10, 11, 12];

const lowerSolve: WasmFunction = {
  name: 'lowerSolve',
  params: [i32, i32, i32, i32, i32, i32, i32, i32, i32],
  results: [],
  locals: [i32, i32, i32, f64],
  body: eachRow(lFirst, lLast, [
    // Row j's entries before its split: the sources below j.
    ...rowPointers(lStart, lFirst, lSource, lWeight, lSp, lWp),
    ...rowEnd(lSource, lSplit, lFirst, 0, lSourceEnd),
    // s = r[j]; s −= z[source] · weight for each of them
    ...element(lR, lFirst, 3),
    ...op.f64Load(),
    ...op.set(lS),
    ...op.block,
    ...op.loop,
    ...op.get(lSp),
    ...op.get(lSourceEnd),
    op.i32GeU,
    ...op.brIf(1),
    ...term(lS, op.f64Sub, lZ, lSp, lWp),
    ...advance(lSp, 4),
    ...advance(lWp, 8),
    ...op.br(0),
    op.end,
    op.end,
    // z[j] = s / diagonal[j]
    ...element(lZ, lFirst, 3),
    ...op.get(lS),
    ...element(lDiagonal, lFirst, 3),
    ...op.f64Load(),
    op.f64Div,
    ...op.f64Store(),
  ]),
};

let compiled: WebAssembly.Module | null | undefined;

/**
 * Returns the kernels instantiated on `memory`, or null where WebAssembly cannot run (absent,
 * or refused by a content security policy); the module is assembled and compiled once.
 */
export function instantiateKernels(memory: WebAssembly.Memory): WasmKernels | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(assembleModule([gather, lowerSolve]));
    } catch {
      compiled = null;
    }
  }
  if (compiled === null) return null;
  const { exports } = new WebAssembly.Instance(compiled, { env: { memory } });
  return exports as unknown as WasmKernels;
}
