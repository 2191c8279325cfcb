import { describe, expect, it } from 'vitest';
import {
  createGatherMatrix,
  type GatherLayout,
  type KernelBackend,
} from '../../src/markov/linalg/kernels/GatherMatrix.js';
import { takeVectors } from '../../src/markov/linalg/checked.js';
import { assembleModule, op } from '../../src/markov/linalg/kernels/wasmBinary.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { testRng } from '../helpers/testRng.js';

const BACKENDS: KernelBackend[] = ['webassembly', 'javascript'];

/** A random n×n matrix in gather form: 0..maxPerRow entries per row, sources ascending. */
function randomLayout(seed: number, n: number, maxPerRow: number): Required<GatherLayout> {
  const rng = testRng(seed);
  const start = new Int32Array(n + 1);
  const sources: number[] = [];
  const weights: number[] = [];
  for (let j = 0; j < n; j++) {
    const count = Math.floor(rng.next() * (maxPerRow + 1));
    const row = new Set<number>();
    while (row.size < Math.min(count, n)) row.add(Math.floor(rng.next() * n));
    for (const i of [...row].sort((a, b) => a - b)) {
      sources.push(i);
      weights.push(rng.next() * 2 - 1);
    }
    start[j + 1] = sources.length;
  }
  const source = Int32Array.from(sources);
  const split = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let p = element(start, j);
    while (p < element(start, j + 1) && element(source, p) < j) p++;
    split[j] = p;
  }
  const diagonal = Float64Array.from({ length: n }, () => 1 + rng.next());
  return { start, source, weight: Float64Array.from(weights), diagonal, split };
}

/** d_j v_j + Σ_p w_p v[c_p] in plain order, one accumulator: the reference product. */
function denseGather(layout: GatherLayout, v: ArrayLike<number>): number[] {
  const { start, source, weight, diagonal } = layout;
  return Array.from(diagonal, (d, j) => {
    let s = d * element(v, j);
    for (let p = element(start, j); p < element(start, j + 1); p++)
      s += element(weight, p) * element(v, element(source, p));
    return s;
  });
}

describe('wasmBinary', () => {
  it('encodes integers in LEB128 as the specification examples do', () => {
    // Core spec §5.2.2 and the DWARF examples: 624485 → e5 8e 26; −123456 → c0 bb 78.
    expect(op.get(624485)).toEqual([0x20, 0xe5, 0x8e, 0x26]);
    expect(op.i32Const(-123456)).toEqual([0x41, 0xc0, 0xbb, 0x78]);
    expect(op.i32Const(-1)).toEqual([0x41, 0x7f]);
    expect(op.i32Const(64)).toEqual([0x41, 0xc0, 0x00]);
    expect(op.i32Const(63)).toEqual([0x41, 0x3f]);
  });

  it('assembles a module that validates and runs', () => {
    const add = {
      name: 'add',
      params: [0x7f, 0x7f] as const,
      results: [0x7f] as const,
      locals: [],
      body: [...op.get(0), ...op.get(1), op.i32Add],
    };
    const bytes = assembleModule([add]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 0 });
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      env: { memory },
    });
    expect((exports.add as (a: number, b: number) => number)(40, 2)).toBe(42);
  });
});

