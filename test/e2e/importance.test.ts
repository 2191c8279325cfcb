/**
 * Importance per unit and per component in headless Chromium (test/e2e/harness.ts): on tmr-voter
 * (three CPUs of one component) the chart, the table and the diagram's colours switch to the
 * components' group factors, equal to the library's `measures.componentImportance` and, for
 * Birnbaum, at most 1 (a sum over the three CPUs would not be); one choice drives all three
 * views; a fault tree and a model of single units offer no choice; at 1440 px the table of every
 * example fits the results pane without sideways scrolling. Screenshots at 1440 and 390 px:
 * /tmp/importance-*.png.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, loadModel } from '../../src/index.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

const SLOW = { timeout: 30_000 };

describe.skipIf(!hasChromium('test/e2e/importance.test.ts'))('importance per component', () => {
  let explorer: Explorer;
  let page: Page;

  beforeAll(async () => {
    explorer = await openExplorer();
    page = explorer.page;
  }, 120_000);

  afterAll(async () => {
    await explorer?.close();
  });

  /** Opens the page fresh on an example and waits for that example to be drawn. */
  const open = async (example: string): Promise<void> => {
    const name = loadModel(readFileSync(join(ROOT, 'models', `${example}.yaml`), 'utf8')).name;
    const status = page.locator('#status');
    await page.goto('about:blank');
    await page.goto(explorer.server.url);
    await expect.poll(() => status.getAttribute('data-redraw-ms'), SLOW).not.toBeNull();
    if ((await page.locator('#model-name').textContent()) === name) return;
    const before = await status.getAttribute('data-redraw-ms');
    await page.selectOption('#example-select', example);
    await expect.poll(() => page.locator('#model-name').textContent(), SLOW).toBe(name);
    await expect.poll(() => status.getAttribute('data-redraw-ms'), SLOW).not.toBe(before);
  };
  /** The importance chart's bars: name → value. */
  const bars = () =>
    page.evaluate(() => {
      const plot = document.getElementById('plot-importance') as unknown as {
        data: { y: string[]; customdata: number[] }[];
      };
      const [trace] = plot.data;
      return Object.fromEntries(trace!.y.map((name, i) => [name, trace!.customdata[i]!]));
    });

  test('tmr-voter: chart, table and diagram show the group factors of cpu, as the library', async () => {
    const text = readFileSync(join(ROOT, 'models', 'tmr-voter.yaml'), 'utf8');
    const expected = analyze(loadModel(text), { points: 2 }).measures.componentImportance!;
    await open('tmr-voter');
    await expect.poll(() => page.locator('#importance-level-chooser').isVisible(), SLOW).toBe(true);
    await expect
      .poll(async () => Object.keys(await bars()).sort(), SLOW)
      .toEqual(['cpu[1]', 'cpu[2]', 'cpu[3]', 'voter']);
    const units = await bars();
    // The units' Birnbaum values add up past the group's: a sum is not an importance.
    expect(units['cpu[1]']! + units['cpu[2]']! + units['cpu[3]']!).not.toBeCloseTo(
      expected.cpu!.birnbaum,
      3,
    );
    await page.selectOption('#importance-level', 'component');
    await expect.poll(async () => Object.keys(await bars()).sort(), SLOW).toEqual(['cpu', 'voter']);
    const groups = await bars();
    expect(groups.cpu).toBeLessThanOrEqual(1);
    expect(Math.abs(groups.cpu! / expected.cpu!.birnbaum - 1)).toBeLessThan(1e-12);
    expect(groups.voter).toBe(expected.voter!.birnbaum);
    expect(await page.locator('#importance-notes').textContent()).toContain(
      'as the group of its units',
    );
    // One choice for the three views.
    expect(await page.locator('#table-importance-level').inputValue()).toBe('component');
    await expect.poll(() => page.locator('#diagram-level').inputValue(), SLOW).toBe('component');
    const table = page.locator('#importance-table');
    await expect.poll(() => table.locator('tbody tr').count(), SLOW).toBe(2);
    expect(await table.locator('thead th').first().textContent()).toContain('component');
    const cell = table.locator('tr[data-event="cpu"] td[data-factor="birnbaum"]');
    expect(Number(await cell.textContent())).toBeCloseTo(expected.cpu!.birnbaum, 5);
    const colours = () =>
      page
        .locator('.dg-block')
        .evaluateAll((blocks) => blocks.map((b) => (b as HTMLElement).dataset.value ?? ''));
    await expect
      .poll(async () => (await colours()).includes(String(expected.cpu!.birnbaum)), SLOW)
      .toBe(true);
    expect(await page.locator('#diagram-legend').textContent()).toContain('of each component');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.locator('#ft-panel').screenshot({ path: `/tmp/importance-table-${width}.png` });
      await page
        .locator('#plot-importance')
        .locator('xpath=..')
        .screenshot({ path: `/tmp/importance-chart-${width}.png` });
      await page
        .locator('#diagram-panel')
        .screenshot({ path: `/tmp/importance-diagram-${width}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 1000 });
    // Back to units from the table's menu: the chart follows.
    await page.selectOption('#table-importance-level', 'unit');
    await expect.poll(async () => Object.keys(await bars()).length, SLOW).toBe(4);
    expect(await page.locator('#importance-level').inputValue()).toBe('unit');
  });

  test('a fault tree and a model of single units offer no per-component choice', async () => {
    for (const example of ['fire-detection', 'bridge']) {
      await open(example);
      await expect
        .poll(() => page.locator('#importance-table tbody tr').count(), SLOW)
        .toBeGreaterThan(0);
      for (const id of [
        '#importance-level-chooser',
        '#table-level-chooser',
        '#diagram-level-chooser',
      ]) {
        expect(await page.locator(id).isHidden(), `${example} ${id}`).toBe(true);
      }
    }
  });

  test('at 1440 px the importance table of every example fits the pane, per unit and component', async () => {
    const examples = readdirSync(join(ROOT, 'models'))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.replace(/\.yaml$/, ''));
    const overflow = () =>
      page.evaluate(() => {
        const wrap = document.getElementById('importance-wrap')!;
        return wrap.scrollWidth - wrap.clientWidth;
      });
    let tables = 0;
    for (const example of examples) {
      await open(example);
      if (!(await page.locator('#importance-table tbody tr').first().isVisible())) continue;
      tables++;
      expect(await overflow(), `${example} per unit`).toBeLessThanOrEqual(0);
      if (await page.locator('#table-level-chooser').isVisible()) {
        await page.selectOption('#table-importance-level', 'component');
        await expect
          .poll(() => page.locator('#importance-table thead th').first().textContent())
          .toContain('component');
        expect(await overflow(), `${example} per component`).toBeLessThanOrEqual(0);
        await page.selectOption('#table-importance-level', 'unit');
      }
    }
    expect(tables).toBeGreaterThan(8);
  }, 300_000);
});
