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

    const figure = (id: string, on: Page = page) =>
      on.evaluate((plot) => {
        const element = document.getElementById(plot) as unknown as {
          data?: { name?: string; x?: number[]; y?: (number | null)[] }[];
          layout?: { xaxis?: { visible?: boolean }; annotations?: { text: string }[] };
        };
        return { data: element.data ?? [], layout: element.layout ?? {} };
      }, id);

    test('what-if: no tornado, a note saying why; the optimiser says why it offers nothing', async () => {
      const note = page.locator('#whatif-note');
      await expect.poll(() => note.isVisible(), SLOW).toBe(true);
      expect(await note.textContent()).toMatch(
        /^No exact method applies to this model.*no tornado.*Simulate the sweep.*same seed/,
      );
      expect(await note.textContent()).not.toMatch(/relkit |--|npx|CLI/);
      const tornado = await figure('plot-tornado');
      expect(tornado.layout.xaxis?.visible).toBe(false);
      expect(tornado.layout.annotations?.[0]?.text).toMatch(
        /^no tornado without an exact solution/,
      );
      expect(await page.locator('#tornado-percent').isDisabled()).toBe(true);
      // The measure menu offers what the simulation estimates; the optimiser says why not.
      await expect
        .poll(() => page.locator('#measure-select option').allTextContents(), SLOW)
        .toContain('steady unavailability');
      expect(await page.locator('#measure-select').isDisabled()).toBe(false);
      expect(await page.locator('#optimize-measure').isDisabled()).toBe(true);
      expect(await page.locator('#optimize-measure option').allTextContents()).toEqual([
        'none without an exact solution',
      ]);
      expect(await page.locator('#optimize-result').textContent()).toMatch(
        /^No optimisation for this model/,
      );
    });

    test('what-if: the sweep by simulation, streamed with its band, and cancellable', async () => {
      await page.selectOption('#measure-select', 'steadyUnavailability');
      await page.locator('#sim-replications').fill('200');
      const sweepNote = page.locator('#sweep-sim-note');
      await expect
        .poll(
          async () =>
            (await figure('plot-sweep')).layout.annotations?.[0]?.text.replace(/<br>/g, ' '),
          SLOW,
        )
        .toMatch(
          /^Simulate the sweep: steady unavailability at 9 values of rate, 200 replications/,
        );
      await expect.poll(() => page.locator('#sweep-sim').isEnabled(), SLOW).toBe(true);
      await page.click('#sweep-sim');
      await expect
        .poll(() => sweepNote.textContent(), SLOW)
        .toMatch(/^200 replications at every value/);
      const { data } = await figure('plot-sweep');
      const mean = data.find((trace) => trace.name === 'rate (simulated mean)')!;
      const band = data.find((trace) => trace.name === 'rate (simulated 95 % band)')!;
      const lower = data.find((trace) => trace.name === 'rate (95 % lower end)')!;
      expect(mean.x).toHaveLength(9);
      // Where the runs saw no system failure (the most reliable pumps) there is no estimate: a
      // gap, and the note says so.
      const seen = mean.y!.flatMap((y, j) => (y === null ? [] : [j]));
      expect(seen.length).toBeGreaterThanOrEqual(5);
      expect(await sweepNote.textContent()).toMatch(
        new RegExp(`no estimate at ${9 - seen.length} of the 9 values`),
      );
      for (const j of seen) {
        expect(lower.y![j]!).toBeLessThanOrEqual(mean.y![j]!);
        expect(mean.y![j]!).toBeLessThanOrEqual(band.y![j]!);
      }
      // Pumps that fail 100 times as often are down far more often.
      expect(mean.y![8]!).toBeGreaterThan(10 * mean.y![seen[0]!]!);
      await page.locator('.plot-grid').first().screenshot({ path: '/tmp/simpins-whatif.png' });
      // A long sweep: cancelled while it runs, it keeps the rounds it has.
      await page.locator('#sim-replications').fill('100000');
      await page.click('#sweep-sim');
      // Streamed: the first rounds are drawn while the rest run.
      await expect
        .poll(() => sweepNote.textContent(), SLOW)
        .toMatch(/^[1-9][\d  ]* of 100 000 replications at every value…$/);
      expect((await figure('plot-sweep')).data.map((trace) => trace.name)).toContain(
        'rate (simulated mean)',
      );
      await page.click('#sweep-cancel');
      await expect
        .poll(() => sweepNote.textContent(), SLOW)
        .toMatch(/^cancelled after [\d  ]+ of 100 000/);
      expect(await page.locator('#sweep-sim').isEnabled()).toBe(true);
      await page.locator('#sim-replications').fill('1000');
    }, 120_000);

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
      // The simulated sweep at 390 px: its buttons and note wrap under the menu.
      await narrow.locator('#sim-replications').fill('100');
      await expect.poll(() => narrow.locator('#sweep-sim').isEnabled(), SLOW).toBe(true);
      await narrow.click('#sweep-sim');
      await expect
        .poll(() => narrow.locator('#sweep-sim-note').textContent(), SLOW)
        .toMatch(/^100 replications at every value/);
      await narrow
        .locator('.plot-card', { has: narrow.locator('#plot-sweep') })
        .screenshot({ path: '/tmp/simpins-390-sweep.png' });
      expect(
        await narrow.evaluate(() => document.scrollingElement!.scrollWidth),
      ).toBeLessThanOrEqual(390);
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

    test('a pin of a model with exact and simulated numbers keeps both, side by side', async () => {
      await page.selectOption('#example-select', 'tmr-voter');
      await expect.poll(() => cell('live', 'method').textContent(), SLOW).toMatch(/^exact/);
      await page.locator('#sim-replications').fill('200');
      await page.click('#sim-run');
      await expect.poll(() => page.locator('#sim-note').textContent(), SLOW).toMatch(/done/);
      const simulated = (await cell('simulated', 'reliability').textContent())!;
      await page.click('#pin-button');
      await expect.poll(() => cell('p1', 'method').textContent(), SLOW).toMatch(/^exact/);
      expect(await cell('p1-simulated', 'method').textContent()).toBe(
        'simulation: 200 replications',
      );
      expect(await cell('p1-simulated', 'reliability').textContent()).toBe(simulated);
      expect(await page.locator('th[data-scenario="p1-simulated"]').textContent()).toBe(
        'Scenario 1, simulated',
      );
      const names = await curveNames();
      expect(names).toContain('Scenario 1');
      expect(names).toContain('Scenario 1 (simulated 95 % band)');
      // The table scrolls sideways in its frame: its end, the pin's columns.
      const frame = page.locator('.table-wrap', { has: page.locator('#numbers') });
      await frame.evaluate((element) => (element.scrollLeft = element.scrollWidth));
      await frame.screenshot({ path: '/tmp/simpins-exact-and-simulated.png' });
      expect(errors).toEqual([]);
    });
  },
);

const PUMPS_NAME = 'Pumps, two of three';
