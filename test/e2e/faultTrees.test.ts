/**
 * The explorer's fault-tree views in real headless Chromium, launched as test/e2e/explorer.test.ts
 * does: each fault-tree example from the menu (the P(top) row, the cut-set count, the importance
 * table sorted by a click, the importance chart), a house event toggled, pinned and restored from
 * the link, and names from a file shown as text. Screenshots go to /tmp/ft-explorer-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadModel, writeMef, type Result } from '../../src/index.js';
import { importanceRows, sortImportanceRows } from '../../web/compute/importance.js';
import { formatProbability } from '../../web/views/format.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';
import type { StaticServer } from './staticServer.js';

const chromiumHere = hasChromium('test/e2e/faultTrees.test.ts');
const TREES = ['fire-detection', 'interlock-not', 'loss-of-cooling', 'safety-function-ccf'];
const text = (name: string) => readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8');
const solve = (name: string, overrides: Record<string, number> = {}): Result =>
  analyze(loadModel(text(name), { overrides }), { points: 2 });
// An event name carrying markup: it must show as these characters, never as an element.
const EVIL = '<img src=x onerror=window.__xss=1>';
// A hash change reloads the page; on a loaded machine that takes longer than poll's 1 s.
const SLOW = { timeout: 30_000 };

describe.skipIf(!chromiumHere)('fault trees in the explorer, headless Chromium', () => {
  let explorer: Explorer;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    explorer = await openExplorer();
    ({ server, page } = explorer);
  }, 120_000);

  afterAll(async () => {
    await explorer?.close();
  });

  const topCell = (scenario = 'live', on: Page = page) =>
    on.locator(`td[data-measure="topEventProbability"][data-scenario="${scenario}"]`);
  const tableOrder = (on: Page = page) =>
    on
      .locator('#importance-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event')));
  const plotData = (id: string, on: Page = page) =>
    on.evaluate(
      (plot) =>
        (
          document.getElementById(plot) as unknown as {
            data?: { y: string[]; x: number[]; customdata?: number[] }[];
          }
        ).data ?? [],
      id,
    );
  const shot = (name: string, on: Page = page) =>
    on.screenshot({ path: `/tmp/ft-explorer-${name}.png`, fullPage: true });

  test.each(TREES)(
    '%s: P(top), the cut-set count and the importance table of analyze',
    async (name) => {
      await page.selectOption('#example-select', name);
      await expect
        .poll(() => page.locator('#model-name').textContent())
        .toBe(loadModel(text(name)).name);
      const result = solve(name);
      const m = result.measures;
      await expect
        .poll(() => topCell().textContent())
        .toBe(formatProbability(m.topEventProbability as number));
      expect(await page.locator('th[scope="row"]', { hasText: 'P(top event)' }).textContent()).toBe(
        'P(top event) at mission',
      );

      const sets = m.minimalCutSets ?? m.primeImplicants!;
      const count = page.locator('#cut-set-count');
      expect(await count.getAttribute('data-count')).toBe(String(sets.count));
      expect(await count.getAttribute('data-kind')).toBe(
        m.minimalCutSets ? 'minimal cut sets' : 'prime implicants',
      );
      expect(await page.locator('ol.cut-sets > li').count()).toBe(Math.min(10, sets.count));
      if (m.primeImplicants) {
        expect(await page.locator('ol.cut-sets').textContent()).toContain('¬');
      }

      // The default order is criticality, largest first; a click sorts by RAW, another turns it.
      const rows = importanceRows(result)!;
      const order = (key: 'criticality' | 'raw', direction: 'ascending' | 'descending') =>
        sortImportanceRows(rows, { key, direction }).map((row) => row.name);
      await expect.poll(() => tableOrder()).toEqual(order('criticality', 'descending'));
      await page.click('#importance-table th[data-key="raw"] button');
      expect(
        await page.locator('#importance-table th[data-key="raw"]').getAttribute('aria-sort'),
      ).toBe('descending');
      expect(await tableOrder()).toEqual(order('raw', 'descending'));
      await page.click('#importance-table th[data-key="raw"] button');
      expect(await tableOrder()).toEqual(order('raw', 'ascending'));
      expect(
        await page.locator('#importance-table th[data-key="rrw"] button').getAttribute('title'),
      ).toMatch(/^risk reduction worth RRW = Q\/Q\(q_i = 0\)/);
      await page.click('#importance-table th[data-key="criticality"] button');

      // One bar per event, from the result's importance (never the old sums over units).
      await page.selectOption('#importance-factor', 'birnbaum');
      await expect
        .poll(async () => (await plotData('plot-importance'))[0]?.y.length)
        .toBe(Math.min(25, rows.length));
      const bars = (await plotData('plot-importance'))[0]!;
      const largest = [...rows].sort((a, b) => b.factors.birnbaum - a.factors.birnbaum)[0]!;
      expect(bars.y.at(-1)).toBe(largest.name);
      expect(Math.max(...bars.x)).toBeLessThanOrEqual(1);
      expect(await page.locator('#importance-title').getAttribute('data-source')).toBe('result');
      await shot(name);
    },
  );

  test('the importance chart shows the chosen factor; RAW on a log axis from 1', async () => {
    await page.selectOption('#example-select', 'fire-detection');
    await expect
      .poll(() => page.locator('#model-name').textContent())
      .toBe('Fire detection and alarm');
    await page.selectOption('#importance-factor', 'raw');
    await expect
      .poll(async () => (await plotData('plot-importance'))[0]?.y.at(-1))
      .toBe('panel_fails');
    const bar = (await plotData('plot-importance'))[0]!;
    // Header of models/fire-detection.yaml: raw(panel_fails) = 924.56934096604269 (mpmath).
    expect(Math.abs(bar.customdata!.at(-1)! / 924.5693409660427 - 1)).toBeLessThan(1e-9);
    const axis = await page.evaluate(
      () =>
        (
          document.getElementById('plot-importance') as unknown as {
            layout: { xaxis: { type: string } };
          }
        ).layout.xaxis.type,
    );
    expect(axis).toBe('log');
    await shot('raw');
    await page.selectOption('#importance-factor', 'birnbaum');
  });

  test('fire-detection: a house event toggled changes P(top), and pins and the link keep it', async () => {
    const box = page.locator('input[data-house="panel_in_test"]');
    expect(await box.isChecked()).toBe(false);
    const before = solve('fire-detection').measures.topEventProbability as number;
    const during = solve('fire-detection', { panel_in_test: 1 }).measures
      .topEventProbability as number;
    expect(during).not.toBe(before);
    await box.check();
    await expect.poll(() => topCell().textContent()).toBe(formatProbability(during));
    const redraw = await page.locator('#status').getAttribute('data-redraw-ms');
    console.info(`fire-detection: house event toggled → P(top) drawn in ${redraw} ms`);
    // The panel in test is a cut set of its own: the empty set, the top event certain.
    await expect.poll(() => page.locator('#cut-set-count').getAttribute('data-count')).toBe('1');
    await page.click('#pin-button');
    await box.uncheck();
    await expect.poll(() => topCell().textContent()).toBe(formatProbability(before));
    await expect.poll(() => topCell('p1').textContent()).toBe(formatProbability(during));
    await shot('house-event');

    await expect.poll(() => page.evaluate(() => location.hash.startsWith('#s='))).toBe(true);
    await page.waitForTimeout(400);
    const url = page.url();
    await page.goto('about:blank');
    await page.goto(url);
    await expect.poll(() => topCell('p1').textContent(), SLOW).toBe(formatProbability(during));
    expect(await topCell().textContent()).toBe(formatProbability(before));
    expect(await page.locator('input[data-house="panel_in_test"]').isChecked()).toBe(false);
    await page.locator('input[data-house="panel_in_test"]').check();
    await expect.poll(() => topCell().textContent()).toBe(formatProbability(during));
    await page.click('#reset-all');
    await expect.poll(() => topCell().textContent()).toBe(formatProbability(before));
    expect(await page.locator('input[data-house="panel_in_test"]').isChecked()).toBe(false);
  });

  test('an event named with markup shows as text in the table, the cut sets and the chart', async () => {
    // A page whose worker answers carry EVIL in place of detector_1, as a file could name it.
    const evil = await explorer.context.newPage();
    await evil.addInitScript((name) => {
      const Native = window.Worker;
      window.Worker = class extends Native {
        override addEventListener(
          type: string,
          listener: EventListenerOrEventListenerObject,
          options?: boolean | AddEventListenerOptions,
        ): void {
          if (type !== 'message' || typeof listener !== 'function') {
            super.addEventListener(type, listener, options);
            return;
          }
          super.addEventListener(
            type,
            (event) => {
              const json = JSON.stringify((event as MessageEvent).data);
              const data: unknown = JSON.parse(json.replaceAll('detector_1', name));
              listener.call(this, new MessageEvent('message', { data }));
            },
            options,
          );
        }
      };
    }, EVIL);
    await evil.goto(server.url);
    await evil.selectOption('#example-select', 'fire-detection');
    const row = evil.locator('#importance-table tbody tr', { hasText: '<img' });
    await expect.poll(() => row.getAttribute('data-event'), SLOW).toBe(EVIL);
    expect(await row.locator('th').textContent()).toBe(EVIL);
    expect(await evil.locator('ol.cut-sets').textContent()).toContain(EVIL);
    expect(await evil.locator('img').count()).toBe(0);
    expect(await evil.evaluate(() => '__xss' in window)).toBe(false);
    // plotly draws the name as SVG text, not as an element.
    await evil.selectOption('#importance-factor', 'diagnostic');
    await expect
      .poll(() => evil.locator('#plot-importance .ytick text', { hasText: '<img' }).count())
      .toBe(1);
    expect(await evil.locator('#plot-importance image, #plot-importance img').count()).toBe(0);
    // A pin named with markup shows as text in the curve legend too.
    await evil.click('#pin-button');
    await evil.locator('th[data-scenario="p1"] input').fill(EVIL);
    await evil.locator('th[data-scenario="p1"] input').press('Enter');
    await expect
      .poll(() => evil.locator('#plot-curve .legendtext', { hasText: '<img' }).count())
      .toBe(1);
    expect(await evil.locator('img').count()).toBe(0);
    await shot('escaped', evil);
    await evil.close();
  });

  test('an Open-PSA MEF file opens translated, with the P(top) of analyze; a bad one is refused', async () => {
    const xml = writeMef(loadModel(text('loss-of-cooling')));
    const file = (name: string, body: string) => ({
      name,
      mimeType: 'application/xml',
      buffer: Buffer.from(body),
    });
    await page.setInputFiles('#open-file', file('cooling.xml', xml));
    await expect
      .poll(() => topCell().textContent(), SLOW)
      .toBe(formatProbability(solve('loss-of-cooling').measures.topEventProbability as number));
    expect(await page.locator('#model-text').textContent()).toContain(
      '# Translated from cooling.xml (Open-PSA MEF)',
    );
    await page.setInputFiles('#open-file', file('broken.xml', xml.replace('</opsa-mef>', '')));
    await expect
      .poll(() => page.locator('#model-issues').textContent())
      .toContain('broken.xml could not be opened:');
    // The translated model stays on the page.
    expect(await topCell().textContent()).toBe(
      formatProbability(solve('loss-of-cooling').measures.topEventProbability as number),
    );
  });

  test('a narrow window keeps the panel legible', async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    await page.selectOption('#example-select', 'loss-of-cooling');
    await expect.poll(() => page.locator('#cut-set-count').getAttribute('data-count')).toBe('19');
    // plotly's responsive resize is debounced.
    await page.waitForTimeout(500);
    const [panel, pane] = await Promise.all([
      page.locator('#ft-panel').boundingBox(),
      page.locator('#results-pane').boundingBox(),
    ]);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(pane!.x + pane!.width);
    await shot('narrow');
    await page.setViewportSize({ width: 1440, height: 1000 });
  });
});
