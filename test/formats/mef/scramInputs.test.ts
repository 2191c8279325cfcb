/**
 * readMef on the MEF inputs shipped with SCRAM 0.16.2 (Debian package `scram`, GPL: read where
 * the package installs them, never copied here). Each input that holds fault trees reads, with as
 * many gates and basic events as its XML defines, or is refused with located issues naming what
 * relkit does not support. Skipped, with the reason in the title, where the package is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { readMef, type MefFile } from '../../../src/formats/mef/readMef.js';
import { loadModel } from '../../../src/model/loadModel.js';

const INPUTS = '/usr/share/scram/input';
const present = existsSync(INPUTS);

/** Inputs read together (a fault tree and the file of its basic events), and what to expect. */
const READ: readonly (readonly string[])[] = [
  ['BSCU/BSCU.xml'],
  ['Baobab/baobab1.xml', 'Baobab/baobab1-basic-events.xml'],
  ['Baobab/baobab2.xml', 'Baobab/baobab2-basic-events.xml'],
  ['CEA9601/CEA9601.xml', 'CEA9601/CEA9601-basic-events.xml'],
  ['Chinese/chinese.xml', 'Chinese/chinese-basic-events.xml'],
  ['Chinese/chinese.xml', 'Chinese/high-prob.xml'],
  ['Chinese/chinese.xml', 'Chinese/mcs_prob.xml'],
  ['Chinese/chinese.xml', 'Chinese/mixed_mcs_prob.xml'],
  ['EventTrees/gas_leak/gas_leak.xml'],
  ['EventTrees/gas_leak/gas_leak_reactive.xml'],
  ['Lift/lift.xml'],
  ['SmallTree/SmallTree.xml'],
  ['Theatre/theatre.xml'],
  ['ThreeMotor/three_motor.xml', 'ThreeMotor/event_tree.xml'],
  ['TwoTrain/two_train.xml', 'TwoTrain/event_tree.xml'],
  ['TwoTrain/common_cause.xml'],
  ['TwoTrain/substitutions.xml'],
  ['TwoTrain/nondeclarative_substitutions.xml'],
  ['TwoTrain/two_train_alignment.xml'],
  ['ne574/ne574.xml'],
];

/** Inputs refused, with the pattern every issue matches. */
const REFUSED: readonly (readonly [file: string, issue: RegExp, count: number])[] = [
  [
    'HIPPS/HIPPS.xml',
    /^HIPPS\/HIPPS\.xml:\d+:7: <periodic-test>: is not supported: relkit has no periodically tested basic event/,
    8,
  ],
  ['EventTrees/attack.xml', /^EventTrees\/attack\.xml:2:1: holds no gate: /, 1],
  ['EventTrees/attack_alignment.xml', /^EventTrees\/attack_alignment\.xml:2:1: holds no gate: /, 1],
  ['EventTrees/bcd.xml', /^EventTrees\/bcd\.xml:4:1: holds no gate: /, 1],
  ['EventTrees/mef_example.xml', /^EventTrees\/mef_example\.xml:5:1: holds no gate: /, 1],
  [
    'TwoTrain/config.xml',
    /^TwoTrain\/config\.xml:2:1: the root element must be <opsa-mef>; got <scram>$/,
    1,
  ],
];

const load = (name: string): MefFile => ({ name, text: readFileSync(join(INPUTS, name), 'utf8') });
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** Gates and basic events the XML defines: define-gate, define-basic-event and CCF members. */
function definedIn(files: readonly MefFile[]): { gates: number; events: number } {
  const text = files.map((file) => file.text).join('\n');
  const members = [...text.matchAll(/<members>([\s\S]*?)<\/members>/g)];
  return {
    gates: count(text, /<define-gate\b/g),
    events:
      count(text, /<define-basic-event\b/g) +
      members.reduce((sum, [, list]) => sum + count(list ?? '', /<basic-event\b/g), 0),
  };
}

const title = present
  ? `readMef on SCRAM's inputs in ${INPUTS}`
  : `readMef on SCRAM's inputs: skipped, ${INPUTS} is absent (install the Debian package scram)`;

describe.skipIf(!present)(title, () => {
  it.each(READ.map((files) => [files.join(' + '), files] as const))(
    'readMef of %s gives every gate and basic event its XML defines, and loadModel takes it',
    (_name, names) => {
      const files = names.map(load);
      const { source } = readMef(files);
      const data = source.data as {
        events: Record<string, object>;
        fault_tree: { top: string; gates: Record<string, unknown> };
      };
      const expected = definedIn(files);
      expect(Object.keys(data.fault_tree.gates)).toHaveLength(expected.gates);
      expect(Object.keys(data.events)).toHaveLength(expected.events);
      expect(Object.keys(data.fault_tree.gates)).toContain(data.fault_tree.top);
      for (const event of Object.values(data.events)) {
        expect(Object.keys(event).sort()).toSatisfy(
          (keys: string[]) => keys.join() === 'probability' || keys[0] === 'failure',
        );
      }
      expect(loadModel(data).faultTree?.top).toBe(data.fault_tree.top);
    },
  );

  it.each(REFUSED)('readMef of %s is refused with located issues', (name, pattern, issues) => {
    let error: unknown;
    try {
      readMef([load(name)]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelError);
    const lines = (error as ModelError).message.split('\n');
    expect(lines).toHaveLength(issues);
    for (const line of lines) expect(line).toMatch(pattern);
  });

  it('every SCRAM input is one of the cases above', () => {
    const listed = new Set([...READ.flat(), ...REFUSED.map(([name]) => name)]);
    const all = readdirSync(INPUTS, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.xml'),
    );
    expect(all.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('readMef of SCRAM inputs with event trees warns for each element it skipped', () => {
    const { warnings } = readMef(['TwoTrain/two_train.xml', 'TwoTrain/event_tree.xml'].map(load));
    expect(warnings).toEqual([
      'TwoTrain/event_tree.xml:4:3: <define-initiating-event name="I"> skipped: relkit reads only the fault trees of a MEF model, not this initiating event',
      'TwoTrain/event_tree.xml:5:3: <define-event-tree name="EventTree"> skipped: relkit reads only the fault trees of a MEF model, not this event tree',
    ]);
  });

  it('readMef of SmallTree gives lognormal parameters their means and exponential events their rates', () => {
    const { source } = readMef([load('SmallTree/SmallTree.xml')]);
    expect(source.data).toMatchObject({
      name: 'SmallTree',
      mission_time: 8760,
      parameters: { lambda1: 2e-5, lambda2: 1e-5, lambda3: 2e-5, lambda4: 'lambda2' },
      events: { e1: { failure: { rate: 'lambda1' } }, e4: { failure: { rate: 'lambda4' } } },
      fault_tree: { top: 'top', gates: { top: { or: ['g1', 'g2'] } } },
    });
    expect(
      source.locate({ path: ['events', 'e4', 'failure', 'rate'], message: 'm' }),
    ).toMatchObject({
      file: 'SmallTree/SmallTree.xml',
      line: 42,
    });
  });
});
