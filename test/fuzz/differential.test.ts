/**
 * Differential testing of the exact solvers over random valid models (test/helpers/randomModel.ts).
 * For every model, analyze (closed forms + BDD) and solveMarkov (the CTMC) are run with the same
 * options, once with an explicit horizon and times and once with the defaults, and held to:
 *
 * - no exception but UnsupportedModelError with a clear reason (no `undefined`, no option name
 *   such as maxProducts or maxNodes that a CLI user cannot set);
 * - every probability in [0, 1] and not NaN; A + U = 1 within 1e-12; mtbf = mut + mdt,
 *   failureFrequency · mtbf = 1 (1e-12 relative), nines = −log10 U (1e-12); mttf finite and ≥ 0,
 *   or absent with a warning; R(0) = A(0) = 1, R non-increasing, R ≤ A, A = R without repair;
 * - every measure both give agrees (tolerances below), and a measure one gives the other gives
 *   too, except the steady measures of a system an uncovered failure can down for good, which
 *   analyze leaves out with a warning and the Markov engine gives as the mix over its closed
 *   classes (held to the identities above and to test/markov/steadyMixture.test.ts).
 *
 * Tolerances, and why they are honest:
 * - Scalars (steadyAvailability, steadyUnavailability, failureFrequency, mtbf, mut, mdt, mttf):
 *   1e-9 relative. Both solvers report A and U separately (U summed directly, not 1 − A), so the
 *   small side is held to 1e-9 relative too, whichever side it is; nines 1e-9 absolute (≈ 2.3e-9
 *   relative on U).
 * - Curves and interval availability are single doubles p: the small side min(p, 1 − p) is held
 *   to 1e-9 relative, plus 1e-12 absolute. The absolute part is the documented truncation error
 *   of the Markov curves (uniformization, 1e-12) and of the analytic quadrature; 1 − p of a
 *   double near 1 cannot carry more than ~1e-16 absolute anyway, so demanding 1e-9 relative on
 *   an unavailability of 1e-12 read off A(t) would test the representation, not the solvers.
 *
 * Cost guard: chains above DIFF_MAX_STATES states (default 1500 here; 20 000 for long runs) are
 * not given to the Markov engine; when the three transient solves would cost more than DIFF_WORK
 * multiply–adds (default 2e7; the cheaper of uniformization, (n + m)·q·t, and dense squaring),
 * only the scalars are compared, the default horizon being learnt from a scalars-only solve.
 * Models run in DIFF_JOBS child processes (default 2); one still running after
 * DIFF_HANG_SECONDS (default 120) is killed and reported as a hang, and one taking more than 10 s
 * is a finding.
 *
 * Run `npx vitest run test/fuzz/differential.test.ts`: DIFF_COUNT models (default 2000) from seed
 * DIFF_START (default 1). Then:
 * - `DIFF_SEED=17,42` runs those seeds in this process and prints their texts, timings, findings;
 * - `DIFF_REPORT=/tmp/findings.json` writes every finding with its model text and features;
 * - `DIFF_SHRINK=17 DIFF_SHRINK_KEY='disagree: mttf'` shrinks seed 17's model (components,
 *   nodes, fields, rounder numbers) while a finding whose class contains the key remains, and
 *   prints the smallest (DIFF_PROGRESS=/tmp/log logs each step and candidate);
 * - `DIFF_FILE=model.yaml` checks a model file of one's own (explicit options of seed
 *   DIFF_FILE_SEED);
 * - a long run: `DIFF_COUNT=20000 DIFF_MAX_STATES=20000 DIFF_REPORT=/tmp/f.json npx vitest run
 *   test/fuzz/differential.test.ts`.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  ParameterError,
  UnsupportedModelError,
  analyze,
  loadModel,
  solveMarkov,
  type Curve,
  type Result,
} from '../../src/index.js';
import { chainFromModel } from '../../src/markov/generation/fromModel.js';
import type { Model, SystemNode } from '../../src/model/Model.js';
import { randomModel, type RandomModel } from '../helpers/randomModel.js';
import { seedsFromEnv } from '../helpers/seedsFromEnv.js';
import { testRng } from '../helpers/testRng.js';

const SEEDS = seedsFromEnv('DIFF', 2000);
const REPORT = process.env.DIFF_REPORT;
/** A file to which each seed is appended before it runs: the culprit of a hang is the last line. */
const PROGRESS = process.env.DIFF_PROGRESS;
/** Largest chain solved. */
const MAX_STATES = Number(process.env.DIFF_MAX_STATES ?? 1500);
/** Most uniformization work (q·t_max × (states + transitions)) spent on one model's curves. */
const WORK_BUDGET = Number(process.env.DIFF_WORK ?? 2e7);
/** A model taking longer than this is a finding. */
const MODEL_SECONDS = 10;
/** A model still running after this long has its child process killed (a hang). */
const HANG_SECONDS = Number(process.env.DIFF_HANG_SECONDS ?? 120);
/** Child processes that share the seeds (2 on a 2-core machine). */
const JOBS = Number(process.env.DIFF_JOBS ?? Math.min(2, availableParallelism()));

const REL = 1e-9;
const CURVE_ABS = 1e-12;
const IDENTITY = 1e-12;

/** One violation of the contract. */
export interface Finding {
  readonly seed: number;
  /** The class: what was violated, by which solver, for which measure. */
  readonly key: string;
  readonly detail: string;
}

