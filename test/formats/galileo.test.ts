/**
 * readGalileo: the static Galileo subset read into relkit's fault-tree document, its locator,
 * the located refusals (dynamic gates, dormancy, syntax), and the document loaded by relkit.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { readGalileo, type ReadGalileoOptions } from '../../src/formats/galileo.js';
import { evaluateModel, parseModelSource } from '../../src/model/loadModel.js';
import type { Model } from '../../src/model/Model.js';

const TREE = `// A pump train, from a DFT tool
toplevel "System";
"System" or "Trains" "Valve";
/* both trains,
   each a pump */ "Trains" and "Pump-A" PumpB;
"Valve" 2of3 v1 v2 "v3";
"Pump-A" lambda=1e-4 repair = 0.05;
PumpB lambda=2e-4;
v1 prob=0.01; v2 prob=1e-2; "v3" PROB=.01;
`;

/** The formatted messages of the ModelError that reading `text` must throw. */
function errorsOf(text: string): string[] {
  try {
    readGalileo({ name: 'f.dft', text });
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).message.split('\n');
  }
  return expect.fail('the file was accepted');
}

function load(text: string, options: ReadGalileoOptions = {}): Model {
  return evaluateModel(parseModelSource(readGalileo({ name: 'f.dft', text }, options)), {});
}

describe('readGalileo', () => {
  it('reads toplevel, and, or, KofM and basic events into the fault-tree document', () => {
    expect(readGalileo({ name: 'dir/train.dft', text: TREE }).data).toEqual({
      name: 'train',
      time_unit: 'h',
      mission_time: 8760,
      events: {
        'Pump-A': { failure: { rate: 1e-4 }, repair: { rate: 0.05 } },
        PumpB: { failure: { rate: 2e-4 } },
        v1: { probability: 0.01 },
        v2: { probability: 0.01 },
        v3: { probability: 0.01 },
      },
      fault_tree: {
        top: 'System',
        gates: {
          System: { or: ['Trains', 'Valve'] },
          Trains: { and: ['Pump-A', 'PumpB'] },
          Valve: { atleast: { k: 2, of: ['v1', 'v2', 'v3'] } },
        },
      },
    });
  });

  it('reads votK as KofM, takes the mission time from options, and passes other values as expressions', () => {
    const { data } = readGalileo(
      { name: 'v', text: 'toplevel V;\nV vot2 a b c;\na lambda=1/3;\nb prob=0.1;\nc prob=0.1;' },
      { missionTime: 100 },
    );
    expect(data.fault_tree.gates).toEqual({ V: { atleast: { k: 2, of: ['a', 'b', 'c'] } } });
    expect(data.events.a).toEqual({ failure: { rate: '1/3' } });
    expect(data.mission_time).toBe(100);
  });

  it('locates document paths at the Galileo token they came from, the nearest recorded prefix', () => {
    const source = readGalileo({ name: 'train.dft', text: TREE });
    const at = (...path: (string | number)[]): (number | undefined)[] => {
      const { line, column } = source.locate({ path, message: 'm' });
      return [line, column];
    };
    expect(at('fault_tree', 'top')).toEqual([2, 10]);
    expect(at('fault_tree', 'gates', 'Trains', 'and', 1)).toEqual([5, 41]);
    expect(at('fault_tree', 'gates', 'Valve', 'atleast', 'k')).toEqual([6, 9]);
    expect(at('fault_tree', 'gates', 'Valve', 'atleast', 'of', 2)).toEqual([6, 20]);
    expect(at('events', 'Pump-A', 'repair', 'rate')).toEqual([7, 31]);
    expect(at('events', 'v3', 'probability')).toEqual([9, 39]);
    expect(at('events', 'PumpB', 'no', 'such', 'key')).toEqual([8, 1]);
    expect(source.locate({ path: ['mission_time'], message: 'm' })).toEqual({
      file: 'train.dft',
      path: 'mission_time',
      message: 'm',
    });
  });

  it('refuses every dynamic gate at its line, naming the static gates it reads', () => {
    const gates = ['pand', 'por<', 'wsp', 'csp', 'hsp', 'spare', 'fdep', 'seq', 'mutex', 'insp2'];
    const text = [
      'toplevel G0;',
      ...gates.map((type, i) => `G${i} ${type} a b;`),
      'P pdep=0.5 a b;',
      'a lambda=1;',
      'b lambda=1;',
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(gates.length + 1);
    expect(errors[2]).toBe(
      'f.dft:4:4: gate "G2": wsp (warm spare) is a dynamic gate; relkit reads the static gates and, or, KofM (such as 2of3) and votK (such as vot2)',
    );
    expect(errors[0]).toMatch(/^f\.dft:2:4: gate "G0": pand \(priority-AND\) is a dynamic gate; /);
    expect(errors[9]).toMatch(/^f\.dft:11:4: gate "G9": insp2 \(inspection\) is a dynamic gate; /);
    expect(errors[10]).toMatch(/^f\.dft:12:3: gate "P": pdep \(probabilistic dependency\) is /);
  });

  it('refuses dorm= and attributes it does not read, naming those it reads', () => {
    expect(errorsOf('toplevel A;\nA lambda=1 dorm=0.5;\nB lambda=1 phases=2;')).toEqual([
      'f.dft:2:12: basic event "A": dorm= (dormancy) only matters under spare gates, which are dynamic; relkit reads lambda= (failure rate), prob= (fixed probability) and repair= (repair rate)',
      'f.dft:3:12: basic event "B": phases= is not an attribute relkit reads; it reads lambda= (failure rate), prob= (fixed probability) and repair= (repair rate)',
    ]);
  });

  it('reports every syntax problem at once, each at its line and column', () => {
    const text = [
      'toplevel A B;',
      'toplevel C;',
      '"A" and b',
      'C or "d;',
      'D;',
      'E 2of3 a b;',
      'E and a;',
      'F foo a;',
      'G lambda=1 prob=0.1;',
      'H dorm=1 x=2;',
      'I prob=0.1 repair=2;',
      'J lambda 1;',
      '/* open',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      'f.dft:1:1: toplevel must be followed by one name, as in toplevel "System";',
      'f.dft:2:1: toplevel must be given once; got a second one (the first is at line 1)',
      'f.dft:3:9: statement must end with ";" on its line; got the end of the line after "b"',
      'f.dft:4:6: a quoted name must end with " on its line',
      'f.dft:5:1: "D" must be followed by a gate type or attributes such as lambda=',
      'f.dft:6:3: gate "E": 2of3 must have 3 children; got 2',
      'f.dft:7:1: "E" is defined twice (first at line 6)',
      'f.dft:8:3: gate "F": "foo" is not a gate type relkit reads; it reads and, or, KofM (such as 2of3) and votK (such as vot2)',
      'f.dft:9:1: basic event "G" must have exactly one of lambda= and prob=; got both',
      'f.dft:10:3: basic event "H": dorm= (dormancy) only matters under spare gates, which are dynamic; relkit reads lambda= (failure rate), prob= (fixed probability) and repair= (repair rate)',
      'f.dft:10:10: basic event "H": x= is not an attribute relkit reads; it reads lambda= (failure rate), prob= (fixed probability) and repair= (repair rate)',
      'f.dft:11:19: basic event "I": repair= needs lambda= (a fixed probability is not repaired)',
      'f.dft:12:3: gate "J": "lambda" is not a gate type relkit reads; it reads and, or, KofM (such as 2of3) and votK (such as vot2)',
      'f.dft:13:1: comment /* must be closed with */',
    ]);
  });

  it('asks for a toplevel when there is none', () => {
    expect(errorsOf('A lambda=1;')).toEqual([
      'f.dft: toplevel is missing: name the top event with a line such as toplevel "System";',
    ]);
  });
});

describe('readGalileo then parseModelSource and evaluateModel', () => {
  it('loads the tree: events with failure times as units, KofM as at least k', () => {
    const model = load(TREE, { missionTime: 1000 });
    expect(model.missionTime).toBe(1000);
    expect(model.timeUnit).toBe('h');
    const tree = model.faultTree!;
    expect(tree.top).toBe('System');
    expect(tree.events.map((event) => event.name)).toEqual(['Pump-A', 'PumpB', 'v1', 'v2', 'v3']);
    expect(model.components.map((component) => [component.failure, component.repair])).toEqual([
      [
        { dist: 'exponential', rate: 1e-4 },
        { dist: 'exponential', rate: 0.05 },
      ],
      [{ dist: 'exponential', rate: 2e-4 }, undefined],
    ]);
    expect(tree.root).toMatchObject({
      kind: 'or',
      children: [
        { kind: 'and', name: 'Trains' },
        { kind: 'atleast', k: 2, name: 'Valve' },
      ],
    });
  });

  it("reports relkit's own checks at the Galileo lines they concern", () => {
    const text = 'toplevel S;\nS or A Z;\nA lambda=-1;\nB prob=2;';
    let messages: string[] = [];
    try {
      load(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ModelError);
      messages = (error as ModelError).message.split('\n');
    }
    expect(messages).toContain(
      'f.dft:3:10: events.A.failure.rate must be a finite number > 0; got -1',
    );
    expect(
      messages.some((message) => /^f\.dft:2:8: fault_tree\.gates\.S\.or\[1\] /.test(message)),
    ).toBe(true);
    expect(messages.some((message) => /^f\.dft:4:8: events\.B\.probability /.test(message))).toBe(
      true,
    );
  });
});
