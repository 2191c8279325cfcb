/**
 * The headline of a model only the simulator solves, in headless Chromium (test/e2e/harness.ts):
 * the simulated nines and downtime with their 95 % intervals, and for a run without a system
 * failure a lower bound on the MTBF, never nines. Screenshots: /tmp/headline-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, openExplorer, type Explorer } from './harness.js';

const SLOW = { timeout: 60_000 };

// Weibull failures with one repair crew for two units: dependent units and a law that is not
// exponential, so neither analyze nor the Markov engine solves it.
const model = (scale: number, name: string) =>
  `name: ${name}\ntime_unit: h\ncomponents:\n  cpu: { count: 2, failure: { dist: weibull, shape: 2, scale: ${scale} }, repair: { mttr: 5 } }\nsystem: { parallel: [cpu] }\nmaintenance: { crews: 1 }\nmission_time: 10000\n`;

describe.skipIf(!hasChromium('test/e2e/headline.test.ts'))('headline of a simulated model', () => {
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

  const openText = async (text: string, name: string): Promise<void> => {
    await page.setInputFiles('#open-file', {
      name: 'model.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(text),
    });
    await expect.poll(() => page.locator('#model-name').textContent(), SLOW).toBe(name);
  };

  test('simulated nines and downtime come with their 95 % intervals', async () => {
    await openText(model(100, 'Simulated pair'), 'Simulated pair');
    const headline = page.locator('#headline');
    await expect.poll(() => headline.textContent(), SLOW).toMatch(/nines/);
    const text = (await headline.textContent())!;
    expect(text).toMatch(/^\d+\.\d\d nines \(simulated; 95 % CI \d+\.\d\d to \d+\.\d\d/);
    expect(text).toMatch(/downtime \(simulated; 95 % CI .+ to .+\)/);
    await page.locator('#headline').screenshot({ path: '/tmp/headline-simulated.png' });
  });

  test('without a system failure: MTBF ≥ a bound, and no nines', async () => {
    await openText(model(1e9, 'Simulated safe pair'), 'Simulated safe pair');
    const headline = page.locator('#headline');
    await expect.poll(() => headline.textContent(), SLOW).toMatch(/MTBF/);
    const text = (await headline.textContent())!;
    expect(text).toMatch(/^≥ [\d.e]+ h MTBF \(simulated: no system failure seen/);
    expect(text).not.toMatch(/nines \(/);
    await page.locator('#headline').screenshot({ path: '/tmp/headline-bound.png' });
  });
});