/** What happened to one model, for the summary. */
interface SeedOutcome {
  readonly findings: Finding[];
  readonly notes: string[];
  readonly ms: number;
  readonly compared: boolean;
}

type Options = { readonly horizon?: number; readonly times?: readonly number[] };
const PROBABILITY_SCALARS = ['steadyAvailability', 'steadyUnavailability'] as const;
const RELATIVE_SCALARS = ['failureFrequency', 'mtbf', 'mut', 'mdt', 'mttf'] as const;
const STEADY_KEYS = [
  'steadyAvailability',
  'steadyUnavailability',
  'failureFrequency',
  'mtbf',
  'mut',
  'mdt',
  'nines',
] as const;

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function relative(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/** Whether two probabilities agree on their small side (see the header). */
function probabilitiesAgree(a: number, b: number): boolean {
  const side = Math.max(Math.min(a, 1 - a), Math.min(b, 1 - b));
  return Math.abs(a - b) <= REL * Math.max(0, side) + CURVE_ABS;
}

function fmt(x: number | undefined): string {
  return x === undefined ? 'absent' : String(x);
}

/** The explicit horizon and times of a seed, placed where the model's time scales are. */
function explicitOptions(generated: RandomModel): { horizon: number; times: number[] } {
  const rng = testRng(generated.seed ^ 0x5bd1e995);
  const u = (): number => rng.next();
  const scale = generated.scales[Math.floor(u() * generated.scales.length)]!;
  let horizon = scale * 10 ** (2 * u() - 1);
  // Mostly where uniformization is cheap (q·t ≤ 1000); sometimes anything.
  if (u() < 0.85) horizon = Math.min(horizon, 1e3 / generated.rateBound);
  horizon = Number(horizon.toPrecision(3));
  const times = [0, horizon];
  const extra = Math.floor(u() * 4);
  for (let i = 0; i < extra; i++) times.push(Number((horizon * u() * 1.2).toPrecision(3)));
  if (u() < 0.7) times.sort((a, b) => a - b);
  return { horizon, times };
}

/** Runs one generated model through both solvers and every check. */
function checkSeed(seed: number): SeedOutcome & { generated: RandomModel; timings?: string[] } {
  const generated = randomModel(seed);
  return { ...checkText(seed, generated.text, explicitOptions(generated)), generated };
}

/** Runs one model text through both solvers, with explicit options and with the defaults. */
function checkText(
  seed: number,
  text: string,
  explicit: Options,
  labels: readonly ('explicit' | 'default')[] = ['explicit', 'default'],
): SeedOutcome & { timings: string[] } {
  const started = performance.now();
  const findings: Finding[] = [];
  const notes: string[] = [];
  const add = (key: string, detail: string): void => void findings.push({ seed, key, detail });
  let model: Model;
  try {
    model = loadModel(text, { file: `random-${seed}.yaml` });
  } catch (error) {
    add('generator: loadModel rejects a generated model', message(error));
    return { findings, notes, ms: performance.now() - started, compared: false, timings: [] };
  }
  let compared = false;
  const timings: string[] = [];
  const chain = chainInfo(model);
  if ('q' in chain) notes.push(`states ${chain.states}`);
  for (const [label, options] of [
    ['explicit', explicit],
    ['default', {}],
  ] as const) {
    if (!labels.includes(label)) continue;
    let clock = performance.now();
    const a = runAnalyze(model, options, label, add, notes);
    timings.push(`analyze ${label} ${(performance.now() - clock).toFixed(0)} ms`);
    clock = performance.now();
    const m = runMarkov(model, chain, options, label, add, notes);
    timings.push(`markov ${label} ${(performance.now() - clock).toFixed(0)} ms`);
    if (a) checkResult(model, a, 'analyze', label, options, add);
    if (m) checkResult(model, m.result, 'markov', label, options, add);
    if (a && m) {
      compared = true;
      compareResults(model, a, m.result, m.full, label, options, add);
    }
  }
  const ms = performance.now() - started;
  if (ms > MODEL_SECONDS * 1000)
    add('slow: a model took more than 10 s', `${(ms / 1000).toFixed(1)} s`);
  return { findings, notes, ms, compared, timings };
}

function hasSwitchDelay(node: SystemNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'standby') return node.switchDelay !== undefined;
  return 'children' in node && node.children.some(hasSwitchDelay);
}

function isRepairable(model: Model): boolean {
  return model.components.some((component) => component.repair !== undefined);
}

