/**
 * The diagram panel in headless Chromium (test/e2e/harness.ts): every example draws its blocks or
 * events, a fault tree its gate symbols; a click on a block selects its component in the
 * distribution chart's menu; the colours follow the importance factor; the SVG export is a
 * standalone SVG; and models that are not examples (nested blocks with k-of-n, standby and a
 * network; a fault tree with a shared gate, NOT and XOR) draw too. Screenshots: /tmp/diagram-*.png.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadModel, type FaultNode, type Model, type SystemNode } from '../../src/index.js';
import { SHARED_EDGES } from '../../web/compute/diagram.js';
import { hasChromium, openExplorer, ROOT, type Explorer } from './harness.js';

const EXAMPLES = readdirSync(join(ROOT, 'models'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));
const text = (name: string) => readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8');

/** The boxes a model's diagram must show: every unit where the structure uses it, or every event. */
function expectedBoxes(model: Model): { selector: string; count: number } {
  const tree = model.faultTree;
  if (tree) {
    // Each event once, or at each place when used at more than SHARED_EDGES (gates drawn once).
    const uses = new Map<string, number>();
    const gates = new Set<FaultNode>();
    const visit = (node: FaultNode): void => {
      if (node.kind === 'event' || node.kind === 'house') {
        const key = node.kind === 'event' ? `e${node.event}` : `h${node.name}`;
        uses.set(key, (uses.get(key) ?? 0) + 1);
      } else if (!gates.has(node)) {
        gates.add(node);
        node.children.forEach(visit);
      }
    };
    visit(tree.root);
    const count = [...uses.values()].reduce((sum, n) => sum + (n > SHARED_EDGES ? n : 1), 0);
    return { selector: '.dg-event, .dg-house', count };
  }
  const leaves = (node: SystemNode): number => {
    switch (node.kind) {
      case 'unit':
        return 1;
      case 'standby':
        return node.units.length;
      case 'network':
        return node.edges.length;
      default:
        return node.children.reduce((sum, child) => sum + leaves(child), 0);
    }
  };
  return { selector: '.dg-block', count: model.system ? leaves(model.system) : 0 };
}

const NESTED = `name: Nested blocks
time_unit: h
parameters: { lam: 1e-4 }
components:
  psu: { count: 2, failure: { rate: lam } }
  cpu: { count: 3, failure: { rate: 2e-4 } }
  disk: { count: 4, failure: { mtbf: 8000 } }
  gen_a: { failure: { rate: 5e-4 } }
  gen_b: { failure: { rate: 5e-4 } }
  l1: { failure: { rate: 1e-5 } }
  l2: { failure: { rate: 1e-5 } }
  l3: { failure: { rate: 1e-5 } }
  l4: { failure: { rate: 1e-5 } }
system:
  series:
    - parallel: [psu]
    - parallel:
        - koon: { k: 2, of: cpu }
        - series: [disk]
    - standby: { primary: gen_a, spares: [gen_b], mode: warm, dormancy: 0.2 }
    - network:
        source: in
        sink: out
        edges:
          - { from: in, to: '<img src=x onerror=__xss=1>', via: l1 }
          - { from: in, to: n, via: l2 }
          - { from: '<img src=x onerror=__xss=1>', to: out, via: l3 }
          - { from: n, to: out, via: l4 }
mission_time: 1000
`;

const SHARED_TREE = `name: Shared gate tree
time_unit: h
mission_time: 100
events:
  a: { probability: 0.01 }
  b: { probability: 0.02 }
  c: { failure: { rate: 1e-3 } }
  d: { probability: 0.05 }
house_events: { testing: false }
fault_tree:
  top: top
  gates:
    top: { or: [left, right, testing] }
    common: { and: [a, b] }
    left: { and: [common, { not: c }] }
    right: { xor: [common, d] }
`;

