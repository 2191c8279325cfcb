/**
 * The explorer against hostile and old links, on a highly available model, without parameters,
 * at 390 px wide and by keyboard, in headless Chromium (test/e2e/harness.ts). Screenshots of
 * every example at 1440 and 390 px go to /tmp/robust-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExplorerState } from '../../web/state/urlState.js';
import { rawLinkHash } from '../web/rawLink.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

// A hash change reloads the page; on a loaded machine that takes longer than poll's 1 s.
const SLOW = { timeout: 30_000 };
const DEFAULT_NAME = 'TMR flight controller';
const VIEW = { curve: 'linear', tornadoPercent: 20 };
const EVIL_PIN = '<a href="https://example.com/">evil</a>';

interface StoredLink {
  readonly name: string;
  readonly hash: string;
  readonly state: ExplorerState;
}
const stored = (
  JSON.parse(readFileSync(join(ROOT, 'test/web/fixtures/links-2026-12.json'), 'utf8')) as {
    readonly links: readonly StoredLink[];
  }
).links;
const storedLink = (name: string): StoredLink => stored.find((link) => link.name === name)!;

/** Crafted link states, each of which the page must refuse. */
const HOSTILE: readonly (readonly [string, unknown])[] = [
  ['a constructor override', { example: 'tmr-voter', overrides: { constructor: 5 }, view: VIEW }],
  ['a __proto__ override', JSON.parse('{"example":"tmr-voter","overrides":{"__proto__":5}}')],
  ['a denormal mission time', { example: 'tmr-voter', overrides: {}, missionTime: 5e-324 }],
  ['an absurd rate', { example: 'tmr-voter', overrides: { lambda: 1e308 } }],
  [
    'a pin with a prototype override',
    {
      example: 'tmr-voter',
      pins: [{ id: 'p1', name: EVIL_PIN, overrides: { prototype: 1 } }],
    },
  ],
  ['a newer link version', { version: 99, example: 'tmr-voter', overrides: {} }],
  ['an unknown example', { example: 'constructor', overrides: {} }],
  ['a state that is a list', [1, 2, 3]],
];

