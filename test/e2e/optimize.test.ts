/**
 * The optimise panel in headless Chromium: on the default example (tmr-voter) it finds the lambda
 * that maximises the MTTF over the slider's range, shows the library's optimum (optimizeParameter
 * in Node on the same text, range and options) and plots the points evaluated with the optimum
 * marked. Saves a screenshot to test-results/ for a look.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { optimizeParameter, parseModel } from '../../src/index.js';
import { formatNumber } from '../../web/views/format.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

const chromiumHere = hasChromium('test/e2e/optimize.test.ts');
const SHOTS = join(ROOT, 'test-results');

describe.skipIf(!chromiumHere)('optimise panel in headless Chromium', () => {
  let explorer: Explorer;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
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
            data?: { name?: string; x: number[]; y: (number | null)[] }[];
          }
        ).data ?? [],
      id,
    );

  test('finds the optimum the library finds, and marks it on the chart', async () => {
    await page.selectOption('#example-select', 'tmr-voter');
    await expect.poll(() => page.locator('#optimize-measure option').count()).toBeGreaterThan(0);
    await page.selectOption('#optimize-parameter', 'lambda');
    await page.selectOption('#optimize-measure', 'mttf');
    await page.selectOption('#optimize-goal', 'maximize');
    const lo = Number(await page.locator('#optimize-lo').inputValue());
    const hi = Number(await page.locator('#optimize-hi').inputValue());
    // The slider's range, around the file's 1e-4.
    expect(lo).toBeLessThan(1e-4);
    expect(hi).toBeGreaterThan(1e-4);
    await page.click('#optimize-run');
    const result = page.locator('#optimize-result');
    await expect
      .poll(() => result.getAttribute('data-argument'), { timeout: 30_000 })
      .not.toBeNull();

    const text = readFileSync(join(ROOT, 'models', 'tmr-voter.yaml'), 'utf8');
    const expected = optimizeParameter(parseModel(text, { file: 'model' }), {
      parameter: 'lambda',
      lo,
      hi,
      measure: 'mttf',
      goal: 'maximize',
      // lambda has a log slider: the panel asks for a geometric grid.
      scale: 'log',
      overrides: { lambda: 1e-4 },
      exact: { points: 2, maxStates: 500_000, horizon: 1000 },
    });
    // The MTTF falls as lambda grows: the optimum is the range's lower end, and a warning says so.
    expect(expected.argmax).toBe(lo);
    expect(Number(await result.getAttribute('data-argument'))).toBe(expected.argmax);
    expect(Number(await result.getAttribute('data-value'))).toBe(expected.maximum);
    const shown = await result.textContent();
    expect(shown).toContain(
      `argmax lambda = ${formatNumber(expected.argmax)}, maximum mttf = ${formatNumber(expected.maximum as number)} (${expected.evaluations} evaluations)`,
    );
    expect(shown).toContain('the optimum is at the lower bound lambda');

    const data = await plotData('plot-optimize');
    expect(data).toHaveLength(2);
    // The same points, to the last bits of the browser's Math.pow (Node's may differ by an ulp).
    expect(data[0]!.x).toHaveLength(expected.points.length);
    expected.points.forEach((p, i) =>
      expect(Math.abs(data[0]!.x[i]! / p.x - 1)).toBeLessThan(1e-12),
    );
    expect(data[1]!.x).toEqual([expected.argmax]);
    expect(data[1]!.y).toEqual([expected.maximum]);
    await page.locator('#optimize-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'optimize.png'), fullPage: true });
    await page.locator('#optimize-card').screenshot({ path: join(SHOTS, 'optimize-card.png') });
  });

  test('a new scenario clears the optimum; a model without parameters disables the panel', async () => {
    const result = page.locator('#optimize-result');
    await page.locator('#param-lambda').fill('2e-4');
    await page.locator('#param-lambda').press('Enter');
    await expect.poll(() => result.textContent()).toBe('Run finds the optimum over the range');
    expect(await result.getAttribute('data-argument')).toBeNull();
    expect((await plotData('plot-optimize')).length).toBe(0);
    await page.selectOption('#example-select', 'cooling-loop');
    await expect.poll(() => result.textContent()).toBe('this model has no parameters to vary');
    expect(await page.locator('#optimize-run').isDisabled()).toBe(true);
    expect(await page.locator('#optimize-lo').inputValue()).toBe('');
  });
});
