import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/errors.js';
import { bicgstab, type BicgstabSystem } from '../../src/markov/linalg/bicgstab.js';
import { element } from '../helpers/element.js';

/** (Bx)_j = 2x_j − x_{j−1}: lower bidiagonal, solved by x_j = 2^−(j+1) for c = e_0. */
function bidiagonal(n: number, accept?: BicgstabSystem['accept']): BicgstabSystem {
  const apply = (v: Float64Array, out: Float64Array): void => {
    for (let j = 0; j < n; j++) out[j] = 2 * element(v, j) - (j > 0 ? element(v, j - 1) : 0);
  };
  const rhs = new Float64Array(n);
  rhs[0] = 1;
  const scratch = new Float64Array(n);
  return {
    apply,
    precondition: (v, z) => z.set(v),
    rhs,
    accept:
      accept ??
      ((x) => {
        apply(x, scratch);
        let norm = 0;
        let mass = 0;
        for (let j = 0; j < n; j++) {
          norm += Math.abs(element(rhs, j) - element(scratch, j));
          mass += Math.abs(element(x, j));
        }
        return norm / (2 * mass);
      }),
    scale: 2,
  };
}

function vectors(n: number): [Float64Array, Float64Array[]] {
  return [new Float64Array(n), Array.from({ length: 6 }, () => new Float64Array(n))];
}

describe('bicgstab', () => {
  it('solves a system whose right-hand side has one non-zero entry, restarting at the near-breakdowns', () => {
    // The shadow residual r̂ = e_0 becomes orthogonal to the residual after a few steps (ρ falls
    // below 1e-10‖r̂‖‖r‖): without the restart ρ reaches 0 here and the method stops after one
    // iteration (on the 1-of-10 000 chain it divided by about 0 and gave NaN).
    const n = 60;
    const [x, work] = vectors(n);
    const run = bicgstab(bidiagonal(n), x, work, {
      tolerance: 1e-15,
      maxIterations: 500,
      where: 'test',
    });
    expect(run.residual).toBeLessThanOrEqual(1e-15);
    let error = 0;
    for (const [j, xj] of x.entries()) error += Math.abs(xj - 2 ** -(j + 1));
    // Measured 1.1e-16 (Σx = 1).
    expect(error).toBeLessThan(1e-15);
  });

  it('returns at once, after 0 iterations, when the guess solves the system', () => {
    const n = 5;
    const [x, work] = vectors(n);
    for (let j = 0; j < n; j++) x[j] = 2 ** -(j + 1);
    const run = bicgstab(bidiagonal(n), x, work, {
      tolerance: 1e-15,
      maxIterations: 10,
      where: 'test',
    });
    expect(run).toEqual({ iterations: 0, residual: 0 });
  });

  it('reports every iteration and throws ConvergenceError when the true residual stagnates', () => {
    const n = 8;
    const [x, work] = vectors(n);
    const seen: number[] = [];
    // A true residual that never falls: the method gives up after 4 restarts, not maxIterations.
    expect(() =>
      bicgstab(
        bidiagonal(n, () => 0.5),
        x,
        work,
        {
          tolerance: 1e-12,
          maxIterations: 1000,
          where: 'test',
          onIteration: (iteration) => seen.push(iteration),
        },
      ),
    ).toThrow(/^test: did not converge within \d+ iterations; residual 0\.5 > tolerance 1e-12$/);
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.length).toBeLessThan(100);
    expect(seen).toEqual(seen.map((_, i) => i + 1));
    expect(() =>
      bicgstab(bidiagonal(n), vectors(n)[0], vectors(n)[1], {
        tolerance: 1e-15,
        maxIterations: 1,
        where: 'test',
      }),
    ).toThrow(ConvergenceError);
  });
});
