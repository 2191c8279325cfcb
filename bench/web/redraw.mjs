/* global process, console, setTimeout, window, document, performance, MutationObserver,
   requestAnimationFrame, URL */
// Explorer redraw benchmark (docs/explorer.md, "Speed"): for each example model, move a slider one
// step at a time and read the page's own timing, from the slider's input event to the curve
// redrawn (`#status[data-redraw-ms]`), and the worker's solve time (`data-solve-ms`) when the page
// exposes it. Several sites (checkout roots or built dist dirs) are measured in the same run,
// interleaved model by model, so machine load falls on all of them alike.
//
//   node bench/web/redraw.mjs [options] [NAME=]SITE [NAME=]SITE ...
//
// SITE is a checkout root (built with `npx --no vite build --outDir <tmp>` in that directory) or
// an already built site (a directory holding index.html). The first site is the baseline: ratios
// are "site / first site". Options:
//   --out FILE          write the raw figures and the summary as JSON (e.g. bench/results/explorer.json)
//   --models a,b,c      example models (default: the five of docs/explorer.md's table)
//   --moves N           slider steps per model and round (default 15)
//   --rounds N          rounds over every model and site (default 3)
//   --pause MS          quiet time after each redraw, once the workers are idle (default 400)
//   --chromium PATH     the browser (default /usr/bin/chromium)
//   --keep              keep the temporary builds and the browser profile
//   --report FILE       print the tables of a stored run (summary recomputed from its raw steps)
//
// Each (site, model) block opens a fresh page, picks the model in `#example-select`, waits for
// its first solve and for the workers to go idle, then presses ArrowRight (ArrowLeft at the end
// of the range) on the first parameter slider (the mission-time slider when the model has no
// parameter), waiting after each step for the redraw and then for the page to go quiet (the
// what-if charts and the URL update follow the curve), so every step is measured alone rather
// than queued behind the previous step's what-if charts.
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const DEFAULT_MODELS = ['tmr-voter', 'raid5', 'bridge', 'power-2n', 'web-3tier'];
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1440, height: 1000 }; // as test/e2e/explorer.test.ts
const MISSION = '@mission'; // web/views/parameters.ts: the mission-time slider's data-param
const STEP_TIMEOUT = 30_000;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = {
    out: undefined,
    models: DEFAULT_MODELS,
    moves: 15,
    rounds: 3,
    pause: 400,
    chromium: '/usr/bin/chromium',
    keep: false,
    sites: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--out') options.out = resolve(value());
    else if (arg === '--models') options.models = value().split(',').filter(Boolean);
    else if (arg === '--moves') options.moves = positive(arg, value());
    else if (arg === '--rounds') options.rounds = positive(arg, value());
    else if (arg === '--pause') options.pause = Number(value());
    else if (arg === '--chromium') options.chromium = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--report') options.report = resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node bench/web/redraw.mjs [--out FILE] [--models a,b] [--moves N]');
      console.log('         [--rounds N] [--pause MS] [--chromium PATH] [--keep] [NAME=]SITE ...');
      console.log('       node bench/web/redraw.mjs --report FILE   (the tables of a stored run)');
      process.exit(0);
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.sites.push(arg);
  }
  if (options.report) return options;
  if (options.sites.length === 0) throw new Error('give at least one site (checkout or dist dir)');
  const used = new Set();
  options.sites = options.sites.map((spec) => {
    const eq = spec.indexOf('=');
    const path = resolve(eq > 0 ? spec.slice(eq + 1) : spec);
    let name = eq > 0 ? spec.slice(0, eq) : basename(path);
    for (let k = 2; used.has(name); k++)
      name = `${eq > 0 ? spec.slice(0, eq) : basename(path)}#${k}`;
    used.add(name);
    if (!existsSync(path)) throw new Error(`${path} does not exist`);
    return { name, path };
  });
  return options;
}

