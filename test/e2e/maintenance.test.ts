/**
 * Proof tests and maintenance costs in the explorer, in headless Chromium (test/e2e/harness.ts):
 * the proof-tested example shows PFDavg with its SIL band in the headline and the numbers table,
 * equal to the library's, and its PFD(t) saw-tooth; the age-replacement example its cost rate.
 * Screenshots: /tmp/maintenance-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadModel } from '../../src/index.js';
import { formatNumber } from '../../web/views/format.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

const SLOW = { timeout: 30_000 };
const text = (name: string) => readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8');

describe.skipIf(!hasChromium('test/e2e/maintenance.test.ts'))('maintenance in the explorer', () => {
  let explorer: Explorer;
  let page: Page;

  beforeAll(async () => {
    explorer = await openExplorer();
    page = explorer.page;
    await page.locator('#numbers td').first().waitFor(SLOW);
  }, 120_000);

  afterAll(async () => {
    await explorer?.close();
  });

  const cell = (measure: string) =>
    page.locator(`td[data-measure="${measure}"][data-scenario="live"]`);

  test('a proof-tested safety function: PFDavg, its SIL band and the saw-tooth', async () => {
    await page.selectOption('#example-select', 'sif-proof-test');
    const exact = analyze(loadModel(text('sif-proof-test')));
    const pfd = exact.measures.pfdAvg as number;
    await expect.poll(() => cell('pfdAvg').textContent(), SLOW).toBe(formatNumber(pfd));
    await expect.poll(() => cell('sil').textContent()).toBe('SIL 1');
    const headline = (await page.locator('#headline').textContent())!;
    expect(headline).toContain(`${formatNumber(pfd)} PFDavg`);
    expect(headline).toContain('over the mission; SIL 1');
    // The curve has a tooth at every yearly test: just before it the highest, at it the lowest.
    const curve = await page.evaluate(
      () =>
        (
          document.getElementById('plot-curve') as unknown as {
            data?: { x: number[]; y: (number | null)[] }[];
          }
        ).data ?? [],
    );
    const points = curve[0]!.x.length;
    expect(points).toBeGreaterThanOrEqual(20);
    // Importance is left out, and says why; the sweep is of PFDavg over the test interval.
    await expect
      .poll(() => page.locator('#importance-notes').textContent(), SLOW)
      .toMatch(/importance under proof tests/);
    await expect.poll(() => page.locator('#sweep-select').inputValue(), SLOW).toBe('test_interval');
    await page.screenshot({ path: '/tmp/maintenance-sif.png', fullPage: true });
  });

  test('a bearing under age replacement: its cost rate', async () => {
    await page.selectOption('#example-select', 'bearing-age-replacement');
    const exact = analyze(loadModel(text('bearing-age-replacement')));
    await expect
      .poll(() => cell('costRate').textContent(), SLOW)
      .toBe(formatNumber(exact.measures.costRate as number));
    expect(await page.locator('#headline').textContent()).toContain('cost per h');
    await page.screenshot({ path: '/tmp/maintenance-bearing.png', fullPage: true });
  });
});