/** An UnsupportedModelError is fine when its message is clear; anything else is a finding. */
function judgeError(
  error: unknown,
  solver: string,
  label: string,
  add: (key: string, detail: string) => void,
  notes: string[],
): void {
  const text = message(error);
  if (error instanceof UnsupportedModelError) {
    const unclear = /\bundefined\b|\[object|NaN|maxNodes|maxProducts|maxStates|maxIterations/.exec(
      text,
    );
    if (unclear) add(`error ${solver}: unsupported, message names "${unclear[0]}"`, text);
    else
      notes.push(`${solver} unsupported: ${error.reason.replace(/[\d.e+-]+/g, '#').slice(0, 90)}`);
    return;
  }
  const option = /maxProducts|maxNodes|maxStates|maxIterations/.exec(text);
  const kind = error instanceof Error ? error.name : typeof error;
  add(
    `error ${solver}: ${kind}${option ? ` naming ${option[0]}` : ''}${
      error instanceof ParameterError ? ` (${error.parameter})` : ''
    }`,
    `${label}: ${text}`,
  );
}

function runAnalyze(
  model: Model,
  options: Options,
  label: string,
  add: (key: string, detail: string) => void,
  notes: string[],
): Result | undefined {
  try {
    return analyze(model, options);
  } catch (error) {
    judgeError(error, 'analyze', label, add, notes);
    return undefined;
  }
}

/** The size of a model's chain and its uniformization rate, or why there is none. */
type ChainInfo =
  { q: number; size: number; states: number } | { skip: string } | { error: unknown };

function chainInfo(model: Model): ChainInfo {
  try {
    const { ctmc } = chainFromModel(model, { maxStates: MAX_STATES });
    return {
      q: Math.max(0, ...ctmc.exitRate),
      size: ctmc.stateCount + ctmc.target.length,
      states: ctmc.stateCount,
    };
  } catch (error) {
    if (error instanceof UnsupportedModelError && /states/.test(error.reason)) {
      return { skip: `markov skipped: over ${MAX_STATES} states` };
    }
    return { error };
  }
}

/**
 * A rough cost, in multiply–adds, of the three transient solves (A(t), R(t), interval
 * availability): the cheaper of uniformization, (n + m)·q·t, and for small chains dense
 * squaring, n²·min(180, n + 25) + n³·log₂(q·t).
 */
function transientCost(chain: { states: number; size: number }, products: number): number {
  const n = chain.states;
  const uniformization = chain.size * (products + 10);
  // Squaring is dense, for chains up to 1000 states (R(t) squares the chain with its down
  // states merged, which can be smaller: counted at full size here).
  const squaring =
    n <= 1000
      ? n * Math.min(180, n + 25) * (n + chain.size) +
        n ** 3 * (Math.log2(Math.max(products, 1)) + 1)
      : Infinity;
  return 3 * Math.min(uniformization, squaring);
}

/** The Markov result, full (curves and scalars) or scalars only when the curves cost too much. */
function runMarkov(
  model: Model,
  chain: ChainInfo,
  options: Options,
  label: string,
  add: (key: string, detail: string) => void,
  notes: string[],
): { result: Result; full: boolean } | undefined {
  if ('skip' in chain) {
    notes.push(chain.skip);
    return undefined;
  }
  if ('error' in chain) {
    judgeError(chain.error, 'markov', label, add, notes);
    return undefined;
  }
  const scalarsOnly = {
    steady: true,
    mttf: true,
    maxStates: MAX_STATES,
    ...(options.horizon !== undefined && { horizon: options.horizon }),
  };
  // The time span of the curves: as given, or the default horizon, learnt from a solve of the
  // scalars alone (cheap), which is also the fallback when the curves cost too much.
  let scalars: Result | undefined;
  let span: number;
  if (options.times !== undefined) span = Math.max(options.horizon ?? 0, ...options.times);
  else {
    try {
      scalars = solveMarkov(model, scalarsOnly);
    } catch (error) {
      judgeError(error, 'markov', label, add, notes);
      return undefined;
    }
    span = scalars.horizon ?? Infinity;
  }
  const products = chain.q * span;
  if (!(transientCost(chain, products) <= WORK_BUDGET)) {
    notes.push('markov curves skipped: cost');
    try {
      return { result: scalars ?? solveMarkov(model, scalarsOnly), full: false };
    } catch (error) {
      judgeError(error, 'markov', label, add, notes);
      return undefined;
    }
  }
  try {
    return { result: solveMarkov(model, { ...options, maxStates: MAX_STATES }), full: true };
  } catch (error) {
    judgeError(error, 'markov', label, add, notes);
    // Compare what still can be: the scalars.
    try {
      return { result: solveMarkov(model, scalarsOnly), full: false };
    } catch {
      return undefined;
    }
  }
}

function curveValues(curve: Curve | undefined): readonly number[] {
  return curve?.values ?? [];
}

/** Checks that hold within one result. */
function checkResult(
  model: Model,
  r: Result,
  solver: string,
  label: string,
  options: Options,
  add: (key: string, detail: string) => void,
): void {
  const m = r.measures;
  const at = `${solver} ${label}`;
  const probabilities: [string, number][] = [];
  for (const key of ['reliability', 'availability'] as const) {
    curveValues(m[key]).forEach((v, i) => probabilities.push([`${key}(${m[key]!.t[i]})`, v]));
  }
  for (const key of [
    'steadyAvailability',
    'steadyUnavailability',
    'intervalAvailability',
  ] as const) {
    const v = m[key];
    if (typeof v === 'number') probabilities.push([key, v]);
  }
  for (const [name, v] of probabilities) {
    if (!(v >= 0 && v <= 1)) {
      const how = Number.isNaN(v) ? 'NaN' : v < 0 ? '< 0' : '> 1';
      add(`range ${solver}: ${name.replace(/\(.*\)/, '(t)')} ${how}`, `${at}: ${name} = ${v}`);
    }
  }
  for (const [key, v] of Object.entries(m)) {
    if (typeof v === 'number' && !Number.isFinite(v))
      add(`finite ${solver}: ${key}`, `${at}: ${v}`);
  }
  for (const warning of r.warnings) {
    const option = /\b(maxProducts|maxNodes|maxStates|maxIterations|maxSets)\b/.exec(warning);
    if (option) add(`warning ${solver}: names the option ${option[1]}`, `${at}: ${warning}`);
    if (/\bundefined\b|\[object/.test(warning))
      add(`warning ${solver}: unclear`, `${at}: ${warning}`);
  }
  const A = m.steadyAvailability as number | undefined;
  const U = m.steadyUnavailability as number | undefined;
  if (A !== undefined && U !== undefined && !(Math.abs(A + U - 1) <= IDENTITY)) {
    add(`identity ${solver}: A + U != 1`, `${at}: A = ${A}, U = ${U}, A + U − 1 = ${A + U - 1}`);
  }
  const { mtbf, mut, mdt, failureFrequency: w, nines } = m as Record<string, number | undefined>;
  if (mtbf !== undefined && mut !== undefined && mdt !== undefined) {
    if (!(relative(mtbf, mut + mdt) <= IDENTITY))
      add(`identity ${solver}: mtbf != mut + mdt`, `${at}: mtbf ${mtbf}, mut + mdt ${mut + mdt}`);
  }
  if (mtbf !== undefined && w !== undefined && !(relative(w * mtbf, 1) <= IDENTITY)) {
    add(`identity ${solver}: failureFrequency != 1/mtbf`, `${at}: ω ${w}, mtbf ${mtbf}`);
  }
  if (U !== undefined) {
    if (nines !== undefined && !(Math.abs(nines + Math.log10(U)) <= IDENTITY))
      add(`identity ${solver}: nines != -log10 U`, `${at}: nines ${nines}, U ${U}`);
    if (nines === undefined && U > 0) add(`presence ${solver}: nines absent with U > 0`, `${at}`);
  }
  if (typeof m.mttf === 'number' && !(m.mttf >= 0))
    add(`range ${solver}: mttf < 0`, `${at}: ${m.mttf}`);
  if (m.mttf === undefined && !r.warnings.some((w) => w.includes('mttf'))) {
    add(`presence ${solver}: mttf absent without a warning`, at);
  }
  if (STEADY_KEYS.some((key) => m[key] !== undefined) && !isRepairable(model)) {
    add(`presence ${solver}: steady measures of a non-repairable model`, at);
  }
  if (options.horizon !== undefined && r.horizon !== options.horizon) {
    add(`horizon ${solver}: not the one asked`, `${at}: ${r.horizon} for ${options.horizon}`);
  }
  // Curves.
  for (const key of ['reliability', 'availability'] as const) {
    const curve = m[key];
    if (!curve) continue;
    if (options.times && curve.t.join() !== options.times.join()) {
      add(`curve ${solver}: times not the ones asked`, `${at}: ${key} at ${curve.t.join()}`);
    }
    curve.t.forEach((t, i) => {
      if (t === 0 && !(Math.abs(curve.values[i]! - 1) <= IDENTITY))
        add(`curve ${solver}: ${key}(0) != 1`, `${at}: ${curve.values[i]}`);
    });
  }
  const R = m.reliability;
  if (R) {
    const order = R.t.map((t, i) => [t, R.values[i]!] as const).sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < order.length; i++) {
      if (order[i]![1] > order[i - 1]![1] + IDENTITY)
        add(
          `curve ${solver}: reliability increases`,
          `${at}: R(${order[i - 1]![0]}) = ${order[i - 1]![1]}, R(${order[i]![0]}) = ${order[i]![1]}`,
        );
    }
  }
  const Acurve = m.availability;
  if (R && Acurve && R.t.join() === Acurve.t.join()) {
    // Without repair, recovery or switch delays nothing comes back up: A(t) = R(t).
    const noComeback =
      !isRepairable(model) &&
      model.components.every((c) => c.recovery === undefined) &&
      !hasSwitchDelay(model.system);
    R.values.forEach((rv, i) => {
      const av = Acurve.values[i]!;
      if (rv > av + CURVE_ABS)
        add(`curve ${solver}: R(t) > A(t)`, `${at}: t ${R.t[i]}, R ${rv}, A ${av}`);
      if (noComeback && !(Math.abs(rv - av) <= CURVE_ABS))
        add(`curve ${solver}: A(t) != R(t) without repair`, `${at}: t ${R.t[i]}, R ${rv}, A ${av}`);
    });
  }
}

/** Checks that analyze and solveMarkov agree. */
function compareResults(
  model: Model,
  a: Result,
  m: Result,
  full: boolean,
  label: string,
  options: Options,
  add: (key: string, detail: string) => void,
): void {
  const am = a.measures as Record<string, unknown>;
  const mm = m.measures as Record<string, unknown>;
  const both = (key: string): [number, number] | undefined =>
    typeof am[key] === 'number' && typeof mm[key] === 'number'
      ? [am[key] as number, mm[key] as number]
      : undefined;
  const where = `${label}${options.horizon === undefined ? '' : ` (horizon ${options.horizon})`}`;
  // A disagreement the Markov engine warned about (a stiff chain's error bound) is still one,
  // but a class of its own.
  const warned = m.warnings.some((w) => /\bstiff\b/.test(w));
  const disagree = (key: string, detail: string): void =>
    add(`disagree: ${key}${warned ? ' (markov warned: stiff)' : ''}`, detail);
  for (const key of PROBABILITY_SCALARS) {
    const pair = both(key);
    if (pair && !(relative(...pair) <= REL || Math.abs(pair[0] - pair[1]) < 1e-300))
      disagree(
        key,
        `${where}: analyze ${pair[0]}, markov ${pair[1]}, rel ${relative(...pair).toExponential(2)}`,
      );
  }
  for (const key of RELATIVE_SCALARS) {
    const pair = both(key);
    if (pair && !(relative(...pair) <= REL))
      disagree(
        key,
        `${where}: analyze ${pair[0]}, markov ${pair[1]}, rel ${relative(...pair).toExponential(2)}`,
      );
  }
  const nines = both('nines');
  if (nines && !(Math.abs(nines[0] - nines[1]) <= REL))
    disagree('nines', `${where}: analyze ${nines[0]}, markov ${nines[1]}`);
  const interval = both('intervalAvailability');
  if (interval && !probabilitiesAgree(...interval)) {
    disagree(
      'intervalAvailability',
      `${where}: analyze ${interval[0]}, markov ${interval[1]}; 1 − value: ${1 - interval[0]} vs ${1 - interval[1]}`,
    );
  }
  for (const key of ['reliability', 'availability'] as const) {
    const ca = a.measures[key];
    const cm = m.measures[key];
    if (!ca || !cm) continue;
    if (ca.t.length !== cm.t.length || ca.t.some((t, i) => !(relative(t, cm.t[i]!) <= REL))) {
      disagree(`${key} time grids`, `${where}: analyze ${ca.t.join()}, markov ${cm.t.join()}`);
      continue;
    }
    let worst = -1;
    let worstExcess = 0;
    ca.values.forEach((va, i) => {
      const vm = cm.values[i]!;
      if (!probabilitiesAgree(va, vm)) {
        const side = Math.max(Math.min(va, 1 - va), Math.min(vm, 1 - vm));
        const excess = Math.abs(va - vm) / (REL * side + CURVE_ABS);
        if (excess > worstExcess) [worst, worstExcess] = [i, excess];
      }
    });
    if (worst >= 0) {
      const va = ca.values[worst]!;
      const vm = cm.values[worst]!;
      disagree(
        `${key}(t)`,
        `${where}: t ${ca.t[worst]}: analyze ${va}, markov ${vm}; 1 − value ${1 - va} vs ${1 - vm}`,
      );
    }
  }
  // What one gives and the other lacks. analyze honestly leaves out the steady measures of a
  // system an uncovered failure can down for good; the Markov engine gives their expectation
  // (the mix over its closed classes), which only it can check.
  const expected = isRepairable(model) ? [...STEADY_KEYS] : ['mttf'];
  const uncoveredLoss = a.warnings.some((w) =>
    w.startsWith('steady measures are left out: an uncovered failure'),
  );
  for (const key of expected) {
    const ia = key in am;
    const im = key in mm;
    const excused = !ia && uncoveredLoss && (STEADY_KEYS as readonly string[]).includes(key);
    if (ia !== im && !excused && (full || key !== 'reliability')) {
      add(
        `presence: ${key} only from ${ia ? 'analyze' : 'markov'}`,
        `${where}: ${key} analyze ${fmt(am[key] as number)}, markov ${fmt(mm[key] as number)}`,
      );
    }
  }
  if (full && label === 'default' && a.horizon !== undefined && m.horizon !== undefined) {
    if (!(relative(a.horizon, m.horizon) <= REL))
      disagree('default horizon', `analyze ${a.horizon}, markov ${m.horizon}`);
  }
}

/** One model's outcome as a child process reports it, one JSON line per model. */
interface SeedLine {
  readonly seed: number;
  readonly ms: number;
  readonly compared: boolean;
  readonly notes: readonly string[];
  readonly findings: readonly (Finding & { text: string; features: readonly string[] })[];
}

/** Runs one seed and returns its outcome as a line of the report. */
function runSeed(seed: number): SeedLine {
  const outcome = checkSeed(seed);
  const { text, features } = outcome.generated;
  if (process.env.DIFF_SEED) {
    console.log(
      `seed ${seed} (${outcome.ms.toFixed(0)} ms: ${outcome.timings?.join(', ')})\n${text}`,
    );
    console.log(outcome.findings.map((f) => `  ${f.key}: ${f.detail}`).join('\n'));
  }
  return {
    seed,
    ms: outcome.ms,
    compared: outcome.compared,
    notes: outcome.notes,
    findings: outcome.findings.map((f) => ({ ...f, text, features })),
  };
}

/**
 * Runs `seeds` in `jobs` child processes (this file again, with DIFF_CHILD_SEEDS naming a file
 * of seeds: a list in the environment itself overflows it, E2BIG, past about 20 000), each
 * appending a `start` line before a model and its outcome after; a model running longer than
 * HANG_SECONDS has its child killed, is reported as a hang, and the child restarts after it.
 */
async function runInChildren(seeds: readonly number[], jobs: number): Promise<SeedLine[]> {
  const directory = mkdtempSync(join(tmpdir(), 'relkit-differential-'));
  const root = join(import.meta.dirname, '../..');
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  const lines: SeedLine[] = [];
  const shard = async (part: number[], id: number): Promise<void> => {
    let remaining = part;
    for (let attempt = 0; remaining.length > 0; attempt++) {
      const out = join(directory, `shard-${id}-${attempt}.jsonl`);
      writeFileSync(out, '');
      const seedFile = join(directory, `seeds-${id}-${attempt}.txt`);
      writeFileSync(seedFile, remaining.join(','));
      const child = spawn(
        process.execPath,
        [vitest, 'run', '--reporter=dot', 'test/fuzz/differential.test.ts'],
        {
          cwd: root,
          env: { ...process.env, DIFF_CHILD_SEEDS: seedFile, DIFF_CHILD_OUT: out },
          stdio: 'ignore',
          // Its own process group, so that a kill reaches vitest's worker too.
          detached: true,
        },
      );
      const killGroup = (): void => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      process.once('exit', killGroup); // the test itself stopped: stop the children too
      let hung: number | undefined;
      const watch = setInterval(() => {
        const last = readLines(out).at(-1);
        if (last && 'start' in last && Date.now() - last.at > HANG_SECONDS * 1000) {
          hung = last.start;
          killGroup();
        }
      }, 1000);
      await new Promise<void>((done) => child.on('exit', () => done()));
      clearInterval(watch);
      killGroup(); // a worker left behind by a child that died
      process.off('exit', killGroup);
      const read = readLines(out);
      const finished = read.filter((line): line is SeedLine => 'findings' in line);
      lines.push(...finished);
      const doneSeeds = new Set(finished.map((line) => line.seed));
      const started = read.filter((line) => 'start' in line) as { start: number }[];
      const stuck = hung ?? started.find((line) => !doneSeeds.has(line.start))?.start;
      if (stuck !== undefined) {
        const generated = randomModel(stuck);
        lines.push({
          seed: stuck,
          ms: HANG_SECONDS * 1000,
          compared: false,
          notes: [],
          findings: [
            {
              seed: stuck,
              key:
                hung !== undefined
                  ? `hang: a model ran more than ${HANG_SECONDS} s`
                  : 'crash: the child process died on a model',
              detail: hung !== undefined ? 'killed' : 'no outcome written',
              text: generated.text,
              features: generated.features,
            },
          ],
        });
        doneSeeds.add(stuck);
      } else if (finished.length === 0) {
        throw new Error(`differential child ${id} ran nothing (see ${out})`);
      }
      remaining = remaining.filter((seed) => !doneSeeds.has(seed));
    }
  };
  // Interleaved shards, so that each gets its share of the large models.
  const parts = Array.from({ length: jobs }, (_, j) => seeds.filter((_, i) => i % jobs === j));
  await Promise.all(parts.map((part, j) => shard(part, j)));
  rmSync(directory, { recursive: true, force: true });
  return lines;
}

function readLines(file: string): ({ start: number; at: number } | SeedLine)[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { start: number; at: number } | SeedLine];
      } catch {
        return []; // a line cut short by a kill
      }
    });
}

