/**
 * Random valid models with proof tests, for the differential test of the three solvers
 * (test/fuzz/proofTests.differential.test.ts): one to four components with exponential failure
 * times; the first and most others are proof-tested (interval, sometimes a duration, partial coverage or an offset
 * first test) and repaired at once at the test or never; the others repaired exponentially or
 * never; sometimes a beta-factor group over a proof-tested component's units; a random series,
 * parallel and k-out-of-n structure; a mission of one to ten test intervals.
 */
import { Draw } from './draw.js';
import { testRng } from './testRng.js';

/** A generated model: its text and the features drawn, for triage. */
export interface RandomProofTestModel {
  readonly text: string;
  readonly features: readonly string[];
}

/** A number as written in the file: 3 significant digits. */
function num(x: number): number {
  return Number(x.toPrecision(3));
}

/**
 * Returns the random proof-tested model of `seed`.
 *
 * @param seed - any integer; one seed, one model
 */
export function randomProofTestModel(seed: number): RandomProofTestModel {
  const draw = new Draw(testRng(seed));
  const features = new Set<string>();
  const lines = [`name: proof-tested ${seed}`, 'components:'];
  const items: string[] = [];
  let longest = 0;
  let groups = 0;
  const ccf: string[] = [];
  const n = draw.int(1, 4);
  for (let c = 1; c <= n; c++) {
    const name = `c${c}`;
    const count = draw.int(1, 3);
    const fields = [`count: ${count}`, `failure: { rate: ${num(draw.logUniform(-5, -3))} }`];
    // The first component is always proof-tested, the others often.
    if (c === 1 || draw.chance(0.7)) {
      const interval = num(draw.logUniform(2, 3.5));
      longest = Math.max(longest, interval);
      const plan = [`interval: ${interval}`];
      if (draw.chance(0.4)) {
        plan.push(`duration: ${num(draw.u() * 0.05 * interval)}`);
        features.add('duration');
      }
      if (draw.chance(0.4)) {
        plan.push(`coverage: ${num(0.5 + 0.5 * draw.u())}`);
        features.add('coverage');
      }
      if (draw.chance(0.4)) {
        plan.push(`first: ${num(interval * (0.1 + 0.9 * draw.u()))}`);
        features.add('first');
      }
      fields.push(`inspection: { ${plan.join(', ')} }`);
      if (draw.chance(0.8)) fields.push('repair: { dist: deterministic, value: 0 }');
      else features.add('unrepaired');
      if (count > 1 && draw.chance(0.5)) ccf.push(name);
    } else if (draw.chance(0.6)) {
      fields.push(`repair: { mttr: ${num(draw.logUniform(0, 2))} }`);
      features.add('repairable');
    }
    lines.push(`  ${name}: { ${fields.join(', ')} }`);
    items.push(count === 1 ? name : `{ koon: { k: ${draw.int(1, count)}, of: ${name} } }`);
  }
  if (ccf.length > 0) {
    lines.push('common_cause:');
    for (const name of ccf) {
      lines.push(
        `  - { members: [${name}], model: beta-factor, beta: ${num(0.01 + 0.2 * draw.u())} }`,
      );
      groups++;
    }
    features.add('ccf');
  }
  const shuffled = draw.shuffle(items);
  const kind = shuffled.length === 1 ? 'single' : draw.pick(['series', 'parallel', 'koon']);
  features.add(`root:${kind}`);
  if (kind === 'single') lines.push(`system: ${shuffled[0]}`);
  else if (kind === 'koon') {
    lines.push(
      `system: { koon: { k: ${draw.int(1, shuffled.length)}, of: [${shuffled.join(', ')}] } }`,
    );
  } else lines.push(`system: { ${kind}: [${shuffled.join(', ')}] }`);
  lines.push(`mission_time: ${num(longest * (1 + 9 * draw.u()))}`, '');
  if (groups > 1) features.add('ccf:several');
  return { text: lines.join('\n'), features: [...features].sort() };
}