/** A fault tree of 30 trains × 3 channels × 4 events (480 nodes), two events shared by all. */
function largeTree(): string {
  const lines = ['name: Large tree', 'time_unit: h', 'mission_time: 1000', 'events:'];
  const gates = [
    '  gates:',
    `    top: { or: [${Array.from({ length: 30 }, (_, t) => `train_${t}`).join(', ')}] }`,
  ];
  lines.push('  shared_bus: { probability: 1e-4 }', '  shared_air: { failure: { rate: 1e-6 } }');
  for (let t = 0; t < 30; t++) {
    const channels = [0, 1, 2].map((c) => `ch_${t}_${c}`);
    gates.push(`    train_${t}: { atleast: { k: 2, of: [${channels.join(', ')}] } }`);
    for (const channel of channels) {
      const events = [0, 1, 2, 3].map((e) => `${channel}_ev_${e}`);
      for (const event of events)
        lines.push(`  ${event}: { probability: ${1e-3 * (1 + (t % 5))} }`);
      gates.push(`    ${channel}: { or: [${[...events, 'shared_bus', 'shared_air'].join(', ')}] }`);
    }
  }
  return [...lines, 'fault_tree:', '  top: top', ...gates, ''].join('\n');
}

/** A block model of 60 components in series, each stage a pair in parallel, and 40 disks 30-of-40. */
function largeBlocks(): string {
  const lines = ['name: Large blocks', 'time_unit: h', 'mission_time: 1000', 'components:'];
  const stages: string[] = [];
  for (let i = 0; i < 60; i++) {
    lines.push(`  stage_${i}: { count: 2, failure: { rate: ${1e-5 * (1 + (i % 7))} } }`);
    stages.push(`    - parallel: [stage_${i}]`);
  }
  lines.push('  disk: { count: 40, failure: { rate: 1e-5 } }');
  return [...lines, 'system:', '  series:', ...stages, '    - koon: { k: 30, of: disk }', ''].join(
    '\n',
  );
}

