/**
 * A model only the simulator solves, in headless Chromium (test/e2e/harness.ts): its pins keep
 * the simulated estimates with their 95 % intervals (table, curves, link), a hostile pinned value
 * in a link gives a banner, and the what-if and optimise panels say in plain words why they
 * offer nothing and what to do instead. Screenshots: /tmp/simpins-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rawLinkHash } from '../web/rawLink.js';
import { hasChromium, openExplorer, type Explorer } from './harness.js';

const SLOW = { timeout: 60_000 };

// Two of three pumps needed, one repair crew, lognormal repair: dependent repairs with a law that
// is not exponential, so neither analyze nor the Markov engine solves it.
const PUMPS = `name: Pumps, two of three
time_unit: h
parameters:
  rate: 1e-3
components:
  pump: { count: 3, failure: { dist: exponential, rate: rate }, repair: { dist: lognormal, mean: 20, sd: 15 } }
system: { koon: { k: 2, of: pump } }
maintenance: { crews: 1 }
mission_time: 2000
`;

describe.skipIf(!hasChromium('test/e2e/simulatedPins.test.ts'))(
  'pins and what-if of a model only the simulator solves',
  () => {
    let explorer: Explorer;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      explorer = await openExplorer();
      page = explorer.page;
      page.on('pageerror', (error) => errors.push(error.message));
      await page.locator('#numbers td').first().waitFor(SLOW);
      await page.setInputFiles('#open-file', {
        name: 'pumps.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(PUMPS),
      });
      await page.locator('#model-name', { hasText: PUMPS_NAME }).waitFor(SLOW);
    }, 120_000);

    afterAll(async () => {
      await explorer?.close();
    });

    const cell = (scenario: string, measure: string, on: Page = page) =>
      on.locator(`td[data-scenario="${scenario}"][data-measure="${measure}"]`);
    const finished = async (on: Page = page) =>
      expect.poll(() => on.locator('#sim-note').textContent(), SLOW).toMatch(/done|stopped/);
    const curveNames = (on: Page = page) =>
      on.evaluate(() =>
        (
          (document.getElementById('plot-curve') as unknown as { data?: { name?: string }[] })
            .data ?? []
        ).map((trace) => trace.name ?? ''),
      );

    test('a pin keeps the simulated estimates with their intervals, beside a new run', async () => {
      await finished();
      const live = (await cell('simulated', 'steadyAvailability').textContent())!;
      expect(live).toMatch(/\(95 % CI .+–.+\)/);
      await page.click('#pin-button');
      await expect.poll(() => page.locator('th[data-scenario="p1"]').count(), SLOW).toBe(1);
      // The pinned column shows the estimates it kept, labelled as simulated.
      expect(await cell('p1', 'steadyAvailability').textContent()).toBe(live);
      expect(await cell('p1', 'method').textContent()).toMatch(
        /^simulation: [\d  ,]+ replications$/,
      );
      expect(await page.locator('th[data-scenario="p1"] .hint').textContent()).toMatch(
        /simulated$/,
      );
      // A worse pump: the page simulates the new value; the pin keeps the old estimates.
      await page.locator('#param-rate').fill('3e-3');
      await page.locator('#param-rate').press('Enter');
      await expect
        .poll(() => cell('simulated', 'steadyAvailability').textContent(), SLOW)
        .not.toBe(live);
      await finished();
      expect(await cell('p1', 'steadyAvailability').textContent()).toBe(live);
      expect(await cell('p1', 'nines').textContent()).toMatch(/95 % CI/);
      // The curves: the live run and the pin, each a dashed mean with its band.
      await expect.poll(() => curveNames(), SLOW).toContain('Scenario 1 (simulated 95 % band)');
      expect(await curveNames()).toContain('current (simulated 95 % band)');
      await page.locator('#numbers').screenshot({ path: '/tmp/simpins-table.png' });
      await page.locator('#plot-curve').screenshot({ path: '/tmp/simpins-curves.png' });
    });

    test('the what-if and optimise menus say why they offer nothing, and what to do', async () => {
      const note = page.locator('#whatif-note');
      await expect.poll(() => note.isVisible(), SLOW).toBe(true);
      expect(await note.textContent()).toMatch(
        /No tornado or sweep for this model.*pin this result/,
      );
      expect(await note.textContent()).not.toMatch(/relkit |--|npx|CLI/);
      for (const id of ['measure-select', 'optimize-measure']) {
        expect(await page.locator(`#${id}`).isDisabled()).toBe(true);
        expect(await page.locator(`#${id} option`).allTextContents()).toEqual([
          'none without an exact solution',
        ]);
      }
      expect(await page.locator('#sweep-select').isDisabled()).toBe(true);
      expect(await page.locator('#optimize-result').textContent()).toMatch(
        /^No optimisation for this model/,
      );
      for (const id of ['plot-tornado', 'plot-sweep']) {
        const layout = await page.evaluate(
          (plot) =>
            (
              document.getElementById(plot) as unknown as {
                layout?: { xaxis?: { visible?: boolean }; annotations?: { text: string }[] };
              }
            ).layout,
          id,
        );
        expect(layout?.xaxis?.visible).toBe(false);
        expect(layout?.annotations?.[0]?.text).toMatch(
          /^no (tornado|sweep) without an exact solution/,
        );
      }
      await page.locator('.plot-grid').screenshot({ path: '/tmp/simpins-whatif.png' });
    });

    test('the link keeps the pinned estimates: reopened, and at 390 px wide', async () => {
      const live = (await cell('p1', 'steadyAvailability').textContent())!;
      await page.waitForTimeout(500);
      const url = page.url();
      expect(url).toContain('#s=');
      const narrow = await explorer.context.newPage();
      narrow.on('pageerror', (error) => errors.push(error.message));
      await narrow.setViewportSize({ width: 390, height: 844 });
      await narrow.goto(url);
      await expect
        .poll(() => cell('p1', 'steadyAvailability', narrow).textContent(), SLOW)
        .toBe(live);
      expect(await narrow.locator('#banner').isHidden()).toBe(true);
      await finished(narrow);
      const scrollWidth = await narrow.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(390);
      await narrow.screenshot({ path: '/tmp/simpins-390.png', fullPage: true });
      await narrow
        .locator('.table-wrap', { has: narrow.locator('#numbers') })
        .screenshot({ path: '/tmp/simpins-390-table.png' });
      await narrow
        .locator('.plot-card', { has: narrow.locator('#plot-tornado') })
        .screenshot({ path: '/tmp/simpins-390-whatif.png' });
      await narrow.locator('#optimize-card').screenshot({ path: '/tmp/simpins-390-optimize.png' });
      await narrow.close();
    });

    test('a hostile pinned simulated value in a link: a banner and the default model', async () => {
      const hash = await rawLinkHash({
        version: 2,
        example: '',
        text: PUMPS,
        overrides: {},
        pins: [
          {
            id: 'p1',
            name: 'forged',
            overrides: {},
            simulated: {
              replications: 100,
              measures: { steadyAvailability: { mean: 7, ci95: ['<b>x</b>', 9] } },
            },
          },
        ],
        view: {},
      });
      await page.goto('about:blank');
      await page.goto(`${explorer.server.url}#${hash}`);
      await expect
        .poll(() => page.locator('#banner').textContent(), SLOW)
        .toMatch(/pins\[0\]\.simulated\.steadyAvailability/);
      expect(await page.locator('#banner').isVisible()).toBe(true);
      await expect.poll(() => page.locator('#model-name').textContent(), SLOW).not.toBe(PUMPS_NAME);
      expect(errors).toEqual([]);
    });
  },
);

const PUMPS_NAME = 'Pumps, two of three';
