/**
 * relkit fit --plot: the SVG is well-formed XML with one marker a failure row and the fitted
 * line where the fit puts it; the PNG is a PNG of the SVG's size × 2; bad flags and paths fail
 * clearly, and no partial file is left.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitLifeData } from '../../src/fit/fitLifeData.js';
import { parseLifeData } from '../../src/fit/lifeData.js';
import { probabilityPlot } from '../../src/fit/probabilityPlot.js';
import { relkit, requireBuiltCli } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

const SHOCK = 'test/fit/data/shock-absorbers.csv';

interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

/** Every element of an XML document, in order; saxes throws on any well-formedness error. */
function elements(xml: string): Element[] {
  const found: Element[] = [];
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) =>
    found.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }),
  );
  parser.write(xml).close();
  return found;
}

const folder = (): string => mkdtempSync(join(tmpdir(), 'relkit-plot-'));

describe('relkit fit --plot', () => {
  it('draws the Weibull fit of the shock absorbers: points, line, band, Kaplan–Meier', () => {
    const file = join(folder(), 'shock.svg');
    const run = relkit('fit', SHOCK, '--dist', 'weibull', '--plot', file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^weibull \(maximum likelihood/m);
    const svg = readFileSync(file, 'utf8');
    const all = elements(svg);
    expect(all[0]!.name).toBe('svg');
    const points = all.filter((e) => e.attributes.class === 'point');
    // 11 failures (circles) in the probability plot, 27 suspension rows (diamonds) on the KM curve.
    expect(points.filter((e) => e.name === 'circle')).toHaveLength(11);
    expect(points.filter((e) => e.name === 'polygon')).toHaveLength(27);
    expect(all.filter((e) => e.attributes.class === 'band')).toHaveLength(2);
    expect(svg).toContain('shape 3.16 (2.009 to 4.973), scale 27720 (22350 to 34380)');

    // The fitted line's ends, mapped back through the frame of the first panel, are on the fit.
    const data = parseLifeData(readFileSync(SHOCK, 'utf8'));
    const fit = fitLifeData(data, 'weibull');
    const plot = probabilityPlot(data, 'weibull', fit);
    const frame = all.find((e) => e.name === 'rect' && e.attributes.stroke === '#666')!;
    const [fx, fy, fw, fh] = ['x', 'y', 'width', 'height'].map((k) => Number(frame.attributes[k]));
    const line = all.find((e) => e.attributes.class === 'line')!;
    const corners = line.attributes.points!.split(' ').map((pair) => pair.split(',').map(Number));
    for (const [px, py] of [corners[0]!, corners.at(-1)!]) {
      const x = plot.xRange[0] + ((px! - fx!) / fw!) * (plot.xRange[1] - plot.xRange[0]);
      const y = plot.yRange[0] + ((fy! + fh! - py!) / fh!) * (plot.yRange[1] - plot.yRange[0]);
      // The line of the Weibull paper: y = β(ln t − ln η); pixels are rounded to 0.01.
      const expected = fit.parameters.shape! * (x - Math.log(fit.parameters.scale!));
      const pixel = (plot.yRange[1] - plot.yRange[0]) / fh!;
      expect(Math.abs(y - expected)).toBeLessThan(0.02 * pixel * (1 + fit.parameters.shape!));
    }
    expect(corners[0]![0]).toBeCloseTo(fx!, 1);
    expect(corners.at(-1)![0]).toBeCloseTo(fx! + fw!, 1);
  });

  it('writes a PNG twice the size of the SVG', () => {
    const file = join(folder(), 'shock.png');
    const run = relkit('fit', SHOCK, '--dist', 'weibull', '--plot', file);
    expect(run.status).toBe(0);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2240, 1100]);
  });

  it('plots the best fit on its own paper with --dist all, and intervals with a note', () => {
    const file = join(folder(), 'inspection.svg');
    const run = relkit('fit', 'test/fit/data/inspection.csv', '--plot', file);
    expect(run.status).toBe(0);
    const best = run.stdout
      .split('\n')
      .find((line) => line.startsWith('1 '))!
      .split(/\s+/)[1];
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain(`inspection.csv: ${best} fit (maximum likelihood)`);
    const points = elements(svg).filter((e) => e.attributes.class === 'point');
    expect(points).toHaveLength(7); // 2 exact failure rows, 5 interval rows at their midpoints
    expect(svg).toContain('plotted at their midpoints');
    expect(svg).toContain('Kaplan–Meier not drawn');
  });

  it('draws points and Kaplan–Meier with --nonparametric, on the paper asked for', () => {
    const file = join(folder(), 'km.svg');
    const run = relkit('fit', SHOCK, '--nonparametric', '--plot', file, '--paper', 'lognormal');
    expect(run.status).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('lognormal probability plot');
    expect(svg).toContain('Kaplan–Meier reliability');
    expect(svg).not.toContain('fit (ML)');
  });

  it('refuses a bad extension, paper or lone --paper with a usage error', () => {
    const cases: [string[], RegExp][] = [
      [['--plot', 'plot.pdf'], /--plot must name a \.svg or \.png file; got "plot\.pdf"/],
      [['--plot', 'p.svg', '--paper', 'weibul'], /--paper must be one of weibull, lognormal/],
      [['--paper', 'weibull'], /--paper chooses the paper of --plot/],
    ];
    for (const [flags, message] of cases) {
      const run = relkit('fit', SHOCK, ...flags);
      expect(run.status).toBe(64);
      expect(run.stderr).toMatch(message);
    }
  });

  it('fails clearly on a path it cannot write, leaving no partial file', () => {
    const dir = folder();
    mkdirSync(join(dir, 'taken.svg'));
    const run = relkit('fit', SHOCK, '--dist', 'weibull', '--plot', join(dir, 'taken.svg'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/taken\.svg: cannot write: is a directory/);
    expect(readdirSync(dir)).toEqual(['taken.svg']);
    const missing = relkit('fit', SHOCK, '--plot', join(dir, 'no', 'such', 'p.png'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/p\.png: cannot write: no such file or directory/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