describe.skipIf(!hasChromium('test/e2e/diagram.test.ts'))('the diagram panel', () => {
  let explorer: Explorer;
  let page: Page;

  beforeAll(async () => {
    explorer = await openExplorer();
    page = explorer.page;
  }, 180_000);

  afterAll(async () => {
    await explorer?.close();
  });

  /** Waits for the diagram of the model named `name` to be drawn. */
  const drawnFor = async (name: string) => {
    await expect
      .poll(() => page.locator('#model-name').textContent(), { timeout: 20_000 })
      .toBe(name);
    await expect
      .poll(() => page.locator('#diagram svg').getAttribute('aria-label'), { timeout: 20_000 })
      .toContain(name);
    await expect.poll(() => page.locator('#diagram').getAttribute('aria-busy')).toBeNull();
  };
  const shot = (name: string) =>
    page.locator('#diagram-panel').screenshot({ path: `/tmp/diagram-${name}.png` });

  test.each(EXAMPLES)('%s: draws one box per unit used, or per event', async (name) => {
    const model = loadModel(text(name));
    await page.selectOption('#example-select', name);
    if (!model.system && !model.faultTree) {
      await expect.poll(() => page.locator('#diagram-note').textContent()).toMatch(/Markov/);
      return;
    }
    await drawnFor(model.name);
    await shot(name);
    const { selector, count } = expectedBoxes(model);
    expect(await page.locator(`#diagram ${selector}`).count()).toBe(count);
    if (model.faultTree) {
      const gates = page.locator('#diagram .dg-gate');
      expect(await gates.count()).toBeGreaterThan(0);
      expect(await gates.first().locator('path').count()).toBeGreaterThan(0);
      expect(await gates.first().getAttribute('data-gate')).toBe(model.faultTree.root.kind);
    }
  });

  /** Opens a model text as a file, as the Open file… button does. */
  const open = (name: string, content: string) =>
    page.setInputFiles('#open-file', {
      name: `${name}.yaml`,
      mimeType: 'text/yaml',
      buffer: Buffer.from(content),
    });

  test('a click on a block selects its component and marks the sliders of its parameters', async () => {
    await page.selectOption('#example-select', 'tmr-voter');
    await drawnFor('TMR flight controller');
    await page.locator('#diagram .dg-block[data-component="voter"]').click();
    await expect.poll(() => page.locator('#component-select').inputValue()).toBe('voter');
    expect(
      await page.locator('#diagram .dg-block[data-component="voter"]').getAttribute('class'),
    ).toContain('selected');
    await page.locator('#diagram .dg-block[data-component="cpu"]').nth(1).click();
    await expect.poll(() => page.locator('#component-select').inputValue()).toBe('cpu');
    expect(await page.locator('#diagram .dg-block.selected').count()).toBe(3);
    await expect
      .poll(() =>
        page
          .locator('#parameters .param.diagram-uses [data-param]')
          .first()
          .getAttribute('data-param'),
      )
      .toBe('lambda');
    const tooltip = await page
      .locator('#diagram .dg-block[data-component="cpu"] title')
      .first()
      .textContent();
    expect(tooltip).toMatch(/failure: exponential rate 0\.0001/);
    expect(tooltip).toMatch(/Birnbaum \d/);
    await shot('tmr-voter-selected');
  });

  test('the colours follow the importance factor', async () => {
    await page.selectOption('#example-select', 'loss-of-cooling');
    await drawnFor('Loss of cooling');
    const fills = () =>
      page
        .locator('#diagram .dg-event')
        .evaluateAll((nodes) =>
          nodes.map((node) => node.querySelector('circle')?.getAttribute('fill')),
        );
    await page.selectOption('#diagram-factor', 'birnbaum');
    await expect.poll(() => page.locator('#diagram-legend').textContent()).toMatch(/^Birnbaum/);
    const birnbaum = await fills();
    expect(new Set(birnbaum).size).toBeGreaterThan(2);
    await page.selectOption('#diagram-factor', 'raw');
    await expect.poll(() => page.locator('#diagram-legend').textContent()).toMatch(/^RAW/);
    expect(await fills()).not.toEqual(birnbaum);
    // The importance chart shares the factor.
    expect(await page.locator('#importance-factor').inputValue()).toBe('raw');
    await page.selectOption('#diagram-factor', 'birnbaum');
  });

  test('the export buttons give a standalone SVG and a PNG', async () => {
    await page.selectOption('#example-select', 'fire-detection');
    await drawnFor('Fire detection and alarm');
    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#diagram-exports button:text("SVG")'),
    ]);
    expect(svgFile.suggestedFilename()).toBe('relkit-diagram.svg');
    const svgText = readFileSync((await svgFile.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('fire_not_alarmed');
    expect(svgText).toMatch(/width="\d+"/);
    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#diagram-exports button:text("PNG")'),
    ]);
    expect(pngFile.suggestedFilename()).toBe('relkit-diagram.png');
    const png = readFileSync((await pngFile.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A fixed-probability event has no component: a click selects it in the diagram only.
    const detector = page.locator('#diagram .dg-event', { hasText: 'detector_1' }).first();
    await detector.click();
    await expect.poll(() => detector.getAttribute('class')).toContain('selected');
  });

  test('a block model that is no example draws: nested blocks, k-of-n, standby, network', async () => {
    const model = loadModel(NESTED);
    await open('nested', NESTED);
    await drawnFor(model.name);
    await shot('nested');
    expect(await page.locator('#diagram .dg-block').count()).toBe(expectedBoxes(model).count);
    expect(await page.locator('#diagram .dg-group[data-group="koon"]').count()).toBe(1);
    expect(await page.locator('#diagram .dg-group[data-group="standby"]').count()).toBe(1);
    expect(await page.locator('#diagram .dg-group[data-group="network"]').count()).toBe(1);
    expect(await page.locator('#diagram .dg-terminal').count()).toBe(4);
    expect(await page.locator('#diagram .dg-switch').count()).toBe(1);
    // A network node's free-text name is drawn as text, never as markup.
    expect(await page.locator('#diagram .dg-terminal text').allTextContents()).toContain(
      '<img src=x onerror=__xss=1>',
    );
    expect(await page.locator('#diagram img').count()).toBe(0);
    expect(await page.evaluate(() => '__xss' in window)).toBe(false);
  });

  test('a fault tree that is no example draws: a shared gate once, NOT and XOR', async () => {
    const model = loadModel(SHARED_TREE);
    await open('shared', SHARED_TREE);
    await drawnFor(model.name);
    await shot('shared-tree');
    const gates = await page
      .locator('#diagram .dg-gate')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-gate')));
    expect(gates.sort()).toEqual(['and', 'and', 'not', 'or', 'xor']);
    const texts = await page
      .locator('#diagram .dg-node')
      .evaluateAll((nodes) =>
        nodes.map((node) => [...node.querySelectorAll('text')].map((t) => t.textContent)),
      );
    // The shared gate is one node, with a ×2 badge.
    expect(texts.filter((t) => t[0] === 'common')).toEqual([['common', 'AND', '×2']]);
    expect(await page.locator('#diagram .dg-event, #diagram .dg-house').count()).toBe(
      expectedBoxes(model).count,
    );
  });

  test('a tree of hundreds of nodes opens folded, and unfolds gate by gate or all at once', async () => {
    const text = largeTree();
    const model = loadModel(text);
    await open('large', text);
    await drawnFor(model.name);
    await shot('large-folded');
    const drawnNodes = () => page.locator('#diagram .dg-node').count();
    const folded = await drawnNodes();
    expect(folded).toBeLessThanOrEqual(130);
    expect(folded).toBeGreaterThan(20);
    const foldedGate = page.locator('#diagram .dg-gate[aria-label^="unfold"]').first();
    expect(await page.locator('#diagram .dg-gate[aria-label^="unfold"]').count()).toBeGreaterThan(
      0,
    );
    await foldedGate.click();
    await expect.poll(drawnNodes, { timeout: 20_000 }).toBeGreaterThan(folded);
    expect(await page.locator('#diagram-unfold').isVisible()).toBe(true);
    await page.click('#diagram-unfold');
    await expect
      .poll(() => page.locator('#diagram .dg-event').count(), { timeout: 30_000 })
      .toBe(expectedBoxes(model).count);
    await expect.poll(() => page.locator('#diagram').getAttribute('aria-busy')).toBeNull();
    await shot('large-unfolded');
    // The page answers while the tree is laid out: the zoom buttons work.
    await page.click('#diagram-zoom-fit');
    expect(Number(await page.locator('#diagram').getAttribute('data-zoom'))).toBeLessThan(0.6);
    await shot('large-fit');
  });

  test('a long series of blocks wraps into rows; 40 units of one kind are one stack', async () => {
    const text = largeBlocks();
    const model = loadModel(text);
    await open('large-blocks', text);
    await drawnFor(model.name);
    await shot('large-blocks');
    expect(await page.locator('#diagram .dg-block').count()).toBe(121);
    const stack = page.locator('#diagram .dg-block[data-component="disk"]');
    expect(await stack.locator('text').allTextContents()).toEqual(['disk', '× 40 units']);
    // Wrapped: the drawing is not a strip 60 stages long.
    const box = await page.locator('#diagram svg').boundingBox();
    expect(box!.width / box!.height).toBeLessThan(6);
  });

  test('a hand-written Markov chain has no diagram, and the panel says why', async () => {
    const chain = `name: Chain only
time_unit: h
markov:
  states: [{ name: up, up: true }, { name: down, up: false }]
  initial: up
  transitions: [{ from: up, to: down, rate: 1e-3 }, { from: down, to: up, rate: 0.1 }]
`;
    await open('chain', chain);
    await expect.poll(() => page.locator('#model-name').textContent()).toBe('Chain only');
    await expect.poll(() => page.locator('#diagram-note').textContent()).toMatch(/Markov chain/);
    expect(await page.locator('#diagram svg').count()).toBe(0);
    expect(await page.locator('#diagram-legend').textContent()).toBe('');
  });
});