/** The report: timings, notes, and each class of finding with its seeds and first model. */
function summarize(lines: readonly SeedLine[]): { summary: string; findings: number } {
  const all = lines.flatMap((line) => line.findings);
  if (REPORT) writeFileSync(REPORT, JSON.stringify(all, null, 1));
  const notes = new Map<string, number>();
  for (const line of lines) {
    for (const note of line.notes.filter((n) => !n.startsWith('states ')))
      notes.set(note, (notes.get(note) ?? 0) + 1);
  }
  const times = lines.map((line) => line.ms).sort((x, y) => x - y);
  const total = times.reduce((s, t) => s + t, 0);
  const compared = lines.filter((line) => line.compared).length;
  const byKey = new Map<string, typeof all>();
  for (const f of all) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  const out = [
    `${lines.length} models, ${compared} with both solvers; ${(total / 1000).toFixed(1)} s of solving, ` +
      `per model mean ${(total / Math.max(1, times.length)).toFixed(1)} ms, median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(1)} ms, ` +
      `p99 ${(times[Math.floor(times.length * 0.99)] ?? 0).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms`,
    ...[...notes].sort((x, y) => y[1] - x[1]).map(([note, n]) => `  note ×${n}: ${note}`),
    `${all.length} findings in ${byKey.size} classes (reproduce: DIFF_SEED=<seed> npx vitest run test/fuzz/differential.test.ts)`,
  ];
  for (const [key, list] of [...byKey].sort((x, y) => y[1].length - x[1].length)) {
    const seeds = [...new Set(list.map((f) => f.seed))];
    out.push(
      `\n■ ${key}: ${list.length} in ${seeds.length} models (seeds ${seeds.slice(0, 12).join(', ')}${seeds.length > 12 ? ', …' : ''})`,
    );
    const first = list[0]!;
    out.push(`  seed ${first.seed}: ${first.detail}`, first.text.replace(/^/gm, '    '));
  }
  return { summary: out.join('\n'), findings: all.length };
}

