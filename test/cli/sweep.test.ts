/** relkit sweep on the real binary: CSV rows equal analyze at each point; clear errors. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { parseSweepRange } from '../../src/cli/sweep.js';
import { loadModel } from '../../src/model/loadModel.js';
import { relkit, ROOT, requireBuiltCli } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

describe('relkit sweep', () => {
  it('CSV has one row per point whose values equal analyze of the overridden model', () => {
    const { status, stdout } = relkit(
      'sweep',
      'models/raid5.yaml',
      '--param',
      'disk_mttf=1e5:1e6:log:4',
      '--measure',
      'steadyAvailability,failureFrequency,availability@24',
      '--csv',
    );
    expect(status).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toBe('disk_mttf,method,steadyAvailability,failureFrequency,availability@24');
    expect(rows).toHaveLength(4);
    const text = readFileSync(join(ROOT, 'models/raid5.yaml'), 'utf8');
    const expected = [1e5, 215443.469003188, 464158.883361278, 1e6];
    rows.forEach((row, i) => {
      const [value, method, a, w, a24] = row
        .split(',')
        .map((cell, j) => (j === 1 ? cell : Number(cell)));
      expect(value).toBe(expected[i]);
      expect(method).toBe('analytic');
      const exact = analyze(loadModel(text, { overrides: { disk_mttf: value as number } }), {
        times: [24],
      });
      expect(a).toBe(exact.measures.steadyAvailability);
      expect(w).toBe(exact.measures.failureFrequency);
      expect(a24).toBe(exact.measures.availability!.values[0]);
    });
  });

  it('names the model parameters when --param is not one of them', () => {
    const { status, stderr } = relkit('sweep', 'models/raid5.yaml', '--param', 'disk_mtf=1:2');
    expect(status).toBe(1);
    expect(stderr).toBe(
      'relkit: --param: models/raid5.yaml has no parameter "disk_mtf"; its parameters are disk_mttf, rebuild\n',
    );
  });

  it('--out writes the table atomically', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'relkit-sweep-')), 'sweep.txt');
    writeFileSync(out, 'old');
    const { status } = relkit(
      'sweep',
      'models/raid5.yaml',
      '--param',
      'rebuild=12:48:3',
      '--out',
      out,
    );
    expect(status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(
      /^RAID 5 \(4\+1\): sweep of rebuild from 12 to 48 \(3 points\)\n/,
    );
  });
});

describe('parseSweepRange', () => {
  it('spaces points evenly or geometrically with exact ends', () => {
    expect(parseSweepRange('x=1:3:5').values).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(parseSweepRange('x=1:100:log:3').values).toEqual([1, 10, 100]);
    expect(parseSweepRange('x=0:1').values).toHaveLength(11);
  });

  it('refuses bad syntax and impossible ranges', () => {
    expect(() => parseSweepRange('x')).toThrow(
      /^--param must be NAME=FROM:TO\[:log\]\[:POINTS\]; got "x"$/,
    );
    expect(() => parseSweepRange('x=0:1:log')).toThrow(
      /^--param with log needs FROM > 0 and TO > 0/,
    );
    expect(() => parseSweepRange('x=0:1:0')).toThrow(
      /^--param POINTS must be an integer in \[1, 10000\]/,
    );
  });
});
