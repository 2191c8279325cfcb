/**
 * readMef on wrong or unsupported MEF input: every problem is a ModelError issue located at
 * `file:line:column`, all problems of a file are reported at once, and nothing else escapes,
 * even on truncated or scrambled XML (a small fuzz).
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { readMef } from '../../../src/formats/mef/readMef.js';
import { testRng } from '../../helpers/testRng.js';
import { basic, errorsOf, opsa, read, tree } from './mefInput.js';

/** One gate over basic event `a`, defined; `extra` goes in the same fault tree (line 4 on). */
const withGate = (extra: string): string =>
  tree(
    `<define-gate name="g"><or><basic-event name="a"/></or></define-gate>${basic('a')}\n${extra}`,
  );

const cases: [title: string, text: string, expected: RegExp[]][] = [
  [
    'truncated XML',
    '<opsa-mef>\n<define-fault-tree name="x">',
    [/^model\.xml:2:29: invalid XML: unclosed tag: define-fault-tree$/],
  ],
  [
    'text that is not XML',
    'name: x\n',
    [/^model\.xml:2:1: invalid XML: text data outside of root node$/],
  ],
  [
    'a mismatched close tag',
    opsa('<model-data></define>'),
    [/^model\.xml:3:\d+: invalid XML: unexpected close tag/],
  ],
  [
    'an undefined entity',
    opsa('<model-data>&bomb;</model-data>'),
    [/^model\.xml:3:\d+: invalid XML: undefined entity/],
  ],
  [
    'another root element',
    '<fault-tree/>',
    [/^model\.xml:1:1: the root element must be <opsa-mef>; got <fault-tree>$/],
  ],
  [
    'an unknown top-level element',
    opsa('<define-fault-tre name="x"/>'),
    [
      /^model\.xml:2:1: holds no gate: /,
      /^model\.xml:3:1: unknown element <define-fault-tre> in <opsa-mef>; expected <define-fault-tree>, <model-data>, <define-CCF-group>, <define-event-tree>, /,
    ],
  ],
  [
    'an unknown element in a fault tree',
    withGate('<define-gat name="h"/>'),
    [
      /^model\.xml:5:1: unknown element <define-gat> in <define-fault-tree>; expected <define-gate>, /,
    ],
  ],
  [
    'a gate in model data',
    opsa('<model-data><define-gate name="g"><basic-event name="a"/></define-gate></model-data>'),
    [
      /^model\.xml:2:1: holds no gate: /,
      /^model\.xml:3:13: unknown element <define-gate> in <model-data>; expected <define-basic-event>, <define-house-event>, <define-parameter>$/,
    ],
  ],
  [
    'an unknown formula',
    tree('<define-gate name="g"><maybe><basic-event name="a"/></maybe></define-gate>' + basic('a')),
    [/^model\.xml:4:23: <maybe> is not a MEF formula element \(and, or, /],
  ],
  [
    'an element named constructor',
    withGate('<define-parameter name="p"><constructor/></define-parameter>'),
    [/^model\.xml:5:28: <constructor>: is not a MEF expression element$/],
  ],
  [
    'a gate naming an undefined event',
    tree('<define-gate name="g"><or><gate name="h"/><event name="nothing"/></or></define-gate>'),
    [
      /^model\.xml:4:27: <gate name="h">: "h" names no defined gate$/,
      /^model\.xml:4:43: <event name="nothing">: "nothing" names no defined gate or basic event or house event$/,
    ],
  ],
  [
    'a reference of the wrong kind',
    withGate('<define-gate name="h"><gate name="a"/></define-gate>'),
    [/^model\.xml:5:23: <gate name="a">: "a" is a basic event, not a gate$/],
  ],
  [
    'an event type that is no kind',
    withGate('<define-gate name="h"><event name="a" type="pump"/></define-gate>'),
    [
      /^model\.xml:5:23: <event name="a"> type must be gate, basic-event or house-event; got "pump"$/,
    ],
  ],
  [
    'a private name seen from another fault tree',
    opsa(
      '<define-fault-tree name="A"><define-gate name="top"><gate name="sub"/></define-gate></define-fault-tree>\n<define-fault-tree name="B"><define-gate name="sub" role="private"><basic-event name="x"/></define-gate>' +
        basic('x') +
        '</define-fault-tree>',
    ),
    [
      /^model\.xml:3:53: <gate name="sub">: "sub" names no defined gate here \(the private B\.sub is reached by that full name\)$/,
    ],
  ],
  [
    'a name defined twice',
    withGate(basic('a')),
    [/^model\.xml:5:1: the event "a" is defined twice; first at model\.xml:4:69$/],
  ],
  [
    'a gate and a basic event of one name',
    withGate('<define-gate name="a"><basic-event name="a"/></define-gate>'),
    [/^model\.xml:5:1: the event "a" is defined twice; first at model\.xml:4:69$/],
  ],
  [
    'a definition without a name',
    withGate('<define-basic-event><float value="1"/></define-basic-event>'),
    [/^model\.xml:5:1: <define-basic-event> must have a name$/],
  ],
  [
    'a dotted definition name',
    withGate('<define-basic-event name="x.y"><float value="1"/></define-basic-event>'),
    [/^model\.xml:5:1: <define-basic-event name="x.y">: a name must not contain "\."$/],
  ],
  [
    'a bad role',
    withGate('<define-basic-event name="b" role="secret"><float value="1"/></define-basic-event>'),
    [
      /^model\.xml:5:1: <define-basic-event name="b">: role must be public or private; got "secret"$/,
    ],
  ],
  [
    'a malformed float',
    withGate('<define-parameter name="p"><float value="1,5"/></define-parameter>'),
    [/^model\.xml:5:28: <float>: value must be a finite number; got "1,5"$/],
  ],
  [
    'an infinite float',
    withGate('<define-parameter name="p"><float value="INF"/></define-parameter>'),
    [/^model\.xml:5:28: <float>: value must be a finite number; got "INF"$/],
  ],
  [
    'a float without a value',
    withGate('<define-parameter name="p"><float/></define-parameter>'),
    [/^model\.xml:5:28: <float>: value must be a finite number; got null$/],
  ],
  [
    'a fractional int',
    withGate('<define-parameter name="p"><int value="2.5"/></define-parameter>'),
    [/^model\.xml:5:28: <int>: value must be a finite integer; got "2\.5"$/],
  ],
  [
    'a division by zero',
    withGate(
      '<define-parameter name="p"><div><float value="1"/><float value="0"/></div></define-parameter>',
    ),
    [/^model\.xml:5:28: <div>: evaluates to Infinity; relkit takes finite numbers only$/],
  ],
  [
    'a periodic test',
    withGate(
      '<define-basic-event name="t"><periodic-test><float value="1e-6"/><float value="720"/><float value="0"/><system-mission-time/></periodic-test></define-basic-event>',
    ),
    [
      /^model\.xml:5:30: <periodic-test>: is not supported: relkit has no periodically tested basic event; give its probability or rates instead$/,
    ],
  ],
  [
    'a conditional expression',
    withGate(
      '<define-parameter name="p"><ite><bool value="true"/><float value="1"/><float value="2"/></ite></define-parameter>',
    ),
    [
      /^model\.xml:5:28: <ite>: is not supported: relkit expressions are numeric: no Boolean or conditional expression$/,
    ],
  ],
  [
    'a modulo',
    withGate(
      '<define-parameter name="p"><mod><int value="5"/><int value="2"/></mod></define-parameter>',
    ),
    [/^model\.xml:5:28: <mod>: is not supported: relkit expressions have no mod$/],
  ],
  [
    'an operation with the wrong number of arguments',
    withGate(
      '<define-parameter name="p"><neg><int value="5"/><int value="2"/></neg></define-parameter>',
    ),
    [/^model\.xml:5:28: <neg>: takes 1 argument; got 2$/],
  ],
  [
    'an undefined parameter',
    withGate('<define-parameter name="p"><parameter name="q"/></define-parameter>'),
    [/^model\.xml:5:28: <parameter name="q">: "q" names no defined parameter$/],
  ],
  [
    'a basic event without an expression',
    withGate('<define-basic-event name="b"><label>no value</label></define-basic-event>'),
    [
      /^model\.xml:5:1: <define-basic-event name="b"> must hold one expression \(a basic event without one has no probability; SCRAM refuses it too\); got none$/,
    ],
  ],
  [
    'a gate with two formulas',
    withGate('<define-gate name="h"><basic-event name="a"/><basic-event name="a"/></define-gate>'),
    [/^model\.xml:5:1: <define-gate name="h"> must hold one formula; got 2$/],
  ],
  [
    'a not of two',
    withGate(
      '<define-gate name="h"><not><basic-event name="a"/><basic-event name="a"/></not></define-gate>',
    ),
    [/^model\.xml:5:23: <not> takes 1 argument; got 2$/],
  ],
  [
    'an atleast without min',
    withGate('<define-gate name="h"><atleast><basic-event name="a"/></atleast></define-gate>'),
    [/^model\.xml:5:23: <atleast>: min must be a whole number >= 0; got null$/],
  ],
  [
    'a cardinality that always holds',
    withGate(
      '<define-gate name="h"><cardinality min="0" max="1"><basic-event name="a"/></cardinality></define-gate>',
    ),
    [
      /^model\.xml:5:23: <cardinality> with min 0 and max 1 of 1 arguments is always true; relkit has no constant gate \(use a house event\)$/,
    ],
  ],
  [
    'a house event with a bad constant',
    withGate('<define-house-event name="h"><constant value="maybe"/></define-house-event>'),
    [
      /^model\.xml:5:1: <define-house-event name="h"> must hold nothing or one <constant value="true\|false"\/>$/,
    ],
  ],
  [
    'two gates in a cycle',
    tree(
      '<define-gate name="g1"><or><gate name="g2"/><basic-event name="a"/></or></define-gate>\n<define-gate name="g2"><and><gate name="g1"/></and></define-gate>' +
        basic('a'),
    ),
    [/^model\.xml:4:1: gate "g1" is part of a cycle: g1 → g2 → g1$/],
  ],
  [
    'a gate naming itself',
    withGate('<define-gate name="h"><or><gate name="h"/></or></define-gate>'),
    [/^model\.xml:5:1: gate "h" is part of a cycle: h → h$/],
  ],
  [
    'a CCF group of an unknown model',
    withGate(
      '<define-CCF-group name="c" model="beta"><members><basic-event name="x"/><basic-event name="y"/></members><distribution><float value="0.1"/></distribution><factor><float value="0.1"/></factor></define-CCF-group>',
    ),
    [
      /^model\.xml:5:1: <define-CCF-group name="c">: model must be beta-factor, MGL, alpha-factor or phi-factor; got "beta"$/,
    ],
  ],
  [
    'a CCF group of one member',
    withGate(
      '<define-CCF-group name="c" model="beta-factor"><members><basic-event name="x"/></members><distribution><float value="0.1"/></distribution><factor><float value="0.1"/></factor></define-CCF-group>',
    ),
    [
      /^model\.xml:5:1: <define-CCF-group name="c">: a CCF group must have at least 2 members; got 1$/,
    ],
  ],
  [
    'a beta-factor group with two factors',
    withGate(
      '<define-CCF-group name="c" model="beta-factor"><members><basic-event name="x"/><basic-event name="y"/></members><distribution><float value="0.1"/></distribution><factors><factor><float value="0.1"/></factor><factor><float value="0.1"/></factor></factors></define-CCF-group>',
    ),
    [/^model\.xml:5:1: <define-CCF-group name="c">: a beta-factor group takes one factor; got 2$/],
  ],
  [
    'an MGL group missing a level',
    withGate(
      '<define-CCF-group name="c" model="MGL"><members><basic-event name="x"/><basic-event name="y"/><basic-event name="z"/></members><distribution><float value="0.1"/></distribution><factor level="3"><float value="0.1"/></factor></define-CCF-group>',
    ),
    [
      /^model\.xml:5:1: <define-CCF-group name="c">: has no factor for level 2 \(levels 2 to 3 are needed\)$/,
    ],
  ],
  [
    'a factor level above the members',
    withGate(
      '<define-CCF-group name="c" model="alpha-factor"><members><basic-event name="x"/><basic-event name="y"/></members><distribution><float value="0.1"/></distribution><factors><factor level="1"><float value="0.9"/></factor><factor level="3"><float value="0.1"/></factor></factors></define-CCF-group>',
    ),
    [
      /^model\.xml:5:\d+: <factor>: level must be a whole number in \[1, 2\] for a alpha-factor group of 2 members; got 3$/,
    ],
  ],
  [
    'a factor level given twice',
    withGate(
      '<define-CCF-group name="c" model="phi-factor"><members><basic-event name="x"/><basic-event name="y"/></members><distribution><float value="0.1"/></distribution><factors><factor level="1"><float value="0.9"/></factor><factor level="1"><float value="0.1"/></factor></factors></define-CCF-group>',
    ),
    [/^model\.xml:5:\d+: <factor>: level 1 has a factor already$/],
  ],
  [
    'a file of event trees only',
    opsa(
      '<define-event-tree name="ET"><initial-state><sequence name="S"/></initial-state></define-event-tree>',
    ),
    [
      /^model\.xml:2:1: holds no gate: relkit reads the fault trees of a MEF model, and there is none$/,
    ],
  ],
];

describe('readMef refuses wrong input with located errors', () => {
  it.each(cases)('readMef of %s throws a located ModelError', (_title, text, expected) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(expected.length);
    errors.forEach((error, i) => expect(error).toMatch(expected[i]!)); // expected has errors.length entries
  });

  it('readMef reports a parameter defined in two files at the second, with the first', () => {
    const first = opsa(
      '<model-data><define-parameter name="p"><float value="1"/></define-parameter></model-data>',
    );
    expect(
      errorsOf([
        { name: 'one.xml', text: withGate('') },
        { name: 'two.xml', text: first },
        { name: 'three.xml', text: first },
      ]),
    ).toEqual(['three.xml:3:13: the parameter "p" is defined twice; first at two.xml:3:13']);
  });

  it('readMef reports every problem of the files at once, in file and line order', () => {
    const errors = errorsOf(
      tree(`<define-gate name="g"><or><gate name="h"/><basic-event name="b"/></or></define-gate>
<define-basic-event name="b"><float value="x"/></define-basic-event>
<define-parameter name="p"><acos><float value="1"/></acos></define-parameter>`),
    );
    expect(errors).toEqual([
      'model.xml:4:27: <gate name="h">: "h" names no defined gate',
      'model.xml:5:30: <float>: value must be a finite number; got "x"',
      'model.xml:6:28: <acos>: is not supported: relkit expressions have no acos',
    ]);
  });

  it('readMef of no file throws a ModelError', () => {
    expect(() => readMef([])).toThrow(
      new ModelError([{ file: '<input>', path: '', message: 'no MEF file to read' }]),
    );
  });
});