// ---- shrinking: DIFF_SHRINK=<seed> DIFF_SHRINK_KEY=<part of a finding's class> ----

type Raw = Record<string, unknown>;
type RawNodeValue = string | Raw;

/** The model as text again: components and maintenance one line each, the system in blocks. */
function modelText(model: Raw): string {
  if (model.system === undefined) throw new Error('no system left');
  const flow = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
      return `{ ${Object.entries(value)
        .map(([k, v]) => `${k}: ${flow(v)}`)
        .join(', ')} }`;
    }
    return String(value);
  };
  const lines = [`name: ${String(model.name)}`];
  for (const section of ['parameters', 'components'] as const) {
    const entries = Object.entries((model[section] as Raw | undefined) ?? {});
    if (entries.length > 0)
      lines.push(`${section}:`, ...entries.map(([k, v]) => `  ${k}: ${flow(v)}`));
  }
  lines.push(
    'system:',
    ...stringifyYaml(model.system)
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
  );
  if (model.maintenance && Object.keys(model.maintenance).length > 0)
    lines.push(`maintenance: ${flow(model.maintenance)}`);
  if (model.mission_time !== undefined) lines.push(`mission_time: ${String(model.mission_time)}`);
  return lines.join('\n') + '\n';
}

const LIST_KINDS = ['series', 'parallel'] as const;