function positive(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} wants a positive integer`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Build and serve

/** A built site: the directory itself (it holds index.html) or `vite build` of a checkout. */
function build(site, scratch) {
  if (existsSync(join(site.path, 'index.html')) && !existsSync(join(site.path, 'vite.config.ts'))) {
    return { dist: site.path, built: false, buildSeconds: 0 };
  }
  if (!existsSync(join(site.path, 'vite.config.ts'))) {
    throw new Error(`${site.path} has neither index.html nor vite.config.ts`);
  }
  if (!existsSync(join(site.path, 'node_modules/.bin/vite'))) {
    throw new Error(
      `${site.path} has no node_modules/.bin/vite: run npm ci there, or symlink a node_modules ` +
        `of the same package-lock.json (ln -s /work/main/node_modules ${site.path}/node_modules)`,
    );
  }
  const dist = mkdtempSync(join(scratch, 'dist-'));
  const started = performance.now();
  try {
    // Quiet unless it fails (vite prints plugin timings as warnings on a loaded machine).
    execFileSync(
      'npx',
      ['--no', 'vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
      {
        cwd: site.path,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      },
    );
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`vite build failed in ${site.path}`);
  }
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`vite build gave no ${dist}/index.html`);
  return { dist, built: true, buildSeconds: (performance.now() - started) / 1000 };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** A plain static file server for `root` on 127.0.0.1 and a free port (as test/e2e/staticServer.ts). */
async function serveStatic(root) {
  const server = createServer((request, response) => {
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file');
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-length': info.size,
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Runs before the page's scripts (CSP does not apply to it). Records every write of
 * `data-redraw-ms` on #status (a write of the same value counts too), the time of every `input`
 * event, and how many requests each Web Worker has not answered yet, so the harness can tell a new
 * redraw from an old value and wait for the page to go idle.
 */
function instrument() {
  const bench = {
    redraws: [],
    inputs: [],
    pending: 0,
    lastWorkerActivity: performance.now(),
  };
  window.__redrawBench = bench;
  window.addEventListener('input', () => bench.inputs.push(performance.now()), true);
  const Original = window.Worker;
  if (Original) {
    class CountingWorker extends Original {
      constructor(...args) {
        super(...args);
        this.__pending = 0;
        this.addEventListener('message', () => {
          bench.lastWorkerActivity = performance.now();
          if (this.__pending > 0) {
            this.__pending--;
            bench.pending--;
          }
        });
      }
      postMessage(...args) {
        bench.lastWorkerActivity = performance.now();
        const message = args[0];
        // A cancel gets no answer (web/workerProtocol.ts); anything else does.
        if (!(message && typeof message === 'object' && message.type === 'cancel')) {
          this.__pending++;
          bench.pending++;
        }
        return super.postMessage(...args);
      }
    }
    window.Worker = CountingWorker;
  }
  // Watches the whole document from the start, so no write is missed whenever #status appears.
  new MutationObserver((records) => {
    const at = performance.now();
    for (const record of records) {
      if (record.target.id !== 'status') continue;
      bench.redraws.push({
        at,
        redrawMs: record.target.getAttribute('data-redraw-ms'),
        solveMs: record.target.getAttribute('data-solve-ms'),
        old: record.oldValue,
      });
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-redraw-ms'],
    attributeOldValue: true,
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Waits for a redraw recorded after index `since` of the page's list; returns it. */
async function nextRedraw(page, since) {
  await page.waitForFunction((n) => window.__redrawBench.redraws.length > n, since, {
    timeout: STEP_TIMEOUT,
    polling: 'raf',
  });
  return page.evaluate((n) => window.__redrawBench.redraws[n], since);
}

/** Waits until no worker request is open and the workers have been quiet for `pause` ms. */
async function settle(page, pause) {
  const started = Date.now();
  let timedOut = false;
  try {
    await page.waitForFunction(
      (quiet) => {
        const b = window.__redrawBench;
        return b.pending <= 0 && performance.now() - b.lastWorkerActivity >= quiet;
      },
      Math.min(100, pause),
      { timeout: STEP_TIMEOUT, polling: 25 },
    );
  } catch {
    timedOut = true; // a protocol whose requests are not answered one to one: fall back on time
  }
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const left = pause - (Date.now() - started);
  if (left > 0) await sleep(left);
  return timedOut;
}

const count = (page) => page.evaluate(() => window.__redrawBench.redraws.length);

/** One (site, model) block: a fresh page, the model picked, `moves` slider steps. */
async function measureBlock(page, server, model, options) {
  await page.goto('about:blank');
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('#example-select option', { state: 'attached' });
  await nextRedraw(page, 0); // the default model's first solve
  const names = await page
    .locator('#example-select option')
    .evaluateAll((os) => os.map((o) => o.value));
  if (!names.includes(model)) throw new Error(`no example "${model}" (have ${names.join(', ')})`);
  let settleTimeouts = 0;
  if ((await page.locator('#example-select').inputValue()) !== model) {
    if (await settle(page, options.pause)) settleTimeouts++;
    const before = await count(page);
    await page.selectOption('#example-select', model);
    await nextRedraw(page, before);
  }
  if (await settle(page, options.pause)) settleTimeouts++;
  const modelName = (await page.locator('#model-name').textContent())?.trim() ?? '';
  const sliders = page.locator('#parameters input[type="range"]');
  const params = await sliders.evaluateAll((els) => els.map((e) => e.dataset.param ?? e.id));
  if (params.length === 0) throw new Error(`${model}: no slider in #parameters`);
  const index = Math.max(
    0,
    params.findIndex((p) => p !== MISSION),
  );
  const param = params[index];
  // Located afresh at each step: a page may rebuild its controls (the mission-time slider's range
  // follows the mission time when the file gives none), and the key must go to the slider.
  const slider = sliders
    .and(page.locator(`[data-param="${param}"]`))
    .or(sliders.nth(index))
    .first();
  const moves = [];
  for (let i = 0; i < options.moves; i++) {
    await slider.focus();
    const position = await slider.evaluate((e) => [Number(e.value), Number(e.min), Number(e.max)]);
    const key = position[0] >= position[2] ? 'ArrowLeft' : 'ArrowRight';
    const before = await count(page);
    const inputsBefore = await page.evaluate(() => window.__redrawBench.inputs.length);
    await page.keyboard.press(key);
    const redraw = await nextRedraw(page, before);
    const inputAt = await page.evaluate((n) => window.__redrawBench.inputs[n], inputsBefore);
    const after = await count(page);
    if (await settle(page, options.pause)) settleTimeouts++;
    const extra = (await count(page)) - after;
    moves.push({
      redrawMs: Number(redraw.redrawMs),
      solveMs: redraw.solveMs === null ? null : Number(redraw.solveMs),
      // Cross-check, measured here: input event to the observer seeing the attribute written.
      observedMs: inputAt === undefined ? null : redraw.at - inputAt,
      // Further writes of data-redraw-ms for the same step (0 expected).
      laterRedraws: after - before - 1 + extra,
      // The value the step set (the number field beside the slider), or the slider's position.
      value: await page
        .locator(`#parameters input[type="number"][data-param="${param}"]`)
        .first()
        .inputValue({ timeout: 1000 })
        .catch(() => slider.inputValue()),
    });
  }
  return { modelName, param, moves, settleTimeouts };
}

