/**
 * relkit optimize on the real binary: the text and JSON forms carry the library's optimum
 * (optimizeParameter, tested against closed forms in test/solve); bad flags get clear errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { optimizeParameter, parseModel } from '../../src/index.js';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

// MTTF = 1/(1/x + x/1000), greatest at x = √1000; the derivations are in
// test/solve/optimizeParameter.test.ts.
const TEXT = `name: trade
parameters: { x: 10 }
components:
  a: { failure: { mtbf: x }, repair: { mttr: 10 } }
  b: { failure: { mtbf: 1000 / x }, repair: { mttr: 0.1 } }
system: { series: [a, b] }
`;
const file = scratch('trade.yaml', TEXT);

describe('relkit optimize', () => {
  it('prints the optimum, the method and the evaluations', () => {
    const { status, stdout, stderr } = relkit(
      'optimize',
      file,
      '--param',
      'x=0.01:1e6:log',
      '--maximize',
      'mttf',
      '--method',
      'markov',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^trade: maximize mttf over x in \[0\.01, 1e6\] \(markov, \d+ evaluations\)$/,
    );
    expect(lines[1]).toMatch(/^ {2}argmax {3}x = 31\.62277\d+$/);
    expect(lines[2]).toMatch(/^ {2}maximum {2}mttf = 15\.81138830\d*$/);
  });

  it('--json carries the contract keys, equal to the library', () => {
    const { status, stdout } = relkit(
      'optimize',
      file,
      '--param',
      'x=1:2000',
      '--minimize',
      'steadyUnavailability',
      '--json',
    );
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const library = optimizeParameter(parseModel(TEXT), {
      parameter: 'x',
      lo: 1,
      hi: 2000,
      measure: 'steadyUnavailability',
      goal: 'minimize',
    });
    expect(json).toMatchObject({
      model: 'trade',
      parameter: 'x',
      measure: 'steadyUnavailability',
      method: 'exact',
      goal: 'minimize',
      range: [1, 2000],
      argmin: library.argmin,
      minimum: library.minimum,
      evaluations: library.evaluations,
      solver: 'analytic',
      warnings: [],
    });
    expect(Object.keys(json)).not.toContain('argmax');
    expect((json.points as unknown[]).length).toBe(library.evaluations);
  });

  it('with --subject-to, reports an active constraint and its feasible interval', () => {
    const { status, stdout } = relkit(
      'optimize',
      file,
      '--param',
      'x=1:2000',
      '--maximize',
      'mttf',
      '--method',
      'markov',
      '--subject-to',
      'steadyUnavailability<=0.1',
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/argmax {3}x = 99\.87671/);
    expect(stdout).toMatch(
      /subject to steadyUnavailability <= 0\.1: active; steadyUnavailability = 0\.09999\d* at the optimum; satisfied for x in \[99\.87671\d*, 1001\.2343\d*\]/,
    );
  });

  it('says INFEASIBLE, with the closest value, and exits 0', () => {
    const { status, stdout } = relkit(
      'optimize',
      file,
      '--param',
      'x=1:2000',
      '--minimize',
      'steadyUnavailability',
      '--subject-to',
      'mtbf>=100',
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/INFEASIBLE: no value of x in the range satisfies the constraint/);
    expect(stdout).toMatch(/subject to mtbf >= 100: closest mtbf = 21\.633\d* at x = 23\.243\d*/);
  });

  it('simulates with common random numbers and prints the interval', () => {
    const { status, stdout } = relkit(
      'optimize',
      file,
      '--param',
      'x=1:2000',
      '--minimize',
      'steadyUnavailability',
      '--method',
      'simulate',
      '--replications',
      '50',
      '--seed',
      '7',
      '--grid-points',
      '9',
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^trade: minimize steadyUnavailability over x in \[1, 2000\] \(simulate, \d+ evaluations\)/,
    );
    expect(stdout).toMatch(/minimum {2}steadyUnavailability = [\d.]+ \(95 % CI [\d.]+ to [\d.]+\)/);
    expect(stdout).toMatch(
      /indistinguishable from the optimum \(95 % intervals overlap\): x in \[/,
    );
    expect(stdout).toMatch(
      /simulation optimum with common random numbers: every point simulated with seed 7 and 50 replications/,
    );
  });

  it('with :int evaluates every whole value and prints the best', () => {
    const { status, stdout } = relkit(
      'optimize',
      file,
      '--param',
      'x=1:100:int',
      '--maximize',
      'mttf',
      '--method',
      'markov',
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/\(markov, 100 evaluations\)\n {2}argmax {3}x = 32\n/);
  });

  it('refuses bad flags with clear messages', () => {
    const cases: [string[], number, RegExp][] = [
      [
        ['--param', 'x=1:2000'],
        64,
        /optimize needs one of --minimize MEASURE and --maximize MEASURE/,
      ],
      [
        ['--param', 'x=1:2000', '--minimize', 'mttf', '--maximize', 'mttf'],
        64,
        /one of --minimize/,
      ],
      [['--maximize', 'mttf'], 64, /optimize needs --param NAME=LO:HI\[:log\|:int\]/],
      [
        ['--param', 'x=1', '--maximize', 'mttf'],
        64,
        /--param must be NAME=LO:HI\[:log\|:int\]; got "x=1"/,
      ],
      [['--param', 'x=5:1', '--maximize', 'mttf'], 1, /--param needs LO < HI; got 5:1/],
      [['--param', 'x=0:1:log', '--maximize', 'mttf'], 1, /--param with log needs LO > 0; got 0/],
      [
        ['--param', 'x=0.5:4:int', '--maximize', 'mttf'],
        1,
        /--param with int needs whole LO and HI at most 1000 apart .*; got 0\.5:4/,
      ],
      [
        ['--param', 'x=a:1', '--maximize', 'mttf'],
        64,
        /--param LO must be a finite number; got "a"/,
      ],
      [['--param', 'y=1:2', '--maximize', 'mttf'], 1, /has no parameter "y"; its parameters are x/],
      [
        ['--param', 'x=1:2', '--maximize', 'mttf', '--method', 'fast'],
        64,
        /--method must be one of exact, analytic, markov, simulate; got "fast"/,
      ],
      [
        ['--param', 'x=1:2', '--maximize', 'mttf', '--subject-to', 'mtbf<100'],
        64,
        /--subject-to must be MEASURE<=VALUE or MEASURE>=VALUE; got "mtbf<100"/,
      ],
      [
        [
          '--param',
          'x=1:2',
          '--maximize',
          'mttf',
          '--subject-to',
          'mtbf<=1',
          '--subject-to',
          'mdt<=1',
        ],
        64,
        /--subject-to bounds one measure; got mtbf and mdt/,
      ],
      [
        ['--param', 'x=1:2', '--maximize', 'reliability', '--method', 'markov'],
        1,
        /reliability is a curve \(a function of time\); its scalar measures are /,
      ],
      [
        ['--param', 'x=1:2', '--maximize', 'mttf'],
        1,
        /which lacks mttf; its scalar measures are .*; the result's warnings: reliability and mttf of a repairable system need relkit markov/,
      ],
      [
        ['--param', 'x=-1:2', '--maximize', 'mttf', '--method', 'markov'],
        1,
        /with x = -1, in the range \[-1, 2\] searched: narrow the range/,
      ],
      [
        ['--param', 'x=1:2', '--maximize', 'mttf', '--grid-points', '2'],
        1,
        /--grid-points must be/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const { status, stdout, stderr } = relkit('optimize', file, ...args);
      expect(stderr, args.join(' ')).toMatch(message);
      expect(status, args.join(' ')).toBe(code);
      expect(stdout, args.join(' ')).toBe('');
    }
  });

  it('is listed in relkit --help', () => {
    const { stdout } = relkit('--help');
    expect(stdout).toMatch(
      / {2}optimize {3}the value of one parameter that makes a measure least or greatest/,
    );
  });
});
