/**
 * Markov engine benchmark: relkit against scipy/numpy on the same generated chains, in one run.
 *
 * Started by bench/markov/run.sh (which compiles this file). Without `--size` it orchestrates:
 * for each size it runs a fresh node child (`--size <size>`, so peak RSS is per size) and
 * bench/markov/reference.py, checks the two chain checksums agree, prints a summary and writes
 * bench/results/markov.json. Flags: `--skip-large` drops the 10^6-state chain.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { formatChainText, parseChainText } from '../../src/markov/generation/chainText.js';
import { checkedAt, takeVectors } from '../../src/markov/linalg/checked.js';
import { solveSteadyState } from '../../src/markov/linalg/solveSteadyState.js';
import type { Ctmc } from '../../src/markov/generation/Ctmc.js';
import type { KernelBackend } from '../../src/markov/linalg/kernels/GatherMatrix.js';
import { solveTransient } from '../../src/markov/linalg/solveTransient.js';
import { stepUniformized, uniformize } from '../../src/markov/linalg/uniformize.js';
import { benchModel, chainChecksum, generateChain } from './generateChain.js';

type Size = 'small' | 'medium' | 'large';
// Parsed JSON from the child processes (shapes built in this file and in reference.py).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const TIMES = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
const STEADY_TOLERANCE = 1e-12;
const TRANSIENT_TOLERANCE = 1e-12;
// Runs per measurement; the 10^6 chain's Python transient runs once (expm_multiply takes ~40 s).
const RUNS: Record<Size, { relkit: number; python: number; pythonTransient: number }> = {
  small: { relkit: 5, python: 3, pythonTransient: 3 },
  medium: { relkit: 3, python: 3, pythonTransient: 3 },
  large: { relkit: 3, python: 3, pythonTransient: 1 },
};

const args = process.argv.slice(2);
const sizeIndex = args.indexOf('--size');
if (sizeIndex >= 0) {
  process.stdout.write(JSON.stringify(measureRelkit(args[sizeIndex + 1] as Size)));
} else {
  orchestrate(args.includes('--skip-large') ? ['small', 'medium'] : ['small', 'medium', 'large']);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const at = (i: number): number => checkedAt('median', sorted, i);
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

function time<T>(runs: number, fn: () => T): { seconds: number; runs: number[]; value: T } {
  const all: number[] = [];
  let value: T | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    value = fn();
    all.push((performance.now() - start) / 1000);
  }
  return { seconds: median(all), runs: all, value: value as T };
}

function measureRelkit(size: Size): Record<string, unknown> {
  const runs = RUNS[size].relkit;
  const generated = time(1, () => generateChain(benchModel(size)));
  const g = generated.value;
  const built = time(1, () => buildCtmc(g.stateCount, g, g.up, g.initial));
  const chain = built.value;
  const downMass = (v: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < v.length; i++) if (chain.up[i] === 0) s += v[i]!;
    return s;
  };
  const steady = time(runs, () => solveSteadyState(chain, { tolerance: STEADY_TOLERANCE }));
  const transient = time(runs, () =>
    solveTransient(chain, TIMES, { tolerance: TRANSIENT_TOLERANCE }),
  );
  const result: Record<string, unknown> = {
    checksum: chainChecksum(g),
    generateSeconds: generated.seconds,
    buildSeconds: built.seconds,
    steady: {
      seconds: steady.seconds,
      runs: steady.runs,
      method: steady.value.method,
      iterations: steady.value.iterations,
      residual: steady.value.residual,
      unavailability: downMass(steady.value.probabilities),
    },
    transient: {
      seconds: transient.seconds,
      runs: transient.runs,
      products: transient.value.products,
      stationaryAt: transient.value.stationaryAt,
      uniformizationRate: transient.value.uniformizationRate,
      unavailability: transient.value.probabilities.map(downMass),
    },
  };
  // Peak RSS of generation, build and both solvers, before the text round trip below.
  result.peakRssMB = process.resourceUsage().maxRSS / 1024;
  // The kernel on each backend, after the RSS reading (each allocates its own copy of P).
  result.productMilliseconds = Object.fromEntries(
    (['webassembly', 'javascript'] as const).map((backend) => [
      backend,
      productTime(chain, backend),
    ]),
  );
  if (size === 'large') {
    // The interchange path: write the chain once in the text format and read it back.
    const file = '/tmp/relkit-bench-large.ctmc.txt';
    const formatted = time(1, () => formatChainText(chain));
    writeFileSync(file, formatted.value);
    const text = readFileSync(file, 'utf8');
    const parsed = time(1, () => parseChainText(text, file));
    result.text = {
      file,
      megabytes: text.length / 1e6,
      formatSeconds: formatted.seconds,
      parseSeconds: parsed.seconds,
      sameTransitions: parsed.value.rate.length === chain.rate.length,
    };
  }
  result.peakRssWithTextMB = process.resourceUsage().maxRSS / 1024;
  return result;
}

/** The sparse kernel alone: median of 21 products v·P on one backend, in milliseconds. */
function productTime(chain: Ctmc, backend: KernelBackend): number {
  const uniformized = uniformize(chain, 2, backend);
  const [v, out] = takeVectors('productTime', uniformized.matrix.vectors, 2, chain.stateCount);
  v.fill(1 / chain.stateCount);
  return time(21, () => stepUniformized(uniformized, v, out)).seconds * 1000;
}