// ---------------------------------------------------------------------------------------------
// Statistics and report

const median = (xs) => {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const worst = (xs) => {
  const s = xs.filter((x) => x !== null && Number.isFinite(x));
  return s.length === 0 ? null : Math.max(...s);
};
const geomean = (xs) =>
  xs.some((x) => !(x > 0)) ? null : Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const fmt = (x, digits = 1) => (x === null || x === undefined ? '–' : x.toFixed(digits));

function uptime() {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `loadavg ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
}

function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')
      .at(-1);
  } catch {
    return 'unknown';
  }
}

function summarize(sites, models, blocks) {
  const base = sites[0].name;
  return models.map((model) => {
    const row = { model, sites: {} };
    for (const site of sites) {
      const mine = blocks.filter((b) => b.site === site.name && b.model === model);
      const all = mine.flatMap((b) => b.moves);
      row.sites[site.name] = {
        param: mine[0]?.param,
        moves: all.length,
        solveMedianMs: median(all.map((m) => m.solveMs)),
        redrawMedianMs: median(all.map((m) => m.redrawMs)),
        redrawWorstMs: worst(all.map((m) => m.redrawMs)),
        observedMedianMs: median(all.map((m) => m.observedMs)),
        roundMedians: mine.map((b) => median(b.moves.map((m) => m.redrawMs))),
      };
    }
    row.ratios = {};
    for (const site of sites.slice(1)) {
      const a = row.sites[base];
      const b = row.sites[site.name];
      const ratio = (x, y) => (x && y !== null ? y / x : null);
      row.ratios[`${site.name}/${base}`] = {
        redrawMedian: ratio(a.redrawMedianMs, b.redrawMedianMs),
        redrawWorst: ratio(a.redrawWorstMs, b.redrawWorstMs),
        solveMedian: ratio(a.solveMedianMs, b.solveMedianMs),
        // Ratio of the round medians, round by round (the spread shows the run-to-run noise).
        byRound: a.roundMedians.map((x, i) => ratio(x, b.roundMedians[i] ?? null)),
      };
    }
    return row;
  });
}

/** Geometric means over the models of each site's ratios to the first site. */
function overall(sites, summary) {
  const base = sites[0].name;
  return Object.fromEntries(
    sites.slice(1).map((s) => {
      const key = `${s.name}/${base}`;
      const g = (pick) => geomean(summary.map((row) => pick(row.ratios[key])));
      return [
        key,
        { redrawMedian: g((r) => r.redrawMedian), redrawWorst: g((r) => r.redrawWorst) },
      ];
    }),
  );
}

function printTable(sites, summary) {
  const base = sites[0].name;
  const head = ['model', 'slider'];
  for (const s of sites) head.push(`${s.name} solve`, `${s.name} redraw`, `${s.name} worst`);
  for (const s of sites.slice(1)) head.push(`${s.name}/${base} median`, `worst`, `by round`);
  const rows = summary.map((row) => {
    const cells = [row.model, row.sites[base].param ?? ''];
    for (const s of sites) {
      const x = row.sites[s.name];
      cells.push(
        `${fmt(x.solveMedianMs)} ms`,
        `${fmt(x.redrawMedianMs)} ms`,
        `${fmt(x.redrawWorstMs)} ms`,
      );
    }
    for (const s of sites.slice(1)) {
      const r = row.ratios[`${s.name}/${base}`];
      cells.push(
        fmt(r.redrawMedian, 2),
        fmt(r.redrawWorst, 2),
        r.byRound.map((x) => fmt(x, 2)).join(' '),
      );
    }
    return cells;
  });
  if (sites.length > 1 && summary.length > 1) {
    const cells = ['all (geometric mean)', ''];
    for (let i = 0; i < sites.length; i++) cells.push('', '', '');
    const all = overall(sites, summary);
    for (const s of sites.slice(1)) {
      const g = all[`${s.name}/${base}`];
      cells.push(fmt(g.redrawMedian, 2), fmt(g.redrawWorst, 2), '');
    }
    rows.push(cells);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.report) {
    const stored = JSON.parse(readFileSync(options.report, 'utf8'));
    const sites = stored.sites.map(({ name, path }) => ({ name, path }));
    const models = [...new Set(stored.blocks.map((b) => b.model))];
    console.log(`${stored.command}\n${stored.date}, ${stored.node}, ${stored.chromium}`);
    printTable(sites, summarize(sites, models, stored.blocks));
    console.log(`uptime before: ${stored.uptimeBefore}\nuptime after:  ${stored.uptimeAfter}`);
    return;
  }
  if (!existsSync(options.chromium)) throw new Error(`${options.chromium} is missing`);
  const scratch = mkdtempSync(join(tmpdir(), 'relkit-bench-web-'));
  const started = new Date();
  const record = {
    generatedBy: 'bench/web/redraw.mjs',
    command: ['node', 'bench/web/redraw.mjs', ...process.argv.slice(2)].join(' '),
    date: started.toISOString(),
    node: process.version,
    chromium: chromiumVersion(options.chromium),
    playwrightCore: undefined,
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    launchArgs: LAUNCH_ARGS,
    viewport: VIEWPORT,
    movesPerBlock: options.moves,
    rounds: options.rounds,
    pauseMs: options.pause,
    statistic: 'median and worst over every step of every round; ratios are site / first site',
    uptimeBefore: uptime(),
    uptimeAfter: undefined,
    sites: [],
    order: [],
    summary: [],
    overall: undefined,
    blocks: [],
  };
  try {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    record.playwrightCore = require('playwright-core/package.json').version;
  } catch {
    record.playwrightCore = 'unknown';
  }
  console.log(`uptime before: ${record.uptimeBefore}`);
  console.log(`${record.node}, ${record.chromium}, playwright-core ${record.playwrightCore}`);

  const servers = [];
  let context;
  const profile = mkdtempSync(join(scratch, 'profile-'));
  try {
    for (const site of options.sites) {
      const built = build(site, scratch);
      const server = await serveStatic(built.dist);
      servers.push(server);
      record.sites.push({ name: site.name, path: site.path, ...built, url: server.url });
      console.log(
        `${site.name}: ${built.built ? `built ${site.path} in ${built.buildSeconds.toFixed(0)} s` : site.path}` +
          ` -> ${server.url}`,
      );
    }
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium,
      headless: true,
      args: LAUNCH_ARGS,
      viewport: VIEWPORT,
    });
    await context.addInitScript(instrument);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.warn(`page error: ${error.message}`));

    for (let round = 0; round < options.rounds; round++) {
      // Interleaved: every model, each site in turn; the order of the sites flips every round so
      // that none always runs first.
      const order = round % 2 === 0 ? options.sites : [...options.sites].reverse();
      const load = loadavg();
      console.log(
        `round ${round + 1}/${options.rounds}, load ${load.map((x) => x.toFixed(2)).join(' ')}`,
      );
      for (const model of options.models) {
        for (const site of order) {
          const server = servers[options.sites.indexOf(site)];
          const block = await measureBlock(page, server, model, options);
          const redraws = block.moves.map((m) => m.redrawMs);
          record.blocks.push({ round: round + 1, site: site.name, model, loadavg: load, ...block });
          record.order.push(`${round + 1}:${site.name}:${model}`);
          console.log(
            `  ${model.padEnd(10)} ${site.name.padEnd(14)} ${block.param.padEnd(12)} redraw median ` +
              `${fmt(median(redraws))} ms, worst ${fmt(worst(redraws))} ms, solve median ` +
              `${fmt(median(block.moves.map((m) => m.solveMs)))} ms` +
              (block.settleTimeouts ? ` (${block.settleTimeouts} settle timeouts)` : ''),
          );
        }
      }
    }
  } finally {
    await context?.close();
    for (const server of servers) await server.close();
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
    else console.log(`kept ${scratch}`);
  }
  record.uptimeAfter = uptime();
  record.summary = summarize(options.sites, options.models, record.blocks);
  record.overall = overall(options.sites, record.summary);
  console.log('');
  printTable(options.sites, record.summary);
  console.log('');
  console.log(`uptime before: ${record.uptimeBefore}`);
  console.log(`uptime after:  ${record.uptimeAfter}`);
  console.log(`${record.node}, ${record.chromium}`);
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`wrote ${options.out}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
