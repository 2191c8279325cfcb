/**
 * The explorer in real headless Chromium: the static build served by a plain file server, driven
 * with playwright-core. Asserts on the numbers shown (against the library), on plotly figure data
 * and saves screenshots to test-results/ for a look.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as relkit from '../../src/index.js';
import { analyze, loadModel } from '../../src/index.js';
import { findSimulator } from '../../web/compute/simulation.js';
import { formatNumber } from '../../web/views/format.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';
import type { StaticServer } from './staticServer.js';

const chromiumHere = hasChromium('test/e2e/explorer.test.ts');
const SHOTS = join(ROOT, 'test-results');
const models = (name: string) => readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8');
// The fault-tree examples show P(top event) (test/e2e/faultTrees.test.ts checks the rest).
const FAULT_TREES = ['fire-detection', 'interlock-not', 'loss-of-cooling', 'safety-function-ccf'];

describe.skipIf(!chromiumHere)('explorer in headless Chromium', () => {
  let explorer: Explorer;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    explorer = await openExplorer();
    ({ server, page } = explorer);
  }, 120_000);

  afterAll(async () => {
    await explorer?.close();
  });

  const cell = (measure: string, scenario = 'live') =>
    page.locator(`td[data-measure="${measure}"][data-scenario="${scenario}"]`);
  const plotData = (id: string) =>
    page.evaluate(
      (plot) =>
        (
          document.getElementById(plot) as unknown as {
            data?: { name?: string; x: number[]; y: (number | null)[] }[];
          }
        ).data ?? [],
      id,
    );
  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  test('the default model (tmr-voter) shows its exact MTTF and R(t) curve', async () => {
    await page.goto(server.url);
    const expected = analyze(loadModel(models('tmr-voter')));
    await expect
      .poll(() => cell('mttf').textContent())
      .toBe(formatNumber(expected.measures.mttf as number));
    const data = await plotData('plot-curve');
    expect(data[0]!.x.at(-1)).toBe(1000);
    // R(1000) from the model header (mpmath); the curve's last point is the mission time.
    expect(Math.abs(data[0]!.y.at(-1)! - 0.9735621386188188)).toBeLessThan(1e-12);
    await shot('01-default');
  });

  test('every example loads and shows its numbers', async () => {
    const names = await page.locator('#example-select option').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      await page.selectOption('#example-select', name);
      await expect
        .poll(() => page.locator('#model-name').textContent())
        .toBe(loadModel(models(name)).name);
      let result;
      try {
        result = relkit.solveExactly(loadModel(models(name)));
      } catch (error) {
        // A model no exact solver can solve shows the solver's reason.
        expect(error).toBeInstanceOf(relkit.UnsupportedModelError);
        await expect
          .poll(() => page.locator('#solver-message').textContent())
          .toBe((error as Error).message);
        continue;
      }
      const key = FAULT_TREES.includes(name)
        ? 'topEventProbability'
        : (['mttf', 'pfdAvg', 'nines', 'costRate'] as const).find(
            (measure) => result.measures[measure] !== undefined,
          )!;
      await expect
        .poll(() => cell(key).textContent())
        .toBe(formatNumber(result.measures[key] as number));
      if (name === 'raid5') await shot('02-raid5');
    }
  });

  test('moving the lambda slider shows the exact MTTF for the new value', async () => {
    await page.selectOption('#example-select', 'tmr-voter');
    const slider = page.locator('#param-lambda-slider');
    await slider.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    const value = Number(await page.locator('#param-lambda').inputValue());
    expect(value).toBeGreaterThan(1e-4);
    const expected = analyze(loadModel(models('tmr-voter'), { overrides: { lambda: value } }));
    await expect
      .poll(() => cell('mttf').textContent())
      .toBe(formatNumber(expected.measures.mttf as number));
    const figure = await plotData('plot-curve');
    const curve = expected.measures.reliability!;
    expect(figure[0]!.y.at(-1)).toBe(curve.values.at(-1));
    // The what-if charts follow the numbers; the sweep marks the current value.
    await expect.poll(async () => (await plotData('plot-sweep')).at(-1)?.x).toEqual([value]);
    await shot('03-slider');
  });

  test('pinning keeps a scenario to compare; pins are renamed and removed', async () => {
    await page.click('#pin-button');
    await expect.poll(() => page.locator('th[data-scenario="p1"]').count()).toBe(1);
    await page.locator('#param-lambda').fill('5e-5');
    await page.locator('#param-lambda').press('Enter');
    const expected = analyze(loadModel(models('tmr-voter'), { overrides: { lambda: 5e-5 } }));
    await expect
      .poll(() => cell('mttf').textContent())
      .toBe(formatNumber(expected.measures.mttf as number));
    await page.locator('th[data-scenario="p1"] input').fill('hot CPUs');
    await page.locator('th[data-scenario="p1"] input').press('Enter');
    await page.click('#pin-button');
    await expect
      .poll(async () => (await plotData('plot-curve')).map((t) => t.name))
      .toEqual(['current', 'hot CPUs', 'Scenario 2']);
    await page.click('th[data-scenario="p2"] button.remove');
    await expect.poll(() => page.locator('th[data-scenario="p2"]').count()).toBe(0);
    await page.click('input[name="curve-scale"][value="log"]');
    await expect
      .poll(
        async () =>
          await page.evaluate(
            () =>
              (
                document.getElementById('plot-curve') as unknown as {
                  layout: { yaxis: { type: string } };
                }
              ).layout.yaxis.type,
          ),
      )
      .toBe('log');
    await shot('04-pinned-log');
  });

  test('reloading the URL restores parameters, pins and view', async () => {
    await expect.poll(() => page.evaluate(() => location.hash.startsWith('#s='))).toBe(true);
    await page.waitForTimeout(400);
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await expect.poll(() => page.locator('#param-lambda').inputValue()).toBe('0.00005');
    await expect
      .poll(() => page.locator('th[data-scenario="p1"] input').inputValue())
      .toBe('hot CPUs');
    expect(await page.locator('input[name="curve-scale"][value="log"]').isChecked()).toBe(true);
  });

  test('invalid YAML shows an inline error with its line and keeps the last good plot', async () => {
    const before = await plotData('plot-curve');
    const text = models('tmr-voter');
    await page.locator('#model-text').fill(text.replace('count: 3', 'count: [3'));
    await expect
      .poll(() => page.locator('#model-issues .issue').first().textContent())
      .toMatch(/^line \d+/);
    expect(await page.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    expect(await plotData('plot-curve')).toEqual(before);
    await shot('05-invalid-yaml');
    await page.locator('#model-text').fill(text);
    await expect.poll(() => page.locator('#model-issues').isHidden()).toBe(true);
  });

  test('a corrupt link says so and falls back to the default model', async () => {
    await page.goto(`${server.url}#s=AAAA`);
    // A hash change reloads the page; on a loaded machine that takes longer than poll's 1 s.
    const reload = { timeout: 30_000 };
    await expect
      .poll(() => page.locator('#banner').textContent(), reload)
      .toMatch(/^the link is damaged/);
    await expect
      .poll(() => page.locator('#model-name').textContent(), reload)
      .toBe('TMR flight controller');
  });

  test('simulation: runs with a band when the simulator is exported, else the button says why', async () => {
    if (findSimulator(relkit)) {
      await page.fill('#sim-replications', '200');
      await page.click('#sim-run');
      await expect
        .poll(async () => (await plotData('plot-curve')).some((t) => t.name?.includes('95 %')), {
          timeout: 60_000,
        })
        .toBe(true);
      await shot('06-simulation');
    } else {
      expect(await page.locator('#sim-run').isDisabled()).toBe(true);
      await expect
        .poll(() => page.locator('#sim-note').textContent())
        .toMatch(/^Simulation is not available yet/);
    }
  });

  test('a narrow window stacks the panes in one column', async () => {
    await expect.poll(async () => (await plotData('plot-sweep')).length).toBeGreaterThan(0);
    await page.setViewportSize({ width: 600, height: 900 });
    // plotly's responsive resize is debounced.
    await page.waitForTimeout(500);
    const [model, results] = await Promise.all([
      page.locator('#model-pane').boundingBox(),
      page.locator('#results-pane').boundingBox(),
    ]);
    expect(results!.y).toBeGreaterThan(model!.y + model!.height - 1);
    await shot('07-narrow');
    await page.setViewportSize({ width: 1440, height: 1000 });
  });
});