/** The child lists of a node, with a way to replace each. */
function childLists(node: RawNodeValue): RawNodeValue[][] {
  if (typeof node === 'string') return [];
  for (const kind of LIST_KINDS)
    if (Array.isArray(node[kind])) return [node[kind] as RawNodeValue[]];
  const koon = node.koon as Raw | undefined;
  if (koon && Array.isArray(koon.of)) return [koon.of as RawNodeValue[]];
  return [];
}

/** Every node of the system with a function that replaces it (undefined: remove it). */
function nodesOf(
  model: Raw,
): { node: RawNodeValue; replace: (next: RawNodeValue | undefined) => void }[] {
  const found: { node: RawNodeValue; replace: (next: RawNodeValue | undefined) => void }[] = [];
  const visit = (node: RawNodeValue, replace: (next: RawNodeValue | undefined) => void): void => {
    found.push({ node, replace });
    for (const list of childLists(node)) {
      [...list].forEach((child) =>
        visit(child, (next) => {
          const i = list.indexOf(child);
          if (next === undefined) list.splice(i, 1);
          else list[i] = next;
        }),
      );
    }
  };
  visit(model.system as RawNodeValue, (next) => (model.system = next));
  return found;
}

/** Removes every use of component `name`: list items, koon, standby and network uses, priority. */
function removeComponent(model: Raw, name: string): void {
  delete (model.components as Raw)[name];
  const counts = (n: RawNodeValue): number =>
    typeof n === 'string'
      ? Number(((model.components as Raw)[n] as Raw | undefined)?.count ?? 1)
      : 1;
  for (const { node, replace } of nodesOf(model).reverse()) {
    if (node === name) replace(undefined);
    else if (typeof node !== 'string') {
      const koon = node.koon as Raw | undefined;
      const standby = node.standby as Raw | undefined;
      const network = node.network as Raw | undefined;
      if (koon && koon.of === name) replace(undefined);
      if (koon && Array.isArray(koon.of)) {
        koon.of = (koon.of as RawNodeValue[]).filter((c) => c !== name);
        const n = (koon.of as RawNodeValue[]).reduce((sum: number, c) => sum + counts(c), 0);
        koon.k = Math.min(Number(koon.k), n);
      }
      if (standby) {
        if (standby.primary === name || standby.of === name) replace(undefined);
        else if (standby.spares !== undefined) {
          const spares = ([] as unknown[]).concat(standby.spares).filter((c) => c !== name);
          if (spares.length > 0) standby.spares = spares;
          else delete standby.spares;
        }
      }
      if (network) {
        network.edges = (network.edges as Raw[]).filter((e) => e.via !== name);
        const ends = new Set((network.edges as Raw[]).flatMap((e) => [e.from, e.to]));
        if (!ends.has(network.source) || !ends.has(network.sink)) replace(undefined);
      }
    }
  }
  const maintenance = model.maintenance as Raw | undefined;
  if (maintenance && Array.isArray(maintenance.priority))
    maintenance.priority = maintenance.priority.filter((c) => c !== name);
}

