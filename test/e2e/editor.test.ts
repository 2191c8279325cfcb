/**
 * The model editor (CodeMirror 6) in headless Chromium: its width and line wrapping, the worker's
 * problems as inline diagnostics and in the list, completion from the JSON Schema, the example
 * menu replacing the text, resizing, keyboard use and a 390 px wide window. Screenshots go to
 * /tmp/editor-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, openExplorer, type Explorer } from './harness.js';

const SHOT = (name: string) => `/tmp/editor-${name}.png`;
// A solve (and the debounce before it) can take a few seconds on a loaded machine.
const SLOW = { timeout: 20_000 };

/** The editor's line (a .cm-line) whose text contains `text`. */
const lineWith = (page: Page, text: string): Locator =>
  page.locator('#model-editor .cm-line', { hasText: text }).first();

/** The labels of the open completion list. */
const options = (page: Page): Promise<string[]> =>
  page.locator('.cm-tooltip-autocomplete li .cm-completionLabel').allTextContents();

/** Puts the cursor at the end of the line containing `text`. */
async function endOfLine(page: Page, text: string): Promise<void> {
  await lineWith(page, text).click();
  await page.keyboard.press('End');
}

/** The 1-based number of the editor line containing `text` (all lines of a short model render). */
async function lineNumber(page: Page, text: string): Promise<number> {
  const lines = await page.locator('#model-editor .cm-line').allTextContents();
  return lines.findIndex((line) => line.includes(text)) + 1;
}

