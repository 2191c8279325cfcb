/**
 * --max-model-size, --max-expression-length and --max-units on the real binary: every command
 * that loads a model takes them, a limit reached names the file, the place and the flag, and a
 * bad value is refused like any other integer flag.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, ROOT, requireBuiltCli, scratch } from '../helpers/cli.js';

const RAID5 = 'models/raid5.yaml';
const RAID5_SIZE = readFileSync(join(ROOT, RAID5), 'utf8').length;
const RAID5_BYTES = statSync(join(ROOT, RAID5)).size;

beforeAll(requireBuiltCli);

describe('model limits on the command line', () => {
  it.each([
    ['validate', []],
    ['analyze', []],
    ['markov', []],
    ['simulate', ['--replications', '10']],
    ['check', ['--replications', '10']],
    ['sweep', ['--param', 'rebuild=12:48:2']],
  ])(
    '%s takes --max-model-size: under it the model is refused naming the flag',
    (command, flags) => {
      // One character short: refused on the text (the file is far below 3 bytes per character).
      const short = RAID5_SIZE - 1;
      const refused = relkit(command, RAID5, ...flags, '--max-model-size', String(short));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(
        `${RAID5}: is ${RAID5_SIZE} characters; the limit is ${short} (--max-model-size or limits.maxModelSize raises it)\n`,
      );
      // Over 3 bytes per character of the limit: refused from the file's size, before reading.
      const tiny = Math.floor(RAID5_BYTES / 3) - 1;
      const unread = relkit(command, RAID5, ...flags, '--max-model-size', String(tiny));
      expect(unread.status).toBe(1);
      expect(unread.stderr).toBe(
        `${RAID5}: is ${RAID5_BYTES} bytes, so more than ${tiny} characters; the limit is ${tiny} (--max-model-size or limits.maxModelSize raises it)\n`,
      );
      // At the file's size it loads and runs (check's verdict on 10 replications aside).
      const raised = relkit(command, RAID5, ...flags, '--max-model-size', String(RAID5_SIZE));
      expect(raised.stderr).not.toMatch(/limit/);
      expect(raised.stdout).not.toBe('');
    },
  );

  it('--max-expression-length raises the expression limit; the message gives the place', () => {
    const long = `${'1.0000+'.repeat(200)}1`;
    const file = scratch(
      'long.yaml',
      `name: x\nparameters:\n  a: "${long}"\ncomponents:\n  c: { failure: { mtbf: a } }\nsystem: c\n`,
    );
    const refused = relkit('validate', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `${file}:3:6: parameters.a is an expression of 1401 characters; the limit is 1000 (--max-expression-length or limits.maxExpressionLength raises it)\n`,
    );
    expect(relkit('validate', file, '--max-expression-length', '1401').stdout).toBe('OK\n');
  });

  it('--max-units raises the unit limit', () => {
    const file = scratch(
      'many.yaml',
      'name: x\ncomponents:\n  c: { count: 150000, failure: { mtbf: 1 } }\nsystem: { koon: { k: 1, of: c } }\n',
    );
    const refused = relkit('validate', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `${file}:3:15: components.c.count brings the number of units to 150000; the limit is 100000 (--max-units or limits.maxUnits raises it)\n`,
    );
    expect(relkit('validate', file, '--max-units', '150000').stdout).toBe('OK\n');
  });

  it.each([
    [['--max-units', '0'], 1, '--max-units must be an integer >= 1; got 0'],
    [['--max-model-size', '2.5'], 1, '--max-model-size must be an integer >= 1; got 2.5'],
    [['--max-expression-length=-3'], 1, '--max-expression-length must be an integer >= 1; got -3'],
    [['--max-units', 'lots'], 64, '--max-units must be a finite number; got "lots"'],
  ])('refuses %j with exit %i and one line', (flags, code, message) => {
    for (const command of ['validate', 'simulate']) {
      const { status, stderr } = relkit(command, RAID5, ...flags);
      expect(status).toBe(code);
      expect(stderr).toBe(`relkit: ${message}\n`);
    }
  });
});