/** Smaller variants of a model, most drastic first. */
function* shrinkCandidates(model: Raw): Generator<Raw> {
  const edit = (change: (copy: Raw) => void): Raw => {
    const copy = structuredClone(model);
    change(copy);
    return copy;
  };
  const components = Object.keys(model.components as Raw);
  for (const name of components) yield edit((copy) => removeComponent(copy, name));
  const nodeCount = nodesOf(model).length;
  for (let i = 0; i < nodeCount; i++) {
    const { node } = nodesOf(model)[i]!;
    for (const list of childLists(node)) {
      for (let j = 0; j < list.length; j++) {
        yield edit((copy) => {
          const target = nodesOf(copy)[i]!;
          target.replace(structuredClone(childLists(target.node)[0]![j]!));
        });
        if (list.length > 1)
          yield edit((copy) => void childLists(nodesOf(copy)[i]!.node)[0]!.splice(j, 1));
      }
    }
    if (typeof node !== 'string' && node.standby) {
      for (const key of ['switch', 'mode', 'dormancy']) {
        if (key in (node.standby as Raw))
          yield edit((copy) => {
            const standby = (nodesOf(copy)[i]!.node as Raw).standby as Raw;
            delete standby[key];
            if (key === 'mode') delete standby.dormancy;
          });
      }
    }
  }
  for (const top of ['maintenance', 'mission_time', 'parameters']) {
    if (top in model) yield edit((copy) => delete copy[top]);
  }
  const maintenance = model.maintenance as Raw | undefined;
  for (const key of Object.keys(maintenance ?? {})) {
    yield edit((copy) => delete (copy.maintenance as Raw)[key]);
  }
  for (const name of components) {
    const component = (model.components as Raw)[name] as Raw;
    for (const key of ['coverage', 'detection', 'recovery', 'repair', 'count']) {
      if (key in component)
        yield edit((copy) => delete ((copy.components as Raw)[name] as Raw)[key]);
    }
    if (Number(component.count) > 2)
      yield edit(
        (copy) => (((copy.components as Raw)[name] as Raw).count = Number(component.count) - 1),
      );
  }
  // Rounder numbers: one significant digit, then the nearest power of 10.
  for (const name of components) {
    const component = (model.components as Raw)[name] as Raw;
    for (const [field, value] of Object.entries(component)) {
      if (value === null || typeof value !== 'object') continue;
      for (const [key, x] of Object.entries(value as Raw)) {
        if (typeof x !== 'number') continue;
        for (const rounder of [
          (v: number) => Number(v.toPrecision(1)),
          (v: number) => Number(`1e${Math.round(Math.log10(v))}`),
        ]) {
          const y = rounder(x);
          if (y !== x && y > 0)
            yield edit(
              (copy) => ((((copy.components as Raw)[name] as Raw)[field] as Raw)[key] = y),
            );
        }
      }
    }
  }
}