describe('readMef on scrambled input throws nothing but ModelError (fuzz)', () => {
  const valid =
    tree(`<define-gate name="top"><or><gate name="g"/><atleast min="2"><basic-event name="a"/><basic-event name="b"/><house-event name="h"/></atleast></or></define-gate>
<define-gate name="g"><and><basic-event name="a"/><not><event name="b"/></not></and></define-gate>
<define-basic-event name="a"><exponential><parameter name="lam"/><system-mission-time/></exponential></define-basic-event>
<define-basic-event name="b"><lognormal-deviate><float value="1e-3"/><float value="3"/><float value="0.95"/></lognormal-deviate></define-basic-event>
<define-house-event name="h"><constant value="false"/></define-house-event>
<define-parameter name="lam"><mul><float value="2"/><float value="1e-4"/></mul></define-parameter>
<define-CCF-group name="c" model="MGL"><members><basic-event name="x"/><basic-event name="y"/></members><distribution><float value="0.1"/></distribution><factors><factor level="2"><float value="0.1"/></factor></factors></define-CCF-group>`);
  const outcome = (text: string): string => {
    try {
      read(text);
      return 'read';
    } catch (error) {
      if (error instanceof ModelError && error.issues.every((issue) => issue.line !== undefined)) {
        return 'located';
      }
      throw error;
    }
  };

  it('readMef of the valid fuzz seed reads', () => {
    expect(outcome(valid)).toBe('read');
  });

  it('readMef of every truncation of a valid file throws a located ModelError', () => {
    for (let end = 0; end < valid.trimEnd().length; end += 7) {
      expect(outcome(valid.slice(0, end))).toBe('located');
    }
  });

  it('readMef of a valid file with tags and attributes swapped reads or throws a located ModelError', () => {
    const rng = testRng(20_260_416);
    const tags = [...new Set(valid.match(/(?<=<\/?)[A-Za-z-]+/g))];
    const words = [
      ...tags,
      'name',
      'min',
      'level',
      'value',
      'model',
      'top',
      'g',
      'a',
      'lam',
      'constructor',
      '__proto__',
      '0',
      '-1',
      '1e999',
      '',
    ];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!; // index < length
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 300; trial++) {
      // Replace one or two word occurrences: XML stays well-formed or not, names shift.
      let text = valid;
      for (let change = 0; change < 1 + Math.floor(rng.next() * 2); change++) {
        const found = [...text.matchAll(/[A-Za-z_][\w-]*|\d[\w.+-]*/g)];
        const target = pick(found);
        const at = target.index;
        text = text.slice(0, at) + pick(words) + text.slice(at + target[0].length);
      }
      outcomes.add(outcome(text));
    }
    // Both happen: the fuzz is not refusing everything.
    expect([...outcomes].sort()).toEqual(['located', 'read']);
  });

  it('readMef of gates nested 600 deep refuses the depth at its element', () => {
    const deep = `${'<and>'.repeat(600)}<basic-event name="a"/>${'</and>'.repeat(600)}`;
    expect(errorsOf(tree(`<define-gate name="g">${deep}</define-gate>${basic('a')}`))).toEqual([
      'model.xml:4:2508: <and> is nested more than 500 elements deep',
    ]);
  });

  it('readMef of a chain of 20 000 gates reads it without overflowing the stack', () => {
    const gates = Array.from({ length: 20_000 }, (_, i) =>
      i === 19_999
        ? `<define-gate name="g${i}"><basic-event name="a"/></define-gate>`
        : `<define-gate name="g${i}"><gate name="g${i + 1}"/></define-gate>`,
    );
    const { source } = read(tree(`${gates.join('\n')}\n${basic('a')}`));
    expect((source.data as { fault_tree: { top: string } }).fault_tree.top).toBe('g0');
  });
});
