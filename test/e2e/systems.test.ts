/**
 * A model with several systems in the explorer, in headless Chromium (test/e2e/harness.ts): the
 * quorum example shows a "System shown" choice (read, write) and the quorum's consistency; the
 * numbers are those of the system chosen (the choice beside them says which), equal to the
 * library's for that system, a pin keeps its system, and the link reopens on it.
 * Screenshot: /tmp/systems-quorum.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadModel, systemView } from '../../src/index.js';
import { formatNumber } from '../../web/views/format.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

const SLOW = { timeout: 30_000 };
const STORE = readFileSync(join(ROOT, 'models', 'quorum-store.yaml'), 'utf8');

describe.skipIf(!hasChromium('test/e2e/systems.test.ts'))('several systems in the explorer', () => {
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

  const unavailability = (system: string): string =>
    formatNumber(
      analyze(systemView(loadModel(STORE), system)).measures.steadyUnavailability as number,
    );
  const cell = () => page.locator('td[data-measure="steadyUnavailability"][data-scenario="live"]');

  test('the quorum store shows one system at a time, says which, and keeps the choice', async () => {
    await page.selectOption('#example-select', 'quorum-store');
    await expect.poll(() => page.locator('#system-choice').isVisible(), SLOW).toBe(true);
    const options = await page.locator('#system-select option').allTextContents();
    expect(options).toEqual(['read', 'write']);
    await expect.poll(() => cell().textContent(), SLOW).toBe(unavailability('read'));
    await expect.poll(() => page.locator('#model-name').textContent()).toBe(loadModel(STORE).name);
    await expect.poll(() => page.locator('#system-select').inputValue()).toBe('read');
    await expect
      .poll(() => page.locator('#system-consistency').textContent())
      .toMatch(/R \+ W = 4 > N = 3: every read quorum meets every write quorum/);

    await page.locator('#pin-button').click();
    await page.selectOption('#system-select', 'write');
    await expect.poll(() => cell().textContent(), SLOW).toBe(unavailability('write'));
    await expect.poll(() => page.locator('#system-select').inputValue()).toBe('write');
    // The pin keeps the read system's number beside the live write one.
    await expect
      .poll(() =>
        page
          .locator('td[data-measure="steadyUnavailability"]:not([data-scenario="live"])')
          .first()
          .textContent(),
      )
      .toBe(unavailability('read'));
    await page.screenshot({ path: '/tmp/systems-quorum.png', fullPage: true });

    // The link reopens on the write system.
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await expect.poll(() => page.locator('#system-select').inputValue(), SLOW).toBe('write');
    await expect.poll(() => cell().textContent(), SLOW).toBe(unavailability('write'));
  });

  test('a model with one system shows no choice', async () => {
    await page.selectOption('#example-select', 'bridge');
    await expect.poll(() => page.locator('#system-choice').isVisible(), SLOW).toBe(false);
  });
});
