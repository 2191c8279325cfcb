/** The progress line of a long exact solve: drawn on a terminal only, erased at the end. */
import { describe, expect, it } from 'vitest';
import { createSolverProgress, solverProgressLine } from '../../src/cli/progress.js';

describe('solver progress', () => {
  it('draws the share done, the time left and the note', () => {
    expect(solverProgressLine(0.5, 'bicgstab iteration 6', 10)).toBe(
      '[############------------] 50%  ETA 0:00:10  bicgstab iteration 6',
    );
    expect(solverProgressLine(undefined, 'markov: building the chain', 3)).toBe(
      'markov: building the chain',
    );
    expect(solverProgressLine(0, 'start', 0)).toContain('ETA ?');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = createSolverProgress({ write: (t) => written.push(t), isTTY: false });
    progress.report(0.3, 'working');
    progress.finish();
    expect(written).toEqual([]);
  });

  it('redraws in place on a terminal and erases the line when done', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = createSolverProgress({
      write: (t) => written.push(t),
      isTTY: true,
      now: () => clock,
    });
    progress.report(0, 'start');
    clock = 4000;
    progress.report(0.8, 'iteration 9');
    progress.finish();
    expect(written[1]).toBe('\r[###################-----] 80%  ETA 0:00:01  iteration 9\x1b[K');
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
