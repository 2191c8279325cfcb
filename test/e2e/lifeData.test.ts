/**
 * The data panel in headless Chromium: pasted life data are fitted in the worker; the table's
 * best fit is the library's (rankLifeFits in Node on the same text), the probability plot has a
 * point per failure row at the library's positions, the Kaplan–Meier plot is drawn, the failure
 * block is the fit's; a bad row is located. Screenshots at 1440 and 390 px to /tmp.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseLifeData, paperFor, probabilityPlot, rankLifeFits } from '../../src/index.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

const chromiumHere = hasChromium('test/e2e/lifeData.test.ts');
const SHOCK = readFileSync(join(ROOT, 'test/fit/data/shock-absorbers.csv'), 'utf8');

describe.skipIf(!chromiumHere)('data panel in headless Chromium', () => {
  let explorer: Explorer;
  let page: Page;

  beforeAll(async () => {
    explorer = await openExplorer();
    ({ page } = explorer);
  }, 120_000);

  afterAll(async () => {
    await explorer?.close();
  });

  const plotData = (id: string) =>
    page.evaluate(
      (plot) =>
        (
          document.getElementById(plot) as unknown as {
            data?: { name?: string; mode?: string; x: number[]; y: (number | null)[] }[];
          }
        ).data ?? [],
      id,
    );

  test('fits pasted data as the library does, and plots them', async () => {
    await page.locator('#life-text').fill(SHOCK);
    await page.click('#life-fit');
    const table = page.locator('#life-fits');
    await expect.poll(() => table.getAttribute('data-best'), { timeout: 60_000 }).not.toBeNull();

    const data = parseLifeData(SHOCK, 'pasted');
    const ranking = rankLifeFits(data);
    const best = ranking.fits[0]!;
    expect(await table.getAttribute('data-best')).toBe(best.dist);
    const dists = await page
      .locator('#life-fits tbody tr[data-dist]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-dist')));
    expect(dists).toEqual(ranking.fits.map((fit) => fit.dist));
    expect(await page.locator('#life-status').textContent()).toMatch(
      /^11 failures, 27 suspensions, 0 in intervals/,
    );

    // The points: one a failure row, at the library's positions on the best fit's paper.
    const expected = probabilityPlot(data, paperFor(best.dist), best);
    await expect.poll(async () => (await plotData('plot-probability')).length).toBe(4);
    const traces = await plotData('plot-probability');
    const points = traces.find((trace) => trace.mode === 'markers')!;
    expect(points.x).toHaveLength(11);
    points.y.forEach((y, i) => expect(y).toBeCloseTo(expected.points[i]!.y, 12));
    const line = traces.find((trace) => trace.name?.endsWith('fit (ML)'))!;
    expect(line.y[0]).toBeCloseTo(expected.fit!.curve[0]!.y, 9);
    const km = await plotData('plot-survival');
    expect(km.find((trace) => trace.name === 'Kaplan–Meier')!.y).toHaveLength(13);
    // The failure block: the fit's, to the optimiser's tolerance (the browser's Math.log and
    // Math.exp may differ from Node's in the last bits, which moves the maximum by ~1e-11).
    const block = (await page.locator('#life-block').textContent())!;
    expect(block).toMatch(new RegExp(`^failure: \\{ dist: ${best.failure!.dist}, `));
    for (const [key, value] of Object.entries(best.failure!)) {
      if (typeof value !== 'number') continue;
      const shown = Number(new RegExp(`${key}: ([^,}\\s]+)`).exec(block)![1]);
      expect(Math.abs(shown / value - 1)).toBeLessThan(1e-8);
    }

    // Another row and paper redraw without refitting.
    await page.click('#life-fits button[aria-label="draw the weibull fit"]');
    await page.selectOption('#life-paper', 'weibull');
    await expect
      .poll(async () =>
        (await plotData('plot-probability')).find((t) => t.name === 'weibull fit (ML)'),
      )
      .toBeDefined();
    expect(await page.locator('#life-block').textContent()).toMatch(/^failure: \{ dist: weibull/);

    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.locator('#data-pane').scrollIntoViewIfNeeded();
    await page.locator('#data-pane').screenshot({ path: '/tmp/relkit-life-1440.png' });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.locator('#data-pane').scrollIntoViewIfNeeded();
    await page.locator('#data-pane').screenshot({ path: '/tmp/relkit-life-390.png' });
    // Nothing wider than the window at 390 px.
    const overflow = await page.evaluate(
      () => document.getElementById('data-pane')!.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  test('locates a bad row and draws no fit', async () => {
    await page.locator('#life-text').fill('time,status\n100,F\n-5,F\n200,X\n');
    await page.click('#life-fit');
    const issues = page.locator('#life-issues li');
    await expect.poll(() => issues.count(), { timeout: 30_000 }).toBe(2);
    expect(await issues.nth(0).textContent()).toMatch(/^pasted:3:1: /);
    expect(await issues.nth(1).textContent()).toMatch(/^pasted:4:5: /);
    expect(await page.locator('#life-fits tr').count()).toBe(0);
    expect(await plotData('plot-probability')).toHaveLength(0);
  });
});