function orchestrate(sizes: Size[]): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = process.env.RELKIT_ROOT ?? join(here, '../..');
  const reference = join(root, 'bench/markov/reference.py');
  const report: Record<string, unknown> = {
    generatedBy: 'bench/markov/run.sh',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGB: totalmem() / 2 ** 30 },
    node: process.version,
    times: TIMES,
    sizes: {},
  };
  const lines: string[] = [];
  for (const size of sizes) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--size', size], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (child.status !== 0) throw new Error(`relkit ${size} failed: ${child.stderr}`);
    const relkit = JSON.parse(child.stdout) as Record<string, Json>;
    const config = {
      model: benchModel(size),
      times: TIMES,
      runs: RUNS[size].python,
      transientRuns: RUNS[size].pythonTransient,
      tolerance: STEADY_TOLERANCE,
      transientTolerance: TRANSIENT_TOLERANCE,
      // spsolve and spilu take minutes from 10^5 states on (measured), so only on the small chain.
      methods:
        size === 'small'
          ? ['spsolve', 'gmres', 'bicgstab', 'gmres+ilu', 'bicgstab+ilu']
          : ['gmres', 'bicgstab'],
      transientMethods: ['expm_multiply', 'numpy uniformization'],
    };
    const python = spawnSync('python3', [reference, JSON.stringify(config)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (python.status !== 0) throw new Error(`python ${size} failed: ${python.stderr}`);
    const scipy = JSON.parse(python.stdout) as Record<string, Json>;
    const same =
      JSON.stringify({ ...relkit.checksum, weightedRate: 0 }) ===
        JSON.stringify({ ...scipy.checksum, weightedRate: 0 }) &&
      Math.abs(relkit.checksum.weightedRate - scipy.checksum.weightedRate) <=
        1e-12 * relkit.checksum.weightedRate;
    if (!same)
      throw new Error(`checksums differ: ${JSON.stringify([relkit.checksum, scipy.checksum])}`);
    const steadyEntries = Object.entries(scipy.steady as Record<string, Json>).filter(
      ([, v]) => !v.error,
    );
    const fastest = steadyEntries.sort((a, b) => a[1].seconds - b[1].seconds)[0];
    const expm = scipy.transient['expm_multiply'];
    const uniform = scipy.transient['numpy uniformization'];
    const summary = {
      steadyRatio: fastest === undefined ? null : relkit.steady.seconds / fastest[1].seconds,
      steadyReference: fastest?.[0] ?? null,
      transientRatioExpm: relkit.transient.seconds / expm.seconds,
      transientRatioUniformization: relkit.transient.seconds / uniform.seconds,
      steadyUnavailabilityDifference:
        fastest === undefined
          ? null
          : Math.abs(relkit.steady.unavailability - fastest[1].unavailability),
      transientMaxDifference: Math.max(
        ...relkit.transient.unavailability.map((u: number, j: number) =>
          Math.abs(u - expm.unavailability[j]),
        ),
      ),
    };
    (report.sizes as Record<string, unknown>)[size] = { relkit, scipy, summary };
    lines.push(
      `${size}: n=${relkit.checksum.states} m=${relkit.checksum.transitions} | steady relkit ${relkit.steady.seconds.toFixed(3)} s (${relkit.steady.iterations} it, r=${relkit.steady.residual.toExponential(1)}) vs ${summary.steadyReference} ${fastest?.[1].seconds.toFixed(3)} s → ${summary.steadyRatio?.toFixed(2)} | transient relkit ${relkit.transient.seconds.toFixed(2)} s (${relkit.transient.products} products) vs expm ${expm.seconds.toFixed(2)} s (${summary.transientRatioExpm.toFixed(2)}), numpy unif ${uniform.seconds.toFixed(2)} s (${summary.transientRatioUniformization.toFixed(2)}) | product ms wasm ${relkit.productMilliseconds.webassembly.toFixed(2)}, js ${relkit.productMilliseconds.javascript.toFixed(2)}, scipy ${scipy.productMilliseconds.toFixed(2)} | RSS relkit ${relkit.peakRssMB.toFixed(0)} MB (with text ${relkit.peakRssWithTextMB.toFixed(0)}), python ${Math.max(...Object.values(scipy.transient as Record<string, Json>).map((v) => v.peakRssMB)).toFixed(0)} MB`,
    );
    process.stderr.write(`${lines[lines.length - 1]}\n`);
  }
  const out = join(root, 'bench/results/markov.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${lines.join('\n')}\nwritten ${out}\n`);
}
