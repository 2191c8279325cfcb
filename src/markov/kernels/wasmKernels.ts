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

/** accumulator += v[*sp (+4)] · *wp (+8): one gathered term. */
function term(accumulator: number, v: number, sp: number, wp: number, second: boolean): number[] {
  return [
    ...op.get(accumulator),
    ...op.get(v),
    ...op.get(sp),
    ...op.i32Load(second ? 4 : 0),
    ...op.i32Const(3),
    op.i32Shl,
    op.i32Add,
    ...op.f64Load(),
    ...op.get(wp),
    ...op.f64Load(second ? 8 : 0),
    op.f64Mul,
    op.f64Add,
    ...op.set(accumulator),
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
    ...op.block,
    ...op.get(first),
    ...op.get(last),
    op.i32GeU,
    ...op.brIf(0),
    // k = start[first]; sp = &source[k]; wp = &weight[k]
    ...element(start, first, 2),
    ...op.i32Load(),
    ...op.set(sp),
    ...element(weight, sp, 3),
    ...op.set(wp),
    ...element(source, sp, 2),
    ...op.set(sp),
    ...op.loop,
    // sourceEnd = &source[start[j + 1]]
    ...op.get(source),
    ...element(start, first, 2),
    ...op.i32Load(4),
    ...op.i32Const(2),
    op.i32Shl,
    op.i32Add,
    ...op.set(sourceEnd),
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
    ...term(s, v, sp, wp, false),
    ...term(s2, v, sp, wp, true),
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
    ...term(s, v, sp, wp, false),
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
    // j += 1, while j < last
    ...op.get(first),
    ...op.i32Const(1),
    op.i32Add,
    ...op.tee(first),
    ...op.get(last),
    op.i32LtU,
    ...op.brIf(0),
    op.end,
    op.end,
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
  body: [
    ...op.block,
    ...op.get(lFirst),
    ...op.get(lLast),
    op.i32GeU,
    ...op.brIf(0),
    ...op.loop,
    // k = start[j]; sp = &source[k]; wp = &weight[k]; sourceEnd = &source[split[j]]
    ...element(lStart, lFirst, 2),
    ...op.i32Load(),
    ...op.set(lSp),
    ...element(lWeight, lSp, 3),
    ...op.set(lWp),
    ...element(lSource, lSp, 2),
    ...op.set(lSp),
    ...op.get(lSource),
    ...element(lSplit, lFirst, 2),
    ...op.i32Load(),
    ...op.i32Const(2),
    op.i32Shl,
    op.i32Add,
    ...op.set(lSourceEnd),
    // s = r[j]; s −= z[source] · weight for each entry before the split
    ...element(lR, lFirst, 3),
    ...op.f64Load(),
    ...op.set(lS),
    ...op.block,
    ...op.loop,
    ...op.get(lSp),
    ...op.get(lSourceEnd),
    op.i32GeU,
    ...op.brIf(1),
    ...op.get(lS),
    ...op.get(lZ),
    ...op.get(lSp),
    ...op.i32Load(),
    ...op.i32Const(3),
    op.i32Shl,
    op.i32Add,
    ...op.f64Load(),
    ...op.get(lWp),
    ...op.f64Load(),
    op.f64Mul,
    op.f64Sub,
    ...op.set(lS),
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
    ...op.get(lFirst),
    ...op.i32Const(1),
    op.i32Add,
    ...op.tee(lFirst),
    ...op.get(lLast),
    op.i32LtU,
    ...op.brIf(0),
    op.end,
    op.end,
  ],
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