describe.skipIf(!hasChromium('test/e2e/editor.test.ts'))('model editor, headless Chromium', () => {
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

  /** Loads an example afresh (choosing the one shown again would not reload its text). */
  async function loadExample(name: string): Promise<void> {
    if ((await page.locator('#example-select').inputValue()) === name) {
      await page.selectOption('#example-select', name === 'bridge' ? 'raid5' : 'bridge');
    }
    await page.selectOption('#example-select', name);
    await expect.poll(() => page.locator('#model-name').textContent(), SLOW).not.toBe('');
  }

  test('the editor is wider than 290 px at 1440 px and wraps a long line', async () => {
    await loadExample('tmr-voter');
    const box = (await page.locator('#model-editor').boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    await endOfLine(page, 'lambda: 1e-4');
    const comment = ' and a long comment that goes on'.repeat(6);
    await page.keyboard.type(comment);
    const line = lineWith(page, 'goes on and a long');
    const lineHeight = await page
      .locator('#model-editor .cm-line')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect((await line.boundingBox())!.height).toBeGreaterThan(2 * lineHeight);
    // Its wrapped rows start right of the line's indentation (2 columns), not at column 0.
    const [firstLeft, lastLeft] = await line.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const lastTop = Math.max(...rects.map((r) => r.top));
      const left = (top: number) =>
        Math.min(...rects.filter((r) => Math.abs(r.top - top) < 2).map((r) => r.left));
      return [left(Math.min(...rects.map((r) => r.top))), left(lastTop)];
    });
    expect(lastLeft - firstLeft).toBeGreaterThan(3 * 6);
    // Nothing is cut off: the text never scrolls sideways.
    const scroller = page.locator('#model-editor .cm-scroller');
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: SHOT('01-wrapped'), fullPage: false });
  });

  test('an error shows inline at its line and in the list; fixing it clears both', async () => {
    await loadExample('tmr-voter');
    await endOfLine(page, 'count: 3');
    await page.keyboard.type(': x');
    const range = page.locator('#model-editor .cm-lintRange-error').first();
    await range.waitFor(SLOW);
    const errorLine = await lineNumber(page, 'count: 3: x');
    // The underline sits on the edited line, its gutter marker beside it.
    const lineBox = (await lineWith(page, 'count: 3: x').boundingBox())!;
    const rangeBox = (await range.boundingBox())!;
    expect(rangeBox.y).toBeGreaterThanOrEqual(lineBox.y - 1);
    expect(rangeBox.y).toBeLessThan(lineBox.y + lineBox.height);
    const marker = (await page
      .locator('#model-editor .cm-lint-marker-error')
      .first()
      .boundingBox())!;
    expect(Math.abs(marker.y + marker.height / 2 - (lineBox.y + lineBox.height / 2))).toBeLessThan(
      lineBox.height,
    );
    const issue = page.locator('#model-issues .issue').first();
    expect(await issue.textContent()).toMatch(new RegExp(`^line ${errorLine}:`));
    // Hovering the underline shows the same message.
    await range.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor(SLOW);
    const message = (await issue.textContent())!.replace(/^line \d+:\d+: /, '');
    expect(await tooltip.textContent()).toContain(message);
    await page.screenshot({ path: SHOT('02-inline-error'), fullPage: false });

    // A click on the listed problem puts the cursor on its line.
    await page.locator('#model-name').click();
    await issue.click();
    await expect
      .poll(() => page.locator('#model-editor .cm-activeLine').textContent())
      .toContain('count: 3: x');

    await endOfLine(page, 'count: 3: x');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('#model-issues').isHidden(), SLOW).toBe(true);
    expect(await page.locator('#model-editor .cm-lintRange-error').count()).toBe(0);
    expect(await page.locator('#model-editor .cm-lint-marker-error').count()).toBe(0);
  });

  test('completion offers the keys a component may still have and inserts the one taken', async () => {
    await loadExample('tmr-voter');
    await endOfLine(page, 'failure: { dist: weibull');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await page.locator('.cm-tooltip-autocomplete').waitFor(SLOW);
    const keys = await options(page);
    expect(keys).toEqual(expect.arrayContaining(['count', 'repair', 'coverage']));
    expect(keys).not.toContain('failure');
    await page.screenshot({ path: SHOT('03-complete-keys'), fullPage: false });
    await page.keyboard.type('rep');
    await page.keyboard.press('Enter');
    expect(await page.locator('#model-editor .cm-activeLine').textContent()).toBe('    repair: ');
  });

  test('completion offers distribution names inside a failure law', async () => {
    await loadExample('tmr-voter');
    await lineWith(page, 'dist: exponential').getByText('exponential').dblclick();
    await page.keyboard.type('log');
    await page.locator('.cm-tooltip-autocomplete').waitFor(SLOW);
    await page.screenshot({ path: SHOT('04-complete-log') });
    expect(await options(page)).toContain('lognormal');
    await page.keyboard.press('Enter');
    expect(await lineWith(page, 'dist: lognormal').textContent()).toContain(
      'failure: { dist: lognormal, rate: lambda }',
    );
    // Right after `dist: ` the list opens by itself with every distribution.
    await endOfLine(page, 'dist: weibull');
    await page.keyboard.press('Enter');
    await page.keyboard.type('repair: { dist: ');
    await page.locator('.cm-tooltip-autocomplete').waitFor(SLOW);
    // Polled: under load the list of the key just typed (repair, …) can still be up a moment.
    await expect
      .poll(() => options(page), SLOW)
      .toEqual(
        expect.arrayContaining(['exponential', 'weibull', 'gamma', 'uniform', 'deterministic']),
      );
    await page.screenshot({ path: SHOT('04-complete-dist'), fullPage: false });
    await page.keyboard.press('Escape');
  });

  test('completion offers component names in system, event and gate names in a fault tree', async () => {
    await loadExample('tmr-voter');
    await endOfLine(page, '- voter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ');
    await page.locator('.cm-tooltip-autocomplete').waitFor(SLOW);
    expect(await options(page)).toEqual(expect.arrayContaining(['cpu', 'voter', 'koon']));
    await page.screenshot({ path: SHOT('05-complete-components'), fullPage: false });
    await page.keyboard.type('cp');
    await page.keyboard.press('Enter');
    expect(await page.locator('#model-editor .cm-activeLine').textContent()).toBe('    - cpu');

    await loadExample('fire-detection');
    // The gates are at the end, below the lines the editor draws: go there first.
    await page.locator('#model-text').focus();
    await page.keyboard.press('Control+End');
    await endOfLine(page, 'fire_not_alarmed: {');
    await page.keyboard.press('Enter');
    // Brackets close themselves: the cursor is in `[]`, where the list opens.
    await page.keyboard.type('extra: { and: [');
    await page.locator('.cm-tooltip-autocomplete').waitFor(SLOW);
    expect(await options(page)).toEqual(
      expect.arrayContaining(['detector_1', 'mains', 'panel_in_test', 'fire_not_detected']),
    );
    await page.screenshot({ path: SHOT('06-complete-events'), fullPage: false });
    await page.keyboard.press('Escape');
  });

  test('choosing an example replaces the text', async () => {
    await loadExample('bridge');
    await expect
      .poll(() => page.locator('#model-editor .cm-content').innerText())
      .toContain('name: Bridge network');
    expect(await page.locator('#model-editor .cm-content').innerText()).not.toContain('TMR');
    expect(await page.locator('#model-issues').isHidden()).toBe(true);
  });

  test('opening a file replaces the text', async () => {
    const text =
      'name: Opened pump\ncomponents:\n  pump:\n    failure: { mtbf: 500 }\nsystem: pump\n';
    await page.setInputFiles('#open-file', {
      name: 'pump.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(text),
    });
    await expect.poll(() => page.locator('#model-name').textContent(), SLOW).toBe('Opened pump');
    expect(await page.locator('#model-editor .cm-line').allTextContents()).toEqual([
      ...text.split('\n'),
    ]);
  });

  test('typed on while an older text is solved: its problem is underlined on its word', async (context) => {
    // A chain of about 83 000 states keeps the worker busy for seconds: the text with the
    // problem waits for it, and the lines typed meanwhile come before the answer.
    const chain = `name: Busy chain\ncomponents:\n${['a', 'b', 'c', 'd']
      .map(
        (n, i) =>
          `  ${n}: { count: 10, failure: { mtbf: ${1000 + 300 * i} }, repair: { mttr: 5 } }`,
      )
      .join('\n')}\nsystem:\n  series:\n${['a', 'b', 'c', 'd']
      .map((n) => `    - koon: { k: 3, of: ${n} }`)
      .join('\n')}\nmaintenance: { crews: 3, priority: [a, b, c, d], idle_while_down: true }\n`;
    await page.setInputFiles('#open-file', {
      name: 'busy.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(chain),
    });
    await expect.poll(() => page.locator('#model-name').textContent(), SLOW).toBe('Busy chain');
    await page.locator('#model-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('oops: 1');
    // The debounce passes: this text is the one solved next.
    await page.waitForTimeout(700);
    const issues = page.locator('#model-issues');
    const range = page.locator('#model-editor .cm-lintRange-error').first();
    let underlined: string | null = null;
    for (let i = 0; i < 400 && underlined === null; i++) {
      // Blank lines at the top, one every 80 ms: never a pause the debounce would take.
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(80);
      if (await issues.isVisible()) underlined = await range.textContent();
    }
    // The race needs the underline drawn while the older answer is shown; when this machine's
    // timing never showed it, the run says nothing either way (skipped, not passed).
    if (underlined === null) {
      await loadExample('tmr-voter');
      context.skip('the underline of the older answer was never seen while typing on');
    }
    expect(underlined).toBe('oops:');
    await page.screenshot({ path: SHOT('09-typed-on'), fullPage: false });
    await loadExample('tmr-voter');
  }, 120_000);

  test('keyboard: the editor is labelled and Tab leaves it', async () => {
    const content = page.locator('#model-text');
    expect(await content.getAttribute('aria-label')).toBe('model text (YAML or JSON)');
    expect(await content.getAttribute('role')).toBe('textbox');
    const focusInEditor = () =>
      page.evaluate(() => document.activeElement?.closest('#model-editor') !== null);
    await content.focus();
    await page.keyboard.press('Tab');
    expect(await focusInEditor()).toBe(false);
    await content.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusInEditor()).toBe(false);
  });

  test('at 390 px wide the editor fits the window, wraps and takes edits', async () => {
    const narrow = await openExplorer({ width: 390, height: 844 });
    try {
      const { page: small } = narrow;
      await small.locator('#numbers td').first().waitFor(SLOW);
      const box = (await small.locator('#model-editor').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.width).toBeGreaterThan(300);
      const scroller = small.locator('#model-editor .cm-scroller');
      expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(
        1,
      );
      await endOfLine(small, 'name: TMR flight controller');
      await small.keyboard.type(' mk2');
      await expect
        .poll(() => small.locator('#model-name').textContent(), SLOW)
        .toBe('TMR flight controller mk2');
      await endOfLine(small, 'count: 3');
      await small.keyboard.press('Enter');
      await small.keyboard.press('Control+Space');
      const list = small.locator('.cm-tooltip-autocomplete');
      await list.waitFor(SLOW);
      const listBox = (await list.boundingBox())!;
      expect(listBox.x).toBeGreaterThanOrEqual(0);
      expect(listBox.x + listBox.width).toBeLessThanOrEqual(390);
      await small.screenshot({ path: SHOT('07-narrow'), fullPage: false });
    } finally {
      await narrow.close();
    }
  }, 120_000);

  test('the bar under the editor resizes it with the keyboard and the pointer', async () => {
    const editor = page.locator('#model-editor');
    const handle = page.getByRole('separator', { name: 'editor height' });
    const height = async () => (await editor.boundingBox())!.height;
    const start = await height();
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    expect(await height()).toBeCloseTo(start - 32, 0);
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBeCloseTo(start - 32, 0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await height()).toBeCloseTo(start + 32, 0);
    await page.keyboard.press('Home');
    expect(await height()).toBe(128);
    expect(await handle.getAttribute('aria-valuemin')).toBe('128');
    await page.screenshot({ path: SHOT('05-resized-small') });
    // Dragging the bar 100 px down.
    const bar = (await handle.boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2 + 100, { steps: 4 });
    await page.mouse.up();
    expect(await height()).toBeCloseTo(228, 0);
    await page.keyboard.press('End');
    expect(await height()).toBeCloseTo(Math.round(0.9 * page.viewportSize()!.height), 0);
  });
});