describe('createGatherMatrix', () => {
  it('runs in WebAssembly by default here', () => {
    expect(createGatherMatrix(randomLayout(1, 5, 3), 2).backend).toBe('webassembly');
  });

  // Rows of 0..9 entries cover both unrolled paths (pairs and the odd last term) and empty rows.
  it.each([
    [1, 1, 1],
    [2, 2, 2],
    [3, 50, 9],
    [4, 500, 9],
  ])(
    'gather matches the dense product, bit-identical across backends (seed %i, n %i)',
    (seed, n, k) => {
      const layout = randomLayout(seed, n, k);
      const rng = testRng(seed + 100);
      const input = Array.from({ length: n }, () => rng.next());
      const run = (backend: KernelBackend): { out: number[]; delta: number } => {
        const matrix = createGatherMatrix(layout, 2, backend);
        const [v, out] = takeVectors('test', matrix.vectors, 2, n);
        v.set(input);
        const delta = matrix.gather(v, out);
        return { out: [...out], delta };
      };
      const wasm = run('webassembly');
      expect(wasm).toEqual(run('javascript'));
      const expected = denseGather(layout, input);
      // ≤ 10 terms of mixed sign: the two-accumulator order differs by a few ulp of the largest.
      expected.forEach((x, j) => {
        const scale = element(layout.diagonal, j) + 10;
        expect(Math.abs(element(wasm.out, j) - x)).toBeLessThanOrEqual(8 * Number.EPSILON * scale);
      });
      const delta = expected.reduce((s, x, j) => s + Math.abs(x - element(input, j)), 0);
      expectRelClose(wasm.delta, delta, 1e-12, 'delta');
    },
  );

  it('gather on a row range writes only those rows and sums δ over them', () => {
    const layout = randomLayout(5, 40, 6);
    for (const backend of BACKENDS) {
      const matrix = createGatherMatrix(layout, 2, backend);
      const [v, out] = takeVectors('test', matrix.vectors, 2, 40);
      v.set(Array.from({ length: 40 }, (_, i) => i / 40));
      out.fill(-7);
      const delta = matrix.gather(v, out, 10, 25);
      const expected = denseGather(layout, v);
      for (const [j, x] of out.entries()) {
        if (j < 10 || j >= 25) expect(x).toBe(-7);
        else expect(Math.abs(x - element(expected, j))).toBeLessThan(1e-14);
      }
      let sum = 0;
      for (let j = 10; j < 25; j++) sum += Math.abs(element(out, j) - element(v, j));
      expect(delta).toBe(sum);
      expect(matrix.gather(v, out, 25, 25)).toBe(0);
    }
  });

  it('lowerSolve solves the lower triangle by forward substitution, same bits on both backends', () => {
    const n = 300;
    const layout = randomLayout(6, n, 9);
    const rng = testRng(7);
    const rhs = Array.from({ length: n }, () => rng.next() - 0.5);
    const run = (backend: KernelBackend): number[] => {
      const matrix = createGatherMatrix(layout, 2, backend);
      const [r, z] = takeVectors('test', matrix.vectors, 2, n);
      r.set(rhs);
      matrix.lowerSolve(r, z);
      return [...z];
    };
    const z = run('webassembly');
    expect(z).toEqual(run('javascript'));
    // Residual of (D + L) z = r, L the entries with source < row.
    const { start, source, weight, diagonal, split } = layout;
    for (const [j, r] of rhs.entries()) {
      let s = element(diagonal, j) * element(z, j);
      let scale = Math.abs(s);
      for (let p = element(start, j); p < element(split, j); p++) {
        const term = element(weight, p) * element(z, element(source, p));
        s += term;
        scale += Math.abs(term);
      }
      expect(Math.abs(s - r)).toBeLessThanOrEqual(16 * Number.EPSILON * (scale + 1));
    }
  });

  it('refuses a vector that is not one of its work vectors, and lowerSolve without split', () => {
    const { start, source, weight, diagonal } = randomLayout(8, 10, 3);
    const noSplit = { start, source, weight, diagonal };
    const wasm = createGatherMatrix(noSplit, 2, 'webassembly');
    const js = createGatherMatrix(noSplit, 2, 'javascript');
    const [wasmV, wasmZ] = takeVectors('test', wasm.vectors, 2, 10);
    const [jsV, jsZ] = takeVectors('test', js.vectors, 2, 10);
    expect(() => wasm.gather(new Float64Array(10), wasmZ)).toThrow(/not one of its work vectors/);
    expect(() => wasm.lowerSolve(wasmV, wasmZ)).toThrow(/no split/);
    expect(() => js.lowerSolve(jsV, jsZ)).toThrow(/no split/);
  });

  it('handles an empty matrix and a matrix without entries', () => {
    const empty = createGatherMatrix(
      {
        start: Int32Array.of(0),
        source: new Int32Array(0),
        weight: new Float64Array(0),
        diagonal: new Float64Array(0),
      },
      2,
    );
    expect(empty.gather(...takeVectors('test', empty.vectors, 2, 0))).toBe(0);
    const diagonalOnly = createGatherMatrix(
      {
        start: new Int32Array(4),
        source: new Int32Array(0),
        weight: new Float64Array(0),
        diagonal: Float64Array.of(2, 3, 4),
      },
      2,
    );
    const [v, out] = takeVectors('test', diagonalOnly.vectors, 2, 3);
    v.set([1, 1, 1]);
    expect(diagonalOnly.gather(v, out)).toBe(6);
    expect([...out]).toEqual([2, 3, 4]);
  });
});
