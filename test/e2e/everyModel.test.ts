/**
 * Every model gets numbers, and no panel shows a model that is gone: in headless Chromium, a
 * model only the simulator can solve opened with Open file… after an example (defect 1 of the
 * issue, step by step), exact and simulated numbers side by side, a short-mission simulation
 * beside long-mission pins, and Markov chains over the page's limit or slow enough to cancel.
 * Screenshots go to /tmp/sim-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXACT_CANCELLED } from '../../web/state/store.js';
import { simulationNote } from '../../web/views/simulationNote.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

// Three pumps, two needed, one crew, lognormal repair: dependent units (no closed form) and a
// non-exponential time (no Markov chain): only the simulator solves it.
const PUMPS = `name: Two of three pumps, one crew
time_unit: h
parameters:
  pump_mtbf: 2000
  repair_mean: 24
components:
  pump: { count: 3, failure: { mtbf: pump_mtbf }, repair: { dist: lognormal, mean: repair_mean, sd: 12 } }
system:
  koon: { k: 2, of: pump }
maintenance:
  crews: 1
mission_time: 8760
`;

// Four classes of ten units and three crews: about 83 000 states (estimated 4.1e5, under the
// page's limit), several seconds of building and solving.
const SLOW_CHAIN = `name: Four classes of ten units, three crews
components:
${['a', 'b', 'c', 'd']
  .map(
    (name, i) =>
      `  ${name}: { count: 10, failure: { mtbf: ${1000 + 300 * i} }, repair: { mttr: ${5 + 3 * i} } }`,
  )
  .join('\n')}
system:
  series:
${['a', 'b', 'c', 'd'].map((name) => `    - koon: { k: 3, of: ${name} }`).join('\n')}
maintenance: { crews: 3, priority: [a, b, c, d], idle_while_down: true }
`;

const RUN = hasChromium('test/e2e/everyModel.test.ts');
const LONG = { timeout: 60_000 };

describe.skipIf(!RUN)('every model gets numbers, no stale state, large chains', () => {
  let explorer: Explorer;
  let page: Page;
  let files: string;

  beforeAll(async () => {
    explorer = await openExplorer();
    page = explorer.page;
    files = mkdtempSync(join(tmpdir(), 'relkit-sim-'));
    writeFileSync(join(files, 'pumps.yaml'), PUMPS);
    writeFileSync(join(files, 'slow-chain.yaml'), SLOW_CHAIN);
    writeFileSync(
      join(files, 'half-million.yaml'),
      readFileSync(join(ROOT, 'bench/markov/mttf-half-million.yaml'), 'utf8'),
    );
  }, 180_000);

  afterAll(async () => {
    await explorer?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  const cell = (measure: string, scenario = 'live') =>
    page.locator(`td[data-measure="${measure}"][data-scenario="${scenario}"]`);
  const text = (selector: string) => page.locator(selector).textContent();
  const menuLabel = () =>
    page.$eval('#example-select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.text);
  const plot = (id: string) =>
    page.evaluate((plotId) => {
      const element = document.getElementById(plotId) as unknown as {
        data?: { name?: string; x: number[] }[];
        layout?: {
          xaxis?: { range?: number[] };
          annotations?: { text: string }[];
        };
      };
      return {
        names: (element.data ?? []).map((trace) => trace.name ?? ''),
        xMax: (element.data ?? []).map((trace) => Math.max(...trace.x)),
        range: element.layout?.xaxis?.range,
        note:
          element.layout?.annotations?.map((a) => a.text.replaceAll('<br>', ' ')).join(' ') ?? '',
      };
    }, id);
  const chooseExample = async (name: string) => {
    await page.selectOption('#example-select', name);
    await expect.poll(() => cell('method').first().textContent(), LONG).toMatch(/^exact/);
  };
  const open = (file: string) => page.setInputFiles('#open-file', join(files, file));
  const shot = (name: string) => page.screenshot({ path: `/tmp/sim-${name}.png`, fullPage: true });

  /** Asserts that the page shows tmr-voter and nothing of the model before it. */
  const expectOnlyTmrVoter = async () => {
    await expect.poll(menuLabel, LONG).toBe('tmr-voter');
    await expect.poll(() => text('#model-name'), LONG).toBe('TMR flight controller');
    expect(await page.inputValue('#param-_mission')).toBe('1000');
    await expect
      .poll(() => page.$$eval('#component-select option', (o) => o.map((x) => x.textContent)))
      .toEqual(['cpu', 'voter']);
    expect(await page.locator('td[data-scenario="simulated"]').count()).toBe(0);
    expect(await page.locator('#solver-message').isHidden()).toBe(true);
    expect(await text('#sim-note')).toBe(simulationNote(undefined));
    expect(await page.locator('#solve-cancel').isHidden()).toBe(true);
  };

  test('defect 1: a simulation-only model opened after an example shows only itself, with simulated numbers', async () => {
    // Step 1: another example is shown, and simulated, so a 'done' note exists.
    await expect.poll(() => text('#model-name'), LONG).toBe('TMR flight controller');
    await chooseExample('raid5');
    await page.fill('#sim-replications', '100');
    await page.click('#sim-run');
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/done/);
    // Step 2: the pumps model through Open file….
    await open('pumps.yaml');
    await expect.poll(() => text('#model-name'), LONG).toBe('Two of three pumps, one crew');
    // The menu no longer names raid5.
    expect(await menuLabel()).toBe('(opened file)');
    // The mission field shows the model's mission time, as its hint does.
    await expect.poll(() => page.inputValue('#param-_mission')).toBe('8760');
    expect(await text('label[for="param-_mission"]')).toContain('file 8760');
    // The failure distribution is the pump's.
    await expect
      .poll(() => page.$$eval('#component-select option', (o) => o.map((x) => x.textContent)))
      .toEqual(['pump']);
    await expect.poll(async () => (await plot('plot-distribution')).names.length).toBe(2);
    // Why no exact method applies: once, in plain words, no command-line advice.
    const message = (await text('#solver-message')) ?? '';
    expect(message).toMatch(/^No exact method applies to this model: maintenance\.crews is 1/);
    expect(message).toContain('simulation estimates');
    expect(await page.locator('#numbers caption').count()).toBe(0);
    const body = await page.innerText('body');
    expect(body.split('maintenance.crews is 1').length - 1).toBe(1);
    expect(body).not.toMatch(/relkit (simulate|analyze)|--max-states|use relkit/);
    // The tornado says why it is empty; the sweep offers to be simulated.
    await expect
      .poll(async () => (await plot('plot-tornado')).note, LONG)
      .toMatch(/exact solution/);
    expect((await plot('plot-sweep')).note).toMatch(/^Simulate the sweep:/);
    // The previous run's note is gone; the page simulates on its own and shows estimates with
    // their intervals, the method, and a band on the curve.
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/started by the page/);
    await expect
      .poll(() => cell('method', 'simulated').textContent(), LONG)
      .toMatch(/^simulation: /);
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/done|stopped/);
    expect(await cell('reliability', 'simulated').textContent()).toMatch(
      /^0\.\d+ \(95 % CI 0\.\d+–0\.\d+\)$/,
    );
    expect(await cell('steadyAvailability', 'simulated').textContent()).toMatch(/95 % CI/);
    expect(await cell('mttf', 'simulated').textContent()).toMatch(/95 % CI/);
    // No empty exact column beside it.
    expect(await cell('method').count()).toBe(0);
    const curves = await plot('plot-curve');
    expect(curves.names).toContain('current (simulated 95 % band)');
    expect(curves.names).toContain('current (simulated mean)');
    await shot('01-pumps-opened');
    // Step 3: back to an example: nothing of the pumps is left.
    await chooseExample('tmr-voter');
    await expectOnlyTmrVoter();
  });

  test('an exact model after Simulate shows exact and simulated numbers side by side', async () => {
    await page.fill('#sim-replications', '300');
    await page.click('#sim-run');
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/^300 replications, done$/);
    expect(await cell('method').textContent()).toBe('exact: closed form / structure function');
    expect(await cell('method', 'simulated').textContent()).toBe('simulation: 300 replications');
    expect(await cell('reliability').textContent()).toMatch(/^0\.97/);
    expect(await cell('reliability', 'simulated').textContent()).toMatch(/95 % CI/);
    const names = (await plot('plot-curve')).names;
    expect(names).toContain('current');
    expect(names).toContain('current (simulated 95 % band)');
    await shot('02-side-by-side');
    // A parameter change clears the simulated column and its note: they belonged to the old one.
    await page.fill('#param-_mission', '900');
    await page.press('#param-_mission', 'Enter');
    await expect.poll(() => page.locator('td[data-scenario="simulated"]').count()).toBe(0);
    expect(await text('#sim-note')).not.toMatch(/done/);
  });

  test('defect 3: a short-mission simulation stays visible beside long-mission pins', async () => {
    await chooseExample('tmr-voter');
    await page.click('#pin-button');
    await page.fill('#param-_mission', '10');
    await page.press('#param-_mission', 'Enter');
    await expect.poll(() => cell('missionTime').textContent(), LONG).toBe('10');
    await page.fill('#sim-replications', '200');
    await page.click('#sim-run');
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/done/);
    const curves = await plot('plot-curve');
    // The axis ends at the current mission time, the pin runs on past it, and a note says so.
    expect(curves.range).toEqual([0, 10]);
    expect(Math.max(...curves.xMax)).toBe(1000);
    expect(curves.names).toContain('current (simulated 95 % band)');
    expect(await text('#curve-note')).toMatch(/ends at the current scenario's mission time, 10 h/);
    // Its numbers stand beside the current exact ones, before the pin; no failure in 10 h is a
    // bound, not a zero-width interval.
    const order = await page.$$eval('#numbers thead th', (cells) =>
      cells.map((c) => c.getAttribute('data-scenario')),
    );
    expect(order.slice(0, 3)).toEqual([null, 'live', 'simulated']);
    expect(await cell('reliability', 'simulated').textContent()).toMatch(
      /^no failure seen: ≥ 0\.9/,
    );
    await shot('03-short-mission');
    await chooseExample('tmr-voter');
    expect(await page.locator('#curve-note').isHidden()).toBe(true);
  });

  test('a chain over the page limit says so in plain words and is simulated instead', async () => {
    await open('half-million.yaml');
    await expect
      .poll(() => text('#solver-message'), LONG)
      .toMatch(/would have about 4 300 000 states, more than the page's limit of 500 000/);
    expect(await text('#solver-message')).not.toMatch(/max-states|maxStates|relkit/);
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/started by the page/);
    await expect.poll(() => cell('method', 'simulated').textContent(), LONG).toMatch(/^simulation/);
    // Without a mission time the importance bars wait for the simulated horizon, then come.
    await expect.poll(() => text('#sim-note'), LONG).toMatch(/done|stopped/);
    await expect.poll(async () => (await plot('plot-importance')).names.length, LONG).toBe(1);
    expect(await text('#importance-title')).toMatch(
      /^Birnbaum importance of each component, its units as a group/,
    );
    await shot('04-over-limit');
    await chooseExample('tmr-voter');
    await expectOnlyTmrVoter();
  });

  test('a slow chain shows its progress, Cancel stops it and simulates, the page stays responsive', async () => {
    await open('slow-chain.yaml');
    await expect.poll(() => text('#status'), LONG).toMatch(/^solving exactly: /);
    expect(await page.locator('#solve-cancel').isVisible()).toBe(true);
    // The model is shown while it is solved: its name, its facts, a note; no chart of the last one.
    await expect
      .poll(() => text('#model-name'), LONG)
      .toBe('Four classes of ten units, three crews');
    expect(await text('#solver-message')).toMatch(/^Solving exactly/);
    expect(await menuLabel()).toBe('(opened file)');
    await expect
      .poll(async () => (await plot('plot-tornado')).note)
      .toBe('drawn once the exact solution is in');
    expect((await plot('plot-importance')).note).toBe('drawn once the exact solution is in');
    await expect.poll(() => text('#status'), LONG).toMatch(/, [1-9]\d* s$/);
    await shot('05-solving');
    // The page answers while the worker solves: a field takes a value.
    await page.fill('#sim-replications', '50');
    expect(await page.inputValue('#sim-replications')).toBe('50');
    await page.click('#solve-cancel');
    await expect.poll(() => text('#solver-message'), LONG).toBe(EXACT_CANCELLED);
    expect(await page.locator('#solve-cancel').isHidden()).toBe(true);
    await expect.poll(() => cell('method', 'simulated').textContent(), LONG).toMatch(/^simulation/);
    await shot('06-cancelled');
    // The fresh solver worker answers the next model at once.
    await chooseExample('tmr-voter');
    await expectOnlyTmrVoter();
  });
});