/** Shrinks the model of `seed` while a finding whose class contains `keyPart` remains. */
function shrinkSeed(seed: number, keyPart: string): { text: string; findings: Finding[] } {
  const generated = randomModel(seed);
  const explicit = explicitOptions(generated);
  let labels: ('explicit' | 'default')[] = ['explicit', 'default'];
  const reproduces = (model: Raw): Finding[] | undefined => {
    try {
      const text = modelText(model); // throws for a model left without a system
      const { findings } = checkText(seed, text, explicit, labels);
      return findings.some((f) => f.key.includes(keyPart)) ? findings : undefined;
    } catch {
      return undefined;
    }
  };
  let current = parseYaml(generated.text) as Raw;
  let findings = reproduces(current);
  if (!findings) throw new Error(`seed ${seed} shows no finding whose class contains "${keyPart}"`);
  // Shrink with the options under which it shows (the detail names them).
  const first = findings.find((f) => f.key.includes(keyPart))!;
  if (/\bexplicit\b/.test(first.detail)) labels = ['explicit'];
  else if (/\bdefault\b/.test(first.detail)) labels = ['default'];
  if (labels.length === 1) findings = reproduces(current) ?? findings;
  for (let progress = true; progress;) {
    progress = false;
    for (const candidate of shrinkCandidates(current)) {
      const found = reproduces(candidate);
      if (found) {
        [current, findings, progress] = [candidate, found, true];
        if (PROGRESS) appendFileSync(PROGRESS, `${modelText(current)}\n`);
        break;
      }
    }
  }
  return { text: modelText(current), findings };
}

const CHILD_SEEDS =
  process.env.DIFF_CHILD_SEEDS && readFileSync(process.env.DIFF_CHILD_SEEDS, 'utf8');
const CHILD_OUT = process.env.DIFF_CHILD_OUT;

describe('differential testing of analyze against solveMarkov', () => {
  if (process.env.DIFF_FILE) {
    // A model file of one's own, with the explicit options of seed DIFF_FILE_SEED (default 1).
    it(
      'checks one model file',
      () => {
        const seed = Number(process.env.DIFF_FILE_SEED ?? 1);
        const text = readFileSync(process.env.DIFF_FILE!, 'utf8');
        const explicit = explicitOptions(randomModel(seed));
        const outcome = checkText(seed, text, explicit);
        console.log(
          `${JSON.stringify(explicit)} (${outcome.timings.join(', ')})\n${outcome.findings.map((f) => `  ${f.key}: ${f.detail}`).join('\n')}`,
        );
      },
      24 * 60 * 60 * 1000,
    );
    return;
  }
  if (process.env.DIFF_SHRINK) {
    it(
      'shrinks one model while its finding remains',
      () => {
        const { text, findings } = shrinkSeed(
          Number(process.env.DIFF_SHRINK),
          process.env.DIFF_SHRINK_KEY ?? '',
        );
        console.log(`${text}\n${findings.map((f) => `  ${f.key}: ${f.detail}`).join('\n')}`);
      },
      24 * 60 * 60 * 1000,
    );
    return;
  }
  if (CHILD_SEEDS !== undefined && CHILD_OUT !== undefined) {
    // A child process of the test below: run the seeds given, one JSON line each.
    it(
      'child: runs its share of the seeds',
      () => {
        for (const seed of CHILD_SEEDS.split(',').map(Number)) {
          appendFileSync(CHILD_OUT, JSON.stringify({ start: seed, at: Date.now() }) + '\n');
          appendFileSync(CHILD_OUT, JSON.stringify(runSeed(seed)) + '\n');
        }
      },
      24 * 60 * 60 * 1000,
    );
    return;
  }
  it(
    `${SEEDS.length} random valid models agree on every measure`,
    async () => {
      let lines: SeedLine[];
      if (JOBS > 1 && !process.env.DIFF_SEED && SEEDS.length > 1) {
        lines = await runInChildren(SEEDS, JOBS);
      } else {
        lines = [];
        for (const seed of SEEDS) {
          if (PROGRESS) appendFileSync(PROGRESS, `${seed} `);
          const line = runSeed(seed);
          if (PROGRESS) appendFileSync(PROGRESS, `${line.ms.toFixed(0)} ms\n`);
          lines.push(line);
        }
      }
      const { summary, findings } = summarize(lines);
      console.log(summary);
      expect(findings, summary).toBe(0);
    },
    24 * 60 * 60 * 1000,
  );
});