describe.skipIf(!hasChromium('test/e2e/robustness.test.ts'))('robust explorer', () => {
  let explorer: Explorer;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    explorer = await openExplorer();
    page = explorer.page;
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (!url.startsWith(explorer.server.url) && url !== 'about:blank') outside.push(url);
    });
  }, 120_000);

  afterAll(async () => {
    await explorer?.close();
  });

  /** Opens the page fresh on `hash` and waits for the curve to be drawn. */
  const open = async (hash: string): Promise<void> => {
    await page.goto('about:blank');
    await page.goto(`${explorer.server.url}${hash}`);
    await expect
      .poll(() => page.locator('#status').getAttribute('data-redraw-ms'), SLOW)
      .not.toBeNull();
  };
  const figure = (id: string) =>
    page.evaluate((plot) => {
      const element = document.getElementById(plot) as unknown as {
        data?: { name?: string }[];
        layout?: {
          xaxis?: { visible?: boolean };
          yaxis?: { type?: string; visible?: boolean };
          annotations?: { text: string }[];
        };
      };
      return { data: element.data ?? [], layout: element.layout ?? {} };
    }, id);
  const modelName = () => page.locator('#model-name').textContent();

  test.each(HOSTILE)('%s: a banner and the default model, no error', async (_what, data) => {
    errors.length = 0;
    await open(`#${await rawLinkHash(data)}`);
    await expect
      .poll(() => page.locator('#banner').textContent(), SLOW)
      .toMatch(/Showing the default model instead\.$/);
    expect(await modelName()).toBe(DEFAULT_NAME);
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  test.each([
    ['a parameter the model lacks', { example: 'tmr-voter', overrides: { mu: 1 } }],
    ['a negative rate', { example: 'tmr-voter', overrides: { lambda: -1 }, missionTime: 10 }],
    ['a house event on a block model', { example: 'raid5', overrides: { 'panel-in.test': 1 } }],
  ])('%s: the model with its file values and a banner', async (_what, data) => {
    errors.length = 0;
    await open(`#${await rawLinkHash(data)}`);
    await expect
      .poll(() => page.locator('#banner').textContent(), SLOW)
      .toMatch(
        /^the link's values do not fit the model: .+ Showing it with its file's values instead\.$/,
      );
    await expect.poll(modelName, SLOW).not.toBe('');
    expect(await page.locator('#model-issues').isHidden()).toBe(true);
    // The file's values: no parameter is marked as changed.
    await expect.poll(() => page.locator('.param').count()).toBeGreaterThan(0);
    expect(await page.locator('.param.overridden').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a pin named with a link shows its text in the legend, never a link', async () => {
    errors.length = 0;
    const state = {
      example: 'tmr-voter',
      overrides: {},
      pins: [{ id: 'p1', name: EVIL_PIN, overrides: { lambda: 2e-4 } }],
      view: VIEW,
    };
    await open(`#${await rawLinkHash(state)}`);
    await expect.poll(async () => (await figure('plot-curve')).data.length).toBe(2);
    const legend = page.locator('#plot-curve .legend');
    await expect.poll(() => legend.textContent()).toContain(EVIL_PIN);
    expect(await page.locator('.plot .legend a, .plot .legendtext a, .plot a[href]').count()).toBe(
      0,
    );
    expect(await page.locator('#results-pane a[href]').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  test('stored links of December 2026 open as they were made', async () => {
    errors.length = 0;
    const pinned = storedLink('tmr-parameters-pins-log');
    await open(pinned.hash);
    expect(await page.locator('#banner').isHidden()).toBe(true);
    await expect.poll(() => page.locator('#param-lambda').inputValue()).toBe('0.000251');
    expect(await page.locator('th[data-scenario="p1"] input').inputValue()).toBe('hot CPUs');
    expect(await page.locator('input[name="curve-scale"][value="log"]').isChecked()).toBe(true);

    await open(storedLink('fire-detection-house-events').hash);
    await expect.poll(modelName, SLOW).toMatch(/fire/i);
    expect(await page.locator('#banner').isHidden()).toBe(true);
    expect(await page.locator('#house-events input[type="checkbox"]').first().isChecked()).toBe(
      true,
    );

    const opened = storedLink('opened-text-model');
    await open(opened.hash);
    await expect.poll(modelName, SLOW).toBe('Pump pair — ünïcode ✓');
    await expect.poll(() => page.locator('#param-mttr').inputValue()).toBe('24');
    expect(errors).toEqual([]);
  });

  test('a highly available model opens on the log axis with readable ticks; a chosen axis is kept', async () => {
    // raid5's A(t) stays within 1e-7 of 1: the old link (linear, not chosen) now shows log.
    await open(storedLink('raid5-linear').hash);
    await expect
      .poll(async () => (await figure('plot-curve')).layout.yaxis?.type, SLOW)
      .toBe('log');
    expect(await page.locator('input[name="curve-scale"][value="log"]').isChecked()).toBe(true);
    const ticks = await page.locator('#plot-curve .ytick text').allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).not.toMatch(/0\.999/);
    // The user's linear axis is kept by the link.
    await page.click('input[name="curve-scale"][value="linear"]');
    await expect
      .poll(async () => (await figure('plot-curve')).layout.yaxis?.type, SLOW)
      .toBe('linear');
    await expect.poll(() => page.evaluate(() => document.body.dataset.urlState)).toBe('written');
    await page.waitForTimeout(400);
    const url = page.url();
    await open(url.slice(url.indexOf('#')));
    await expect
      .poll(async () => (await figure('plot-curve')).layout.yaxis?.type, SLOW)
      .toBe('linear');
    expect(await page.locator('input[name="curve-scale"][value="linear"]').isChecked()).toBe(true);
    // A model far from 1 keeps the linear axis.
    await page.selectOption('#example-select', 'power-2n');
    await expect.poll(modelName, SLOW).toMatch(/2N power/);
    await expect
      .poll(async () => (await figure('plot-curve')).layout.yaxis?.type, SLOW)
      .toBe('linear');
  });

  test('examples without parameters draw short charts with a reason, not empty axes', async () => {
    await open('');
    for (const name of ['cooling-loop', 'standby-power']) {
      await page.selectOption('#example-select', name);
      for (const id of ['plot-tornado', 'plot-sweep']) {
        await expect
          .poll(async () => (await figure(id)).layout.annotations?.[0]?.text, SLOW)
          .toBe('this model has no parameters to vary');
        const { layout } = await figure(id);
        expect([layout.xaxis?.visible, layout.yaxis?.visible]).toEqual([false, false]);
        expect(
          await page.locator(`#${id}`).evaluate((e) => e.getBoundingClientRect().height),
        ).toBeLessThan(100);
      }
      expect(await page.locator('#sweep-select').isDisabled()).toBe(true);
    }
  });

  test('every control has a label, and text has AA contrast', async () => {
    await open('');
    for (const name of ['tmr-voter', 'fire-detection']) {
      await page.selectOption('#example-select', name);
      await page.waitForTimeout(1500);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
          .filter((e) => e.getClientRects().length > 0 || e.closest('.file-button'))
          .filter((e) => {
            const labelled = e.getAttribute('aria-labelledby');
            const name =
              e.getAttribute('aria-label') ??
              (labelled ? document.getElementById(labelled)?.textContent : undefined) ??
              [...((e as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join(' ');
            const text = e.tagName === 'BUTTON' ? e.textContent : '';
            return `${name}${text}${e.title}`.trim() === '';
          })
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(unlabelled).toEqual([]);
      const poor = await page.evaluate(lowContrastTexts);
      expect(poor).toEqual([]);
    }
  });

  test('the keyboard reaches the example menu, parameters, pin button and plot exports, with a focus ring', async () => {
    await open('');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const reached: { id: string; ring: boolean }[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          // The model editor draws its ring around the whole editor, not its text area.
          const ringed = (e.closest('.cm-editor') as HTMLElement | null) ?? e;
          const style = getComputedStyle(ringed);
          const id = e.id || e.getAttribute('aria-label') || e.tagName;
          // A block of the diagram shows its focus by a frame of its own (its first rect).
          const frame = e.matches('.dg-node') ? e.querySelector('rect') : null;
          const framed = frame !== null && getComputedStyle(frame).visibility === 'visible';
          const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          return { id, ring: outlined || framed };
        }),
      );
    }
    const ids = reached.map((r) => r.id);
    for (const wanted of ['example-select', 'param-lambda-slider', 'param-lambda', 'pin-button']) {
      expect(ids).toContain(wanted);
    }
    expect(ids.some((id) => id.startsWith('download plot-curve'))).toBe(true);
    // The toolbar comes first, then the model, the parameters, the results.
    expect(ids.indexOf('example-select')).toBeLessThan(ids.indexOf('param-lambda'));
    expect(ids.indexOf('param-lambda')).toBeLessThan(ids.indexOf('pin-button'));
    expect(reached.filter((r) => !r.ring && r.id !== 'BODY')).toEqual([]);
  });

  test('at 390 px wide no example overflows the window; screenshots of each at 1440 and 390', async () => {
    await open('');
    const names = await page.locator('#example-select option').allTextContents();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
      for (const name of names) {
        // Drawn: the status's redraw time set anew, the diagram laid out, then a moment for the
        // charts' own layout (a fixed 1.2 s per example made this test 73 s of the browser tests).
        await page.evaluate(() =>
          document.getElementById('status')!.removeAttribute('data-redraw-ms'),
        );
        await page.selectOption('#example-select', name);
        const title = /^name: (.*)$/m.exec(
          readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8'),
        )![1]!;
        await expect.poll(modelName, SLOW).toBe(title);
        await expect
          .poll(
            () =>
              page.evaluate(
                () =>
                  document.getElementById('status')!.dataset.redrawMs !== undefined &&
                  document.querySelector('[aria-busy="true"]') === null,
              ),
            SLOW,
          )
          .toBe(true);
        await page.waitForTimeout(300);
        const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(scrollWidth, name).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `/tmp/robust-${name}-${width}.png`, fullPage: true });
      }
    }
    expect(errors).toEqual([]);
  }, 300_000);
});

/**
 * In the page: the visible text elements whose colour has a WCAG contrast below 4.5:1 against
 * the first opaque background behind them (disabled controls are exempt).
 */
function lowContrastTexts(): string[] {
  const rgb = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]): number => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const background = (element: Element | null): number[] => {
    for (let e = element; e; e = e.parentElement) {
      const parts = rgb(getComputedStyle(e).backgroundColor);
      if (parts.length === 3 || (parts.length === 4 && parts[3]! > 0.9)) return parts;
    }
    return [255, 255, 255];
  };
  const poor: string[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('body *')) {
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
    );
    if (!ownText || element.getClientRects().length === 0 || element.closest('svg')) continue;
    // The editor's own colours are the editor's (its line numbers are aria-hidden).
    if (element.closest('.editor')) continue;
    if (element.closest(':disabled, [aria-disabled="true"]')) continue;
    const style = getComputedStyle(element);
    const fg = luminance(rgb(style.color));
    const bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) {
      poor.push(`${element.tagName}.${element.className} ${style.color} ${ratio.toFixed(2)}`);
    }
  }
  return poor;
}
